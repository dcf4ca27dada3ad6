"""The pipeline's rules as a manager would check them by hand: stage words, the key-node rule,
the loss rule, weighted amounts and days in each stage."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.pipeline import (
    DealProblem,
    KeyNode,
    OpportunityRecord,
    PipelineSettings,
    Stage,
    StagePeriod,
    Status,
    check_loss,
    days_in_current_stage,
    missing_nodes,
    nodes_needed,
    parse_buying_stage,
    parse_stage,
    parse_status,
    stage_periods,
    weighted_fen,
)
from domain.validation import Problem


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("商务谈判", Stage.NEGOTIATION),
        ("谈判", Stage.NEGOTIATION),
        ("Negotiation", Stage.NEGOTIATION),
        ("negotiation", Stage.NEGOTIATION),
        ("5. 商务谈判阶段", Stage.NEGOTIATION),
        ("客户开发", Stage.DEVELOPMENT),
        ("Customer development", Stage.DEVELOPMENT),
        ("立项", Stage.APPROVAL),
        ("项目立项", Stage.APPROVAL),
        ("提案", Stage.PROPOSAL),
        ("方案", Stage.PROPOSAL),
        ("招投标", Stage.TENDER),
        ("投标", Stage.TENDER),
        ("Ｔｅｎｄｅｒ", Stage.TENDER),
        ("工程实施", Stage.IMPLEMENTATION),
        ("Implementation", Stage.IMPLEMENTATION),
    ],
)
def test_stage_words_in_chinese_or_english_name_their_stage(word: str, stage: Stage):
    assert parse_stage(word) is stage


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("进行中", Status.OPEN),
        ("open", Status.OPEN),
        ("赢单", Status.WON),
        ("won", Status.WON),
        ("成交", Status.WON),
        ("Won", Status.WON),
        ("输单", Status.LOST),
        ("lost", Status.LOST),
        ("丢单", Status.LOST),
    ],
)
def test_outcome_words_in_chinese_or_english_name_their_status(word: str, status: Status):
    assert parse_status(word) is status


def test_words_that_name_nothing_are_refused():
    assert parse_stage("报价") is None
    assert parse_stage("") is None
    assert parse_status("maybe") is None
    assert parse_buying_stage("评价") == "evaluating"
    assert parse_buying_stage("happy") is None


@given(st.text(max_size=30))
def test_any_text_parses_to_a_stage_or_to_nothing_without_raising(text: str):
    assert parse_stage(text) in (None, *Stage)
    assert parse_status(text) in (None, *Status)


def test_leaving_development_for_tender_needs_the_pre_sales_approval_only():
    settings = PipelineSettings()
    # development (not required), approval (required), proposal (not required) are left behind.
    assert nodes_needed(Stage.DEVELOPMENT, Stage.TENDER, settings) == [KeyNode.PRESALES_APPROVAL]
    assert missing_nodes(Stage.DEVELOPMENT, Stage.TENDER, {KeyNode.PRESALES_APPROVAL}, settings) == []


def test_leaving_tender_needs_the_bid_and_moving_back_needs_nothing():
    settings = PipelineSettings()
    assert missing_nodes(Stage.TENDER, Stage.NEGOTIATION, set(), settings) == [KeyNode.BID_SUBMITTED]
    assert missing_nodes(Stage.NEGOTIATION, Stage.PROPOSAL, set(), settings) == []
    assert missing_nodes(Stage.PROPOSAL, Stage.PROPOSAL, set(), settings) == []


def test_required_nodes_are_a_setting():
    settings = PipelineSettings(required_nodes=frozenset({Stage.DEVELOPMENT}))
    assert missing_nodes(Stage.DEVELOPMENT, Stage.APPROVAL, set(), settings) == [KeyNode.PROJECT_INFO]
    assert missing_nodes(Stage.TENDER, Stage.IMPLEMENTATION, set(), settings) == []


def test_a_loss_needs_its_reason():
    assert check_loss("  ") is DealProblem.LOSS_NEEDS_REASON
    assert check_loss("价格高于竞争对手") is None
    record = OpportunityRecord(customer_id=1, name="MES", status=Status.LOST)
    assert record.problems() == {"outcome_reason": DealProblem.LOSS_NEEDS_REASON}


def test_a_deal_needs_customer_and_name_and_a_positive_amount_and_only_losses_have_winners():
    record = OpportunityRecord(customer_id=None, name=" ", amount_fen=-1, winner_id=3)
    assert record.problems() == {
        "customer": Problem.REQUIRED,
        "name": Problem.REQUIRED,
        "amount": Problem.NEGATIVE_AMOUNT,
        "winner": DealProblem.WINNER_ONLY_WHEN_LOST,
    }


def test_weighted_amount_uses_the_stage_probability_rounded_half_up():
    settings = PipelineSettings()
    # ¥1,234,567.89 at tender (60%) = ¥740,740.734 -> ¥740,740.73
    assert weighted_fen(123_456_789, Stage.TENDER, settings) == 74_074_073
    # 5 fen at 10% = 0.5 fen -> 1 fen (half up)
    assert weighted_fen(5, Stage.DEVELOPMENT, settings) == 1


def test_days_in_each_stage_come_from_the_dated_moves():
    changes = [
        (date(2026, 9, 9), "development"),
        (date(2026, 10, 16), "approval"),
        (date(2026, 11, 1), "proposal"),
        (date(2026, 11, 15), "tender"),
    ]
    periods = stage_periods(changes)
    today = date(2026, 11, 25)
    assert [(p.stage, p.days(today)) for p in periods] == [
        (Stage.DEVELOPMENT, 37),
        (Stage.APPROVAL, 16),
        (Stage.PROPOSAL, 14),
        (Stage.TENDER, 10),
    ]
    assert days_in_current_stage(changes, today) == 10


def test_an_outcome_closes_the_last_stage_and_a_reopening_starts_a_new_one():
    changes = [
        (date(2026, 1, 1), "development"),
        (date(2026, 1, 11), "lost"),
        (date(2026, 3, 1), "development"),
    ]
    assert stage_periods(changes) == [
        StagePeriod(Stage.DEVELOPMENT, date(2026, 1, 1), date(2026, 1, 11)),
        StagePeriod(Stage.DEVELOPMENT, date(2026, 3, 1), None),
    ]
    assert days_in_current_stage(changes[:2], date(2026, 2, 1)) is None
