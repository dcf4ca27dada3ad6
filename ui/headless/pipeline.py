"""Headless pipeline commands for IT automation: import and export opportunities.

    uv run app.py import opportunities FILE.xlsx [--sheet NAME] [--database DB]
    uv run app.py export opportunities -o FILE.xlsx [--database DB]

Exit code 0 on success with one summary line on stdout; 1 with one translated line on stderr
when the file cannot be read or has problems (then nothing was imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from storage import opportunity_exchange as exchange
from storage.db import Database
from ui.headless import run_import
from ui.labels import ui_language


def import_opportunities(db: Database, args: argparse.Namespace) -> int:
    path = Path(args.file)

    def do_import() -> exchange.OpportunityImportSummary:
        preview = exchange.preview_import(path, sheet=getattr(args, "sheet", None))
        return exchange.import_opportunities(db, path, preview.sheet, preview.header_row, preview.mapping)

    return run_import(path, do_import, summary_text)


def summary_text(summary: exchange.OpportunityImportSummary) -> str:
    """What an import did, in one sentence or three: counts, new customers, new competitors."""
    text = QCoreApplication.translate(
        "pipeline", "Imported: {created} created, {updated} updated, {unchanged} unchanged."
    ).format(created=summary.created, updated=summary.updated, unchanged=summary.unchanged)
    if summary.new_customers:
        text += " " + QCoreApplication.translate("pipeline", "New potential customers ({count}): {names}.").format(
            count=len(summary.new_customers), names="、".join(summary.new_customers)
        )
    if summary.new_competitors:
        text += " " + QCoreApplication.translate("pipeline", "New competitors ({count}): {names}.").format(
            count=len(summary.new_competitors), names="、".join(summary.new_competitors)
        )
    return text


def export_opportunities(db: Database, args: argparse.Namespace) -> int:
    count = exchange.export_opportunities(db, Path(args.output), language=ui_language())
    print(
        QCoreApplication.translate("pipeline", "Opportunities exported to {file}: {count}.").format(
            file=args.output, count=count
        )
    )
    return 0
