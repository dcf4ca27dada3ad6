"""Benchmark of the kanban board with many cards, run by hand:

    uv run python bench/pipeline_board.py

Prints times and ratios against a baseline measured in the same run: painting the board with no
cards.  With a QListView per column and a painting delegate, only the cards on screen cost
anything, so a board of 5,000 cards should paint within a few times the empty board, and a
scroll step or a card moved between columns should stay well under a frame (16 ms).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from widgets.kanban import KanbanBoard, KanbanCard

COLUMNS = [(f"s{i}", f"Stage {i}") for i in range(6)]


def cards(count: int) -> list[KanbanCard]:
    rng = random.Random(7)
    return [
        KanbanCard(
            id=i, column=rng.choice(COLUMNS)[0], title=f"深圳市第{i}号智能装备有限公司", subtitle="产线自动化改造项目",
            amount=f"¥{rng.randint(30, 9000) * 1000:,}", owner="张伟", due="2027-03-31", age=f"{rng.randint(0, 90)} d",
            value=rng.random(), warn_age=rng.random() < 0.1,
        )
        for i in range(count)
    ]  # fmt: skip


def median_ms(fn: Callable[[], object], repeat: int = 7) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    board = KanbanBoard(COLUMNS, summarise=lambda c: f"{len(c)}")
    board.resize(1400, 900)
    board.show()
    app.processEvents()
    baseline = median_ms(board.grab)
    rows = [("paint, empty board (baseline)", baseline)]
    for count in (300, 1000, 5000):
        deck = cards(count)
        rows.append((f"set_cards, {count:,} cards", median_ms(lambda deck=deck: board.set_cards(deck), 3)))
        rows.append((f"paint, {count:,} cards", median_ms(board.grab)))
        view = board.view("s0")
        bar = view.verticalScrollBar()
        rows.append((f"scroll one page and repaint, {count:,} cards",
                     median_ms(lambda bar=bar, view=view: (bar.setValue(bar.value() + view.height()), view.viewport().repaint()))))  # noqa: E501  # fmt: skip
        moving = board.card_ids("s1")[0]
        rows.append((f"move a card to another column, {count:,} cards",
                     median_ms(lambda moving=moving: board.move_card(moving, rng_column()))))  # fmt: skip
    width = max(len(name) for name, _ in rows)
    print(f"{'measurement':<{width}}  {'ms':>8}  {'ratio':>6}")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:8.2f}  {ms / baseline:6.2f}")


_turn = [0]


def rng_column() -> str:
    _turn[0] += 1
    return COLUMNS[_turn[0] % len(COLUMNS)][0]


if __name__ == "__main__":
    main()
