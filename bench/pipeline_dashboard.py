"""Benchmark of the Pipeline dashboard with 20,000 opportunities and five years of stage history,
run by hand:

    uv run python bench/pipeline_dashboard.py [--keep PATH]

Generates the data with bulk Core inserts into a temporary SQLite file (reps, customers,
competitors, opportunities, about 100,000 stage changes, activities on the open deals), then
measures, against the first paint of an empty pyqtgraph PlotWidget in the same run:

- first paint: construct the dashboard, load on the worker, and paint every chart and the table;
- refresh after one change: one deal moved to the next stage (as the board moves it), then
  ``refresh()`` until the new figures are shown and the event loop has repainted the charts that
  changed (target: under 100 ms);
- the parts of a load: the queries and the figures.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, insert, select

from domain.pipeline import STAGES, PipelineSettings, Stage, nodes_needed
from domain.pipeline_analytics import pipeline_figures
from storage import pipeline as repo
from storage.db import Database, open_database
from storage.models import (
    Activity,
    ActivityType,
    Competitor,
    Customer,
    Opportunity,
    OpportunityCompetitor,
    Rep,
    StageChange,
)
from storage.pipeline_stats import PipelineStats, load_dashboard

OPPORTUNITIES = 20_000
YEARS = 5
REPS = 30
CUSTOMERS = 4_000
COMPETITORS = ("西门子", "罗克韦尔", "施耐德电气", "ABB", "三菱电机", "欧姆龙", "汇川技术", "和利时")
STAGE_DAYS = (24, 20, 28, 30, 26, 50)
LOSS_CHANCE = (0.15, 0.10, 0.14, 0.25, 0.10, 0.02)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def generate(path: Path, opportunities: int = OPPORTUNITIES, as_of: date | None = None, seed: int = 7) -> Database:
    """A pipeline of ``opportunities`` deals created over five years up to ``as_of`` (today)."""
    as_of = as_of or date.today()
    rng = random.Random(seed)
    now = datetime.now()
    db = open_database(path)
    first_day = as_of - timedelta(days=365 * YEARS)
    reps = [
        {"id": i + 1, "name": SURNAMES[i % 20] + GIVEN[(i * 7) % 20] + ("" if i < 20 else "二")} for i in range(REPS)
    ]
    customers = [
        {"id": i + 1, "name": f"{('华东', '华南', '华北', '西南')[i % 4]}第{i + 1}精密机械有限公司",
         "status": "closed", "created_at": now, "updated_at": now}
        for i in range(CUSTOMERS)
    ]  # fmt: skip
    competitors = [
        {"id": i + 1, "name": name, "created_at": now, "updated_at": now} for i, name in enumerate(COMPETITORS)
    ]
    deals: list[dict[str, object]] = []
    changes: list[dict[str, object]] = []
    involved: list[dict[str, object]] = []
    activities: list[dict[str, object]] = []
    for oid in range(1, opportunities + 1):
        created = first_day + timedelta(days=rng.randrange(365 * YEARS))
        slow = 4.0 if rng.random() < 0.12 else 1.0  # a few deals sit far longer than usual
        day, order, status, closed_on, winner = created, 0, "open", None, None
        changes.append({"opportunity_id": oid, "changed_on": day, "from_stage": None, "to_stage": STAGES[0].value})
        while True:
            stay = max(1, round(STAGE_DAYS[order] * slow * math.exp(rng.gauss(0, 0.6))))
            if day + timedelta(days=stay) > as_of:
                break
            day += timedelta(days=stay)
            if rng.random() < LOSS_CHANCE[order]:
                status, closed_on = "lost", day
                winner = rng.randrange(len(COMPETITORS)) + 1 if rng.random() < 0.7 else None
            elif order == len(STAGES) - 1:
                status, closed_on = "won", day
            if status != "open":
                changes.append({"opportunity_id": oid, "changed_on": day, "from_stage": STAGES[order].value,
                                "to_stage": status})  # fmt: skip
                break
            step = 2 if order < 4 and rng.random() < 0.08 else 1
            changes.append({"opportunity_id": oid, "changed_on": day, "from_stage": STAGES[order].value,
                            "to_stage": STAGES[order + step].value})  # fmt: skip
            order += step
        amount = int(min(18_000_000, max(30_000, 380_000 * math.exp(rng.gauss(0, 0.95)))) // 1000 * 1000 * 100)
        expected = day + timedelta(days=rng.randrange(20, 240)) if status == "open" else closed_on
        deals.append({
            "id": oid, "customer_id": rng.randrange(CUSTOMERS) + 1, "name": f"产线自动化改造项目{oid}",
            "owner_id": rng.randrange(REPS) + 1, "amount_fen": amount, "expected_close": expected,
            "stage": STAGES[order].value, "status": status, "winner_id": winner, "closed_on": closed_on,
            "created_on": created, "updated_at": now,
        })  # fmt: skip
        for competitor in rng.sample(range(1, len(COMPETITORS) + 1), rng.choice((0, 1, 1, 2, 3))):
            involved.append({"opportunity_id": oid, "competitor_id": competitor})
        if status == "open":
            for _ in range(rng.randrange(4)):
                activities.append({
                    "rep_id": deals[-1]["owner_id"], "day": as_of - timedelta(days=rng.randrange(120)), "minutes": 60,
                    "type_id": 1, "opportunity_id": oid, "created_at": now,
                })  # fmt: skip
    with db.engine.begin() as connection:
        for table, rows in (
            (Rep, reps),
            (Customer, customers),
            (Competitor, competitors),
            (Opportunity, deals),
            (StageChange, changes),
            (OpportunityCompetitor, involved),
            (ActivityType, [{"id": 1, "code": "visit", "name": "拜访", "category": "direct"}]),
            (Activity, activities),
        ):
            connection.execute(insert(table), rows)
    return db


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def move_one_deal(db: Database, turn: list[int]) -> None:
    """Move an open deal one stage on (from the last stage back to the first), as the board does."""
    with db.transaction() as session:
        deals = session.execute(
            select(Opportunity.id, Opportunity.stage).where(Opportunity.status == "open").order_by(Opportunity.id)
        ).all()
        oid, stage = deals[turn[0] % len(deals)]
        turn[0] += 7
        source = Stage(stage)
        target = STAGES[(source.order + 1) % len(STAGES)]
        confirmed = {node: date.today() for node in nodes_needed(source, target, PipelineSettings())}
        repo.move_stage(session, oid, target, date.today(), confirmed=confirmed)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="write the generated database here (replacing it) and keep it")
    args = parser.parse_args()

    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from ui.pipeline_dashboard import PipelineDashboard

    app = QApplication.instance() or QApplication(sys.argv)
    folder = tempfile.TemporaryDirectory()
    path = Path(args.keep) if args.keep else Path(folder.name) / "bench.sqlite3"
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    started = time.perf_counter()
    db = generate(path)
    with db.engine.connect() as connection:
        counts = [connection.scalar(select(func.count()).select_from(t)) for t in (Opportunity, StageChange)]
    print(
        f"generated {counts[0]:,} opportunities, {counts[1]:,} stage changes in {time.perf_counter() - started:.1f} s"
    )

    def empty_plot() -> None:
        plot = pg.PlotWidget()
        plot.resize(600, 400)
        plot.show()
        plot.grab()
        plot.close()
        plot.deleteLater()

    empty_plot()  # warm up fonts and pyqtgraph
    baseline = median_ms(empty_plot, 7)
    rows = [("first paint, empty PlotWidget (baseline)", baseline)]

    today = date.today()
    with db.transaction() as session:
        rows.append(("load: queries, everything", median_ms(lambda: load_dashboard(session, today))))
        data = load_dashboard(session, today)
    rows.append(
        (
            "load: figures",
            median_ms(lambda: pipeline_figures(data.open_deals, data.tally, data.closed, data.settings, today)),
        )
    )
    stats = PipelineStats()
    with db.transaction() as session:
        stats.load(session, today)
    turn = [0]

    def changed_load() -> None:
        move_one_deal(db, turn)
        start = time.perf_counter()
        with db.transaction() as session:
            stats.load(session, today)
        times.append((time.perf_counter() - start) * 1000)

    times: list[float] = []
    for _ in range(5):
        changed_load()
    rows.append(("load: queries after one deal moved (re-reads that deal)", statistics.median(times)))

    def wait_loaded(widget: PipelineDashboard) -> None:
        while widget.loading:
            app.processEvents()
            time.sleep(0.0005)
        app.processEvents()

    def first_paint() -> None:
        widget = PipelineDashboard(db)
        widget.resize(1500, 950)
        widget.show()
        wait_loaded(widget)
        widget.grab()
        widget.close()
        widget.deleteLater()
        app.processEvents()

    first_paint()
    rows.append(("first paint: construct, load, paint all charts", median_ms(first_paint, 3)))

    dashboard = PipelineDashboard(db)
    dashboard.resize(1500, 950)
    dashboard.show()
    wait_loaded(dashboard)
    dashboard.grab()

    def refresh() -> None:
        dashboard.refresh()
        wait_loaded(dashboard)  # the event loop repaints what changed, as it does for the user

    rows.append(("refresh, nothing changed", median_ms(refresh, 7)))
    times = []
    for _ in range(9):
        move_one_deal(db, turn)
        start = time.perf_counter()
        refresh()
        times.append((time.perf_counter() - start) * 1000)
    rows.append(("refresh after one deal moved, repaint (target < 100 ms)", statistics.median(times)))

    width = max(len(name) for name, _ in rows)
    print(f"{'row':<{width}}  {'ms':>8}  {'ratio':>6}")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.1f}  {ms / baseline:6.2f}")
    dashboard.close()
    db.close()


if __name__ == "__main__":
    main()
