"""Reading HR attendance workbooks: cell parsing, the four export fixtures, corrections, bad files."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from attendance_fixtures import (
    dingtalk_month_grid,
    english_hr_sheet,
    wecom_person_days,
    write_sheets,
    zkteco_punch_log,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storage.excel.attendance_reader import (
    AttendanceMapping,
    AttendanceReading,
    CellProblem,
    Field,
    RawPersonDay,
    Shape,
    SkippedRow,
    UnreadableWorkbook,
    mapping_signature,
    read_attendance,
)
from storage.excel.cells import (
    CellError,
    ParsedTime,
    excel_serial,
    parse_date,
    parse_datetime,
    parse_datetimes,
    parse_times,
)

ZHANG = ("张伟", "1001", "销售一部")
LI = ("李娜", "1002", "销售二部")
WANG = ("王芳", "1003", "销售一部")
ZHANG_EN = ("Zhang Wei", "E1001", "Sales")
LI_EN = ("Li Na", "E1002", "Sales")
WEEKDAYS = "一二三四五六日"
FULL_WIDTH = str.maketrans("0123456789:-/.", "０１２３４５６７８９：－／．")


def at(day: int, clock: str, month: int = 10) -> datetime:
    return datetime.combine(date(2026, month, day), time.fromisoformat(clock))


def person_day(
    sheet: str,
    row: int,
    who: tuple[str, str | None, str | None],
    day: int,
    punches: list[datetime],
    words: list[str] | None = None,
    notes: list[str] | None = None,
) -> RawPersonDay:
    """An expected October 2026 record; ``who`` is (name, employee number, department)."""
    return RawPersonDay(sheet, row, *who, date(2026, 10, day), punches, words or [], notes or [])


def record(reading: AttendanceReading, name: str, day: date) -> RawPersonDay:
    (found,) = [r for r in reading.records if r.employee_name == name and r.day == day]
    return found


# --------------------------------------------------------------------------- cells


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026/10/3", date(2026, 10, 3)),
        ("2026-10-03", date(2026, 10, 3)),
        ("2026.10.03", date(2026, 10, 3)),
        ("26-10-03 星期五", date(2026, 10, 3)),
        ("2026年10月3日", date(2026, 10, 3)),
        ("２０２６／１０／０３", date(2026, 10, 3)),
        ("2026-10-09 周五", date(2026, 10, 9)),
        ("Fri 2026-10-09", date(2026, 10, 9)),
        ("2026-10-09（五）", date(2026, 10, 9)),
        ("2026-10-09 08:57:12", date(2026, 10, 9)),
        (46298, date(2026, 10, 3)),
        (46298.75, date(2026, 10, 3)),
        ("46298", date(2026, 10, 3)),
        ("20261003", date(2026, 10, 3)),
        ("10/03/2026", date(2026, 10, 3)),
        ("25/10/2026", date(2026, 10, 25)),
        (datetime(2026, 10, 3, 9, 0), date(2026, 10, 3)),
        (date(2026, 10, 3), date(2026, 10, 3)),
        (None, None),
        ("  ", None),
    ],
)
def test_dates_written_the_ways_hr_exports_write_them(value: object, expected: date | None) -> None:
    assert parse_date(value, None) == expected


@pytest.mark.parametrize("value", ["10月3日", "10-03", "10/03", "１０月３日", "10.3"])
def test_dates_without_a_year_take_the_default_year(value: str) -> None:
    assert parse_date(value, 2026) == date(2026, 10, 3)


@pytest.mark.parametrize(
    ("value", "reason"),
    [("10月3日", "no_year"), ("2026-13-45", "bad_date"), ("迟到", "bad_date"), (3, "bad_date"), (True, "bad_date")],
)
def test_a_date_that_cannot_be_read_says_why(value: object, reason: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(value, None)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("08:57", [ParsedTime(time(8, 57))]),
        ("8:57:12", [ParsedTime(time(8, 57, 12))]),
        ("次日 00:30", [ParsedTime(time(0, 30), next_day=True)]),
        ("次日00:30", [ParsedTime(time(0, 30), next_day=True)]),
        ("００：３０(次日)", [ParsedTime(time(0, 30), next_day=True)]),
        ("０８：５７", [ParsedTime(time(8, 57))]),
        ("09:05\n18:02", [ParsedTime(time(9, 5)), ParsedTime(time(18, 2))]),
        ("08:57, 12:01;13:30、18:03", [ParsedTime(time(h, m)) for h, m in [(8, 57), (12, 1), (13, 30), (18, 3)]]),
        ("9:05 AM", [ParsedTime(time(9, 5))]),
        ("6:10 PM", [ParsedTime(time(18, 10))]),
        ("下午 6:02", [ParsedTime(time(18, 2))]),
        (0.375, [ParsedTime(time(9, 0))]),
        ("0.375", [ParsedTime(time(9, 0))]),
        (time(8, 57, 12, 500), [ParsedTime(time(8, 57, 12))]),
        (datetime(2026, 10, 9, 18, 3), [ParsedTime(time(18, 3))]),
        (None, []),
    ],
)
def test_clock_times_written_the_ways_hr_exports_write_them(value: object, expected: list[ParsedTime]) -> None:
    assert parse_times(value) == expected


@pytest.mark.parametrize("value", ["25:61", "8", "迟到", "08:57 迟到", 1.5, -0.1, date(2026, 10, 9), "9:05 PMX"])
def test_a_cell_that_is_not_only_times_is_a_bad_time(value: object) -> None:
    with pytest.raises(CellError) as caught:
        parse_times(value)
    assert caught.value.reason == "bad_time"


def test_a_punch_date_and_time_in_one_cell() -> None:
    assert parse_datetime("2026-10-09 08:57:12") == at(9, "08:57:12")
    assert parse_datetime("26-10-09 星期五 08:57") == at(9, "08:57")
    assert parse_datetime("２０２６－１０－１２　０８：５８") == at(12, "08:58")
    assert parse_datetime("2026-10-09 次日 00:30") == at(10, "00:30")
    assert parse_datetime(46304.375) == at(9, "09:00")
    with pytest.raises(CellError) as caught:
        parse_datetime("2026-10-09")
    assert caught.value.reason == "no_time"


DATE_FORMATS = [
    lambda d: f"{d.year}/{d.month}/{d.day}",
    lambda d: d.isoformat(),
    lambda d: f"{d:%Y.%m.%d}",
    lambda d: f"{d.year}年{d.month}月{d.day}日",
    lambda d: d.isoformat().translate(FULL_WIDTH),
    lambda d: f"{d:%Y%m%d}",
    lambda d: str(excel_serial(d)),
    lambda d: excel_serial(d),
    lambda d: excel_serial(d) + 0.6,
    lambda d: datetime.combine(d, time(9, 30)),
]


@given(st.dates(min_value=date(1969, 1, 1), max_value=date(2068, 12, 31)))
def test_two_digit_years_survive_with_their_weekday(day: date) -> None:
    assert parse_date(f"{day:%y-%m-%d} 星期{WEEKDAYS[day.weekday()]}", None) == day


SHORT_DATE_FORMATS = [lambda d: f"{d.month}月{d.day}日", lambda d: f"{d:%m-%d}", lambda d: f"{d:%m/%d}"]
dates = st.dates(min_value=date(1971, 1, 1), max_value=date(2099, 12, 31))


@given(dates, st.sampled_from(DATE_FORMATS))
def test_every_date_survives_every_written_form(day: date, write) -> None:  # type: ignore[no-untyped-def]
    assert parse_date(write(day), None) == day


@given(dates, st.sampled_from(SHORT_DATE_FORMATS))
def test_dates_without_a_year_survive_with_their_year_given(day: date, write) -> None:  # type: ignore[no-untyped-def]
    assert parse_date(write(day), day.year) == day


TIME_FORMATS = [
    lambda t: f"{t:%H:%M:%S}",
    lambda t: f"{t.hour}:{t:%M:%S}",
    lambda t: f"{t:%H:%M:%S}".translate(FULL_WIDTH),
    lambda t: f"{(t.hour % 12) or 12}:{t:%M:%S} {'PM' if t.hour >= 12 else 'AM'}",
    lambda t: (t.hour * 3600 + t.minute * 60 + t.second) / 86400,
]
clock_times = st.times().map(lambda t: t.replace(microsecond=0))


TIME_SEPARATORS = ["\n", " ", ", ", ";", "，", "；", "、", " \n "]


@given(st.lists(clock_times, min_size=1, max_size=4), st.sampled_from(TIME_FORMATS), st.sampled_from(TIME_SEPARATORS))
def test_times_survive_written_alone_or_several_in_a_cell(times: list[time], write, separator: str) -> None:  # type: ignore[no-untyped-def]
    if isinstance(write(times[0]), float):
        times = times[:1]  # a day fraction is one number
        assert parse_times(write(times[0])) == [ParsedTime(times[0])]
        return
    text = separator.join(write(t) for t in times)
    assert parse_times(text) == [ParsedTime(t) for t in times]


@given(clock_times, st.booleans())
def test_next_day_marks_survive(moment: time, full_width: bool) -> None:
    text = f"次日 {moment:%H:%M:%S}"
    assert parse_times(text.translate(FULL_WIDTH) if full_width else text) == [ParsedTime(moment, next_day=True)]


any_cell = st.one_of(
    st.text(),
    st.text(alphabet="0123456789:-/.年月日次 星期五周\n，；:０１２").map(str),
    st.floats(),
    st.integers(),
    st.booleans(),
    st.none(),
    st.dates(),
    st.datetimes(),
    st.times(),
)


@given(any_cell, st.one_of(st.none(), st.integers(min_value=1, max_value=9999)))
def test_random_cells_give_a_value_or_a_cell_error_never_anything_else(value: object, year: int | None) -> None:
    for parse in (lambda v: parse_date(v, year), parse_times, lambda v: parse_datetime(v, year)):
        try:
            parse(value)
        except CellError as error:
            assert error.reason in {"bad_date", "no_year", "bad_time", "no_time"}


punch_cells = st.one_of(
    any_cell,
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda m: m.replace(microsecond=0).isoformat(sep=" ")
    ),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)).map(
        lambda m: m.isoformat(sep="T", timespec="minutes")
    ),
    st.floats(min_value=25000, max_value=74000),
    st.sampled_from(["2026-10-09 08:57:12", "2026-10-09T08:57", "2026-13-09 08:57:12", "2026-10-09 8:61:00", ""]),
    st.sampled_from([True, 1, 1.0, 46304, 46304.0, "46304.375"]),  # equal numbers in different cells
)


@given(st.lists(punch_cells, max_size=30), st.one_of(st.none(), st.integers(min_value=1971, max_value=2099)))
def test_a_punch_column_read_at_once_reads_as_each_cell_alone(values: list[object], year: int | None) -> None:
    def alone(value: object) -> object:
        try:
            return parse_datetime(value, year)
        except CellError as error:
            return error.reason, repr(error.value)

    together = parse_datetimes(values + values, year)  # repeated values come from the cache
    assert [(r.reason, repr(r.value)) if isinstance(r, CellError) else r for r in together] == [
        alone(v) for v in values + values
    ]


# --------------------------------------------------------------------------- DingTalk month grid


def test_dingtalk_month_grid_is_found_behind_its_summary_sheet(tmp_path: Path) -> None:
    reading = read_attendance(dingtalk_month_grid(tmp_path))

    assert reading.sheets == ["汇总", "月度考勤"]
    assert reading.sheet == "月度考勤"
    assert reading.shape is Shape.MONTH_GRID
    assert reading.header_rows == (2, 3)
    assert reading.period == (2026, 10)
    assert reading.period_range == (date(2026, 10, 1), date(2026, 10, 31))
    assert reading.mapping.columns == {Field.NAME: 0, Field.EMPLOYEE_NO: 1, Field.DEPARTMENT: 2}
    day_columns = reading.mapping.day_columns or {}
    assert len(day_columns) == 31
    assert day_columns[date(2026, 10, 1)] == 4  # column E, right of the hidden column D
    assert day_columns[date(2026, 10, 31)] == 34
    assert reading.labels[:5] == ["姓名", "工号", "部门", "考勤组", "10月 / 1 四"]


def test_dingtalk_month_grid_cells_become_person_days(tmp_path: Path) -> None:
    reading = read_attendance(dingtalk_month_grid(tmp_path))

    assert record(reading, "张伟", date(2026, 10, 9)) == RawPersonDay(
        "月度考勤", 5, "张伟", "1001", "销售一部", date(2026, 10, 9), [at(9, "09:05"), at(9, "18:02")], []
    )
    assert record(reading, "张伟", date(2026, 10, 12)).status_words == ["迟到"]
    assert record(reading, "张伟", date(2026, 10, 13)).status_words == ["请假"]
    assert record(reading, "张伟", date(2026, 10, 3)).status_words == ["休息"]
    li_trip = record(reading, "李娜", date(2026, 10, 14))
    assert (li_trip.row, li_trip.employee_no, li_trip.status_words, li_trip.punches) == (6, "1002", ["出差"], [])
    assert record(reading, "李娜", date(2026, 10, 15)).status_words == ["缺卡"]
    assert record(reading, "李娜", date(2026, 10, 16)).punches == [at(16, "09:12"), at(16, "18:30")]
    wang_late_night = record(reading, "王芳", date(2026, 10, 21))
    assert wang_late_night.punches == [at(21, "08:58"), at(22, "00:30")]
    assert wang_late_night.status_words == []
    wang_mixed = record(reading, "王芳", date(2026, 10, 30))
    assert wang_mixed.punches == [at(30, "09:01"), at(30, "18:03")]
    assert wang_mixed.status_words == ["正常(09:01-18:03)"]
    # 31 days for 张伟, 30 for 李娜 (one impossible time), 23 for 王芳 (blank before the 9th).
    assert len(reading.records) == 84
    assert {r.employee_name for r in reading.records} == {"张伟", "李娜", "王芳"}
    assert min(r.day for r in reading.records if r.employee_name == "王芳") == date(2026, 10, 9)


def test_dingtalk_month_grid_skips_blank_total_and_note_rows_and_reports_the_bad_time(tmp_path: Path) -> None:
    reading = read_attendance(dingtalk_month_grid(tmp_path))

    assert reading.skipped_rows == 3
    assert reading.skipped == [SkippedRow(8, "blank"), SkippedRow(9, "total"), SkippedRow(10, "note")]
    assert reading.problems == [CellProblem("月度考勤", 6, "Z", "25:61", "bad_time")]


def test_a_weekday_row_under_the_day_numbers_is_part_of_the_header(tmp_path: Path) -> None:
    reading = read_attendance(dingtalk_month_grid(tmp_path, weekday_row=True))

    assert reading.header_rows == (2, 3, 4)
    assert len(reading.records) == 84
    assert record(reading, "张伟", date(2026, 10, 9)).row == 6
    assert reading.problems == [CellProblem("月度考勤", 7, "Z", "25:61", "bad_time")]
    assert reading.skipped_rows == 3


def test_a_grid_without_title_takes_its_period_from_the_file_name(tmp_path: Path) -> None:
    reading = read_attendance(dingtalk_month_grid(tmp_path, title=False))

    assert reading.header_rows == (0, 1)
    assert reading.period == (2026, 10)
    assert reading.period_range is None
    assert record(reading, "张伟", date(2026, 10, 9)).row == 3


def test_a_grid_with_no_year_anywhere_asks_for_the_period_and_reads_with_it(tmp_path: Path) -> None:
    path = shutil.copy(dingtalk_month_grid(tmp_path, title=False), tmp_path / "grid.xlsx")

    reading = read_attendance(path)
    assert reading.records == []
    assert reading.problems == [CellProblem("月度考勤", None, None, None, "no_period")]

    corrected = read_attendance(path, mapping=dataclasses.replace(reading.mapping, period=(2026, 10), day_columns=None))
    assert len(corrected.records) == 84
    assert record(corrected, "李娜", date(2026, 10, 14)).status_words == ["出差"]


def test_the_summary_sheet_can_be_chosen_and_says_it_has_no_attendance(tmp_path: Path) -> None:
    reading = read_attendance(dingtalk_month_grid(tmp_path), sheet="汇总")

    assert reading.sheet == "汇总"
    assert reading.shape is None
    assert reading.records == []
    assert reading.problems == [CellProblem("汇总", None, None, None, "no_header")]


def test_next_months_file_has_the_same_signature_and_reads_with_the_remembered_mapping(tmp_path: Path) -> None:
    october = read_attendance(dingtalk_month_grid(tmp_path, year=2026, month=10))
    november_path = dingtalk_month_grid(tmp_path, year=2026, month=11)
    november = read_attendance(november_path)

    assert mapping_signature(october) == mapping_signature(november)
    assert mapping_signature(october) != mapping_signature(read_attendance(wecom_person_days(tmp_path)))

    remembered = october.mapping.reusable()
    again = read_attendance(november_path, mapping=remembered)
    assert again.period == (2026, 11)
    assert len(again.mapping.day_columns or {}) == 30
    assert record(again, "张伟", date(2026, 11, 9)).punches == [at(9, "09:05", 11), at(9, "18:02", 11)]


# --------------------------------------------------------------------------- WeCom person-days


def test_wecom_person_day_sheet_with_a_two_row_header(tmp_path: Path) -> None:
    reading = read_attendance(wecom_person_days(tmp_path))

    assert (reading.sheet, reading.shape, reading.header_rows) == ("每日统计", Shape.PERSON_DAY, (1, 2))
    assert reading.period == (2026, 10)
    assert reading.period_range == (date(2026, 10, 9), date(2026, 10, 16))
    assert reading.mapping.columns == {Field.NAME: 0, Field.DATE: 1, Field.EMPLOYEE_NO: 2, Field.DEPARTMENT: 3}
    assert reading.mapping.time_columns == (4, 6)
    assert reading.mapping.status_columns == (5, 7)
    assert reading.mapping.note_columns == (8,)
    assert reading.labels[4:8] == ["上班1 / 打卡时间", "上班1 / 打卡结果", "下班1 / 打卡时间", "下班1 / 打卡结果"]


def test_wecom_dates_and_times_in_every_spelling(tmp_path: Path) -> None:
    reading = read_attendance(wecom_person_days(tmp_path))

    assert reading.records == [
        person_day("每日统计", 4, ZHANG, 9, [at(9, "08:57"), at(9, "18:03")], ["正常", "正常"]),
        person_day("每日统计", 5, ZHANG, 12, [at(12, "09:15"), at(12, "18:00")], ["迟到", "正常"]),
        person_day("每日统计", 6, ZHANG, 13, [at(13, "08:50"), at(14, "00:30")], ["正常", "正常"], ["加班"]),
        person_day("每日统计", 7, LI, 9, [at(9, "09:01:30"), at(9, "17:45")], ["迟到", "早退"], ["客户拜访"]),
        person_day("每日统计", 10, LI, 12, [at(12, "18:10")], ["未打卡", "缺卡", "正常"]),
        person_day("每日统计", 11, WANG, 9, [at(9, "09:00"), at(9, "18:00")], ["正常", "正常"]),
        person_day("每日统计", 12, WANG, 12, [], ["请假", "请假"], ["年假"]),
        person_day("每日统计", 13, WANG, 13, [at(13, "18:00")], ["正常", "正常"]),
    ]


def test_wecom_bad_date_and_bad_time_are_reported_at_their_cells(tmp_path: Path) -> None:
    reading = read_attendance(wecom_person_days(tmp_path))

    assert reading.problems == [
        CellProblem("每日统计", 9, "B", "2026-13-45", "bad_date"),
        CellProblem("每日统计", 13, "E", "25:99", "bad_time"),
    ]
    assert reading.skipped == [SkippedRow(8, "blank"), SkippedRow(14, "note")]
    assert reading.skipped_rows == 2


def test_a_corrected_mapping_reads_notes_as_status_words(tmp_path: Path) -> None:
    path = wecom_person_days(tmp_path)
    detected = read_attendance(path)

    corrected = read_attendance(
        path, mapping=dataclasses.replace(detected.mapping, status_columns=(5, 7, 8), note_columns=())
    )
    assert record(corrected, "王芳", date(2026, 10, 12)).status_words == ["请假", "请假", "年假"]
    assert record(corrected, "王芳", date(2026, 10, 12)).notes == []
    assert corrected.mapping.status_columns == (5, 7, 8)


def test_reading_again_with_the_detected_mapping_gives_the_same_records(tmp_path: Path) -> None:
    for path in (dingtalk_month_grid(tmp_path), wecom_person_days(tmp_path), zkteco_punch_log(tmp_path)):
        first = read_attendance(path)
        second = read_attendance(path, mapping=first.mapping)
        assert second.records == first.records
        assert second.mapping == first.mapping
        assert second.problems == first.problems


# --------------------------------------------------------------------------- ZKTeco punch log


def test_zkteco_punch_log_is_grouped_into_person_days(tmp_path: Path) -> None:
    reading = read_attendance(zkteco_punch_log(tmp_path))

    assert (reading.sheet, reading.shape, reading.header_rows, reading.period) == (
        "考勤记录",
        Shape.PUNCHES,
        (0,),
        (2026, 10),
    )
    assert reading.mapping.columns == {
        Field.DEPARTMENT: 0,
        Field.NAME: 1,
        Field.EMPLOYEE_NO: 2,
        Field.DATETIME: 3,
        Field.PUNCH_KIND: 5,
    }
    assert reading.mapping.status_columns == ()
    assert reading.records == [
        person_day("考勤记录", 2, ZHANG, 9, [at(9, "08:57:12"), at(9, "12:01:40"), at(9, "18:03:05")]),
        person_day("考勤记录", 3, LI, 9, [at(9, "08:59:03"), at(9, "17:59")]),
        person_day("考勤记录", 7, LI, 10, [at(10, "00:30")]),
        person_day("考勤记录", 8, ZHANG, 12, [at(12, "09:15"), at(12, "18:00:30")]),
        person_day("考勤记录", 11, LI, 12, [at(12, "08:58")]),
    ]
    assert reading.problems == [
        CellProblem("考勤记录", 10, "D", "2026-10-12 8:61", "bad_time"),
        CellProblem("考勤记录", 12, "B", None, "no_name"),
    ]
    assert reading.skipped_rows == 0


def test_a_day_boundary_puts_a_punch_after_midnight_on_the_previous_day(tmp_path: Path) -> None:
    reading = read_attendance(zkteco_punch_log(tmp_path), day_boundary=time(5, 0))

    li = record(reading, "李娜", date(2026, 10, 9))
    assert li.punches == [at(9, "08:59:03"), at(9, "17:59"), at(10, "00:30")]
    assert [r for r in reading.records if r.day == date(2026, 10, 10)] == []


def test_a_punch_log_of_excel_serials_and_iso_text_with_a_day_boundary(tmp_path: Path) -> None:
    def serial(day: int, clock: str) -> float:
        moment = time.fromisoformat(clock)
        return excel_serial(date(2026, 10, day)) + (moment.hour * 3600 + moment.minute * 60 + moment.second) / 86400

    rows = [
        ["考勤号码", "姓名", "日期时间"],
        ["1001", "张伟", serial(9, "08:57:12")],
        ["1002", "李娜", "2026-10-09T08:59"],
        ["1001", "张伟", "2026-10-09 18:03:05"],
        [None, None, None],
        ["1002", "李娜", serial(10, "00:30:00")],  # before 05:00: still 9 October's shift
        ["1002", "李娜", "2026-10-10 09:01:30"],
        ["合计", None, None],
        ["1001", "张伟", serial(12, "09:15:00")],
        ["1001", "张伟", "2026-10-12 25:00:00"],
    ]
    reading = read_attendance(write_sheets(tmp_path / "serials.xlsx", {"打卡": rows}), day_boundary=time(5, 0))

    zhang, li = ("张伟", "1001", None), ("李娜", "1002", None)
    assert reading.records == [
        person_day("打卡", 2, zhang, 9, [at(9, "08:57:12"), at(9, "18:03:05")]),
        person_day("打卡", 3, li, 9, [at(9, "08:59"), at(10, "00:30")]),
        person_day("打卡", 7, li, 10, [at(10, "09:01:30")]),
        person_day("打卡", 9, zhang, 12, [at(12, "09:15")]),
    ]
    assert reading.problems == [CellProblem("打卡", 10, "C", "2026-10-12 25:00:00", "bad_time")]
    assert [(s.row, s.reason) for s in reading.skipped] == [(5, "blank"), (8, "total")]


people = st.sampled_from([("1001", "张伟"), ("1002", "李娜"), (1004, "赵强"), (None, "钱多")])
punch_moments = st.datetimes(min_value=datetime(2026, 10, 8), max_value=datetime(2026, 10, 12, 23, 59)).map(
    lambda m: m.replace(microsecond=0)
)
punch_values = st.one_of(
    punch_moments,
    punch_moments.map(lambda m: m.isoformat(sep=" ")),
    punch_moments.map(lambda m: f"{m:%Y/%m/%d %H:%M}"),
    punch_moments.map(lambda m: excel_serial(m.date()) + (m.hour * 3600 + m.minute * 60 + m.second) / 86400),
    st.sampled_from(["2026-10-09 8:61", "请假", "", None, 7]),
)
person_rows = st.tuples(people, punch_values).map(lambda t: [t[0][0], t[0][1], t[1], None])
other_rows = st.sampled_from(
    [
        [None, None, None, None],
        ["合计", None, None, None],
        ["考勤号码", "姓名", "日期时间", None],
        [None, None, "2026-10-09 09:00", None],
        ["备注：外勤打卡另计", None, None, None],
    ]
)
punch_rows = st.one_of(person_rows, person_rows, person_rows, other_rows)  # mostly punches, people seen again


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(punch_rows, min_size=4, max_size=40), st.sampled_from([None, time(5, 0)]))
def test_a_long_punch_log_reads_as_the_same_rows_read_one_at_a_time(
    rows: list[list[object]], boundary: time | None
) -> None:
    # A plain punch log takes a shortcut for rows whose person was seen before; mapping an empty
    # column as punch times makes the reader take every row in full.  Both must agree.
    plain = AttendanceMapping(
        header_rows=(0,),
        shape=Shape.PUNCHES,
        columns={Field.EMPLOYEE_NO: 0, Field.NAME: 1, Field.DATETIME: 2},
        time_columns=(),
        status_columns=(),
        note_columns=(),
    )
    with tempfile.TemporaryDirectory() as directory:
        sheet = [["考勤号码", "姓名", "日期时间", "空白"], *rows]
        path = write_sheets(Path(directory) / "log.xlsx", {"考勤记录": sheet})
        quick = read_attendance(path, mapping=plain, day_boundary=boundary)
        full = read_attendance(path, mapping=dataclasses.replace(plain, time_columns=(3,)), day_boundary=boundary)
    assert (quick.records, quick.problems, quick.skipped) == (full.records, full.problems, full.skipped)


def test_detection_alone_finds_what_a_full_read_finds(tmp_path: Path) -> None:
    long_log = [["考勤号码", "姓名", "日期时间"], *[["1001", "张伟", f"2026-10-09 08:{m:02d}"] for m in range(60)] * 3]
    # A header low enough that the rows detection samples run past the first rows read.
    low = [*[[f"说明 {n}"] for n in range(14)], ["工号", "姓名", "日期", "打卡时间"], *(
        [["1001", "张伟", "2026-10-09", "08:5" + str(n % 10)] for n in range(100)]
    )]  # fmt: skip
    paths = [
        dingtalk_month_grid(tmp_path, weekday_row=True),
        wecom_person_days(tmp_path),
        zkteco_punch_log(tmp_path),
        english_hr_sheet(tmp_path),
        write_sheets(tmp_path / "long.xlsx", {"考勤记录": long_log}),
        write_sheets(tmp_path / "low.xlsx", {"打卡": low}),
    ]
    lower = AttendanceMapping(header_rows=(40,))  # a header the user pointed at, far down
    cases = [(path, None) for path in paths] + [
        (write_sheets(tmp_path / "lower.xlsx", {"打卡": [[]] * 26 + low}), lower)
    ]
    for path, mapping in cases:
        full, detected = read_attendance(path, mapping=mapping), read_attendance(path, mapping=mapping, records=False)
        assert detected.records == []
        assert mapping_signature(detected) == mapping_signature(full)
        assert detected.mapping.reusable() == full.mapping.reusable()
        assert (detected.sheet, detected.labels, detected.header_rows) == (full.sheet, full.labels, full.header_rows)
    assert full.mapping.columns == {Field.EMPLOYEE_NO: 0, Field.NAME: 1, Field.DATE: 2}
    assert full.mapping.time_columns == (3,)


# --------------------------------------------------------------------------- English HR sheet


def test_english_hr_sheet(tmp_path: Path) -> None:
    reading = read_attendance(english_hr_sheet(tmp_path))

    assert (reading.sheets, reading.sheet, reading.shape, reading.header_rows) == (
        ["Readme", "Attendance"],
        "Attendance",
        Shape.PERSON_DAY,
        (0,),
    )
    assert reading.period == (2026, 10)
    assert reading.records == [
        person_day("Attendance", 2, ZHANG_EN, 9, [at(9, "08:57"), at(9, "18:03")], ["On time"]),
        person_day("Attendance", 3, ZHANG_EN, 12, [at(12, "09:15"), at(12, "18:00")], ["Late"]),
        person_day("Attendance", 4, LI_EN, 13, [at(13, "09:05"), at(13, "18:10")], ["Late"]),
        person_day("Attendance", 5, LI_EN, 14, [], ["Annual leave"]),
    ]
    assert reading.problems == []
    assert reading.skipped == [SkippedRow(6, "total")]


# --------------------------------------------------------------------------- other layouts


def test_dingtalk_raw_punch_records_with_date_and_time_columns(tmp_path: Path) -> None:
    path = write_sheets(
        tmp_path / "原始记录.xlsx",
        {
            "原始记录": [
                ["打卡记录 2026年10月"],
                ["姓名", "工号", "考勤日期", "打卡时间", "打卡结果"],
                ["张伟", "1001", "10月9日", "08:57", "正常"],
                ["张伟", "1001", "10月9日", "次日 00:30", "正常"],
                ["李娜", "1002", "10月9日", "09:12", "迟到"],
                ["张伟", "1001", "10月12日", "09:00", "正常"],
            ]
        },
    )
    reading = read_attendance(path)

    assert (reading.shape, reading.header_rows, reading.period) == (Shape.PUNCHES, (1,), (2026, 10))
    assert record(reading, "张伟", date(2026, 10, 9)).punches == [at(9, "08:57"), at(10, "00:30")]
    assert record(reading, "张伟", date(2026, 10, 9)).status_words == ["正常", "正常"]
    assert record(reading, "李娜", date(2026, 10, 9)).status_words == ["迟到"]
    assert len(reading.records) == 3


def test_one_time_cell_with_several_punches_per_day(tmp_path: Path) -> None:
    path = write_sheets(
        tmp_path / "daily.xlsx",
        {
            "Sheet1": [
                ["姓名", "日期", "打卡时间", "考勤结果"],
                ["张伟", "2026/10/9", "08:57\n12:01\n18:03", "正常"],
                ["李娜", "2026/10/9", "09:12 18:30", "迟到"],
            ]
        },
    )
    reading = read_attendance(path)

    assert reading.shape is Shape.PERSON_DAY
    assert record(reading, "张伟", date(2026, 10, 9)).punches == [at(9, "08:57"), at(9, "12:01"), at(9, "18:03")]
    assert record(reading, "李娜", date(2026, 10, 9)).employee_no is None


def test_columns_that_only_mention_punching_are_not_punch_times(tmp_path: Path) -> None:
    path = write_sheets(
        tmp_path / "feishu.xlsx",
        {
            "每日统计": [
                ["日期", "姓名", "账号", "打卡规则", "最早", "最晚", "打卡次数", "打卡地点", "工作时长", "假勤申请"],
                ["2026-10-09", "张伟", "zhangwei", "固定班制", "08:57", "18:03", 2, "上海市浦东新区 8号楼", 9, None],
                ["2026-10-12", "张伟", "zhangwei", "固定班制", None, None, 0, None, 0, "年假 10-12 全天"],
            ]
        },
    )
    reading = read_attendance(path)

    assert reading.mapping.time_columns == (4, 5)
    assert reading.mapping.status_columns == (9,)
    assert record(reading, "张伟", date(2026, 10, 9)) == person_day(
        "每日统计", 2, ("张伟", "zhangwei", None), 9, [at(9, "08:57"), at(9, "18:03")]
    )
    assert record(reading, "张伟", date(2026, 10, 12)).status_words == ["年假 10-12 全天"]


def test_a_payroll_grid_from_the_26th_to_the_25th_is_placed_by_its_range(tmp_path: Path) -> None:
    days = [date(2026, 9, 26) + timedelta(days=i) for i in range(30)]
    path = write_sheets(
        tmp_path / "payroll.xlsx",
        {
            "考勤": [
                ["考勤表 统计周期：2026-09-26 ~ 2026-10-25"],
                ["姓名", *[f"{d.day:02d} 周{WEEKDAYS[d.weekday()]}" for d in days]],
                ["张伟", *["正常"] * 29, "迟到"],
            ]
        },
    )
    reading = read_attendance(path)

    assert reading.shape is Shape.MONTH_GRID
    assert reading.period == (2026, 10)
    assert min(r.day for r in reading.records) == date(2026, 9, 26)
    assert record(reading, "张伟", date(2026, 10, 25)).status_words == ["迟到"]
    assert len(reading.records) == 30


def test_a_hidden_copy_of_the_attendance_sheet_is_listed_but_not_chosen(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    rows = [["姓名", "日期", "打卡时间"], ["张伟", "2026-10-09", "08:57 18:03"]]
    path = write_sheets(tmp_path / "hidden.xlsx", {"旧考勤": rows, "考勤": rows})
    workbook = load_workbook(path)
    workbook["旧考勤"].sheet_state = "hidden"
    workbook.save(path)

    reading = read_attendance(path)
    assert (reading.sheets, reading.sheet) == (["旧考勤", "考勤"], "考勤")
    assert read_attendance(path, sheet="旧考勤").records == [
        dataclasses.replace(reading.records[0], sheet="旧考勤"),
    ]


# --------------------------------------------------------------------------- unreadable files


def test_a_text_file_named_xlsx_is_an_unreadable_workbook(tmp_path: Path) -> None:
    path = tmp_path / "attendance.xlsx"
    path.write_text("姓名,日期\n张伟,2026-10-09\n", encoding="utf-8")

    with pytest.raises(UnreadableWorkbook) as caught:
        read_attendance(path)
    assert caught.value.path == path
    assert caught.value.reason


def test_empty_and_missing_files_and_sheets_are_unreadable(tmp_path: Path) -> None:
    empty_file = tmp_path / "empty.xlsx"
    empty_file.write_bytes(b"")
    empty_workbook = write_sheets(tmp_path / "blank.xlsx", {"Sheet1": []})
    for path in (empty_file, empty_workbook, tmp_path / "missing.xlsx"):
        with pytest.raises(UnreadableWorkbook):
            read_attendance(path)
    with pytest.raises(UnreadableWorkbook, match="no sheet"):
        read_attendance(wecom_person_days(tmp_path), sheet="打卡记录")


# --------------------------------------------------------------------------- generated sheets

WORDS = [
    "姓名", "Name", "工号", "Employee ID", "部门", "日期", "Date", "打卡时间", "Clock In", "上班1打卡时间",
    "上班1打卡结果", "考勤结果", "状态", "备注", "日期时间", "考勤号码", "合计", "备注：说明", "10月", "1\n四",
    "正常", "迟到", "请假", "缺卡", "09:05\n18:02", "次日 00:30", "25:61", "2026-13-45", "26-10-09 星期五",
    "10月3日", "统计日期:2026-10-01 至 2026-10-31", "--", "上班签到",
]  # fmt: skip
printable = st.characters(blacklist_categories=("Cc", "Cs"))
cells = st.one_of(
    st.none(),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
    st.text(printable, max_size=12),
    st.sampled_from(WORDS),
    st.dates(min_value=date(1971, 1, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2099, 12, 31)),
    st.times(),
    st.integers(min_value=1, max_value=31),
)
sheet_rows = st.lists(st.lists(cells, max_size=9), max_size=14)
mappings = st.one_of(
    st.none(),
    st.builds(
        AttendanceMapping,
        header_rows=st.one_of(st.none(), st.lists(st.integers(-2, 20), max_size=3).map(tuple)),
        shape=st.one_of(st.none(), st.sampled_from(Shape)),
        columns=st.one_of(st.none(), st.dictionaries(st.sampled_from(Field), st.integers(-2, 12), max_size=4)),
        time_columns=st.one_of(st.none(), st.lists(st.integers(-2, 12), max_size=3).map(tuple)),
        status_columns=st.one_of(st.none(), st.lists(st.integers(-2, 12), max_size=3).map(tuple)),
        period=st.one_of(st.none(), st.tuples(st.integers(1971, 2099), st.integers(1, 12))),
    ),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sheet_rows, min_size=1, max_size=2), mappings)
def test_generated_malformed_sheets_never_break_the_reader(sheets: list, mapping: AttendanceMapping | None) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as directory:
        path = write_sheets(Path(directory) / "generated.xlsx", {f"S{i}": rows for i, rows in enumerate(sheets)})
        try:
            reading = read_attendance(path, mapping=mapping)
        except UnreadableWorkbook as error:
            assert error.reason
            return
    assert reading.sheet in reading.sheets
    assert reading.skipped_rows == len(reading.skipped)
    for problem in reading.problems:
        assert problem.sheet == reading.sheet
    for found in reading.records:
        assert found.punches == sorted(found.punches)
        assert found.employee_name or found.employee_no
