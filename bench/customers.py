"""Benchmarks of the customer register, run by hand:

    uv run python bench/customers.py [--quick]

Prints, as ratios against baselines measured in the same run (the machines are
shared and noisy; absolute times are for reading, ratios for judging):

- first paint of the main window on a 20,000-customer database, against an empty
  QMainWindow shown the same way (target: within 2x), and the time until the list
  is filled (it loads on a worker after the first paint);
- filter-as-you-type latency on 100,000 customers, median and p95 per keystroke,
  including the view's repaint (target: p95 under 50 ms);
- reclassification of 100,000 customers: the domain's classify() alone (target:
  under 1 s) and the full query + classify;
- import of a 50,000-row customer sheet against python-calamine merely reading the
  same file (target: within 2x), from bench/import_customers.py.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from domain.customers import classify
from storage import customers as repo
from storage.db import open_database
from storage.demo import generate_demo

AS_OF = date(2026, 11, 24)


class _PaintWatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def time_to_first_paint(make: callable) -> tuple[float, QWidget]:  # type: ignore[valid-type]
    app = QApplication.instance()
    watcher = _PaintWatcher()
    start = time.perf_counter()
    window = make()
    window.installEventFilter(watcher)
    window.show()
    while not watcher.painted:
        app.processEvents()
    elapsed = time.perf_counter() - start
    window.removeEventFilter(watcher)
    return elapsed, window


def best(times: list[float]) -> float:
    return min(times)


def row(label: str, value: str, ratio: str = "", target: str = "") -> None:
    print(f"| {label:<52} | {value:>12} | {ratio:>10} | {target:<16} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args()
    small, large, import_rows = (2_000, 10_000, 5_000) if args.quick else (20_000, 100_000, 50_000)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from ui.main_window import MainWindow

    work = Path(tempfile.mkdtemp(prefix="bench-customers-"))
    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)

    print(f"Generating {small:,} and {large:,} customers …", flush=True)
    db_small = open_database(work / "small.sqlite3")
    generate_demo(db_small, customers=small, as_of=AS_OF)
    db_large = open_database(work / "large.sqlite3")
    generate_demo(db_large, customers=large, as_of=AS_OF)
    # Reopen, as the console would on its next start: the generation's write-ahead log is
    # checkpointed on close, and reads are measured against the database file itself.
    for db in (db_small, db_large):
        db.close()
    db_small = open_database(work / "small.sqlite3")
    db_large = open_database(work / "large.sqlite3")

    print()
    row("measure", "time", "ratio", "target")
    row("-" * 52, "-" * 12, "-" * 10, "-" * 16)

    # 1. First paint, against an empty QMainWindow shown the same way.
    empty, console = [], []
    filled = []
    for _ in range(5):
        t, w = time_to_first_paint(QMainWindow)
        empty.append(t)
        w.close()
        t, w = time_to_first_paint(lambda: MainWindow(db_small, settings))
        console.append(t)
        start = time.perf_counter()
        while w.customers.loading or w.customers._table is None:
            app.processEvents()
            time.sleep(0.001)
        filled.append(t + time.perf_counter() - start)
        w.close()
        w.deleteLater()
        app.processEvents()
    row("empty QMainWindow, first paint", f"{best(empty) * 1000:.1f} ms", "1.00x")
    row(
        f"main window on {small:,} customers, first paint",
        f"{best(console) * 1000:.1f} ms",
        f"{best(console) / best(empty):.2f}x",
        "within 2x",
    )
    row(f"main window on {small:,} customers, list filled", f"{best(filled) * 1000:.0f} ms", "", "(loads on a worker)")

    # 2. Filter latency on the large register: keystrokes as a user types them.
    window = MainWindow(db_large, settings)
    window.resize(1280, 800)
    window.show()
    while window.customers.loading or window.customers._table is None:
        app.processEvents()
        time.sleep(0.001)
    page = window.customers
    baseline = []
    for _ in range(20):
        start = time.perf_counter()
        page.view.viewport().repaint()
        baseline.append(time.perf_counter() - start)
    typed = ["shen", "深圳", "hwjs", "0755", "jx", "科技", "zhong", "苏州精密", "lw"]
    updates, frames = [], []
    for _ in range(3):
        for word in typed:
            steps = [word[:i] for i in range(1, len(word) + 1)] + [""]
            for text in steps:
                start = time.perf_counter()
                page.filters.search.setText(text)  # filter: search, pick rows, reset the model
                middle = time.perf_counter()
                page.view.viewport().repaint()  # and the frame the user then sees
                end = time.perf_counter()
                updates.append(middle - start)
                frames.append(end - start)
    base = statistics.median(baseline)
    row(f"repaint of the list alone ({large:,} customers)", f"{base * 1000:.1f} ms", "1.00x")
    for label, samples in (("filter", updates), ("filter + repaint", frames)):
        samples.sort()
        p95 = samples[int(len(samples) * 0.95) - 1]
        median = statistics.median(samples)
        row(f"{label}, median ({len(samples)} keystrokes)", f"{median * 1000:.1f} ms", f"{median / base:.1f}x")
        row(f"{label}, p95", f"{p95 * 1000:.1f} ms", f"{p95 / base:.1f}x", "p95 < 50 ms")
    window.close()

    # 3. Reclassification.
    with db_large.transaction() as session:
        facts = repo.sales_facts(session, AS_OF)
        start = time.perf_counter()
        for _ in range(3):
            list(facts)  # baseline: one pass over the facts
        baseline_pass = (time.perf_counter() - start) / 3
    times = []
    for _ in range(3):
        start = time.perf_counter()
        classify(facts)
        times.append(time.perf_counter() - start)
    row(f"one pass over {len(facts):,} customers' facts", f"{baseline_pass * 1000:.1f} ms", "1.00x")
    row(
        f"classify {len(facts):,} customers (domain)",
        f"{best(times) * 1000:.0f} ms",
        f"{best(times) / baseline_pass:.0f}x",
        "< 1 s",
    )
    times = []
    for _ in range(3):
        start = time.perf_counter()
        with db_large.transaction() as session:
            repo.overview(session, AS_OF)
        times.append(time.perf_counter() - start)
    row(f"query + classify {large:,} customers (overview)", f"{best(times) * 1000:.0f} ms", "", "")

    # 4. Import against a raw read.
    from bench.import_customers import measure as measure_import

    _written, read_s, import_s = measure_import(import_rows, work)
    row(f"python-calamine reads {import_rows:,}-row sheet", f"{read_s * 1000:.0f} ms", "1.00x")
    row(
        f"import {import_rows:,} rows (preview + import)",
        f"{import_s * 1000:.0f} ms",
        f"{import_s / read_s:.2f}x",
        "within 2x",
    )


if __name__ == "__main__":
    main()
