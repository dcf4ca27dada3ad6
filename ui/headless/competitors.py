"""Headless intelligence commands: import and export competitor intelligence (竞争对手情报).

    uv run app.py import intelligence FILE.xlsx [--sheet NAME] [--database DB]
    uv run app.py export intelligence -o FILE.xlsx [--database DB]

Exit code 0 with one summary line on stdout; 1 with one translated line on stderr when the file
cannot be read or has problems (then nothing was imported).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from storage import intelligence_exchange as exchange
from storage.db import Database
from ui.headless import run_import
from ui.labels import ui_language


def import_intelligence(db: Database, args: argparse.Namespace) -> int:
    path = Path(args.file)

    def do_import() -> exchange.IntelligenceImportSummary:
        preview = exchange.preview_import(path, sheet=getattr(args, "sheet", None))
        return exchange.import_intelligence(db, path, preview.sheet, preview.header_row, preview.mapping)

    return run_import(path, do_import, summary_text)


def summary_text(summary: exchange.IntelligenceImportSummary) -> str:
    text = QCoreApplication.translate("intelligence", "Imported {count} intelligence entries.").format(
        count=summary.created
    )
    if summary.new_competitors:
        text += " " + QCoreApplication.translate("intelligence", "New competitors ({count}): {names}.").format(
            count=len(summary.new_competitors), names="、".join(summary.new_competitors)
        )
    return text


def export_intelligence(db: Database, args: argparse.Namespace) -> int:
    count = exchange.export_intelligence(db, Path(args.output), language=ui_language())
    print(
        QCoreApplication.translate("intelligence", "Intelligence exported to {file}: {count} entries.").format(
            file=args.output, count=count
        )
    )
    return 0
