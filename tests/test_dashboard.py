"""The week at a glance: each figure checked against a small register seeded by hand."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from domain.dashboard import month_of, share, week_of
from storage.activities import add_activity, ensure_default_types
from storage.dashboard import week_glance
from storage.db import Database
from storage.models import (
    Competitor,
    Customer,
    IntelligenceEntry,
    Opportunity,
    PlannedVisit,
    Rep,
    StageChange,
)

AS_OF = date(2026, 11, 25)  # a Wednesday
NOW = datetime(2026, 11, 25, 9, 0)


def test_week_and_month_frame_the_date() -> None:
    assert week_of(AS_OF) == (date(2026, 11, 23), date(2026, 11, 29))
    assert week_of(date(2026, 11, 23)) == (date(2026, 11, 23), date(2026, 11, 29))
    assert month_of(date(2026, 12, 31)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert month_of(date(2027, 2, 3)) == (date(2027, 2, 1), date(2027, 2, 28))
    assert share(1, 0) == 0.0


def _customer(session, name: str, created: datetime, deleted: bool = False) -> Customer:  # type: ignore[no-untyped-def]
    customer = Customer(name=name, created_at=created, updated_at=created, deleted_at=NOW if deleted else None)
    session.add(customer)
    session.flush()
    return customer


def _deal(session, customer: Customer, name: str, stage: str, yuan: int, **extra) -> Opportunity:  # type: ignore[no-untyped-def]
    deal = Opportunity(
        customer_id=customer.id,
        name=name,
        stage=stage,
        amount_fen=yuan * 100,
        created_on=date(2026, 1, 5),
        updated_at=NOW,
        **extra,
    )
    session.add(deal)
    session.flush()
    return deal


@pytest.fixture
def seeded(db: Database) -> Database:
    with db.transaction() as session:
        rep = Rep(name="王芳")
        session.add(rep)
        session.flush()
        a = _customer(session, "华东电气有限公司", datetime(2026, 11, 3))
        b = _customer(session, "北方机械集团", datetime(2026, 11, 20))
        c = _customer(session, "南方化工股份", datetime(2026, 10, 2))
        _customer(session, "已删除公司", datetime(2026, 11, 4), deleted=True)
        deal_a = _deal(
            session, a, "二期改造", "negotiation", 1_000_000, expected_close=date(2026, 11, 30),
            next_step="合同盖章", next_step_on=date(2026, 11, 24),
        )  # fmt: skip
        deal_b = _deal(session, b, "备件年框", "development", 50_000, expected_close=date(2026, 10, 31))
        deal_c = _deal(
            session, c, "新厂房", "tender", 200_000, expected_close=date(2027, 1, 15),
            next_step="标书答疑", next_step_on=date(2026, 12, 10),
        )  # fmt: skip
        _deal(session, a, "一期", "implementation", 300_000, status="won", closed_on=date(2026, 11, 10))
        _deal(session, b, "旧项目", "tender", 80_000, status="lost", closed_on=date(2026, 11, 12))
        for deal, on in ((deal_a, date(2026, 11, 1)), (deal_b, date(2026, 9, 1)), (deal_c, date(2026, 9, 15))):
            session.add(StageChange(opportunity_id=deal.id, changed_on=on, from_stage=None, to_stage=deal.stage))
        ensure_default_types(session)
        # Deal C had a call five days ago: not stalled although its stage has not moved since September.
        add_activity(session, rep_id=rep.id, day=date(2026, 11, 20), minutes=30, type_code="call",
                     customer_id=c.id, opportunity_id=deal_c.id)  # fmt: skip
        add_activity(session, rep_id=rep.id, day=date(2026, 11, 23), minutes=120, type_code="visit", customer_id=a.id)
        add_activity(session, rep_id=rep.id, day=date(2026, 11, 24), minutes=480, type_code="report")
        add_activity(session, rep_id=rep.id, day=date(2026, 11, 26), minutes=60, type_code="visit")  # not yet
        for day, status in (
            (date(2026, 11, 23), "done"),
            (date(2026, 11, 26), "planned"),
            (date(2026, 11, 27), "cancelled"),
            (date(2026, 11, 30), "planned"),
        ):
            session.add(PlannedVisit(rep_id=rep.id, customer_id=a.id, day=day, status=status, created_at=NOW))
        rival = Competitor(name="远大科技", created_at=NOW, updated_at=NOW)
        session.add(rival)
        session.flush()
        for on, text in ((date(2026, 11, 2), "华东区降价 8%"), (date(2026, 11, 18), "新任大区经理到岗")):
            session.add(
                IntelligenceEntry(observed_on=on, competitor_id=rival.id, category="price", text=text, created_at=NOW)
            )
    return db


def test_week_glance_figures_match_the_registers(seeded: Database) -> None:
    with seeded.transaction() as session:
        glance = week_glance(session, AS_OF)
    h = {key: headline.value for key, headline in glance.headlines.items()}
    assert h["customers"] == 3
    assert h["new_customers"] == 2
    assert h["open_deals"] == 3
    assert h["open_amount_fen"] == 125_000_000
    # 80% of ¥1,000,000 + 10% of ¥50,000 + 60% of ¥200,000 = ¥925,000
    assert h["weighted_fen"] == 92_500_000
    assert (h["closing_this_month"], h["closing_amount_fen"], h["overdue_close"]) == (1, 100_000_000, 1)
    assert (h["won_this_month"], h["won_amount_fen"], h["lost_this_month"]) == (1, 30_000_000, 1)
    assert h["stalled"] == 1  # deal B: no stage change since 1 September and no activity
    assert (h["visits_planned"], h["visits_done"]) == (2, 1)
    assert h["direct_share"] == pytest.approx(120 / 600)
    assert glance.headlines["direct_share"].attention  # 20% is under the 22% target
    assert [(s.deal, s.overdue) for s in glance.due_steps] == [("二期改造", True)]
    assert [e.text for e in glance.intelligence] == ["新任大区经理到岗", "华东区降价 8%"]


def test_dashboard_page_shows_the_figures_and_opens_registers(qtbot, seeded: Database, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.dashboard_page import DashboardPage

    page = DashboardPage(seeded, today=AS_OF)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.glance is not None)
    assert page.heading.text() == "Week of 2026-11-23 to 2026-11-29"
    assert page.tiles["open"].value.text() == "¥1.25M"
    assert page.tiles["weighted"].value.text() == "¥925K"
    assert page.tiles["stalled"].value.text() == "1"
    assert page.tiles["stalled"].attention
    assert page.tiles["visits"].value.text() == "1 of 2"
    assert page.tiles["selling"].value.text() == "20%"
    assert page.due_steps.item(0).text() == "11-24 overdue  华东电气有限公司 · 二期改造: 合同盖章"
    with qtbot.waitSignal(page.openPage) as opened:
        qtbot.mouseClick(page.tiles["stalled"], __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert opened.args == ["pipeline"]
