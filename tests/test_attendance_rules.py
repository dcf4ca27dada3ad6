"""The attendance rules with hand-computed figures: calendar, status words, person-days, months."""

from __future__ import annotations

import dataclasses
from collections.abc import Set as AbstractSet
from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.attendance import (
    AttendanceRules,
    DayEvaluator,
    DayResult,
    LeaveType,
    Mark,
    PersonDay,
    Symbol,
    WorkCalendar,
    evaluate_day,
    parse_status,
    person_day_from_words,
    shift_day,
    summarise_month,
)

RULES = AttendanceRules()
CALENDAR = WorkCalendar()


def at(day: date, clock: str) -> datetime:
    return datetime.combine(day, time.fromisoformat(clock))


def punched(
    day: date,
    *clocks: str,
    marks: AbstractSet[Mark] = frozenset(),
    leave_type: LeaveType | None = None,
    leave_days: float = 0.0,
    late_minutes: int | None = None,
) -> DayResult:
    """Evaluate one person-day of punches given as clock times on ``day``, with the defaults."""
    person_day = PersonDay(
        day=day,
        punches=[at(day, clock) for clock in clocks],
        marks=marks,
        leave_type=leave_type,
        leave_days=leave_days,
        late_minutes=late_minutes,
    )
    return evaluate_day(person_day, CALENDAR, RULES)


# A Monday in October 2026 that is an ordinary working day.
MONDAY = date(2026, 10, 12)


# --------------------------------------------------------------------------- calendar


def test_october_2026_national_day_holiday_and_adjusted_working_days() -> None:
    # chinesecalendar 1.11.0: National Day 1-7 Oct (not 1-8), worked on Sun 20 Sep and Sat 10 Oct.
    for number in range(1, 8):
        assert not CALENDAR.is_working_day(date(2026, 10, number))
        assert CALENDAR.holiday_name(date(2026, 10, number)) == "National Day"
    assert CALENDAR.is_working_day(date(2026, 10, 8))
    assert CALENDAR.is_working_day(date(2026, 10, 10))  # Saturday, 调休上班
    assert CALENDAR.is_adjusted_working_day(date(2026, 10, 10))
    assert CALENDAR.is_working_day(date(2026, 9, 20))  # Sunday, 调休上班
    assert not CALENDAR.is_working_day(date(2026, 10, 17))  # an ordinary Saturday
    assert CALENDAR.holiday_name(date(2026, 10, 17)) is None
    assert CALENDAR.holiday_name(date(2026, 10, 1), chinese=True) == "国庆节"
    assert CALENDAR.known(date(2026, 10, 1))

    expected = [
        date(2026, 10, number) for number in (8, 9, 10, 12, 13, 14, 15, 16, 19, 20, 21, 22, 23, 26, 27, 28, 29, 30)
    ]
    assert CALENDAR.working_days(2026, 10) == expected
    assert len(expected) == 18


def test_year_the_library_lacks_falls_back_to_weekdays_and_says_so() -> None:
    new_year = date(2027, 1, 1)  # a Friday; a public holiday in reality, unknown to the library
    assert not CALENDAR.known(new_year)
    assert CALENDAR.is_working_day(new_year)
    assert not CALENDAR.is_working_day(date(2027, 1, 2))  # Saturday
    assert CALENDAR.holiday_name(new_year) is None
    assert not CALENDAR.is_adjusted_working_day(new_year)
    assert len(CALENDAR.working_days(2027, 1)) == 21
    # The manager can enter the holiday by hand.
    assert not WorkCalendar({new_year: False}).is_working_day(new_year)


def test_manual_override_turns_a_saturday_into_a_working_day() -> None:
    saturday = date(2026, 10, 17)
    calendar = WorkCalendar({saturday: True, date(2026, 10, 8): False})
    assert calendar.is_working_day(saturday)
    assert not calendar.is_working_day(date(2026, 10, 8))  # overrides beat the library too
    assert len(calendar.working_days(2026, 10)) == 18  # one added, one removed
    result = evaluate_day(PersonDay(saturday, [at(saturday, "09:05"), at(saturday, "18:00")]), calendar, RULES)
    assert result.working_day and result.late and result.late_minutes == 5


def test_six_day_week_rules_make_saturday_a_working_day_except_holidays() -> None:
    calendar = WorkCalendar.for_rules(AttendanceRules(weekend_days=frozenset({6})))
    assert calendar.is_working_day(date(2026, 10, 17))
    assert not calendar.is_working_day(date(2026, 10, 3))  # Saturday in the National Day holiday
    assert not calendar.is_working_day(date(2026, 10, 18))


# --------------------------------------------------------------------------- status words


@pytest.mark.parametrize(
    ("text", "marks", "leave_type"),
    [
        ("正常", {Mark.NORMAL}, None),
        ("迟到", {Mark.LATE}, None),
        ("严重迟到", {Mark.LATE, Mark.SERIOUS_LATE}, None),
        ("早退", {Mark.EARLY}, None),
        ("缺卡", {Mark.MISSING}, None),
        ("未打卡", {Mark.MISSING}, None),
        ("上班缺卡", {Mark.MISSING_IN}, None),
        ("下班缺卡", {Mark.MISSING_OUT}, None),
        ("旷工", {Mark.ABSENT}, None),
        ("外勤", {Mark.FIELD}, None),
        ("补卡审批通过", {Mark.CORRECTED}, None),
        ("补卡", {Mark.CORRECTED}, None),
        ("请假", {Mark.LEAVE}, LeaveType.OTHER),
        ("年假", {Mark.LEAVE}, LeaveType.ANNUAL),
        ("事假", {Mark.LEAVE}, LeaveType.PERSONAL),
        ("病假", {Mark.LEAVE}, LeaveType.SICK),
        ("调休", {Mark.LEAVE}, LeaveType.COMPENSATORY),
        ("婚假", {Mark.LEAVE}, LeaveType.MARRIAGE),
        ("产假", {Mark.LEAVE}, LeaveType.MATERNITY),
        ("丧假", {Mark.LEAVE}, LeaveType.BEREAVEMENT),
        ("出差", {Mark.TRIP}, None),
        ("外出", {Mark.OUT}, None),
        ("休息", {Mark.REST}, None),
        ("加班", {Mark.OVERTIME}, None),
        ("Normal", {Mark.NORMAL}, None),
        ("Late", {Mark.LATE}, None),
        ("Early leave", {Mark.EARLY}, None),
        ("Missing", {Mark.MISSING}, None),
        ("Absent", {Mark.ABSENT}, None),
        ("Leave", {Mark.LEAVE}, LeaveType.OTHER),
        ("Annual leave", {Mark.LEAVE}, LeaveType.ANNUAL),
        ("Sick leave", {Mark.LEAVE}, LeaveType.SICK),
        ("Business trip", {Mark.TRIP}, None),
        ("Field", {Mark.FIELD}, None),
        ("Rest", {Mark.REST}, None),
        ("Overtime", {Mark.OVERTIME}, None),
        ("✓", {Mark.NORMAL}, None),
        ("旷", {Mark.ABSENT}, None),
    ],
)
def test_each_status_word_of_the_hr_systems_is_read(text: str, marks: set[Mark], leave_type: LeaveType | None) -> None:
    reading = parse_status(text)
    assert reading.marks == marks
    assert reading.leave_type == leave_type
    assert reading.unknown == ()


def test_status_words_with_durations_and_several_per_cell() -> None:
    late = parse_status("迟到12分钟")
    assert late.marks == {Mark.LATE} and late.late_minutes == 12 and late.minutes == 12

    annual = parse_status("请假(年假)1天")
    assert annual.marks == {Mark.LEAVE} and annual.leave_type is LeaveType.ANNUAL
    assert annual.days_of_leave(RULES) == 1.0

    personal = parse_status("事假 4小时")
    assert personal.leave_type is LeaveType.PERSONAL and personal.leave_hours == 4.0
    assert personal.days_of_leave(RULES) == 0.5

    assert parse_status("年假半天").days_of_leave(RULES) == 0.5
    assert parse_status("请假3天").days_of_leave(RULES) == 1.0  # one cell is one day

    both = parse_status("迟到12分钟，早退５分钟\n补卡审批通过")  # full-width comma and digit
    assert both.marks == {Mark.LATE, Mark.EARLY, Mark.CORRECTED}
    assert (both.late_minutes, both.early_minutes) == (12, 5)

    english = parse_status("Late 7 min; Missing clock-out")
    assert english.marks == {Mark.LATE, Mark.MISSING_OUT} and english.late_minutes == 7

    assert parse_status("上班缺卡;下班缺卡").marks == {Mark.MISSING_IN, Mark.MISSING_OUT}
    assert parse_status("迟到1小时").late_minutes == 60


def test_unknown_words_are_reported_and_clock_times_skipped() -> None:
    reading = parse_status("09:05 迟到 哈哈, Lately")
    assert reading.marks == {Mark.LATE}
    assert reading.unknown == ("哈哈", "Lately")
    assert parse_status("次日 00:30").marks == frozenset()
    assert parse_status("").unknown == ()
    assert parse_status("8小时").unknown == ("8小时",)  # a duration without a word


# --------------------------------------------------------------------------- one person-day


def test_punch_at_0905_is_five_minutes_late() -> None:
    result = punched(MONDAY, "09:05", "18:00")
    assert (result.late, result.late_minutes, result.serious_late) == (True, 5, False)
    assert not result.early and result.missing_punches == 0 and result.present
    assert result.symbol is Symbol.LATE


def test_late_is_counted_in_whole_minutes_seconds_truncated() -> None:
    on_time = punched(MONDAY, "09:00:59", "18:00")
    assert (on_time.late, on_time.late_minutes, on_time.symbol) == (False, 0, Symbol.NORMAL)
    one_minute = punched(MONDAY, "09:01:00", "18:00")
    assert (one_minute.late, one_minute.late_minutes) == (True, 1)
    assert punched(MONDAY, "09:12:40", "18:00").late_minutes == 12


def test_grace_minutes_are_on_time_but_late_minutes_count_from_shift_start() -> None:
    rules = AttendanceRules(grace_minutes=5)
    within = evaluate_day(PersonDay(MONDAY, [at(MONDAY, "09:05"), at(MONDAY, "18:00")]), CALENDAR, rules)
    assert not within.late and within.late_minutes == 0
    beyond = evaluate_day(PersonDay(MONDAY, [at(MONDAY, "09:06"), at(MONDAY, "18:00")]), CALENDAR, rules)
    assert beyond.late and beyond.late_minutes == 6


def test_thirty_minutes_late_is_seriously_late() -> None:
    assert punched(MONDAY, "09:30", "18:00").serious_late
    assert punched(MONDAY, "09:30", "18:00").late_minutes == 30
    assert not punched(MONDAY, "09:29:59", "18:00").serious_late


def test_leaving_at_1745_is_fifteen_minutes_early() -> None:
    result = punched(MONDAY, "08:58", "17:45")
    assert (result.early, result.early_minutes, result.late) == (True, 15, False)
    assert result.symbol is Symbol.EARLY
    assert punched(MONDAY, "08:58", "17:45:40").early_minutes == 15
    assert not punched(MONDAY, "08:58", "18:00:00").early


def test_single_morning_punch_is_a_missing_out_punch() -> None:
    result = punched(MONDAY, "08:55")
    assert result.missing_punches == 1 and result.missing_out and not result.missing_in
    assert not result.late and not result.early and result.present and not result.absent
    assert result.symbol is Symbol.MISSING


def test_single_afternoon_punch_is_the_out_punch_and_can_be_early() -> None:
    result = punched(MONDAY, "17:45")
    assert result.missing_in and result.missing_punches == 1
    assert result.early and result.early_minutes == 15 and not result.late


def test_a_repeated_swipe_at_the_door_is_one_punch_not_an_early_leave() -> None:
    result = punched(MONDAY, "08:55", "08:56")
    assert result.missing_out and result.missing_punches == 1 and not result.early


def test_no_punch_on_a_working_day_is_absent() -> None:
    result = punched(MONDAY)
    assert result.absent and not result.present and result.symbol is Symbol.ABSENT


def test_no_punch_on_a_holiday_is_a_holiday_not_absent() -> None:
    holiday = punched(date(2026, 10, 3))
    assert not holiday.working_day and not holiday.absent and holiday.rest
    assert holiday.symbol is Symbol.HOLIDAY
    weekend = punched(date(2026, 10, 17))
    assert weekend.symbol is Symbol.REST and not weekend.absent


def test_punches_on_a_holiday_are_overtime_never_late() -> None:
    result = punched(date(2026, 10, 3), "10:40", "12:00")
    assert result.overtime and not result.late and not result.early and not result.absent
    assert result.late_minutes == 0 and not result.present


def test_leave_word_without_punches_is_leave_not_absent() -> None:
    result = punched(MONDAY, marks=parse_status("年假").marks, leave_type=LeaveType.ANNUAL)
    assert not result.absent and not result.present
    assert (result.leave_type, result.leave_days, result.symbol) == (LeaveType.ANNUAL, 1.0, Symbol.LEAVE)


def test_half_day_leave_with_punches_is_present_and_not_late() -> None:
    result = punched(MONDAY, "13:25", "18:00", marks={Mark.LEAVE}, leave_type=LeaveType.PERSONAL, leave_days=0.5)
    assert result.present and not result.absent and not result.late
    assert result.leave_days == 0.5 and result.symbol is Symbol.LEAVE


def test_trip_and_field_days_are_not_absent() -> None:
    trip = punched(MONDAY, marks={Mark.TRIP})
    assert trip.trip and not trip.absent and not trip.present and trip.symbol is Symbol.TRIP
    field = punched(MONDAY, "08:50", "18:20", marks={Mark.FIELD})
    assert field.field and field.present and field.symbol is Symbol.FIELD
    late_in_the_field = punched(MONDAY, "09:20", "18:20", marks={Mark.FIELD})
    assert late_in_the_field.late_minutes == 20  # 外勤 punches are real times


def test_status_only_late_word_gives_its_minutes() -> None:
    reading = parse_status("迟到12分钟")
    result = punched(MONDAY, marks=reading.marks, late_minutes=reading.late_minutes)
    assert (result.late, result.late_minutes, result.present, result.absent) == (True, 12, True, False)


def test_status_only_missing_words() -> None:
    one = punched(MONDAY, marks={Mark.MISSING_IN})
    assert (one.missing_punches, one.missing_in, one.present, one.absent) == (1, True, True, False)
    both = punched(MONDAY, marks={Mark.MISSING_IN, Mark.MISSING_OUT})
    assert (both.missing_punches, both.present, both.absent) == (2, False, False)
    absent = punched(MONDAY, marks={Mark.ABSENT})
    assert absent.absent and absent.symbol is Symbol.ABSENT


def test_punch_times_override_the_files_words() -> None:
    normal_word = punched(MONDAY, "09:20", "18:00", marks={Mark.NORMAL})
    assert normal_word.late and normal_word.late_minutes == 20
    late_word = punched(MONDAY, "08:50", "18:00", marks={Mark.LATE}, late_minutes=12)
    assert not late_word.late and late_word.late_minutes == 0 and late_word.symbol is Symbol.NORMAL


def test_corrected_punch_forgives_the_missing_one() -> None:
    result = punched(MONDAY, "08:55", marks={Mark.CORRECTED})
    assert result.missing_punches == 0 and result.symbol is Symbol.NORMAL


def test_next_day_0030_punch_is_the_previous_days_out_punch() -> None:
    after_midnight = datetime(2026, 10, 13, 0, 30)
    assert shift_day(after_midnight, RULES) == MONDAY
    assert shift_day(datetime(2026, 10, 13, 5, 0), RULES) == date(2026, 10, 13)
    result = evaluate_day(PersonDay(MONDAY, [after_midnight, at(MONDAY, "09:00")]), CALENDAR, RULES)
    assert result.punches == (at(MONDAY, "09:00"), after_midnight)  # sorted
    assert not result.early and not result.late and result.missing_punches == 0
    assert result.symbol is Symbol.NORMAL


# --------------------------------------------------------------------------- the month

# March 2026: no holidays, 22 working days (2-6, 9-13, 16-20, 23-27, 30-31).
MARCH = [
    date(2026, 3, number)
    for number in (2, 3, 4, 5, 6, 9, 10, 11, 12, 13, 16, 17, 18, 19, 20, 23, 24, 25, 26, 27, 30, 31)
]


def march_of_one_rep() -> list[DayResult]:
    special: dict[date, DayResult] = {
        date(2026, 3, 2): punched(date(2026, 3, 2), "09:05", "18:01"),  # late 5
        date(2026, 3, 3): punched(date(2026, 3, 3), "09:12:40", "18:30"),  # late 12
        date(2026, 3, 4): punched(date(2026, 3, 4), "08:50", "17:50"),  # early 10
        date(2026, 3, 5): punched(date(2026, 3, 5), "08:58"),  # missing out
        date(2026, 3, 6): punched(date(2026, 3, 6)),  # absent
        date(2026, 3, 9): punched(date(2026, 3, 9), marks={Mark.LEAVE}, leave_type=LeaveType.ANNUAL),
        date(2026, 3, 10): punched(date(2026, 3, 10), marks={Mark.LEAVE}, leave_type=LeaveType.ANNUAL),
        date(2026, 3, 11): punched(date(2026, 3, 11), marks={Mark.TRIP}),
        date(2026, 3, 12): punched(date(2026, 3, 12), "08:59", "18:10", marks={Mark.FIELD}),
    }
    results = [special.get(day) or punched(day, "08:55", "18:05") for day in MARCH]
    results.append(punched(date(2026, 3, 7), "10:00", "15:00"))  # Saturday overtime: not counted
    return results


def test_a_month_for_one_rep_hand_computed() -> None:
    summary = summarise_month(march_of_one_rep(), 2026, 3, CALENDAR, RULES)
    assert CALENDAR.working_days(2026, 3) == MARCH
    assert summary.workdays == 22
    assert summary.present_days == 18  # 22 less absent, 2 leave, trip
    assert (summary.late_count, summary.late_minutes, summary.serious_late_count) == (2, 17, 0)
    assert (summary.early_leave_count, summary.early_leave_minutes) == (1, 10)
    assert summary.missing_punches == 1
    assert summary.absent_days == 1
    assert summary.leave_days == 2.0
    assert summary.leave_days_by_type == {LeaveType.ANNUAL: 2.0}
    assert (summary.trip_days, summary.field_days) == (1, 1)
    assert not summary.flagged
    assert summary.report_fields() == {
        "workdays": 22,
        "present_days": 18,
        "late_count": 2,
        "late_minutes": 17,
        "early_leave_count": 1,
        "early_leave_minutes": 10,
        "missing_punches": 1,
        "absent_days": 1,
        "leave_days": 2.0,
        "trip_days": 1,
        "field_days": 1,
    }


def test_working_days_without_a_record_are_absent_unless_told_otherwise() -> None:
    results = [r for r in march_of_one_rep() if r.day not in (date(2026, 3, 30), date(2026, 3, 31))]
    assert summarise_month(results, 2026, 3, CALENDAR, RULES).absent_days == 3
    partial = summarise_month(results, 2026, 3, CALENDAR, RULES, missing_days_absent=False)
    assert partial.absent_days == 1 and partial.workdays == 22 and partial.present_days == 16


def test_three_late_arrivals_flag_the_rep_two_do_not() -> None:
    days = MARCH[:5]
    two = [punched(day, "09:10", "18:00") for day in days[:2]] + [punched(day, "08:50", "18:00") for day in days[2:]]
    three = [punched(day, "09:10", "18:00") for day in days[:3]] + [punched(day, "08:50", "18:00") for day in days[3:]]
    assert not summarise_month(two, 2026, 3, CALENDAR, RULES, missing_days_absent=False).flagged
    flagged = summarise_month(three, 2026, 3, CALENDAR, RULES, missing_days_absent=False)
    assert flagged.flagged and flagged.late_count == 3 and flagged.late_minutes == 30
    stricter = AttendanceRules(late_flag_count=2)
    assert summarise_month(two, 2026, 3, CALENDAR, stricter, missing_days_absent=False).flagged


def test_leave_by_type_and_half_days_add_up() -> None:
    results = [
        punched(MARCH[0], marks={Mark.LEAVE}, leave_type=LeaveType.SICK),
        punched(MARCH[1], "13:30", "18:00", marks={Mark.LEAVE}, leave_type=LeaveType.PERSONAL, leave_days=0.5),
        punched(MARCH[2], marks={Mark.LEAVE}),
    ]
    summary = summarise_month(results, 2026, 3, CALENDAR, RULES, missing_days_absent=False)
    assert summary.leave_days == 2.5
    assert summary.leave_days_by_type == {LeaveType.SICK: 1.0, LeaveType.PERSONAL: 0.5, LeaveType.OTHER: 1.0}
    assert summary.present_days == 1


# --------------------------------------------------------------------------- properties

_DAYS = st.dates(min_value=date(2025, 12, 20), max_value=date(2027, 1, 10))


@st.composite
def person_days(draw: st.DrawFn) -> PersonDay:
    day = draw(_DAYS)
    start = datetime.combine(day, RULES.day_boundary)
    offsets = draw(st.lists(st.integers(min_value=0, max_value=24 * 3600 - 1), max_size=6))
    return PersonDay(
        day=day,
        punches=[start + timedelta(seconds=offset) for offset in offsets],
        marks=draw(st.sets(st.sampled_from(list(Mark)))),
        leave_type=draw(st.none() | st.sampled_from(list(LeaveType))),
        leave_days=draw(st.floats(allow_nan=True, allow_infinity=True)),
        late_minutes=draw(st.none() | st.integers(min_value=-100, max_value=1000)),
        early_minutes=draw(st.none() | st.integers(min_value=-100, max_value=1000)),
    )


@settings(max_examples=400, deadline=None)
@given(person_days(), st.integers(min_value=0, max_value=60))
def test_evaluate_day_never_raises_and_keeps_its_invariants(person_day: PersonDay, grace: int) -> None:
    result = evaluate_day(person_day, CALENDAR, AttendanceRules(grace_minutes=grace))
    assert result.late_minutes >= 0 and result.early_minutes >= 0
    assert result.missing_punches in {0, 1, 2}
    assert not result.absent or not person_day.punches
    assert 0.0 <= result.leave_days <= 1.0
    assert result.late or result.late_minutes == 0
    if not result.working_day:
        assert not (result.late or result.early or result.absent or result.missing_punches)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_status_never_raises(text: str) -> None:
    reading = parse_status(text)
    assert all(fragment.strip() for fragment in reading.unknown)
    assert (reading.leave_type is not None) == (Mark.LEAVE in reading.marks)


# A month's days look alike: few dates, clock times, words and leaves, so outcomes repeat.
_LIKE_DAYS = [date(2026, 10, 1), date(2026, 10, 10), date(2026, 10, 11), date(2026, 10, 12), date(2026, 10, 13)]
_LIKE_CLOCKS = [timedelta(hours=h, minutes=m, seconds=s) for h, m, s in (
    (8, 55, 10), (8, 55, 40), (9, 7, 0), (12, 0, 0), (13, 29, 59), (17, 45, 40), (18, 0, 5), (18, 0, 50), (24, 30, 0),
)]  # fmt: skip


@st.composite
def similar_person_days(draw: st.DrawFn) -> PersonDay:
    day = draw(st.sampled_from(_LIKE_DAYS))
    midnight = datetime.combine(day, time(0))
    return PersonDay(
        day=day,
        punches=[midnight + clock for clock in draw(st.lists(st.sampled_from(_LIKE_CLOCKS), max_size=3))],
        marks=draw(st.sampled_from([set(), {Mark.LATE}, {Mark.LEAVE}, {Mark.TRIP}, {Mark.CORRECTED, Mark.MISSING}])),
        leave_type=draw(st.sampled_from([None, LeaveType.SICK])),
        leave_days=draw(st.sampled_from([0.0, 0.5, 1.0])),
        late_minutes=draw(st.sampled_from([None, 12])),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(person_days() | similar_person_days(), min_size=1, max_size=40),
    st.integers(min_value=0, max_value=30),
    st.sampled_from([time(9, 0), time(8, 30), time(22, 0)]),
    st.sampled_from([time(18, 0), time(17, 30), time(6, 0)]),
)
def test_a_ledger_evaluating_a_month_at_once_agrees_with_each_day_alone(
    days: list[PersonDay], grace: int, start: time, end: time
) -> None:
    # The ledger's evaluator keeps each distinct outcome for the next day like it; every day must
    # still come out as if evaluated on its own.
    rules = AttendanceRules(grace_minutes=grace, shift_start=start, shift_end=end)
    month = DayEvaluator(CALENDAR, rules)
    results = [month.person_day(person_day) for person_day in days]
    assert results == [evaluate_day(person_day, CALENDAR, rules) for person_day in days]


@settings(max_examples=200, deadline=None)
@given(
    person_days(),
    st.sampled_from(["", "正常", "迟到12分钟", "事假 4小时", "出差", "补卡 上班缺卡", "外勤 加班", "xyz 早退"]),
)
def test_a_stored_day_evaluates_like_the_person_day_its_words_make(person_day: PersonDay, words: str) -> None:
    expected = evaluate_day(person_day_from_words(person_day.day, person_day.punches, words, RULES)[0], CALENDAR, RULES)
    assert DayEvaluator(CALENDAR, RULES).stored_day(person_day.day, person_day.punches, words) == expected


@settings(max_examples=100, deadline=None)
@given(person_days())
def test_fast_day_results_are_ordinary_day_results(person_day: PersonDay) -> None:
    # Results are built without the dataclass's __init__ (see domain.attendance._day_result).
    result = evaluate_day(person_day, CALENDAR, RULES)
    names = [f.name for f in dataclasses.fields(DayResult)]
    assert set(vars(result)) == set(names)
    ordinary = DayResult(**{name: getattr(result, name) for name in names})
    assert result == ordinary and hash(result) == hash(ordinary) and repr(result) == repr(ordinary)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.late = True  # type: ignore[misc]


def test_the_calendar_answers_the_same_when_asked_again() -> None:
    # Saturday 2026-10-10 is the 调休 working day after National Day; this company rests on it.
    calendar = WorkCalendar({date(2026, 10, 10): False})
    first = calendar.working_days(2026, 10)
    first.clear()  # a caller's list is its own
    assert [d.day for d in calendar.working_days(2026, 10)] == [8, 9, *range(12, 17), *range(19, 24), *range(26, 31)]
    assert [calendar.is_working_day(date(2026, 10, 10)) for _ in range(2)] == [False, False]
    assert [calendar.is_working_day(date(2026, 10, 8)) for _ in range(2)] == [True, True]
