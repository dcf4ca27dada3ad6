"""The monthly attendance ledger (考勤汇总表) as a styled workbook HR accepts, and the sheet that
both the workbook and the printed ledger (``ui.printing``) are drawn from.

:func:`ledger_sheet` decides what the ledger says — title, the day columns with their shading,
one symbol per person-day, the summary figures, the legend — in Chinese or English, without Qt,
so the exported workbook and the printout can never disagree. :func:`write_ledger` lays that
sheet out with openpyxl: merged title, two-row header, coloured symbols, grey weekends and
holidays, frozen panes and an A4-landscape, one-page-wide print setup. A ledger is at most a few
hundred rows, so openpyxl's styled cells are fast enough here, unlike the big register exports
of :mod:`storage.excel.writer`.

The document language is an argument rather than the UI language: a manager working in an
English UI may still send HR a Chinese ledger.
"""

from __future__ import annotations

import math
import os
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from domain.attendance import LeaveType, Symbol
from storage.attendance import Ledger, LedgerRow

# The export writer's rules for user text: what starts a formula, what XML cannot carry, how long
# a cell may be.  Names and employee numbers are user data and go through _set_text below.
from storage.excel.writer import _FORMULA_START, _ILLEGAL, _XML_SPACE, MAX_CELL_TEXT
from storage.progress import Progress, no_progress

LANGUAGES = ("zh", "en")

SYMBOL_TEXT: dict[Symbol, str] = {
    Symbol.NORMAL: "✓",
    Symbol.LATE: "迟",
    Symbol.EARLY: "早",
    Symbol.MISSING: "缺",
    Symbol.ABSENT: "旷",
    Symbol.LEAVE: "假",
    Symbol.TRIP: "差",
    Symbol.FIELD: "外",
    Symbol.REST: "休",
    Symbol.HOLIDAY: "休",
}
"""The ledger's one-character symbols, the same in both languages (the legend explains them);
:func:`domain.attendance.parse_status` reads them back, so an exported ledger imports again."""

FILL_COLOURS: dict[Symbol, str] = {
    Symbol.LATE: "FFD966",  # amber
    Symbol.EARLY: "FFF2CC",  # pale amber
    Symbol.MISSING: "F8CBAD",  # orange
    Symbol.ABSENT: "F4A6A6",  # red
    Symbol.LEAVE: "BDD7EE",  # blue
    Symbol.TRIP: "A8DCD5",  # teal
    Symbol.FIELD: "A8DCD5",  # teal
}
"""Cell colours (RRGGBB) by symbol; normal days have none, rest days and holidays are grey."""
REST_DAY_COLOUR = "D9D9D9"
FLAG_COLOUR = "C00000"
"""The name of a flagged rep (late too often this month) is bold in this red."""

_WEEKDAYS = {"zh": "一二三四五六日", "en": ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")}
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_LEAVE_NAMES = {
    "zh": {
        LeaveType.ANNUAL: "年假",
        LeaveType.PERSONAL: "事假",
        LeaveType.SICK: "病假",
        LeaveType.COMPENSATORY: "调休",
        LeaveType.MARRIAGE: "婚假",
        LeaveType.MATERNITY: "产假",
        LeaveType.BEREAVEMENT: "丧假",
        LeaveType.OTHER: "其他假",
    },
    "en": {
        LeaveType.ANNUAL: "Annual leave",
        LeaveType.PERSONAL: "Personal leave",
        LeaveType.SICK: "Sick leave",
        LeaveType.COMPENSATORY: "Time off in lieu",
        LeaveType.MARRIAGE: "Marriage leave",
        LeaveType.MATERNITY: "Maternity leave",
        LeaveType.BEREAVEMENT: "Bereavement leave",
        LeaveType.OTHER: "Other leave",
    },
}

_TEXT = {
    "zh": {
        "sheet": "考勤汇总表",
        "employee_no": "工号",
        "name": "姓名",
        "workdays": "应出勤天数",
        "present_days": "实出勤天数",
        "late_count": "迟到次数",
        "late_minutes": "迟到分钟",
        "early_leave_count": "早退次数",
        "early_leave_minutes": "早退分钟",
        "missing_punches": "缺卡次数",
        "absent_days": "旷工天数",
        "leave_days": "请假天数",
        "trip_days": "出差天数",
        "field_days": "外勤天数",
        "legend": "图例",
        "normal": "正常",
        "late": "迟到",
        "early": "早退",
        "missing": "缺卡",
        "absent": "旷工",
        "leave": "请假",
        "trip": "出差",
        "field": "外勤/外出",
        "rest": "休息日/节假日（灰色）",
        "flag_note": "姓名红色加粗：本月迟到 {count} 次及以上。",
        "holidays": "节假日：{days}（{names}）。",
        "adjusted": "调休上班：{days}。",
        "in_progress": "空白：本月尚未到来或未导入的工作日。",
        "day": "{month}月{day}日",
        "day_range": "{month}月{first}日至{last}日",
        "list_sep": "、",
    },
    "en": {
        "sheet": "Attendance",
        "employee_no": "Employee no.",
        "name": "Name",
        "workdays": "Working days",
        "present_days": "Present days",
        "late_count": "Late",
        "late_minutes": "Late minutes",
        "early_leave_count": "Early leave",
        "early_leave_minutes": "Early-leave minutes",
        "missing_punches": "Missing punches",
        "absent_days": "Absent days",
        "leave_days": "Leave days",
        "trip_days": "Trip days",
        "field_days": "Field days",
        "legend": "Legend",
        "normal": "normal",
        "late": "late",
        "early": "early leave",
        "missing": "missing punch",
        "absent": "absent",
        "leave": "leave",
        "trip": "business trip",
        "field": "field work / out",
        "rest": "rest day or holiday (grey)",
        "flag_note": "Name in bold red: late {count} times or more this month.",
        "holidays": "Holidays: {days} ({names}).",
        "adjusted": "Adjusted working days: {days}.",
        "in_progress": "Blank: a working day not yet reached or not yet imported.",
        "day": "{day} {month_name}",
        "day_range": "{first}-{last} {month_name}",
        "list_sep": ", ",
    },
}

_LEGEND_SYMBOLS = (
    (Symbol.NORMAL, "normal"),
    (Symbol.LATE, "late"),
    (Symbol.EARLY, "early"),
    (Symbol.MISSING, "missing"),
    (Symbol.ABSENT, "absent"),
    (Symbol.LEAVE, "leave"),
    (Symbol.TRIP, "trip"),
    (Symbol.FIELD, "field"),
    (Symbol.REST, "rest"),
)


# --------------------------------------------------------------------------- what the ledger says


@dataclass(frozen=True)
class DayColumn:
    day: date
    number: str
    weekday: str
    rest: bool
    """A weekend day or public holiday (not an adjusted working day, 调休上班): shaded grey."""


@dataclass(frozen=True)
class DayCell:
    text: str
    """The symbol, or '' for a working day with no record in a month still in progress."""
    symbol: Symbol | None
    rest: bool


@dataclass(frozen=True)
class SheetRow:
    employee_no: str
    name: str
    flagged: bool
    cells: tuple[DayCell, ...]
    figures: tuple[int | float, ...]
    """The summary figures, in the order of :attr:`LedgerSheet.summary_headers`."""


@dataclass(frozen=True)
class LegendItem:
    symbol: str
    meaning: str
    colour: str | None
    """RRGGBB of the symbol's cell, ``None`` for no fill."""


@dataclass(frozen=True)
class LedgerSheet:
    """Everything a rendering of the ledger shows, in one language."""

    language: str
    sheet_name: str
    title: str
    subtitle: str
    employee_no_header: str
    name_header: str
    days: tuple[DayColumn, ...]
    summary_headers: tuple[str, ...]
    rows: tuple[SheetRow, ...]
    legend_title: str
    legend: tuple[LegendItem, ...]
    notes: tuple[str, ...]
    """Sentences under the legend: holidays, adjusted working days, what a flagged name means."""


def ledger_sheet(ledger: Ledger, language: str = "zh") -> LedgerSheet:
    """What the ledger of ``ledger`` says in ``language`` ('zh' or 'en')."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown ledger language {language!r}; expected one of {', '.join(LANGUAGES)}")
    text = _TEXT[language]
    calendar = ledger.calendar
    month_days = ledger.month_days()
    weekdays = _WEEKDAYS[language]
    columns = tuple(
        DayColumn(day, str(day.day), weekdays[day.weekday()], not calendar.is_working_day(day)) for day in month_days
    )
    leave_types = [
        kind for kind in LeaveType if any(row.summary.leave_days_by_type.get(kind, 0) > 0 for row in ledger.rows)
    ]
    leave_names = _LEAVE_NAMES[language]
    headers = [text[key] for key in ("workdays", "present_days", "late_count", "late_minutes")]
    headers += [text[key] for key in ("early_leave_count", "early_leave_minutes", "missing_punches", "absent_days")]
    headers += [text["leave_days"], *(leave_names[kind] for kind in leave_types), text["trip_days"], text["field_days"]]

    rows = tuple(_sheet_row(row, columns, leave_types) for row in ledger.rows)
    any_blank = any(cell.text == "" for row in rows for cell in row.cells)

    if language == "zh":
        title = f"{ledger.year}年{ledger.month}月 考勤汇总表"
        subtitle = "班次 {start}-{end}，宽限 {grace} 分钟".format(**_rule_values(ledger))
    else:
        title = f"Attendance ledger, {_MONTHS_EN[ledger.month - 1]} {ledger.year}"
        subtitle = "Shift {start}-{end}, grace {grace} min".format(**_rule_values(ledger))

    notes = []
    holidays = [c.day for c in columns if c.rest and calendar.holiday_name(c.day) is not None]
    if holidays:
        names = dict.fromkeys(
            name for day in holidays if (name := calendar.holiday_name(day, chinese=language == "zh")) is not None
        )
        days = _day_runs(holidays, language)
        notes.append(text["holidays"].format(days=days, names=text["list_sep"].join(names)))
    adjusted = [c.day for c in columns if calendar.is_adjusted_working_day(c.day)]
    if adjusted:
        notes.append(text["adjusted"].format(days=_day_runs(adjusted, language)))
    notes.append(text["flag_note"].format(count=ledger.rules.late_flag_count))
    if any_blank:
        notes.append(text["in_progress"])

    return LedgerSheet(
        language=language,
        sheet_name=f"{text['sheet']} {ledger.year}-{ledger.month:02d}",
        title=title,
        subtitle=subtitle,
        employee_no_header=text["employee_no"],
        name_header=text["name"],
        days=columns,
        summary_headers=tuple(headers),
        rows=rows,
        legend_title=text["legend"],
        legend=tuple(
            LegendItem(
                SYMBOL_TEXT[symbol],
                text[key],
                REST_DAY_COLOUR if symbol is Symbol.REST else FILL_COLOURS.get(symbol),
            )
            for symbol, key in _LEGEND_SYMBOLS
        ),
        notes=tuple(notes),
    )


def _rule_values(ledger: Ledger) -> dict[str, object]:
    rules = ledger.rules
    return {
        "start": rules.shift_start.strftime("%H:%M"),
        "end": rules.shift_end.strftime("%H:%M"),
        "grace": rules.grace_minutes,
    }


def _sheet_row(row: LedgerRow, columns: Sequence[DayColumn], leave_types: Sequence[LeaveType]) -> SheetRow:
    summary = row.summary
    # The summary counts a working day without any record as absent only for a finished month
    # (see storage.attendance.ledger); the grid shows 旷 exactly when the summary counted it.
    recorded_absent = sum(1 for r in row.days.values() if r.working_day and r.absent)
    gaps_absent = summary.absent_days > recorded_absent
    cells = []
    for column in columns:
        result = row.days.get(column.day)
        if result is not None:
            symbol: Symbol | None = result.symbol
        elif column.rest:
            symbol = Symbol.REST
        elif gaps_absent:
            symbol = Symbol.ABSENT
        else:
            symbol = None
        cells.append(DayCell(SYMBOL_TEXT[symbol] if symbol is not None else "", symbol, column.rest))
    fields = summary.report_fields()
    figures: list[int | float] = [fields[key] for key in list(fields)[:8]]
    figures.append(fields["leave_days"])
    figures.extend(summary.leave_days_by_type.get(kind, 0.0) for kind in leave_types)
    figures.extend((fields["trip_days"], fields["field_days"]))
    return SheetRow(row.employee_no, row.name, summary.flagged, tuple(cells), tuple(figures))


def _day_runs(days: Sequence[date], language: str) -> str:
    """'10月1日至7日、10月10日' / '1-7 October, 10 October': consecutive days as ranges."""
    text = _TEXT[language]
    runs: list[list[date]] = []
    for day in sorted(days):
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        month_name = _MONTHS_EN[run[0].month - 1]
        if len(run) == 1:
            parts.append(text["day"].format(month=run[0].month, day=run[0].day, month_name=month_name))
        else:
            parts.append(
                text["day_range"].format(month=run[0].month, first=run[0].day, last=run[-1].day, month_name=month_name)
            )
    return text["list_sep"].join(parts)


# --------------------------------------------------------------------------- the workbook

_TITLE_ROW, _SUBTITLE_ROW, _HEADER_ROW, _WEEKDAY_ROW, _FIRST_DATA_ROW = 1, 2, 3, 4, 5
_FIRST_DAY_COLUMN = 3  # after employee no and name

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center")
_CENTRE_WRAP = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center")
_HEADER_FONT = Font(bold=True, size=9)
_DAY_FONT = Font(size=9)
_BODY_FONT = Font(size=10)
_REST_FILL = PatternFill("solid", fgColor=REST_DAY_COLOUR)
_HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")


def write_ledger(ledger: Ledger, path: str | Path, language: str = "zh", progress: Progress | None = None) -> None:
    """Write the month's ledger to the .xlsx file ``path`` in ``language`` ('zh' or 'en').

    Like :func:`storage.excel.writer.write_workbook`, the file appears only when complete, so a
    cancelled export (``progress`` raised :class:`~storage.progress.JobCancelled`) or a failed
    one leaves any previous file as it was.
    """
    path = Path(path)
    report = progress or no_progress
    sheet = ledger_sheet(ledger, language)
    total = len(sheet.rows)
    report(0, total)

    workbook = Workbook()
    ws = workbook.active
    assert ws is not None
    ws.title = sheet.sheet_name
    last_column = _FIRST_DAY_COLUMN + len(sheet.days) + len(sheet.summary_headers) - 1
    first_summary = _FIRST_DAY_COLUMN + len(sheet.days)
    last_letter = get_column_letter(last_column)

    _write_titles(ws, sheet, last_letter)
    _write_header(ws, sheet, first_summary)
    fills = {symbol: PatternFill("solid", fgColor=colour) for symbol, colour in FILL_COLOURS.items()}
    flagged_font = Font(size=10, bold=True, color=FLAG_COLOUR)
    row_number = _FIRST_DATA_ROW - 1
    for done, row in enumerate(sheet.rows, start=1):
        row_number = _FIRST_DATA_ROW + done - 1
        number = _set_text(ws.cell(row_number, 1), row.employee_no)
        name = _set_text(ws.cell(row_number, 2), row.name)
        number.alignment = _LEFT
        name.alignment = _LEFT
        name.font = flagged_font if row.flagged else _BODY_FONT
        for column, cell in enumerate(row.cells, start=_FIRST_DAY_COLUMN):
            target = ws.cell(row_number, column, cell.text or None)
            target.alignment = _CENTRE
            target.font = _DAY_FONT
            if cell.rest:
                target.fill = _REST_FILL
            elif cell.symbol in fills:
                target.fill = fills[cell.symbol]
        for column, figure in enumerate(row.figures, start=first_summary):
            target = ws.cell(row_number, column, figure)
            target.alignment = _CENTRE
            # Leave can be half a day: General shows 2.0 as 2 and 0.5 as 0.5.
            target.number_format = "0" if isinstance(figure, int) else "General"
        for column in range(1, last_column + 1):
            ws.cell(row_number, column).border = _BORDER
        report(done, total)

    _write_legend(ws, sheet, row_number + 2, last_letter)
    _set_columns_and_print(ws, sheet, first_summary, last_column)

    # Not tempfile.mkstemp: its 0600 mode would stick to the finished export; "x" honours the umask.
    temp = path.with_name(f".~{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(temp, "xb") as file:
            workbook.save(file)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    report(total, total)


def _set_text(cell: Cell, text: str) -> Cell:
    """User text as text, never a formula: the export writer's rule, with Excel's quote prefix."""
    text = _ILLEGAL.sub("", text)[:MAX_CELL_TEXT]
    cell.value = text or None
    if text.lstrip(_XML_SPACE)[:1] in _FORMULA_START:
        cell.data_type = "s"  # openpyxl took the '=' for a formula
        cell.quotePrefix = True
    return cell


def _write_titles(ws: Worksheet, sheet: LedgerSheet, last_letter: str) -> None:
    ws.merge_cells(f"A{_TITLE_ROW}:{last_letter}{_TITLE_ROW}")
    ws.merge_cells(f"A{_SUBTITLE_ROW}:{last_letter}{_SUBTITLE_ROW}")
    title = ws.cell(_TITLE_ROW, 1, sheet.title)
    title.font = Font(bold=True, size=16)
    title.alignment = _CENTRE
    subtitle = ws.cell(_SUBTITLE_ROW, 1, sheet.subtitle)
    subtitle.font = Font(size=10, color="595959")
    subtitle.alignment = _CENTRE
    ws.row_dimensions[_TITLE_ROW].height = 30
    ws.row_dimensions[_SUBTITLE_ROW].height = 18


def _write_header(ws: Worksheet, sheet: LedgerSheet, first_summary: int) -> None:
    for column, label in ((1, sheet.employee_no_header), (2, sheet.name_header)):
        ws.merge_cells(start_row=_HEADER_ROW, start_column=column, end_row=_WEEKDAY_ROW, end_column=column)
        ws.cell(_HEADER_ROW, column, label)
    for column, day in enumerate(sheet.days, start=_FIRST_DAY_COLUMN):
        ws.cell(_HEADER_ROW, column, int(day.number))
        ws.cell(_WEEKDAY_ROW, column, day.weekday)
    for column, label in enumerate(sheet.summary_headers, start=first_summary):
        ws.merge_cells(start_row=_HEADER_ROW, start_column=column, end_row=_WEEKDAY_ROW, end_column=column)
        ws.cell(_HEADER_ROW, column, label)
    last = first_summary + len(sheet.summary_headers) - 1
    for row in (_HEADER_ROW, _WEEKDAY_ROW):
        for column in range(1, last + 1):
            cell = ws.cell(row, column)
            cell.font = _HEADER_FONT
            cell.alignment = _CENTRE_WRAP
            cell.border = _BORDER
            day_index = column - _FIRST_DAY_COLUMN
            rest = 0 <= day_index < len(sheet.days) and sheet.days[day_index].rest
            cell.fill = _REST_FILL if rest else _HEADER_FILL
    # Two rows of wrapped summary headers ('Early-leave minutes' takes three lines).
    ws.row_dimensions[_HEADER_ROW].height = 22 if sheet.language == "zh" else 26
    ws.row_dimensions[_WEEKDAY_ROW].height = 22 if sheet.language == "zh" else 26


def _write_legend(ws: Worksheet, sheet: LedgerSheet, row: int, last_letter: str) -> None:
    """One row of symbol swatches with their meanings, then the notes, under the grid."""
    label = ws.cell(row, 1, sheet.legend_title)
    label.font = _HEADER_FONT
    label.alignment = _LEFT
    column = _FIRST_DAY_COLUMN
    day_width = _day_column_width(sheet)
    # Each item: the symbol in a day-wide cell, its meaning merged over as many day columns as it
    # needs (merged cells do not spill over into their neighbours).
    for item in sheet.legend:
        width = 1 + max(1, math.ceil(_text_width(item.meaning) / day_width))
        swatch = ws.cell(row, column, item.symbol)
        swatch.alignment = _CENTRE
        swatch.font = _DAY_FONT
        swatch.border = _BORDER
        if item.colour is not None:
            swatch.fill = PatternFill("solid", fgColor=item.colour)
        if width > 2:  # a one-cell merge is one Excel offers to "repair"
            ws.merge_cells(start_row=row, start_column=column + 1, end_row=row, end_column=column + width - 1)
        meaning = ws.cell(row, column + 1, item.meaning)
        meaning.font = _DAY_FONT
        meaning.alignment = _LEFT
        column += width
    for offset, note in enumerate(sheet.notes, start=1):
        ws.merge_cells(f"A{row + offset}:{last_letter}{row + offset}")
        cell = ws.cell(row + offset, 1, note)
        cell.font = Font(size=9, color="595959")
        cell.alignment = _LEFT


def _day_column_width(sheet: LedgerSheet) -> float:
    return 4.2 if sheet.language == "en" else 3.6


def _text_width(text: str) -> float:
    """Roughly how many column-width units ``text`` takes at 9 pt: CJK characters count double."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text) * 0.9 + 1


def _set_columns_and_print(ws: Worksheet, sheet: LedgerSheet, first_summary: int, last_column: int) -> None:
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 10
    for column in range(_FIRST_DAY_COLUMN, first_summary):
        ws.column_dimensions[get_column_letter(column)].width = _day_column_width(sheet)
    for column in range(first_summary, last_column + 1):
        ws.column_dimensions[get_column_letter(column)].width = 7 if sheet.language == "zh" else 8.5
    ws.freeze_panes = ws.cell(_FIRST_DATA_ROW, _FIRST_DAY_COLUMN)

    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the reps need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{_HEADER_ROW}:{_WEEKDAY_ROW}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.25
    ws.page_margins.top = ws.page_margins.bottom = 0.4
    ws.page_margins.header = ws.page_margins.footer = 0.2
    ws.oddFooter.center.text = "&P / &N"
    ws.oddFooter.center.size = 8
