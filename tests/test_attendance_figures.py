"""Each export shape, read from a real workbook and evaluated by the rules, against monthly
figures worked out by hand from the fixture's cells (tests/attendance_fixtures.py)."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from domain.attendance import (
    AttendanceRules,
    MonthSummary,
    WorkCalendar,
    evaluate_day,
    person_day_from_words,
    summarise_month,
)
from storage.excel.attendance_reader import AttendanceReading, Shape, read_attendance
from tests.attendance_fixtures import dingtalk_month_grid, english_hr_sheet, zkteco_punch_log

RULES = AttendanceRules()
CALENDAR = WorkCalendar.for_rules(RULES)


def month_of(reading: AttendanceReading, name: str, *, complete: bool) -> MonthSummary:
    results = [
        evaluate_day(person_day_from_words(r.day, r.punches, "\n".join(r.status_words), RULES)[0], CALENDAR, RULES)
        for r in reading.records
        if r.employee_name == name
    ]
    return summarise_month(results, 2026, 10, CALENDAR, RULES, missing_days_absent=complete)


def test_month_grid_figures_for_zhang_wei(tmp_path: Path):
    reading = read_attendance(dingtalk_month_grid(tmp_path))
    assert reading.shape is Shape.MONTH_GRID
    # October 2026 has 18 working days: 8, 9, 10 (调休 Saturday), 12-16, 19-23, 26-30.
    # 张伟: 8 and 10 say 休息 (rest, neither present nor absent); 9 '09:05 18:02' late 5 min;
    # 12 '迟到' late (no minutes stated); 13 '请假' one day of leave; the other 13 working days 正常.
    summary = month_of(reading, "张伟", complete=True)
    assert summary.report_fields() == {
        "workdays": 18,
        "present_days": 15,
        "late_count": 2,
        "late_minutes": 5,
        "early_leave_count": 0,
        "early_leave_minutes": 0,
        "missing_punches": 0,
        "absent_days": 0,
        "leave_days": 1.0,
        "trip_days": 0,
        "field_days": 0,
    }


def test_month_grid_figures_for_li_na_with_the_unreadable_day_left_out(tmp_path: Path):
    reading = read_attendance(dingtalk_month_grid(tmp_path))
    # 李娜: 14 出差 (trip), 15 缺卡 (one missing punch, present), 16 '09:12 18:30' late 12 min,
    # 22 '25:61' cannot be read (reported as a problem, no record), the rest 正常 / 休息 as for 张伟.
    # Present: 18 working days - 8 and 10 (rest) - 14 (trip) - 22 (no record) = 14.
    summary = month_of(reading, "李娜", complete=False)
    assert (summary.present_days, summary.late_count, summary.late_minutes) == (14, 1, 12)
    assert (summary.trip_days, summary.missing_punches, summary.absent_days) == (1, 1, 0)
    assert [(p.row, p.column) for p in reading.problems] == [(6, "Z")]


def test_punch_log_figures_with_an_after_midnight_punch(tmp_path: Path):
    reading = read_attendance(zkteco_punch_log(tmp_path), day_boundary=time(5, 0))
    assert reading.shape is Shape.PUNCHES
    # 张伟: 9 Oct 08:57:12 / 12:01:40 / 18:03:05 on time; 12 Oct 09:15 in -> late 15 min.
    zhang = month_of(reading, "张伟", complete=False)
    assert (zhang.present_days, zhang.late_count, zhang.late_minutes, zhang.early_leave_count) == (2, 1, 15, 0)
    # 李娜: 9 Oct 08:59:03, 17:59 and 00:30 after midnight (before the 05:00 day boundary, so it is
    # the 9th's out punch): not early.  12 Oct only 08:58 is readable: one missing punch.
    li = month_of(reading, "李娜", complete=False)
    assert (li.present_days, li.late_count, li.early_leave_count, li.missing_punches) == (2, 0, 0, 1)


def test_person_day_sheet_figures(tmp_path: Path):
    reading = read_attendance(english_hr_sheet(tmp_path))
    assert reading.shape is Shape.PERSON_DAY
    # Li Na: 13 Oct 9:05 AM - 6:10 PM late 5 min; 14 Oct annual leave.
    li = month_of(reading, "Li Na", complete=False)
    assert (li.present_days, li.late_count, li.late_minutes, li.leave_days) == (1, 1, 5, 1.0)
