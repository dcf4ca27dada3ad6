"""The pipeline register on a real SQLite file: deals, moves with their dated history, outcomes,
key nodes, settings, and the sample pipeline."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from sqlalchemy import func, select

from domain.pipeline import DealProblem, KeyNode, MoveRefused, OpportunityRecord, PipelineSettings, Stage, Status
from domain.records import CustomerRecord
from storage import customers as customer_repo
from storage import pipeline as repo
from storage.db import Database
from storage.models import Competitor, Opportunity, Rep, StageChange
from storage.models import KeyNode as KeyNodeRow


def make_customer(db: Database, name: str = "华为技术有限公司") -> int:
    with db.transaction() as s:
        return customer_repo.save_record(s, CustomerRecord(name=name))


def make_deal(db: Database, customer_id: int, **fields: object) -> int:
    record = OpportunityRecord(customer_id=customer_id, name="数据中心扩容", amount_fen=150_000_000, **fields)  # type: ignore[arg-type]
    with db.transaction() as s:
        return repo.save_deal(s, record, today=date(2026, 9, 1))


def test_a_new_deal_enters_the_pipeline_on_its_creation_day(db: Database):
    deal = make_deal(db, make_customer(db), created_on=date(2026, 8, 20))
    with db.transaction() as s:
        assert repo.history(s, deal) == [repo.HistoryRow(date(2026, 8, 20), None, "development", "")]
        (row,) = repo.list_opportunities(s)
    assert (row.customer, row.name, row.amount_fen, row.stage, row.status) == (
        "华为技术有限公司",
        "数据中心扩容",
        150_000_000,
        "development",
        "open",
    )
    assert row.stage_since == date(2026, 8, 20)


def test_moving_out_of_a_stage_that_requires_its_node_is_refused_until_the_node_is_confirmed(db: Database):
    deal = make_deal(db, make_customer(db), stage=Stage.APPROVAL)
    with db.transaction() as s, pytest.raises(MoveRefused) as refused:
        repo.move_stage(s, deal, Stage.PROPOSAL, date(2026, 9, 10))
    assert refused.value.missing == [KeyNode.PRESALES_APPROVAL]
    with db.transaction() as s:
        assert s.scalar(select(Opportunity.stage)) == "approval"
        repo.move_stage(s, deal, Stage.PROPOSAL, date(2026, 9, 10), {KeyNode.PRESALES_APPROVAL: date(2026, 9, 8)})
    with db.transaction() as s:
        assert s.scalar(select(Opportunity.stage)) == "proposal"
        assert repo.get_deal(s, deal).nodes == {KeyNode.PRESALES_APPROVAL: date(2026, 9, 8)}
        assert repo.history(s, deal)[-1] == repo.HistoryRow(date(2026, 9, 10), "approval", "proposal", "")


def test_a_node_reached_earlier_lets_the_deal_move_without_asking(db: Database):
    deal = make_deal(db, make_customer(db), stage=Stage.TENDER)
    with db.transaction() as s:
        repo.set_key_node(s, deal, KeyNode.BID_SUBMITTED, date(2026, 9, 5))
        repo.move_stage(s, deal, Stage.NEGOTIATION, date(2026, 9, 6))
    with db.transaction() as s:
        assert [h.to_stage for h in repo.history(s, deal)] == ["tender", "negotiation"]


def test_a_loss_records_reason_winner_day_and_a_history_row(db: Database):
    deal = make_deal(db, make_customer(db), stage=Stage.TENDER)
    with db.transaction() as s:
        winner = repo.create_competitor(s, "中科恒信信息技术有限公司")
        with pytest.raises(MoveRefused) as refused:
            repo.mark_lost(s, deal, date(2026, 9, 30), " ", winner)
        assert refused.value.problem is DealProblem.LOSS_NEEDS_REASON
        repo.mark_lost(s, deal, date(2026, 9, 30), "价格高于竞争对手约15%", winner)
    with db.transaction() as s:
        record = repo.get_deal(s, deal)
        assert (record.status, record.winner_id, record.outcome_reason, record.closed_on) == (
            Status.LOST,
            winner,
            "价格高于竞争对手约15%",
            date(2026, 9, 30),
        )
        assert repo.history(s, deal)[-1] == repo.HistoryRow(date(2026, 9, 30), "tender", "lost", "")
        with pytest.raises(MoveRefused):
            repo.move_stage(s, deal, Stage.NEGOTIATION, date(2026, 10, 1))
        (row,) = repo.list_opportunities(s)
        assert (row.winner, row.stage_since) == ("中科恒信信息技术有限公司", None)


def test_a_win_and_a_reopening_are_both_in_the_history(db: Database):
    deal = make_deal(db, make_customer(db), stage=Stage.NEGOTIATION)
    with db.transaction() as s:
        repo.mark_won(s, deal, date(2026, 10, 8), "样机测试结果最好")
        repo.reopen(s, deal, date(2026, 10, 9))
    with db.transaction() as s:
        assert [(h.from_stage, h.to_stage) for h in repo.history(s, deal)] == [
            (None, "negotiation"),
            ("negotiation", "won"),
            ("won", "negotiation"),
        ]
        record = repo.get_deal(s, deal)
        assert (record.status, record.closed_on) == (Status.OPEN, None)


def test_editing_competitors_nodes_and_next_step(db: Database):
    deal = make_deal(db, make_customer(db))
    with db.transaction() as s:
        a = repo.create_competitor(s, "华锐智能科技股份有限公司")
        b = repo.create_competitor(s, "杭州新航工业软件有限公司")
        repo.set_competitors(s, deal, [b, a, b])
        repo.set_next_step(s, deal, " 提交技术方案和报价 ", date(2026, 9, 15))
        repo.set_key_node(s, deal, KeyNode.PROJECT_INFO, date(2026, 9, 2))
        repo.set_key_node(s, deal, KeyNode.PROJECT_INFO, None)
    with db.transaction() as s:
        record = repo.get_deal(s, deal)
        assert record.competitor_ids == [a, b]  # ordered by competitor
        assert (record.next_step, record.next_step_on, record.nodes) == ("提交技术方案和报价", date(2026, 9, 15), {})
        assert repo.list_opportunities(s)[0].competitors == "华锐智能科技股份有限公司、杭州新航工业软件有限公司"
        assert repo.competitor_ids_by_key(s)["华锐智能科技"] == a


def test_pipeline_settings_are_stored_as_json_and_missing_keys_take_defaults(db: Database):
    with db.transaction() as s:
        assert repo.load_settings(s) == PipelineSettings()
        changed = PipelineSettings(
            probabilities={**PipelineSettings().probabilities, Stage.TENDER: 50},
            stall_days=21,
            required_nodes=frozenset({Stage.TENDER}),
            monthly_target_fen=500_000_000,
        )
        repo.save_settings(s, changed)
    with db.transaction() as s:
        assert repo.load_settings(s) == changed


def test_sample_pipeline_has_three_hundred_deals_with_histories_and_six_competitors(db: Database):
    from storage.demo import generate_demo
    from storage.demo_pipeline import generate_demo_pipeline

    as_of = date(2026, 11, 24)
    generate_demo(db, customers=300, reps=6, as_of=as_of)
    assert generate_demo_pipeline(db, as_of=as_of) == 300
    with db.transaction() as s:
        rows = repo.list_opportunities(s)
        assert len(rows) == 300
        assert s.scalar(select(func.count()).select_from(Competitor)) == 6
        statuses = Counter(r.status for r in rows)
        assert set(statuses) == {"open", "won", "lost"}
        assert all(statuses[k] >= 30 for k in statuses)
        # Every deal entered the pipeline on its creation day; every closed one has its outcome row.
        first_change = select(StageChange.opportunity_id, func.min(StageChange.changed_on))
        firsts = dict(s.execute(first_change.group_by(StageChange.opportunity_id)).all())
        assert all(firsts[r.id] == r.created_on for r in rows)
        assert all(r.created_on >= date(2024, 11, 24) for r in rows)
        outcomes = Counter(s.scalars(select(StageChange.to_stage).where(StageChange.to_stage.in_(["won", "lost"]))))
        assert outcomes == Counter({"won": statuses["won"], "lost": statuses["lost"]})
        lost = [r for r in rows if r.status == "lost"]
        assert all(r.outcome_reason for r in lost)
        assert sum(1 for r in lost if r.winner) >= len(lost) // 2
        assert {r.stage for r in rows if r.status == "open"} == {s.value for s in Stage}
        assert s.scalar(select(func.count()).select_from(KeyNodeRow)) > 300
        reps = s.scalar(select(func.count()).select_from(Rep))
        assert len({r.owner_id for r in rows}) == reps
    with pytest.raises(ValueError):
        generate_demo_pipeline(db, as_of=as_of)


def test_sample_pipeline_is_the_same_for_the_same_seed(tmp_path):
    from storage.db import open_database
    from storage.demo import generate_demo
    from storage.demo_pipeline import generate_demo_pipeline

    snapshots = []
    for name in ("a", "b"):
        database = open_database(tmp_path / f"{name}.sqlite3")
        generate_demo(database, customers=200, reps=4, as_of=date(2026, 11, 24))
        generate_demo_pipeline(database, count=50, as_of=date(2026, 11, 24))
        with database.transaction() as s:
            snapshots.append(repo.list_opportunities(s))
        database.close()
    assert snapshots[0] == snapshots[1]
