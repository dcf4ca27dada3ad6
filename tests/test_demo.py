"""Demo data: size, reproducibility, consistent places, a real Pareto, every class, duplicates, refusal."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from domain.customers import AbcClass, ValueClass, classify
from domain.duplicates import DuplicateCandidate, Reason, find_duplicates
from domain.records import DecisionRole, Stance
from storage import customers as repo
from storage.db import Database, open_database
from storage.demo import SEEDS, generate_demo, load_seeds
from storage.models import Contact, Customer, CustomerEvent, Order, Rep
from storage.progress import JobCancelled

AS_OF = date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """One 300-customer demo database shared by the read-only tests."""
    database = open_database(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    generate_demo(database, customers=300, as_of=AS_OF)
    yield database
    database.close()


def test_requested_numbers_of_customers_and_reps(tmp_path: Path):
    db = open_database(tmp_path / "demo.sqlite3")
    calls: list[tuple[int, int]] = []
    summary = generate_demo(db, customers=300, as_of=AS_OF, progress=lambda done, total: calls.append((done, total)))
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 300
        assert session.scalar(select(func.count()).select_from(Rep)) == 12
        assert session.scalar(select(func.count()).select_from(Contact)) == summary.contacts
        assert session.scalar(select(func.count()).select_from(Order)) == summary.orders
        assert session.scalar(select(func.sum(Order.amount_fen))) == summary.sales_fen
        assert session.scalar(select(func.count()).select_from(CustomerEvent)) == 300
    assert (summary.customers, summary.reps, summary.as_of) == (300, 12, AS_OF)
    assert calls[0] == (0, 300) and calls[-1] == (300, 300)
    db.close()


def test_records_are_plausible(demo_db: Database):
    with demo_db.transaction() as session:
        customers = session.scalars(select(Customer)).all()
        statuses = Counter(c.status for c in customers)
        assert statuses == {"closed": 165, "potential": 105, "lost": 30}
        assert all(c.pinyin and c.initials and c.owner_id for c in customers)
        assert all(c.created_at <= c.updated_at and c.updated_at.date() < AS_OF for c in customers)
        assert all(0 < c.close_likelihood <= 95 for c in customers if c.status == "potential")
        assert {c.credit_rating for c in customers if c.status == "closed"} == {"AAA", "AA", "A", "B", "C"}

        per_customer = Counter(session.scalars(select(Contact.customer_id)))
        assert set(per_customer) == {c.id for c in customers}
        assert set(per_customer.values()) <= {1, 2, 3, 4}
        contacts = session.scalars(select(Contact)).all()
        assert {p.decision_role for p in contacts} == {r.value for r in DecisionRole}
        assert {p.stance for p in contacts} == {s.value for s in Stance}

        first, last = session.execute(select(func.min(Order.order_date), func.max(Order.order_date))).one()
        assert date(2024, 11, 25) <= first and last <= AS_OF
        buyers = set(session.scalars(select(Order.customer_id).distinct()))
        assert {c.id for c in customers if c.status == "closed"} <= buyers
        # Lost customers stopped ordering at least two months before as_of.
        lost_last = session.execute(
            select(func.max(Order.order_date)).join(Customer).where(Customer.status == "lost").group_by(Customer.id)
        ).scalars()
        assert all((AS_OF - day).days >= 60 for day in lost_last)


def test_same_seed_and_day_give_the_same_data(tmp_path: Path):
    def snapshot(path: Path, seed: int) -> tuple[list[str], list[int]]:
        db = open_database(path)
        generate_demo(db, customers=300, seed=seed, as_of=AS_OF)
        with db.transaction() as session:
            names = list(session.scalars(select(Customer.name).order_by(Customer.id)))
            totals = list(
                session.scalars(
                    select(func.sum(Order.amount_fen)).group_by(Order.customer_id).order_by(Order.customer_id)
                )
            )
        db.close()
        return names, totals

    first = snapshot(tmp_path / "a.sqlite3", 7)
    assert snapshot(tmp_path / "b.sqlite3", 7) == first
    assert snapshot(tmp_path / "c.sqlite3", 8)[0] != first[0]


def test_cities_and_districts_belong_to_their_province_and_city(demo_db: Database):
    raw = json.loads((SEEDS / "regions.json").read_text(encoding="utf-8"))
    districts = {(p["name"], c["name"]): set(c["districts"]) for p in raw["provinces"] for c in p["cities"]}
    area_codes = {c.name: c.area_code for c in load_seeds().cities}
    with demo_db.transaction() as session:
        rows = session.execute(select(Customer.province, Customer.city, Customer.district, Customer.phone)).all()
    for province, city, district, phone in rows:
        assert district in districts[(province, city)], (province, city, district)
        if "-" in phone:
            assert phone.startswith(area_codes[city] + "-")
    # Several customers share a district, so visits can be batched by district.
    assert Counter((p, c, d) for p, c, d, _ in rows).most_common(1)[0][1] >= 5


def test_sales_give_every_abc_and_value_class(demo_db: Database):
    with demo_db.transaction() as session:
        result = classify(repo.sales_facts(session, AS_OF))
    assert {c.abc for c in result.values()} == set(AbcClass)
    assert {c.value for c in result.values()} == set(ValueClass)


def test_top_fifth_of_buyers_makes_most_sales(demo_db: Database):
    with demo_db.transaction() as session:
        amounts = sorted(
            (f.annual_amount for f in repo.sales_facts(session, AS_OF) if f.annual_amount > 0), reverse=True
        )
    top = amounts[: round(len(amounts) * 0.2)]
    share = sum(top, Decimal(0)) / sum(amounts, Decimal(0))
    assert Decimal("0.6") <= share <= Decimal("0.9")


def test_deliberate_duplicates_are_found(demo_db: Database):
    with demo_db.transaction() as session:
        rows = session.execute(select(Customer.id, Customer.name, Customer.phone, Customer.email)).all()
        phones: dict[int, list[str]] = {}
        emails: dict[int, list[str]] = {}
        for cid, phone, email in repo.contact_keys(session):
            phones.setdefault(cid, []).append(phone)
            emails.setdefault(cid, []).append(email)
    candidates = [
        DuplicateCandidate(cid, name, (phone, *phones.get(cid, [])), (email, *emails.get(cid, [])))
        for cid, name, phone, email in rows
    ]
    same_name = [p for p in find_duplicates(candidates) if Reason.SAME_NAME in p.reasons]
    assert len(same_name) >= 2


def test_a_database_with_customers_is_refused(demo_db: Database):
    with demo_db.transaction() as session:
        reps_before = session.scalar(select(func.count()).select_from(Rep))
    with pytest.raises(ValueError, match="empty database"):
        generate_demo(demo_db, customers=10, as_of=AS_OF)
    with demo_db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Rep)) == reps_before
        assert session.scalar(select(func.count()).select_from(Customer)) == 300


def test_cancelling_writes_nothing_and_keeps_the_indexes(db: Database):
    def cancel_at_the_end(done: int, total: int) -> None:
        if done == total:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        generate_demo(db, customers=300, as_of=AS_OF, progress=cancel_at_the_end)
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
        assert session.scalar(select(func.count()).select_from(Rep)) == 0
        indexes = {row[1] for row in session.execute(text("PRAGMA index_list('customer_order')"))}
    assert {"ix_order_date", "ix_order_customer_date"} <= indexes
