"""Classification against hand-computed cases (domain only)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest

from domain.customers import (
    AbcClass,
    ClassificationSettings,
    CustomerFacts,
    CustomerStatus,
    ScoreWeights,
    ValueClass,
    abc_classes,
    classify,
    pareto,
    trailing_window,
)

S = ClassificationSettings()


def facts(
    cid: int, amount: int, orders: int = 0, status: CustomerStatus = CustomerStatus.CLOSED, **kw
) -> CustomerFacts:  # type: ignore[no-untyped-def]
    return CustomerFacts(cid, status, amount * 100, orders, **kw)


def test_abc_customer_crossing_75_percent_is_still_a():
    # 500 + 300 = 800 of 1000; the second crosses 75% and stays A.
    # Before #3 the running share is 80% (>=75, <95) -> B; before #4 it is 90% -> B; before #5 96% -> C.
    amounts = [(1, D(500)), (2, D(300)), (3, D(100)), (4, D(60)), (5, D(40)), (6, D(0))]
    result = abc_classes(amounts, S)
    assert [result[i] for i in range(1, 7)] == [AbcClass.A, AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C]


def test_abc_thresholds_are_settings():
    amounts = [(1, D(500)), (2, D(300)), (3, D(100)), (4, D(60)), (5, D(40))]
    result = abc_classes(amounts, ClassificationSettings(abc_a_share=0.5, abc_b_share=0.4))
    # Before #2 the running share is 50%: not below 50% -> B; before #3 80% -> B;
    # before #4 90%: not below 50% + 40% -> C.
    assert [result[i] for i in range(1, 6)] == [AbcClass.A, AbcClass.B, AbcClass.B, AbcClass.C, AbcClass.C]


def test_exactly_75_percent_before_a_customer_makes_it_b():
    # Running share before #2 is exactly 75%: not below 75% -> B (no float rounding either way).
    result = abc_classes([(1, D("750.00")), (2, D("200.00")), (3, D("50.00"))], S)
    assert result == {1: AbcClass.A, 2: AbcClass.B, 3: AbcClass.C}


def test_abc_ties_are_ranked_by_id():
    result = abc_classes([(2, D(50)), (1, D(50))], ClassificationSettings(abc_a_share=0.5, abc_b_share=0.5))
    assert result == {1: AbcClass.A, 2: AbcClass.B}


@pytest.mark.parametrize(
    ("amount", "orders", "expected"),
    [
        (300_000, 6, ValueClass.STAR),
        (300_000, 5, ValueClass.COW),
        (299_999, 6, ValueClass.VOLCANO),
        (299_999, 5, ValueClass.DOG),
        (0, 0, ValueClass.DOG),
    ],
)
def test_value_matrix_splits_at_300k_and_6_orders(amount: int, orders: int, expected: ValueClass):
    assert classify([facts(1, amount, orders)])[1].value is expected


def test_value_matrix_split_is_a_setting():
    settings = ClassificationSettings(value_amount_split=D(100_000), value_density_split=12)
    assert classify([facts(1, 150_000, 11)], settings)[1].value is ValueClass.COW


def test_grades_of_closed_potential_and_lost_customers():
    result = classify(
        [
            facts(1, 99_999),
            facts(2, 100_000),
            facts(3, 300_000),
            facts(4, 1_000_000),
            facts(5, 0, status=CustomerStatus.POTENTIAL, close_likelihood=80),
            facts(6, 0, status=CustomerStatus.POTENTIAL, close_likelihood=50),
            facts(7, 0, status=CustomerStatus.POTENTIAL, close_likelihood=25),
            facts(8, 0, status=CustomerStatus.POTENTIAL, close_likelihood=24),
            facts(9, 5_000, status=CustomerStatus.LOST),
        ]
    )
    assert [result[i].grade for i in range(1, 10)] == ["small", "medium", "large", "vip", "A", "B", "C", "D", ""]


def test_weighted_score_by_hand():
    # Two buyers: #1 (1000, previous 500, AAA, 6 active months), #2 (3000, previous 3000, B, 12 months).
    # contribution percentile: #1 50, #2 100.  credit: AAA 100, B 25.  loyalty: 50, 100.
    # growth: #1 +100% -> 100; #2 flat -> 50.
    # score #1 = .4*50 + .2*100 + .2*50 + .2*100 = 20 + 20 + 10 + 20 = 70
    # score #2 = .4*100 + .2*25 + .2*100 + .2*50 = 40 + 5 + 20 + 10 = 75
    result = classify(
        [
            facts(1, 1000, 3, previous_fen=50_000, credit_rating="AAA", active_months=6),
            facts(2, 3000, 12, previous_fen=300_000, credit_rating="B", active_months=12),
        ]
    )
    assert result[1].score == 70.0
    assert result[2].score == 75.0
    assert result[1].share == 0.25


def test_score_weights_are_settings():
    settings = ClassificationSettings(weights=ScoreWeights(contribution=1, credit=0, loyalty=0, growth=0))
    result = classify([facts(1, 1000), facts(2, 3000), facts(3, 0)], settings)
    assert (result[1].score, result[2].score, result[3].score) == (50.0, 100.0, 0.0)


def test_density_is_scaled_to_a_year_when_the_window_is_shorter():
    # 3 orders in a 6-month window is 6 a year: high density.
    result = classify([facts(1, 400_000, 3)], ClassificationSettings(trailing_months=6))
    assert result[1].value is ValueClass.STAR


def test_trailing_window_ends_on_the_day_inclusive():
    assert trailing_window(date(2026, 11, 24), 12) == (date(2024, 11, 25), date(2025, 11, 25), date(2026, 11, 25))
    assert trailing_window(date(2024, 2, 28), 12)[1] == date(2023, 2, 28)


def test_pareto_cumulative_shares():
    points = pareto([(1, D(50)), (2, D(30)), (3, D(10)), (4, D(6)), (5, D(4)), (6, D(0))])
    assert [p.customer_id for p in points] == [1, 2, 3, 4, 5]
    assert [round(p.cumulative_share, 2) for p in points] == [0.5, 0.8, 0.9, 0.96, 1.0]
