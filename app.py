"""Composition root of the sales console: arguments, database, Qt application, main window,
and the headless commands (import / export / report) for IT automation and tests.

    uv run app.py                         # the console on the default local database
    uv run app.py --demo                  # the sample workspace (its own file)
    uv run app.py --database other.db     # another SQLite file or any SQLAlchemy URL
    uv run app.py import customers FILE.xlsx
    uv run app.py export customers -o FILE.xlsx
    uv run app.py report customers --json
    uv run app.py import attendance|opportunities|intelligence|activities FILE.xlsx
    uv run app.py report attendance --month 2026-10 --json
    uv run app.py report pipeline --json
    uv run app.py report time-allocation --from 2026-10-01 --to 2026-10-31 --json
    uv run app.py print visit-schedule --rep NAME --week 2026-W48 -o FILE.pdf
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QSettings, QStandardPaths, QTranslator

from storage.db import Database, DatabaseError, DatabaseTooNew, open_database

ORGANISATION = "SalesConsole"
APPLICATION = "SalesConsole"
TRANSLATIONS = Path(__file__).resolve().parent / "resources" / "translations"
log = logging.getLogger("console")


def data_folder() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    return data_folder() / "console.sqlite3"


def sample_database() -> Path:
    return data_folder() / "sample-workspace.sqlite3"


def install_translator(app: QCoreApplication, language: str) -> QTranslator | None:
    """zh_CN or English: the saved choice, else the system locale."""
    if not language:
        language = "zh_CN" if QLocale.system().name().startswith("zh") else "en"
    app.setProperty("ui_language", "zh" if language.startswith("zh") else "en")
    if language == "en":
        return None
    translator = QTranslator(app)
    if translator.load(f"console_{language}", str(TRANSLATIONS)):
        app.installTranslator(translator)
        qt_translator = QTranslator(app)
        from PySide6.QtCore import QLibraryInfo

        if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_translator)
        return translator
    return None


def setup_logging() -> None:
    logging.basicConfig(
        filename=str(data_folder() / "console.log"),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="app.py", description="Sales manager's console")
    parser.add_argument("--database", help="SQLite file or SQLAlchemy URL (default: the per-user database)")
    parser.add_argument("--demo", action="store_true", help="open the sample workspace")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language for this run")
    commands = parser.add_subparsers(dest="command")
    imp = commands.add_parser("import", help="import a register from an Excel workbook")
    imp.add_argument("register", choices=["customers", "attendance", "opportunities", "intelligence", "activities"])
    imp.add_argument("file")
    imp.add_argument("--sheet")
    imp.add_argument("--add-unknown", action="store_true", help="attendance: add people no rep matches as new reps")
    imp.add_argument("--database", dest="sub_database")
    exp = commands.add_parser("export", help="export a register to an Excel workbook")
    exp.add_argument("register", choices=["customers", "opportunities", "intelligence"])
    exp.add_argument("-o", "--output", required=True)
    exp.add_argument("--database", dest="sub_database")
    rep = commands.add_parser("report", help="print a report")
    rep.add_argument("register", choices=["customers", "attendance", "pipeline", "time-allocation"])
    rep.add_argument("--month", help="attendance: YYYY-MM")
    rep.add_argument("--from", dest="date_from", help="time-allocation: first day, YYYY-MM-DD")
    rep.add_argument("--to", dest="date_to", help="time-allocation: last day, YYYY-MM-DD")
    rep.add_argument("--json", action="store_true", required=True)
    rep.add_argument("--as-of", help="classification date, YYYY-MM-DD (default: today)")
    rep.add_argument("--database", dest="sub_database")
    prt = commands.add_parser("print", help="print a document to PDF")
    prt.add_argument("document", choices=["visit-schedule"])
    prt.add_argument("--rep", required=True, help="the rep's name or employee number")
    period = prt.add_mutually_exclusive_group(required=True)
    period.add_argument("--week", help="ISO week, e.g. 2026-W48")
    period.add_argument("--month", help="YYYY-MM")
    prt.add_argument("-o", "--output", required=True)
    prt.add_argument("--database", dest="sub_database")
    return parser.parse_args(list(argv))


def open_chosen_database(args: argparse.Namespace) -> Database:
    target = getattr(args, "sub_database", None) or args.database
    if args.demo:
        target = str(sample_database())
    return open_database(target or default_database())


def database_message(exc: DatabaseError) -> str:
    if isinstance(exc, DatabaseTooNew):
        return QCoreApplication.translate(
            "app", "This database was written by a newer version of the console (revision {rev}); update the console."
        ).format(rev=str(exc))
    return QCoreApplication.translate("app", "The database cannot be opened: {error}").format(error=str(exc))


# --- headless commands -------------------------------------------------------------
HEADLESS: dict[tuple[str, str], tuple[str, str]] = {
    ("import", "opportunities"): ("ui.headless.pipeline", "import_opportunities"),
    ("export", "opportunities"): ("ui.headless.pipeline", "export_opportunities"),
    ("report", "pipeline"): ("ui.headless.pipeline_report", "report_pipeline"),
    ("import", "intelligence"): ("ui.headless.competitors", "import_intelligence"),
    ("export", "intelligence"): ("ui.headless.competitors", "export_intelligence"),
    ("import", "activities"): ("ui.headless.activities", "import_activities"),
    ("report", "time-allocation"): ("ui.headless.activities", "report_time_allocation"),
    ("print", "visit-schedule"): ("ui.headless.visits", "print_visit_schedule"),
}
"""Commands each register implements in its own module as ``fn(db, args) -> exit code``."""


def headless_handler(args: argparse.Namespace) -> Callable[[Database, argparse.Namespace], int] | None:
    target = HEADLESS.get((args.command, getattr(args, "register", None) or getattr(args, "document", "")))
    if target is None:
        return None
    module, name = target
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def run_command(args: argparse.Namespace) -> int:
    try:
        db = open_chosen_database(args)
    except DatabaseError as exc:
        print(database_message(exc), file=sys.stderr)
        return 2
    try:
        if args.command == "import" and args.register == "attendance":
            return import_attendance(db, Path(args.file), args.sheet, args.add_unknown)
        if args.command == "report" and args.register == "attendance":
            return report_attendance(db, args.month)
        handler = headless_handler(args)
        if handler is not None:
            return handler(db, args)
        if args.command == "import":
            from storage import customer_exchange as exchange
            from storage.exchange import ImportFailed, UnreadableFile
            from ui.import_messages import describe_issue

            path = Path(args.file)
            try:
                preview = exchange.preview_import(path, sheet=args.sheet)
                summary = exchange.import_customers(db, path, preview.sheet, preview.header_row, preview.mapping)
            except ImportFailed as exc:
                first = exc.issues[0]
                print(
                    QCoreApplication.translate(
                        "app", "{file}: {count} problems, nothing imported. First: {problem}"
                    ).format(file=path.name, count=len(exc.issues), problem=describe_issue(first)),
                    file=sys.stderr,
                )
                return 1
            except UnreadableFile as exc:
                print(
                    QCoreApplication.translate("app", "{file}: cannot be read: {reason}").format(
                        file=path.name, reason=exc.reason
                    ),
                    file=sys.stderr,
                )
                return 1
            print(
                QCoreApplication.translate(
                    "app", "Imported {file}: {created} created, {updated} updated, {unchanged} unchanged."
                ).format(file=path.name, created=summary.created, updated=summary.updated, unchanged=summary.unchanged)
            )
            return 0
        if args.command == "export":
            from storage import customer_exchange as exchange
            from ui.labels import ui_language

            count = exchange.export_customers(db, Path(args.output), language=ui_language())
            print(
                QCoreApplication.translate("app", "Customers exported to {file}: {count}.").format(
                    count=count, file=args.output
                )
            )
            return 0
        if args.command == "report":
            from storage.customers import overview

            as_of = date.fromisoformat(args.as_of) if args.as_of else None
            with db.transaction() as session:
                data = overview(session, as_of=as_of)
            report = []
            for row in data.rows:
                facts = data.facts.get(row.id)
                cls = data.classes.get(row.id)
                report.append(
                    {
                        "id": row.id,
                        "name": row.name,
                        "status": row.status,
                        "abc_class": cls.abc.value if cls else None,
                        "value_class": cls.value.value if cls else None,
                        "grade": cls.grade if cls else None,
                        "score": cls.score if cls else None,
                        "annual_amount": str(facts.annual_amount) if facts else "0.00",
                        "orders_per_year": facts.orders_per_year if facts else 0,
                    }
                )
            json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
            print()
            return 0
    except OSError as exc:
        print(QCoreApplication.translate("app", "File problem: {error}").format(error=exc), file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback for the user; the detail goes to the log
        log.exception("Command failed")
        print(QCoreApplication.translate("app", "The command failed: {error}").format(error=exc), file=sys.stderr)
        return 1
    finally:
        db.close()
    return 2


def import_attendance(db: Database, path: Path, sheet: str | None, add_unknown: bool) -> int:
    from storage.attendance_import import ADD_NEW, AttendanceImportFailed, UnreadableWorkbook, apply_plan, plan_import
    from ui.import_messages import evaluated_months
    from ui.labels import names_and_more

    try:
        plan = plan_import(db, path, sheet)
    except UnreadableWorkbook as exc:
        print(
            QCoreApplication.translate("app", "{file}: cannot be read: {reason}").format(
                file=path.name, reason=exc.reason
            ),
            file=sys.stderr,
        )
        return 1
    resolutions = {person: ADD_NEW for person in plan.unknown} if add_unknown else {}
    try:
        summary = apply_plan(db, plan, resolutions)
    except AttendanceImportFailed as exc:
        if exc.problems:
            p = exc.problems[0]
            message = QCoreApplication.translate(
                "app",
                "{file}: {count} cells cannot be read, nothing imported. First: sheet {sheet}, row {row}, column {column}: {value} ({reason}).",  # noqa: E501
            ).format(
                file=path.name,
                count=len(exc.problems),
                sheet=p.sheet,
                row=p.row,
                column=p.column,
                value=p.value,
                reason=p.reason,
            )
        else:
            names = names_and_more([name or number for name, number in exc.unknown])
            message = QCoreApplication.translate(
                "app",
                "{file}: no rep matches {names}; nothing imported. Add them with --add-unknown or map them in the console.",  # noqa: E501
            ).format(file=path.name, names=names)
        print(message, file=sys.stderr)
        return 1
    print(
        QCoreApplication.translate(
            "app",
            "Imported {file}: {added} days added, {replaced} replaced, {unchanged} unchanged; {people} people added.",
        ).format(
            file=path.name,
            added=summary.added,
            replaced=summary.replaced,
            unchanged=summary.unchanged,
            people=summary.people_added,
        )
    )
    for line in evaluated_months(summary.evaluated):
        print(line)
    return 0


def report_attendance(db: Database, month: str | None) -> int:
    from storage.attendance import ledger

    if month is None:
        today = date.today()
        year, number = today.year, today.month
    else:
        try:
            year, number = (int(x) for x in month.split("-"))
            date(year, number, 1)
        except ValueError:
            print(QCoreApplication.translate("app", "--month must be YYYY-MM, e.g. 2026-10."), file=sys.stderr)
            return 2
    with db.transaction() as session:
        data = ledger(session, year, number)
    report = [
        {"employee": row.name, "employee_no": row.employee_no, **row.summary.report_fields()}
        for row in data.rows
        if row.days
    ]
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


# --- the console -------------------------------------------------------------------
def run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    settings = QSettings()
    install_translator(app, args.lang or str(settings.value("ui/language", "")))  # type: ignore[arg-type]
    try:
        db = open_chosen_database(args)
    except DatabaseError as exc:
        QMessageBox.critical(None, QCoreApplication.translate("app", "Sales console"), database_message(exc))
        return 2

    windows: list[MainWindow] = []

    def show(database: Database, sample: bool) -> None:
        window = MainWindow(database, settings)
        window.openSampleRequested.connect(open_sample)
        if sample:
            window.populate_sample_if_empty()
        window.show()
        for old in windows:
            old.close()
            old.db.close()
        windows[:] = [window]

    def open_sample() -> None:
        try:
            show(open_database(sample_database()), sample=True)
        except DatabaseError as exc:
            QMessageBox.critical(None, QCoreApplication.translate("app", "Sales console"), database_message(exc))

    show(db, sample=args.demo)
    return app.exec()


def main(argv: Sequence[str] | None = None) -> int:
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    if args.command == "print":
        # Printing lays out text with fonts, which needs a GUI application; no screen is needed.
        from PySide6.QtGui import QGuiApplication

        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        gui = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        install_translator(gui, args.lang or str(QSettings().value("ui/language", "")))  # type: ignore[arg-type]
        return run_command(args)
    if args.command:
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
        install_translator(app, args.lang or str(QSettings().value("ui/language", "")))  # type: ignore[arg-type]
        return run_command(args)
    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
