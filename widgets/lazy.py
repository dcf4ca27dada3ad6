"""A placeholder that builds its real widget the first time it is shown.

Pages and tabs a user may never open (charts, other registers) cost nothing at start-up:
the main window paints first and builds them on demand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyWidget(QWidget):
    def __init__(self, factory: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._widget: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def is_built(self) -> bool:
        return self._widget is not None

    def widget(self) -> QWidget:
        """The real widget, built now if it was not yet."""
        if self._widget is None:
            self._widget = self._factory()
            self._layout.addWidget(self._widget)
        return self._widget

    def showEvent(self, event: QShowEvent) -> None:
        self.widget()
        super().showEvent(event)
