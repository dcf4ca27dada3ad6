"""Importing an HR attendance workbook (DingTalk, WeCom, Feishu, ZKTeco or a hand-made sheet).

The pipeline: read and detect (:mod:`storage.excel.attendance_reader`) → offer a mapping the
user corrected for a file that looked the same before → match people to reps → check → apply
every person-day in one transaction.  Any unreadable cell or unmatched person stops the import
before anything is written; the user gets every problem at once with its sheet, row and column.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import polars as pl
from sqlalchemy import select
from sqlalchemy.orm import Session

from domain.attendance import MonthSummary, parse_status
from storage import attendance as repo
from storage.bulk import collector_paused
from storage.db import Database
from storage.excel import punch_frame
from storage.excel.attendance_reader import (
    AttendanceMapping,
    AttendanceReading,
    CellProblem,
    Field,
    Shape,
    UnreadableWorkbook,
    mapping_signature,
    read_attendance,
)
from storage.models import ImportMapping, Rep
from storage.progress import Progress, no_progress

REGISTER = "attendance"
ADD_NEW = -1
"""A resolution meaning "add this person as a new rep"."""

__all__ = [
    "ADD_NEW",
    "AttendanceImportFailed",
    "AttendancePlan",
    "AttendanceSummary",
    "UnreadableWorkbook",
    "apply_plan",
    "plan_import",
]


@dataclass
class AttendancePlan:
    """What an import would do: the reading, who is who, and what stops it."""

    reading: AttendanceReading
    signature: str
    remembered: bool
    """The mapping came from an earlier, corrected import of a file that looked the same."""
    matched: dict[str, int]
    unknown: list[tuple[str, str]]
    """People (name, employee no) no rep matches: to map to a rep or add as new."""
    unknown_words: dict[str, int] = field(default_factory=dict)
    """Status words the rules do not know, with how many cells hold them (imported as written)."""

    @property
    def problems(self) -> list[CellProblem]:
        return self.reading.problems

    def days_by_month(self) -> dict[tuple[int, int], int]:
        if isinstance(self.reading.records, punch_frame.FrameRecords):
            return punch_frame.months_of(self.reading.records.days)
        counts: dict[tuple[int, int], int] = {}
        for r in self.reading.records:
            counts[(r.day.year, r.day.month)] = counts.get((r.day.year, r.day.month), 0) + 1
        return counts


@dataclass(frozen=True)
class EvaluatedMonth:
    """A month the import wrote to, with the rules applied as the ledger shows it after the
    import: the team's figures and who is flagged for lateness."""

    year: int
    month: int
    people: int
    """Reps with attendance stored in the month."""
    late_count: int
    absent_days: int
    missing_punches: int
    flagged: tuple[tuple[str, str, int], ...]
    """(name, employee no, late arrivals) of the reps late often enough to be flagged, most late
    first."""
    late_flag_count: int
    """Late arrivals in a month that flag a rep (the rules' setting)."""


@dataclass(frozen=True)
class AttendanceSummary:
    added: int
    replaced: int
    unchanged: int
    people_added: int
    months: tuple[tuple[int, int], ...]
    evaluated: tuple[EvaluatedMonth, ...] = ()
    """Each month in :attr:`months`, evaluated."""


class AttendanceImportFailed(Exception):
    def __init__(self, problems: list[CellProblem], unknown: list[tuple[str, str]]) -> None:
        super().__init__(f"{len(problems)} problems, {len(unknown)} unknown people")
        self.problems = problems
        self.unknown = unknown


def _person(name: str, number: str | None) -> tuple[str, str]:
    return name.strip(), (number or "").strip()


# --------------------------------------------------------------------------- remembered mappings


def _encode(mapping: AttendanceMapping) -> str:
    m = mapping.reusable()
    return json.dumps(
        {
            "sheet": m.sheet,
            "header_rows": list(m.header_rows) if m.header_rows is not None else None,
            "shape": m.shape.value if m.shape else None,
            "columns": {f.value: c for f, c in m.columns.items()} if m.columns is not None else None,
            "time_columns": list(m.time_columns) if m.time_columns is not None else None,
            "status_columns": list(m.status_columns) if m.status_columns is not None else None,
            "note_columns": list(m.note_columns) if m.note_columns is not None else None,
        },
        ensure_ascii=False,
    )


def _decode(text: str) -> AttendanceMapping:
    data = json.loads(text)

    def tup(key: str) -> tuple[int, ...] | None:
        return tuple(data[key]) if data.get(key) is not None else None

    return AttendanceMapping(
        sheet=data.get("sheet"),
        header_rows=tup("header_rows"),
        shape=Shape(data["shape"]) if data.get("shape") else None,
        columns={Field(k): v for k, v in data["columns"].items()} if data.get("columns") is not None else None,
        time_columns=tup("time_columns"),
        status_columns=tup("status_columns"),
        note_columns=tup("note_columns"),
    )


def remembered_mapping(session: Session, signature: str) -> AttendanceMapping | None:
    row = session.get(ImportMapping, signature)
    return _decode(row.mapping) if row is not None else None


def remember_mapping(session: Session, signature: str, mapping: AttendanceMapping) -> None:
    row = session.get(ImportMapping, signature)
    if row is None:
        session.add(
            ImportMapping(signature=signature, register=REGISTER, mapping=_encode(mapping), updated_at=datetime.now())
        )
    else:
        row.mapping, row.updated_at = _encode(mapping), datetime.now()


# --------------------------------------------------------------------------- planning


@collector_paused()  # see read_attendance
def plan_import(
    db: Database, path: str | Path, sheet: str | None = None, mapping: AttendanceMapping | None = None
) -> AttendancePlan:
    """Read ``path`` (with the user's ``mapping`` if given, else a remembered one for files that
    look the same, else detection) and work out who is who.  Writes nothing."""
    with db.transaction() as session:
        rules = repo.load_rules(session)
    boundary = rules.day_boundary
    # The signature is taken from what detection sees, before any correction, so next month's
    # file (detected the same way) finds the mapping the user corrected this month.  Detection
    # reads the first rows only; the rows are read once, with the mapping that applies.
    detected = read_attendance(path, sheet, None, day_boundary=boundary, records=False)
    signature = mapping_signature(detected)
    remembered = False
    if mapping is not None:
        reading = read_attendance(path, sheet, mapping, day_boundary=boundary)
    else:
        with db.transaction() as session:
            stored = remembered_mapping(session, signature)
        if stored is not None and (sheet is None or stored.sheet == detected.sheet):
            reading = read_attendance(path, detected.sheet, stored, day_boundary=boundary)
            remembered = True
        else:
            reading = read_attendance(path, detected.sheet, None, day_boundary=boundary)
    # Each distinct (name, number) once: a punch log repeats them on every person-day.
    people = [_person(*who) for who in reading.people()]
    # A long punch log read column-wise has no status words (and its records are not built here).
    records = [] if isinstance(reading.records, punch_frame.FrameRecords) else reading.records
    with db.transaction() as session:
        matched, unknown = repo.match_people(session, people)
    words: dict[str, int] = {}
    unknown_in: dict[str, tuple[str, ...]] = {}  # a month's cells repeat a handful of texts
    for record in records:
        for text in record.status_words:
            found = unknown_in.get(text)
            if found is None:
                found = unknown_in[text] = parse_status(text).unknown
            for word in found:
                words[word] = words.get(word, 0) + 1
    return AttendancePlan(reading, signature, remembered, matched, unknown, words)


@collector_paused()  # see apply_person_days
def apply_plan(
    db: Database,
    plan: AttendancePlan,
    resolutions: Mapping[tuple[str, str], int] | None = None,
    *,
    remember: bool = False,
    progress: Progress | None = None,
    today: date | None = None,
) -> AttendanceSummary:
    """Write the plan's person-days in one transaction.

    ``resolutions`` say who each unknown person is: a rep id, or :data:`ADD_NEW`.  A person-day
    already stored is replaced (never duplicated), an identical one left unchanged.  With
    ``remember`` the mapping is kept for files that look the same next month.
    """
    progress = progress or no_progress
    resolutions = resolutions or {}
    unresolved = [p for p in plan.unknown if p not in resolutions]
    if plan.problems or unresolved:
        raise AttendanceImportFailed(list(plan.problems), unresolved)
    records = plan.reading.records
    progress(0, len(records))
    with db.transaction() as session:
        matched = dict(plan.matched)
        added_people = 0
        for (name, number), rep_id in resolutions.items():
            if rep_id == ADD_NEW:
                rep_id = repo.add_rep(session, name or number, number)
                added_people += 1
            repo.remember_person(session, name, number, rep_id)
            matched[repo.person_key(name, number)] = rep_id
        source = f"{Path(plan.reading.path).name} › {plan.reading.sheet}"
        if isinstance(records, punch_frame.FrameRecords):
            people = plan.reading.people()
            reps = pl.DataFrame(
                {
                    "name": pl.Series([n for n, _ in people], dtype=pl.String),
                    "number": pl.Series([k for _, k in people], dtype=pl.String),
                    "rep_id": pl.Series([matched[repo.person_key(n, k or "")] for n, k in people], dtype=pl.Int64),
                }
            )
            incoming = punch_frame.stored_rows(records.days, reps)
        else:
            incoming = repo.person_day_frame(records, matched)
        stored = repo.store_days(session, incoming, source, evaluate=True, today=today)
        evaluated = _evaluated_months(session, stored.months)
        progress(len(records), len(records))
        if remember:
            remember_mapping(session, plan.signature, plan.reading.mapping)
    months = tuple(sorted(plan.days_by_month()))
    counts = stored.counts
    return AttendanceSummary(counts.added, counts.replaced, counts.unchanged, added_people, months, evaluated)


def _evaluated_months(
    session: Session, months: Mapping[tuple[int, int], Mapping[int, MonthSummary]]
) -> tuple[EvaluatedMonth, ...]:
    flagged_ids = {rep_id for summaries in months.values() for rep_id, s in summaries.items() if s.flagged}
    reps = (
        {
            rep_id: (name, number)
            for rep_id, name, number in session.execute(
                select(Rep.id, Rep.name, Rep.employee_no).where(Rep.id.in_(flagged_ids))
            ).all()
        }
        if flagged_ids
        else {}
    )
    flag_at = repo.load_rules(session).late_flag_count
    evaluated = []
    for (year, month), summaries in sorted(months.items()):
        flagged = sorted(
            ((*reps[rep_id], s.late_count) for rep_id, s in summaries.items() if s.flagged),
            key=lambda person: (-person[2], person[1], person[0]),
        )
        evaluated.append(
            EvaluatedMonth(
                year,
                month,
                people=len(summaries),
                late_count=sum(s.late_count for s in summaries.values()),
                absent_days=sum(s.absent_days for s in summaries.values()),
                missing_punches=sum(s.missing_punches for s in summaries.values()),
                flagged=tuple(flagged),
                late_flag_count=flag_at,
            )
        )
    return tuple(evaluated)


def known_mappings(session: Session) -> list[str]:
    return list(session.scalars(select(ImportMapping.signature).where(ImportMapping.register == REGISTER)))
