"""A read-only table model over columns held in memory, built for 100,000 rows.

Data lives in one list per column; what the view shows is a list of row positions
(filtered and sorted), so filtering and sorting only rebuild that list and never
touch Qt items per cell.  Text is formatted when a cell is painted, i.e. only for
the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Formatter = Callable[[Any], str]
_Index = QModelIndex | QPersistentModelIndex


@dataclass
class Column:
    """One column: the key of its values, its header, how to show a value and how to sort it."""

    key: str
    title: str
    format: Formatter = str
    align_right: bool = False
    sort_key: str | None = None
    """Key of another value list to sort by (e.g. pinyin for a Chinese name)."""
    tooltip: Formatter | None = None
    decoration: Callable[[Any], Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class ColumnarModel(QAbstractTableModel):
    """Rows are positions into the column lists; :meth:`row_id` gives a row's record id."""

    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column], parent: Any = None, muted_key: str | None = None) -> None:
        super().__init__(parent)
        self._muted_key = muted_key
        self._muted_colour = QColor("#9a9a9a")
        self._columns = list(columns)
        self._values: dict[str, Sequence[Any]] = {}
        self._ids: Sequence[int] = []
        self._rows: list[int] = []
        self._order: list[int] = []
        """Every position in the current sort order; filtering keeps this order without re-sorting."""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- feeding -------------------------------------------------------------------
    def set_columns_data(self, ids: Sequence[int], values: dict[str, Sequence[Any]]) -> None:
        """Replace all data; every row is visible until :meth:`set_visible` says otherwise."""
        self.beginResetModel()
        self._ids = ids
        self._values = values
        self._order = self._sorted(list(range(len(ids))))
        self._rows = list(self._order)
        self.endResetModel()

    def set_visible(self, positions: Sequence[int]) -> None:
        """Show only these positions, in the current sort order.

        The full order is sorted once per sort change; a filter only picks from it, which
        keeps a keystroke on 100,000 rows linear instead of a sort each time.
        """
        if len(positions) == len(self._order):
            rows = list(self._order)
        else:
            shown = bytearray(len(self._order))
            for p in positions:
                shown[p] = 1
            rows = [p for p in self._order if shown[p]]
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_column_title(self, column: int, title: str) -> None:
        self._columns[column].title = title
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    # --- reading -------------------------------------------------------------------
    def column_keys(self) -> list[str]:
        return [c.key for c in self._columns]

    def row_id(self, row: int) -> int:
        return int(self._ids[self._rows[row]])

    def row_of_id(self, record_id: int) -> int | None:
        for row, position in enumerate(self._rows):
            if self._ids[position] == record_id:
                return row
        return None

    def visible_ids(self) -> list[int]:
        return [int(self._ids[p]) for p in self._rows]

    def value(self, row: int, key: str) -> Any:
        return self._values[key][self._rows[row]]

    # --- Qt model ------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self._columns[index.column()]
        position = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.format(self._values[column.key][position])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(self._values[column.key][position])
        if role == Qt.ItemDataRole.DecorationRole and column.decoration is not None:
            return column.decoration(self._values[column.key][position])
        if role == Qt.ItemDataRole.ForegroundRole and self._muted_key and self._values[self._muted_key][position]:
            return self._muted_colour
        if role == self.IdRole:
            return int(self._ids[position])
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        # Persistent indexes (the selection, the current row) follow their records to the new rows.
        persistent = [i for i in self.persistentIndexList() if i.isValid()]
        positions = [self._rows[i.row()] for i in persistent]
        self._order = self._sorted(list(range(len(self._ids))))
        shown = bytearray(len(self._order))
        for p in self._rows:
            shown[p] = 1
        self._rows = [p for p in self._order if shown[p]]
        if persistent:
            row_of = {p: r for r, p in enumerate(self._rows)}
            self.changePersistentIndexList(
                persistent, [self.index(row_of[p], i.column()) for i, p in zip(persistent, positions, strict=True)]
            )
        self.layoutChanged.emit()

    def _sorted(self, rows: list[int]) -> list[int]:
        if self._sort is None or not self._values:
            return rows
        column, order = self._sort
        spec = self._columns[column]
        keys = self._values[spec.sort_key or spec.key]
        # None sorts last whichever the direction; ties keep record order (stable sort).
        present = [r for r in rows if keys[r] is not None]
        missing = [r for r in rows if keys[r] is None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return present + missing
