"""Headless activity commands for IT automation:

    uv run app.py import activities FILE.xlsx [--sheet NAME]
    uv run app.py report time-allocation --from 2026-10-01 --to 2026-10-31 --json

The import is all or nothing, like the wizard's. It cannot ask what an unknown type word means:
words that map by default (拜访, 电话, 例会 …) or were taught in the wizard import; any other word
stops the import with one line listing them.

The report is a JSON list, one object per rep (active reps and anyone with activities in the
period, by rep id): ``rep`` (name), ``employee_no``, ``hours`` (each category code → hours, rounded
to 2 places), ``total_hours``, and ``direct_selling_share``: direct-selling minutes / all logged
minutes as a fraction 0..1 rounded to 4 places (0 for a rep with nothing logged).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from domain.time_allocation import Allocation, allocation_by_rep
from storage import activities as repo
from storage import activity_exchange as exchange
from storage.db import Database
from storage.exchange import ImportFailed, UnreadableFile
from ui.import_messages import describe_issue


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def import_activities(db: Database, args: argparse.Namespace) -> int:
    path = Path(args.file)
    try:
        preview = exchange.preview_import(path, sheet=args.sheet)
        unknown = exchange.unknown_labels(db, path, preview.sheet, preview.header_row, preview.mapping)
        if unknown:
            return _fail(
                QCoreApplication.translate(
                    "activities",
                    "{file}: activity types not known: {labels}. Nothing imported; map them once in the import "
                    "wizard (Activities → Import activities…) or add them to the type table, then import again.",
                ).format(file=path.name, labels="、".join(unknown))
            )
        summary = exchange.import_activities(db, path, preview.sheet, preview.header_row, preview.mapping)
    except ImportFailed as exc:
        return _fail(
            QCoreApplication.translate(
                "activities", "{file}: {count} problems, nothing imported. First: {problem}"
            ).format(file=path.name, count=len(exc.issues), problem=describe_issue(exc.issues[0]))
        )
    except UnreadableFile as exc:
        return _fail(
            QCoreApplication.translate("activities", "{file}: cannot be read: {reason}").format(
                file=path.name, reason=exc.reason
            )
        )
    line = QCoreApplication.translate(
        "activities", "Imported {file}: {created} activities added, {updated} updated, {unchanged} unchanged."
    ).format(file=path.name, created=summary.created, updated=summary.updated, unchanged=summary.unchanged)
    if summary.unlinked_customers:
        line += " " + QCoreApplication.translate(
            "activities", "Not linked to a customer (name not found): {names}."
        ).format(names="、".join(summary.unlinked_customers))
    print(line)
    return 0


def _day(text: str | None, default: date) -> date:
    return date.fromisoformat(text) if text else default


def report_time_allocation(db: Database, args: argparse.Namespace) -> int:
    today = date.today()
    try:
        first = _day(args.date_from, today.replace(day=1))
        last = _day(args.date_to, today)
    except ValueError:
        return _fail(
            QCoreApplication.translate("activities", "--from and --to must be dates as YYYY-MM-DD, e.g. 2026-10-01.")
        )
    if last < first:
        return _fail(QCoreApplication.translate("activities", "--to must not be before --from."))
    with db.transaction() as session:
        entries = repo.entries(session, first, last)
        reps = repo.rep_rows(session)
    per_rep = allocation_by_rep(entries)
    empty = Allocation({})
    report = []
    for rep in reps:
        if not rep.active and rep.id not in per_rep:
            continue
        allocation = per_rep.get(rep.id, empty)
        report.append(
            {
                "rep": rep.name,
                "employee_no": rep.employee_no,
                "hours": allocation.hours(),
                "total_hours": round(allocation.total / 60, 2),
                "direct_selling_share": round(allocation.direct_share, 4),
            }
        )
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0
