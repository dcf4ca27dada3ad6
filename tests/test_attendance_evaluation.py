"""The rules applied to a month of person-days as columns: the import's evaluation of the months it
writes and the ledger's summaries.  Each must give exactly what judging day by day gives, and the
figures must be the hand-computed ones."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.attendance import (
    AttendanceRules,
    DayEvaluator,
    LeaveType,
    PersonDay,
    WorkCalendar,
    evaluate_day,
    person_day_from_words,
    summarise_month,
)
from storage import attendance as repo
from storage.attendance_columns import DAY_SCHEMA, month_summaries
from storage.attendance_import import EvaluatedMonth, apply_plan, plan_import
from storage.db import Database
from storage.models import AttendanceDay, Rep
from tests.attendance_fixtures import write_sheets
from tests.test_attendance_rules import person_days
from ui.import_messages import evaluated_months
from ui.labels import names_and_more

CALENDAR = WorkCalendar()
RULES = AttendanceRules()
WORDS = ["", "正常", "迟到12分钟", "事假 4小时", "出差", "补卡 上班缺卡", "外勤 加班", "年假", "旷工", "休息"]
US = timedelta(microseconds=1)


def columns_of(days: list[tuple[date, tuple[datetime, ...], str]]) -> tuple[list[int | None], list[int | None]]:
    """Each day's first and last punch in microseconds from its midnight, as the columns give them."""
    firsts: list[int | None] = []
    lasts: list[int | None] = []
    for day, punches, _ in days:
        midnight = datetime.combine(day, time(0))
        firsts.append((min(punches) - midnight) // US if punches else None)
        lasts.append((max(punches) - midnight) // US if punches else None)
    return firsts, lasts


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(person_days(), st.sampled_from(WORDS)), min_size=1, max_size=30),
    st.integers(min_value=0, max_value=30),
    st.sampled_from([time(9, 0), time(8, 30), time(22, 0)]),
    st.sampled_from([time(18, 0), time(17, 30), time(6, 0)]),
    st.sampled_from([0, 10, 45]),
)
def test_days_judged_as_columns_are_the_days_judged_one_by_one(
    drawn: list[tuple[PersonDay, str]], grace: int, start: time, end: time, repeat: int
) -> None:
    rules = AttendanceRules(grace_minutes=grace, shift_start=start, shift_end=end, repeat_punch_minutes=repeat)
    days = [(pd.day, tuple(sorted(pd.punches)), words) for pd, words in drawn]
    firsts, lasts = columns_of(days)
    columns = DayEvaluator(CALENDAR, rules)
    ids = columns.outcome_ids([d for d, _, _ in days], firsts, lasts, [w for _, _, w in days])
    one_by_one = DayEvaluator(CALENDAR, rules)
    for (day, punches, words), index in zip(days, ids, strict=True):
        assert columns.result_of(index, day, punches) == one_by_one.stored_day(day, punches, words)


def _reference(day: date, punches: list[datetime], rules: AttendanceRules) -> tuple[int, int, bool, bool]:
    """The clock rules as the module docstring states them, written out plainly: (late minutes,
    early minutes, missing in, missing out) of a working day with punches and no words."""
    first, last = min(punches), max(punches)

    def minute(moment: datetime) -> int:  # minutes on the clock from the day's midnight, seconds dropped
        return (moment.date() - day).days * 1440 + moment.hour * 60 + moment.minute

    start = rules.shift_start.hour * 60 + rules.shift_start.minute
    end = rules.shift_end.hour * 60 + rules.shift_end.minute
    if last - first > timedelta(minutes=rules.repeat_punch_minutes):
        in_punch, out_punch = first, last
    elif first < datetime.combine(day, rules.shift_midpoint):
        in_punch, out_punch = first, None
    else:
        in_punch, out_punch = None, last
    late = minute(in_punch) - start if in_punch is not None else 0
    late = late if late > rules.grace_minutes else 0
    early = max(end - minute(out_punch), 0) if out_punch is not None else 0
    return late, early, in_punch is None, out_punch is None


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2026, 10, 8), max_value=date(2026, 10, 30)).filter(CALENDAR.is_working_day),
    st.lists(st.integers(min_value=5 * 3600, max_value=29 * 3600 - 1), min_size=1, max_size=4),
    st.integers(min_value=0, max_value=15),
    st.sampled_from([0, 10]),
)
def test_the_clock_rules_on_columns_are_the_written_rules(
    day: date, seconds: list[int], grace: int, repeat: int
) -> None:
    rules = AttendanceRules(grace_minutes=grace, repeat_punch_minutes=repeat)
    punches = [datetime.combine(day, time(0)) + timedelta(seconds=s) for s in seconds]
    evaluator = DayEvaluator(CALENDAR, rules)
    firsts, lasts = columns_of([(day, tuple(punches), "")])
    result = evaluator.result_of(evaluator.outcome_ids([day], firsts, lasts, [""])[0], day, tuple(sorted(punches)))
    assert (result.late_minutes, result.early_minutes, result.missing_in, result.missing_out) == _reference(
        day, punches, rules
    )


def test_hand_computed_days_as_columns() -> None:
    day = date(2026, 10, 12)  # a Monday
    cases = [
        # first and last punch, words -> late minutes, early minutes, missing punches, symbol
        (("08:12:40", "18:30:00"), "", (0, 0, 0, "normal")),
        (("09:00:59", "18:00:00"), "", (0, 0, 0, "normal")),  # seconds dropped: on time
        (("09:01:00", "18:00:00"), "", (1, 0, 0, "late")),
        (("09:31:10", "18:00:00"), "", (31, 0, 0, "late")),
        (("08:50:00", "17:45:40"), "", (0, 15, 0, "early")),
        (("14:00:00", "14:00:00"), "", (0, 240, 1, "missing")),  # a lone afternoon punch is the out punch
        (("08:58:00", "08:59:00"), "", (0, 0, 1, "missing")),  # a repeated swipe is one in punch
        (("09:10:00", "1 00:30:00"), "", (10, 0, 0, "late")),  # 次日 00:30 is the out punch
        (None, "", (0, 0, 0, "absent")),
        (None, "迟到12分钟", (12, 0, 0, "late")),  # words only: taken as written
        (("09:40:00", "18:00:00"), "事假 4小时", (0, 0, 0, "leave")),  # leave excuses the clock
    ]
    days: list[tuple[date, tuple[datetime, ...], str]] = []
    for clocks, words, _ in cases:
        punches: list[datetime] = []
        for clock in clocks or ():
            plus, _, hms = clock.rpartition(" ")
            punches.append(datetime.combine(day + timedelta(days=int(plus or 0)), time.fromisoformat(hms)))
        days.append((day, tuple(punches), words))
    evaluator = DayEvaluator(CALENDAR, RULES)
    firsts, lasts = columns_of(days)
    ids = evaluator.outcome_ids([day] * len(days), firsts, lasts, [w for _, _, w in days])
    for (_, punches, _), index, (clocks, words, expected) in zip(days, ids, cases, strict=True):
        result = evaluator.result_of(index, day, punches)
        assert (result.late_minutes, result.early_minutes, result.missing_punches, result.symbol.value) == expected, (
            clocks,
            words,
        )


# --------------------------------------------------------------------------- a month in the register


def _stored(rows: list[tuple[int, date, list[str], str]]) -> pl.DataFrame:
    return pl.DataFrame(
        [(rep, day, " ".join(sorted(punches)), words) for rep, day, punches, words in rows],
        schema=DAY_SCHEMA,
        orient="row",
    )


def test_a_months_summaries_from_columns_hand_computed_and_as_summarise_month() -> None:
    # October 2026: 1-7 National Day holidays, Saturday 10-10 an adjusted working day; 18 working days.
    assert len(CALENDAR.working_days(2026, 10)) == 18
    one, two = 1, 2
    rows: list[tuple[int, date, list[str], str]] = [
        (one, date(2026, 10, 9), ["2026-10-09T09:05:30", "2026-10-09T18:02:00"], ""),  # late 5
        (one, date(2026, 10, 10), ["2026-10-10T09:40:00", "2026-10-10T17:30:00"], ""),  # late 40 (serious), early 30
        (one, date(2026, 10, 12), ["2026-10-12T08:59:00"], ""),  # missing out
        (one, date(2026, 10, 13), [], "事假 4小时"),  # half a day of personal leave
        (one, date(2026, 10, 14), [], "出差"),
        (one, date(2026, 10, 15), ["2026-10-15T09:20:00", "2026-10-15T18:00:00"], "外勤"),  # field, late 20
        (one, date(2026, 10, 16), [], ""),  # absent
        (one, date(2026, 10, 3), ["2026-10-03T10:00:00", "2026-10-03T12:00:00"], ""),  # holiday overtime
        (two, date(2026, 10, 9), ["2026-10-09T08:50:00", "2026-10-09T18:10:00"], "正常"),
        (two, date(2026, 10, 12), [], "病假"),
        (two, date(2026, 11, 2), ["2026-11-02T09:30:00", "2026-11-02T18:00:00"], ""),  # another month
    ]
    evaluator = DayEvaluator(CALENDAR, RULES)
    summaries = month_summaries(_stored(rows), 2026, 10, evaluator, complete=True)
    assert set(summaries) == {one, two}
    first = summaries[one]
    assert first.report_fields() == {
        "workdays": 18,
        "present_days": 4,  # 9, 10, 12 and 15: leave, a trip and the absent day are not attendance
        "late_count": 3,
        "late_minutes": 65,
        "early_leave_count": 1,
        "early_leave_minutes": 30,
        "missing_punches": 1,
        "absent_days": 1 + (18 - 7),  # the 16th, and the eleven working days without a record
        "leave_days": 0.5,
        "trip_days": 1,
        "field_days": 1,
    }
    assert (first.serious_late_count, first.leave_days_by_type, first.flagged) == (1, {LeaveType.PERSONAL: 0.5}, True)
    second = summaries[two]
    assert (second.present_days, second.leave_days_by_type, second.absent_days) == (1, {LeaveType.SICK: 1.0}, 16)
    # The same figures day by day.
    for rep in (one, two):
        results = [
            evaluate_day(
                person_day_from_words(day, [datetime.fromisoformat(p) for p in punches], words, RULES)[0],
                CALENDAR,
                RULES,
            )
            for r, day, punches, words in rows
            if r == rep
        ]
        assert summaries[rep] == summarise_month(results, 2026, 10, CALENDAR, RULES)


def _reps(db: Database, people: int) -> None:
    with db.transaction() as session:
        session.add_all(Rep(name=f"员工{p:02d}", employee_no=f"{10000 + p}") for p in range(people))


def test_the_import_evaluates_the_months_it_writes_as_the_ledger_shows_them(db: Database, tmp_path: Path) -> None:
    _reps(db, 3)
    header = ["工号", "姓名", "日期", "上班1打卡时间", "下班1打卡时间", "打卡结果"]
    first_half = [header] + [
        [f"{10000 + p}", f"员工{p:02d}", f"2026-10-{d:02d}", "08:55", "18:05", "正常"]
        for d in (8, 9, 10, 12, 13)
        for p in range(3)
    ]
    # The second file: 员工00 late on 3 days (one of them replacing a day already stored), 员工01 on 2,
    # 员工02 on leave for one day.
    second = [header]
    for d in (13, 14, 15):
        second.append(["10000", "员工00", f"2026-10-{d:02d}", "09:10", "18:00", ""])
        second.append(["10001", "员工01", f"2026-10-{d:02d}", "09:05" if d < 15 else "08:59", "18:00", ""])
        second.append(["10002", "员工02", f"2026-10-{d:02d}", None, None, "年假" if d == 14 else "正常"])
    before = write_sheets(tmp_path / "first.xlsx", {"打卡": first_half})
    after = write_sheets(tmp_path / "second.xlsx", {"打卡": second})
    apply_plan(db, plan_import(db, before), today=date(2026, 11, 24))
    summary = apply_plan(db, plan_import(db, after), today=date(2026, 11, 24))
    assert (summary.added, summary.replaced, summary.unchanged) == (6, 3, 0)
    # 18 working days, 7 with a record each: 11 absent; 员工02's 13th and 15th are words-only 正常 days.
    assert summary.evaluated == (
        EvaluatedMonth(
            2026,
            10,
            people=3,
            late_count=5,
            absent_days=33,
            missing_punches=0,
            flagged=(("员工00", "10000", 3),),
            late_flag_count=3,
        ),
    )
    with db.transaction() as session:
        ledger = repo.ledger(session, 2026, 10, today=date(2026, 11, 24))
    assert sum(r.summary.late_count for r in ledger.rows) == 5
    assert sum(r.summary.absent_days for r in ledger.rows) == 33
    assert [r.name for r in ledger.rows if r.summary.flagged] == ["员工00"]
    by_name = {r.name: r.summary for r in ledger.rows}
    assert (by_name["员工00"].late_count, by_name["员工00"].late_minutes) == (3, 30)
    assert (by_name["员工01"].late_count, by_name["员工01"].late_minutes) == (2, 10)
    assert by_name["员工02"].leave_days_by_type == {LeaveType.ANNUAL: 1.0}


def test_a_month_still_running_does_not_count_missing_days_absent(db: Database, tmp_path: Path) -> None:
    _reps(db, 1)
    rows = [
        ["工号", "姓名", "日期", "上班1打卡时间", "下班1打卡时间"],
        ["10000", "员工00", "2026-11-02", "09:03", "18:00"],
    ]
    path = write_sheets(tmp_path / "november.xlsx", {"打卡": rows})
    summary = apply_plan(db, plan_import(db, path), today=date(2026, 11, 24))
    assert summary.evaluated == (
        EvaluatedMonth(
            2026, 11, people=1, late_count=1, absent_days=0, missing_punches=0, flagged=(), late_flag_count=3
        ),
    )


def test_the_days_inserted_in_one_statement_read_back_as_written(db: Database) -> None:
    _reps(db, 2)
    words = '病假 "全天"\nC:\\备注'  # quotes, a line break and a backslash go through JSON
    incoming = _stored(
        [
            (1, date(2026, 10, 9), ["2026-10-09T08:58:00", "2026-10-10T00:30:00"], ""),
            (2, date(2026, 10, 9), [], words),
        ]
    )
    with db.transaction() as session:
        stored = repo.store_days(session, incoming, "十月.xlsx › 打卡", evaluate=True, today=date(2026, 11, 24))
    assert stored.counts == repo.AttendanceImportCounts(2, 0, 0)
    with db.transaction() as session:
        rows = session.query(AttendanceDay).order_by(AttendanceDay.rep_id).all()
        assert [(r.rep_id, r.day, r.punches, r.status_text, r.source) for r in rows] == [
            (1, date(2026, 10, 9), "2026-10-09T08:58:00 2026-10-10T00:30:00", "", "十月.xlsx › 打卡"),
            (2, date(2026, 10, 9), "", words, "十月.xlsx › 打卡"),
        ]
        assert all(isinstance(r.updated_at, datetime) for r in rows)
        days = repo.stored_days(session, date(2026, 10, 1), date(2026, 10, 31))
    assert days[0].punches == (datetime(2026, 10, 9, 8, 58), datetime(2026, 10, 10, 0, 30))
    # Evaluated while it wrote: 员工00 on time and out after midnight; 员工01's 病假 is a day of sick leave.
    assert stored.months[(2026, 10)][1].present_days == 1
    assert stored.months[(2026, 10)][2].leave_days_by_type == {LeaveType.SICK: 1.0}


def test_the_evaluated_months_in_words() -> None:
    flagged = tuple((f"员工{n:02d}", f"{10000 + n}", 9 - n % 5) for n in range(12))
    month = EvaluatedMonth(
        2026, 10, people=40, late_count=61, absent_days=3, missing_punches=2, flagged=flagged, late_flag_count=3
    )
    assert evaluated_months([month]) == [
        "2026-10 in the ledger now: 40 people, 61 late arrivals, 3 absent days, 2 missing punches.",
        "Late 3 times or more: 员工00 (9), 员工01 (8), 员工02 (7), 员工03 (6), 员工04 (5), 员工05 (9), 员工06 (8), "
        "员工07 (7), 员工08 (6), 员工09 (5) and 2 more.",
    ]
    assert names_and_more(["甲", "乙"]) == "甲, 乙"
    assert names_and_more([str(n) for n in range(25)]) == ", ".join(str(n) for n in range(20)) + " and 5 more"


def test_the_team_trend_adds_up_each_months_ledger(db: Database) -> None:
    _reps(db, 2)
    rows = [
        (1, date(2026, 9, 1), ["2026-09-01T09:10:00", "2026-09-01T18:00:00"], ""),  # late 10
        (2, date(2026, 9, 1), ["2026-09-01T08:50:00", "2026-09-01T17:00:00"], ""),  # early 60
        (1, date(2026, 11, 2), ["2026-11-02T09:01:00", "2026-11-02T18:00:00"], ""),  # late 1
        (1, date(2026, 11, 3), ["2026-11-03T09:02:00", "2026-11-03T18:00:00"], ""),  # late 2
        (2, date(2026, 11, 3), [], ""),  # absent
    ]
    with db.transaction() as session:
        repo.store_days(session, _stored(rows), "trend.xlsx")
    today = date(2026, 11, 24)
    with db.transaction() as session:
        trend = repo.team_trend(session, 2026, 11, months=6, today=today)
        ledgers = {m: repo.ledger(session, 2026, m, today=today) for m in (9, 11)}
    september_workdays = len(CALENDAR.working_days(2026, 9))
    # October has nothing stored: left out, not a perfect month.  November is still running: its
    # working days without a record are not absent yet.
    assert trend == [
        repo.MonthTotals(2026, 9, late_count=1, absent_days=2 * (september_workdays - 1)),
        repo.MonthTotals(2026, 11, late_count=2, absent_days=1),
    ]
    for totals in trend:
        rows_of_month = ledgers[totals.month].rows
        assert totals.late_count == sum(r.summary.late_count for r in rows_of_month)
        assert totals.absent_days == sum(r.summary.absent_days for r in rows_of_month)


def test_a_nul_character_in_the_words_is_stored_whole(db: Database) -> None:
    # An xlsx cell can hold one (Excel's _x0000_ escape); SQLite's JSON functions would cut the text there.
    _reps(db, 1)
    incoming = _stored([(1, date(2026, 10, 9), ["2026-10-09T08:58:00", "2026-10-09T18:00:00"], "正常\x00备注")])
    with db.transaction() as session:
        first = repo.store_days(session, incoming, "nul.xlsx")
    with db.transaction() as session:
        again = repo.store_days(session, incoming, "nul.xlsx")
        stored = session.query(AttendanceDay).one()
    assert (first.counts, again.counts) == (repo.AttendanceImportCounts(1, 0, 0), repo.AttendanceImportCounts(0, 0, 1))
    assert stored.status_text == "正常\x00备注"


def test_tenths_of_a_day_of_leave_add_up_to_whole_days_in_any_order() -> None:
    days = CALENDAR.working_days(2026, 10)[:10]
    rows = [(1, day, [], "事假0.1天") for day in days]
    summary = month_summaries(_stored(rows), 2026, 10, DayEvaluator(CALENDAR, RULES), complete=False)[1]
    results = [
        evaluate_day(person_day_from_words(day, [], "事假0.1天", RULES)[0], CALENDAR, RULES) for day in reversed(days)
    ]
    assert summary == summarise_month(results, 2026, 10, CALENDAR, RULES, missing_days_absent=False)
    assert (summary.leave_days, summary.leave_days_by_type) == (1.0, {LeaveType.PERSONAL: 1.0})
