"""The column-wise read of long punch logs (fastexcel + polars) and the head peek that lets
detection skip parsing the whole sheet: each must read exactly what the row-by-row reader reads,
and must step aside for anything it is not sure of."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from storage.attendance import stored_days
from storage.attendance_import import apply_plan, plan_import
from storage.db import open_database
from storage.excel import punch_frame
from storage.excel.attendance_reader import AttendanceReading, read_attendance
from storage.excel.peek import peek_heads
from storage.excel.punch_frame import FrameRecords
from storage.excel.reader import forget_parsed, read_sheet_heads
from storage.models import Rep
from tests.attendance_fixtures import write_sheets

PEOPLE = 60
DAYS = [date(2026, 10, d) for d in range(8, 31) if date(2026, 10, d).weekday() < 5]


def punch(person: int, day: date, minutes: int) -> datetime:
    return datetime.combine(day, time()) + timedelta(minutes=minutes, seconds=(person * 7 + day.day) % 60)


def log_rows(moment: Any = None, number: Any = None, department: bool = False) -> list[list[Any]]:
    """A ZKTeco-style log: two punches a person-day, 60 people, 17 working days (2,040 rows)."""
    header = ["考勤号码", "姓名", "日期时间", "机器号"] + (["部门"] if department else [])
    rows: list[list[Any]] = [header]
    for day in DAYS:
        for person in range(PEOPLE):
            for minutes in (8 * 60 + 30 + person % 50, 17 * 60 + 45 + person % 40):
                at = punch(person, day, minutes)
                row = [
                    number(person) if number else f"{10000 + person}",
                    f"员工{person:02d}",
                    moment(at) if moment else at.strftime("%Y-%m-%d %H:%M:%S"),
                    1,
                ]
                if department:
                    row.append("销售一部" if person % 2 else "销售二部")
                rows.append(row)
    return rows


def both_ways(path: Path, boundary: time | None = None) -> tuple[AttendanceReading, AttendanceReading]:
    """The reading as the import makes it, and the row-by-row reading of the same file."""
    forget_parsed()
    quick = read_attendance(path, day_boundary=boundary)
    forget_parsed()
    saved = punch_frame.MIN_ROWS
    punch_frame.MIN_ROWS = 10**9
    try:
        slow = read_attendance(path, day_boundary=boundary)
    finally:
        punch_frame.MIN_ROWS = saved
    forget_parsed()
    return quick, slow


def assert_same(quick: AttendanceReading, slow: AttendanceReading) -> None:
    assert isinstance(slow.records, list)
    assert list(quick.records) == slow.records
    assert (quick.problems, quick.skipped, quick.mapping, quick.period, quick.labels) == (
        slow.problems,
        slow.skipped,
        slow.mapping,
        slow.period,
        slow.labels,
    )


@pytest.mark.parametrize(
    ("moment", "number", "department"),
    [
        (None, None, False),  # ISO text with seconds, numbers as text
        (lambda at: at.strftime("%Y-%m-%dT%H:%M"), None, False),  # T separator, no seconds
        (None, lambda person: 10000 + person, True),  # numeric employee numbers, a department column
        (lambda at: at, None, False),  # real Excel date-times
        (lambda at: f"{at.year}/{at.month}/{at.day} {at.hour}:{at.minute:02d}", None, False),  # slashes, no zeros
        (lambda at: f"{at.year}/{at.month:02d}/{at.day} {at.hour}:{at.minute:02d}:{at.second:02d}", None, False),
        (lambda at: f"{at.month}月{at.day}日 星期{'一二三四五六日'[at.weekday()]} {at:%H:%M}", None, False),
    ],
    ids=[
        "iso-text",
        "t-minutes",
        "numeric-numbers",
        "excel-datetimes",
        "slashes",
        "slashes-seconds",
        "chinese-no-year",
    ],
)
def test_a_long_log_read_column_wise_gives_the_row_by_row_records(
    tmp_path: Path, moment: Any, number: Any, department: bool
) -> None:
    # The file's name gives the year that '10月8日' leaves out.
    path = write_sheets(tmp_path / "考勤 2026-10.xlsx", {"考勤记录": log_rows(moment, number, department)})
    quick, slow = both_ways(path)
    assert isinstance(quick.records, FrameRecords)  # the column-wise read took it
    assert len(quick.records) == PEOPLE * len(DAYS) == 1020
    assert_same(quick, slow)
    first = quick.records[0]
    assert (first.employee_name, first.employee_no, first.day, first.row) == ("员工00", "10000", date(2026, 10, 8), 2)
    expected = [punch(0, DAYS[0], 8 * 60 + 30), punch(0, DAYS[0], 17 * 60 + 45)]  # 08:30:08 and 17:45:08
    if moment is not None and isinstance(moment(expected[0]), str) and moment(expected[0]).count(":") == 1:
        expected = [p.replace(second=0) for p in expected]  # the file gives minutes only
    assert first.punches == expected
    if department:
        assert (quick.records[1].department, quick.records[0].department) == ("销售一部", "销售二部")


@pytest.mark.parametrize(
    "above",
    [
        [[None], [None]],  # blank rows above the header: the sheet's cells start on row 3
        [["考勤记录 2026-10-01 至 2026-10-31"], ["导出时间 2026-11-01 09:00"]],  # title rows
        [[None, None, None, None, None, "备注"], [None]],
    ],
    ids=["blank-rows", "title-rows", "note-right"],
)
def test_rows_above_the_header_still_read_column_wise(tmp_path: Path, above: list[list[Any]]) -> None:
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": [*above, *log_rows()]})
    quick, slow = both_ways(path)
    assert isinstance(quick.records, FrameRecords)
    assert_same(quick, slow)
    assert quick.records[0].row == 4  # the header on row 3, the first punch on row 4


def test_a_few_odd_date_time_texts_are_read_once_each_by_the_readers_own_parser(tmp_path: Path) -> None:
    rows = log_rows()
    rows[1500][2] = "2026/10/30 18:02"  # slashes
    rows[1501][2] = "２０２６－１０－３０　１８：０３"  # full-width digits and space
    rows[1502][2] = "2026-10-30 下午 6:04"  # 下午 6:04 is 18:04
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": rows})
    quick, slow = both_ways(path)
    assert isinstance(quick.records, FrameRecords)
    assert_same(quick, slow)
    punches = {p for r in quick.records for p in r.punches}
    assert {datetime(2026, 10, 30, 18, m) for m in (2, 3, 4)} <= punches


EXCEL_EPOCH = datetime(1899, 12, 30)


@pytest.mark.parametrize(
    ("column", "column_wise"),
    [
        # Serials a column holds as plain numbers: fastexcel's text of them is rounded, and at half a
        # second it would round the other way.  The row-by-row reader reads the numbers.
        (lambda at: (at + timedelta(milliseconds=500) - EXCEL_EPOCH).total_seconds() / 86400, False),
        (lambda at: at.strftime("%Y-%m-%d %H:%M:%S") if at.minute != 57 else at.strftime("%Y-%m-%d %H:%M:60"), False),
        (lambda at: at if (at.hour, at.minute) != (8, 31) else at.replace(hour=0, minute=0, second=0), False),
        (lambda at: at if (at.hour, at.minute) != (8, 32) else at.time(), False),  # a time-only cell
        (lambda at: at.strftime("%Y-%m-%dT%H:%M+08"), True),  # an offset: the clock as written
        (lambda at: at.strftime("%Y-%m-%d %H:%M") if at.minute else at.strftime("%Y-%m-%d 24:00"), False),  # midnight
    ],
    ids=["half-second-serials", "second-60", "midnight-date-cell", "time-only-cell", "utc-offset", "24-00"],
)
def test_cells_the_two_readers_might_read_apart_are_read_alike(tmp_path: Path, column: Any, column_wise: bool) -> None:
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": log_rows(column)})
    quick, slow = both_ways(path)
    assert isinstance(quick.records, FrameRecords) == column_wise
    assert_same(quick, slow)


def test_the_day_boundary_moves_early_punches_to_the_day_before(tmp_path: Path) -> None:
    rows = log_rows()
    rows.append(["10000", "员工00", "2026-10-31 02:10:00", 1])  # a night shift's last punch
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": rows})
    quick, slow = both_ways(path, boundary=time(4, 0))
    assert isinstance(quick.records, FrameRecords)
    assert_same(quick, slow)
    last_of_first = [r for r in quick.records if r.employee_no == "10000" and r.day == date(2026, 10, 30)]
    assert last_of_first[0].punches[-1] == datetime(2026, 10, 31, 2, 10)


def test_a_person_whose_cells_vary_is_one_person_as_row_by_row(tmp_path: Path) -> None:
    """Cells that are not the person's key vary between rows: a department left blank on some
    rows, a name with a stray space.  The days are still one person's, with the name of the day's
    first row and the department of its first row that has one."""
    rows = log_rows(department=True)
    for index, row in enumerate(rows[1:], start=1):
        person = (index - 1) // 2 % PEOPLE
        if person == 3 and index % 2 == 1:
            row[4] = None  # the in punch's row has no department
        if person == 5 and index % 4 == 1:
            row[1] = "员工05 "  # every other day the first row's name has a trailing space
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": rows})
    quick, slow = both_ways(path)
    assert isinstance(quick.records, FrameRecords)
    assert_same(quick, slow)
    third = [r for r in quick.records if r.employee_no == "10003"]
    assert len(third) == len(DAYS) and {r.department for r in third} == {"销售一部"}
    fifth = [r for r in quick.records if r.employee_no == "10005"]
    assert len(fifth) == len(DAYS) and {r.employee_name for r in fifth} == {"员工05"}


@pytest.mark.parametrize(
    "odd_row",
    [
        ["合计", None, "2040 条", None],  # a trailing total
        ["10001", "员工01", "2026-10-32 08:00:00", 1],  # an impossible date
        [None, None, None, None, "备注"],  # a lone note further right
    ],
    ids=["total", "bad-date", "note"],
)
def test_a_log_with_an_odd_row_is_read_row_by_row(tmp_path: Path, odd_row: list[Any]) -> None:
    rows = log_rows()
    rows.insert(1500, odd_row)
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": rows})
    quick, slow = both_ways(path)
    assert isinstance(quick.records, list)  # declined: the row-by-row reader says what it finds
    assert_same(quick, slow)


def test_importing_a_long_log_column_wise_stores_what_the_row_by_row_import_stores(tmp_path: Path) -> None:
    path = write_sheets(tmp_path / "log.xlsx", {"考勤记录": log_rows()})
    stored: list[list[tuple[int, date, tuple[datetime, ...], str]]] = []
    for name, rows_at in (("quick", None), ("slow", 10**9)):
        db = open_database(tmp_path / f"{name}.sqlite3")
        with db.transaction() as session:
            session.add_all(Rep(name=f"员工{p:02d}", employee_no=f"{10000 + p}") for p in range(PEOPLE))
        saved = punch_frame.MIN_ROWS
        punch_frame.MIN_ROWS = rows_at or saved
        try:
            forget_parsed()
            plan = plan_import(db, path)
            assert isinstance(plan.reading.records, FrameRecords) == (rows_at is None)
            summary = apply_plan(db, plan)
            again = apply_plan(db, plan)  # the same file again replaces nothing
        finally:
            punch_frame.MIN_ROWS = saved
        assert (summary.added, summary.replaced, summary.unchanged, summary.months) == (1020, 0, 0, ((2026, 10),))
        assert (again.added, again.replaced, again.unchanged) == (0, 0, 1020)
        assert plan.days_by_month() == {(2026, 10): 1020}
        with db.transaction() as session:
            stored.append(
                sorted((d.rep_id, d.day, d.punches, d.status_text) for d in stored_days(session, DAYS[0], DAYS[-1]))
            )
        db.close()
    assert stored[0] == stored[1]
    assert len(stored[0]) == 1020
    assert stored[0][0] == (1, date(2026, 10, 8), (punch(0, DAYS[0], 510), punch(0, DAYS[0], 1065)), "")


def _sheet(rows: int, width: int = 4) -> list[list[Any]]:
    return [["工号", "姓名", "日期", "状态"][:width]] + [[f"A{r}", "张伟", r * 1.5, None][:width] for r in range(rows)]


@pytest.mark.parametrize("rows", [0, 5, 200])
def test_the_head_peek_reads_the_first_rows_as_calamine_does(tmp_path: Path, rows: int) -> None:
    sheets: dict[str, Sequence[Sequence[Any]]] = {
        "标题在上": [[None], [None, "考勤报表 2026-10"], *_sheet(rows)],
        "其他": _sheet(3),
    }
    path = write_sheets(tmp_path / "heads.xlsx", sheets)
    peeked = peek_heads(str(path), 60, ["标题在上", "其他"])
    full = read_sheet_heads(path, 60, ["标题在上", "其他"])
    assert peeked is not None
    for name in sheets:
        assert peeked[name][0] == full[name][0]
    assert peeked["其他"][1] == full["其他"][1] == 4
    if rows < 60:
        assert peeked["标题在上"][1] == full["标题在上"][1] == rows + 3
    else:
        assert peeked["标题在上"][1] == full["标题在上"][1] == 203  # from the sheet's stated dimension


def test_the_head_peek_steps_aside_for_files_it_does_not_know(tmp_path: Path) -> None:
    not_a_zip = tmp_path / "notes.xlsx"
    not_a_zip.write_text("姓名,日期\n")
    assert peek_heads(str(not_a_zip), 60, ["Sheet1"]) is None
    path = write_sheets(tmp_path / "one.xlsx", {"考勤": _sheet(3)})
    assert peek_heads(str(path), 60, ["没有这张表"]) is None
