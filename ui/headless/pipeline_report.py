"""Headless pipeline report for IT automation: the open deals per stage with their forecast by month.

    uv run app.py report pipeline --json [--database DB]

Prints a JSON list, one object per stage in stage order (all six, empty ones too):
``stage`` (the Chinese stage name, 客户开发 … 工程实施), ``count`` (open deals), ``amount`` and
``weighted_amount`` (yuan, as decimal strings with two decimals, e.g. "1234.50", exact: the
database holds fen), and ``forecast``: the stage's deals by month of expected close, earliest
first, each ``{"month": "YYYY-MM", "amount": …, "weighted_amount": …}`` (a deal without an expected
close is in its stage's totals but in no month).  A weighted amount is the sum of the deals' own
weighted amounts, each rounded to the fen.  The figures are the Pipeline dashboard's
(:mod:`domain.pipeline_analytics`).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from domain.pipeline import STAGE_CHINESE
from domain.pipeline_analytics import by_stage
from storage.customers import from_fen
from storage.db import Database
from storage.pipeline import load_settings
from storage.pipeline_stats import open_deals


def _yuan(fen: int) -> str:
    return f"{from_fen(fen):.2f}"


def report_pipeline(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        deals = open_deals(session)
        settings = load_settings(session)
    report: list[dict[str, Any]] = [
        {
            "stage": STAGE_CHINESE[row.total.stage],
            "count": row.total.deals,
            "amount": _yuan(row.total.amount_fen),
            "weighted_amount": _yuan(row.total.weighted_fen),
            "forecast": [
                {"month": m.month, "amount": _yuan(m.amount_fen), "weighted_amount": _yuan(m.weighted_fen)}
                for m in row.forecast
            ],
        }
        for row in by_stage(deals, settings)
    ]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0
