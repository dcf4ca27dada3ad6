"""The attendance register: stored person-days, rules settings, calendar overrides, the monthly
ledger, corrections with their audit trail, and applying an import in one transaction.

Stored days hold what the file said (punch times and status words); the rules are applied when
the ledger is read, so a change of shift or grace re-reads the history with the new settings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from typing import Any, Protocol, cast

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from domain.attendance import (
    AttendanceRules,
    DayEvaluator,
    DayResult,
    MonthSummary,
    WorkCalendar,
    summarise_month,
)
from storage.bulk import collector_paused
from storage.models import AttendanceCorrection, AttendanceDay, CalendarOverride, Rep, RepAlias, Setting

RULES_KEY = "attendance_rules"


# --------------------------------------------------------------------------- settings


def load_rules(session: Session) -> AttendanceRules:
    raw = session.scalar(select(Setting.value).where(Setting.key == RULES_KEY))
    defaults = AttendanceRules()
    if not raw:
        return defaults
    data = json.loads(raw)
    values = asdict(defaults)
    for key, value in data.items():
        if key not in values:
            continue
        if key in ("shift_start", "shift_end", "day_boundary"):
            value = time.fromisoformat(value)
        elif key == "weekend_days":
            value = frozenset(int(v) for v in value)
        values[key] = value
    return AttendanceRules(**values)


def save_rules(session: Session, rules: AttendanceRules) -> None:
    data = asdict(rules)
    for key in ("shift_start", "shift_end", "day_boundary"):
        data[key] = data[key].isoformat(timespec="minutes")
    data["weekend_days"] = sorted(rules.weekend_days)
    row = session.get(Setting, RULES_KEY)
    if row is None:
        session.add(Setting(key=RULES_KEY, value=json.dumps(data)))
    else:
        row.value = json.dumps(data)


def work_calendar(session: Session, rules: AttendanceRules) -> WorkCalendar:
    overrides = {o.day: o.working for o in session.scalars(select(CalendarOverride))}
    return WorkCalendar.for_rules(rules, overrides)


def set_override(session: Session, day: date, working: bool | None, note: str = "") -> None:
    """Make ``day`` a working day or a day off by hand; ``None`` returns it to the public calendar."""
    existing = session.get(CalendarOverride, day)
    if working is None:
        if existing is not None:
            session.delete(existing)
        return
    if existing is None:
        session.add(CalendarOverride(day=day, working=working, note=note))
    else:
        existing.working, existing.note = working, note


# --------------------------------------------------------------------------- stored days


def _punch_text(punches: Sequence[datetime]) -> str:
    # isoformat's positional arguments and a list: this runs for every person-day of an import.
    return " ".join([p.isoformat("T", "seconds") for p in sorted(punches)])


@dataclass(frozen=True)
class StoredDay:
    rep_id: int
    day: date
    punches: tuple[datetime, ...]
    status_text: str
    source: str


def stored_days(session: Session, first: date, last: date) -> list[StoredDay]:
    # Plain rows through the session's connection: the ORM's row loading cost as much as the query
    # for a month of a large sales force.  The flush keeps what session.execute would see.
    session.flush()
    query = (
        select(
            AttendanceDay.rep_id,
            AttendanceDay.day,
            AttendanceDay.punches,
            AttendanceDay.status_text,
            AttendanceDay.source,
        )
        .where(AttendanceDay.day >= first, AttendanceDay.day <= last)
        .order_by(AttendanceDay.day)
    )
    rows = session.connection().execute(query).all()
    parse = datetime.fromisoformat
    return [
        StoredDay(rep_id, day, tuple(map(parse, punches.split())), status, source)
        for rep_id, day, punches, status, source in rows
    ]


# --------------------------------------------------------------------------- the ledger


@dataclass
class LedgerRow:
    rep_id: int
    name: str
    employee_no: str
    days: dict[date, DayResult]
    stored: dict[date, StoredDay]
    summary: MonthSummary


@dataclass
class Ledger:
    year: int
    month: int
    rules: AttendanceRules
    calendar: WorkCalendar
    rows: list[LedgerRow] = field(default_factory=list)

    def month_days(self) -> list[date]:
        first = date(self.year, self.month, 1)
        return [date(self.year, self.month, d) for d in range(1, _month_end(first).day + 1)]


def _month_end(first: date) -> date:
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


@collector_paused()  # tens of thousands of person-days and their results
def ledger(session: Session, year: int, month: int, today: date | None = None) -> Ledger:
    """Every rep with attendance in the month (or active), their evaluated days and summary.

    A month still in progress does not count its missing working days as absent: they have not
    happened yet (or HR has not exported them).
    """
    today = today or date.today()
    rules = load_rules(session)
    calendar = work_calendar(session, rules)
    first = date(year, month, 1)
    last = _month_end(first)
    by_rep: dict[int, dict[date, StoredDay]] = {}
    for stored in stored_days(session, first, last):
        by_rep.setdefault(stored.rep_id, {})[stored.day] = stored
    reps = session.scalars(select(Rep).order_by(Rep.employee_no, Rep.name)).all()
    result = Ledger(year, month, rules, calendar)
    complete = last < today
    evaluate = DayEvaluator(calendar, rules).stored_day
    for rep in reps:
        days = by_rep.get(rep.id, {})
        if not days and not rep.active:
            continue
        evaluated = {day: evaluate(day, s.punches, s.status_text) for day, s in days.items()}
        summary = summarise_month(
            evaluated.values(), year, month, calendar, rules, missing_days_absent=complete and bool(days)
        )
        result.rows.append(LedgerRow(rep.id, rep.name, rep.employee_no, evaluated, days, summary))
    return result


# --------------------------------------------------------------------------- corrections


def correct_day(
    session: Session, rep_id: int, day: date, punches: Sequence[datetime], status_text: str, reason: str
) -> None:
    """Replace one person-day by hand; the old and new values and the reason go to the audit trail."""
    if not reason.strip():
        raise ValueError("a correction needs a reason")
    row = session.scalar(select(AttendanceDay).where(AttendanceDay.rep_id == rep_id, AttendanceDay.day == day))
    before = {"punches": row.punches, "status": row.status_text} if row is not None else {}
    now = datetime.now()
    if row is None:
        row = AttendanceDay(rep_id=rep_id, day=day)
        session.add(row)
    row.punches = _punch_text(punches)
    row.status_text = status_text.strip()
    row.source = "manual"
    row.updated_at = now
    after = {"punches": row.punches, "status": row.status_text}
    session.add(
        AttendanceCorrection(
            rep_id=rep_id,
            day=day,
            at=now,
            before=json.dumps(before, ensure_ascii=False),
            after=json.dumps(after, ensure_ascii=False),
            reason=reason.strip(),
        )
    )


def corrections(session: Session, rep_id: int, day: date) -> list[tuple[datetime, str, str, str]]:
    rows = session.scalars(
        select(AttendanceCorrection)
        .where(AttendanceCorrection.rep_id == rep_id, AttendanceCorrection.day == day)
        .order_by(AttendanceCorrection.at.desc(), AttendanceCorrection.id.desc())
    )
    return [(r.at, r.before, r.after, r.reason) for r in rows]


# --------------------------------------------------------------------------- matching people


class PersonRecord(Protocol):
    """What an importer hands over for one person-day (see storage.excel.attendance_reader)."""

    @property
    def employee_name(self) -> str: ...
    @property
    def employee_no(self) -> str | None: ...
    @property
    def day(self) -> date: ...
    @property
    def punches(self) -> Sequence[datetime]: ...
    @property
    def status_words(self) -> Sequence[str]: ...


def person_key(name: str, employee_no: str) -> str:
    return f"no:{employee_no.strip()}" if employee_no.strip() else f"name:{name.strip()}"


def match_people(session: Session, people: Iterable[tuple[str, str]]) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Reps for (name, employee no) pairs: by employee number, then a learned alias, then the name.

    Returns the matches by :func:`person_key` and the people nobody matched, for the user to map or add.
    """
    reps = session.scalars(select(Rep)).all()
    by_no = {r.employee_no.strip(): r.id for r in reps if r.employee_no.strip()}
    by_name: dict[str, list[int]] = {}
    for r in reps:
        by_name.setdefault(r.name.strip(), []).append(r.id)
    aliases = {a.alias: a.rep_id for a in session.scalars(select(RepAlias))}
    matched: dict[str, int] = {}
    unknown: list[tuple[str, str]] = []
    for name, number in dict.fromkeys(people):
        key = person_key(name, number)
        rep_id = by_no.get(number.strip()) if number.strip() else None
        rep_id = rep_id or aliases.get(key) or aliases.get(f"name:{name.strip()}")
        if rep_id is None and len(by_name.get(name.strip(), [])) == 1:
            rep_id = by_name[name.strip()][0]
        if rep_id is None:
            unknown.append((name, number))
        else:
            matched[key] = rep_id
    return matched, unknown


def remember_person(session: Session, name: str, employee_no: str, rep_id: int) -> None:
    """Learn that this person in HR files is this rep (used by the next month's import too)."""
    key = person_key(name, employee_no)
    alias = session.get(RepAlias, key)
    if alias is None:
        session.add(RepAlias(alias=key, rep_id=rep_id))
    else:
        alias.rep_id = rep_id


def add_rep(session: Session, name: str, employee_no: str) -> int:
    rep = Rep(name=name.strip(), employee_no=employee_no.strip())
    session.add(rep)
    session.flush()
    return rep.id


# --------------------------------------------------------------------------- applying an import


@dataclass(frozen=True)
class AttendanceImportCounts:
    added: int
    replaced: int
    unchanged: int


@collector_paused()
def apply_person_days(
    session: Session, records: Iterable[PersonRecord], reps: dict[str, int], source: str
) -> AttendanceImportCounts:
    """Write person-days: a day already stored for the rep is replaced (never duplicated) or, when
    identical, left unchanged.  The caller's transaction makes the whole file one unit."""
    # A month of a large sales force is tens of thousands of person-days: each person is looked
    # up once, and the rows go to the database in bulk statements.
    incoming: dict[tuple[int, date], tuple[str, str]] = {}
    rep_of: dict[tuple[str, str | None], int] = {}
    for record in records:
        who = (record.employee_name, record.employee_no)
        rep_id = rep_of.get(who)
        if rep_id is None:
            rep_id = rep_of[who] = reps[person_key(who[0], who[1] or "")]
        words = record.status_words
        status = "\n".join([w.strip() for w in words if w and w.strip()]) if words else ""
        incoming[(rep_id, record.day)] = (_punch_text(record.punches), status)
    return _store_days(session, incoming, source)


@collector_paused()
def apply_day_rows(session: Session, rows: Iterable[tuple[int, date, str, str]], source: str) -> AttendanceImportCounts:
    """:func:`apply_person_days` of rows already in the stored form: (rep id, day, punch text as
    :func:`_punch_text` writes it, status text).  Of two rows for one rep and day the later wins."""
    return _store_days(session, {(rep_id, day): (punches, status) for rep_id, day, punches, status in rows}, source)


def _store_days(
    session: Session, incoming: dict[tuple[int, date], tuple[str, str]], source: str
) -> AttendanceImportCounts:
    if not incoming:
        return AttendanceImportCounts(0, 0, 0)
    days = {d for _, d in incoming}
    session.flush()  # plain rows through the connection, as in stored_days
    query = select(
        AttendanceDay.id, AttendanceDay.rep_id, AttendanceDay.day, AttendanceDay.punches, AttendanceDay.status_text
    ).where(AttendanceDay.day >= min(days), AttendanceDay.day <= max(days))
    existing = {
        (rep_id, day): (row_id, punches, status)
        for row_id, rep_id, day, punches, status in session.connection().execute(query).all()
    }
    now = datetime.now()
    inserts: list[tuple[int, date, str, str]] = []
    updates: list[dict[str, object]] = []
    unchanged = 0
    for (rep_id, day), (punches, status) in incoming.items():
        found = existing.get((rep_id, day)) if existing else None
        if found is None:
            inserts.append((rep_id, day, punches, status))
        elif (found[1], found[2]) == (punches, status):
            unchanged += 1
        else:
            updates.append(
                {"id": found[0], "punches": punches, "status_text": status, "source": source, "updated_at": now}
            )
    if inserts:
        _insert_days(session, inserts, source, now)
    if updates:
        session.execute(update(AttendanceDay), updates)
    session.flush()
    return AttendanceImportCounts(len(inserts), len(updates), unchanged)


_INSERT_COLUMNS = ("rep_id", "day", "punches", "status_text", "source", "updated_at")


def _insert_days(session: Session, rows: list[tuple[int, date, str, str]], source: str, now: datetime) -> None:
    """Insert new person-days (rep id, day, punches, status) from one source at one time.

    With a driver that takes positional parameters (SQLite's) the rows go to it as tuples, each
    distinct day converted once by the column's own type: SQLAlchemy's parameter processing,
    row by row, costs more than SQLite's insert itself.  Other drivers get a Core insert.
    """
    connection = session.connection()
    table = cast(Table, AttendanceDay.__table__)
    statement = insert(table)
    dialect = connection.dialect
    compiled = statement.compile(dialect=dialect, column_keys=list(_INSERT_COLUMNS))
    if dialect.paramstyle != "qmark" or tuple(compiled.positiontup or ()) != _INSERT_COLUMNS:
        connection.execute(statement, [dict(zip(_INSERT_COLUMNS, (*row, source, now), strict=True)) for row in rows])
        return

    def converter(column: str) -> Callable[[Any], Any]:
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return process if process is not None else lambda value: value

    day_value = converter("day")
    stored_day = {day: day_value(day) for day in {row[1] for row in rows}}
    stored_source, stored_now = converter("source")(source), converter("updated_at")(now)
    stored = [(rep, stored_day[day], punches, status, stored_source, stored_now) for rep, day, punches, status in rows]
    connection.exec_driver_sql(str(compiled), stored)


def delete_month(session: Session, year: int, month: int) -> None:
    first = date(year, month, 1)
    session.execute(delete(AttendanceDay).where(AttendanceDay.day >= first, AttendanceDay.day <= _month_end(first)))


@dataclass(frozen=True)
class MonthTotals:
    year: int
    month: int
    late_count: int
    absent_days: int


def team_trend(
    session: Session, year: int, month: int, months: int = 6, today: date | None = None
) -> list[MonthTotals]:
    """Team totals of late arrivals and absent days for the months (of the ``months`` ending with
    year/month) that have attendance."""
    out: list[MonthTotals] = []
    index = year * 12 + month - 1
    for i in range(index - months + 1, index + 1):
        y, m = divmod(i, 12)
        month_ledger = ledger(session, y, m + 1, today=today)
        if not any(r.days for r in month_ledger.rows):
            continue  # a month with no attendance imported is unknown, not a perfect month
        out.append(
            MonthTotals(
                y,
                m + 1,
                sum(r.summary.late_count for r in month_ledger.rows),
                sum(r.summary.absent_days for r in month_ledger.rows),
            )
        )
    return out


def months_with_data(session: Session) -> list[tuple[int, int]]:
    """(year, month) pairs that have any stored attendance, newest first."""
    days = session.scalars(select(AttendanceDay.day).distinct()).all()
    return sorted({(d.year, d.month) for d in days}, reverse=True)
