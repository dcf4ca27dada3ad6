"""Benchmark of the time-allocation charts, run by hand:

    uv run python bench/time_allocation.py [--reps 200] [--weeks 52] [--shot FILE.png]

200 reps x 52 weeks of activities (about 10 a working day each, ~520,000 entries) held in
memory as the page holds them after loading. Timed, median of several runs:

- the domain figures: shares per rep and the weekly trend (domain.time_allocation);
- the stacked share chart: set_data with 200 rows and 6 categories, then a first paint;
- the weekly trend chart: set_data with 52 weeks, then a first paint;
- both charts from data to first paint (the figure a user waits for; target under 200 ms);

against a trivial baseline measured in the same run: an empty pyqtgraph PlotWidget's paint.
A paint is ``widget.grab()``, which renders the whole widget synchronously.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication

from domain.time_allocation import CATEGORY_NAMES, Category, TimeEntry, allocation_by_rep, weekly_trend
from widgets.time_charts import ShareTrendChart, StackedShareChart

SIZE = (900, 700)
RUNS = 7
FIRST = date(2025, 11, 24)  # a Monday
_KINDS = [
    (Category.DIRECT, "visit", 90), (Category.DIRECT, "call", 15), (Category.DIRECT, "email", 10),
    (Category.SUPPORT, "quote", 45), (Category.ADMIN, "order_entry", 40), (Category.ADMIN, "report", 30),
    (Category.MEETING, "internal_meeting", 60), (Category.TRAVEL, "travel", 50), (Category.TRAINING, "training", 90),
]  # fmt: skip


def make_entries(reps: int, weeks: int, seed: int = 7) -> list[TimeEntry]:
    rng = random.Random(seed)
    entries: list[TimeEntry] = []
    for rep in range(1, reps + 1):
        weights = [rng.uniform(0.5, 1.5) for _ in _KINDS]
        for day_index in range(weeks * 7):
            day = FIRST + timedelta(days=day_index)
            if day.weekday() >= 5:
                continue
            for category, code, minutes in rng.choices(_KINDS, weights, k=10):
                entries.append(TimeEntry(rep, day, minutes, category, code, "", None))
    return entries


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--shot", help="save the stacked chart as this PNG")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    entries = make_entries(args.reps, args.weeks)
    first, last = FIRST, FIRST + timedelta(days=args.weeks * 7 - 1)
    names = [f"销售{i:03d}" for i in range(1, args.reps + 1)]
    order = list(Category)
    titles = [CATEGORY_NAMES[c][1] for c in order]

    def figures() -> tuple[list[tuple[int, list[float]]], list[tuple[str, float]]]:
        per_rep = allocation_by_rep(entries)
        rows = sorted(((rep, [a.share(c) for c in order]) for rep, a in per_rep.items()), key=lambda r: -r[1][0])
        weeks = [(w.week_start.strftime("%m-%d"), w.share) for w in weekly_trend(entries, first, last)]
        return rows, weeks

    rows, weeks = figures()
    stacked = StackedShareChart()
    trend = ShareTrendChart()
    empty = pg.PlotWidget()
    for widget in (stacked, trend, empty):
        widget.resize(*SIZE)
        widget.show()
    app.processEvents()

    def draw_stacked() -> None:
        stacked.set_data([r for r, _ in rows], [names[r - 1] for r, _ in rows], titles, [s for _, s in rows], 0.22)
        app.processEvents()
        stacked.grab()

    def draw_trend() -> None:
        trend.set_data([w for w, _ in weeks], [s for _, s in weeks], 0.22)
        app.processEvents()
        trend.grab()

    def everything() -> None:
        nonlocal rows, weeks
        rows, weeks = figures()
        draw_stacked()
        draw_trend()

    baseline = median_ms(lambda: (empty.getPlotItem().update(), empty.grab()))
    results = [
        ("baseline: empty PlotWidget paint", baseline),
        (f"domain: shares + weekly trend ({len(entries):,} entries)", median_ms(figures, 3)),
        (f"stacked chart: set_data ({args.reps} reps) + paint", median_ms(draw_stacked)),
        (f"trend chart: set_data ({args.weeks} weeks) + paint", median_ms(draw_trend)),
        ("both charts: set_data + paint (target < 200 ms)", median_ms(lambda: (draw_stacked(), draw_trend()))),
        ("data -> figures -> both charts painted", median_ms(everything, 3)),
    ]
    width = max(len(name) for name, _ in results)
    print(f"{'name':<{width}}  {'ms':>9}  {'ratio':>7}")
    for name, ms in results:
        print(f"{name:<{width}}  {ms:9.1f}  {ms / baseline:7.1f}")
    if args.shot:
        stacked.grab().save(args.shot)


if __name__ == "__main__":
    main()
