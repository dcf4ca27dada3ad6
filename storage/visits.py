"""Visit plans in the database: the planner's settings, what it needs to know of a rep's customers
and days, the planned visits themselves (generate, move, lock, add, delete, record the outcome),
the printed schedule's contents and the contact-coverage list.

The rules live in :mod:`domain.visits`; this module only gathers their inputs and stores results.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from domain.attendance import Mark, parse_status
from domain.customers import ClassificationSettings, CustomerStatus, classify
from domain.pipeline import STAGE_ENGLISH, Stage
from domain.records import DecisionRole
from domain.time_allocation import CONTACT_CHANNELS, Channel
from domain.visits import (
    CLASS_KEYS,
    CoverageCustomer,
    CoverageGap,
    FixedVisit,
    Frequency,
    PlanCustomer,
    Schedule,
    ScheduleDay,
    ScheduleVisit,
    VisitSettings,
    coverage_gaps,
    plan_visits,
)
from storage import activities
from storage.attendance import load_rules, stored_days, work_calendar
from storage.customers import sales_facts
from storage.models import Activity, Contact, Customer, Opportunity, PlannedVisit, Rep, Setting
from storage.settings import load_classification

SETTINGS_KEY = "visit_settings"
FACE_TO_FACE = (Channel.VISIT.value, Channel.MEETING.value)
LOOK_AROUND = timedelta(days=92)
"""Fixed visits this far either side of the period still count (the longest default interval)."""


# --------------------------------------------------------------------------- settings


def load_settings(session: Session) -> VisitSettings:
    raw = session.scalar(select(Setting.value).where(Setting.key == SETTINGS_KEY))
    defaults = VisitSettings()
    if not raw:
        return defaults
    data = json.loads(raw)
    frequencies = dict(defaults.frequencies)
    for key, value in data.get("frequencies", {}).items():
        if key in CLASS_KEYS and value in Frequency._value2member_map_:
            frequencies[key] = Frequency(value)
    return VisitSettings(
        frequencies=frequencies,
        daily_cap=max(1, int(data.get("daily_cap", defaults.daily_cap))),
        planned_share=min(1.0, max(0.0, float(data.get("planned_share", defaults.planned_share)))),
        contract_contact_days=max(1, int(data.get("contract_contact_days", defaults.contract_contact_days))),
    )


def save_settings(session: Session, settings: VisitSettings) -> None:
    data = {
        "frequencies": {k: str(v) for k, v in settings.frequencies.items()},
        "daily_cap": settings.daily_cap,
        "planned_share": settings.planned_share,
        "contract_contact_days": settings.contract_contact_days,
    }
    row = session.get(Setting, SETTINGS_KEY)
    if row is None:
        session.add(Setting(key=SETTINGS_KEY, value=json.dumps(data)))
    else:
        row.value = json.dumps(data)


# --------------------------------------------------------------------------- customers and classes


def customer_classes(
    session: Session, as_of: date, settings: ClassificationSettings | None = None
) -> dict[int, tuple[tuple[str, ...], float, int]]:
    """customer id → (classes (ABC, value matrix), value score, trailing sales in fen)."""
    settings = settings or load_classification(session)
    facts = sales_facts(session, as_of, settings.trailing_months)
    annual = {f.customer_id: f.annual_fen for f in facts}
    lost = {f.customer_id for f in facts if f.status == CustomerStatus.LOST}
    result: dict[int, tuple[tuple[str, ...], float, int]] = {}
    for cid, c in classify(facts, settings).items():
        if cid not in lost:
            result[cid] = ((str(c.abc), str(c.value)), c.score, annual[cid])
    return result


def last_visits(
    session: Session, customer_ids: Iterable[int] | None = None, before: date | None = None
) -> dict[int, date]:
    """customer id → the last face-to-face contact (a visit or meeting activity) before ``before``."""
    query = select(Activity.customer_id, func.max(Activity.day)).where(
        Activity.customer_id.is_not(None), Activity.channel.in_(FACE_TO_FACE)
    )
    if before is not None:
        query = query.where(Activity.day < before)
    if customer_ids is not None:
        query = query.where(Activity.customer_id.in_(list(customer_ids)))
    return {cid: day for cid, day in session.execute(query.group_by(Activity.customer_id)) if cid is not None}


def last_contacts(session: Session) -> dict[int, date]:
    """customer id → the last contact on any channel (visit, phone, e-mail, meeting)."""
    query = (
        select(Activity.customer_id, func.max(Activity.day))
        .where(Activity.customer_id.is_not(None), Activity.channel.in_(CONTACT_CHANNELS))
        .group_by(Activity.customer_id)
    )
    return {cid: day for cid, day in session.execute(query) if cid is not None}


Classes = dict[int, tuple[tuple[str, ...], float, int]]
"""What :func:`customer_classes` returns: computed once when a whole team is planned."""


def plan_customers(
    session: Session, rep_id: int, as_of: date, before: date, classes: Classes | None = None
) -> list[PlanCustomer]:
    """The rep's live customers with their classes and last visit before ``before``."""
    if classes is None:
        classes = customer_classes(session, as_of)
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.city, Customer.district, Customer.address).where(
            Customer.owner_id == rep_id, Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None)
        )
    ).all()
    ids = [r[0] for r in rows if r[0] in classes]
    last = last_visits(session, ids, before)
    return [
        # Batched by city and district: district names repeat across cities (鼓楼区, 朝阳区 …).
        PlanCustomer(
            cid,
            name,
            (city or "") + (district or ""),
            address or "",
            classes[cid][0],
            last.get(cid),
            classes[cid][1],
        )
        for cid, name, city, district, address in rows
        if cid in classes
    ]


# --------------------------------------------------------------------------- the rep's days


@dataclass(frozen=True)
class RepDays:
    """A rep's days in a period as the planner sees them."""

    working: list[date]
    """Working days by the calendar (weekends and holidays out, 调休 days in)."""
    availability: dict[date, float]
    """Working days the rep is partly or wholly away (leave, business trip): the share available."""
    notes: dict[date, str]
    """Why a day holds no visits: 'holiday:<name>', 'weekend', 'leave', 'trip', 'half_leave'."""
    unknown_years: tuple[int, ...] = ()
    """Years the holiday calendar does not cover yet: their holidays are not known (weekdays only)."""


def rep_days(session: Session, rep_id: int, first: date, last: date, chinese: bool = True) -> RepDays:
    rules = load_rules(session)
    calendar = work_calendar(session, rules)
    working: list[date] = []
    notes: dict[date, str] = {}
    day = first
    unknown: set[int] = set()
    while day <= last:
        if not calendar.known(day):
            unknown.add(day.year)
        if calendar.is_working_day(day):
            working.append(day)
        else:
            name = calendar.holiday_name(day, chinese=chinese)
            notes[day] = f"holiday:{name}" if name else "weekend"
        day += timedelta(days=1)
    availability: dict[date, float] = {}
    working_set = set(working)
    for stored in stored_days(session, first, last):
        if stored.rep_id != rep_id or not stored.status_text or stored.day not in working_set:
            continue  # leave on a day off changes nothing
        reading = parse_status(stored.status_text)
        if Mark.TRIP in reading.marks:
            availability[stored.day] = 0.0
            notes[stored.day] = "trip"
        elif Mark.LEAVE in reading.marks:
            away = reading.days_of_leave(rules)
            availability[stored.day] = max(0.0, 1.0 - away)
            notes[stored.day] = "leave" if away >= 1.0 else "half_leave"
    return RepDays(working, availability, notes, tuple(sorted(unknown)))


# --------------------------------------------------------------------------- planned visits


@dataclass(frozen=True)
class VisitRow:
    """One planned visit as the planner page shows it."""

    visit_id: int
    day: date
    position: int
    customer_id: int
    customer: str
    district: str
    classes: tuple[str, ...]
    purpose: str
    locked: bool
    status: str
    last_visit: date | None = None
    """The customer's last face-to-face contact before the period."""


def visit_rows(session: Session, rep_id: int, first: date, last: date, as_of: date | None = None) -> list[VisitRow]:
    classes = customer_classes(session, as_of or date.today())
    query = (
        select(PlannedVisit, Customer.name, Customer.district)
        .join(Customer, Customer.id == PlannedVisit.customer_id)
        .where(PlannedVisit.rep_id == rep_id, PlannedVisit.day >= first, PlannedVisit.day <= last)
        .where(PlannedVisit.status != "cancelled")
        .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
        .order_by(PlannedVisit.day, PlannedVisit.position, PlannedVisit.id)
    )
    rows = session.execute(query).all()
    previous = last_visits(session, {v.customer_id for v, _n, _d in rows}, before=first)
    return [
        VisitRow(
            v.id,
            v.day,
            v.position,
            v.customer_id,
            name,
            district or "",
            classes.get(v.customer_id, ((), 0.0, 0))[0],
            v.purpose,
            v.locked,
            v.status,
            previous.get(v.customer_id),
        )
        for v, name, district in rows
    ]


@dataclass(frozen=True)
class GenerateResult:
    created: int
    kept: int
    """Locked or done visits left as they were."""
    unplanned: list[tuple[int, str, date]]
    """(customer id, name, due) of visits due in the period that found no room."""
    capacity: int
    budget: int


def generate_team(
    session: Session, rep_ids: Sequence[int], first: date, last: date, as_of: date | None = None
) -> dict[int, GenerateResult]:
    """:func:`generate` for several reps, classifying the customers once."""
    as_of = as_of or date.today()
    classes = customer_classes(session, as_of)
    return {rep_id: generate(session, rep_id, first, last, as_of, classes) for rep_id in rep_ids}


def generate(
    session: Session, rep_id: int, first: date, last: date, as_of: date | None = None, classes: Classes | None = None
) -> GenerateResult:
    """Replace the rep's unlocked planned visits in the period with a fresh plan.

    Days before ``as_of`` (today) are history: their visits stay as they are and none is added.
    """
    as_of = as_of or date.today()
    first = max(first, as_of)
    if first > last:
        return GenerateResult(0, 0, [], 0, 0)
    settings = load_settings(session)
    session.execute(
        delete(PlannedVisit).where(
            PlannedVisit.rep_id == rep_id,
            PlannedVisit.day >= first,
            PlannedVisit.day <= last,
            PlannedVisit.locked.is_(False),
            PlannedVisit.status == "planned",
        )
    )
    fixed_rows = session.execute(
        select(PlannedVisit.customer_id, PlannedVisit.day).where(
            PlannedVisit.rep_id == rep_id,
            PlannedVisit.day >= first - LOOK_AROUND,
            PlannedVisit.day <= last + LOOK_AROUND,
            PlannedVisit.status != "cancelled",
            # A past visit still only planned was missed (locked or not): the customer is due again.
            # Visits planned from today on (locked, or another period's plan) stand.
            (PlannedVisit.status == "done") | (PlannedVisit.day >= as_of),
        )
    ).all()
    fixed = [FixedVisit(cid, day) for cid, day in fixed_rows]
    load: dict[date, int] = defaultdict(int)
    for f in fixed:
        if first <= f.day <= last:
            load[f.day] += 1
    kept = sum(load.values())
    customers = plan_customers(session, rep_id, as_of, first, classes)
    days = rep_days(session, rep_id, first, last)
    plan = plan_visits(customers, days.working, settings, availability=days.availability, fixed=fixed, fixed_load=load)
    purposes = next_steps(session, [v.customer_id for v in plan.visits])
    now = datetime.now()
    session.add_all(
        PlannedVisit(
            rep_id=rep_id,
            customer_id=v.customer_id,
            day=v.day,
            position=v.position,
            purpose=purposes.get(v.customer_id, ""),
            locked=False,
            status="planned",
            created_at=now,
        )
        for v in plan.visits
    )
    session.flush()
    for day in {v.day for v in plan.visits if load.get(v.day)}:  # days that also hold kept visits
        _merge_day(session, rep_id, day)
    names = {c.customer_id: c.name for c in customers}
    return GenerateResult(
        len(plan.visits),
        kept,
        [(u.customer_id, names[u.customer_id], u.due) for u in plan.unplanned],
        plan.capacity,
        plan.budget,
    )


def next_steps(session: Session, customer_ids: Sequence[int]) -> dict[int, str]:
    """customer id → the next step of its open opportunity due soonest, as a visit's purpose."""
    if not customer_ids:
        return {}
    rows = session.execute(
        select(Opportunity.customer_id, Opportunity.next_step)
        .where(Opportunity.customer_id.in_(set(customer_ids)), Opportunity.status == "open")
        .where(Opportunity.next_step != "")
        .order_by(Opportunity.next_step_on.is_(None), Opportunity.next_step_on)
    ).all()
    result: dict[int, str] = {}
    for cid, step in rows:
        result.setdefault(cid, step)
    return result


def _renumber(session: Session, rep_id: int, day: date, moved: PlannedVisit | None, position: int) -> None:
    others = [
        v
        for v in session.scalars(
            select(PlannedVisit)
            .where(PlannedVisit.rep_id == rep_id, PlannedVisit.day == day, PlannedVisit.status != "cancelled")
            .order_by(PlannedVisit.position, PlannedVisit.id)
        )
        if moved is None or v.id != moved.id
    ]
    if moved is not None:
        others.insert(max(0, min(position, len(others))), moved)
    for index, visit in enumerate(others):
        visit.position = index


def recorded_outcome(session: Session, visit_id: int) -> tuple[str, int, str, str] | None:
    """(start, minutes, outcome, next step) recorded for a done visit, to edit; None before."""
    visit = session.get(PlannedVisit, visit_id)
    if visit is None or visit.activity_id is None:
        return None
    activity = session.get(Activity, visit.activity_id)
    if activity is None:
        return None
    return activity.start, activity.minutes, activity.outcome, activity.next_step


def _merge_day(session: Session, rep_id: int, day: date) -> None:
    """Order a replanned day: kept (locked or done) visits stay at the place the manager gave them,
    the new visits fill the other places in the planner's order."""
    visits = list(
        session.scalars(
            select(PlannedVisit)
            .where(PlannedVisit.rep_id == rep_id, PlannedVisit.day == day, PlannedVisit.status != "cancelled")
            .order_by(PlannedVisit.position, PlannedVisit.id)
        )
    )
    kept = [v for v in visits if v.locked or v.status == "done"]
    new = [v for v in visits if not (v.locked or v.status == "done")]
    slots: list[PlannedVisit | None] = [None] * len(visits)
    for visit in kept:
        place = min(visit.position, len(visits) - 1)
        while slots[place] is not None:
            place = (place + 1) % len(visits)
        slots[place] = visit
    fill = iter(new)
    for place, slot in enumerate(slots):
        (slot if slot is not None else next(fill)).position = place


def move_visit(session: Session, visit_id: int, day: date, position: int = 10**6) -> None:
    """Move a visit to ``day`` at ``position`` (default: last); a moved visit is locked."""
    visit = session.get(PlannedVisit, visit_id)
    if visit is None:
        raise LookupError(visit_id)
    old_day = visit.day
    visit.day = day
    visit.locked = True
    session.flush()
    _renumber(session, visit.rep_id, day, visit, position)
    if old_day != day:
        _renumber(session, visit.rep_id, old_day, None, 0)
    session.flush()


def set_locked(session: Session, visit_ids: Iterable[int], locked: bool) -> None:
    for visit in session.scalars(select(PlannedVisit).where(PlannedVisit.id.in_(list(visit_ids)))):
        visit.locked = locked


def add_visit(session: Session, rep_id: int, customer_id: int, day: date, purpose: str = "") -> int:
    """A visit the manager adds by hand: locked, last on its day."""
    position = session.scalar(select(func.count()).where(PlannedVisit.rep_id == rep_id, PlannedVisit.day == day))
    visit = PlannedVisit(
        rep_id=rep_id,
        customer_id=customer_id,
        day=day,
        position=position or 0,
        purpose=purpose,
        locked=True,
        status="planned",
        created_at=datetime.now(),
    )
    session.add(visit)
    session.flush()
    return visit.id


def delete_visits(session: Session, visit_ids: Iterable[int]) -> None:
    ids = list(visit_ids)
    days = session.execute(select(PlannedVisit.rep_id, PlannedVisit.day).where(PlannedVisit.id.in_(ids))).all()
    session.execute(delete(PlannedVisit).where(PlannedVisit.id.in_(ids)))
    for rep_id, day in set(days):
        _renumber(session, rep_id, day, None, 0)


def record_outcome(
    session: Session, visit_id: int, *, minutes: int, outcome: str, next_step: str = "", start: str = ""
) -> int:
    """Record how a planned visit went: creates the visit activity and marks the visit done."""
    visit = session.get(PlannedVisit, visit_id)
    if visit is None:
        raise LookupError(visit_id)
    if visit.activity_id is not None:
        activity = session.get(Activity, visit.activity_id)
        if activity is not None:
            activity.minutes = minutes
            activity.outcome = outcome
            activity.next_step = next_step
            activity.start = start
            return activity.id
    activity_id = activities.add_activity(
        session,
        rep_id=visit.rep_id,
        day=visit.day,
        minutes=minutes,
        type_code="visit",
        channel=Channel.VISIT.value,
        customer_id=visit.customer_id,
        start=start,
        outcome=outcome,
        next_step=next_step,
        source="visit plan",
    )
    visit.activity_id = activity_id
    visit.status = "done"
    return activity_id


# --------------------------------------------------------------------------- the printed schedule


_ROLE_ORDER = tuple(DecisionRole)


def _main_contacts(session: Session, customer_ids: set[int]) -> dict[int, Contact]:
    best: dict[int, Contact] = {}
    for contact in session.scalars(select(Contact).where(Contact.customer_id.in_(customer_ids)).order_by(Contact.id)):
        rank = _ROLE_ORDER.index(contact.decision_role) if contact.decision_role in _ROLE_ORDER else len(_ROLE_ORDER)
        held = best.get(contact.customer_id)
        held_rank = (
            _ROLE_ORDER.index(held.decision_role)
            if held is not None and held.decision_role in _ROLE_ORDER
            else len(_ROLE_ORDER)
        )
        if held is None or rank < held_rank:
            best[contact.customer_id] = contact
    return best


def _stage_name(code: str, chinese: bool) -> str:
    if code not in Stage._value2member_map_:
        return code
    return Stage(code).chinese if chinese else STAGE_ENGLISH[Stage(code)]


def _full_address(city: str, district: str, address: str) -> str:
    """The street address with its city and district in front, unless it already names them."""
    front = "".join(p for p in (city, district) if p and p not in address)
    return front + address if address else front


def schedule(
    session: Session, rep_id: int, first: date, last: date, chinese: bool = True, as_of: date | None = None
) -> Schedule:
    """What the printed schedule of the rep shows for the period (every day, visits in order)."""
    rep = session.get(Rep, rep_id)
    if rep is None:
        raise LookupError(rep_id)
    rows = visit_rows(session, rep_id, first, last, as_of)
    ids = {r.customer_id for r in rows}
    customers = {c.id: c for c in session.scalars(select(Customer).where(Customer.id.in_(ids)))}
    contacts = _main_contacts(session, ids)
    past = session.execute(
        select(Activity.customer_id, Activity.day, Activity.outcome)
        .where(Activity.customer_id.in_(ids), Activity.channel.in_(FACE_TO_FACE))
        .order_by(Activity.day)
    ).all()
    history: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for cid, day, outcome in past:
        if cid is not None:
            history[cid].append((day, outcome))
    deals: dict[int, list[str]] = defaultdict(list)
    for cid, name, stage, amount in session.execute(
        select(Opportunity.customer_id, Opportunity.name, Opportunity.stage, Opportunity.amount_fen)
        .where(Opportunity.customer_id.in_(ids), Opportunity.status == "open")
        .order_by(Opportunity.amount_fen.desc())
    ):
        deals[cid].append(f"{name} · {_stage_name(stage, chinese)} · ¥{amount / 100:,.0f}")
    days = rep_days(session, rep_id, first, last, chinese)
    by_day: dict[date, list[ScheduleVisit]] = defaultdict(list)
    for r in rows:
        c = customers[r.customer_id]
        contact = contacts.get(r.customer_id)
        before = [h for h in history.get(r.customer_id, []) if h[0] < r.day]
        by_day[r.day].append(
            ScheduleVisit(
                visit_id=r.visit_id,
                customer_id=r.customer_id,
                customer=c.name,
                classes=r.classes,
                district=c.district or "",
                address=_full_address(c.city, c.district, c.address),
                contact=contact.name if contact else "",
                contact_role=contact.decision_role if contact else "",
                contact_title=contact.title if contact else "",
                phone=(contact.phone if contact and contact.phone else c.phone) or "",
                purpose=r.purpose,
                last_visit=before[-1][0] if before else None,
                last_outcome=before[-1][1] if before else "",
                opportunities=tuple(deals.get(r.customer_id, ())),
                locked=r.locked,
                status=r.status,
            )
        )
    result: list[ScheduleDay] = []
    day = first
    while day <= last:
        note = days.notes.get(day, "")
        if day in by_day or not note.startswith("weekend"):
            result.append(ScheduleDay(day, by_day.get(day, []), note))
        day += timedelta(days=1)
    return Schedule(rep.name, first, last, result, load_settings(session).kit)


# --------------------------------------------------------------------------- coverage


def coverage(session: Session, as_of: date, rep_id: int | None = None) -> list[tuple[CoverageGap, str]]:
    """Customers not contacted within their interval, most valuable first, with the owner's name."""
    classes = customer_classes(session, as_of)
    last = last_contacts(session)
    query = select(Customer.id, Customer.name, Customer.status, Customer.owner_id).where(
        Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None)
    )
    if rep_id is not None:
        query = query.where(Customer.owner_id == rep_id)
    owners: dict[int, int | None] = {}
    items: list[CoverageCustomer] = []
    for cid, name, status, owner in session.execute(query):
        if cid not in classes:
            continue
        owners[cid] = owner
        cls, score, annual = classes[cid]
        items.append(CoverageCustomer(cid, name, cls, last.get(cid), status == CustomerStatus.CLOSED, annual, score))
    reps: dict[int, str] = {rid: name for rid, name in session.execute(select(Rep.id, Rep.name))}
    return [(g, reps.get(owners[g.customer_id] or 0, "")) for g in coverage_gaps(items, as_of, load_settings(session))]


def rep_by_name(session: Session, text: str) -> int | None:
    """A rep by exact name or employee number (the headless command's ``--rep``)."""
    wanted = text.strip()
    found = session.scalar(select(Rep.id).where((Rep.name == wanted) | (Rep.employee_no == wanted)))
    return found


def customer_choices(session: Session, rep_id: int) -> list[tuple[int, str, str]]:
    """(id, name, pinyin search keys) of every live customer, the rep's own first."""
    rows = list(
        session.execute(
            select(Customer.id, Customer.name, Customer.pinyin, Customer.initials, Customer.owner_id)
            .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
            .order_by(Customer.name)
        )
    )
    rows.sort(key=lambda r: r[4] != rep_id)
    return [(cid, name, f"{pinyin} {initials}".strip()) for cid, name, pinyin, initials, _owner in rows]


def rep_choices(session: Session) -> list[tuple[int, str]]:
    """Active reps who own customers, by name."""
    owners = select(Customer.owner_id).where(Customer.deleted_at.is_(None)).distinct()
    return [
        (rid, name)
        for rid, name in session.execute(
            select(Rep.id, Rep.name).where(Rep.active.is_(True), Rep.id.in_(owners)).order_by(Rep.name)
        )
    ]
