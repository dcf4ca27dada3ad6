"""A completer for names that also matches their pinyin and pinyin initials.

Typing ``hwjs`` or ``huawei`` offers 华为技术有限公司, as the customer search does; choosing an
entry puts the name itself in the line edit, never the search keys. The owner gives (name, keys)
pairs, keys being whatever text should also match (see :func:`domain.text.pinyin_keys`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter

SearchRole = Qt.ItemDataRole.UserRole + 1
"""The text a completion is matched against: the name and its keys."""


class PinyinCompleter(QCompleter):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompletionRole(SearchRole)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setMaxVisibleItems(12)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """(name, search keys) of every choice, in the order the popup lists them."""
        self._model.clear()
        for name, keys in choices:
            item = QStandardItem(name)
            item.setData(f"{name} {keys}", SearchRole)
            item.setEditable(False)
            self._model.appendRow(item)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))
