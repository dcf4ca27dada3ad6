"""Edit the attendance rules (shift, grace, thresholds) and the company's own calendar days.

The rules live in the database, so everyone using it judges attendance the same way; stored
person-days are re-evaluated with the new rules the next time the ledger is read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from domain.attendance import AttendanceRules
from storage import attendance as repo
from storage.db import Database
from storage.models import CalendarOverride


def _time_edit(value: object) -> QTimeEdit:
    edit = QTimeEdit(QTime(value.hour, value.minute))  # type: ignore[attr-defined]
    edit.setDisplayFormat("HH:mm")
    return edit


def _spin(value: int, maximum: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class AttendanceRulesDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Attendance rules"))
        with db.transaction() as session:
            rules = repo.load_rules(session)
            overrides = [
                (o.day, o.working, o.note)
                for o in session.scalars(select(CalendarOverride).order_by(CalendarOverride.day))
            ]
        minutes = self.tr(" min")
        shift = QGroupBox(self.tr("Working hours"))
        form = QFormLayout(shift)
        self.start = _time_edit(rules.shift_start)
        self.end = _time_edit(rules.shift_end)
        self.grace = _spin(rules.grace_minutes, 120, minutes)
        self.serious = _spin(rules.serious_late_minutes, 600, minutes)
        self.flag = _spin(rules.late_flag_count, 31, self.tr(" times"))
        self.boundary = _time_edit(rules.day_boundary)
        self.repeat = _spin(rules.repeat_punch_minutes, 120, minutes)
        self.leave_hours = _spin(int(rules.leave_hours_per_day), 24, self.tr(" hours"))
        form.addRow(self.tr("Shift starts"), self.start)
        form.addRow(self.tr("Shift ends"), self.end)
        form.addRow(self.tr("Grace after the start"), self.grace)
        form.addRow(self.tr("Seriously late from"), self.serious)
        form.addRow(self.tr("Flag a rep late this often in a month"), self.flag)
        form.addRow(self.tr("Punches before this time belong to the previous day"), self.boundary)
        form.addRow(self.tr("Punches this close together count as one"), self.repeat)
        form.addRow(self.tr("A day of leave is"), self.leave_hours)
        weekend_row = QHBoxLayout()
        self.weekend: list[QCheckBox] = []
        for index, name in enumerate(
            (
                self.tr("Mon"),
                self.tr("Tue"),
                self.tr("Wed"),
                self.tr("Thu"),
                self.tr("Fri"),
                self.tr("Sat"),
                self.tr("Sun"),
            )
        ):
            box = QCheckBox(name)
            box.setChecked(index in rules.weekend_days)
            self.weekend.append(box)
            weekend_row.addWidget(box)
        form.addRow(self.tr("Rest days of the week"), weekend_row)

        days = QGroupBox(self.tr("Company calendar (overrides the public holidays and 调休 days)"))
        days_layout = QVBoxLayout(days)
        self.overrides = QTableWidget(0, 3)
        self.overrides.setObjectName("calendar_overrides")
        self.overrides.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Day"), self.tr("Note")])
        self.overrides.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overrides.horizontalHeader().setStretchLastSection(True)
        add_row = QHBoxLayout()
        self.new_day = QDateEdit(QDate.currentDate())
        self.new_day.setDisplayFormat("yyyy-MM-dd")
        self.new_day.setCalendarPopup(True)
        self.new_kind = QComboBox()
        self.new_kind.addItem(self.tr("Working day"), True)
        self.new_kind.addItem(self.tr("Day off"), False)
        self.new_note = QLineEdit()
        self.new_note.setPlaceholderText(self.tr("e.g. company anniversary"))
        self.add_button = add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.add_override)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_override)
        for w in (self.new_day, self.new_kind, self.new_note, add, remove):
            add_row.addWidget(w)
        days_layout.addWidget(self.overrides)
        days_layout.addLayout(add_row)
        self._overrides: dict[date, tuple[bool, str]] = {d: (w, n) for d, w, n in overrides}
        self._fill_overrides()

        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(shift)
        layout.addWidget(days)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill_overrides(self) -> None:
        self.overrides.setRowCount(len(self._overrides))
        for row, (day, (working, note)) in enumerate(sorted(self._overrides.items())):
            kind = self.tr("Working day") if working else self.tr("Day off")
            for column, text in enumerate((day.isoformat(), kind, note)):
                self.overrides.setItem(row, column, QTableWidgetItem(text))

    def add_override(self) -> None:
        day = self.new_day.date().toPython()
        self._overrides[day] = (bool(self.new_kind.currentData()), self.new_note.text().strip())  # type: ignore[index]
        self._fill_overrides()

    def remove_override(self) -> None:
        row = self.overrides.currentRow()
        if row >= 0:
            day = sorted(self._overrides)[row]
            del self._overrides[day]
            self._fill_overrides()

    def restore_defaults(self) -> None:
        d = AttendanceRules()
        for edit, value in ((self.start, d.shift_start), (self.end, d.shift_end), (self.boundary, d.day_boundary)):
            edit.setTime(QTime(value.hour, value.minute))
        self.grace.setValue(d.grace_minutes)
        self.serious.setValue(d.serious_late_minutes)
        self.flag.setValue(d.late_flag_count)
        self.repeat.setValue(d.repeat_punch_minutes)
        self.leave_hours.setValue(int(d.leave_hours_per_day))
        for index, box in enumerate(self.weekend):
            box.setChecked(index in d.weekend_days)

    def rules(self) -> AttendanceRules:
        return replace(
            AttendanceRules(),
            shift_start=self.start.time().toPython(),  # type: ignore[arg-type]
            shift_end=self.end.time().toPython(),  # type: ignore[arg-type]
            grace_minutes=self.grace.value(),
            serious_late_minutes=self.serious.value(),
            late_flag_count=self.flag.value(),
            day_boundary=self.boundary.time().toPython(),  # type: ignore[arg-type]
            repeat_punch_minutes=self.repeat.value(),
            leave_hours_per_day=float(self.leave_hours.value()),
            weekend_days=frozenset(i for i, box in enumerate(self.weekend) if box.isChecked()),
        )

    def accept(self) -> None:
        rules = self.rules()
        if rules.shift_end <= rules.shift_start:
            self.error.setText(self.tr("The shift must end after it starts."))
            self.error.show()
            return
        with self.db.transaction() as session:
            repo.save_rules(session, rules)
            stored = {o.day for o in session.scalars(select(CalendarOverride))}
            for day in stored - set(self._overrides):
                repo.set_override(session, day, None)
            for day, (working, note) in self._overrides.items():
                repo.set_override(session, day, working, note)
        super().accept()
