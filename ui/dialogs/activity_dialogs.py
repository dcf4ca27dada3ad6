"""Dialogs and forms of the activity log: the activity form (quick add and edit), the type table
(type → time category), the time-allocation settings, and the import wizard for reps' activity
sheets and daily reports (日报), which asks once what an unknown type word means."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.text import normalise_company_name, pinyin_keys
from domain.time_allocation import (
    DEFAULT_TYPE_CODES,
    Category,
    Channel,
    DurationError,
    TimeSettings,
    display_type_name,
    minutes_between,
    normalise_label,
    parse_clock,
    parse_duration,
)
from storage import activities as repo
from storage import activity_exchange as exchange
from storage.db import Database
from storage.progress import Progress
from ui.dialogs.import_dialog import ImportDialog, ImportSpec
from ui.jobs import run_job
from ui.labels import ui_language
from widgets.pinyin_completer import PinyinCompleter

log = logging.getLogger(__name__)


# --------------------------------------------------------------------------- names


def category_names() -> dict[str, str]:
    """The time categories (时间类别) by code, in the order the charts stack them."""
    return {
        Category.DIRECT: QCoreApplication.translate("activities", "Direct selling"),
        Category.SUPPORT: QCoreApplication.translate("activities", "Selling support"),
        Category.ADMIN: QCoreApplication.translate("activities", "Administration"),
        Category.MEETING: QCoreApplication.translate("activities", "Internal meetings"),
        Category.TRAVEL: QCoreApplication.translate("activities", "Travel"),
        Category.TRAINING: QCoreApplication.translate("activities", "Training"),
    }


def channel_names() -> dict[str, str]:
    return {
        Channel.VISIT: QCoreApplication.translate("activities", "Visit"),
        Channel.PHONE: QCoreApplication.translate("activities", "Phone"),
        Channel.EMAIL: QCoreApplication.translate("activities", "E-mail"),
        Channel.MEETING: QCoreApplication.translate("activities", "Meeting"),
        "": "",
    }


def field_names() -> dict[str, str]:
    """The importable fields of an activity sheet, for the wizard's "Import as" choices."""
    return {
        "day": QCoreApplication.translate("activities", "Date"),
        "rep": QCoreApplication.translate("activities", "Rep"),
        "employee_no": QCoreApplication.translate("activities", "Employee No."),
        "time": QCoreApplication.translate("activities", "Time range (9:00-11:30)"),
        "start": QCoreApplication.translate("activities", "Start time"),
        "end": QCoreApplication.translate("activities", "End time"),
        "duration": QCoreApplication.translate("activities", "Duration (hours)"),
        "duration_minutes": QCoreApplication.translate("activities", "Duration (minutes)"),
        "type": QCoreApplication.translate("activities", "Activity type"),
        "customer": QCoreApplication.translate("activities", "Customer"),
        "channel": QCoreApplication.translate("activities", "Channel"),
        "outcome": QCoreApplication.translate("activities", "Outcome"),
        "next_step": QCoreApplication.translate("activities", "Next step"),
    }


def type_label(code: str, name: str) -> str:
    """A type's name in the console's language (an edited name as the user wrote it)."""
    return display_type_name(code, name, ui_language())


# --------------------------------------------------------------------------- the activity form


@dataclass(frozen=True)
class FormChoices:
    """What the form offers: reps, types and customers (id, name)."""

    reps: Sequence[tuple[int, str]]
    types: Sequence[repo.TypeRow]
    customers: Sequence[tuple[int, str]]
    customer_keys: Mapping[int, str] = field(default_factory=dict)
    """customer id → pinyin search keys, for the completer."""


class ActivityForm(QWidget):
    """Rep, date, start/end or duration, type, customer (with completion), channel, outcome and
    next step. Enter anywhere in the form emits ``submitted``; :meth:`record` validates."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rep = QComboBox()
        self.rep.setObjectName("activity_rep")
        self.day = QDateEdit()
        self.day.setObjectName("activity_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.setDate(QDate.currentDate())
        self.start = QLineEdit()
        self.start.setObjectName("activity_start")
        self.start.setPlaceholderText("9:00")
        self.end = QLineEdit()
        self.end.setObjectName("activity_end")
        self.end.setPlaceholderText("11:30")
        self.duration = QLineEdit()
        self.duration.setObjectName("activity_duration")
        self.duration.setPlaceholderText(self.tr("90 / 1.5h / 2小时"))
        self.duration.setToolTip(self.tr("A bare number is minutes; empty: from the start and end times."))
        self.type = QComboBox()
        self.type.setObjectName("activity_type")
        self.type.currentIndexChanged.connect(self._type_changed)
        self.channel = QComboBox()
        self.channel.setObjectName("activity_channel")
        for code, name in channel_names().items():
            self.channel.addItem(name or self.tr("(none)"), code)
        self.customer = QLineEdit()
        self.customer.setObjectName("activity_customer")
        self.customer.setPlaceholderText(self.tr("Customer (optional): type part of the name or its pinyin"))
        self._completer = PinyinCompleter(self)
        self.customer.setCompleter(self._completer)
        self.outcome = QLineEdit()
        self.outcome.setObjectName("activity_outcome")
        self.outcome.setPlaceholderText(self.tr("Outcome"))
        self.next_step = QLineEdit()
        self.next_step.setObjectName("activity_next_step")
        self.next_step.setPlaceholderText(self.tr("Next step"))
        self.error = QLabel()
        self.error.setObjectName("activity_error")
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self._customer_ids: dict[str, int] = {}
        self._customer_keys: dict[str, int] = {}
        self._types: dict[str, repo.TypeRow] = {}

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        row1: list[tuple[str, QWidget, int]] = [
            (self.tr("Rep"), self.rep, 2),
            (self.tr("Date"), self.day, 2),
            (self.tr("Start"), self.start, 1),
            (self.tr("End"), self.end, 1),
            (self.tr("Duration"), self.duration, 2),
            (self.tr("Type"), self.type, 2),
            (self.tr("Channel"), self.channel, 2),
        ]
        column = 0
        for text, widget, span in row1:
            grid.addWidget(QLabel(text), 0, column, 1, span)
            grid.addWidget(widget, 1, column, 1, span)
            column += span
        grid.addWidget(QLabel(self.tr("Customer")), 2, 0, 1, 4)
        grid.addWidget(self.customer, 3, 0, 1, 4)
        grid.addWidget(QLabel(self.tr("Outcome")), 2, 4, 1, 4)
        grid.addWidget(self.outcome, 3, 4, 1, 4)
        grid.addWidget(QLabel(self.tr("Next step")), 2, 8, 1, 4)
        grid.addWidget(self.next_step, 3, 8, 1, 4)
        grid.addWidget(self.error, 4, 0, 1, 12)
        for i in range(12):
            grid.setColumnStretch(i, 1)
        for widget in (self.rep, self.day, self.type, self.channel):
            widget.installEventFilter(self)

    # -- choices ----------------------------------------------------------------------

    def set_choices(self, choices: FormChoices) -> None:
        current_rep, current_type = self.rep.currentData(), self.type.currentData()
        self.rep.blockSignals(True)
        self.rep.clear()
        for rep_id, name in choices.reps:
            self.rep.addItem(name, rep_id)
        self.rep.setCurrentIndex(max(0, self.rep.findData(current_rep)))
        self.rep.blockSignals(False)
        self._types = {t.code: t for t in choices.types}
        self.type.blockSignals(True)
        self.type.clear()
        names = category_names()
        for t in choices.types:
            self.type.addItem(f"{type_label(t.code, t.name)} · {names.get(t.category, t.category)}", t.code)
        self.type.setCurrentIndex(max(0, self.type.findData(current_type or "visit")))
        self.type.blockSignals(False)
        self._type_changed()
        self._customer_ids = {name: cid for cid, name in choices.customers}
        self._customer_keys = {}
        for cid, name in choices.customers:
            key = normalise_company_name(name)
            self._customer_keys[key] = cid if self._customer_keys.get(key, cid) == cid else repo.AMBIGUOUS
        self._completer.set_choices([(name, choices.customer_keys.get(cid, "")) for cid, name in choices.customers])

    def _type_changed(self) -> None:
        kind = self._types.get(self.type.currentData())
        if kind is not None:
            self.channel.setCurrentIndex(max(0, self.channel.findData(kind.channel)))

    # -- reading and writing ----------------------------------------------------------

    def record(self) -> repo.ActivityRecord | str:
        """The activity the form describes, or a sentence saying what to correct."""
        rep_id = self.rep.currentData()
        if rep_id is None:
            return self.tr("Choose a rep.")
        type_code = self.type.currentData()
        if type_code is None:
            return self.tr("Choose an activity type.")
        start, end = parse_clock(self.start.text()), parse_clock(self.end.text())
        if start is None or end is None:
            return self.tr("Start and end are clock times such as 9:00 or 14:30.")
        minutes: int | None
        try:
            minutes = parse_duration(self.duration.text(), bare_unit_minutes=1)
        except DurationError:
            return self.tr("The duration is minutes (90) or a time such as 1.5h or 2小时, up to 24 hours.")
        if minutes is None and start and end:
            minutes = minutes_between(start, end)
        if not minutes:
            return self.tr("Give the duration, or both the start and the end time.")
        customer_id: int | None = None
        text = self.customer.text().strip()
        if text:
            customer_id = self._customer_ids.get(text) or self._customer_keys.get(normalise_company_name(text))
            if customer_id is None:
                return self.tr("No customer is named “{name}”; pick one from the list or leave it empty.").format(
                    name=text
                )
            if customer_id == repo.AMBIGUOUS:
                return self.tr("Several customers are named “{name}”; pick one from the list.").format(name=text)
        return repo.ActivityRecord(
            rep_id=int(rep_id),
            day=self.day.date().toPython(),  # type: ignore[arg-type]
            minutes=minutes,
            type_code=str(type_code),
            channel=str(self.channel.currentData() or ""),
            customer_id=customer_id,
            start=start,
            end=end,
            outcome=self.outcome.text().strip(),
            next_step=self.next_step.text().strip(),
        )

    def set_record(self, record: repo.ActivityRecord, customer_name: str = "") -> None:
        self.rep.setCurrentIndex(max(0, self.rep.findData(record.rep_id)))
        self.day.setDate(QDate(record.day.year, record.day.month, record.day.day))
        self.type.setCurrentIndex(max(0, self.type.findData(record.type_code)))
        self.channel.setCurrentIndex(max(0, self.channel.findData(record.channel)))
        self.start.setText(record.start)
        self.end.setText(record.end)
        self.duration.setText(str(record.minutes))
        self.customer.setText(customer_name)
        self.outcome.setText(record.outcome)
        self.next_step.setText(record.next_step)

    def clear_for_next(self) -> None:
        """After an add: keep rep, date and type (the next entry is usually the same rep's day)."""
        for edit in (self.start, self.end, self.duration, self.customer, self.outcome, self.next_step):
            edit.clear()
        self.show_error("")
        self.start.setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # -- Enter adds -------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submitted.emit()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Combo boxes and the date edit swallow Enter; in this form it means "add".
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (isinstance(watched, QComboBox) and watched.view().isVisible())
        ):
            self.submitted.emit()
            return True
        return super().eventFilter(watched, event)


class ActivityEditDialog(QDialog):
    """Edit one logged activity with the same form as the quick add."""

    def __init__(
        self, choices: FormChoices, record: repo.ActivityRecord, customer_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit activity"))
        self.original = record
        self.result_record: repo.ActivityRecord | None = None
        self.form = ActivityForm(self)
        self.form.set_choices(choices)
        self.form.set_record(record, customer_name)
        self.form.submitted.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(900, 200)

    def accept(self) -> None:
        record = self.form.record()
        if isinstance(record, str):
            self.form.show_error(record)
            return
        self.result_record = replace(record, id=self.original.id, source=self.original.source)
        super().accept()


# --------------------------------------------------------------------------- the type table


def _new_code(name: str, taken: set[str]) -> str:
    base = "".join(c for c in pinyin_keys(name)[0] if c.isascii() and c.isalnum())[:40] or "type"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}_{n}", n + 1
    return code


class ActivityTypesDialog(QDialog):
    """The editable type table: which time category each type counts towards, its default
    channel; new types; unused types deleted; words learned from imports forgotten."""

    COLUMNS = 5  # code, name, category, channel, used

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Activity types"))
        self.resize(820, 560)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("types_table")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Time category"), self.tr("Default channel"), self.tr("Used")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(self.tr("Add type"))
        add.clicked.connect(lambda: self.add_row())
        self.delete_button = QPushButton(self.tr("Delete type"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.labels = QTableWidget(0, 2)
        self.labels.setObjectName("labels_table")
        self.labels.setHorizontalHeaderLabels([self.tr("Word in reps' sheets"), self.tr("Means")])
        self.labels.verticalHeader().hide()
        self.labels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.labels.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        forget = QPushButton(self.tr("Forget word"))
        forget.clicked.connect(self.forget_selected)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c0392b;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        type_buttons = QHBoxLayout()
        type_buttons.addWidget(add)
        type_buttons.addWidget(self.delete_button)
        type_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Each type counts towards one time category; changing it re-files past activities too."))
        )
        layout.addWidget(self.table, 3)
        layout.addLayout(type_buttons)
        layout.addWidget(QLabel(self.tr("Words learned from imported sheets:")))
        layout.addWidget(self.labels, 1)
        forget_row = QHBoxLayout()
        forget_row.addWidget(forget)
        forget_row.addStretch(1)
        layout.addLayout(forget_row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.deleted: list[str] = []
        self.forgotten: list[str] = []
        with db.transaction() as session:
            types = repo.list_types(session)
            learned = repo.learned_labels(session)
        for row in types:
            self.add_row(row)
        names = {t.code: type_label(t.code, t.name) for t in types}
        for label, code in sorted(learned.items()):
            at = self.labels.rowCount()
            self.labels.insertRow(at)
            self.labels.setItem(at, 0, QTableWidgetItem(label))
            self.labels.setItem(at, 1, QTableWidgetItem(names.get(code, code)))

    def add_row(self, row: repo.TypeRow | None = None) -> int:
        at = self.table.rowCount()
        self.table.insertRow(at)
        code = QTableWidgetItem(row.code if row else "")
        code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)
        name = QTableWidgetItem(type_label(row.code, row.name) if row else self.tr("New type"))
        name.setData(Qt.ItemDataRole.UserRole, row.name if row else "")
        used = QTableWidgetItem(str(row.used) if row else "0")
        used.setFlags(used.flags() & ~Qt.ItemFlag.ItemIsEditable)
        used.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        category = QComboBox()
        for key, text in category_names().items():
            category.addItem(text, key)
        category.setCurrentIndex(max(0, category.findData(row.category if row else Category.ADMIN)))
        channel = QComboBox()
        for key, text in channel_names().items():
            channel.addItem(text or self.tr("(none)"), key)
        channel.setCurrentIndex(max(0, channel.findData(row.channel if row else "")))
        self.table.setItem(at, 0, code)
        self.table.setItem(at, 1, name)
        self.table.setCellWidget(at, 2, category)
        self.table.setCellWidget(at, 3, channel)
        self.table.setItem(at, 4, used)
        if row is None:
            self.table.setCurrentCell(at, 1)
            self.table.editItem(name)
        return at

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        code = self.table.item(row, 0).text()
        used = int(self.table.item(row, 4).text() or 0)
        if code in DEFAULT_TYPE_CODES and not used:
            self.message.setText(self.tr("Default types cannot be deleted; change their category instead."))
            return
        if used:
            self.message.setText(
                self.tr("“{name}” is used by {count} activities; change its category instead of deleting it.").format(
                    name=self.table.item(row, 1).text(), count=used
                )
            )
            return
        if code:
            self.deleted.append(code)
        self.table.removeRow(row)

    def forget_selected(self) -> None:
        row = self.labels.currentRow()
        if row >= 0:
            self.forgotten.append(self.labels.item(row, 0).text())
            self.labels.removeRow(row)

    def category_combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def accept(self) -> None:
        taken = {self.table.item(r, 0).text() for r in range(self.table.rowCount())} - {""}
        rows = []
        for r in range(self.table.rowCount()):
            code_item, name_item = self.table.item(r, 0), self.table.item(r, 1)
            shown = name_item.text().strip()
            if not shown:
                self.message.setText(self.tr("Every type needs a name."))
                return
            code = code_item.text()
            if not code:
                code = _new_code(shown, taken)
                taken.add(code)
            # A default type shown under its English name keeps its stored (Chinese) name.
            stored = name_item.data(Qt.ItemDataRole.UserRole) or ""
            name = stored if stored and shown == type_label(code, stored) else shown
            channel_combo = self.table.cellWidget(r, 3)
            assert isinstance(channel_combo, QComboBox)
            category = str(self.category_combo(r).currentData())
            rows.append((code, name, category, str(channel_combo.currentData() or "")))
        try:
            with self.db.transaction() as session:
                for code in self.deleted:
                    repo.delete_type(session, code)
                for code, name, category, channel in rows:
                    repo.save_type(session, code, name, category, channel)
                for label in self.forgotten:
                    repo.forget_label(session, label)
        except repo.TypeInUse as exc:
            self.message.setText(
                self.tr("A type in use cannot be deleted ({count} activities).").format(count=exc.count)
            )
            return
        super().accept()


# --------------------------------------------------------------------------- settings


class TimeSettingsDialog(QDialog):
    """The direct-selling target and the contact cost ratio (visit : phone : e-mail)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Sales time settings"))
        with db.transaction() as session:
            current = repo.load_settings(session)
        self.target = QDoubleSpinBox()
        self.target.setObjectName("direct_target")
        self.target.setRange(1, 100)
        self.target.setDecimals(1)
        self.target.setSuffix(" %")
        self.target.setValue(current.direct_target * 100)
        self.costs = []
        for value in (current.visit_cost, current.phone_cost, current.email_cost):
            box = QDoubleSpinBox()
            box.setRange(0, 1_000_000)
            box.setDecimals(3)
            box.setValue(value)
            self.costs.append(box)
        form = QFormLayout(self)
        form.addRow(self.tr("Direct-selling target"), self.target)
        form.addRow(QLabel(self.tr("Cost of one contact, in cost units (the handbook: 100 : 1 : 0.01)")))
        form.addRow(self.tr("Visit (or meeting with the customer)"), self.costs[0])
        form.addRow(self.tr("Phone call"), self.costs[1])
        form.addRow(self.tr("E-mail"), self.costs[2])
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        form.addRow(buttons)

    def settings(self) -> TimeSettings:
        return TimeSettings(
            direct_target=round(self.target.value() / 100, 4),
            visit_cost=self.costs[0].value(),
            phone_cost=self.costs[1].value(),
            email_cost=self.costs[2].value(),
        )

    def restore_defaults(self) -> None:
        defaults = TimeSettings()
        self.target.setValue(defaults.direct_target * 100)
        for box, value in zip(self.costs, (defaults.visit_cost, defaults.phone_cost, defaults.email_cost), strict=True):
            box.setValue(value)

    def accept(self) -> None:
        with self.db.transaction() as session:
            repo.save_settings(session, self.settings())
        super().accept()


# --------------------------------------------------------------------------- import


class LabelMappingDialog(QDialog):
    """Asks once what each unknown type word in a sheet means; the answers are remembered."""

    def __init__(self, labels: Sequence[str], types: Sequence[repo.TypeRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New activity types in this sheet"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The sheet uses words for activity types the console does not know yet. Say once what each "
                "means; the console remembers it for the next imports."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        names = category_names()
        self.combos: dict[str, QComboBox] = {}
        for label in labels:
            combo = QComboBox()
            combo.setObjectName(f"label_{label}")
            combo.addItem(self.tr("(choose)"), None)
            for t in types:
                combo.addItem(f"{type_label(t.code, t.name)} · {names.get(t.category, t.category)}", t.code)
            combo.currentIndexChanged.connect(self._update)
            self.combos[label] = combo
            form.addRow(label, combo)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(all(c.currentData() is not None for c in self.combos.values()))

    def choose(self, label: str, type_code: str) -> None:
        combo = self.combos[label]
        combo.setCurrentIndex(combo.findData(type_code))

    def answers(self) -> dict[str, str]:
        return {label: str(c.currentData()) for label, c in self.combos.items() if c.currentData() is not None}


def describe_summary(summary: exchange.ActivityImportSummary) -> str:
    text = QCoreApplication.translate(
        "activities", "Imported: {created} new activities, {updated} updated, {unchanged} already in the log."
    ).format(created=summary.created, updated=summary.updated, unchanged=summary.unchanged)
    if summary.learned_labels:
        text += " " + QCoreApplication.translate(
            "activities", "{count} new words for types remembered for the next imports."
        ).format(count=summary.learned_labels)
    if summary.unlinked_customers:
        shown = "、".join(summary.unlinked_customers[:10])
        if len(summary.unlinked_customers) > 10:
            shown += " …"
        text += " " + QCoreApplication.translate(
            "activities",
            "{count} customer names are not in the customer file; their activities are logged without a "
            "customer, the name kept in the outcome: {names}",
        ).format(count=len(summary.unlinked_customers), names=shown)
    return text


class ActivityImportDialog(ImportDialog):
    """The shared import wizard for activity sheets; before importing it asks, once, what the
    sheet's unknown type words mean (``label_dialog`` while it is open)."""

    def __init__(self, db: Database, parent: QWidget | None = None, path: str | None = None) -> None:
        self.answers: dict[str, str] = {}
        self._run_answers: dict[str, str] = {}
        self.label_dialog: LabelMappingDialog | None = None
        names = field_names()
        spec = ImportSpec(
            title=QCoreApplication.translate("activities", "Import activities"),
            fields=[(key, names.get(key, label)) for key, label in exchange.field_labels("en")],
            preview=lambda p, sheet, header: exchange.preview_import(p, sheet=sheet, header_row=header),
            apply=self._apply,
            describe_summary=describe_summary,
        )
        super().__init__(db, parent, path, spec)

    def _apply(
        self, db: Database, path: Path, sheet: str, header: int, mapping: dict[int, str | None], progress: Progress
    ) -> Any:
        return exchange.import_activities(db, path, sheet, header, mapping, labels=self._run_answers, progress=progress)

    def start_import(self) -> None:
        """First find the type words nobody has mapped; ask about them, then import."""
        if self.preview is None:
            return
        self.import_button.setEnabled(False)
        where = (Path(self.path.text()), self.preview.sheet, self.preview.header_row, self.mapping())

        def work(_progress: Progress) -> tuple[list[str], list[repo.TypeRow]]:
            unknown = exchange.unknown_labels(self.db, *where)
            with self.db.transaction() as session:
                return unknown, repo.list_types(session)

        run_job(
            self,
            work,
            on_success=self._labels_found,
            on_failure=self._failed,
            label=self.tr("Reading {file}…").format(file=where[0].name),
        )

    def _labels_found(self, found: tuple[list[str], list[repo.TypeRow]]) -> None:
        unknown, types = found
        asked = {normalise_label(k) for k in self.answers}
        unknown = [label for label in unknown if normalise_label(label) not in asked]
        if not unknown:
            self._import_now()
            return
        self.label_dialog = LabelMappingDialog(unknown, types, self)
        self.label_dialog.accepted.connect(self._labels_answered)
        self.label_dialog.rejected.connect(lambda: self.import_button.setEnabled(True))
        self.label_dialog.open()

    def _labels_answered(self) -> None:
        assert self.label_dialog is not None
        self.answers.update(self.label_dialog.answers())
        self.label_dialog = None
        self._import_now()

    def _import_now(self) -> None:
        self._run_answers = dict(self.answers)
        super().start_import()
