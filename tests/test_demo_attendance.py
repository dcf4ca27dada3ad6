"""The sample workspace's attendance: one person-day per rep and working day, none on holidays."""

from __future__ import annotations

from datetime import date

from storage import attendance as repo
from storage.demo import generate_demo
from storage.demo_attendance import generate_demo_attendance


def test_sample_attendance_covers_working_days_only(db):
    generate_demo(db, customers=60, reps=12, as_of=date(2026, 11, 24))
    written = generate_demo_attendance(db, months=1, as_of=date(2026, 11, 1))
    # October 2026 has 18 working days (National Day 1-7, 调休 Saturday 10 Oct): 12 reps x 18.
    assert written == 12 * 18
    with db.transaction() as s:
        days = repo.stored_days(s, date(2026, 10, 1), date(2026, 10, 31))
        ledger = repo.ledger(s, 2026, 10, today=date(2026, 11, 24))
    assert {d.day for d in days} == set(ledger.calendar.working_days(2026, 10))
    assert date(2026, 10, 10) in {d.day for d in days}
    assert all(r.summary.workdays == 18 for r in ledger.rows)
    assert sum(r.summary.late_count for r in ledger.rows) > 0
    assert sum(r.summary.leave_days for r in ledger.rows) > 0
