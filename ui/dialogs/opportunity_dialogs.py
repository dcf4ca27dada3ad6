"""Dialogs of the pipeline: a deal (new or edited), a move that needs its key node, a win or a loss,
and the pipeline settings.

They collect and check what the user types and hand back plain values (an
:class:`~domain.pipeline.OpportunityRecord`, the confirmed nodes with their days); the page
writes them through :mod:`storage.pipeline`.  All open window-modal with ``open()``, so the page
keeps running and tests can drive them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.pipeline import (
    STAGES,
    KeyNode,
    OpportunityRecord,
    PipelineSettings,
    Stage,
    Status,
    check_loss,
)
from domain.text import search_haystack
from domain.validation import parse_amount
from storage.customers import to_fen
from storage.pipeline import Choice
from ui.labels import buying_stage_names, key_node_names, money, problem_text, stage_names

NO_DATE = QDate(2000, 1, 1)
"""The minimum of an optional date field, shown blank: the date is not set."""
_SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2


def optional_date_edit(value: date | None, object_name: str = "") -> QDateEdit:
    """A date field that may stay empty (its minimum date shows as blank)."""
    edit = QDateEdit()
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(" ")
    edit.setDate(QDate(value) if value is not None else NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else value.toPython()  # type: ignore[no-any-return]


def date_edit(value: date, object_name: str = "") -> QDateEdit:
    edit = QDateEdit(QDate(value))
    edit.setObjectName(object_name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class _NameCompleter(QCompleter):
    """Completes a name from any part of it, its pinyin or its initials (hwjs finds 华为技术), and
    inserts the name itself."""

    def __init__(self, choices: Sequence[Choice], parent: Any = None) -> None:
        model = QStandardItemModel(parent)
        for choice in choices:
            item = QStandardItem(choice.name)
            item.setData(choice.id, Qt.ItemDataRole.UserRole)
            item.setData(search_haystack(choice.name, choice.pinyin, choice.initials), _SEARCH_ROLE)
            model.appendRow(item)
        super().__init__(model, parent)
        self.setCompletionRole(_SEARCH_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole))


class DealDialog(QDialog):
    """A new deal, or the fields of an existing one (its stage moves on the board, not here)."""

    def __init__(
        self,
        record: OpportunityRecord,
        customers: Sequence[Choice],
        reps: Sequence[tuple[int, str]],
        competitors: Sequence[Choice],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.record = record
        self.setWindowTitle(self.tr("New opportunity") if record.id is None else self.tr("Edit opportunity"))
        self.setMinimumWidth(560)
        self._customers = {c.name: c.id for c in customers}
        self._customer_names = {c.id: c.name for c in customers}
        self.new_competitors: list[str] = []

        self.customer = QLineEdit(self._customer_names.get(record.customer_id or 0, ""))
        self.customer.setObjectName("deal_customer")
        self.customer.setPlaceholderText(self.tr("Type a name, pinyin or initials…"))
        self.customer.setCompleter(_NameCompleter(customers, self))
        self.name = QLineEdit(record.name)
        self.name.setObjectName("deal_name")
        self.name.setPlaceholderText(self.tr("e.g. 二期产线自动化改造项目"))
        self.amount = QLineEdit(money(record.amount_fen / 100) if record.amount_fen else "")
        self.amount.setObjectName("deal_amount")
        self.amount.setPlaceholderText(self.tr("Amount in yuan, e.g. 1,250,000"))
        self.owner = QComboBox()
        self.owner.setObjectName("deal_owner")
        self.owner.addItem(self.tr("(nobody)"), None)
        for rep_id, rep_name in reps:
            self.owner.addItem(rep_name, rep_id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(record.owner_id)))
        self.stage = QComboBox()
        self.stage.setObjectName("deal_stage")
        for code, label in stage_names().items():
            self.stage.addItem(label, code)
        self.stage.setCurrentIndex(max(0, self.stage.findData(record.stage.value)))
        self.stage.setEnabled(record.id is None)
        if record.id is not None:
            self.stage.setToolTip(self.tr("Move the deal on the board to change its stage."))
        self.expected_close = optional_date_edit(record.expected_close, "deal_expected_close")
        self.buying_stage = QComboBox()
        self.buying_stage.setObjectName("deal_buying_stage")
        for code, label in buying_stage_names().items():
            self.buying_stage.addItem(label or self.tr("(not known)"), code)
        self.buying_stage.setCurrentIndex(max(0, self.buying_stage.findData(record.buying_stage)))
        self.next_step = QLineEdit(record.next_step)
        self.next_step.setObjectName("deal_next_step")
        self.next_step_on = optional_date_edit(record.next_step_on, "deal_next_step_on")
        step_row = QHBoxLayout()
        step_row.addWidget(self.next_step, 1)
        step_row.addWidget(self.next_step_on)

        self.competitors = QListWidget()
        self.competitors.setObjectName("deal_competitors")
        self.competitors.setMaximumHeight(120)
        for choice in competitors:
            item = QListWidgetItem(choice.name, self.competitors)
            item.setData(Qt.ItemDataRole.UserRole, choice.id)
            item.setCheckState(Qt.CheckState.Checked if choice.id in record.competitor_ids else Qt.CheckState.Unchecked)
        self.new_competitor = QLineEdit()
        self.new_competitor.setObjectName("deal_new_competitor")
        self.new_competitor.setPlaceholderText(self.tr("Another competitor's name (added to the register)"))
        self.notes = QPlainTextEdit(record.notes)
        self.notes.setMaximumHeight(70)

        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Opportunity"), self.name)
        form.addRow(self.tr("Amount (¥)"), self.amount)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Expected close"), self.expected_close)
        form.addRow(self.tr("Customer's buying stage"), self.buying_stage)
        form.addRow(self.tr("Next step"), step_row)
        form.addRow(self.tr("Competitors involved"), self.competitors)
        form.addRow("", self.new_competitor)
        form.addRow(self.tr("Notes"), self.notes)

        self.message = QLabel()
        self.message.setObjectName("deal_message")
        self.message.setStyleSheet("color: #c9302c;")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        record = self._read()
        if record is None:
            return
        self.record = record
        super().accept()

    def _read(self) -> OpportunityRecord | None:
        customer_name = self.customer.text().strip()
        customer_id = self._customers.get(customer_name)
        if customer_id is None:
            return self._refuse(self.customer, self.tr("Choose the customer from the list (type part of its name)."))
        amount, problem = parse_amount(self.amount.text())
        if problem is not None:
            return self._refuse(self.amount, self.tr("Amount: {problem}").format(problem=problem_text(problem)))
        competitor_ids = [
            int(self.competitors.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.competitors.count())
            if self.competitors.item(i).checkState() == Qt.CheckState.Checked
        ]
        extra = self.new_competitor.text().strip()
        self.new_competitors = [extra] if extra else []
        record = OpportunityRecord(
            customer_id=customer_id,
            name=self.name.text().strip(),
            amount_fen=to_fen(amount or Decimal(0)),
            owner_id=self.owner.currentData(),
            currency=self.record.currency,
            expected_close=date_of(self.expected_close),
            stage=Stage(self.stage.currentData()),
            buying_stage=self.buying_stage.currentData() or "",
            status=self.record.status,
            outcome_reason=self.record.outcome_reason,
            winner_id=self.record.winner_id,
            closed_on=self.record.closed_on,
            next_step=self.next_step.text().strip(),
            next_step_on=date_of(self.next_step_on),
            notes=self.notes.toPlainText(),
            created_on=self.record.created_on,
            competitor_ids=competitor_ids,
            nodes=dict(self.record.nodes),
            id=self.record.id,
        )
        problems = record.problems()
        if "name" in problems:
            return self._refuse(self.name, self.tr("Give the opportunity a name."))
        if problems:
            return self._refuse(self.amount, problem_text(str(next(iter(problems.values())))))
        return record

    def _refuse(self, widget: QWidget, text: str) -> None:
        self.message.setText(text)
        widget.setFocus()
        return None


class MoveDialog(QDialog):
    """Moving a deal out of a stage whose key node is required: confirm each node with its day."""

    def __init__(
        self,
        deal: str,
        from_stage: Stage,
        to_stage: Stage,
        missing: Sequence[KeyNode],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Confirm key node"))
        self.setMinimumWidth(440)
        stages, nodes = stage_names(), key_node_names()
        intro = QLabel(
            self.tr("Moving “{deal}” from {source} to {target} needs this key node. Confirm it was reached:").format(
                deal=deal, source=stages[from_stage], target=stages[to_stage]
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.checks: dict[KeyNode, QCheckBox] = {}
        self.dates: dict[KeyNode, QDateEdit] = {}
        for row, node in enumerate(missing):
            check = QCheckBox(nodes[node])
            check.setObjectName(f"node_{node.value}")
            check.toggled.connect(lambda _on: self._update())
            when = date_edit(today, f"node_date_{node.value}")
            when.setMaximumDate(QDate(today))
            grid.addWidget(check, row, 0)
            grid.addWidget(QLabel(self.tr("on")), row, 1)
            grid.addWidget(when, row, 2)
            self.checks[node], self.dates[node] = check, when
        grid.setColumnStretch(0, 1)
        self.note = QLineEdit()
        self.note.setObjectName("move_note")
        self.note.setPlaceholderText(self.tr("Note for the history (optional)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Move"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(all(check.isChecked() for check in self.checks.values()))

    def confirmed(self) -> dict[KeyNode, date]:
        return {node: self.dates[node].date().toPython() for node, check in self.checks.items() if check.isChecked()}


class OutcomeDialog(QDialog):
    """Recording a deal as won (date, optional reason) or lost (date, reason, the competitor that won)."""

    def __init__(
        self,
        outcome: Status,
        deal: str,
        today: date,
        competitors: Sequence[Choice] = (),
        involved: Sequence[int] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.outcome = outcome
        lost = outcome == Status.LOST
        self.setWindowTitle(self.tr("Record a loss") if lost else self.tr("Record a win"))
        self.setMinimumWidth(460)
        intro = QLabel((self.tr("“{deal}” was lost.") if lost else self.tr("“{deal}” was won.")).format(deal=deal))
        intro.setWordWrap(True)
        self.on = date_edit(today, "outcome_date")
        self.on.setMaximumDate(QDate(today))
        self.reason = QComboBox()
        self.reason.setObjectName("outcome_reason")
        self.reason.setEditable(True)
        common = (
            [self.tr("Price higher than the competitor's"), self.tr("Technical solution did not fit"),
             self.tr("Competitor closer to the decision makers"), self.tr("Delivery time not acceptable"),
             self.tr("Customer cancelled or postponed the project")]
            if lost
            else [self.tr("Best technical solution"), self.tr("Price and payment terms"),
                  self.tr("Relationship with the decision makers"), self.tr("Existing customer bought again")]
        )  # fmt: skip
        self.reason.addItems(common)
        self.reason.setCurrentIndex(-1)
        self.reason.lineEdit().setPlaceholderText(
            self.tr("Why was it lost? (required)") if lost else self.tr("Why did we win? (optional)")
        )
        self.reason.currentTextChanged.connect(lambda _text: self._update())
        self.winner = QComboBox()
        self.winner.setObjectName("outcome_winner")
        self.winner.addItem(self.tr("(no competitor / not known)"), None)
        ordered = sorted(competitors, key=lambda c: (c.id not in involved, c.pinyin))
        for choice in ordered:
            self.winner.addItem(choice.name, choice.id)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("Reason"), self.reason)
        if lost:
            form.addRow(self.tr("Won by"), self.winner)
        else:
            self.winner.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Record loss") if lost else self.tr("Record win"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.outcome != Status.LOST or check_loss(self.reason.currentText()) is None)

    def reason_text(self) -> str:
        return self.reason.currentText().strip()

    def winner_id(self) -> int | None:
        return self.winner.currentData() if self.outcome == Status.LOST else None

    def day(self) -> date:
        return self.on.date().toPython()  # type: ignore[no-any-return]


class PipelineSettingsDialog(QDialog):
    """The pipeline's numbers: probability per stage, which key nodes are required, when a deal stalls,
    and the monthly target."""

    def __init__(self, settings: PipelineSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pipeline settings"))
        stages, nodes = stage_names(), key_node_names()
        box = QGroupBox(self.tr("Stages"))
        grid = QGridLayout(box)
        grid.addWidget(QLabel(self.tr("<b>Stage</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Win probability</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Key node required to leave it</b>")), 0, 2)
        self.probabilities: dict[Stage, QSpinBox] = {}
        self.required: dict[Stage, QCheckBox] = {}
        for row, stage in enumerate(STAGES, start=1):
            spin = QSpinBox()
            spin.setObjectName(f"probability_{stage.value}")
            spin.setRange(0, 100)
            spin.setSuffix(" %")
            spin.setValue(settings.probabilities[stage])
            check = QCheckBox(nodes[stage.key_node])
            check.setObjectName(f"required_{stage.value}")
            check.setChecked(stage in settings.required_nodes)
            grid.addWidget(QLabel(stages[stage]), row, 0)
            grid.addWidget(spin, row, 1)
            grid.addWidget(check, row, 2)
            self.probabilities[stage], self.required[stage] = spin, check
        self.stall_days = QSpinBox()
        self.stall_days.setObjectName("stall_days")
        self.stall_days.setRange(1, 365)
        self.stall_days.setSuffix(self.tr(" days"))
        self.stall_days.setValue(settings.stall_days)
        self.target = QLineEdit(money(settings.monthly_target_fen / 100) if settings.monthly_target_fen else "")
        self.target.setObjectName("monthly_target")
        self.target.setPlaceholderText(self.tr("No target"))
        form = QFormLayout()
        form.addRow(self.tr("A deal stalls after"), self.stall_days)
        form.addRow(self.tr("Monthly target (¥)"), self.target)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c9302c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.settings = settings

    def accept(self) -> None:
        target, problem = parse_amount(self.target.text())
        if problem is not None:
            self.message.setText(self.tr("Monthly target: {problem}").format(problem=problem_text(problem)))
            return
        self.settings = PipelineSettings(
            probabilities={stage: spin.value() for stage, spin in self.probabilities.items()},
            stall_days=self.stall_days.value(),
            required_nodes=frozenset(stage for stage, check in self.required.items() if check.isChecked()),
            monthly_target_fen=to_fen(target or Decimal(0)),
        )
        super().accept()
