"""Benchmark: importing a 100,000-row punch log end to end against python-calamine reading it.

    uv run python bench/import_attendance.py [rows]

Writes a ZKTeco-style punch log (考勤号码, 姓名, 日期时间 as text, 机器号) for 2,777 employees
over October 2026 into a temporary folder, then measures, best of three each:

- python-calamine opening the file and reading the sheet (the baseline);
- the console's import as the wizard and ``app.py import attendance`` run it: read, detect, map,
  match people, evaluate and store.  plan_import reads the file (a long plain log column-wise with
  fastexcel and polars) and works out who is who; apply_plan writes every person-day in one
  transaction into a fresh SQLite database and applies the rules to the month it wrote (the
  figures and the flagged reps the wizard reports), while SQLite writes;
- the rules alone on the same person-days, for reading how much of them the write hides;
- the month's ledger as the attendance page loads it next (every day's result object for the
  grid), reported apart: it is the page opening, not the import;
- SQLite alone inserting the same person-days and reading them back: a floor no import into this
  schema goes below;
- the same log with its date-times written '2026/10/8 8:48', imported against python-calamine
  reading that file.

Target: the import within 1.5x the raw read.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import polars as pl
import python_calamine

from domain.attendance import DayEvaluator, WorkCalendar
from storage import attendance as repo
from storage.attendance_columns import DAY_SCHEMA, month_summaries
from storage.attendance_import import apply_plan, plan_import
from storage.db import Database, open_database
from storage.excel.reader import forget_parsed
from storage.excel.writer import ColumnSpec, SheetSpec, write_workbook
from storage.models import Rep

SHEET = "考勤记录"


def punch_rows(rows: int, seed: int = 11) -> Iterator[list[object]]:
    rng = random.Random(seed)
    calendar = WorkCalendar()
    days = [d for d in (date(2026, 10, 1) + timedelta(n) for n in range(31)) if calendar.is_working_day(d)]
    people = max(1, rows // (2 * len(days)))
    written = 0
    for day in days:
        for person in range(people):
            for minutes in (8 * 60 + rng.randint(20, 75), 17 * 60 + rng.randint(40, 150)):
                if written >= rows:
                    return
                seconds = minutes * 60 + rng.randint(0, 59)
                moment = datetime.combine(day, datetime.min.time()) + timedelta(seconds=seconds)
                yield [f"{10000 + person}", f"员工{person:04d}", moment.strftime("%Y-%m-%d %H:%M:%S"), 1]
                written += 1


def slash_rows(rows: int) -> Iterator[list[object]]:
    """:func:`punch_rows` with the date-time as '2026/10/8 8:48' (the minute the clock showed)."""
    for number, name, moment, machine in punch_rows(rows):
        at = datetime.fromisoformat(str(moment))
        yield [number, name, f"{at.year}/{at.month}/{at.day} {at.hour}:{at.minute:02d}", machine]


def calamine_read(path: Path) -> float:
    start = time.perf_counter()
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        workbook.get_sheet_by_name(SHEET).to_python()
    return time.perf_counter() - start


def fresh_database(database: Path, people: int) -> Database:
    db = open_database(database)
    with db.transaction() as session:
        session.add_all(Rep(name=f"员工{p:04d}", employee_no=f"{10000 + p}") for p in range(people))
    return db


class Run(NamedTuple):
    plan: float
    apply: float
    rules: float
    ledger: float
    late: int
    flagged: int

    @property
    def total(self) -> float:
        return self.plan + self.apply


def end_to_end(path: Path, database: Path, people: int) -> Run:
    """The console's import as the wizard and ``app.py import attendance`` run it, the rules alone
    on what it stored, then the month's ledger as the attendance page loads it next."""
    db = fresh_database(database, people)
    try:
        forget_parsed()  # no help from an earlier run's parse
        start = time.perf_counter()
        plan = plan_import(db, path)
        planned = time.perf_counter()
        assert not plan.problems and not plan.unknown, (plan.problems[:3], plan.unknown[:3])
        summary = apply_plan(db, plan, today=date(2026, 11, 24))
        applied = time.perf_counter()
        assert summary.added == len(plan.reading.records)
        (month,) = summary.evaluated
        assert month.people == people
        with db.transaction() as session:
            rules = repo.load_rules(session)
            evaluator = DayEvaluator(repo.work_calendar(session, rules), rules)
            stored = session.connection().exec_driver_sql(
                "SELECT rep_id, day, punches, status_text FROM attendance_day"
            )
            days = pl.DataFrame(stored.all(), schema={**DAY_SCHEMA, "day": pl.String()}, orient="row")
        days = days.with_columns(pl.col("day").str.to_date())
        rules_start = time.perf_counter()
        alone = month_summaries(days, 2026, 10, evaluator, complete=True)
        rules_done = time.perf_counter()
        assert sum(s.late_count for s in alone.values()) == month.late_count
        with db.transaction() as session:
            ledger_start = time.perf_counter()
            ledger = repo.ledger(session, 2026, 10, today=date(2026, 11, 24))
            done = time.perf_counter()
        assert len([r for r in ledger.rows if r.days]) == people
        assert sum(r.summary.late_count for r in ledger.rows) == month.late_count
        return Run(
            planned - start,
            applied - planned,
            rules_done - rules_start,
            done - ledger_start,
            month.late_count,
            len(month.flagged),
        )
    finally:
        db.close()


def sqlite_alone(database: Path, people: int, plan_rows: list[tuple[int, str, str, str, str, str]]) -> float:
    """The floor under any import into this schema: SQLite inserting the same rows as plain tuples
    and reading them back, without Python making or using them."""
    fresh_database(database, people).close()
    connection = sqlite3.connect(database, isolation_level=None)
    try:
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=NORMAL")
        start = time.perf_counter()
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO attendance_day (rep_id, day, punches, status_text, source, updated_at) VALUES (?,?,?,?,?,?)",
            plan_rows,
        )
        connection.execute("COMMIT")
        connection.execute("SELECT rep_id, day, punches, status_text, source FROM attendance_day").fetchall()
        return time.perf_counter() - start
    finally:
        connection.close()


def stored_rows(rows: int) -> list[tuple[int, str, str, str, str, str]]:
    """What the import stores for the generated log, as SQLite text."""
    days: dict[tuple[int, str], list[str]] = {}
    for number, _name, moment, _machine in punch_rows(rows):
        days.setdefault((int(str(number)) - 9999, str(moment)[:10]), []).append(str(moment).replace(" ", "T"))
    now = datetime.now().isoformat(sep=" ")
    return [(rep, day, " ".join(sorted(p)), "", "punches.xlsx › 考勤记录", now) for (rep, day), p in days.items()]


def main(rows: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = folder / "punches.xlsx"
        columns = [ColumnSpec(h, w) for h, w in (("考勤号码", 10), ("姓名", 10), ("日期时间", 20), ("机器号", 6))]
        write_workbook(path, [SheetSpec(SHEET, columns, punch_rows(rows), rows)])
        people = len({r[0] for r in punch_rows(rows)})
        read = min(calamine_read(path) for _ in range(3))
        best = min((end_to_end(path, folder / f"bench-{n}.sqlite3", people) for n in range(3)), key=lambda r: r.total)
        stored = stored_rows(rows)
        floor = min(sqlite_alone(folder / f"floor-{n}.sqlite3", people, stored) for n in range(3))
        # The same log as some exports write it: '2026/10/8 8:48', no leading zeros, no seconds.
        slashed = folder / "punches-slashes.xlsx"
        write_workbook(slashed, [SheetSpec(SHEET, columns, slash_rows(rows), rows)])
        slashed_read = min(calamine_read(slashed) for _ in range(3))
        slashed_best = min(
            (end_to_end(slashed, folder / f"slashes-{n}.sqlite3", people) for n in range(3)), key=lambda r: r.total
        )

        def row(label: str, seconds: float, target: str = "") -> None:
            print(f"| {label:<70} | {seconds * 1000:>7.0f} ms | {seconds / read:>6.2f}x | {target:<6} |")

        print(f"| {'measure':<70} | {'time':>10} | {'ratio':>7} | target |")
        print(f"| {'-' * 70} | {'-' * 10} | {'-' * 7} | ------ |")
        row(f"python-calamine reads {rows:,} punch rows (baseline)", read)
        row(f"import: read, detect, map, evaluate, store ({len(stored):,} person-days)", best.total, "1.5x")
        row("  of which: read, detect, parse, group, match people (plan_import)", best.plan)
        row("  of which: store in one transaction, evaluate meanwhile (apply_plan)", best.apply)
        row("the rules alone on those person-days (hidden in apply_plan)", best.rules)
        row("the month's ledger as the attendance page loads it next", best.ledger)
        row("SQLite alone: insert those person-days, read them back", floor)
        print(f"| {'the same log with date-times written 2026/10/8 8:48':<70} | {'':>10} | {'':>7} |        |")
        row("  python-calamine reads it (its baseline)", slashed_read)
        ratio = slashed_best.total / slashed_read
        print(
            f"| {'  import: read, detect, map, evaluate, store':<70} | {slashed_best.total * 1000:>7.0f} ms |"
            f" {ratio:>6.2f}x | 1.5x   |"
        )
        print(
            f"\n{people:,} people; the import's evaluation of 2026-10: {best.late:,} late arrivals, "
            f"{best.flagged:,} reps flagged (late 3 times or more)."
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
