"""The attendance register in a real database: applying imports, the ledger, corrections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from storage import attendance as repo
from storage.models import AttendanceCorrection, Rep


@dataclass
class Record:
    employee_name: str
    employee_no: str
    day: date
    punches: list[datetime]
    status_words: list[str]


def punch(day: int, hm_in: str, hm_out: str, month: int = 3) -> list[datetime]:
    return [datetime.fromisoformat(f"2026-{month:02d}-{day:02d}T{t}") for t in (hm_in, hm_out)]


@pytest.fixture
def reps(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add_all([Rep(name="张伟", employee_no="S001"), Rep(name="李娜", employee_no="S002")])
    return db


def march_records() -> list[Record]:
    # March 2026: 22 working days (2-6, 9-13, 16-20, 23-27, 30-31), no holidays.
    working = [d for d in range(1, 32) if date(2026, 3, d).weekday() < 5]
    assert len(working) == 22
    records = []
    for d in working:
        if d == 3:
            records.append(Record("张伟", "S001", date(2026, 3, d), punch(d, "09:07", "18:05"), ["迟到"]))
        elif d == 4:
            records.append(Record("张伟", "S001", date(2026, 3, d), punch(d, "09:10:30", "18:00"), []))
        elif d == 5:
            records.append(Record("张伟", "S001", date(2026, 3, d), punch(d, "08:55", "17:50"), ["正常"]))
        elif d == 6:
            records.append(Record("张伟", "S001", date(2026, 3, d), punch(d, "08:50", "08:50")[:1], []))
        elif d == 9:
            records.append(Record("张伟", "S001", date(2026, 3, d), [], []))
        elif d in (10, 11):
            records.append(Record("张伟", "S001", date(2026, 3, d), [], ["年假"]))
        elif d == 12:
            records.append(Record("张伟", "S001", date(2026, 3, d), [], ["出差"]))
        elif d == 13:
            records.append(Record("张伟", "S001", date(2026, 3, d), punch(d, "09:40", "18:30"), ["外勤"]))
        else:
            records.append(Record("张伟", "S001", date(2026, 3, d), punch(d, "08:58", "18:02"), ["正常"]))
    return records


def test_ledger_of_a_hand_built_month(reps):
    with reps.transaction() as s:
        matched, unknown = repo.match_people(s, [("张伟", "S001")])
        assert unknown == []
        counts = repo.apply_person_days(s, march_records(), matched, "march.xlsx")
    assert counts == repo.AttendanceImportCounts(22, 0, 0)
    with reps.transaction() as s:
        ledger = repo.ledger(s, 2026, 3, today=date(2026, 4, 5))
    row = next(r for r in ledger.rows if r.name == "张伟")
    # Late: 3rd 7 min, 4th 10 min (seconds dropped), 13th 40 min (field work counts) -> 3 lates, 57 min.
    # Early: 5th 10 min. Missing: 6th one punch (in at 08:50, out missing). Absent: 9th.
    # Leave: 10th and 11th annual. Trip: 12th. Field: 13th.
    assert row.summary.report_fields() == {
        "workdays": 22,
        "present_days": 22 - 1 - 2 - 1,
        "late_count": 3,
        "late_minutes": 57,
        "early_leave_count": 1,
        "early_leave_minutes": 10,
        "missing_punches": 1,
        "absent_days": 1,
        "leave_days": 2.0,
        "trip_days": 1,
        "field_days": 1,
    }
    assert row.summary.flagged
    assert row.summary.serious_late_count == 1
    li = next(r for r in ledger.rows if r.name == "李娜")
    assert li.summary.absent_days == 0 and li.days == {}


def test_reimporting_same_month_replaces_days_without_duplicating(reps):
    with reps.transaction() as s:
        matched, _ = repo.match_people(s, [("张伟", "S001")])
        repo.apply_person_days(s, march_records(), matched, "march.xlsx")
    changed = march_records()
    changed[0] = Record("张伟", "S001", changed[0].day, punch(2, "09:30", "18:00"), [])
    with reps.transaction() as s:
        counts = repo.apply_person_days(s, changed, matched, "march-v2.xlsx")
        assert counts == repo.AttendanceImportCounts(added=0, replaced=1, unchanged=21)
        assert len(repo.stored_days(s, date(2026, 3, 1), date(2026, 3, 31))) == 22


def test_correcting_a_day_keeps_an_audit_trail(reps):
    with reps.transaction() as s:
        matched, _ = repo.match_people(s, [("张伟", "S001")])
        repo.apply_person_days(s, march_records(), matched, "march.xlsx")
        rep_id = matched["no:S001"]
    with reps.transaction() as s:
        with pytest.raises(ValueError):
            repo.correct_day(s, rep_id, date(2026, 3, 9), [], "病假", "")
        repo.correct_day(s, rep_id, date(2026, 3, 9), [], "病假", "病假条补交")
    with reps.transaction() as s:
        ledger = repo.ledger(s, 2026, 3, today=date(2026, 4, 5))
        row = next(r for r in ledger.rows if r.rep_id == rep_id)
        assert row.summary.absent_days == 0
        assert row.summary.leave_days == 3.0
        trail = repo.corrections(s, rep_id, date(2026, 3, 9))
        assert len(trail) == 1 and trail[0][3] == "病假条补交"
        assert s.query(AttendanceCorrection).count() == 1


def test_people_are_matched_by_number_then_alias_then_name(reps):
    with reps.transaction() as s:
        matched, unknown = repo.match_people(s, [("张伟", ""), ("Zhang Wei", "S001"), ("王五", ""), ("小李", "")])
        assert matched == {"name:张伟": 1, "no:S001": 1}
        assert unknown == [("王五", ""), ("小李", "")]
        repo.remember_person(s, "小李", "", 2)
    with reps.transaction() as s:
        matched, unknown = repo.match_people(s, [("小李", "")])
        assert matched == {"name:小李": 2} and unknown == []


def test_rules_are_settings_kept_in_the_database(reps):
    from datetime import time

    from domain.attendance import AttendanceRules

    with reps.transaction() as s:
        repo.save_rules(s, AttendanceRules(shift_start=time(8, 30), grace_minutes=5, late_flag_count=4))
    with reps.transaction() as s:
        rules = repo.load_rules(s)
    assert (rules.shift_start, rules.grace_minutes, rules.late_flag_count, rules.shift_end) == (
        time(8, 30),
        5,
        4,
        time(18, 0),
    )
