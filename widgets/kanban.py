"""A kanban board: one column per stage, cards dragged between columns.

Each column is a ``QListView`` over a small list model, and a delegate paints the cards, so only
the cards on screen are drawn and a column with hundreds of cards scrolls as smoothly as an
empty one (no widget per card).  The board only shows and reports: dropping a card on another
column emits ``cardMoved(card id, column key)`` and leaves the card where it was; the owner
checks the move (a rule, a confirmation) and then calls :meth:`KanbanBoard.move_card`.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

MIME_TYPE = "application/x-kanban-card"
_Index = QModelIndex | QPersistentModelIndex

# Colours of the card's left strip and warnings (the same muted palette as the charts).
ACCENT = "#4e79a7"
WARNING = "#c9302c"
CAUTION = "#d08a00"
CARD_BORDER = "#d5dae0"
CARD_SELECTED = "#2f6feb"
MUTED_TEXT = "#5b6570"


@dataclass(frozen=True)
class KanbanCard:
    """What a card shows, already formatted by the owner; ``value`` orders a column (largest first)."""

    id: int
    column: str
    title: str
    subtitle: str = ""
    amount: str = ""
    owner: str = ""
    due: str = ""
    age: str = ""
    value: float = 0.0
    warn_due: bool = False
    """The date line in red (e.g. an expected close already passed)."""
    warn_age: bool = False
    """The age line in amber (e.g. a deal stalled in its stage)."""
    accent: str = ACCENT
    badge: str = ""
    """A word in the corner (e.g. 赢单 / 输单 for a closed deal)."""
    movable: bool = True
    tooltip: str = ""


CardRole = Qt.ItemDataRole.UserRole + 1


class _ColumnModel(QAbstractListModel):
    """The cards of one column, largest value first."""

    def __init__(self, key: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.key = key
        self.cards: list[KanbanCard] = []

    def set_cards(self, cards: list[KanbanCard]) -> None:
        self.beginResetModel()
        self.cards = sorted(cards, key=lambda c: -c.value)
        self.endResetModel()

    def insert(self, card: KanbanCard) -> int:
        row = bisect.bisect_right([-c.value for c in self.cards], -card.value)
        self.beginInsertRows(QModelIndex(), row, row)
        self.cards.insert(row, card)
        self.endInsertRows()
        return row

    def take(self, card_id: int) -> KanbanCard | None:
        row = self.row_of(card_id)
        if row is None:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        card = self.cards.pop(row)
        self.endRemoveRows()
        return card

    def row_of(self, card_id: int) -> int | None:
        return next((row for row, card in enumerate(self.cards) if card.id == card_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        card = self.cards[index.row()]
        if role == CardRole:
            return card
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{card.title} {card.subtitle}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return card.tooltip or None
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and self.cards[index.row()].movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            card = self.cards[indexes[0].row()]
            data.setData(MIME_TYPE, QByteArray(f"{card.id}\t{self.key}".encode()))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def card_of_mime(data: QMimeData) -> tuple[int, str] | None:
    """(card id, source column) carried by a drag, or None for anything else."""
    if not data.hasFormat(MIME_TYPE):
        return None
    text = bytes(data.data(MIME_TYPE).data()).decode()
    card_id, _tab, column = text.partition("\t")
    return (int(card_id), column) if card_id.isdigit() else None


class _CardDelegate(QStyledItemDelegate):
    """Paints a card: customer, deal, amount and owner, expected close and days in stage."""

    PAD = 7
    GAP = 3

    def _line(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.height()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        line = self._line(option)
        return QSize(200, 4 * line + 3 * self.GAP + 2 * self.PAD + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        card: KanbanCard = index.data(CardRole)
        if card is None:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(3, 3, -3, -3)  # type: ignore[attr-defined]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        painter.setPen(QPen(QColor(CARD_SELECTED if selected else CARD_BORDER), 2 if selected else 1))
        painter.setBrush(QColor("#eef4ff" if selected else "#ffffff"))
        painter.drawRoundedRect(rect, 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(card.accent))
        painter.drawRoundedRect(QRect(rect.left() + 1, rect.top() + 1, 4, rect.height() - 1), 2, 2)

        line = self._line(option)
        left = rect.left() + self.PAD + 4
        width = rect.width() - 2 * self.PAD - 4
        top = rect.top() + self.PAD
        metrics = option.fontMetrics  # type: ignore[attr-defined]
        bold = QFont(option.font)  # type: ignore[attr-defined]
        bold.setBold(True)

        badge_width = 0
        if card.badge:
            painter.setFont(option.font)  # type: ignore[attr-defined]
            badge_width = metrics.horizontalAdvance(card.badge) + 10
            badge = QRect(rect.right() - self.PAD - badge_width, top, badge_width, line)
            painter.setBrush(QColor(card.accent))
            painter.drawRoundedRect(badge, 3, 3)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, card.badge)
            badge_width += 4

        painter.setFont(bold)
        painter.setPen(QColor("#1f2328"))
        title_width = width - badge_width
        painter.drawText(
            QRect(left, top, title_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(card.title, Qt.TextElideMode.ElideRight, title_width),
        )
        top += line + self.GAP
        painter.setFont(option.font)  # type: ignore[attr-defined]
        painter.setPen(QColor("#3d444d"))
        painter.drawText(
            QRect(left, top, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(card.subtitle, Qt.TextElideMode.ElideRight, width),
        )
        top += line + self.GAP
        self._pair(painter, QRect(left, top, width, line), card.amount, bold, "#1f2328", card.owner, MUTED_TEXT)
        top += line + self.GAP
        due_colour = WARNING if card.warn_due else MUTED_TEXT
        age_colour = CAUTION if card.warn_age else MUTED_TEXT
        self._pair(painter, QRect(left, top, width, line), card.due, option.font, due_colour, card.age, age_colour)  # type: ignore[attr-defined]
        painter.restore()

    @staticmethod
    def _pair(painter: QPainter, rect: QRect, left: str, left_font: QFont, left_colour: str, right: str,
              right_colour: str) -> None:  # fmt: skip
        """Text at the left in its font and colour, and other text at the right (elided to fit)."""
        painter.setFont(left_font)
        painter.setPen(QColor(left_colour))
        left_width = min(painter.fontMetrics().horizontalAdvance(left), rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
        font = QFont(left_font)
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(QColor(right_colour))
        room = rect.width() - left_width - 8
        text = painter.fontMetrics().elidedText(right, Qt.TextElideMode.ElideRight, max(0, room))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)


class KanbanColumnView(QListView):
    """One column's list of cards; accepts cards dragged from the other columns."""

    dropped = Signal(int, str)
    """(card id, source column key) dropped here."""

    def __init__(self, key: str, empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.empty_text = empty_text
        self.setObjectName(f"kanban_{key}")
        self.setItemDelegate(_CardDelegate(self))
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(12)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(150)
        self.setProperty("dropTarget", False)

    def _highlight(self, on: bool) -> None:
        if self.property("dropTarget") != on:
            self.setProperty("dropTarget", on)
            self.style().unpolish(self)
            self.style().polish(self)
            self.viewport().update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        found = card_of_mime(event.mimeData())
        if found is not None and found[1] != self.key:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._highlight(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        found = card_of_mime(event.mimeData())
        if found is not None and found[1] != self.key:
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: Any) -> None:
        self._highlight(False)
        super().dragLeaveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self._highlight(False)
        found = card_of_mime(event.mimeData())
        if found is None or found[1] == self.key:
            event.ignore()
            return
        # Copy, not move: the view that started the drag must not remove the card itself; the
        # board moves it once its owner has accepted the move.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.dropped.emit(found[0], found[1])

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if self.empty_text and model is not None and model.rowCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(QColor("#8c959f"))
            painter.drawText(
                self.viewport().rect().adjusted(8, 16, -8, 0),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )


class _ElidedLabel(QLabel):
    """A one-line label that shortens its text with … when the column is narrow."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = text
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setToolTip(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = self.contentsRect().width() - 2 * self.margin() - 4  # the style sheet's padding is inside
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))


class _Column(QFrame):
    def __init__(self, key: str, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kanban_column")
        self.key = key
        self.title = _ElidedLabel(title)
        self.title.setObjectName("kanban_title")
        self.count = QLabel("0")
        self.count.setObjectName("kanban_count")
        self.header = QLabel()
        self.header.setObjectName("kanban_header")
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.header.setMinimumWidth(60)
        self.model = _ColumnModel(key, self)
        self.view = KanbanColumnView(key, empty_text)
        self.view.setModel(self.model)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)


_STYLE = """
QFrame#kanban_column { background: #f1f3f5; border-radius: 6px; }
QLabel#kanban_title { font-weight: bold; padding-left: 4px; }
QLabel#kanban_count { color: #3d444d; background: #dfe3e8; border-radius: 8px; padding: 0 7px; }
QLabel#kanban_header { color: #5b6570; padding: 0 4px; }
QListView { background: transparent; border: none; }
QListView[dropTarget="true"] { background: #dde8fb; border-radius: 4px; }
QScrollBar:vertical { width: 8px; background: transparent; margin: 0; }
QScrollBar::handle:vertical { background: #c2c8cf; border-radius: 4px; min-height: 24px; }
QScrollBar::handle:vertical:hover { background: #9aa3ad; }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
"""


class KanbanBoard(QWidget):
    """Columns of cards.  ``summarise(cards)`` gives the second header line of a column (default:
    nothing; the count is always shown)."""

    cardMoved = Signal(int, str)
    """A card was dropped on another column: (card id, target column key)."""
    cardSelected = Signal(int)
    """The selected card changed: its id, or -1 when none is selected."""
    cardActivated = Signal(int)
    """A card was double-clicked."""
    cardMenuRequested = Signal(int, QPoint)
    """A card was right-clicked (or the menu key pressed on it): its id and where to show a menu."""

    def __init__(
        self,
        columns: Sequence[tuple[str, str]] = (),
        summarise: Callable[[list[KanbanCard]], str] | None = None,
        empty_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._summarise = summarise
        self._empty_text = empty_text
        self._columns: dict[str, _Column] = {}
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self.setStyleSheet(_STYLE)
        self.set_columns(columns)

    # --- building ------------------------------------------------------------------
    def set_columns(self, columns: Sequence[tuple[str, str]]) -> None:
        """(key, title) of each column, left to right; cards are dropped."""
        for column in self._columns.values():
            self._layout.removeWidget(column)
            column.deleteLater()
        self._columns = {}
        for key, title in columns:
            column = _Column(key, title, self._empty_text, self)
            column.view.dropped.connect(lambda card_id, _source, key=key: self._dropped(card_id, key))
            column.view.selectionModel().currentChanged.connect(
                lambda current, _previous, key=key: self._current_changed(key, current)
            )
            column.view.doubleClicked.connect(lambda index: self.cardActivated.emit(index.data(CardRole).id))
            column.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            column.view.customContextMenuRequested.connect(
                lambda point, view=column.view: self._menu_requested(view, point)
            )
            self._layout.addWidget(column, 1)
            self._columns[key] = column
            self._update_header(column)

    def set_cards(self, cards: Iterable[KanbanCard]) -> None:
        """Replace every card; cards of unknown columns are left out."""
        selected = self.selected_card()
        by_column: dict[str, list[KanbanCard]] = {key: [] for key in self._columns}
        for card in cards:
            if card.column in by_column:
                by_column[card.column].append(card)
        for key, column in self._columns.items():
            column.model.set_cards(by_column[key])
            self._update_header(column)
        if selected is not None and not self.select_card(selected):
            self.cardSelected.emit(-1)

    # --- changing ------------------------------------------------------------------
    def move_card(self, card_id: int, column: str) -> bool:
        """Move a card to ``column`` (keeping it selected if it was); False when there is no such card."""
        card = self.card(card_id)
        if card is None or column not in self._columns:
            return False
        was_selected = self.selected_card() == card_id
        self.update_card(dataclasses.replace(card, column=column))
        if was_selected:
            self.select_card(card_id)
        return True

    def update_card(self, card: KanbanCard) -> None:
        """Show ``card`` instead of the card with its id (in its column, which may be another)."""
        self.remove_card(card.id)
        target = self._columns.get(card.column)
        if target is not None:
            target.model.insert(card)
            self._update_header(target)

    def remove_card(self, card_id: int) -> None:
        for column in self._columns.values():
            if column.model.take(card_id) is not None:
                self._update_header(column)

    # --- reading -------------------------------------------------------------------
    def column_keys(self) -> list[str]:
        return list(self._columns)

    def view(self, column: str) -> KanbanColumnView:
        return self._columns[column].view

    def header_text(self, column: str) -> str:
        """The column's title, count and summary as one line of text (what a reader sees)."""
        c = self._columns[column]
        return " ".join(
            part for part in (c.title.toolTip(), c.count.text(), c.header.text().replace("\n", " ")) if part
        )

    def card_ids(self, column: str) -> list[int]:
        return [card.id for card in self._columns[column].model.cards]

    def card(self, card_id: int) -> KanbanCard | None:
        for column in self._columns.values():
            row = column.model.row_of(card_id)
            if row is not None:
                return column.model.cards[row]
        return None

    def column_of(self, card_id: int) -> str | None:
        card = self.card(card_id)
        return card.column if card is not None else None

    def index_of(self, card_id: int) -> QModelIndex:
        for column in self._columns.values():
            row = column.model.row_of(card_id)
            if row is not None:
                return column.model.index(row, 0)
        return QModelIndex()

    def selected_card(self) -> int | None:
        for column in self._columns.values():
            index = column.view.currentIndex()
            if index.isValid() and column.view.selectionModel().isSelected(index):
                return int(column.model.cards[index.row()].id)
        return None

    def select_card(self, card_id: int) -> bool:
        index = self.index_of(card_id)
        if not index.isValid():
            return False
        view = self._columns[index.data(CardRole).column].view
        view.setCurrentIndex(index)
        view.scrollTo(index)
        return True

    def clear_selection(self) -> None:
        for column in self._columns.values():
            column.view.selectionModel().clear()

    # --- internals -----------------------------------------------------------------
    def _dropped(self, card_id: int, target: str) -> None:
        if self.column_of(card_id) not in (None, target):
            self.cardMoved.emit(card_id, target)

    def _menu_requested(self, view: KanbanColumnView, point: QPoint) -> None:
        index = view.indexAt(point)
        if index.isValid():
            view.setCurrentIndex(index)
            self.cardMenuRequested.emit(index.data(CardRole).id, view.viewport().mapToGlobal(point))

    def _current_changed(self, key: str, current: QModelIndex) -> None:
        if not current.isValid():
            return
        for other_key, column in self._columns.items():
            if other_key != key:
                column.view.selectionModel().clear()
        self.cardSelected.emit(current.data(CardRole).id)

    def _update_header(self, column: _Column) -> None:
        cards = column.model.cards
        column.count.setText(str(len(cards)))
        summary = self._summarise(cards) if self._summarise is not None else ""
        column.header.setText(summary)
        column.header.setVisible(self._summarise is not None)
        if self._summarise is not None:
            # Every summary as tall as its lines, so the cards of all columns start level.
            lines = max(1, len(summary.splitlines()))
            column.header.setFixedHeight(lines * column.header.fontMetrics().lineSpacing() + 2)
