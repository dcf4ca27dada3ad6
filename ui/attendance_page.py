"""The attendance register: one ledger per month (reps × days with the summary at the right),
corrections of a person-day with a reason, a chart of the month, import, export and print."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.attendance import DayResult, LeaveType, Symbol
from storage import attendance as repo
from storage.db import Database
from storage.excel.ledger_writer import FILL_COLOURS, FLAG_COLOUR, REST_DAY_COLOUR, SYMBOL_TEXT
from ui.jobs import run_job
from ui.labels import names_and_more, ui_language
from widgets.attendance_charts import AttendanceCharts
from widgets.grid_model import EMPTY, GridCell, GridModel

log = logging.getLogger(__name__)

# One notation for screen, workbook and print: the ledger writer's symbols and colours.
SYMBOL_COLOUR = {symbol: f"#{colour}" for symbol, colour in FILL_COLOURS.items()}
OFF_DAY_SHADE = f"#{REST_DAY_COLOUR}"
FLAGGED = f"#{FLAG_COLOUR}"
WEEKDAYS = "一二三四五六日"


def leave_names() -> dict[LeaveType, str]:
    return {
        LeaveType.ANNUAL: QCoreApplication.translate("attendance", "Annual leave"),
        LeaveType.PERSONAL: QCoreApplication.translate("attendance", "Personal leave"),
        LeaveType.SICK: QCoreApplication.translate("attendance", "Sick leave"),
        LeaveType.COMPENSATORY: QCoreApplication.translate("attendance", "Compensatory leave"),
        LeaveType.MARRIAGE: QCoreApplication.translate("attendance", "Marriage leave"),
        LeaveType.MATERNITY: QCoreApplication.translate("attendance", "Maternity leave"),
        LeaveType.BEREAVEMENT: QCoreApplication.translate("attendance", "Bereavement leave"),
        LeaveType.OTHER: QCoreApplication.translate("attendance", "Other leave"),
    }


@dataclass
class _Grid:
    """The ledger's cells as the table shows them."""

    headers: list[str]
    rows: list[list[GridCell]]
    tips: list[str]
    shade: list[str | None]
    summary_columns: int


@dataclass
class _Loaded:
    ledger: repo.Ledger
    trend: list[repo.MonthTotals]
    grid: _Grid


class CorrectionDialog(QDialog):
    """Correct one person-day: punch times, status words, and the reason (kept in the audit trail)."""

    def __init__(
        self, name: str, day: date, punches: str, status: str, history: list[Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.day = day
        self.setWindowTitle(self.tr("Correct {name}, {day}").format(name=name, day=day.isoformat()))
        form = QFormLayout(self)
        self.punches = QLineEdit(punches)
        self.punches.setPlaceholderText(self.tr("e.g. 08:57 18:03 (next day: 次日 00:30)"))
        self.status = QLineEdit(status)
        self.status.setPlaceholderText(self.tr("e.g. 正常, 年假, 出差, 外勤"))
        self.reason = QPlainTextEdit()
        self.reason.setMaximumHeight(70)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        form.addRow(self.tr("Punch times"), self.punches)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Reason (required)"), self.reason)
        form.addRow(self.error)
        if history:
            lines = [f"{at:%Y-%m-%d %H:%M}  {reason}" for at, _before, _after, reason in history]
            trail = QLabel("\n".join(lines))
            trail.setStyleSheet("color: #555;")
            form.addRow(self.tr("Earlier corrections"), trail)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_punches: list[datetime] = []

    def parsed_punches(self) -> list[datetime] | None:
        from storage.excel.cells import CellError, parse_times

        text = self.punches.text().strip()
        if not text:
            return []
        try:
            times = parse_times(text)
        except CellError:
            return None
        out = []
        for t in times:
            base = self.day.toordinal() + (1 if t.next_day else 0)
            out.append(datetime.combine(date.fromordinal(base), t.time))
        return out

    def accept(self) -> None:
        punches = self.parsed_punches()
        if punches is None:
            self._show(self.tr("Punch times must be clock times such as 08:57 or 次日 00:30."))
            return
        if not self.reason.toPlainText().strip():
            self._show(self.tr("Give a reason: corrections are kept in the audit trail."))
            return
        self.result_punches = punches
        super().accept()

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


def punch_clocks(punches: Sequence[datetime], day: date) -> str:
    """A day's punches as its clock times, '次日 00:30' for one after midnight (as HR exports and
    the correction dialog write it)."""
    # Formatted by hand: strftime runs PySide's import hook on every call, and a month's grid
    # formats a hundred thousand punches.
    return " ".join(
        f"{p.hour:02d}:{p.minute:02d}" if p.date() == day else f"次日 {p.hour:02d}:{p.minute:02d}" for p in punches
    )


class AttendancePage(QWidget):
    importRequested = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.loaded: _Loaded | None = None
        self.loading = False
        today = date.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setObjectName("attendance_month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(False)
        self.month.dateChanged.connect(lambda _d: self.reload())
        previous = QPushButton("◀")
        previous.setFixedWidth(32)
        previous.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(-1)))
        following = QPushButton("▶")
        following.setFixedWidth(32)
        following.clicked.connect(lambda: self.month.setDate(self.month.date().addMonths(1)))
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.clicked.connect(self.import_attendance)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self.export_ledger)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_ledger)
        self.rules_button = QPushButton(self.tr("Rules…"))
        self.rules_button.clicked.connect(self.edit_rules)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(previous)
        top.addWidget(self.month)
        top.addWidget(following)
        top.addStretch(1)
        for b in (self.import_button, self.export_button, self.print_button, self.rules_button):
            top.addWidget(b)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #8a5300; background: #fff4de; padding: 4px;")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.legend = QLabel(
            self.tr(
                "✓ normal   迟 late   早 early leave   缺 missing punch   旷 absent   假 leave   差 business trip   外 field work   休 rest day; grey columns are weekends and holidays. Click a day to correct it."  # noqa: E501
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #555;")

        self.model = GridModel(self)
        self.view = QTableView()
        self.view.setObjectName("ledger")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setDefaultSectionSize(30)
        self.view.clicked.connect(self.open_cell)
        self.charts = AttendanceCharts()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, self.tr("Ledger"))
        self.tabs.addTab(self.charts, self.tr("Chart"))
        self.status = QLabel()
        self.status.setWordWrap(True)  # a long list of flagged names must not widen the page
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.warning)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.legend)
        layout.addWidget(self.status)
        with db.transaction() as session:
            months = repo.months_with_data(session)
        if months:
            self.month.blockSignals(True)
            self.set_month(*months[0])
            self.month.blockSignals(False)
        self.reload()

    # --- loading -------------------------------------------------------------------
    def year_month(self) -> tuple[int, int]:
        d = self.month.date()
        return d.year(), d.month()

    def set_month(self, year: int, month: int) -> None:
        self.month.setDate(QDate(year, month, 1))

    def reload(self) -> None:
        if self.loading:
            return
        self.loading = True
        year, month = self.year_month()

        def work(_progress: Any) -> _Loaded:
            with self.db.transaction() as session:
                ledger = repo.ledger(session, year, month)
                trend = repo.team_trend(session, year, month, 6)
            # The cells too are made here: a large team's month is a hundred thousand of them.
            return _Loaded(ledger, trend, self._grid(ledger))

        run_job(self, work, on_success=self._loaded, on_failure=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        self.status.setText(self.tr("The ledger could not be loaded: {error}").format(error=exc))

    def _loaded(self, loaded: _Loaded) -> None:
        self.loading = False
        if (loaded.ledger.year, loaded.ledger.month) != self.year_month():
            self.reload()  # the month changed while it loaded: the grid keeps what self.loaded holds
            return
        self.loaded = loaded
        self._fill(loaded.ledger, loaded.grid)
        names = [r.name for r in loaded.ledger.rows]
        self.charts.set_month(
            names,
            [r.summary.late_count for r in loaded.ledger.rows],
            [r.summary.absent_days for r in loaded.ledger.rows],
        )
        self.charts.set_trend(
            [f"{t.year}-{t.month:02d}" for t in loaded.trend],
            [t.late_count for t in loaded.trend],
            [t.absent_days for t in loaded.trend],
        )

    def summary_columns(self, ledger: repo.Ledger) -> list[tuple[str, str]]:
        columns = [
            ("workdays", self.tr("Work days")),
            ("present_days", self.tr("Present")),
            ("late_count", self.tr("Late")),
            ("late_minutes", self.tr("Late min.")),
            ("early_leave_count", self.tr("Early")),
            ("early_leave_minutes", self.tr("Early min.")),
            ("missing_punches", self.tr("Missing")),
            ("absent_days", self.tr("Absent")),
            ("leave_days", self.tr("Leave")),
        ]
        names = leave_names()
        kinds = sorted({k for r in ledger.rows for k in r.summary.leave_days_by_type}, key=list(LeaveType).index)
        columns += [(f"leave:{k.value}", names[k]) for k in kinds]
        columns += [("trip_days", self.tr("Trip")), ("field_days", self.tr("Field"))]
        return columns

    def _grid(self, ledger: repo.Ledger) -> _Grid:
        days = ledger.month_days()
        calendar = ledger.calendar
        summary_columns = self.summary_columns(ledger)
        headers = [self.tr("No."), self.tr("Name")]
        tips = ["", ""]
        shade: list[str | None] = [None, None]
        for d in days:
            headers.append(f"{d.day}\n{WEEKDAYS[d.weekday()]}")
            holiday = calendar.holiday_name(d, chinese=True)
            working = calendar.is_working_day(d)
            tip = d.isoformat()
            if holiday:
                tip += f" {holiday}"
            if working and d.weekday() >= 5:
                tip += " " + self.tr("(adjusted working day, 调休)")
            tips.append(tip)
            shade.append(None if working else OFF_DAY_SHADE)
        headers += [label for _key, label in summary_columns]
        tips += [label for _key, label in summary_columns]
        shade += [None] * len(summary_columns)
        rows: list[list[GridCell]] = []
        today = date.today()
        for row in ledger.rows:
            cells = [
                GridCell(row.employee_no),
                GridCell(row.name, bold=row.summary.flagged, foreground=FLAGGED if row.summary.flagged else None),
            ]
            for d in days:
                result = row.days.get(d)
                if result is None:
                    if not calendar.is_working_day(d):
                        cells.append(GridCell(SYMBOL_TEXT[Symbol.REST], foreground="#8a8a8a"))
                    elif d < today and row.days:
                        cells.append(GridCell("", tooltip=self.tr("No record for this working day")))
                    else:
                        cells.append(EMPTY)
                    continue
                cells.append(self._day_cell(result, row.stored[d].status_text))
            figures = row.summary.report_fields()
            for key, _label in summary_columns:
                if key.startswith("leave:"):
                    value: Any = row.summary.leave_days_by_type.get(LeaveType(key[6:]), 0)
                else:
                    value = figures[key]
                text = f"{value:g}" if isinstance(value, float) else str(value)
                cells.append(GridCell(text, align_right=True, bold=key == "late_count" and row.summary.flagged))
            rows.append(cells)
        return _Grid(headers, rows, tips, shade, len(summary_columns))

    def _fill(self, ledger: repo.Ledger, grid: _Grid) -> None:
        days = ledger.month_days()
        calendar = ledger.calendar
        self.model.set_grid(grid.headers, grid.rows, grid.tips, grid.shade)
        self.view.setColumnWidth(0, 84)
        self.view.setColumnWidth(1, 80)
        for i in range(grid.summary_columns):
            self.view.setColumnWidth(2 + len(days) + i, 62)
        self.view.horizontalHeader().setMinimumHeight(40)
        unknown = not calendar.known(days[0])
        self.warning.setVisible(unknown)
        if unknown:
            self.warning.setText(
                self.tr(
                    "The public-holiday calendar for {year} is not known yet: weekdays count as working days. Set holidays and adjusted working days by hand."  # noqa: E501
                ).format(year=ledger.year)
            )
        flagged = sorted((r for r in ledger.rows if r.summary.flagged), key=lambda r: -r.summary.late_count)
        text = self.tr("Reps: {count}; working days: {workdays}.").format(
            count=len(ledger.rows), workdays=len(calendar.working_days(ledger.year, ledger.month))
        )
        if flagged:
            # Most late first; the grid shows every flagged name in bold red.
            text += " " + self.tr("Late {n} times or more: {names}.").format(
                n=ledger.rules.late_flag_count, names=names_and_more([r.name for r in flagged], 10)
            )
        self.status.setText(text)

    def _day_cell(self, result: DayResult, status_text: str) -> GridCell:
        symbol = result.symbol
        lines = []
        if result.punches:
            lines.append(punch_clocks(result.punches, result.day))
        if status_text:
            lines.append(status_text.replace("\n", " "))
        if result.late:
            lines.append(self.tr("Late {minutes} min").format(minutes=result.late_minutes))
        if result.early:
            lines.append(self.tr("Early leave {minutes} min").format(minutes=result.early_minutes))
        if result.missing_punches:
            lines.append(self.tr("Missing punches: {count}").format(count=result.missing_punches))
        return GridCell(SYMBOL_TEXT[symbol], background=SYMBOL_COLOUR.get(symbol), tooltip="\n".join(lines))

    # --- actions -------------------------------------------------------------------
    def day_of_column(self, column: int) -> date | None:
        if self.loaded is None:
            return None
        days = self.loaded.ledger.month_days()
        index = column - 2
        return days[index] if 0 <= index < len(days) else None

    def open_cell(self, index: QModelIndex) -> None:
        day = self.day_of_column(index.column())
        if day is None or self.loaded is None:
            return
        row = self.loaded.ledger.rows[index.row()]
        stored = row.stored.get(day)
        punches = punch_clocks(stored.punches if stored else (), day)
        with self.db.transaction() as session:
            history = repo.corrections(session, row.rep_id, day)
        dialog = CorrectionDialog(row.name, day, punches, stored.status_text if stored else "", history, self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self.save_correction(row.rep_id, dialog))
        dialog.open()

    def save_correction(self, rep_id: int, dialog: CorrectionDialog) -> None:
        with self.db.transaction() as session:
            repo.correct_day(
                session, rep_id, dialog.day, dialog.result_punches, dialog.status.text(), dialog.reason.toPlainText()
            )
        self.reload()

    def edit_rules(self) -> None:
        from ui.dialogs.attendance_rules_dialog import AttendanceRulesDialog

        dialog = AttendanceRulesDialog(self.db, self)
        dialog.accepted.connect(self.reload)
        self.last_dialog = dialog
        dialog.open()

    def import_attendance(self, path: str | None = None) -> None:
        from ui.dialogs.attendance_import_dialog import AttendanceImportDialog

        dialog = AttendanceImportDialog(self.db, self, path=path)
        dialog.imported.connect(self._imported)
        self.last_dialog = dialog
        dialog.open()

    def _imported(self, month: Any) -> None:
        if month:
            self.set_month(*month)
        self.reload()

    def export_ledger(self, path: str | None = None) -> None:
        if self.loaded is None:
            return
        ledger = self.loaded.ledger
        if not path:
            suggested = self.tr("attendance-{year}-{month:02d}.xlsx").format(year=ledger.year, month=ledger.month)
            path, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export ledger"), suggested, self.tr("Excel workbook (*.xlsx)")
            )
            if not path:
                return
        from storage.excel.ledger_writer import write_ledger

        language = ui_language()
        run_job(
            self,
            lambda progress: write_ledger(ledger, path, language=language, progress=progress),
            on_success=lambda _r: self.status.setText(self.tr("Ledger written to {file}.").format(file=path)),
            on_failure=lambda exc: QMessageBox.warning(self, self.tr("Export failed"), str(exc)),
            label=self.tr("Writing the ledger…"),
        )

    def print_ledger(self) -> None:
        if self.loaded is None:
            return
        from ui.printing import ledger_document, print_preview, render_document

        ledger = self.loaded.ledger
        language = ui_language()
        document = ledger_document(ledger, language)
        print_preview(self, self.tr("Attendance ledger"), render_document(document))
