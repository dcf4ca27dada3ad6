"""Queries and changes of the customer register: list rows, sales facts, records, delete/restore, merge.

Everything here takes a :class:`~sqlalchemy.orm.Session`; the caller owns the
transaction, so one import or one merge commits together or not at all.
SQL stays portable (no SQLite-only functions) so PostgreSQL works too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple

from sqlalchemy import case, delete, func, select, update
from sqlalchemy.orm import Session

from domain.customers import (
    Classification,
    ClassificationSettings,
    CustomerFacts,
    CustomerStatus,
    classify,
    trailing_window,
)
from domain.duplicates import DuplicateCandidate
from domain.records import CUSTOMER_TEXT_FIELDS, ContactRecord, CustomerRecord, OrderRecord
from domain.text import pinyin_keys
from storage.models import (
    Activity,
    CompetitorRepObservation,
    Contact,
    Customer,
    CustomerEvent,
    IntelligenceCustomer,
    Opportunity,
    Order,
    PlannedVisit,
    PriceObservation,
    Rep,
)
from storage.settings import load_classification


def to_fen(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())


def from_fen(fen: int | None) -> Decimal:
    return Decimal(fen or 0).scaleb(-2)


class CustomerListRow(NamedTuple):
    """One line of the customer list (what the table and its filters need); a named tuple,
    because 100,000 of them are built on every load."""

    id: int
    name: str
    short_name: str
    pinyin: str
    initials: str
    industry: str
    size: str
    province: str
    city: str
    district: str
    phone: str
    email: str
    status: str
    credit_rating: str
    close_likelihood: int
    owner: str
    deleted: bool


def list_rows(session: Session, include_deleted: bool = False) -> list[CustomerListRow]:
    """All customers (not merged away), optionally with the deleted ones."""
    query = (
        select(
            Customer.id,
            Customer.name,
            Customer.short_name,
            Customer.pinyin,
            Customer.initials,
            Customer.industry,
            Customer.size,
            Customer.province,
            Customer.city,
            Customer.district,
            Customer.phone,
            Customer.email,
            Customer.status,
            Customer.credit_rating,
            Customer.close_likelihood,
            func.coalesce(Rep.name, ""),
            Customer.deleted_at.is_not(None),
        )
        .outerjoin(Rep, Rep.id == Customer.owner_id)
        .where(Customer.merged_into_id.is_(None))
        .order_by(Customer.id)
    )
    if not include_deleted:
        query = query.where(Customer.deleted_at.is_(None))
    return [CustomerListRow._make(row) for row in session.execute(query)]


def sales_facts(session: Session, as_of: date, months: int = 12) -> list[CustomerFacts]:
    """Trailing and previous-window sales per live customer, for classification."""
    previous_start, start, end = trailing_window(as_of, months)
    in_window = (Order.order_date >= start) & (Order.order_date < end)
    in_previous = (Order.order_date >= previous_start) & (Order.order_date < start)
    month_key = func.extract("year", Order.order_date) * 100 + func.extract("month", Order.order_date)
    totals = (
        select(
            Order.customer_id.label("cid"),
            func.sum(case((in_window, Order.amount_fen), else_=0)).label("amount"),
            func.sum(case((in_window, 1), else_=0)).label("orders"),
            func.sum(case((in_previous, Order.amount_fen), else_=0)).label("previous"),
            func.count(func.distinct(case((in_window, month_key), else_=None))).label("months"),
        )
        .where(Order.order_date >= previous_start, Order.order_date < end)
        .group_by(Order.customer_id)
        .subquery()
    )
    query = (
        select(
            Customer.id,
            Customer.status,
            Customer.credit_rating,
            Customer.close_likelihood,
            totals.c.amount,
            totals.c.orders,
            totals.c.previous,
            totals.c.months,
        )
        .outerjoin(totals, totals.c.cid == Customer.id)
        .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
    )
    statuses = {s.value: s for s in CustomerStatus}
    return [
        CustomerFacts(
            customer_id=cid,
            status=statuses.get(status, CustomerStatus.POTENTIAL),
            annual_fen=int(amount or 0),
            orders_per_year=int(orders or 0),
            previous_fen=int(previous or 0),
            active_months=int(active or 0),
            credit_rating=credit or "",
            close_likelihood=likelihood or 0,
        )
        for cid, status, credit, likelihood, amount, orders, previous, active in session.execute(query)
    ]


def reps(session: Session) -> list[tuple[int, str]]:
    return [(r.id, r.name) for r in session.scalars(select(Rep).order_by(Rep.name))]


def _event(session: Session, customer_id: int, kind: str, detail: str = "") -> None:
    session.add(CustomerEvent(customer_id=customer_id, at=datetime.now(), kind=kind, detail=detail))


def get_record(session: Session, customer_id: int) -> CustomerRecord:
    c = session.get_one(Customer, customer_id)
    record = CustomerRecord(
        **{f: getattr(c, f) for f in CUSTOMER_TEXT_FIELDS},
        status=c.status,
        close_likelihood=c.close_likelihood,
        is_member=c.is_member,
        owner_id=c.owner_id,
        id=c.id,
    )
    record.contacts = [
        ContactRecord(
            name=p.name,
            title=p.title,
            decision_role=p.decision_role,
            stance=p.stance,
            phone=p.phone,
            email=p.email,
            birthday=p.birthday,
            personal_notes=p.personal_notes,
            id=p.id,
        )
        for p in c.contacts
    ]
    record.orders = [OrderRecord(o.order_date, from_fen(o.amount_fen), o.product, o.id) for o in c.orders]
    return record


def save_record(session: Session, record: CustomerRecord) -> int:
    """Insert or update a customer with its contacts (orders are appended, never rewritten here)."""
    now = datetime.now()
    if record.id is None:
        customer = Customer(created_at=now, deleted_at=None)
        session.add(customer)
        kind = "created"
    else:
        customer = session.get_one(Customer, record.id)
        kind = "edited"
    for f in CUSTOMER_TEXT_FIELDS:
        setattr(customer, f, getattr(record, f).strip())
    customer.status = record.status
    customer.close_likelihood = record.close_likelihood
    customer.is_member = record.is_member
    customer.owner_id = record.owner_id
    customer.pinyin, customer.initials = pinyin_keys(customer.name)
    customer.updated_at = now
    session.flush()

    kept = {c.id for c in record.contacts if c.id is not None}
    for existing in list(customer.contacts):
        if existing.id not in kept:
            session.delete(existing)
    by_id = {c.id: c for c in customer.contacts}
    for contact in record.contacts:
        row = by_id.get(contact.id) if contact.id is not None else None
        if row is None:
            row = Contact(customer_id=customer.id)
            session.add(row)
        for f in ("name", "title", "decision_role", "stance", "phone", "email", "birthday", "personal_notes"):
            setattr(row, f, getattr(contact, f))
    for order in record.orders:
        if order.id is None:
            session.add(
                Order(
                    customer_id=customer.id,
                    order_date=order.order_date,
                    amount_fen=to_fen(order.amount),
                    product=order.product,
                )
            )
    _event(session, customer.id, kind)
    session.flush()
    record.id = customer.id
    return customer.id


def soft_delete(session: Session, ids: Iterable[int]) -> list[int]:
    """Move customers to the bin (they can be restored); returns the ids actually deleted."""
    ids = list(ids)
    now = datetime.now()
    live = list(session.scalars(select(Customer.id).where(Customer.id.in_(ids), Customer.deleted_at.is_(None))))
    if live:
        session.execute(update(Customer).where(Customer.id.in_(live)).values(deleted_at=now))
        for cid in live:
            _event(session, cid, "deleted")
    return live


def restore(session: Session, ids: Iterable[int]) -> None:
    ids = list(ids)
    session.execute(update(Customer).where(Customer.id.in_(ids)).values(deleted_at=None))
    for cid in ids:
        _event(session, cid, "restored")


def history(session: Session, customer_id: int) -> list[tuple[datetime, str, str]]:
    rows = session.execute(
        select(CustomerEvent.at, CustomerEvent.kind, CustomerEvent.detail)
        .where(CustomerEvent.customer_id == customer_id)
        .order_by(CustomerEvent.at.desc(), CustomerEvent.id.desc())
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def merge(session: Session, keep_id: int, drop_id: int) -> None:
    """Merge ``drop_id`` into ``keep_id``: contacts, orders, history, opportunities, activities,
    planned visits and competitor observations move to the kept record; empty fields of the kept
    record are filled from the other, and the other is retired (deleted, pointing at the kept one)
    so the merge stays traceable."""
    if keep_id == drop_id:
        raise ValueError("cannot merge a customer into itself")
    keep = session.get_one(Customer, keep_id)
    drop = session.get_one(Customer, drop_id)
    for f in CUSTOMER_TEXT_FIELDS:
        if not getattr(keep, f) and getattr(drop, f):
            setattr(keep, f, getattr(drop, f))
    if keep.owner_id is None:
        keep.owner_id = drop.owner_id
    session.execute(update(Contact).where(Contact.customer_id == drop_id).values(customer_id=keep_id))
    session.execute(update(Order).where(Order.customer_id == drop_id).values(customer_id=keep_id))
    session.execute(update(CustomerEvent).where(CustomerEvent.customer_id == drop_id).values(customer_id=keep_id))
    for model in (Opportunity, Activity, PlannedVisit, PriceObservation, CompetitorRepObservation):
        session.execute(update(model).where(model.customer_id == drop_id).values(customer_id=keep_id))
    # An intelligence entry linked to both keeps one link.
    already = select(IntelligenceCustomer.entry_id).where(IntelligenceCustomer.customer_id == keep_id)
    session.execute(
        delete(IntelligenceCustomer).where(
            IntelligenceCustomer.customer_id == drop_id, IntelligenceCustomer.entry_id.in_(already)
        )
    )
    session.execute(
        update(IntelligenceCustomer).where(IntelligenceCustomer.customer_id == drop_id).values(customer_id=keep_id)
    )
    now = datetime.now()
    drop.deleted_at = now
    drop.merged_into_id = keep_id
    keep.updated_at = now
    _event(session, keep_id, "merged", f"{drop.name} (#{drop_id})")
    session.flush()
    session.expire_all()


def contact_keys(session: Session) -> list[tuple[int, str, str]]:
    """(customer id, phone, e-mail) of every contact of a live customer, for the duplicate finder."""
    rows = session.execute(
        select(Contact.customer_id, Contact.phone, Contact.email)
        .join(Customer, Customer.id == Contact.customer_id)
        .where(Customer.deleted_at.is_(None))
    )
    return [tuple(r) for r in rows]  # type: ignore[misc]


def count_live(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Customer).where(Customer.deleted_at.is_(None))) or 0


def names_by_id(session: Session, ids: Sequence[int]) -> dict[int, str]:
    return dict(session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(list(ids)))).all())  # type: ignore[arg-type]


@dataclass
class CustomerOverview:
    """The customer list with each live customer's sales facts and classes, as of one day."""

    as_of: date
    rows: list[CustomerListRow]
    facts: dict[int, CustomerFacts]
    classes: dict[int, Classification]
    settings: ClassificationSettings


def overview(session: Session, as_of: date | None = None, include_deleted: bool = False) -> CustomerOverview:
    """Everything the customer page and the customer report show, classified with the stored settings."""
    as_of = as_of or date.today()
    settings = load_classification(session)
    rows = list_rows(session, include_deleted=include_deleted)
    facts = {f.customer_id: f for f in sales_facts(session, as_of, settings.trailing_months)}
    return CustomerOverview(as_of, rows, facts, classify(facts.values(), settings), settings)


def duplicate_candidates(session: Session) -> list[DuplicateCandidate]:
    """Every live customer with its own and its contacts' phones and e-mails."""
    phones: dict[int, list[str]] = {}
    emails: dict[int, list[str]] = {}
    for cid, phone, email in contact_keys(session):
        if phone:
            phones.setdefault(cid, []).append(phone)
        if email:
            emails.setdefault(cid, []).append(email)
    rows = session.execute(
        select(Customer.id, Customer.name, Customer.phone, Customer.email).where(Customer.deleted_at.is_(None))
    )
    return [
        DuplicateCandidate(
            cid,
            name,
            tuple(([phone] if phone else []) + phones.get(cid, [])),
            tuple(([email] if email else []) + emails.get(cid, [])),
        )
        for cid, name, phone, email in rows
    ]


def count_all(session: Session) -> int:
    """Customers ever written, including deleted and merged ones."""
    return session.scalar(select(func.count()).select_from(Customer)) or 0
