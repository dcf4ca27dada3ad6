"""Visit planning (客户拜访计划): how often each class of customer is visited, which customers are
due, the planner that puts a rep's due visits on days, contact coverage, and the sales kit.

Inputs in, results out. Storage turns customers, their classes, last visits, attendance and
locked visits into the objects here; the page, the headless print command and the benchmark call
:func:`plan_visits` and :func:`coverage_gaps`.

Decisions a reader should know before changing anything:

* **Frequency** is a setting per class (ABC and the value matrix); a customer with several classes
  is visited at the most frequent of them. Frequencies are intervals in days (weekly 7, twice a
  month 15, monthly 30, every two months 61, quarterly 91), so "due" is a date.
* **Due**: a customer is due ``interval`` days after the last visit; one never visited is due at
  once. A customer visited weekly gets several visits in a month: after each placed visit the next
  is due ``interval`` days later.
* **Days**: only the rep's working days (calendar with 调休 and manual overrides); a full day of
  leave or a business trip removes the day, half a day of leave halves its capacity.
* **Capacity**: the daily cap (default 4 visits) is never exceeded; about 60% of the capacity is
  planned and 40% left to the rep's own judgement (the handbook's split), spread evenly: by the end
  of each day the plan holds the budget's share of the capacity so far (rounded half up).
* **Batching**: each day starts from the most urgent due customer and fills with due customers of
  the same district (spatial batching), then of the next most urgent district. Within a day
  visits are ordered by district then address, so a rep drives round one area at a time.
* **Urgency**: days overdue relative to the interval, then the customer's value score, then name:
  the plan is the same every time for the same data.
* **Locked** visits (dragged by the manager, or locked on purpose) are kept as they are; they take
  a slot on their day and stand in for the customer's visit within one interval either side.
* **Coverage**: a customer is uncovered when its last contact of any channel is older than its
  class interval, or, for a customer under contract, older than the quarterly minimum.
"""

from __future__ import annotations

import enum
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple


class Frequency(enum.StrEnum):
    """How often a class of customer is visited."""

    WEEKLY = "weekly"
    TWICE_MONTHLY = "twice_monthly"
    MONTHLY = "monthly"
    BIMONTHLY = "bimonthly"
    QUARTERLY = "quarterly"
    NEVER = "never"

    @property
    def days(self) -> int | None:
        """The interval in days; ``None`` for classes that are not visited on a schedule."""
        return _INTERVAL_DAYS[self]


_INTERVAL_DAYS: dict[Frequency, int | None] = {
    Frequency.WEEKLY: 7,
    Frequency.TWICE_MONTHLY: 15,
    Frequency.MONTHLY: 30,
    Frequency.BIMONTHLY: 61,
    Frequency.QUARTERLY: 91,
    Frequency.NEVER: None,
}

CLASS_KEYS: tuple[str, ...] = ("A", "B", "C", "star", "cow", "volcano", "dog")
"""The classes a frequency is set for: the ABC classes and the value matrix (see domain.customers)."""

DEFAULT_FREQUENCIES: dict[str, Frequency] = {
    "A": Frequency.TWICE_MONTHLY,
    "B": Frequency.MONTHLY,
    "C": Frequency.BIMONTHLY,
    "star": Frequency.WEEKLY,
    "cow": Frequency.TWICE_MONTHLY,
    "volcano": Frequency.MONTHLY,
    "dog": Frequency.BIMONTHLY,
}

SALES_KIT: tuple[str, ...] = (
    "business_cards",
    "catalogue",
    "price_list",
    "references",
    "customer_file",
    "calculator",
    "notebook",
    "gift",
    "visit_forms",
    "map",
)
"""The sales kit (销售工具) a rep carries, as codes; the page and the printout name them."""


@dataclass(frozen=True)
class VisitSettings:
    """The planner's settings; defaults are the handbook's, the database stores overrides."""

    frequencies: Mapping[str, Frequency] = field(default_factory=lambda: dict(DEFAULT_FREQUENCIES))
    daily_cap: int = 4
    """The most visits a rep makes in a full working day."""
    planned_share: float = 0.6
    """The share of the capacity the planner fills; the rest is left to the rep (60 / 40)."""
    contract_contact_days: int = 91
    """A customer under contract is contacted at least this often, whatever its class."""
    kit: tuple[str, ...] = SALES_KIT

    def interval(self, classes: Iterable[str]) -> int | None:
        """The visit interval in days of a customer in ``classes``: the most frequent one wins."""
        days = [d for c in classes if (d := self.frequencies.get(c, Frequency.NEVER).days) is not None]
        return min(days) if days else None


class PlanCustomer(NamedTuple):
    """What the planner knows of one customer of the rep."""

    customer_id: int
    name: str
    district: str
    address: str
    classes: tuple[str, ...]
    last_visit: date | None
    score: float = 0.0
    """Value score (0-100) for ties between equally urgent customers."""


class FixedVisit(NamedTuple):
    """A visit the planner must keep: locked, or already done."""

    customer_id: int
    day: date


class PlannedSlot(NamedTuple):
    customer_id: int
    day: date
    position: int
    due: date
    """When the visit fell due; before the period start for an overdue customer."""


class Unplanned(NamedTuple):
    """A visit that fell due in the period but found no room."""

    customer_id: int
    due: date


@dataclass(frozen=True)
class Plan:
    visits: list[PlannedSlot]
    unplanned: list[Unplanned]
    days: list[date]
    """The days visits could go on (working and available), in order."""
    capacity: int
    """Visits the days could hold at the daily cap."""
    budget: int
    """Visits the planner aimed at: the planned share of the capacity."""

    def on(self, day: date) -> list[PlannedSlot]:
        return [v for v in self.visits if v.day == day]


def day_capacity(cap: int, available: float) -> int:
    """Visits that fit in a day of which ``available`` (0..1) is free: a half day holds half."""
    return math.floor(cap * max(0.0, min(available, 1.0)) + 1e-9)


def plan_visits(
    customers: Sequence[PlanCustomer],
    days: Sequence[date],
    settings: VisitSettings,
    *,
    availability: Mapping[date, float] | None = None,
    fixed: Sequence[FixedVisit] = (),
    fixed_load: Mapping[date, int] | None = None,
) -> Plan:
    """Put the due visits of one rep's ``customers`` on ``days``.

    ``days`` are the rep's working days in the period, in order (storage leaves out weekends and
    holidays); ``availability`` maps a day to the share of it the rep has (0 for leave or a trip,
    0.5 for half a day of leave; missing means 1). ``fixed`` are the locked or done visits in and
    around the period; ``fixed_load`` counts the fixed visits on each day of the period (they take
    slots). Returns the new visits, which never include a fixed one.
    """
    availability = availability or {}
    load = dict(fixed_load or {})
    open_days = [d for d in sorted(set(days)) if availability.get(d, 1.0) > 0]
    caps = {d: day_capacity(settings.daily_cap, availability.get(d, 1.0)) for d in open_days}
    capacity = sum(caps.values())
    budget = max(0, round(capacity * settings.planned_share) - sum(load.get(d, 0) for d in open_days))
    if not open_days:
        return Plan([], [], [], 0, 0)
    first, last = open_days[0], open_days[-1]

    fixed_by_customer: dict[int, list[date]] = defaultdict(list)
    for f in fixed:
        fixed_by_customer[f.customer_id].append(f.day)

    intervals: dict[int, int] = {}
    next_due: dict[int, date] = {}
    for c in customers:
        interval = settings.interval(c.classes)
        if interval is None:
            continue
        intervals[c.customer_id] = interval
        seen = [c.last_visit] if c.last_visit else []
        seen += [d for d in fixed_by_customer.get(c.customer_id, ()) if d < first]
        next_due[c.customer_id] = max(seen) + timedelta(days=interval) if seen else first
    info = {c.customer_id: c for c in customers}

    def blocked(cid: int, day: date) -> bool:
        """A fixed visit within one interval of ``day`` already stands for this one."""
        return any(abs((f - day).days) < intervals[cid] for f in fixed_by_customer.get(cid, ()))

    def urgency(cid: int, day: date) -> tuple[float, float, str]:
        overdue = (day - next_due[cid]).days / intervals[cid]
        c = info[cid]
        return (-overdue, -c.score, c.name)

    visits: list[PlannedSlot] = []
    remaining_budget = budget
    capacity_so_far = 0
    for day in open_days:
        room = max(0, caps[day] - load.get(day, 0))
        # Spread evenly: by the end of each day, the budget's share of the capacity so far.
        capacity_so_far += caps[day]
        target = math.floor(budget * capacity_so_far / capacity + 0.5) if capacity else 0
        share = target - (budget - remaining_budget)
        limit = min(room, share, remaining_budget)
        for cid, fixed_days in fixed_by_customer.items():
            # A fixed visit on or before this day moves the next due date past it.
            if cid in next_due:
                for fixed_day in fixed_days:
                    if first <= fixed_day <= day:
                        next_due[cid] = max(next_due[cid], fixed_day + timedelta(days=intervals[cid]))
        if limit <= 0:
            continue
        eligible = [cid for cid, due in next_due.items() if due <= day and not blocked(cid, day)]
        eligible.sort(key=lambda cid: urgency(cid, day))
        picked: list[int] = []
        while eligible and len(picked) < limit:
            district = info[eligible[0]].district
            same = [cid for cid in eligible if info[cid].district == district]
            take = same[: limit - len(picked)]
            picked += take
            eligible = [cid for cid in eligible if cid not in set(take)]
        ordered = sorted(picked, key=lambda cid: (info[cid].district, info[cid].address, info[cid].name))
        start = load.get(day, 0)
        for position, cid in enumerate(ordered, start=start):
            visits.append(PlannedSlot(cid, day, position, next_due[cid]))
            next_due[cid] = day + timedelta(days=intervals[cid])
        remaining_budget -= len(picked)

    unplanned = sorted(
        (Unplanned(cid, due) for cid, due in next_due.items() if due <= last and not blocked(cid, max(due, first))),
        key=lambda u: (u.due, -info[u.customer_id].score, info[u.customer_id].name),
    )
    return Plan(visits, unplanned, open_days, capacity, budget)


# --------------------------------------------------------------------------- contact coverage


class CoverageCustomer(NamedTuple):
    customer_id: int
    name: str
    classes: tuple[str, ...]
    last_contact: date | None
    under_contract: bool
    annual_fen: int = 0
    """Trailing sales: the most valuable uncovered customers are listed first."""
    score: float = 0.0


class CoverageGap(NamedTuple):
    customer_id: int
    name: str
    last_contact: date | None
    interval: int
    """The days allowed between contacts (class interval, or the contract minimum if shorter)."""
    days_since: int | None
    """Days since the last contact; ``None`` for a customer never contacted."""
    annual_fen: int


def coverage_gaps(customers: Iterable[CoverageCustomer], as_of: date, settings: VisitSettings) -> list[CoverageGap]:
    """Customers not contacted within their interval as of ``as_of``, most valuable first."""
    gaps: list[CoverageGap] = []
    for c in customers:
        allowed = [d for d in (settings.interval(c.classes),) if d is not None]
        if c.under_contract:
            allowed.append(settings.contract_contact_days)
        if not allowed:
            continue
        interval = min(allowed)
        since = (as_of - c.last_contact).days if c.last_contact else None
        if since is None or since > interval:
            gaps.append(CoverageGap(c.customer_id, c.name, c.last_contact, interval, since, c.annual_fen))
    gaps.sort(key=lambda g: (-g.annual_fen, -(g.days_since if g.days_since is not None else 10**6), g.name))
    return gaps


# --------------------------------------------------------------------------- periods


class PeriodError(ValueError):
    """A week or month that cannot be read (``2026-W48``, ``2026-11``)."""


def parse_week(text: str) -> tuple[date, date]:
    """``2026-W48`` → (Monday, Sunday) of that ISO week."""
    try:
        year_text, week_text = text.strip().upper().split("-W")
        monday = date.fromisocalendar(int(year_text), int(week_text), 1)
    except ValueError as exc:
        raise PeriodError(text) from exc
    return monday, monday + timedelta(days=6)


def parse_month(text: str) -> tuple[date, date]:
    """``2026-11`` → (first, last day) of that month."""
    try:
        year_text, month_text = text.strip().split("-")
        first = date(int(year_text), int(month_text), 1)
    except ValueError as exc:
        raise PeriodError(text) from exc
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def iso_week_label(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


# --------------------------------------------------------------------------- the printed schedule


class ScheduleVisit(NamedTuple):
    """One visit as the printed schedule shows it."""

    visit_id: int
    customer_id: int
    customer: str
    classes: tuple[str, ...]
    district: str
    address: str
    contact: str
    contact_role: str
    """The contact's decision role code (see domain.records.DecisionRole), or ''."""
    phone: str
    purpose: str
    last_visit: date | None
    last_outcome: str
    opportunities: tuple[str, ...]
    locked: bool
    status: str
    contact_title: str = ""
    """The contact's job title as written (采购经理 …)."""


@dataclass(frozen=True)
class ScheduleDay:
    day: date
    visits: list[ScheduleVisit]
    note: str = ""
    """Why the day has no visits (holiday name, leave, trip), for the printout."""


@dataclass(frozen=True)
class Schedule:
    rep: str
    first: date
    last: date
    days: list[ScheduleDay]
    kit: tuple[str, ...] = SALES_KIT

    @property
    def visit_count(self) -> int:
        return sum(len(d.visits) for d in self.days)

    def customers(self) -> list[str]:
        return [v.customer for d in self.days for v in d.visits]
