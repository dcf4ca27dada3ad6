"""A page for a register that is not built yet: it says so plainly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        text = QLabel(self.tr("This register is not built yet.") + "\n" + description)
        text.setWordWrap(True)
        text.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (heading, text):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(w)
        layout.addStretch(2)
