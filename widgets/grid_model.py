"""A read-only grid of pre-formatted cells (text, colours, tooltip), for calendars and ledgers.

The page turns its data into :class:`GridCell` values once; painting then only looks them up.
A month ledger is at most a few hundred rows by ~45 columns, so holding every cell is cheap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class GridCell:
    text: str = ""
    background: str | None = None
    foreground: str | None = None
    tooltip: str = ""
    bold: bool = False
    align_right: bool = False


EMPTY = GridCell()


class GridModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self._column_tips: list[str] = []
        self._column_shade: list[str | None] = []
        self._rows: list[list[GridCell]] = []
        self._brushes: dict[str, QBrush] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def set_grid(
        self,
        columns: Sequence[str],
        rows: Sequence[Sequence[GridCell]],
        column_tips: Sequence[str] | None = None,
        column_shade: Sequence[str | None] | None = None,
    ) -> None:
        self.beginResetModel()
        self._columns = list(columns)
        self._column_tips = list(column_tips or [""] * len(columns))
        self._column_shade = list(column_shade or [None] * len(columns))
        self._rows = [list(r) for r in rows]
        self.endResetModel()

    def cell(self, row: int, column: int) -> GridCell:
        return self._rows[row][column]

    def _brush(self, colour: str) -> QBrush:
        brush = self._brushes.get(colour)
        if brush is None:
            brush = self._brushes[colour] = QBrush(QColor(colour))
        return brush

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        cell = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = cell.background or self._column_shade[index.column()]
            return self._brush(colour) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole and cell.foreground:
            return self._brush(cell.foreground)
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or None
        if role == Qt.ItemDataRole.FontRole and cell.bold:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if cell.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tips[section] or None
        if role == Qt.ItemDataRole.BackgroundRole and self._column_shade[section]:
            return self._brush(self._column_shade[section])  # type: ignore[arg-type]
        return None
