"""Competitor intelligence rules: the words people write, rep behaviour and win/loss tallies."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from domain.competitors import (
    CATEGORY_CHINESE,
    CATEGORY_ENGLISH,
    Category,
    DealOutcome,
    Reliability,
    RepObservation,
    Source,
    parse_category,
    parse_reliability,
    parse_source,
    rep_behaviour_summary,
    win_loss,
)


def test_category_words_in_chinese_and_english_read_back() -> None:
    for category in Category:
        assert parse_category(CATEGORY_CHINESE[category]) is category
        assert parse_category(CATEGORY_ENGLISH[category].upper()) is category
        assert parse_category(category.value) is category
    assert parse_category("人事") is Category.PERSONNEL
    assert parse_category("新品") is Category.NEW_PRODUCT
    assert parse_category("天气") is None


def test_source_and_reliability_words() -> None:
    assert parse_source("展会") is Source.TRADE_SHOW
    assert parse_source("Trade show") is Source.TRADE_SHOW
    assert parse_source("代理商") is Source.DEALER
    assert parse_reliability("传闻") is Reliability.RUMOUR
    assert parse_reliability("rumor") is Reliability.RUMOUR
    assert parse_reliability("已证实") is Reliability.CONFIRMED
    assert parse_reliability("Probable") is Reliability.PROBABLE
    assert parse_reliability("也许吧") is None


@given(st.text(max_size=12))
def test_parsers_never_raise_on_any_cell(text: str) -> None:
    for parse in (parse_category, parse_source, parse_reliability):
        found = parse(text)
        assert found is None or found.value


def test_rep_behaviour_summary_averages_what_was_recorded() -> None:
    day = date(2026, 10, 1)
    summary = rep_behaviour_summary(
        [
            RepObservation(1, day, 4, 30, False),
            RepObservation(1, day, 2, None, True),
            RepObservation(2, day, None, 90, True),
            RepObservation(3, day, 3, 60, False),
        ]
    )
    assert summary.observations == 4
    assert summary.average_visits_per_month == 3.0  # (4 + 2 + 3) / 3
    assert summary.average_stay_minutes == 60.0  # (30 + 90 + 60) / 3
    assert summary.customers_seen == 3
    assert summary.dealer_promotions == 2


def test_rep_behaviour_summary_of_nothing() -> None:
    summary = rep_behaviour_summary([])
    assert (summary.observations, summary.average_visits_per_month, summary.customers_seen) == (0, None, 0)


def test_win_loss_against_one_competitor() -> None:
    them, other = 7, 9
    record = win_loss(
        them,
        [
            DealOutcome("won", None, 100_00),
            DealOutcome("won", None, 300_00),
            DealOutcome("lost", them, 500_00),
            DealOutcome("lost", other, 50_00),
            DealOutcome("lost", None, 10_00),
            DealOutcome("open", None, 70_00),
        ],
    )
    assert (record.deals, record.won_by_us, record.lost_to_them, record.lost_to_others, record.open) == (6, 2, 1, 2, 1)
    assert record.won_fen == 400_00
    assert record.lost_to_them_fen == 500_00
    assert record.win_rate_bp == 4000  # 2 of 5 closed
    assert win_loss(them, []).win_rate_bp is None
