"""The competitor intelligence register (竞争对手情报): profiles, the intelligence feed, prices, rep sightings.

Every function takes a session and returns plain rows or domain objects; the page and the
battlecard never query the database themselves.  An entry's ``search_keys`` hold its text and
the pinyin (full and initials) of its text and of the competitor's name, so ASCII typed in
the search box finds Chinese entries (``jgtz`` finds 价格调整).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from domain.competitors import (
    Category,
    DealOutcome,
    Reliability,
    RepBehaviourSummary,
    RepObservation,
    Source,
    WinLoss,
    rep_behaviour_summary,
    win_loss,
)
from domain.text import pinyin_keys, search_haystack
from storage.models import (
    Competitor,
    CompetitorRepObservation,
    Customer,
    IntelligenceCustomer,
    IntelligenceEntry,
    ListPrice,
    Opportunity,
    OpportunityCompetitor,
    PriceObservation,
    Rep,
)

# ---------------------------------------------------------------------------------------------
# Profile


@dataclass
class CompetitorProfile:
    """The editable profile of one competitor (竞争对手档案); ``id`` None for a new one."""

    id: int | None
    name: str
    products: str = ""
    strengths: str = ""
    weaknesses: str = ""
    pricing: str = ""
    after_sales: str = ""
    delivery: str = ""
    tech_support: str = ""
    sales_target: str = ""
    expected_share_bp: int | None = None
    notes: str = ""


_PROFILE_TEXT = tuple(f.name for f in fields(CompetitorProfile) if f.name not in ("id", "name", "expected_share_bp"))


def get_profile(session: Session, competitor_id: int) -> CompetitorProfile:
    c = session.get_one(Competitor, competitor_id)
    return CompetitorProfile(
        c.id, c.name, **{name: getattr(c, name) for name in _PROFILE_TEXT}, expected_share_bp=c.expected_share_bp
    )


def save_profile(session: Session, profile: CompetitorProfile, now: datetime | None = None) -> int:
    """Insert or update the profile; the name's pinyin keys are kept for search and sorting."""
    now = now or datetime.now()
    if profile.id is None:
        competitor = Competitor(created_at=now)
        session.add(competitor)
    else:
        competitor = session.get_one(Competitor, profile.id)
    competitor.name = profile.name.strip()
    competitor.pinyin, competitor.initials = pinyin_keys(competitor.name)
    for name in _PROFILE_TEXT:
        setattr(competitor, name, getattr(profile, name))
    competitor.expected_share_bp = profile.expected_share_bp
    competitor.updated_at = now
    session.flush()
    # The competitor's name is part of every entry's search keys.
    for entry in session.scalars(select(IntelligenceEntry).where(IntelligenceEntry.competitor_id == competitor.id)):
        entry.search_keys = entry_search_keys(entry.text, competitor.name)
    return competitor.id


class CompetitorListRow(NamedTuple):
    id: int
    name: str
    pinyin: str
    initials: str
    entries: int


def list_competitors(session: Session) -> list[CompetitorListRow]:
    """Every competitor with its number of intelligence entries, by pinyin."""
    counts: dict[int, int] = {}
    for cid in session.scalars(select(IntelligenceEntry.competitor_id)):
        counts[cid] = counts.get(cid, 0) + 1
    query = select(Competitor.id, Competitor.name, Competitor.pinyin, Competitor.initials).order_by(
        Competitor.pinyin, Competitor.id
    )
    return [CompetitorListRow(i, n, p, s, counts.get(i, 0)) for i, n, p, s in session.execute(query)]


# ---------------------------------------------------------------------------------------------
# Intelligence entries


@dataclass
class EntryRecord:
    """One intelligence entry as a dialog edits it; ``id`` None for a new one."""

    id: int | None
    competitor_id: int
    observed_on: date
    category: Category
    text: str
    source: Source | None = None
    reliability: Reliability = Reliability.PROBABLE
    recorded_by_id: int | None = None
    customer_ids: tuple[int, ...] = ()


def entry_search_keys(text: str, competitor_name: str) -> str:
    """The text and competitor name with their pinyin and initials, as one lower-case haystack."""
    return search_haystack(text, *pinyin_keys(text), competitor_name, *pinyin_keys(competitor_name))


def save_entry(session: Session, record: EntryRecord, now: datetime | None = None) -> int:
    """Insert or update an intelligence entry with its customers; returns its id."""
    now = now or datetime.now()
    competitor = session.get_one(Competitor, record.competitor_id)
    entry = IntelligenceEntry(created_at=now) if record.id is None else session.get_one(IntelligenceEntry, record.id)
    entry.competitor_id = competitor.id
    entry.observed_on = record.observed_on
    entry.category = record.category.value
    entry.source = record.source.value if record.source else ""
    entry.reliability = record.reliability.value
    entry.text = record.text.strip()
    entry.recorded_by_id = record.recorded_by_id
    entry.search_keys = entry_search_keys(entry.text, competitor.name)
    session.add(entry)
    session.flush()
    session.execute(delete(IntelligenceCustomer).where(IntelligenceCustomer.entry_id == entry.id))
    for customer_id in dict.fromkeys(record.customer_ids):
        session.add(IntelligenceCustomer(entry_id=entry.id, customer_id=customer_id))
    session.flush()
    return entry.id


def get_entry(session: Session, entry_id: int) -> EntryRecord:
    entry = session.get_one(IntelligenceEntry, entry_id)
    return EntryRecord(
        id=entry.id,
        competitor_id=entry.competitor_id,
        observed_on=entry.observed_on,
        category=Category(entry.category) if entry.category in Category.__members__.values() else Category.OTHER,
        text=entry.text,
        source=Source(entry.source) if entry.source in Source.__members__.values() else None,
        reliability=Reliability(entry.reliability)
        if entry.reliability in Reliability.__members__.values()
        else Reliability.PROBABLE,
        recorded_by_id=entry.recorded_by_id,
        customer_ids=tuple(
            session.scalars(
                select(IntelligenceCustomer.customer_id)
                .where(IntelligenceCustomer.entry_id == entry_id)
                .order_by(IntelligenceCustomer.customer_id)
            )
        ),
    )


def delete_entry(session: Session, entry_id: int) -> None:
    session.execute(delete(IntelligenceEntry).where(IntelligenceEntry.id == entry_id))


class FeedRow(NamedTuple):
    id: int
    observed_on: date
    competitor_id: int
    competitor: str
    category: str
    source: str
    reliability: str
    text: str
    recorded_by: str
    customers: str


def feed(
    session: Session,
    competitor_id: int | None = None,
    category: Category | None = None,
    reliability: Reliability | None = None,
    search: str = "",
    limit: int | None = None,
) -> list[FeedRow]:
    """Intelligence entries newest first (by date observed, then newest recorded), filtered.

    ``search`` is matched, lower-cased, inside the entry's search keys: Chinese words match
    the text, ASCII matches the pinyin or initials of the text and the competitor's name.
    """
    query = (
        select(
            IntelligenceEntry.id, IntelligenceEntry.observed_on, IntelligenceEntry.competitor_id, Competitor.name,
            IntelligenceEntry.category, IntelligenceEntry.source, IntelligenceEntry.reliability,
            IntelligenceEntry.text, Rep.name,
        )
        .join(Competitor, Competitor.id == IntelligenceEntry.competitor_id)
        .outerjoin(Rep, Rep.id == IntelligenceEntry.recorded_by_id)
        .order_by(IntelligenceEntry.observed_on.desc(), IntelligenceEntry.id.desc())
    )  # fmt: skip
    if competitor_id is not None:
        query = query.where(IntelligenceEntry.competitor_id == competitor_id)
    if category is not None:
        query = query.where(IntelligenceEntry.category == category.value)
    if reliability is not None:
        query = query.where(IntelligenceEntry.reliability == reliability.value)
    needle = search_haystack(search.strip())
    if needle:
        query = query.where(IntelligenceEntry.search_keys.contains(needle, autoescape=True))
    if limit is not None:
        query = query.limit(limit)
    rows = list(session.execute(query))
    names: dict[int, list[str]] = {}
    if rows:
        ids = [r[0] for r in rows]
        for entry_id, name in session.execute(
            select(IntelligenceCustomer.entry_id, Customer.name)
            .join(Customer, Customer.id == IntelligenceCustomer.customer_id)
            .where(IntelligenceCustomer.entry_id.in_(ids))
            .order_by(Customer.id)
        ):
            names.setdefault(entry_id, []).append(name)
    return [
        FeedRow(eid, on, cid, cname, cat, src, rel, text, rep or "", "、".join(names.get(eid, ())))
        for eid, on, cid, cname, cat, src, rel, text, rep in rows
    ]


# ---------------------------------------------------------------------------------------------
# Prices


class PricePoint(NamedTuple):
    id: int
    product: str
    observed_on: date
    price_fen: int
    customer: str
    note: str


def add_price_observation(
    session: Session,
    competitor_id: int,
    product: str,
    observed_on: date,
    price_fen: int,
    customer_id: int | None = None,
    note: str = "",
) -> int:
    observation = PriceObservation(
        competitor_id=competitor_id,
        product=product.strip(),
        observed_on=observed_on,
        price_fen=price_fen,
        customer_id=customer_id,
        note=note,
    )
    session.add(observation)
    session.flush()
    return observation.id


def set_list_price(session: Session, product: str, valid_from: date, price_fen: int) -> None:
    """Our list price of ``product`` from ``valid_from`` on (replaces one set for the same day)."""
    existing = session.get(ListPrice, (product.strip(), valid_from))
    if existing is None:
        session.add(ListPrice(product=product.strip(), valid_from=valid_from, price_fen=price_fen))
    else:
        existing.price_fen = price_fen
    session.flush()


def price_observations(session: Session, competitor_id: int) -> list[PricePoint]:
    """The competitor's observed prices, newest first."""
    query = (
        select(PriceObservation.id, PriceObservation.product, PriceObservation.observed_on, PriceObservation.price_fen,
               Customer.name, PriceObservation.note)
        .outerjoin(Customer, Customer.id == PriceObservation.customer_id)
        .where(PriceObservation.competitor_id == competitor_id)
        .order_by(PriceObservation.observed_on.desc(), PriceObservation.id.desc())
    )  # fmt: skip
    return [PricePoint(i, p, on, fen, c or "", n) for i, p, on, fen, c, n in session.execute(query)]


@dataclass(frozen=True, slots=True)
class PriceHistory:
    """One product's price over time: theirs (observed) and ours (list price steps), oldest first."""

    product: str
    theirs: tuple[tuple[date, int], ...]
    ours: tuple[tuple[date, int], ...]


def price_history(session: Session, competitor_id: int) -> list[PriceHistory]:
    """Per product the competitor was seen pricing, their observations and our list prices, by product."""
    theirs: dict[str, list[tuple[date, int]]] = {}
    for product, on, fen in session.execute(
        select(PriceObservation.product, PriceObservation.observed_on, PriceObservation.price_fen)
        .where(PriceObservation.competitor_id == competitor_id)
        .order_by(PriceObservation.observed_on, PriceObservation.id)
    ):
        theirs.setdefault(product, []).append((on, fen))
    ours: dict[str, list[tuple[date, int]]] = {}
    if theirs:
        for product, on, fen in session.execute(
            select(ListPrice.product, ListPrice.valid_from, ListPrice.price_fen)
            .where(ListPrice.product.in_(list(theirs)))
            .order_by(ListPrice.valid_from)
        ):
            ours.setdefault(product, []).append((on, fen))
    return [PriceHistory(p, tuple(theirs[p]), tuple(ours.get(p, ()))) for p in sorted(theirs)]


# ---------------------------------------------------------------------------------------------
# Rep behaviour


class RepObservationRow(NamedTuple):
    id: int
    observed_on: date
    customer_id: int
    customer: str
    visits_per_month: int | None
    stay_minutes: int | None
    met_whom: str
    topic: str
    dealer_promotion: bool
    notes: str


def add_rep_observation(
    session: Session,
    competitor_id: int,
    customer_id: int,
    observed_on: date,
    visits_per_month: int | None = None,
    stay_minutes: int | None = None,
    met_whom: str = "",
    topic: str = "",
    dealer_promotion: bool = False,
    notes: str = "",
    recorded_by_id: int | None = None,
) -> int:
    observation = CompetitorRepObservation(
        competitor_id=competitor_id,
        customer_id=customer_id,
        observed_on=observed_on,
        visits_per_month=visits_per_month,
        stay_minutes=stay_minutes,
        met_whom=met_whom,
        topic=topic,
        dealer_promotion=dealer_promotion,
        notes=notes,
        recorded_by_id=recorded_by_id,
    )
    session.add(observation)
    session.flush()
    return observation.id


def rep_observations(session: Session, competitor_id: int) -> list[RepObservationRow]:
    """Sightings of the competitor's reps, newest first."""
    o = CompetitorRepObservation
    query = (
        select(o.id, o.observed_on, o.customer_id, Customer.name, o.visits_per_month, o.stay_minutes, o.met_whom,
               o.topic, o.dealer_promotion, o.notes)
        .join(Customer, Customer.id == o.customer_id)
        .where(o.competitor_id == competitor_id)
        .order_by(o.observed_on.desc(), o.id.desc())
    )  # fmt: skip
    return [RepObservationRow._make(row) for row in session.execute(query)]


def rep_summary(session: Session, competitor_id: int) -> RepBehaviourSummary:
    return rep_behaviour_summary(
        RepObservation(r.customer_id, r.observed_on, r.visits_per_month, r.stay_minutes, r.dealer_promotion)
        for r in rep_observations(session, competitor_id)
    )


# ---------------------------------------------------------------------------------------------
# Deals against them and the battlecard


class OpenDeal(NamedTuple):
    id: int
    customer: str
    name: str
    stage: str
    amount_fen: int
    expected_close: date | None


def _deals_with(
    session: Session, competitor_id: int
) -> Sequence[tuple[int, str, str, str, str, int, date | None, int | None]]:
    query = (
        select(Opportunity.id, Customer.name, Opportunity.name, Opportunity.stage, Opportunity.status,
               Opportunity.amount_fen, Opportunity.expected_close, Opportunity.winner_id)
        .join(OpportunityCompetitor, OpportunityCompetitor.opportunity_id == Opportunity.id)
        .join(Customer, Customer.id == Opportunity.customer_id)
        .where(OpportunityCompetitor.competitor_id == competitor_id)
        .order_by(Opportunity.expected_close, Opportunity.id)
    )  # fmt: skip
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


def win_loss_against(session: Session, competitor_id: int) -> WinLoss:
    """How the deals ``competitor_id`` took part in ended (a deal they won without being listed counts too)."""
    deals = {row[0]: DealOutcome(row[4], row[7], row[5]) for row in _deals_with(session, competitor_id)}
    for oid, status, winner, amount in session.execute(
        select(Opportunity.id, Opportunity.status, Opportunity.winner_id, Opportunity.amount_fen).where(
            Opportunity.winner_id == competitor_id
        )
    ):
        deals.setdefault(oid, DealOutcome(status, winner, amount))
    return win_loss(competitor_id, deals.values())


def open_deals_against(session: Session, competitor_id: int) -> list[OpenDeal]:
    """Our open deals where the competitor is present, soonest expected close first."""
    return [
        OpenDeal(oid, customer, name, stage, amount, expected)
        for oid, customer, name, stage, status, amount, expected, _winner in _deals_with(session, competitor_id)
        if status == "open"
    ]


@dataclass(frozen=True, slots=True)
class Battlecard:
    """Everything a one-page battlecard (竞争对手作战卡) shows about one competitor."""

    profile: CompetitorProfile
    entries: tuple[FeedRow, ...]
    prices: tuple[PriceHistory, ...]
    record: WinLoss
    open_deals: tuple[OpenDeal, ...]
    reps: RepBehaviourSummary
    as_of: date


def battlecard(session: Session, competitor_id: int, entries: int = 8, today: date | None = None) -> Battlecard:
    return Battlecard(
        profile=get_profile(session, competitor_id),
        entries=tuple(feed(session, competitor_id=competitor_id, limit=entries)),
        prices=tuple(price_history(session, competitor_id)),
        record=win_loss_against(session, competitor_id),
        open_deals=tuple(open_deals_against(session, competitor_id)),
        reps=rep_summary(session, competitor_id),
        as_of=today or date.today(),
    )
