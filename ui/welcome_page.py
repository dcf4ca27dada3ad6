"""First start on an empty database: offer the sample workspace or an Excel import."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    sampleRequested = Signal()
    importRequested = Signal()
    startEmptyRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Welcome to the sales console"))
        heading.setStyleSheet("font-size: 22px; font-weight: 600;")
        text = QLabel(
            self.tr(
                "This database has no customers yet. Open the sample workspace to look around "
                "with realistic data (kept in its own file, your database stays empty), "
                "or import your customers from an Excel workbook."
            )
        )
        text.setWordWrap(True)
        # A fixed width lets the layout ask the wrapped label for its real height (no clipping).
        text.setFixedWidth(560)
        text.setMinimumHeight(text.heightForWidth(560))
        self.sample_button = QPushButton(self.tr("Open the sample workspace"))
        self.import_button = QPushButton(self.tr("Import customers from Excel…"))
        self.empty_button = QPushButton(self.tr("Start with an empty register"))
        self.sample_button.clicked.connect(self.sampleRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.empty_button.clicked.connect(self.startEmptyRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.sample_button, self.import_button, self.empty_button):
            b.setMinimumHeight(36)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for w in (heading, text):
            layout.addWidget(w, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)
