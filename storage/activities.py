"""The activity log (销售活动记录) and its type table: types and their time category, the words
reps use for them (labels), activities for a period, and the time-allocation settings.

The visit planner writes a visit here with :func:`add_activity`; the page, the import and the
headless report read the period with :func:`entries`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from domain.text import normalise_company_name
from domain.time_allocation import (
    DEFAULT_TYPES,
    DEFAULT_WORDS,
    Category,
    TimeEntry,
    TimeSettings,
    normalise_label,
)
from storage.models import Activity, ActivityLabel, ActivityType, Customer, Opportunity, Rep, Setting

SETTINGS_KEY = "time_allocation"


class UnknownActivityType(ValueError):
    """A type code that is not in the type table."""


def ensure_default_types(session: Session) -> None:
    """Insert the default types (:data:`domain.time_allocation.DEFAULT_TYPES`) that are missing.

    Types the user edited keep their edits: only missing codes are added.
    """
    existing = set(session.scalars(select(ActivityType.code)))
    for definition in DEFAULT_TYPES:
        if definition.code not in existing:
            session.add(
                ActivityType(
                    code=definition.code,
                    name=definition.name_zh,
                    category=str(definition.category),
                    channel=str(definition.channel),
                )
            )
    session.flush()


def type_id(session: Session, code: str) -> int:
    """The id of the type with this code; the default types are created on first use."""
    found = session.scalar(select(ActivityType.id).where(ActivityType.code == code))
    if found is None:
        ensure_default_types(session)
        found = session.scalar(select(ActivityType.id).where(ActivityType.code == code))
    if found is None:
        raise UnknownActivityType(code)
    return found


def add_activity(
    session: Session,
    *,
    rep_id: int,
    day: date,
    minutes: int,
    type_code: str,
    channel: str = "",
    customer_id: int | None = None,
    opportunity_id: int | None = None,
    start: str = "",
    end: str = "",
    outcome: str = "",
    next_step: str = "",
    source: str = "manual",
) -> int:
    """Log one activity and return its id. An empty channel takes the type's default channel."""
    if minutes < 0:
        raise ValueError("minutes must not be negative")
    kind = session.get(ActivityType, type_id(session, type_code))
    assert kind is not None
    activity = Activity(
        rep_id=rep_id,
        day=day,
        start=start,
        end=end,
        minutes=minutes,
        type_id=kind.id,
        channel=channel or kind.channel,
        customer_id=customer_id,
        opportunity_id=opportunity_id,
        outcome=outcome,
        next_step=next_step,
        source=source,
        created_at=datetime.now(),
    )
    session.add(activity)
    session.flush()
    return activity.id


# --------------------------------------------------------------------------- the type table


class TypeInUse(ValueError):
    """A type that activities still refer to cannot be deleted; ``count`` says how many."""

    def __init__(self, code: str, count: int) -> None:
        super().__init__(f"type {code!r} is used by {count} activities")
        self.code = code
        self.count = count


class TypeRow(NamedTuple):
    id: int
    code: str
    name: str
    category: str
    channel: str
    used: int
    """How many activities have this type."""


def list_types(session: Session) -> list[TypeRow]:
    """The type table, default types first in their order, then the user's own by name."""
    ensure_default_types(session)
    used = dict(session.execute(select(Activity.type_id, func.count()).group_by(Activity.type_id)).all())
    order = {d.code: i for i, d in enumerate(DEFAULT_TYPES)}
    rows = [
        TypeRow(t.id, t.code, t.name, t.category, t.channel, int(used.get(t.id, 0)))
        for t in session.scalars(select(ActivityType))
    ]
    return sorted(rows, key=lambda r: (order.get(r.code, len(order)), r.name))


def save_type(session: Session, code: str, name: str, category: str, channel: str = "") -> int:
    """Create the type ``code`` or change its name, category and default channel; returns its id.

    Changing a type's category re-files all its activities, past ones included: the table says
    what a kind of work *is*, not what it was when logged.
    """
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValueError("a type needs a code and a name")
    category = Category(category).value
    kind = session.scalar(select(ActivityType).where(ActivityType.code == code))
    if kind is None:
        kind = ActivityType(code=code, name=name, category=category, channel=channel)
        session.add(kind)
    else:
        kind.name, kind.category, kind.channel = name, category, channel
    session.flush()
    return kind.id


def delete_type(session: Session, code: str) -> None:
    """Delete an unused type (and the labels that pointed to it). Raises :class:`TypeInUse`."""
    kind = session.scalar(select(ActivityType).where(ActivityType.code == code))
    if kind is None:
        return
    count = session.scalar(select(func.count()).select_from(Activity).where(Activity.type_id == kind.id)) or 0
    if count:
        raise TypeInUse(code, count)
    session.execute(delete(ActivityLabel).where(ActivityLabel.type_id == kind.id))
    session.delete(kind)
    session.flush()


# --------------------------------------------------------------------------- labels


def learned_labels(session: Session) -> dict[str, str]:
    """Words the user mapped in the import wizard: normalised label -> type code."""
    query = select(ActivityLabel.label, ActivityType.code).join(ActivityType, ActivityType.id == ActivityLabel.type_id)
    return dict(session.execute(query).all())


def learn_label(session: Session, label: str, type_code: str) -> None:
    """Remember that reps mean ``type_code`` when they write ``label`` (the next import won't ask)."""
    key = normalise_label(label)
    if not key:
        return
    target = type_id(session, type_code)
    row = session.get(ActivityLabel, key)
    if row is None:
        session.add(ActivityLabel(label=key, type_id=target))
    else:
        row.type_id = target
    session.flush()


def forget_label(session: Session, label: str) -> None:
    session.execute(delete(ActivityLabel).where(ActivityLabel.label == normalise_label(label)))


def label_resolver(session: Session) -> Callable[[str], str | None]:
    """A function from a word a rep wrote to a type code, or None when the word is unknown.

    In order: a label the user taught, a type's code or name as in the type table, a default
    word (:data:`domain.time_allocation.DEFAULT_WORDS`) whose type is still in the table.
    """
    ensure_default_types(session)
    known: dict[str, str] = {}
    codes = set()
    for code, name in session.execute(select(ActivityType.code, ActivityType.name)):
        codes.add(code)
        known.setdefault(normalise_label(name), code)
    for word, code in DEFAULT_WORDS.items():
        if code in codes:
            known.setdefault(word, code)
    for code in codes:
        known[normalise_label(code)] = code
    known.update(learned_labels(session))

    def resolve(label: str) -> str | None:
        return known.get(normalise_label(label))

    return resolve


# --------------------------------------------------------------------------- activities


@dataclass
class ActivityRecord:
    """One activity as the quick-add form and the edit dialog show it."""

    rep_id: int
    day: date
    minutes: int
    type_code: str
    channel: str = ""
    customer_id: int | None = None
    opportunity_id: int | None = None
    start: str = ""
    end: str = ""
    outcome: str = ""
    next_step: str = ""
    source: str = "manual"
    id: int | None = None


def get_activity(session: Session, activity_id: int) -> ActivityRecord:
    a = session.get(Activity, activity_id)
    if a is None:
        raise KeyError(activity_id)
    return ActivityRecord(
        rep_id=a.rep_id,
        day=a.day,
        minutes=a.minutes,
        type_code=a.type.code,
        channel=a.channel,
        customer_id=a.customer_id,
        opportunity_id=a.opportunity_id,
        start=a.start,
        end=a.end,
        outcome=a.outcome,
        next_step=a.next_step,
        source=a.source,
        id=a.id,
    )


def save_activity(session: Session, record: ActivityRecord) -> int:
    """Add the activity (no id) or change the stored one; returns its id."""
    values = {f.name: getattr(record, f.name) for f in fields(record) if f.name != "id"}
    if record.id is None:
        return add_activity(session, **values)
    if record.minutes < 0:
        raise ValueError("minutes must not be negative")
    a = session.get(Activity, record.id)
    if a is None:
        raise KeyError(record.id)
    a.type_id = type_id(session, values.pop("type_code"))
    for name, value in values.items():
        setattr(a, name, value)
    session.flush()
    return a.id


def delete_activities(session: Session, ids: Iterable[int]) -> int:
    ids = list(ids)
    result = session.execute(delete(Activity).where(Activity.id.in_(ids)))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def entries(session: Session, first: date, last: date) -> list[TimeEntry]:
    """Every activity from ``first`` to ``last`` (inclusive) as the figures need it."""
    query = (
        select(
            Activity.rep_id,
            Activity.day,
            Activity.minutes,
            ActivityType.category,
            ActivityType.code,
            Activity.channel,
            Activity.customer_id,
        )
        .join(ActivityType, ActivityType.id == Activity.type_id)
        .where(Activity.day >= first, Activity.day <= last)
    )
    return [TimeEntry(*row) for row in session.execute(query)]


@dataclass
class ActivityLog:
    """The log of a period as columns (for the register table): ``ids`` and one list per field."""

    ids: list[int]
    columns: dict[str, list[object]]


LOG_FIELDS: tuple[str, ...] = (
    "day",
    "start",
    "end",
    "minutes",
    "rep",
    "type",
    "type_code",
    "category",
    "channel",
    "customer",
    "outcome",
    "next_step",
    "source",
)


def log_select(first: date, last: date) -> Select:
    """The activities of ``first``..``last`` with the rep's, type's and customer's names, unordered:
    the log's query, shared by the register table and the export."""
    return (
        select(
            Activity.id,
            Activity.day,
            Activity.start,
            Activity.end,
            Activity.minutes,
            Rep.name,
            ActivityType.name,
            ActivityType.code,
            ActivityType.category,
            Activity.channel,
            Customer.name,
            Activity.outcome,
            Activity.next_step,
            Activity.source,
            Rep.employee_no,
        )
        .join(Rep, Rep.id == Activity.rep_id)
        .join(ActivityType, ActivityType.id == Activity.type_id)
        .outerjoin(Customer, Customer.id == Activity.customer_id)
        .where(Activity.day >= first, Activity.day <= last)
    )


def activity_log(session: Session, first: date, last: date) -> ActivityLog:
    """The activities of the period, newest first, with names for the rep, type and customer."""
    query = log_select(first, last).order_by(Activity.day.desc(), Activity.start.desc(), Activity.id.desc())
    columns: dict[str, list[object]] = {name: [] for name in LOG_FIELDS}
    ids: list[int] = []
    for row in session.execute(query):
        ids.append(row[0])
        for name, value in zip(LOG_FIELDS, row[1:], strict=False):
            columns[name].append(value if value is not None else "")
    return ActivityLog(ids, columns)


def activity_span(session: Session) -> tuple[date, date] | None:
    """The first and last day with activities, or None for an empty log."""
    first, last = session.execute(select(func.min(Activity.day), func.max(Activity.day))).one()
    return (first, last) if first is not None else None


# --------------------------------------------------------------------------- people and customers


class RepRow(NamedTuple):
    id: int
    name: str
    employee_no: str
    active: bool


def rep_rows(session: Session) -> list[RepRow]:
    """Every rep by id, active or not (reports list the active ones and anyone with activities)."""
    query = select(Rep.id, Rep.name, Rep.employee_no, Rep.active).order_by(Rep.id)
    return [RepRow(*row) for row in session.execute(query)]


def rep_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(Rep.id, Rep.name).order_by(Rep.id)).all())


def active_rep_ids(session: Session) -> list[int]:
    return list(session.scalars(select(Rep.id).where(Rep.active.is_(True)).order_by(Rep.id)))


AMBIGUOUS = -1
"""The customer key of several live customers: a name that does not say which one."""


def customer_keys(session: Session) -> dict[str, int]:
    """Live customers by normalised name and short name (:data:`AMBIGUOUS` where several share one)."""
    keys: dict[str, int] = {}
    query = select(Customer.id, Customer.name, Customer.short_name).where(Customer.deleted_at.is_(None))
    for cid, name, short in session.execute(query):
        for text in (name, short):
            key = normalise_company_name(text or "")
            if key:
                keys[key] = cid if keys.get(key, cid) == cid else AMBIGUOUS
    return keys


def customer_choices(session: Session) -> list[tuple[int, str]]:
    """(id, name) of live customers, for the quick-add completer."""
    query = select(Customer.id, Customer.name).where(Customer.deleted_at.is_(None)).order_by(Customer.name)
    return list(session.execute(query).all())


def customer_search_keys(session: Session) -> dict[int, str]:
    """customer id → its pinyin and initials, so the completer finds 华为 by typing hw or huawei."""
    query = select(Customer.id, Customer.pinyin, Customer.initials).where(Customer.deleted_at.is_(None))
    return {cid: f"{pinyin} {initials}" for cid, pinyin, initials in session.execute(query)}


class WonDeal(NamedTuple):
    owner_id: int | None
    customer_id: int
    amount_fen: int


def won_deals(session: Session, first: date, last: date) -> list[WonDeal]:
    """Opportunities won (status 'won') with a close day in the period."""
    query = select(Opportunity.owner_id, Opportunity.customer_id, Opportunity.amount_fen).where(
        Opportunity.status == "won", Opportunity.closed_on >= first, Opportunity.closed_on <= last
    )
    return [WonDeal(*row) for row in session.execute(query)]


# --------------------------------------------------------------------------- settings


def load_settings(session: Session) -> TimeSettings:
    """The stored time-allocation settings; missing keys take the domain's defaults."""
    raw = session.scalar(select(Setting.value).where(Setting.key == SETTINGS_KEY))
    data = json.loads(raw) if raw else {}
    defaults = asdict(TimeSettings())
    return TimeSettings(**{k: float(data.get(k, v)) for k, v in defaults.items()})


def save_settings(session: Session, settings: TimeSettings) -> None:
    value = json.dumps(asdict(settings))
    row = session.get(Setting, SETTINGS_KEY)
    if row is None:
        session.add(Setting(key=SETTINGS_KEY, value=value))
    else:
        row.value = value
