"""The attendance import wizard: pick an HR workbook and sheet, check what was understood (layout,
header rows, period, which column is what) on a preview of the first person-days, correct it,
say who the unknown people are, then import every person-day or none.

Planning (:func:`storage.attendance_import.plan_import`) and applying run through
:func:`ui.jobs.run_job`, so a 100,000-row punch log never freezes the window.  A corrected
mapping can be remembered for files that look the same next month.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage.attendance_import import (
    ADD_NEW,
    AttendanceImportFailed,
    AttendancePlan,
    AttendanceSummary,
    UnreadableWorkbook,
    apply_plan,
    plan_import,
)
from storage.customers import reps as list_reps
from storage.db import Database
from storage.excel.attendance_reader import AttendanceMapping, CellProblem, Field, RawPersonDay, Shape
from storage.excel.reader import CellValue, column_letter, forget_parsed, read_sheet
from storage.progress import Progress
from ui.import_messages import evaluated_months
from ui.jobs import Job, run_job

log = logging.getLogger(__name__)

PREVIEW_RECORDS = 20
SHOWN_PROBLEMS = 500  # a sheet read with a wrong mapping can have a problem in every row
_FIRST_VALUE_ROWS = 200  # rows below the header searched for each column's first value

# "Read as" choices: a Field for single-column fields, these words for the column groups.
_TIME, _STATUS, _NOTE = "time", "status", "note"
_SINGLE = {
    Field.NAME.value: Field.NAME,
    Field.EMPLOYEE_NO.value: Field.EMPLOYEE_NO,
    Field.DEPARTMENT.value: Field.DEPARTMENT,
    Field.DATE.value: Field.DATE,
    Field.DATETIME.value: Field.DATETIME,
}


@dataclass
class _Planned:
    """What a planning job brings back to the UI thread."""

    plan: AttendancePlan
    first_values: list[CellValue]
    reps: list[tuple[int, str]]


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != datetime.min.time() else value.date().isoformat()
    return str(value)


class AttendanceImportDialog(QDialog):
    """Import an attendance workbook; ``imported`` carries the (year, month) to show, or None."""

    imported = Signal(object)
    planned = Signal()
    """A plan (or a reading failure) has been shown; the wizard is idle again."""

    def __init__(self, db: Database, parent: QWidget | None = None, path: str | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Import attendance"))
        self.resize(1120, 800)
        self.plan: AttendancePlan | None = None
        self.result_summary: AttendanceSummary | None = None
        self.busy = False
        self._generation = 0
        self._first_values: list[CellValue] = []
        self._reps: list[tuple[int, str]] = []
        self._job: Job | None = None

        # -- file, sheet and what was understood
        self.path = QLineEdit()
        self.path.setReadOnly(True)
        self.browse = QPushButton(self.tr("Choose file…"))
        self.browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(self.browse)
        self.sheet = QComboBox()
        self.sheet.setObjectName("attendance_import_sheet")
        self.sheet.activated.connect(self._sheet_chosen)
        self.understood = QLabel()
        self.understood.setObjectName("attendance_import_understood")
        self.understood.setWordWrap(True)

        self.shape = QComboBox()
        self.shape.setObjectName("attendance_import_shape")
        for shape, words in self._shape_words().items():
            self.shape.addItem(words, shape.value)
        self.shape.activated.connect(self._shape_chosen)
        self.header_first = QSpinBox()
        self.header_first.setObjectName("attendance_import_header_first")
        self.header_last = QSpinBox()
        self.header_last.setObjectName("attendance_import_header_last")
        for spin in (self.header_first, self.header_last):
            spin.setRange(1, 50)
            spin.valueChanged.connect(self._header_changed)
        self.period = QComboBox()
        self.period.setObjectName("attendance_import_period")
        self.period.activated.connect(self._period_chosen)
        self.period_label = QLabel(self.tr("Month of the day columns"))
        layout_row = QHBoxLayout()
        layout_row.addWidget(self.shape, 1)
        layout_row.addSpacing(16)
        layout_row.addWidget(QLabel(self.tr("Header rows")))
        layout_row.addWidget(self.header_first)
        layout_row.addWidget(QLabel(self.tr("to")))
        layout_row.addWidget(self.header_last)
        layout_row.addSpacing(16)
        layout_row.addWidget(self.period_label)
        layout_row.addWidget(self.period)

        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Layout"), layout_row)
        form.addRow(self.tr("Understood"), self.understood)

        # -- columns and the first records
        self.mapping_model = QStandardItemModel(0, 4, self)
        self.mapping_model.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("First value"), self.tr("Read as")]
        )
        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("attendance_import_mapping")
        self._table(self.mapping_view, self.mapping_model)
        header = self.mapping_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(3, 200)
        self.combos: dict[int, QComboBox] = {}

        self.preview_model = QStandardItemModel(0, 6, self)
        self.preview_model.setHorizontalHeaderLabels(
            [
                self.tr("Row"),
                self.tr("Name"),
                self.tr("Employee no."),
                self.tr("Date"),
                self.tr("Punch times"),
                self.tr("Status"),
            ]
        )
        self.preview_view = QTableView()
        self.preview_view.setObjectName("attendance_import_preview")
        self._table(self.preview_view, self.preview_model)
        self.preview_view.horizontalHeader().setStretchLastSection(True)

        # -- problems and unknown people, shown only when there are some
        self.problems_label = QLabel()
        self.problems_label.setWordWrap(True)
        self.problems_model = QStandardItemModel(0, 5, self)
        self.problems_model.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Value"), self.tr("Problem")]
        )
        self.problems_view = QTableView()
        self.problems_view.setObjectName("attendance_import_problems")
        self._table(self.problems_view, self.problems_model)
        self.problems_view.setWordWrap(True)
        self.problems_view.horizontalHeader().setStretchLastSection(True)
        self.problems_box = self._section(self.problems_label, self.problems_view)

        self.people_label = QLabel(
            self.tr("These people match no rep. Choose who each one is, or add them as new reps:")
        )
        self.people_label.setWordWrap(True)
        self.people_model = QStandardItemModel(0, 3, self)
        self.people_model.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Employee no."), self.tr("Rep")])
        self.people_view = QTableView()
        self.people_view.setObjectName("attendance_import_people")
        self._table(self.people_view, self.people_model)
        people_header = self.people_view.horizontalHeader()
        people_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people_combos: dict[tuple[str, str], QComboBox] = {}
        self.people_box = self._section(self.people_label, self.people_view)

        self.information = QLabel()
        self.information.setObjectName("attendance_import_information")
        self.information.setWordWrap(True)
        self.remember = QCheckBox(self.tr("Remember this column mapping for files that look the same"))
        self.remember.setObjectName("attendance_import_remember")
        self.summary = QLabel()
        self.summary.setObjectName("attendance_import_summary")
        self.summary.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        columns_box = self._section(
            QLabel(self.tr("Columns (change “Read as” where the guess is wrong):")), self.mapping_view
        )
        preview_box = self._section(QLabel(self.tr("First person-days as they will be imported:")), self.preview_view)
        top = QSplitter()
        top.addWidget(columns_box)
        top.addWidget(preview_box)
        top.setSizes([520, 600])
        self.bottom = bottom = QSplitter()
        bottom.addWidget(self.problems_box)
        bottom.addWidget(self.people_box)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([480, 220])

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.information)
        layout.addWidget(self.remember)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._show_sections()
        if path:
            self.set_file(path)

    # -- building blocks

    @staticmethod
    def _table(view: QTableView, model: QStandardItemModel) -> None:
        view.setModel(model)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)

    @staticmethod
    def _section(label: QLabel, view: QWidget) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(view, 1)
        return box

    def _shape_words(self) -> dict[Shape, str]:
        return {
            Shape.PUNCHES: self.tr("one row per punch"),
            Shape.PERSON_DAY: self.tr("one row per person and day"),
            Shape.MONTH_GRID: self.tr("month grid: one row per person, one column per day"),
        }

    def _read_as_choices(self) -> list[tuple[str, str | None]]:
        return [
            (self.tr("Name"), Field.NAME.value),
            (self.tr("Employee no."), Field.EMPLOYEE_NO.value),
            (self.tr("Department"), Field.DEPARTMENT.value),
            (self.tr("Date"), Field.DATE.value),
            (self.tr("Date and time"), Field.DATETIME.value),
            (self.tr("Punch time"), _TIME),
            (self.tr("Status"), _STATUS),
            (self.tr("Note"), _NOTE),
            (self.tr("(ignore)"), None),
        ]

    def problem_text(self, reason: str) -> str:
        """A sentence per problem reason: what is wrong and what to do."""
        texts = {
            "bad_date": self.tr(
                "This is not a date, or the day does not exist. Write it like 2026-10-03 in the file, "
                "or set this column to “(ignore)” if it is not the date."
            ),
            "bad_time": self.tr(
                "This is not a clock time, or the time does not exist (e.g. 25:61). Write times like 09:05, "
                "several separated by spaces or line breaks, and 次日 00:30 for after midnight."
            ),
            "no_year": self.tr(
                "The date has no year, and the file states none. Write the year in the date (2026-10-03) "
                "or in a title row above the header (e.g. 2026年10月)."
            ),
            "no_time": self.tr(
                "This column should hold a date and a time of day, but the cell has only a date. "
                "Check that the column is read as the right thing, or add the punch time to the cell."
            ),
            "no_name": self.tr(
                "This row has attendance but neither a name nor an employee number. Fill in who it is, "
                "or delete the row."
            ),
            "no_date": self.tr("This row has no date. Fill in the date, or check which column is read as “Date”."),
            "no_header": self.tr(
                "No header naming the person and the date (or the days of the month) was found. Check the "
                "header rows and the layout above, and that one column is read as “Name” or “Employee no.” "
                "and one as “Date” or “Date and time”, or choose another sheet."
            ),
            "no_period": self.tr(
                "The day columns have no year and month: the file states neither in a title, the sheet name "
                "nor the file name. Set the month of the day columns above."
            ),
            "bad_column": self.tr(
                "The mapping names a column or header row this sheet does not have. Check the header rows "
                "and the “Read as” choices."
            ),
        }
        return texts.get(reason, reason)

    # -- choosing and planning

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose an attendance workbook"), "", self.tr("Excel workbooks (*.xlsx *.xlsm *.xls)")
        )
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.path.setText(path)
        self.remember.setChecked(False)
        self._plan(None, None)

    def _sheet_chosen(self, _index: int) -> None:
        self._plan(self.sheet.currentText(), None)

    def _shape_chosen(self, _index: int) -> None:
        if self.plan is None:
            return
        self._replan_with(self._mapping_from_choices())

    def _header_changed(self, _value: int) -> None:
        if self.plan is None:
            return
        first, last = self.header_first.value(), self.header_last.value()
        if last < first:
            self._set_quietly(self.header_last, first)
            last = first
        # A different header means different columns: let the reader detect them under it.
        self._replan_with(AttendanceMapping(sheet=self.plan.reading.sheet, header_rows=tuple(range(first - 1, last))))

    def _period_chosen(self, _index: int) -> None:
        chosen = self.period.currentData()
        if self.plan is None or self.plan.reading.shape is not Shape.MONTH_GRID or chosen is None:
            return
        # The days are placed again in the chosen month.
        period = (int(chosen[:4]), int(chosen[5:]))
        self._replan_with(replace(self._mapping_from_choices(), day_columns=None, period=period))

    def _read_as_chosen(self, column: int) -> None:
        combo = self.combos[column]
        chosen = combo.currentData()
        if chosen in _SINGLE:  # one column per field: the column that had it lets it go
            for other, other_combo in self.combos.items():
                if other != column and other_combo.currentData() == chosen:
                    other_combo.setCurrentIndex(other_combo.findData(None))
        self._replan_with(self._mapping_from_choices())

    def _replan_with(self, mapping: AttendanceMapping) -> None:
        self.remember.setChecked(True)
        self._plan(mapping.sheet, mapping)

    def _mapping_from_choices(self) -> AttendanceMapping:
        """The mapping the table and the layout controls show, with the reading's days and month."""
        assert self.plan is not None
        reading = self.plan.reading
        columns: dict[Field, int] = {}
        groups: dict[str, list[int]] = {_TIME: [], _STATUS: [], _NOTE: []}
        for column, combo in sorted(self.combos.items()):
            chosen = combo.currentData()
            if chosen in _SINGLE:
                columns.setdefault(_SINGLE[chosen], column)
            elif chosen in groups:
                groups[chosen].append(column)
        kind = (reading.mapping.columns or {}).get(Field.PUNCH_KIND)
        if kind is not None and kind in self.combos and self.combos[kind].currentData() is None:
            columns[Field.PUNCH_KIND] = kind  # ZKTeco 状态 (which punch): the reader skips it; kept as detected
        shape_value = self.shape.currentData()
        return AttendanceMapping(
            sheet=reading.sheet,
            header_rows=reading.header_rows,
            shape=Shape(shape_value) if shape_value else None,
            columns=columns,
            time_columns=tuple(groups[_TIME]),
            status_columns=tuple(groups[_STATUS]),
            note_columns=tuple(groups[_NOTE]),
            day_columns=reading.mapping.day_columns or None,
            period=reading.period,
        )

    def _plan(self, sheet: str | None, mapping: AttendanceMapping | None) -> None:
        text = self.path.text()
        if not text:
            return
        path = Path(text)
        self._generation += 1
        generation = self._generation
        self.busy = True
        self.import_button.setEnabled(False)
        self.summary.setText(self.tr("Reading {file}…").format(file=path.name))
        db = self.db

        def work(_progress: Progress) -> _Planned:
            plan = plan_import(db, path, sheet, mapping)
            reading = plan.reading
            first_data = reading.header_rows[-1] + 1 if reading.header_rows else 0
            rows = read_sheet(path, reading.sheet, max_rows=first_data + _FIRST_VALUE_ROWS)[first_data:]
            first_values: list[CellValue] = []
            for column in range(len(reading.labels)):
                first_values.append(
                    next(
                        (
                            row[column]
                            for row in rows
                            if column < len(row) and row[column] is not None and _text(row[column]).strip()
                        ),
                        None,
                    )
                )
            with db.transaction() as session:
                reps = list_reps(session)
            return _Planned(plan, first_values, reps)

        job = run_job(
            self,
            work,
            on_success=lambda planned: self._planned(generation, job, planned),
            on_failure=lambda exc: self._plan_failed(generation, exc),
            label=self.tr("Reading {file}…").format(file=path.name),
        )

    def _planned(self, generation: int, job: Job, planned: _Planned) -> None:
        if generation != self._generation:
            return  # a later change is being planned
        if job.stop.is_set():  # Cancel pressed: planning cannot stop midway, so its result is dropped
            self._plan_cancelled()
            return
        self.busy = False
        self.plan = planned.plan
        self._first_values = planned.first_values
        self._reps = planned.reps
        self._show_plan()
        self.planned.emit()

    def _plan_cancelled(self) -> None:
        self.busy = False
        if self.plan is not None:
            self._show_plan()  # the combos go back to what the shown plan says
        else:
            self.summary.setText(self.tr("Reading cancelled. Choose the file again to import it."))
        self.planned.emit()

    def _plan_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self.plan = None
        name = Path(self.path.text()).name
        if isinstance(exc, UnreadableWorkbook):
            text = self.tr(
                "{file} cannot be read: {reason}. Check that it is an Excel workbook without a password, "
                "then choose it again."
            ).format(file=name, reason=exc.reason)
        else:
            text = self.tr("{file} could not be read; the details are in the log file.").format(file=name)
        self._clear()
        self.understood.setText("")
        self.summary.setText(text)
        self.import_button.setEnabled(False)
        self.planned.emit()

    # -- showing a plan

    def _clear(self) -> None:
        for model in (self.mapping_model, self.preview_model, self.problems_model, self.people_model):
            model.removeRows(0, model.rowCount())
        self.combos.clear()
        self.people_combos.clear()
        self.information.setText("")
        self._show_sections()

    def _show_sections(self) -> None:
        problems, people = self.problems_model.rowCount() > 0, self.people_model.rowCount() > 0
        self.problems_box.setVisible(problems)
        self.people_box.setVisible(people)
        self.bottom.setVisible(problems or people)
        self.information.setVisible(bool(self.information.text()))

    @staticmethod
    def _set_quietly(widget: QSpinBox | QComboBox, value: Any) -> None:
        widget.blockSignals(True)
        if isinstance(widget, QSpinBox):
            widget.setValue(value)
        else:
            widget.setCurrentIndex(value)
        widget.blockSignals(False)

    def _show_plan(self) -> None:
        plan = self.plan
        assert plan is not None
        reading = plan.reading
        self._clear()
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(reading.sheets)
        self.sheet.setCurrentText(reading.sheet)
        self.sheet.blockSignals(False)
        self._set_quietly(self.shape, self.shape.findData(reading.shape.value) if reading.shape else -1)
        rows = reading.header_rows or (0,)
        self._set_quietly(self.header_first, rows[0] + 1)
        self._set_quietly(self.header_last, rows[-1] + 1)
        grid = reading.shape is Shape.MONTH_GRID
        self.period.setVisible(grid)
        self.period_label.setVisible(grid)
        self._fill_periods(reading.period)
        self.understood.setText(self._understood_text(plan))
        self._fill_mapping(plan)
        self._fill_preview(plan.reading.records[:PREVIEW_RECORDS])
        self._fill_problems(plan.problems)
        self._fill_people(plan.unknown)
        self.information.setText(self._information_text(plan))
        self._show_sections()
        records = len(reading.records)
        if len(plan.problems) == 1:
            self.summary.setText(
                self.tr(
                    "One problem stops the import. Correct it in the file and choose the file again, or correct "
                    "the mapping above; nothing is imported until every cell can be read."
                )
            )
        elif plan.problems:
            self.summary.setText(
                self.tr(
                    "{count} problems stop the import. Correct them in the file and choose the file again, or "
                    "correct the mapping above; nothing is imported until every cell can be read."
                ).format(count=len(plan.problems))
            )
        elif records == 0:
            self.summary.setText(self.tr("No attendance was found on this sheet. Check the mapping or the sheet."))
        else:
            self.summary.setText(self.tr("Ready to import. Person-days: {days}.").format(days=records))
        self.import_button.setEnabled(not plan.problems and records > 0)

    def _fill_periods(self, period: tuple[int, int] | None) -> None:
        """The months a grid's day columns can be placed in: three years back, and the file's own."""
        today = date.today()
        months = {
            ((today.year * 12 + today.month - 1 - back) // 12, (today.month - 1 - back) % 12 + 1)
            for back in range(-1, 36)
        }
        if period is not None:
            months.add(period)
        self.period.clear()
        if period is None:
            self.period.addItem(self.tr("(choose the month)"), None)
        for year, month in sorted(months, reverse=True):
            self.period.addItem(f"{year}-{month:02d}", f"{year}-{month:02d}")
        self.period.setCurrentIndex(0 if period is None else self.period.findData(f"{period[0]}-{period[1]:02d}"))

    def _understood_text(self, plan: AttendancePlan) -> str:
        reading = plan.reading
        parts = []
        if reading.shape is None:
            parts.append(self.tr("Sheet “{sheet}”: the layout was not recognised.").format(sheet=reading.sheet))
        else:
            parts.append(
                self.tr("Sheet “{sheet}” read as {shape}.").format(
                    sheet=reading.sheet, shape=self._shape_words()[reading.shape]
                )
            )
        rows = reading.header_rows
        if len(rows) == 1:
            parts.append(self.tr("Header in row {row}.").format(row=rows[0] + 1))
        elif rows:
            parts.append(self.tr("Header in rows {first} to {last}.").format(first=rows[0] + 1, last=rows[-1] + 1))
        if reading.period is not None:
            parts.append(self.tr("Period {period}.").format(period=f"{reading.period[0]}-{reading.period[1]:02d}"))
        elif reading.records:
            days = reading.days()
            parts.append(
                self.tr("Dates from {first} to {last}.").format(first=min(days).isoformat(), last=max(days).isoformat())
            )
        people = len(reading.people())
        parts.append(self.tr("Person-days: {days}; people: {people}.").format(days=len(reading.records), people=people))
        if plan.remembered:
            parts.append(self.tr("Using the column mapping you corrected for a file like this before."))
        return " ".join(parts)

    def _information_text(self, plan: AttendancePlan) -> str:
        lines = []
        if plan.reading.skipped_rows == 1:
            lines.append(self.tr("One row that holds no attendance (a blank row, a total or a note) was skipped."))
        elif plan.reading.skipped_rows:
            lines.append(
                self.tr("{count} rows that hold no attendance (blank rows, totals, notes) were skipped.").format(
                    count=plan.reading.skipped_rows
                )
            )
        if plan.unknown_words:
            words = sorted(plan.unknown_words.items(), key=lambda item: (-item[1], item[0]))
            shown = "、".join(f"{word} ({count})" for word, count in words[:12])
            lines.append(
                self.tr("Status words the attendance rules do not know are imported as written: {words}.").format(
                    words=shown
                )
            )
        return "\n".join(lines)

    def _fill_mapping(self, plan: AttendancePlan) -> None:
        reading = plan.reading
        mapping = reading.mapping
        chosen: dict[int, str] = {}
        for name, column in (mapping.columns or {}).items():
            if name in _SINGLE.values():
                chosen[column] = name.value
        for group, columns in ((_TIME, mapping.time_columns), (_STATUS, mapping.status_columns)):
            for column in columns or ():
                chosen[column] = group
        for column in mapping.note_columns or ():
            chosen[column] = _NOTE
        days = {column: day for day, column in (mapping.day_columns or {}).items()}
        choices = self._read_as_choices()
        for column, label in enumerate(reading.labels):
            first = self._first_values[column] if column < len(self._first_values) else None
            items = [
                QStandardItem(column_letter(column)),
                QStandardItem(label.replace("\n", " ")),
                QStandardItem(_text(first).replace("\n", " ")),
                QStandardItem(),
            ]
            day = days.get(column)
            if day is not None:
                items[3].setText(self.tr("Day {day} ({date})").format(day=day.day, date=day.isoformat()))
            for item in items:
                item.setEditable(False)
            self.mapping_model.appendRow(items)
            if day is not None:
                continue
            combo = QComboBox()
            for text, data in choices:
                combo.addItem(text, data)
            combo.setCurrentIndex(combo.findData(chosen.get(column)))
            combo.activated.connect(lambda _i, c=column: self._read_as_chosen(c))
            self.combos[column] = combo
            self.mapping_view.setIndexWidget(self.mapping_model.index(column, 3), combo)

    def _punch_text(self, record: RawPersonDay) -> str:
        texts = []
        for punch in record.punches:
            clock = punch.strftime("%H:%M")
            offset = (punch.date() - record.day).days
            if offset == 0:
                texts.append(clock)
            elif offset == 1:
                texts.append(self.tr("next day {time}").format(time=clock))
            else:
                texts.append(punch.strftime("%m-%d %H:%M"))
        return "  ".join(texts)

    def _fill_preview(self, records: list[RawPersonDay]) -> None:
        for record in records:
            items = [
                QStandardItem(str(record.row)),
                QStandardItem(record.employee_name),
                QStandardItem(record.employee_no or ""),
                QStandardItem(record.day.isoformat()),
                QStandardItem(self._punch_text(record)),
                QStandardItem(" / ".join(w.replace("\n", " ") for w in record.status_words)),
            ]
            self.preview_model.appendRow(items)
        for column in range(self.preview_model.columnCount() - 1):  # the last one stretches
            self.preview_view.resizeColumnToContents(column)

    def _fill_problems(self, problems: list[CellProblem]) -> None:
        for problem in problems[:SHOWN_PROBLEMS]:
            items = [
                QStandardItem(problem.sheet),
                QStandardItem("" if problem.row is None else str(problem.row)),
                QStandardItem(problem.column or ""),
                QStandardItem(_text(problem.value)),
                QStandardItem(self.problem_text(problem.reason)),
            ]
            items[4].setToolTip(items[4].text())
            self.problems_model.appendRow(items)
        if len(problems) > SHOWN_PROBLEMS:
            self.problems_label.setText(
                self.tr("{count} cells cannot be read; the first {shown} are listed:").format(
                    count=len(problems), shown=SHOWN_PROBLEMS
                )
            )
        else:
            self.problems_label.setText(self.tr("Cells that cannot be read:"))
        for column in range(4):
            self.problems_view.resizeColumnToContents(column)
        self.problems_view.resizeRowsToContents()

    def _fill_people(self, unknown: list[tuple[str, str]]) -> None:
        for person in unknown:
            name, number = person
            items = [QStandardItem(name), QStandardItem(number), QStandardItem()]
            self.people_model.appendRow(items)
            combo = QComboBox()
            combo.addItem(self.tr("Add as a new rep"), ADD_NEW)
            for rep_id, rep_name in self._reps:
                combo.addItem(rep_name, rep_id)
            same = next((i for i in range(1, combo.count()) if combo.itemText(i).strip() == name.strip()), 0)
            combo.setCurrentIndex(same)
            self.people_combos[person] = combo
            self.people_view.setIndexWidget(self.people_model.index(self.people_model.rowCount() - 1, 2), combo)

    def resolutions(self) -> dict[tuple[str, str], int]:
        return {person: combo.currentData() for person, combo in self.people_combos.items()}

    # -- importing

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or self.busy:
            return
        resolutions = self.resolutions()
        remember = self.remember.isChecked()
        name = Path(self.path.text()).name
        self.busy = True
        self.import_button.setEnabled(False)
        self._set_inputs_enabled(False)
        db = self.db
        self.summary.setText(self.tr("Importing {file}…").format(file=name))
        self._job = run_job(
            self,
            lambda progress: apply_plan(db, plan, resolutions, remember=remember, progress=progress),
            on_success=self._imported,
            on_failure=self._failed,
            on_cancel=self._cancelled,
            label=self.tr("Importing {file}…").format(file=name),
        )

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (
            self.browse,
            self.sheet,
            self.shape,
            self.header_first,
            self.header_last,
            self.period,
            self.mapping_view,
            self.people_view,
            self.remember,
        ):
            widget.setEnabled(enabled)

    def _imported(self, summary: AttendanceSummary) -> None:
        self.busy = False
        self.result_summary = summary
        counts = self.tr(
            "{added} days added, {replaced} replaced, {unchanged} unchanged; {people} people added."
        ).format(
            added=summary.added, replaced=summary.replaced, unchanged=summary.unchanged, people=summary.people_added
        )
        self.summary.setText("\n".join([counts, *evaluated_months(summary.evaluated)]))
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.import_button = close
        self.imported.emit(summary.months[-1] if summary.months else None)

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self._set_inputs_enabled(True)
        self.import_button.setEnabled(True)
        if isinstance(exc, AttendanceImportFailed):
            self.problems_model.removeRows(0, self.problems_model.rowCount())
            self._fill_problems(exc.problems)
            unresolved = ", ".join(f"{name} {number}".strip() for name, number in exc.unknown)
            self.import_button.setEnabled(not exc.problems and not exc.unknown)
            parts = [self.tr("Nothing was imported.")]
            if exc.problems:
                parts.append(self.tr("Cells that cannot be read: {count}.").format(count=len(exc.problems)))
            if exc.unknown:
                parts.append(self.tr("Choose who these people are: {people}.").format(people=unresolved))
            text = " ".join(parts)
            self.summary.setText(text)
            self._show_sections()
        else:
            self.summary.setText(self.tr("The import failed and nothing was changed. The details are in the log file."))

    def _cancelled(self) -> None:
        self.busy = False
        self._set_inputs_enabled(True)
        self.import_button.setEnabled(True)
        self.summary.setText(self.tr("Import cancelled. Nothing was changed."))

    def done(self, result: int) -> None:
        # The reader keeps the last parsed workbook for the import that usually follows a plan.
        forget_parsed()
        super().done(result)
