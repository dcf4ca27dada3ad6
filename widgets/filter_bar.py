"""A filter bar: a search box that filters as you type, plus drop-down choices."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget


class FilterBar(QWidget):
    """Emits ``changed`` on every keystroke and every choice; the owner reads :meth:`text` and :meth:`choice`."""

    changed = Signal()

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("filter_search")
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(placeholder) + 40)
        self.search.textChanged.connect(self.changed)
        self._choices: dict[str, QComboBox] = {}
        self._any_text: dict[str, str] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.search, 3)

    def add_choice(self, key: str, label: str, any_text: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"filter_{key}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._choices[key] = combo
        self._any_text[key] = any_text
        self._layout.addWidget(QLabel(label))
        self._layout.addWidget(combo, 1)
        self.set_options(key, [])
        combo.currentIndexChanged.connect(self.changed)
        return combo

    def set_options(self, key: str, options: Sequence[tuple[Any, str]]) -> None:
        """Replace a choice's options, keeping the current selection when it still exists."""
        combo = self._choices[key]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self._any_text[key], None)
        for value, text in options:
            combo.addItem(text, value)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def text(self) -> str:
        return self.search.text()

    def choice(self, key: str) -> Any:
        return self._choices[key].currentData()

    def combo(self, key: str) -> QComboBox:
        return self._choices[key]

    def clear(self) -> None:
        self.search.clear()
        for combo in self._choices.values():
            combo.setCurrentIndex(0)
