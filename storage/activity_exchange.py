"""Activity import and export (销售活动 / 日报导入导出) through Excel workbooks.

Reps hand in weekly activity sheets and daily reports (日报). The import is the project's one
pipeline (preview → mapping → validate every row → write all rows in one transaction, or none),
with what these sheets need on top:

* **Types in the reps' own words.** A type cell is resolved by :func:`storage.activities.label_resolver`
  (a label the user taught, a type's code or name, a default word such as 拜访 or 电话). Words it
  does not know are found before importing (:func:`unknown_labels`); the wizard asks the user once
  and passes the answers as ``labels``, which are remembered (ActivityLabel) in the import's own
  transaction. An unknown word without an answer is a problem of its rows.
* **Durations and times as written**: ``2小时``, ``1.5h``, ``90分钟`` (a bare number in a 时长 column is
  hours, in a 分钟 column minutes), a time range ``9:00-11:30`` in one cell or start and end columns.
  A stated duration wins over the times; without one the times give it.
* **Merged cells.** Daily reports write the date and the rep once for several rows (merged cells
  read as blanks below the first), so a blank date or rep takes the one above it.
* **Rep** by employee number, a name the attendance import learned, or the name; a sheet without a
  rep column may be named after the rep (a workbook with one sheet per rep).
* **Customer** by normalised company name or short name (:func:`domain.text.normalise_company_name`).
  A name no customer has is **left unlinked**, not a problem: daily reports name prospects that are
  not in the customer file yet, and refusing the whole report for them would lose the rep's week.
  The written name is kept at the front of the outcome as ``[name]`` so nothing is lost, and the
  summary lists these names. A name that fits several customers is a problem (write the full name).
* **Re-importing** the same sheet does not double the log: a row matches a stored activity with
  the same rep, day, type, start, end and minutes; it is unchanged, or updated when its customer,
  channel, outcome or next step differ (a customer added since then gets linked).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from domain.text import normalise_company_name
from domain.time_allocation import (
    CATEGORY_NAMES,
    CHANNEL_NAMES,
    Channel,
    DurationError,
    display_type_name,
    minutes_between,
    normalise_label,
    parse_duration,
)
from domain.validation import Problem
from storage import activities as repo
from storage.attendance import match_people, person_key
from storage.db import Database
from storage.excel.cells import CellError, parse_date, parse_times
from storage.excel.reader import CellValue, column_letter, read_sheet
from storage.excel.writer import ColumnKind, ColumnSpec, SheetSpec, write_workbook
from storage.exchange import ImportFailed, ImportIssue, ImportPreview, preview_sheet
from storage.models import Activity, ActivityType, Rep
from storage.progress import Progress, no_progress

PROGRESS_EVERY = 500
SOURCE_LIMIT = 300


class ActivityProblem(enum.StrEnum):
    """Problems only an activity import has (cell-level ones use :class:`domain.validation.Problem`)."""

    UNKNOWN_REP = "unknown_rep"  # no rep has this name or employee number
    UNKNOWN_TYPE = "unknown_type"  # a word for the type nobody has mapped yet
    AMBIGUOUS_CUSTOMER = "ambiguous_customer"  # several customers have this name
    BAD_DURATION = "bad_duration"  # not a duration (2小时, 1.5h, 90分钟)
    NEGATIVE_DURATION = "negative_duration"
    LONG_DURATION = "long_duration"  # more than a day
    NO_DURATION = "no_duration"  # neither a duration nor a start and an end
    BAD_TIME = "bad_time"  # not a clock time or a range such as 9:00-11:30
    BAD_CHANNEL = "bad_channel"  # not visit / phone / e-mail / meeting
    DUPLICATE_COLUMN = "duplicate_column"  # two columns mapped to one field


@dataclass(frozen=True, slots=True)
class ActivityColumn:
    field: str
    zh: str
    en: str
    aliases: frozenset[str] = frozenset()

    def header(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


def _column(field: str, zh: str, en: str, *aliases: str) -> ActivityColumn:
    return ActivityColumn(field, zh, en, frozenset(aliases))


ACTIVITY_COLUMNS: tuple[ActivityColumn, ...] = (
    _column("day", "日期", "Date", "活动日期", "工作日期", "拜访日期", "Day"),
    _column("rep", "销售代表", "Rep", "姓名", "业务员", "销售", "销售人员", "员工", "员工姓名", "Sales rep", "Name"),
    _column("employee_no", "工号", "Employee No.", "员工编号", "员工号", "Employee number", "Employee ID"),
    _column("time", "时间段", "Time", "时间", "起止时间", "时段", "Time range"),
    _column("start", "开始时间", "Start", "开始", "Start time", "From"),
    _column("end", "结束时间", "End", "结束", "End time", "To"),
    _column(
        "duration", "时长", "Duration", "用时", "小时", "工时", "时长(小时)", "用时(小时)", "Hours", "Duration (h)"
    ),
    _column("duration_minutes", "时长(分钟)", "Minutes", "分钟", "用时(分钟)", "Duration (min)"),
    _column("type", "活动类型", "Type", "类型", "工作内容", "工作类型", "事项", "活动", "Activity", "Activity type"),
    _column("customer", "客户", "Customer", "客户名称", "拜访客户", "Customer name"),
    _column("channel", "方式", "Channel", "沟通方式", "联系方式", "渠道"),
    _column("outcome", "结果", "Outcome", "工作结果", "客户反馈", "拜访结果", "成果", "内容", "Result", "Notes"),
    _column("next_step", "下一步", "Next step", "下一步计划", "下步计划", "后续计划", "跟进计划", "Next steps"),
)
ACTIVITY_FIELDS: tuple[str, ...] = tuple(c.field for c in ACTIVITY_COLUMNS)
ACTIVITY_ALIASES: dict[str, set[str]] = {c.field: {c.zh, c.en, *c.aliases} for c in ACTIVITY_COLUMNS}
_FILLED_DOWN = ("day", "rep", "employee_no")

CHANNEL_WORDS: dict[str, str] = {
    **{w: Channel.VISIT for w in ("拜访", "上门", "面谈", "面访", "现场", "visit", "face to face", "见面")},
    **{w: Channel.PHONE for w in ("电话", "手机", "phone", "call", "微信语音", "语音")},
    **{w: Channel.EMAIL for w in ("邮件", "电子邮件", "email", "e-mail", "mail")},
    **{w: Channel.MEETING for w in ("会议", "视频会议", "meeting", "线上会议")},
}
"""The words for a contact channel reps write (normalised), and the channel codes themselves."""
CHANNEL_WORDS.update({c.value: c.value for c in Channel})


def preview_import(
    path: str | Path, sheet: str | None = None, max_rows: int = 20, header_row: int | None = None
) -> ImportPreview:
    """The wizard's first look at an activity sheet (see :func:`storage.exchange.preview_sheet`).

    A duration column whose header says minutes (时长(分钟), 用时/min) holds minutes."""
    preview = preview_sheet(path, ACTIVITY_ALIASES, sheet=sheet, max_rows=max_rows, header_row=header_row)
    if "duration_minutes" not in preview.mapping.values():
        for column, name in preview.mapping.items():
            header = preview.headers[column].casefold() if column < len(preview.headers) else ""
            if name == "duration" and ("分钟" in header or "min" in header):
                preview.mapping[column] = "duration_minutes"
    return preview


def field_labels(language: str = "zh") -> list[tuple[str, str]]:
    """(field, header) of every importable field, for the mapping editor's choices."""
    return [(c.field, c.header(language)) for c in ACTIVITY_COLUMNS]


@dataclass(frozen=True)
class ActivityImportSummary:
    created: int
    updated: int
    unchanged: int
    blank: int = 0
    unlinked_customers: list[str] = field(default_factory=list)
    """Customer names no customer has, in order of appearance (the rows are left unlinked)."""
    learned_labels: int = 0


# ---------------------------------------------------------------------------------------------
# Reading rows


def _text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _mapped(mapping: Mapping[int, str | None], sheet: str, header_row: int) -> dict[str, int]:
    """Field -> column; a field mapped twice is an import problem."""
    columns: dict[str, int] = {}
    issues: list[ImportIssue] = []
    for index in sorted(i for i, f in mapping.items() if f):
        name = mapping[index]
        assert name is not None
        if name not in ACTIVITY_FIELDS:
            raise ValueError(f"not an activity field: {name!r}")
        if name in columns:
            problem = ActivityProblem.DUPLICATE_COLUMN
            issues.append(ImportIssue(sheet, header_row + 1, column_letter(index), name, problem, None))
        else:
            columns[name] = index
    if issues:
        raise ImportFailed(issues)
    return columns


@dataclass
class _Row:
    """A sheet row's cells by field, after filling merged date and rep cells down."""

    number: int  # Excel row
    cells: dict[str, CellValue]


def _rows(rows: list[list[CellValue]], columns: dict[str, int], header_row: int) -> Iterator[_Row | int]:
    """Each data row as a :class:`_Row`, or its Excel row number when it is blank."""
    above: dict[str, CellValue] = {}
    for offset, row in enumerate(rows):
        number = header_row + 2 + offset
        cells = {name: row[i] if i < len(row) else None for name, i in columns.items()}
        for name, value in cells.items():
            if isinstance(value, str) and not value.strip():
                cells[name] = None
        if all(cells.get(name) is None for name in columns if name not in _FILLED_DOWN):
            yield number
            continue
        for name in _FILLED_DOWN:
            if name in cells:
                if cells[name] is None:
                    cells[name] = above.get(name)
                else:
                    above[name] = cells[name]
        yield _Row(number, cells)


def _sheet_rows(
    path: Path, sheet: str, header_row: int, mapping: Mapping[int, str | None]
) -> tuple[dict[str, int], list[_Row | int]]:
    columns = _mapped(mapping, sheet, header_row)
    rows = read_sheet(path, sheet, keep_parsed=False)[header_row + 1 :]
    return columns, list(_rows(rows, columns, header_row))


def unknown_labels(
    db: Database, path: str | Path, sheet: str, header_row: int, mapping: Mapping[int, str | None]
) -> list[str]:
    """The type words in the sheet that no label, type or default word resolves, as first
    written, in order of appearance: what the wizard asks the user to map once."""
    columns, rows = _sheet_rows(Path(path), sheet, header_row, mapping)
    if "type" not in columns:
        return []
    with db.transaction() as session:
        resolve = repo.label_resolver(session)
    found: dict[str, str] = {}
    for row in rows:
        if isinstance(row, _Row):
            text = _text(row.cells.get("type"))
            key = normalise_label(text)
            if key and key not in found and resolve(text) is None:
                found[key] = text
    return list(found.values())


# ---------------------------------------------------------------------------------------------
# Import


@dataclass
class _Planned:
    number: int
    rep_id: int
    day: date
    start: str
    end: str
    minutes: int
    type_code: str
    channel: str
    customer_id: int | None
    outcome: str
    next_step: str


def import_activities(
    db: Database,
    path: str | Path,
    sheet: str,
    header_row: int,
    mapping: Mapping[int, str | None],
    labels: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> ActivityImportSummary:
    """Import the activities of ``sheet``: all rows, or none when any row has a problem.

    ``labels`` maps type words the user was asked about to type codes; they are remembered with
    the import. Raises :class:`ImportFailed` listing every problem (nothing written).
    """
    path = Path(path)
    report = progress or no_progress
    columns, rows = _sheet_rows(path, sheet, header_row, mapping)
    issues: list[ImportIssue] = []

    def problem(row: int, name: str, code: enum.StrEnum, value: object) -> None:
        where = column_letter(columns[name]) if name in columns else ""
        issues.append(ImportIssue(sheet, row, where, name, code, value))

    for name in ("day", "type"):
        if name not in columns:
            problem(header_row + 1, name, Problem.REQUIRED, None)
    if not ({"duration", "duration_minutes", "time"} & set(columns) or {"start", "end"} <= set(columns)):
        problem(header_row + 1, "duration", Problem.REQUIRED, None)
    total = 2 * len(rows)
    with db.transaction() as session:
        reps = _rep_finder(session, columns, sheet)
        if reps is None:
            problem(header_row + 1, "rep", Problem.REQUIRED, None)
        if issues:
            raise ImportFailed(issues)
        assert reps is not None
        taught = {normalise_label(k): v for k, v in (labels or {}).items() if normalise_label(k)}
        for label, code in taught.items():
            repo.learn_label(session, label, code)
        resolve = repo.label_resolver(session)
        type_channels = dict(session.execute(select(ActivityType.code, ActivityType.channel)).all())
        customers = repo.customer_keys(session)
        today = date.today()
        planned: list[_Planned] = []
        unlinked: dict[str, str] = {}
        blank = 0
        for i, row in enumerate(rows):
            if i % PROGRESS_EVERY == 0:
                report(i, total)
            if not isinstance(row, _Row):
                blank += 1
                continue
            cells = row.cells
            n = row.number
            count = len(issues)
            rep_id = reps(cells)
            if rep_id is None:
                field_name = "rep" if "rep" in columns else "employee_no"
                value = cells.get("rep") or cells.get("employee_no")
                problem(n, field_name, Problem.REQUIRED if value is None else ActivityProblem.UNKNOWN_REP, value)
            day = None
            try:
                day = parse_date(cells.get("day"), default_year=today.year)
                if day is None:
                    problem(n, "day", Problem.REQUIRED, None)
            except CellError:
                problem(n, "day", Problem.BAD_DATE, cells.get("day"))
            before = len(issues)
            start, end = _times(cells, problem, n)
            minutes = _minutes(cells, start, end, problem, n, times_read=len(issues) == before)
            type_text = _text(cells.get("type"))
            type_code = resolve(type_text) if type_text else None
            if not type_text:
                problem(n, "type", Problem.REQUIRED, None)
            elif type_code is None:
                problem(n, "type", ActivityProblem.UNKNOWN_TYPE, type_text)
            channel = ""
            channel_text = _text(cells.get("channel"))
            if channel_text:
                channel = CHANNEL_WORDS.get(normalise_label(channel_text), "")
                if not channel:
                    problem(n, "channel", ActivityProblem.BAD_CHANNEL, channel_text)
            outcome = _text(cells.get("outcome"))
            customer_id = None
            customer_text = _text(cells.get("customer"))
            if customer_text:
                customer_id = customers.get(normalise_company_name(customer_text))
                if customer_id == repo.AMBIGUOUS:
                    problem(n, "customer", ActivityProblem.AMBIGUOUS_CUSTOMER, customer_text)
                elif customer_id is None:
                    unlinked.setdefault(normalise_company_name(customer_text) or customer_text, customer_text)
                    outcome = f"[{customer_text}] {outcome}".strip()
            if len(issues) > count:
                continue
            assert rep_id is not None and day is not None and minutes is not None and type_code is not None
            planned.append(
                _Planned(
                    n,
                    rep_id,
                    day,
                    start,
                    end,
                    minutes,
                    type_code,
                    channel or type_channels.get(type_code, ""),
                    customer_id,
                    outcome,
                    _text(cells.get("next_step")),
                )
            )
        if issues:
            issues.sort(key=lambda issue: (issue.row, len(issue.column), issue.column))
            raise ImportFailed(issues)
        created, updated, unchanged = _write(
            session, planned, f"{path.name} › {sheet}", lambda done: report(len(rows) + done, total)
        )
        report(total, total)
    return ActivityImportSummary(created, updated, unchanged, blank, list(unlinked.values()), len(taught))


_Report = Callable[[int, str, enum.StrEnum, object], None]


def _times(cells: dict[str, CellValue], problem: _Report, n: int) -> tuple[str, str]:
    """Start and end as ``HH:MM`` (empty when not given) from a range cell or two cells."""
    start = end = ""
    if cells.get("time") is not None:
        try:
            times = parse_times(cells["time"])
        except CellError:
            times = []
        if len(times) != 2:
            problem(n, "time", ActivityProblem.BAD_TIME, cells["time"])
            return "", ""
        start, end = (f"{t.time.hour:02d}:{t.time.minute:02d}" for t in times)
        return start, end
    for name in ("start", "end"):
        if cells.get(name) is None:
            continue
        try:
            times = parse_times(cells[name])
        except CellError:
            times = []
        if len(times) != 1:
            problem(n, name, ActivityProblem.BAD_TIME, cells[name])
            continue
        text = f"{times[0].time.hour:02d}:{times[0].time.minute:02d}"
        start, end = (text, end) if name == "start" else (start, text)
    return start, end


def _minutes(
    cells: dict[str, CellValue], start: str, end: str, problem: _Report, n: int, times_read: bool
) -> int | None:
    """The stated duration, else the minutes from start to end; a problem when neither (unless the
    times were unreadable, which is already the row's problem)."""
    for name, unit in (("duration", 60), ("duration_minutes", 1)):
        value = cells.get(name)
        if value is None:
            continue
        try:
            minutes = parse_duration(value, bare_unit_minutes=unit)
        except DurationError as exc:
            problem(n, name, ActivityProblem(exc.reason), value)
            return None
        if minutes is not None and minutes <= 0:
            problem(n, name, ActivityProblem.BAD_DURATION, value)
            return None
        return minutes
    if start and end:
        minutes = minutes_between(start, end)
        if minutes > 0:
            return minutes
    if times_read:
        problem(n, "duration", ActivityProblem.NO_DURATION, None)
    return None


def _rep_finder(
    session: Session, columns: dict[str, int], sheet: str
) -> Callable[[dict[str, CellValue]], int | None] | None:
    """Rep ids for rows: by employee number, a learned alias or the name (as the attendance import);
    without rep columns, the sheet's name if it is a rep's (else None: the sheet names no rep)."""
    by_sheet: int | None = None
    if "rep" not in columns and "employee_no" not in columns:
        matched, _unknown = match_people(session, [(sheet.strip(), "")])
        by_sheet = matched.get(person_key(sheet.strip(), ""))
        if by_sheet is None:
            return None
    cache: dict[tuple[str, str], int | None] = {}

    def find(cells: dict[str, CellValue]) -> int | None:
        if by_sheet is not None:
            return by_sheet
        person = (_text(cells.get("rep")), _text(cells.get("employee_no")))
        if not any(person):
            return None
        if person not in cache:
            matched, _unknown = match_people(session, [person])
            cache[person] = matched.get(person_key(*person))
        return cache[person]

    return find


def _write(
    session: Session, planned: list[_Planned], source: str, report: Callable[[int], None]
) -> tuple[int, int, int]:
    """Insert the new rows, update the changed ones, leave the same ones; (created, updated, unchanged)."""
    if not planned:
        return 0, 0, 0
    type_ids = dict(session.execute(select(ActivityType.code, ActivityType.id)).all())
    first, last = min(p.day for p in planned), max(p.day for p in planned)
    stored: dict[tuple[object, ...], list[Activity]] = {}
    query = select(Activity).where(
        Activity.day >= first, Activity.day <= last, Activity.rep_id.in_({p.rep_id for p in planned})
    )
    for activity in session.scalars(query.order_by(Activity.id)):
        key = (activity.rep_id, activity.day, activity.type_id, activity.start, activity.end, activity.minutes)
        stored.setdefault(key, []).append(activity)
    created = updated = unchanged = 0
    now = datetime.now()
    inserts = []
    for i, p in enumerate(planned):
        if i % PROGRESS_EVERY == 0:
            report(i)
        type_id = type_ids[p.type_code]
        same = stored.get((p.rep_id, p.day, type_id, p.start, p.end, p.minutes))
        values = {
            "channel": p.channel,
            "customer_id": p.customer_id,
            "outcome": p.outcome,
            "next_step": p.next_step,
        }
        if same:
            activity = same.pop(0)
            if all(getattr(activity, k) == v for k, v in values.items()):
                unchanged += 1
            else:
                for k, v in values.items():
                    setattr(activity, k, v)
                updated += 1
            continue
        inserts.append(
            {
                "rep_id": p.rep_id,
                "day": p.day,
                "start": p.start,
                "end": p.end,
                "minutes": p.minutes,
                "type_id": type_id,
                "opportunity_id": None,
                "source": f"{source} › {p.number}"[:SOURCE_LIMIT],
                "created_at": now,
                **values,
            }
        )
        created += 1
    if inserts:
        session.execute(insert(Activity), inserts)
    session.flush()
    return created, updated, unchanged


# ---------------------------------------------------------------------------------------------
# Export


def export_activities(db: Database, path: str | Path, first: date, last: date, language: str = "zh") -> int:
    """Write the activities of ``first``..``last`` to ``path`` (it imports back); returns how many."""
    zh = language == "zh"
    columns = [
        ColumnSpec("日期" if zh else "Date", 12, ColumnKind.DATE),
        ColumnSpec("开始时间" if zh else "Start", 9),
        ColumnSpec("结束时间" if zh else "End", 9),
        ColumnSpec("时长(分钟)" if zh else "Duration (min)", 10, ColumnKind.INT),
        ColumnSpec("销售代表" if zh else "Rep", 12),
        ColumnSpec("工号" if zh else "Employee No.", 10),
        ColumnSpec("活动类型" if zh else "Type", 14),
        ColumnSpec("时间类别" if zh else "Time category", 12),
        ColumnSpec("方式" if zh else "Channel", 9),
        ColumnSpec("客户" if zh else "Customer", 30),
        ColumnSpec("结果" if zh else "Outcome", 36),
        ColumnSpec("下一步" if zh else "Next step", 24),
    ]
    with db.transaction() as session:
        query = repo.log_select(first, last).order_by(Activity.day, Rep.name, Activity.start, Activity.id)
        which = 0 if zh else 1
        rows = []
        for row in session.execute(query):
            _id, day, start, end, minutes, rep, name, code, category, channel, customer, outcome, next_step = row[:13]
            rows.append(
                (
                    day, start, end, minutes, rep, row.employee_no,
                    display_type_name(code, name, language),
                    CATEGORY_NAMES.get(category, (category, category))[which],
                    CHANNEL_NAMES.get(channel, (channel, channel))[which],
                    customer or "", outcome, next_step,
                )
            )  # fmt: skip
    write_workbook(path, [SheetSpec("活动" if zh else "Activities", columns, rows, len(rows))])
    return len(rows)
