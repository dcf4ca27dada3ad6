"""Benchmark: importing a 100,000-row punch log end to end against python-calamine reading it.

    uv run python bench/import_attendance.py [rows]

Writes a ZKTeco-style punch log (考勤号码, 姓名, 日期时间 as text, 机器号) for 2,000 employees
over October 2026 into a temporary folder, then measures, best of three each:

- python-calamine opening the file and reading the sheet (the baseline);
- the console's import: read, detect, map, match people, evaluate the rules for the month's
  ledger, and store every person-day in one transaction, into a fresh SQLite database.

Target: the import within 1.5x the raw read.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import python_calamine

from domain.attendance import WorkCalendar
from storage import attendance as repo
from storage.attendance_import import apply_plan, plan_import
from storage.db import open_database
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


def calamine_read(path: Path) -> float:
    start = time.perf_counter()
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        workbook.get_sheet_by_name(SHEET).to_python()
    return time.perf_counter() - start


def end_to_end(path: Path, database: Path, people: int) -> float:
    db = open_database(database)
    try:
        with db.transaction() as session:
            session.add_all(Rep(name=f"员工{p:04d}", employee_no=f"{10000 + p}") for p in range(people))
        forget_parsed()  # no help from an earlier run's parse
        start = time.perf_counter()
        plan = plan_import(db, path)
        assert not plan.problems and not plan.unknown, (plan.problems[:3], plan.unknown[:3])
        summary = apply_plan(db, plan)
        with db.transaction() as session:
            ledger = repo.ledger(session, 2026, 10, today=date(2026, 11, 24))
        seconds = time.perf_counter() - start
        assert summary.added == len(plan.reading.records)
        assert len([r for r in ledger.rows if r.days]) == people
        return seconds
    finally:
        db.close()


def main(rows: int = 100_000) -> None:
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        path = folder / "punches.xlsx"
        columns = [ColumnSpec(h, w) for h, w in (("考勤号码", 10), ("姓名", 10), ("日期时间", 20), ("机器号", 6))]
        write_workbook(path, [SheetSpec(SHEET, columns, punch_rows(rows), rows)])
        people = len({r[0] for r in punch_rows(rows)})
        read = min(calamine_read(path) for _ in range(3))
        runs = [end_to_end(path, folder / f"bench-{n}.sqlite3", people) for n in range(3)]
        best = min(runs)
        print(f"| {'measure':<48} | {'time':>10} | {'ratio':>7} | target |")
        print(f"| {'-' * 48} | {'-' * 10} | {'-' * 7} | ------ |")
        label = f"python-calamine reads {rows:,} punch rows"
        print(f"| {label:<48} | {read * 1000:>7.0f} ms | {'1.00x':>7} |        |")
        label = f"import end to end ({people:,} people, ledger)"
        print(f"| {label:<48} | {best * 1000:>7.0f} ms | {best / read:>6.2f}x | 1.5x   |")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
