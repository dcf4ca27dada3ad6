"""The key-account pipeline (销售机会): a kanban board by stage, a sortable table, the pipeline
dashboard, and the detail of the selected deal with its key nodes and history.

Dragging a card to another stage moves the deal; when the stage it leaves requires its key node
(关键节点) the move asks to confirm the node with its day first.  Won and Lost record the outcome
(a loss with its reason and the competitor that won).  The rules live in :mod:`domain.pipeline`,
the writing in :mod:`storage.pipeline`; this page only asks and shows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from domain.pipeline import (
    OUTCOMES,
    STAGES,
    KeyNode,
    MoveRefused,
    OpportunityRecord,
    PipelineSettings,
    Stage,
    Status,
    missing_nodes,
    stage_periods,
    weighted_fen,
)
from domain.search import TextIndex
from domain.text import normalise_company_name, pinyin_keys, search_haystack
from storage import opportunity_exchange as exchange
from storage import pipeline as repo
from storage.customers import reps as list_reps
from storage.db import Database
from storage.progress import Progress
from ui.dialogs.opportunity_dialogs import (
    DealDialog,
    MoveDialog,
    OutcomeDialog,
    PipelineSettingsDialog,
    date_of,
    optional_date_edit,
)
from ui.headless.pipeline import summary_text
from ui.jobs import Job, export_workbook, run_job
from ui.labels import buying_stage_names, deal_status_names, key_node_names, money, stage_names, ui_language
from widgets.columnar_model import Column, ColumnarModel
from widgets.filter_bar import FilterBar
from widgets.kanban import ACCENT, CAUTION, WARNING, KanbanBoard, KanbanCard
from widgets.lazy import LazyWidget

log = logging.getLogger(__name__)

WON_COLOUR = "#2e8540"
LOST_COLOUR = "#8c959f"


def yuan(fen: int | None) -> str:
    """¥1,234,567 (whole yuan: a manager reads magnitudes)."""
    return "" if fen is None else "¥" + money(fen / 100)


def opportunity_field_names() -> dict[str, str]:
    """Names of the importable opportunity fields, for the import wizard's "Import as" choices."""
    return {
        "id": QCoreApplication.translate("pipeline", "Opportunity ID"),
        "customer": QCoreApplication.translate("pipeline", "Customer"),
        "name": QCoreApplication.translate("pipeline", "Opportunity"),
        "owner": QCoreApplication.translate("pipeline", "Owner"),
        "amount": QCoreApplication.translate("pipeline", "Amount (¥)"),
        "stage": QCoreApplication.translate("pipeline", "Stage"),
        "status": QCoreApplication.translate("pipeline", "Status"),
        "expected_close": QCoreApplication.translate("pipeline", "Expected close"),
        "buying_stage": QCoreApplication.translate("pipeline", "Customer's buying stage"),
        "competitors": QCoreApplication.translate("pipeline", "Competitors involved"),
        "winner": QCoreApplication.translate("pipeline", "Won by"),
        "outcome_reason": QCoreApplication.translate("pipeline", "Outcome reason"),
        "closed_on": QCoreApplication.translate("pipeline", "Closed on"),
        "next_step": QCoreApplication.translate("pipeline", "Next step"),
        "next_step_on": QCoreApplication.translate("pipeline", "Next step date"),
        "created_on": QCoreApplication.translate("pipeline", "Created on"),
        "notes": QCoreApplication.translate("pipeline", "Notes"),
    }


def opportunity_import_spec() -> Any:
    """The shared import wizard configured for opportunities."""
    from ui.dialogs.import_dialog import ImportSpec

    names = opportunity_field_names()

    return ImportSpec(
        title=QCoreApplication.translate("pipeline", "Import opportunities"),
        fields=[(key, names.get(key, label)) for key, label in exchange.field_labels("en")],
        preview=lambda path, sheet, header: exchange.preview_import(path, sheet=sheet, header_row=header),
        apply=lambda db, path, sheet, header, mapping, progress: exchange.import_opportunities(
            db, path, sheet, header, mapping, progress=progress
        ),
        describe_summary=summary_text,
    )


# ---------------------------------------------------------------------------------------------
# Data behind the page


@dataclass
class _Data:
    rows: dict[int, repo.OpportunityRow]
    settings: PipelineSettings
    today: date
    pinyin: dict[str, tuple[str, str]]
    """Pinyin keys of deal and owner names (names repeat, so each is computed once)."""


def _load(db: Database, progress: Progress) -> _Data:
    """Runs on a worker thread."""
    with db.transaction() as session:
        rows = repo.list_opportunities(session)
        settings = repo.load_settings(session)
    progress(1, 2)
    pinyin: dict[str, tuple[str, str]] = {}
    for row in rows:
        for name in (row.name, row.owner):
            if name not in pinyin:
                pinyin[name] = pinyin_keys(name)
    progress(2, 2)
    return _Data({row.id: row for row in rows}, settings, date.today(), pinyin)


def _totals(rows: Sequence[repo.OpportunityRow], settings: PipelineSettings) -> tuple[int, int]:
    """Amount of the rows, and the weighted forecast of the open ones among them (fen)."""
    amount = sum(r.amount_fen for r in rows)
    weighted = sum(weighted_fen(r.amount_fen, Stage(r.stage), settings) for r in rows if r.status == Status.OPEN)
    return amount, weighted


def _haystack(row: repo.OpportunityRow, pinyin: dict[str, tuple[str, str]]) -> str:
    deal = pinyin.get(row.name) or pinyin_keys(row.name)
    owner = pinyin.get(row.owner) or pinyin_keys(row.owner)
    return search_haystack(
        row.customer, row.customer_pinyin, row.customer_initials, row.name, *deal, row.owner, *owner, row.competitors
    )


# ---------------------------------------------------------------------------------------------
# The detail of one deal


class DealDetail(QWidget):
    """Everything about the selected deal; the buttons ask the page to act."""

    editRequested = Signal()
    wonRequested = Signal()
    lostRequested = Signal()
    reopenRequested = Signal()
    closeRequested = Signal()
    nodeToggled = Signal(str, bool)
    nextStepSaved = Signal(str, object)
    buyingStageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.deal_id: int | None = None
        self.customer = QLabel()
        self.customer.setObjectName("detail_customer")
        self.customer.setWordWrap(True)
        self.customer.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.deal = QLabel()
        self.deal.setObjectName("detail_deal")
        self.deal.setWordWrap(True)
        self.deal.setStyleSheet("font-size: 14px;")
        self.headline = QLabel()
        self.headline.setObjectName("detail_headline")
        self.headline.setTextFormat(Qt.TextFormat.RichText)

        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.editRequested)
        self.won_button = QPushButton(self.tr("Won"))
        self.won_button.setObjectName("detail_won")
        self.won_button.clicked.connect(self.wonRequested)
        self.lost_button = QPushButton(self.tr("Lost"))
        self.lost_button.setObjectName("detail_lost")
        self.lost_button.clicked.connect(self.lostRequested)
        self.reopen_button = QPushButton(self.tr("Reopen"))
        self.reopen_button.clicked.connect(self.reopenRequested)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.won_button, self.lost_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for key, label in (
            ("owner", self.tr("Owner")),
            ("stage", self.tr("Stage")),
            ("amount", self.tr("Amount")),
            ("weighted", self.tr("Weighted")),
            ("expected_close", self.tr("Expected close")),
            ("created_on", self.tr("Created on")),
            ("closed_on", self.tr("Closed on")),
            ("outcome_reason", self.tr("Reason")),
            ("winner", self.tr("Won by")),
            ("competitors", self.tr("Competitors")),
            ("notes", self.tr("Notes")),
        ):
            value = QLabel()
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(label, value)
        self.buying_stage = QComboBox()
        self.buying_stage.setObjectName("detail_buying_stage")
        for code, label in buying_stage_names().items():
            self.buying_stage.addItem(label or self.tr("(not known)"), code)
        self.buying_stage.activated.connect(lambda _i: self.buyingStageChosen.emit(self.buying_stage.currentData()))
        form.addRow(self.tr("Buying stage"), self.buying_stage)
        self._form = form

        step_box = QFrame()
        step = QHBoxLayout(step_box)
        step.setContentsMargins(0, 0, 0, 0)
        self.next_step = QLineEdit()
        self.next_step.setObjectName("detail_next_step")
        self.next_step.setPlaceholderText(self.tr("What happens next?"))
        self.next_step_on = optional_date_edit(None, "detail_next_step_on")
        self.save_step = QPushButton(self.tr("Save"))
        self.save_step.clicked.connect(
            lambda: self.nextStepSaved.emit(self.next_step.text(), date_of(self.next_step_on))
        )
        step.addWidget(self.next_step, 1)
        step.addWidget(self.next_step_on)
        step.addWidget(self.save_step)

        self.nodes: dict[KeyNode, QCheckBox] = {}
        self.node_dates: dict[KeyNode, QLabel] = {}
        node_grid = QGridLayout()
        node_grid.setHorizontalSpacing(10)
        node_grid.setVerticalSpacing(2)
        stages = stage_names()
        widest = max(self.fontMetrics().horizontalAdvance(name) for name in stages.values())
        for row, stage in enumerate(STAGES):
            node = stage.key_node
            check = QCheckBox()
            check.setObjectName(f"detail_node_{node.value}")
            check.clicked.connect(lambda on, node=node: self.nodeToggled.emit(node.value, on))
            stage_label = QLabel(stages[stage])
            stage_label.setStyleSheet("color: #5b6570;")
            stage_label.setWordWrap(True)
            stage_label.setFixedWidth(min(110, widest + 4))
            when = QLabel()
            when.setStyleSheet("color: #5b6570;")
            node_grid.addWidget(stage_label, row, 0)
            node_grid.addWidget(check, row, 1)
            node_grid.addWidget(when, row, 2)
            self.nodes[node], self.node_dates[node] = check, when
        node_grid.setColumnStretch(1, 1)

        self.history = QTableWidget(0, 3)
        self.history.setObjectName("detail_history")
        self.history.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Change"), self.tr("Days")])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(150)

        self.close_button = QToolButton()
        self.close_button.setObjectName("detail_close")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Close the detail"))
        self.close_button.clicked.connect(self.closeRequested)
        top = QHBoxLayout()
        top.addWidget(self.customer, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.deal)
        layout.addWidget(self.headline)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self._section(self.tr("Next step")))
        layout.addWidget(step_box)
        layout.addWidget(self._section(self.tr("Key nodes")))
        layout.addLayout(node_grid)
        layout.addWidget(self._section(self.tr("History")))
        layout.addWidget(self.history, 1)

    @staticmethod
    def _section(title: str) -> QLabel:
        label = QLabel(f"<b>{title}</b>")
        label.setStyleSheet("margin-top: 8px; border-bottom: 1px solid #d5dae0; padding-bottom: 2px;")
        return label

    def show_deal(
        self,
        row: repo.OpportunityRow,
        record: OpportunityRecord,
        history: Sequence[repo.HistoryRow],
        settings: PipelineSettings,
        today: date,
    ) -> None:
        self.deal_id = row.id
        stages, statuses = stage_names(), deal_status_names()
        self.customer.setText(row.customer)
        self.deal.setText(row.name)
        colour = {Status.WON: WON_COLOUR, Status.LOST: LOST_COLOUR}.get(Status(row.status), ACCENT)
        self.headline.setText(
            f"<span style='background:{colour}; color:white;'>&nbsp;{statuses[row.status]}&nbsp;</span>"
            f"&nbsp;&nbsp;<span style='font-size:15px; font-weight:bold;'>{yuan(row.amount_fen)}</span>"
        )
        stage = Stage(row.stage)
        open_deal = row.status == Status.OPEN
        values = {
            "owner": row.owner or "—",
            "stage": stages[row.stage] + (f"  ({settings.probability(stage)}%)" if open_deal else ""),
            "amount": yuan(row.amount_fen),
            "weighted": yuan(weighted_fen(row.amount_fen, stage, settings)) if open_deal else "—",
            "expected_close": row.expected_close.isoformat() if row.expected_close else "—",
            "created_on": row.created_on.isoformat(),
            "closed_on": row.closed_on.isoformat() if row.closed_on else "—",
            "outcome_reason": row.outcome_reason or "—",
            "winner": row.winner or "—",
            "competitors": row.competitors.replace("、", "\n") or "—",
            "notes": record.notes or "—",
        }
        for key, value in values.items():
            self.fields[key].setText(value)
        overdue = open_deal and row.expected_close is not None and row.expected_close < today
        self.fields["expected_close"].setStyleSheet(f"color: {WARNING};" if overdue else "")
        for key in ("closed_on", "outcome_reason", "winner"):
            self._form.setRowVisible(
                self.fields[key], not open_deal or (key == "outcome_reason" and bool(row.outcome_reason))
            )
        self._form.setRowVisible(self.fields["weighted"], open_deal)
        self.buying_stage.setCurrentIndex(max(0, self.buying_stage.findData(row.buying_stage)))
        self.next_step.setText(row.next_step)
        self.next_step_on.setDate(optional_date_edit(row.next_step_on).date())
        late = open_deal and row.next_step_on is not None and row.next_step_on < today
        self.next_step_on.setStyleSheet(f"color: {WARNING};" if late else "")
        self.next_step_on.setToolTip(self.tr("The next step is overdue.") if late else "")
        for button in (self.won_button, self.lost_button):
            button.setEnabled(open_deal)
        self.reopen_button.setVisible(not open_deal)
        names = key_node_names()
        for node, check in self.nodes.items():
            done = record.nodes.get(node)
            check.setChecked(done is not None)
            check.setText(names[node])
            self.node_dates[node].setText(done.isoformat() if done else "")
            font = check.font()
            font.setBold(open_deal and node == stage.key_node)
            check.setFont(font)
        self._show_history(history, today)

    def _show_history(self, history: Sequence[repo.HistoryRow], today: date) -> None:
        names = {**stage_names(), **deal_status_names()}
        periods = {p.entered: p for p in stage_periods((h.changed_on, h.to_stage) for h in history)}
        self.history.setRowCount(len(history))
        for row, change in enumerate(history):
            if change.from_stage is None:
                text = self.tr("Entered: {stage}").format(stage=names.get(change.to_stage, change.to_stage))
            else:
                text = (
                    f"{names.get(change.from_stage, change.from_stage)} → {names.get(change.to_stage, change.to_stage)}"
                )
            period = periods.get(change.changed_on) if change.to_stage not in OUTCOMES else None
            days = str(period.days(today)) if period is not None and period.stage == change.to_stage else ""
            for column, value in enumerate((change.changed_on.isoformat(), text, days)):
                item = QTableWidgetItem(value)
                if change.note:
                    item.setToolTip(change.note)
                if column == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(row, column, item)
        self.history.resizeRowsToContents()


# ---------------------------------------------------------------------------------------------
# The page


class PipelinePage(QWidget):
    """The pipeline register: board, table and dashboard over one filter, and the deal detail."""

    dataChanged = Signal()

    BOARD, TABLE, DASHBOARD = range(3)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._data: _Data | None = None
        self._index: TextIndex | None = None
        self._positions: list[int] = []
        self._ids: list[int] = []
        self._after_load: list[Callable[[], None]] = []
        self.loading = False
        self.deal_dialog: DealDialog | None = None
        self.move_dialog: MoveDialog | None = None
        self.outcome_dialog: OutcomeDialog | None = None
        self.settings_dialog: PipelineSettingsDialog | None = None
        self.import_dialog: Any = None
        self.card_menu: QMenu | None = None

        self.toolbar = QToolBar()
        self.new_action = self._action(self.tr("New opportunity"), self.new_deal, QKeySequence.StandardKey.New)
        self.edit_action = self._action(self.tr("Edit…"), self.edit_deal)
        self.toolbar.addSeparator()
        self.won_action = self._action(self.tr("Won…"), self.record_won)
        self.lost_action = self._action(self.tr("Lost…"), self.record_lost)
        self.toolbar.addSeparator()
        self.import_action = self._action(self.tr("Import…"), self.import_opportunities)
        self.export_action = self._action(self.tr("Export…"), self.export_opportunities)
        self.toolbar.addSeparator()
        self.settings_action = self._action(self.tr("Pipeline settings…"), self.edit_settings)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().horizontalPolicy().Expanding, spacer.sizePolicy().verticalPolicy())
        self.toolbar.addWidget(spacer)
        self.view_buttons = QButtonGroup(self)
        self.view_buttons.setExclusive(True)
        for number, (name, text) in enumerate(
            (("board", self.tr("Board")), ("table", self.tr("Table")), ("dashboard", self.tr("Dashboard")))
        ):
            button = QToolButton()
            button.setObjectName(f"view_{name}")
            button.setText(text)
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.view_buttons.addButton(button, number)
            self.toolbar.addWidget(button)
        self.view_buttons.idClicked.connect(self.show_view)

        self.filters = FilterBar(self.tr("Search customer, opportunity, owner or pinyin (e.g. hwjs)…"))
        self.filters.add_choice("owner", self.tr("Owner"), self.tr("All"))
        self.filters.add_choice("stage", self.tr("Stage"), self.tr("All"))
        self.filters.add_choice("status", self.tr("Status"), self.tr("All"))
        self.filters.set_options("stage", list(stage_names().items()))
        self.filters.set_options("status", list(deal_status_names().items()))
        self.filters.combo("status").setCurrentIndex(1)  # open deals: what a board is for
        self.filters.changed.connect(self.apply_filters)

        self.board = KanbanBoard(
            [(stage.value, stage_names()[stage]) for stage in STAGES],
            summarise=self._summarise,
            empty_text=self.tr("No deals in this stage"),
        )
        self.board.setObjectName("pipeline_board")
        self.board.cardMoved.connect(self.move_card)
        self.board.cardSelected.connect(self._card_selected)
        self.board.cardActivated.connect(lambda _id: self.edit_deal())
        self.board.cardMenuRequested.connect(self._card_menu)

        self.model = ColumnarModel(self._columns(), self)
        self.table = QTableView()
        self.table.setObjectName("pipeline_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(self.model.column_keys().index("amount"), Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setHighlightSections(False)
        self._fit_columns()
        self.table.selectionModel().currentRowChanged.connect(self._row_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_deal())

        self.dashboard_tab = LazyWidget(self._make_dashboard)
        self.views = QStackedWidget()
        self.views.addWidget(self.board)
        self.views.addWidget(self.table)
        self.views.addWidget(self.dashboard_tab)

        self.detail = DealDetail()
        self.detail.editRequested.connect(self.edit_deal)
        self.detail.wonRequested.connect(self.record_won)
        self.detail.lostRequested.connect(self.record_lost)
        self.detail.reopenRequested.connect(self.reopen_deal)
        self.detail.closeRequested.connect(self.close_detail)
        self.detail.nodeToggled.connect(self._node_toggled)
        self.detail.nextStepSaved.connect(self._next_step_saved)
        self.detail.buyingStageChosen.connect(self._buying_stage_chosen)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_stack = QStackedWidget()
        hint = QLabel(self.tr("Select a deal to see its details, key nodes and history."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #777;")
        self.detail_stack.addWidget(hint)
        self.detail_scroll.setWidget(self.detail)
        self.detail_stack.addWidget(self.detail_scroll)
        self.detail_stack.setMinimumWidth(380)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter()
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(self.detail_stack)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([1160, 400])
        self.detail_stack.hide()  # until a deal is selected: the board has the whole width
        self.summary = QLabel()
        self.summary.setObjectName("pipeline_summary")
        self.message = QLabel()
        self.message.setObjectName("pipeline_message")
        self.message.setStyleSheet(f"color: {WARNING};")
        self.message.setWordWrap(True)
        self.message.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.summary)
        self.view_buttons.button(self.BOARD).setChecked(True)
        self._update_actions()
        self.reload()

    def _action(self, text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.toolbar.addAction(action)
        return action

    def _columns(self) -> list[Column]:
        stages, statuses = stage_names(), deal_status_names()

        def text(v: Any) -> str:
            return "" if v is None else str(v)

        def day(v: Any) -> str:
            return v.isoformat() if v else ""

        return [
            Column("customer", self.tr("Customer"), text, sort_key="customer_pinyin", tooltip=text),
            Column("name", self.tr("Opportunity"), text, tooltip=text),
            Column("stage", self.tr("Stage"), lambda v: stages.get(v, v), sort_key="stage_order"),
            Column("status", self.tr("Status"), lambda v: statuses.get(v, v)),
            Column("amount", self.tr("Amount (¥)"), yuan, align_right=True),
            Column("weighted", self.tr("Weighted (¥)"), yuan, align_right=True),
            Column("probability", self.tr("Prob."), lambda v: "" if v is None else f"{v}%", align_right=True),
            Column("owner", self.tr("Owner"), text),
            Column("expected_close", self.tr("Expected close"), day),
            Column("days", self.tr("Days in stage"), text, align_right=True),
            Column("next_step", self.tr("Next step"), text, tooltip=text),
            Column("next_step_on", self.tr("Next step on"), day),
            Column("competitors", self.tr("Competitors"), text, tooltip=text),
            Column("winner", self.tr("Won by"), text),
            Column("created_on", self.tr("Created on"), day),
        ]

    def _fit_columns(self) -> None:
        """Widths that show every header and the widest stage, status, amount and date in full."""
        metrics = self.table.fontMetrics()
        samples = {
            "customer": "福州市博威航建设工程有限责任公司",
            "name": "机器人工作站集成项目二期",
            "stage": max(stage_names().values(), key=metrics.horizontalAdvance),
            "status": max(deal_status_names().values(), key=metrics.horizontalAdvance),
            "amount": "¥12,345,678",
            "weighted": "¥12,345,678",
            "owner": "欧阳建国",
            "next_step": "确认合同条款和付款方式",
            "competitors": "华锐智能科技股份有限公司、中科",
            "winner": "华锐智能科技股份有限公司",
        }
        for column, key in enumerate(self.model.column_keys()):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            text = samples.get(key, "2026-12-31")
            width = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance(title) + 12) + 20
            self.table.setColumnWidth(column, width)

    # --- loading -------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Reload the pipeline on a worker; ``then`` runs once the new data is shown."""
        if then is not None:
            self._after_load.append(then)
        if self.loading:
            return
        self.loading = True
        self.summary.setText(self.tr("Loading…"))
        run_job(self, lambda progress: _load(self.db, progress), on_success=self._loaded, on_failure=self._load_failed)

    def _loaded(self, data: _Data) -> None:
        self.loading = False
        self._data = data
        self.filters.set_options("owner", [(x, x) for x in sorted({r.owner for r in data.rows.values() if r.owner})])
        self._rebuild()
        self.dataChanged.emit()
        self._reload_dashboard()
        callbacks, self._after_load = self._after_load, []
        for callback in callbacks:
            callback()

    def _reload_dashboard(self) -> None:
        """The dashboard (built by its own module) reloads itself when it can."""
        dashboard = self.dashboard_tab.widget() if self.dashboard_tab.is_built() else None
        if dashboard is not None and hasattr(dashboard, "reload"):
            dashboard.reload()

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        self.summary.setText(self.tr("The pipeline could not be loaded: {error}").format(error=exc))

    def _rebuild(self) -> None:
        """Lay the rows out in columns for the table and the search index, then filter."""
        data = self._data
        if data is None:
            return
        rows = sorted(data.rows.values(), key=lambda r: -r.id)
        settings, today = data.settings, data.today
        order = {stage.value: stage.order for stage in STAGES}
        opened = [r.status == Status.OPEN for r in rows]
        values: dict[str, list[Any]] = {
            key: [getattr(r, key) for r in rows]
            for key in ("customer", "customer_pinyin", "name", "stage", "status", "owner", "expected_close",
                        "next_step", "next_step_on", "competitors", "winner", "created_on")
        }  # fmt: skip
        values["amount"] = [r.amount_fen for r in rows]
        values["stage_order"] = [order.get(r.stage, 0) for r in rows]
        values["weighted"] = [
            weighted_fen(r.amount_fen, Stage(r.stage), settings) if o else None
            for r, o in zip(rows, opened, strict=True)
        ]
        values["probability"] = [
            settings.probability(Stage(r.stage)) if o else None for r, o in zip(rows, opened, strict=True)
        ]
        values["days"] = [(today - r.stage_since).days if r.stage_since else None for r in rows]
        self._ids = [r.id for r in rows]
        self._index = TextIndex([_haystack(r, data.pinyin) for r in rows])
        current = self.current_id()
        self.model.set_columns_data(self._ids, values)
        self.apply_filters()
        if current is not None:
            self.select_deal(current)

    # --- filtering -----------------------------------------------------------------
    def apply_filters(self) -> None:
        data, index = self._data, self._index
        if data is None or index is None:
            return
        positions = index.search(self.filters.text())
        rows = [data.rows[self._ids[p]] for p in positions]
        for key in ("owner", "stage", "status"):
            wanted = self.filters.choice(key)
            if wanted is not None:
                keep = [getattr(r, key) == wanted for r in rows]
                positions = [p for p, k in zip(positions, keep, strict=True) if k]
                rows = [r for r, k in zip(rows, keep, strict=True) if k]
        self._positions = positions
        self.model.set_visible(positions)
        self.board.set_cards(self._card(r) for r in rows)
        self._show_summary(rows)
        self._update_actions()

    def _show_summary(self, rows: list[repo.OpportunityRow]) -> None:
        data = self._data
        assert data is not None
        amount = sum(r.amount_fen for r in rows)
        weighted = sum(
            weighted_fen(r.amount_fen, Stage(r.stage), data.settings) for r in rows if r.status == Status.OPEN
        )
        self.summary.setText(
            self.tr("{shown} of {total} deals · amount {amount} · weighted forecast {weighted}").format(
                shown=len(rows), total=len(data.rows), amount=yuan(amount), weighted=yuan(weighted)
            )
        )

    def _summarise(self, cards: list[KanbanCard]) -> str:
        data = self._data
        if data is None or not cards:
            return ""
        rows = [data.rows[c.id] for c in cards if c.id in data.rows]
        amount = sum(r.amount_fen for r in rows)
        weighted = sum(
            weighted_fen(r.amount_fen, Stage(r.stage), data.settings) for r in rows if r.status == Status.OPEN
        )
        return self.tr("Amount {amount}\nWeighted {weighted}").format(amount=yuan(amount), weighted=yuan(weighted))

    def _card(self, row: repo.OpportunityRow) -> KanbanCard:
        data = self._data
        assert data is not None
        open_deal = row.status == Status.OPEN
        days = (data.today - row.stage_since).days if row.stage_since else None
        stalled = open_deal and days is not None and days >= data.settings.stall_days
        overdue = open_deal and row.expected_close is not None and row.expected_close < data.today
        accent = WARNING if overdue else CAUTION if stalled else ACCENT
        if not open_deal:
            accent = WON_COLOUR if row.status == Status.WON else LOST_COLOUR
        # An open deal shows when it should close; a closed one when it closed.
        shown_day = row.expected_close if open_deal else row.closed_on
        lines = []
        if open_deal and row.expected_close:
            lines.append(self.tr("Expected close: {date}").format(date=row.expected_close.isoformat()))
        elif row.closed_on:
            lines.append(self.tr("Closed on {date}").format(date=row.closed_on.isoformat()))
        if days is not None:
            lines.append(self.tr("In this stage for {days} days.").format(days=days))
        if row.next_step:
            lines.append(
                self.tr("Next step: {step} ({on})").format(
                    step=row.next_step, on=row.next_step_on.isoformat() if row.next_step_on else "—"
                )
            )
        return KanbanCard(
            id=row.id,
            column=row.stage,
            title=row.customer,
            subtitle=row.name,
            amount=yuan(row.amount_fen),
            owner=row.owner,
            due=shown_day.isoformat() if shown_day else "",
            age=self.tr("{days} d").format(days=days) if days is not None else "",
            value=row.amount_fen,
            warn_due=overdue,
            warn_age=stalled,
            accent=accent,
            badge="" if open_deal else deal_status_names()[row.status],
            movable=open_deal,
            tooltip="\n".join(lines),
        )

    # --- views and selection -------------------------------------------------------
    def show_view(self, number: int) -> None:
        self.views.setCurrentIndex(number)
        # The dashboard has the whole width and its own figures; the filters and the detail are the register's.
        register = number != self.DASHBOARD
        for widget in (self.filters, self.summary):
            widget.setVisible(register)
        self.detail_stack.setVisible(register and self.detail.deal_id is not None)
        button = self.view_buttons.button(number)
        if not button.isChecked():
            button.setChecked(True)
        current = self.current_id()
        if current is not None:
            self.select_deal(current)

    def _make_dashboard(self) -> QWidget:
        try:
            from ui.pipeline_dashboard import PipelineDashboard
        except ImportError as exc:
            if exc.name != "ui.pipeline_dashboard":  # the module is there but broken: say so in the log
                log.exception("The pipeline dashboard could not be loaded")
            label = QLabel(self.tr("The pipeline dashboard is not available in this version."))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return label
        return PipelineDashboard(self.db)  # type: ignore[no-any-return]

    def current_id(self) -> int | None:
        """The deal whose detail is open, if any."""
        return self.detail.deal_id if self.detail_stack.currentIndex() == 1 else None

    def select_deal(self, deal_id: int) -> None:
        """Select a deal on the board and in the table, and show its detail."""
        self.board.select_card(deal_id)
        row = self.model.row_of_id(deal_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.scrollTo(index)
        self._show_detail(deal_id)

    def _card_selected(self, deal_id: int) -> None:
        if deal_id < 0:
            return
        if self.current_id() != deal_id:
            self._show_detail(deal_id)

    def _row_selected(self, current: Any, _previous: Any) -> None:
        if current.isValid():
            deal_id = self.model.row_id(current.row())
            if self.current_id() != deal_id:
                self._show_detail(deal_id)

    def _show_detail(self, deal_id: int) -> None:
        data = self._data
        if data is None or deal_id not in data.rows:
            return
        with self.db.transaction() as session:
            record = repo.get_deal(session, deal_id)
            history = repo.history(session, deal_id)
        self.detail.show_deal(data.rows[deal_id], record, history, data.settings, data.today)
        self.detail_stack.setCurrentIndex(1)
        if self.views.currentIndex() != self.DASHBOARD:
            self.detail_stack.show()
        self._update_actions()

    def close_detail(self) -> None:
        """Hide the detail and give the board the whole width again."""
        self.detail.deal_id = None
        self.detail_stack.setCurrentIndex(0)
        self.detail_stack.hide()
        self.board.clear_selection()
        self.table.clearSelection()
        self._update_actions()

    def _update_actions(self) -> None:
        current = self.current_id()
        row = self._data.rows.get(current) if self._data is not None and current is not None else None
        self.edit_action.setEnabled(row is not None)
        for action in (self.won_action, self.lost_action):
            action.setEnabled(row is not None and row.status == Status.OPEN)

    # --- refreshing after a change -------------------------------------------------
    def _refresh(self, deal_id: int) -> None:
        """Re-read one deal after a change and show it everywhere, without reloading the rest."""
        data = self._data
        if data is None:
            return
        with self.db.transaction() as session:
            rows = repo.list_opportunities(session, [deal_id])
        if rows:
            data.rows[deal_id] = rows[0]
            for name in (rows[0].name, rows[0].owner):
                data.pinyin.setdefault(name, pinyin_keys(name))
        else:
            data.rows.pop(deal_id, None)
        self._rebuild()
        if rows:
            self.select_deal(deal_id)
        self.dataChanged.emit()
        self._reload_dashboard()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _card_menu(self, deal_id: int, where: QPoint) -> None:
        """Right-click on a card: move it to another stage (the keyboard's way to drag), win, lose, edit."""
        data = self._data
        if data is None or deal_id not in data.rows:
            return
        row = data.rows[deal_id]
        self.card_menu = menu = QMenu(self)
        move = menu.addMenu(self.tr("Move to"))
        for stage in STAGES:
            action = move.addAction(stage_names()[stage])
            action.setEnabled(row.status == Status.OPEN and stage.value != row.stage)
            action.triggered.connect(lambda _on=False, stage=stage: self.move_card(deal_id, stage.value))
        menu.addSeparator()
        menu.addAction(self.won_action)
        menu.addAction(self.lost_action)
        menu.addAction(self.edit_action)
        menu.popup(where)

    # --- moves ---------------------------------------------------------------------
    def move_card(self, deal_id: int, stage_code: str) -> None:
        """A card was dropped on another stage: check the key-node rule, ask if needed, then move."""
        data = self._data
        if data is None or deal_id not in data.rows:
            return
        row = data.rows[deal_id]
        if row.status != Status.OPEN or stage_code not in Stage._value2member_map_:
            return
        source, target = Stage(row.stage), Stage(stage_code)
        with self.db.transaction() as session:
            reached = repo.get_deal(session, deal_id).nodes
        missing = missing_nodes(source, target, set(reached), data.settings)
        if not missing:
            self._move(deal_id, target, {}, "")
            return
        dialog = MoveDialog(row.name, source, target, missing, date.today(), self)
        self.move_dialog = dialog
        dialog.accepted.connect(lambda: self._move(deal_id, target, dialog.confirmed(), dialog.note.text()))
        dialog.open()

    def _move(self, deal_id: int, target: Stage, confirmed: dict[KeyNode, date], note: str) -> None:
        data = self._data
        assert data is not None
        try:
            with self.db.transaction() as session:
                repo.move_stage(session, deal_id, target, date.today(), confirmed, data.settings, note.strip())
        except MoveRefused as exc:
            names = key_node_names()
            self._say(
                self.tr("The deal was not moved: {nodes} not confirmed.").format(
                    nodes="、".join(names[n] for n in exc.missing)
                )
                if exc.missing
                else self.tr("The deal was not moved: it is closed; reopen it first.")
            )
            return
        self._say("")
        self.board.move_card(deal_id, target.value)
        self._refresh(deal_id)

    # --- outcomes ------------------------------------------------------------------
    def record_won(self) -> None:
        self._ask_outcome(Status.WON)

    def record_lost(self) -> None:
        self._ask_outcome(Status.LOST)

    def _ask_outcome(self, outcome: Status) -> None:
        deal_id = self.current_id()
        data = self._data
        if deal_id is None or data is None or data.rows[deal_id].status != Status.OPEN:
            return
        with self.db.transaction() as session:
            competitors = repo.competitor_choices(session)
            involved = repo.get_deal(session, deal_id).competitor_ids
        dialog = OutcomeDialog(outcome, data.rows[deal_id].name, date.today(), competitors, involved, self)
        self.outcome_dialog = dialog
        dialog.accepted.connect(lambda: self._record_outcome(deal_id, dialog))
        dialog.open()

    def _record_outcome(self, deal_id: int, dialog: OutcomeDialog) -> None:
        try:
            with self.db.transaction() as session:
                if dialog.outcome == Status.LOST:
                    repo.mark_lost(session, deal_id, dialog.day(), dialog.reason_text(), dialog.winner_id())
                else:
                    repo.mark_won(session, deal_id, dialog.day(), dialog.reason_text())
        except MoveRefused:
            self._say(self.tr("A loss needs its reason; nothing was recorded."))
            return
        self._say("")
        self._refresh(deal_id)

    def reopen_deal(self) -> None:
        deal_id = self.current_id()
        if deal_id is None:
            return
        with self.db.transaction() as session:
            repo.reopen(session, deal_id, date.today())
        self._refresh(deal_id)

    # --- detail edits --------------------------------------------------------------
    def _node_toggled(self, node: str, on: bool) -> None:
        deal_id = self.current_id()
        if deal_id is None:
            return
        with self.db.transaction() as session:
            repo.set_key_node(session, deal_id, KeyNode(node), date.today() if on else None)
        self._refresh(deal_id)

    def _next_step_saved(self, step: str, on: date | None) -> None:
        deal_id = self.current_id()
        if deal_id is None:
            return
        with self.db.transaction() as session:
            repo.set_next_step(session, deal_id, step, on)
        self._refresh(deal_id)

    def _buying_stage_chosen(self, code: str) -> None:
        deal_id = self.current_id()
        if deal_id is None:
            return
        with self.db.transaction() as session:
            record = repo.get_deal(session, deal_id)
            record.buying_stage = code
            repo.save_deal(session, record)
        self._refresh(deal_id)

    # --- new and edited deals ------------------------------------------------------
    def new_deal(self) -> None:
        self._open_deal_dialog(OpportunityRecord(customer_id=None, name="", created_on=date.today()))

    def edit_deal(self) -> None:
        deal_id = self.current_id()
        if deal_id is None:
            return
        with self.db.transaction() as session:
            record = repo.get_deal(session, deal_id)
        self._open_deal_dialog(record)

    def _open_deal_dialog(self, record: OpportunityRecord) -> None:
        with self.db.transaction() as session:
            customers = repo.customer_choices(session)
            reps = list_reps(session)
            competitors = repo.competitor_choices(session)
        dialog = DealDialog(record, customers, reps, competitors, self)
        self.deal_dialog = dialog
        dialog.accepted.connect(lambda: self._save_deal(dialog))
        dialog.open()

    def _save_deal(self, dialog: DealDialog) -> None:
        record = dialog.record
        try:
            with self.db.transaction() as session:
                for name in dialog.new_competitors:
                    existing = repo.competitor_ids_by_key(session).get(normalise_company_name(name))
                    record.competitor_ids.append(existing or repo.create_competitor(session, name))
                deal_id = repo.save_deal(session, record)
        except Exception as exc:  # a locked or broken database; say so, keep the page usable
            log.exception("Saving the opportunity failed")
            QMessageBox.warning(
                self, self.tr("Not saved"), self.tr("The opportunity could not be saved: {error}").format(error=exc)
            )
            return
        if (
            self._data is not None
            and deal_id not in self._data.rows
            and self.filters.choice("status")
            not in (
                None,
                Status.OPEN.value,
            )
        ):
            self.filters.combo("status").setCurrentIndex(1)
        self._refresh(deal_id)

    # --- settings, import, export --------------------------------------------------
    def edit_settings(self) -> None:
        data = self._data
        settings = data.settings if data is not None else PipelineSettings()
        dialog = PipelineSettingsDialog(settings, self)
        self.settings_dialog = dialog

        def save() -> None:
            with self.db.transaction() as session:
                repo.save_settings(session, dialog.settings)
            self.reload()

        dialog.accepted.connect(save)
        dialog.open()

    def import_opportunities(self, path: str | None = None) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self, path=path, spec=opportunity_import_spec())
        self.import_dialog = dialog
        dialog.imported.connect(lambda _summary: self.reload())
        dialog.open()

    def export_opportunities(self, path: str | None = None) -> Job | None:
        language = ui_language()

        def done(target: Path, count: int) -> None:
            self._say("")
            self.summary.setText(
                self.tr("Opportunities exported to {file}: {count}.").format(file=target.name, count=count)
            )

        return export_workbook(
            self,
            path,
            title=self.tr("Export opportunities"),
            default_name=self.tr("opportunities.xlsx"),
            write=lambda target, progress: exchange.export_opportunities(
                self.db, target, language=language, progress=progress
            ),
            done=done,
            label=self.tr("Exporting opportunities…"),
        )
