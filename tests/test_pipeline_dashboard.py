"""The Pipeline dashboard as a manager reads it, and the headless report IT runs, over one small
pipeline inserted row by row (amounts in yuan, days in 2026 unless said):

======= ================== ================ ==== ========= ========== ========== ==========================
deal    customer           name             rep  amount    stage      close by   history
======= ================== ================ ==== ========= ========== ========== ==========================
mes     华为技术有限公司   MES系统实施项目  张伟 120,000   开发       12-20      开发 09-01
vision  比亚迪股份有限公司 视觉检测系统采购 李娜 300,000   招投标     2027-01-15 开发 06-01, 立项 07-01,
                                                                                 提案 08-01, 招投标 11-10
agv     华为技术有限公司   AGV物流系统      李娜 45,000.40 开发       12-05      开发 11-01
service 比亚迪股份有限公司 年度维保服务合同 张伟 80,000    won 10-01  —          开发 08-01, 谈判 09-01, 赢单
======= ================== ================ ==== ========= ========== ========== ==========================

Seen on 2026-11-24 (stalled after 30 quiet days): mes has been quiet for 84 days.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip

from domain.pipeline import PipelineSettings, Stage
from storage import pipeline as repo
from storage.db import Database, open_database
from storage.models import Customer, Opportunity, Rep, StageChange
from tests.test_cli import app
from ui.pipeline_dashboard import PipelineDashboard

AS_OF = date(2026, 11, 24)


def seed(db: Database) -> dict[str, int]:
    now = datetime(2026, 11, 1, 9, 0)
    with db.transaction() as s:
        zhang, li = Rep(name="张伟"), Rep(name="李娜")
        huawei = Customer(name="华为技术有限公司", created_at=now, updated_at=now)
        byd = Customer(name="比亚迪股份有限公司", created_at=now, updated_at=now)
        s.add_all([zhang, li, huawei, byd])
        s.flush()
        ids: dict[str, int] = {}
        for key, customer, name, rep, fen, stage, status, expected, history in (
            ("mes", huawei, "MES系统实施项目", zhang, 12_000_000, "development", "open", date(2026, 12, 20),
             [(date(2026, 9, 1), "development")]),
            ("vision", byd, "视觉检测系统采购", li, 30_000_000, "tender", "open", date(2027, 1, 15),
             [(date(2026, 6, 1), "development"), (date(2026, 7, 1), "approval"), (date(2026, 8, 1), "proposal"),
              (date(2026, 11, 10), "tender")]),
            ("agv", huawei, "AGV物流系统", li, 4_500_040, "development", "open", date(2026, 12, 5),
             [(date(2026, 11, 1), "development")]),
            ("service", byd, "年度维保服务合同", zhang, 8_000_000, "negotiation", "won", None,
             [(date(2026, 8, 1), "development"), (date(2026, 9, 1), "negotiation"), (date(2026, 10, 1), "won")]),
        ):  # fmt: skip
            deal = Opportunity(
                customer_id=customer.id, name=name, owner_id=rep.id, amount_fen=fen, stage=stage, status=status,
                expected_close=expected, closed_on=history[-1][0] if status != "open" else None,
                created_on=history[0][0], updated_at=now,
            )  # fmt: skip
            s.add(deal)
            s.flush()
            before = None
            for on, to in history:
                s.add(StageChange(opportunity_id=deal.id, changed_on=on, from_stage=before, to_stage=to))
                before = to
            ids[key] = deal.id
    return ids


@pytest.fixture
def dashboard(qtbot, db: Database):  # type: ignore[no-untyped-def]
    ids = seed(db)
    widget = PipelineDashboard(db, today=AS_OF)
    widget.ids = ids  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.figures is not None and not widget.loading)
    return widget


def test_the_funnel_shows_open_deals_and_amounts_per_stage(dashboard: PipelineDashboard):
    funnel = dashboard.funnel
    assert funnel.labels() == [
        "Customer development", "Project approval", "Proposal", "Tender", "Negotiation", "Implementation",
    ]  # fmt: skip
    # development: mes 120,000.00 + agv 45,000.40 = 165,000.40; tender: vision 300,000.00
    assert funnel.counts() == [2, 0, 0, 1, 0, 0]
    assert funnel.values() == [165_000.40, 0, 0, 300_000.0, 0, 0]
    assert funnel.bar_texts()[0] == "¥165,000 · deals: 2"
    assert funnel.bar_texts()[3] == "¥300,000 · deals: 1"
    # weighted: 10% of 16,500,040 fen = 1,650,004 fen; 60% of 300,000 = 180,000
    assert funnel.tooltip(0) == "Customer development\nOpen deals: 2\nAmount: ¥165,000\nWeighted: ¥16,500"
    assert dashboard.summary.text() == "Open deals: 3 · amount ¥465K · weighted ¥197K"


def test_hovering_a_funnel_bar_shows_its_figures(qtbot, dashboard: PipelineDashboard):
    funnel = dashboard.funnel
    viewport = funnel.view.viewport()
    at = funnel.bar_position(3)
    move = QMouseEvent(
        QEvent.Type.MouseMove, at, viewport.mapToGlobal(at), Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(viewport, move)
    qtbot.waitUntil(lambda: QToolTip.isVisible(), timeout=2000)
    assert QToolTip.text() == "Tender\nOpen deals: 1\nAmount: ¥300,000\nWeighted: ¥180,000"


def test_the_stalled_table_lists_the_deal_quiet_for_84_days(dashboard: PipelineDashboard):
    assert dashboard.stalled_rows() == [
        ("华为技术有限公司", "MES系统实施项目", "Customer development", "张伟", "84", "2026-09-01", "120,000"),
    ]
    assert dashboard.stalled_panel.title.text() == (
        "Stalled deals: no stage change and no activity for 30 days or more (1)"
    )


def test_conversion_days_in_stage_and_win_rates_read_off_the_history(dashboard: PipelineDashboard):
    # development entered by all four, went further: vision (approval), service (skip to negotiation)
    assert dashboard.conversion.bar_texts() == [
        "50.0% (2/4)", "100.0% (1/1)", "100.0% (1/1)", "0.0% (0/1)", "100.0% (1/1)", "–",
    ]  # fmt: skip
    assert dashboard.conversion.labels()[-1] == "Implementation → Won"
    # development: mes 84 (open), vision 30, agv 23 (open), service 31 -> 168 / 4 = 42.0
    assert dashboard.stage_days.bar_texts()[0] == "42.0 d"
    assert dashboard.win_by_rep.labels() == ["张伟"]
    assert dashboard.win_by_rep.bar_texts() == ["100.0% (1/1)"]
    assert dashboard.win_by_competitor.empty_text() == "No closed deals with competitors in the period"


def test_the_forecast_by_month_shows_team_or_one_rep(dashboard: PipelineDashboard):
    chart = dashboard.forecast
    assert chart.labels() == ["Overdue", *(f"2026-{m}" for m in ("11", "12")), *(f"2027-{m:02d}" for m in range(1, 11)),
                              "Later"]  # fmt: skip
    # December: mes + agv = 165,000.40, weighted 16,500.04; January: vision 300,000, weighted 180,000
    assert chart.amounts()[2:4] == [165_000.40, 300_000.0]
    assert chart.values()[2:4] == [16_500.04, 180_000.0]
    combo = dashboard.owner
    assert [combo.itemText(i) for i in range(combo.count())] == ["Whole team", "李娜", "张伟"]  # by pinyin
    combo.setCurrentIndex(1)  # 李娜: agv in December, vision in January
    assert chart.amounts()[2:4] == [45_000.40, 300_000.0]


def test_setting_the_monthly_target_draws_it_on_the_forecast(qtbot, dashboard: PipelineDashboard):
    assert dashboard.forecast.target() is None
    dashboard.target.setText("150,000")
    qtbot.mouseClick(dashboard.target_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dashboard.forecast.target() == 150_000.0 and not dashboard.loading)
    assert dashboard.forecast.target_text() == "Monthly target ¥150,000"
    with dashboard.db.transaction() as s:
        assert repo.load_settings(s).monthly_target_fen == 15_000_000
    dashboard.target.setText("-5")
    qtbot.mouseClick(dashboard.target_button, Qt.MouseButton.LeftButton)
    assert dashboard.message.text() == "Monthly target: Amounts cannot be negative."


def test_refresh_after_moving_a_deal_updates_the_funnel(qtbot, dashboard: PipelineDashboard):
    ids = dashboard.ids  # type: ignore[attr-defined]
    with dashboard.db.transaction() as s:
        repo.move_stage(s, ids["mes"], Stage.APPROVAL, AS_OF, settings=PipelineSettings())
    dashboard.refresh()
    qtbot.waitUntil(lambda: not dashboard.loading and dashboard.funnel.counts()[1] == 1)
    assert dashboard.funnel.counts() == [1, 1, 0, 1, 0, 0]
    assert dashboard.funnel.bar_texts()[:2] == ["¥45,000 · deals: 1", "¥120,000 · deals: 1"]
    # mes moved today: no longer stalled.
    assert dashboard.stalled_rows() == []
    assert dashboard.stats.full_loads == 1  # the refresh re-read only the moved deal


def test_report_pipeline_json_gives_open_deals_per_stage_with_the_forecast(tmp_path: Path):
    database = tmp_path / "p.sqlite3"
    db = open_database(database)
    seed(db)
    db.close()
    result = app("report", "pipeline", "--json", "--database", str(database), home=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    empty = {"count": 0, "amount": "0.00", "weighted_amount": "0.00", "forecast": []}
    assert report == [
        # 120,000.00 + 45,000.40; weighted 10%: 12,000.00 + 4,500.04 (450,004 fen)
        {"stage": "客户开发", "count": 2, "amount": "165000.40", "weighted_amount": "16500.04",
         "forecast": [{"month": "2026-12", "amount": "165000.40", "weighted_amount": "16500.04"}]},
        {"stage": "立项", **empty},
        {"stage": "提案", **empty},
        {"stage": "招投标", "count": 1, "amount": "300000.00", "weighted_amount": "180000.00",
         "forecast": [{"month": "2027-01", "amount": "300000.00", "weighted_amount": "180000.00"}]},
        {"stage": "商务谈判", **empty},
        {"stage": "工程实施", **empty},
    ]  # fmt: skip
