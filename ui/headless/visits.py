"""Headless visit-plan command: print a rep's visit schedule (拜访计划) to PDF, or export it to Excel.

    uv run app.py print visit-schedule --rep NAME --week 2026-W48 -o FILE.pdf [--database DB]
    uv run app.py print visit-schedule --rep E01 --month 2026-11 -o FILE.xlsx

The rep is found by name or employee number. A period in which the rep has no planned visits is
planned first (as the page's "Generate" does) and stdout says so. The printout is in the console's
language. Exit code 0 with one summary line on stdout; 1 with one translated line on stderr for an
unknown rep or a period that cannot be read (then nothing was planned or written).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from domain.visits import PeriodError, Schedule, parse_month, parse_week
from storage import visits as repo
from storage.db import Database
from storage.visit_exchange import export_schedule
from ui.headless import fail
from ui.labels import ui_language
from ui.printing import save_pdf
from ui.visit_schedule import schedule_render, schedule_title


def print_visit_schedule(db: Database, args: argparse.Namespace) -> int:
    period = args.week or args.month
    try:
        first, last = parse_week(args.week) if args.week else parse_month(args.month)
    except PeriodError:
        if args.week:
            return fail(
                QCoreApplication.translate(
                    "headless_visits", "--week must be an ISO week such as 2026-W48, not {text}."
                ).format(text=period)
            )
        return fail(
            QCoreApplication.translate(
                "headless_visits", "--month must be YYYY-MM such as 2026-11, not {text}."
            ).format(text=period)
        )
    language = ui_language()
    chinese = language == "zh"
    with db.transaction() as session:
        rep_id = repo.rep_by_name(session, args.rep)
        if rep_id is None:
            return fail(
                QCoreApplication.translate(
                    "headless_visits",
                    "No rep is called {rep} (name or employee number); check the spelling in the console's rep list.",
                ).format(rep=args.rep)
            )
        schedule = repo.schedule(session, rep_id, first, last, chinese)
        unknown = repo.rep_days(session, rep_id, first, last, chinese).unknown_years
    if unknown:
        print(
            QCoreApplication.translate(
                "headless_visits",
                "Warning: the holiday calendar does not cover {years} yet; public holidays there are not left out.",
            ).format(years=", ".join(str(y) for y in unknown)),
            file=sys.stderr,
        )
    if schedule.visit_count == 0:
        with db.transaction() as session:
            planned = repo.generate(session, rep_id, first, last, date.today())
        print(
            QCoreApplication.translate(
                "headless_visits", "{rep} had no visits planned in {period}; planned {count} visits first."
            ).format(rep=schedule.rep, period=period, count=planned.created)
        )
        with db.transaction() as session:
            schedule = repo.schedule(session, rep_id, first, last, chinese)
    output = Path(args.output)
    if output.suffix.lower() == ".xlsx":
        try:
            export_schedule(schedule, output, language=language)
        except OSError as exc:
            return fail(
                QCoreApplication.translate("headless_visits", "{file} could not be written: {error}").format(
                    file=output, error=exc.strerror or exc
                )
            )
    else:
        try:
            render = schedule_render(schedule, language)
            save_pdf(output, render, landscape=False, title=schedule_title(schedule, language))
        except OSError as exc:  # save_pdf's message is already a sentence for the user
            return fail(str(exc))
    print(summary_line(output, schedule))
    return 0


def summary_line(output: Path, schedule: Schedule) -> str:
    days = sum(1 for d in schedule.days if d.visits)
    return QCoreApplication.translate("headless_visits", "{file}: {count} visits over {days} days").format(
        file=output, count=schedule.visit_count, days=days
    )
