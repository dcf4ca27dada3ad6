"""The attendance register: stored person-days, rules settings, calendar overrides, the monthly
ledger, corrections with their audit trail, and applying an import in one transaction.

Stored days hold what the file said (punch times and status words); the rules are applied when
the ledger is read, so a change of shift or grace re-reads the history with the new settings.  An
import also applies them to the months it wrote, while it writes, to report what they now show.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time
from typing import Any, Protocol, cast

import polars as pl
from sqlalchemy import Dialect, Row, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from domain.attendance import (
    NO_DAYS,
    AttendanceRules,
    DayEvaluator,
    DayResult,
    MonthSummary,
    WorkCalendar,
    month_summary,
)
from storage.attendance_columns import DAY_SCHEMA, month_bounds, month_summaries, outcomes, summaries_of
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
    parse = datetime.fromisoformat
    return [
        StoredDay(rep_id, day, tuple(map(parse, punches.split())), status, source)
        for rep_id, day, punches, status, source in _stored_rows(session, first, last)
    ]


def _stored_rows(session: Session, first: date, last: date) -> Sequence[Row[int, date, str, str, str]]:
    """(rep id, day, punch text, status text, source) of the days from ``first`` to ``last``, by day."""
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
    return session.connection().execute(query).all()


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
        last = month_bounds(self.year, self.month)[1]
        return [date(self.year, self.month, d) for d in range(1, last.day + 1)]


@collector_paused()  # tens of thousands of person-days and their results
def ledger(session: Session, year: int, month: int, today: date | None = None) -> Ledger:
    """Every rep with attendance in the month (or active), their evaluated days and summary.

    A month still in progress does not count its missing working days as absent: they have not
    happened yet (or HR has not exported them).
    """
    today = today or date.today()
    rules = load_rules(session)
    calendar = work_calendar(session, rules)
    first, last = month_bounds(year, month)
    rows = _stored_rows(session, first, last)
    evaluator = DayEvaluator(calendar, rules)
    ids, summaries = _judged(rows, year, month, evaluator, today)
    by_rep: dict[int, tuple[dict[date, DayResult], dict[date, StoredDay]]] = {}
    parse, result_of = datetime.fromisoformat, evaluator.result_of
    for (rep_id, day, punch_text, status, source), index in zip(rows, ids.to_list(), strict=True):
        punches = tuple(map(parse, punch_text.split()))
        evaluated, stored = by_rep.get(rep_id) or by_rep.setdefault(rep_id, ({}, {}))
        evaluated[day] = result_of(index, day, punches)
        stored[day] = StoredDay(rep_id, day, punches, status, source)
    reps = session.execute(select(Rep.id, Rep.name, Rep.employee_no, Rep.active).order_by(Rep.employee_no, Rep.name))
    result = Ledger(year, month, rules, calendar)
    for rep_id, name, employee_no, active in reps:
        evaluated, stored = by_rep.get(rep_id, ({}, {}))
        if not stored and not active:
            continue
        summary = summaries.get(rep_id) or month_summary(
            year, month, calendar, rules, NO_DAYS, {}, missing_days_absent=False
        )
        result.rows.append(LedgerRow(rep_id, name, employee_no, evaluated, stored, summary))
    return result


def _judged(
    rows: Sequence[Row[int, date, str, str, str]], year: int, month: int, evaluator: DayEvaluator, today: date
) -> tuple[pl.Series, dict[int, MonthSummary]]:
    """The outcome of each of the month's stored ``rows`` and each rep's summary."""
    frame = pl.DataFrame(rows, schema={**DAY_SCHEMA, "source": pl.String()}, orient="row")
    ids = outcomes(frame, evaluator)
    complete = month_bounds(year, month)[1] < today
    return ids, summaries_of(frame.get_column("rep_id"), ids, year, month, evaluator, complete=complete)


def month_figures(session: Session, year: int, month: int, today: date | None = None) -> dict[int, MonthSummary]:
    """The summary of each rep with attendance in the month, as :func:`ledger` gives it, without
    the day-by-day results: for the team's figures over several months."""
    rules = load_rules(session)
    rows = _stored_rows(session, *month_bounds(year, month))
    evaluator = DayEvaluator(work_calendar(session, rules), rules)
    return _judged(rows, year, month, evaluator, today or date.today())[1]


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
    reps = session.execute(select(Rep.id, Rep.name, Rep.employee_no)).all()
    by_no = {number.strip(): rep for rep, _, number in reps if number.strip()}
    by_name: dict[str, list[int]] = {}
    for rep, name, _ in reps:
        by_name.setdefault(name.strip(), []).append(rep)
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
    return store_days(session, person_day_frame(records, reps), source).counts


def person_day_frame(records: Iterable[PersonRecord], reps: dict[str, int]) -> pl.DataFrame:
    """The records in their stored form (:data:`~storage.attendance_columns.DAY_SCHEMA`); ``reps``
    maps each person's :func:`person_key` to their rep."""
    # Each person is looked up once: a month repeats them on every day.
    rep_of: dict[tuple[str, str | None], int] = {}
    columns: tuple[list[int], list[date], list[str], list[str]] = ([], [], [], [])
    rep_ids, days, punches, statuses = columns
    for record in records:
        who = (record.employee_name, record.employee_no)
        rep_id = rep_of.get(who)
        if rep_id is None:
            rep_id = rep_of[who] = reps[person_key(who[0], who[1] or "")]
        words = record.status_words
        rep_ids.append(rep_id)
        days.append(record.day)
        punches.append(_punch_text(record.punches))
        statuses.append("\n".join([w.strip() for w in words if w and w.strip()]) if words else "")
    return pl.DataFrame(dict(zip(DAY_SCHEMA, columns, strict=True)), schema=DAY_SCHEMA)


@dataclass(frozen=True)
class StoredImport:
    counts: AttendanceImportCounts
    months: dict[tuple[int, int], dict[int, MonthSummary]]
    """With ``evaluate``: each month the days fall in, as the ledger will show it: every rep with
    a day stored in it (imported or kept), by rep id."""


@collector_paused()
def store_days(
    session: Session, incoming: pl.DataFrame, source: str, *, evaluate: bool = False, today: date | None = None
) -> StoredImport:
    """Write person-days given as a frame of :data:`~storage.attendance_columns.DAY_SCHEMA`: a day
    already stored for the rep is replaced, or left unchanged when identical; of two rows for one
    rep and day the later wins.  The caller's transaction makes the whole file one unit.

    With ``evaluate`` the rules are applied to the months the days fall in, as they stand after
    the write (the file's days and the days already stored), while the database writes.
    """
    incoming = incoming.unique(["rep_id", "day"], keep="last", maintain_order=True)
    if incoming.is_empty():
        return StoredImport(AttendanceImportCounts(0, 0, 0), {})
    months = sorted(
        incoming.select(pl.col("day").dt.year().alias("y"), pl.col("day").dt.month().alias("m")).unique().iter_rows()
    )
    first, last = month_bounds(*months[0])[0], month_bounds(*months[-1])[1]
    session.flush()  # plain rows through the connection, as in stored_days
    query = select(
        AttendanceDay.id, AttendanceDay.rep_id, AttendanceDay.day, AttendanceDay.punches, AttendanceDay.status_text
    ).where(AttendanceDay.day >= first, AttendanceDay.day <= last)
    existing = pl.DataFrame(
        session.connection().execute(query).all(), schema={"id": pl.Int64(), **DAY_SCHEMA}, orient="row"
    )
    judged = incoming.join(existing, on=["rep_id", "day"], how="left", suffix="_stored", maintain_order="left")
    stored = pl.col("id").is_not_null()
    same = (
        stored
        & (pl.col("punches") == pl.col("punches_stored"))
        & (pl.col("status_text") == pl.col("status_text_stored"))
    )
    inserts = judged.filter(~stored).select(list(DAY_SCHEMA))
    updates = judged.filter(stored & ~same).select("id", "punches", "status_text")
    unchanged = judged.filter(same).height

    now = datetime.now()
    insert_days = _prepared_insert(session, inserts, source, now) if not inserts.is_empty() else None
    evaluation: Future[dict[tuple[int, int], dict[int, MonthSummary]]] | None = None
    with ThreadPoolExecutor(max_workers=1) as pool:
        if evaluate:
            # The rules run while SQLite writes (it lets go of Python's lock while it works).
            rules = load_rules(session)
            evaluator = DayEvaluator(work_calendar(session, rules), rules)
            kept = existing.join(incoming, on=["rep_id", "day"], how="anti").select(list(DAY_SCHEMA))
            after = pl.concat([kept, incoming])
            complete_before = today or date.today()
            evaluation = pool.submit(
                lambda: {
                    (y, m): month_summaries(after, y, m, evaluator, complete=month_bounds(y, m)[1] < complete_before)
                    for y, m in months
                }
            )
        if insert_days is not None:
            insert_days()
        if not updates.is_empty():
            session.execute(
                update(AttendanceDay),
                [
                    {"id": row_id, "punches": punches, "status_text": status, "source": source, "updated_at": now}
                    for row_id, punches, status in updates.iter_rows()
                ],
            )
        session.flush()
        summaries = evaluation.result() if evaluation is not None else {}
    return StoredImport(AttendanceImportCounts(inserts.height, updates.height, unchanged), summaries)


_INSERT_COLUMNS = ("rep_id", "day", "punches", "status_text", "source", "updated_at")
_JSON_INSERT = (
    "INSERT INTO attendance_day (rep_id, day, punches, status_text, source, updated_at) "
    "SELECT value ->> 'rep_id', value ->> 'day', value ->> 'punches', value ->> 'status_text', ?, ? "
    "FROM json_each(?)"
)


def _prepared_insert(session: Session, rows: pl.DataFrame, source: str, now: datetime) -> Callable[[], None]:
    """The insert of new person-days (:data:`~storage.attendance_columns.DAY_SCHEMA`) from one
    source at one time, ready to run.

    SQLite gets them as one JSON array in one statement, each value in the column types' own
    stored form: SQLAlchemy's parameter processing, and even the driver's binding of parameters
    row by row, cost more than SQLite's insert itself, and SQLite works on the one statement
    without holding Python's lock.  Other databases get a Core insert.
    """
    connection = session.connection()
    table = cast(Table, AttendanceDay.__table__)
    dialect = connection.dialect

    def converter(column: str) -> Callable[[Any], Any]:
        process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
        return process if process is not None else lambda value: value

    if _json_insert_fits(table, dialect, rows, converter):
        payload = rows.with_columns(pl.col("day").dt.to_string("%Y-%m-%d")).write_json()
        parameters = (converter("source")(source), converter("updated_at")(now), payload)

        def insert_json() -> None:
            connection.exec_driver_sql(_JSON_INSERT, parameters)

        return insert_json
    values = [{**row, "source": source, "updated_at": now} for row in rows.iter_rows(named=True)]

    def insert_rows() -> None:
        connection.execute(insert(table), values)

    return insert_rows


def _json_insert_fits(
    table: Table, dialect: Dialect, rows: pl.DataFrame, converter: Callable[[str], Callable[[Any], Any]]
) -> bool:
    """Whether :data:`_JSON_INSERT` stores ``rows`` as a Core insert would."""
    if dialect.name != "sqlite" or getattr(dialect.dbapi, "sqlite_version_info", (0,)) < (3, 38):
        return False  # ->> and json_each are built into SQLite from 3.38
    if set(table.c.keys()) != {"id", *_INSERT_COLUMNS}:
        return False  # a column it does not fill, or one with a default it would not run
    sample = date(2026, 10, 1)
    if converter("day")(sample) != str(sample):
        return False  # the day column's stored form is not the ISO text the JSON carries
    # SQLite's JSON functions end a text at a NUL character (an xlsx cell can hold one, _x0000_).
    nul = pl.col("punches", "status_text").str.contains("\x00", literal=True)
    return not rows.select(pl.any_horizontal(nul).any()).item()


def delete_month(session: Session, year: int, month: int) -> None:
    first = date(year, month, 1)
    session.execute(
        delete(AttendanceDay).where(AttendanceDay.day >= first, AttendanceDay.day <= month_bounds(year, month)[1])
    )


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
        summaries = month_figures(session, y, m + 1, today=today)
        if not summaries:
            continue  # a month with no attendance imported is unknown, not a perfect month
        out.append(
            MonthTotals(
                y,
                m + 1,
                sum(s.late_count for s in summaries.values()),
                sum(s.absent_days for s in summaries.values()),
            )
        )
    return out


def months_with_data(session: Session) -> list[tuple[int, int]]:
    """(year, month) pairs that have any stored attendance, newest first."""
    days = session.scalars(select(AttendanceDay.day).distinct()).all()
    return sorted({(d.year, d.month) for d in days}, reverse=True)
