"""Merging duplicate customers carries every register's rows over to the kept record."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select

from storage import customers as repo
from storage.activities import add_activity, ensure_default_types
from storage.db import Database
from storage.models import (
    Activity,
    Competitor,
    CompetitorRepObservation,
    Customer,
    IntelligenceCustomer,
    IntelligenceEntry,
    Opportunity,
    PlannedVisit,
    Rep,
)

NOW = datetime(2026, 11, 25, 10, 0)


def test_merging_moves_deals_activities_visits_and_intelligence_links(db: Database) -> None:
    with db.transaction() as session:
        rep = Rep(name="李娜")
        rival = Competitor(name="远大科技", created_at=NOW, updated_at=NOW)
        keep = Customer(name="华东电气有限公司", created_at=NOW, updated_at=NOW)
        drop = Customer(name="华东电气", created_at=NOW, updated_at=NOW)
        session.add_all([rep, rival, keep, drop])
        session.flush()
        session.add(Opportunity(customer_id=drop.id, name="二期", created_on=date(2026, 1, 1), updated_at=NOW))
        ensure_default_types(session)
        add_activity(session, rep_id=rep.id, day=date(2026, 11, 2), minutes=60, type_code="visit", customer_id=drop.id)
        session.add(PlannedVisit(rep_id=rep.id, customer_id=drop.id, day=date(2026, 12, 1), created_at=NOW))
        session.add(
            CompetitorRepObservation(competitor_id=rival.id, customer_id=drop.id, observed_on=date(2026, 11, 3))
        )
        both = IntelligenceEntry(observed_on=date(2026, 11, 4), competitor_id=rival.id, category="price", text="降价",
                                 created_at=NOW)  # fmt: skip
        only_drop = IntelligenceEntry(observed_on=date(2026, 11, 5), competitor_id=rival.id, category="promotion",
                                      text="促销", created_at=NOW)  # fmt: skip
        session.add_all([both, only_drop])
        session.flush()
        session.add_all(
            [
                IntelligenceCustomer(entry_id=both.id, customer_id=keep.id),
                IntelligenceCustomer(entry_id=both.id, customer_id=drop.id),
                IntelligenceCustomer(entry_id=only_drop.id, customer_id=drop.id),
            ]
        )
        keep_id, drop_id = keep.id, drop.id
    with db.transaction() as session:
        repo.merge(session, keep_id, drop_id)
    with db.transaction() as session:
        for model in (Opportunity, Activity, PlannedVisit, CompetitorRepObservation):
            assert session.scalar(select(func.count()).where(model.customer_id == keep_id)) == 1
            assert session.scalar(select(func.count()).where(model.customer_id == drop_id)) == 0
        links = session.execute(
            select(IntelligenceCustomer.entry_id, IntelligenceCustomer.customer_id).order_by(
                IntelligenceCustomer.entry_id
            )
        ).all()
        assert [tuple(link) for link in links] == [(both.id, keep_id), (only_drop.id, keep_id)]
        assert session.get_one(Customer, drop_id).merged_into_id == keep_id
