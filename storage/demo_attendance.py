"""Sample attendance for the sample workspace: the reps' last months as an HR export would show them.

Reproducible (seeded), on the real work calendar (holidays and 调休 days), with the mix a
manager recognises: mostly on time, some late arrivals (a few reps habitually), early leaves,
forgotten punches, annual and sick leave, business trips and field work.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from storage import attendance as repo
from storage.db import Database
from storage.models import Rep


@dataclass
class _Day:
    employee_name: str
    employee_no: str
    day: date
    punches: list[datetime] = field(default_factory=list)
    status_words: list[str] = field(default_factory=list)


def _at(day: date, minutes: int) -> datetime:
    return datetime.combine(day, time(0)) + timedelta(minutes=minutes)


def generate_demo_attendance(db: Database, months: int = 3, as_of: date | None = None, seed: int = 20261124) -> int:
    """Write ``months`` months of person-days ending with the month before ``as_of`` (and the
    current month up to yesterday) for every rep; returns the number of person-days."""
    as_of = as_of or date.today()
    rng = random.Random(seed)
    with db.transaction() as session:
        reps = list(session.scalars(select(Rep).order_by(Rep.id)))
        rules = repo.load_rules(session)
        calendar = repo.work_calendar(session, rules)
        first = date(as_of.year, as_of.month, 1)
        for _ in range(months):
            first = (first - timedelta(days=1)).replace(day=1)
        habits = {rep.id: rng.choice([0.02, 0.05, 0.05, 0.12, 0.25]) for rep in reps}
        records: list[_Day] = []
        day = first
        while day < as_of:
            if calendar.is_working_day(day):
                for rep in reps:
                    records.append(_person_day(rng, rep, day, habits[rep.id]))
            day += timedelta(days=1)
        matched = {repo.person_key(r.name, r.employee_no): r.id for r in reps}
        counts = repo.apply_person_days(session, records, matched, "sample workspace")
    return counts.added


def _person_day(rng: random.Random, rep: Rep, day: date, late_habit: float) -> _Day:
    record = _Day(rep.name, rep.employee_no, day)
    roll = rng.random()
    if roll < 0.03:
        record.status_words = [rng.choice(["年假", "病假", "事假", "调休"])]
    elif roll < 0.07:
        record.status_words = ["出差"]
    elif roll < 0.15:
        record.status_words = ["外勤"]
        record.punches = [_at(day, 8 * 60 + rng.randint(30, 75)), _at(day, 17 * 60 + rng.randint(40, 120))]
    elif roll < 0.165:
        record.punches = []  # 旷工: no punch, no approval
    else:
        arrive = 9 * 60 + rng.randint(5, 45) if rng.random() < late_habit else 8 * 60 + rng.randint(25, 59)
        leave = 17 * 60 + rng.randint(30, 59) if rng.random() < 0.04 else 18 * 60 + rng.randint(0, 90)
        record.punches = [_at(day, arrive), _at(day, leave)]
        if rng.random() < 0.02:
            record.punches = record.punches[:1]  # forgot to punch out
    return record
