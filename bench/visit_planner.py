"""Benchmark of the visit planner, run by hand:

    uv run python bench/visit_planner.py [--customers 5000] [--reps 12] [--month 2026-12]

A real SQLite workspace from the sample generator (5,000 customers with owners, classes from
their orders, 12 reps, three months of activities and attendance), then, median of several runs:

- domain only: :func:`domain.visits.plan_visits` for every rep over the month, inputs in memory;
- end to end: :func:`storage.visits.generate_team` for every rep in one transaction (classify the
  customers once, read last visits, the calendar and attendance, plan, write the visits), rolled back
  after each run so every run plans the same month from scratch (target: under 1 s);

against a trivial baseline in the same run: reading every customer's id, name and district from
the same database and sorting them by district and name.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select

from domain.visits import parse_month, plan_visits
from storage import visits as repo
from storage.db import Database, open_database
from storage.demo import generate_demo
from storage.demo_activities import generate_demo_activities
from storage.demo_attendance import generate_demo_attendance
from storage.models import Customer

RUNS = 5
AS_OF = date(2026, 11, 24)


def timed(fn: Callable[[], object], runs: int = RUNS) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def baseline(db: Database) -> int:
    with db.transaction() as s:
        rows = s.execute(select(Customer.id, Customer.name, Customer.district)).all()
    return len(sorted(rows, key=lambda r: (r[2], r[1])))


def plan_all(db: Database, first: date, last: date) -> int:
    session = db.sessions()
    try:
        reps = [rep_id for rep_id, _name in repo.rep_choices(session)]
        created = sum(r.created for r in repo.generate_team(session, reps, first, last, AS_OF).values())
    finally:
        session.rollback()
        session.close()
    return created


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=5000)
    parser.add_argument("--reps", type=int, default=12)
    parser.add_argument("--month", default="2026-12")
    args = parser.parse_args()
    first, last = parse_month(args.month)

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "bench.db")
        start = time.perf_counter()
        generate_demo(db, customers=args.customers, reps=args.reps, as_of=AS_OF)
        generate_demo_attendance(db, as_of=AS_OF)
        generate_demo_activities(db, as_of=AS_OF)
        print(f"workspace: {args.customers:,} customers, {args.reps} reps ({time.perf_counter() - start:.1f} s)")

        with db.transaction() as s:
            reps = repo.rep_choices(s)
            inputs = [
                (
                    repo.plan_customers(s, rep_id, AS_OF, first),
                    repo.rep_days(s, rep_id, first, last),
                )
                for rep_id, _name in reps
            ]
            settings = repo.load_settings(s)

        def domain_only() -> int:
            return sum(
                len(plan_visits(customers, days.working, settings, availability=days.availability).visits)
                for customers, days in inputs
            )

        base, count = timed(lambda: baseline(db))
        pure, planned = timed(domain_only)
        full, created = timed(lambda: plan_all(db, first, last))
        print(f"customers read and sorted: {count:,}; visits planned: {planned:,} (domain), {created:,} (stored)")
        print(f"{'measure':<52}{'median':>12}{'ratio':>10}")
        print(f"{'baseline: read + sort all customers':<52}{base * 1000:>9.1f} ms{1.0:>9.1f}x")
        print(f"{'domain: plan_visits, every rep, one month':<52}{pure * 1000:>9.1f} ms{pure / base:>9.1f}x")
        label = "end to end: generate_team, every rep, one month"
        print(f"{label:<52}{full * 1000:>9.1f} ms{full / base:>9.1f}x")
        print(f"target: end to end under 1 s -> {'met' if full < 1.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
