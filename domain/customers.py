"""Customer classification (客户分类 / 分级): ABC, value matrix, grades and weighted score.

Every threshold lives in :class:`ClassificationSettings`; the numbers there are the
handbook's defaults and the settings dialog edits them.

Value matrix (购买金额 × 购买密度), with ``amount_split`` on annual purchase amount and
``density_split`` on orders per year (a customer exactly on a split counts as high):

=========== ===================== =====================
            density high          density low
=========== ===================== =====================
amount high Star 明星              Cow 奶牛
amount low  Volcano 火山           Dog 小狗
=========== ===================== =====================

Stars buy much and often; Cows buy much in few large orders; Volcanoes buy often but
little (activity that may erupt into volume); Dogs buy little and seldom.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal


class CustomerStatus(enum.StrEnum):
    """既成客户 / 潜在客户 / 流失客户."""

    POTENTIAL = "potential"
    CLOSED = "closed"
    LOST = "lost"


class AbcClass(enum.StrEnum):
    A = "A"
    B = "B"
    C = "C"


class ValueClass(enum.StrEnum):
    STAR = "star"
    COW = "cow"
    VOLCANO = "volcano"
    DOG = "dog"


CREDIT_RATINGS: tuple[str, ...] = ("AAA", "AA", "A", "B", "C")
"""信用等级, best first; the credit indicator of the weighted score reads them in this order."""


@dataclass(frozen=True)
class ScoreWeights:
    """Weights of the weighted score (客户分级评分); they need not add up to one."""

    contribution: float = 0.4
    credit: float = 0.2
    loyalty: float = 0.2
    growth: float = 0.2


@dataclass(frozen=True)
class ClassificationSettings:
    """Thresholds of every scheme; defaults are the handbook's."""

    trailing_months: int = 12
    abc_a_share: float = 0.75
    """A customers together make the first 75% of trailing sales."""
    abc_b_share: float = 0.20
    """B customers make the next 20%; the rest, and customers with no sales, are C."""
    value_amount_split: Decimal = Decimal(300_000)
    value_density_split: float = 6.0
    closed_grade_bounds: tuple[Decimal, Decimal, Decimal] = (
        Decimal(100_000),
        Decimal(300_000),
        Decimal(1_000_000),
    )
    """Annual amount from which a closed customer is medium, large, VIP."""
    potential_grade_bounds: tuple[int, int, int] = (75, 50, 25)
    """Close likelihood (percent) from which a potential customer is A, B, C; below is D."""
    weights: ScoreWeights = field(default_factory=ScoreWeights)


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    """What classification needs to know of one customer."""

    customer_id: int
    status: CustomerStatus
    annual_amount: Decimal
    """Sales in the trailing window."""
    orders_per_year: int
    """Orders in the trailing window."""
    previous_amount: Decimal = Decimal(0)
    """Sales in the window before the trailing one (for growth)."""
    active_months: int = 0
    """Months of the trailing window with at least one order (for loyalty)."""
    credit_rating: str = ""
    close_likelihood: int = 0


@dataclass(frozen=True, slots=True)
class Classification:
    customer_id: int
    abc: AbcClass
    value: ValueClass
    grade: str
    """small/medium/large/vip for closed customers, A-D for potential ones, '' for lost."""
    score: float
    """Weighted score, 0-100."""
    share: float
    """This customer's share of trailing sales, 0-1."""


def trailing_window(as_of: date, months: int) -> tuple[date, date, date]:
    """(start of previous window, start of trailing window, end exclusive) for ``as_of``.

    The trailing window is the ``months`` months ending with ``as_of`` inclusive.
    """
    end = date.fromordinal(as_of.toordinal() + 1)
    start = _add_months(end, -months)
    previous = _add_months(end, -2 * months)
    return previous, start, end


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def abc_classes(amounts: Sequence[tuple[int, Decimal]], settings: ClassificationSettings) -> dict[int, AbcClass]:
    """ABC by cumulative share of sales (Pareto).

    Customers are ranked by amount (ties by id).  A customer is A while the share
    *before* it is below ``abc_a_share`` (so the customer that crosses 75% is still
    A, and A covers at least 75%), B while below ``abc_a_share + abc_b_share``, C
    after; customers with no sales are always C.
    """
    total = sum((a for _, a in amounts if a > 0), Decimal(0))
    ranked = sorted(amounts, key=lambda item: (-item[1], item[0]))
    a_limit = Decimal(str(settings.abc_a_share)) * total
    b_limit = Decimal(str(settings.abc_a_share + settings.abc_b_share)) * total
    result: dict[int, AbcClass] = {}
    running = Decimal(0)
    for customer_id, amount in ranked:
        if amount <= 0:
            result[customer_id] = AbcClass.C
        elif running < a_limit:
            result[customer_id] = AbcClass.A
        elif running < b_limit:
            result[customer_id] = AbcClass.B
        else:
            result[customer_id] = AbcClass.C
        running += max(amount, Decimal(0))
    return result


def value_class(amount: Decimal, orders_per_year: float, settings: ClassificationSettings) -> ValueClass:
    high_amount = amount >= settings.value_amount_split
    high_density = orders_per_year >= settings.value_density_split
    if high_amount:
        return ValueClass.STAR if high_density else ValueClass.COW
    return ValueClass.VOLCANO if high_density else ValueClass.DOG


def grade(facts: CustomerFacts, settings: ClassificationSettings) -> str:
    """Closed customers by value (small/medium/large/vip); potential ones A-D by close likelihood."""
    if facts.status is CustomerStatus.CLOSED:
        medium, large, vip = settings.closed_grade_bounds
        if facts.annual_amount >= vip:
            return "vip"
        if facts.annual_amount >= large:
            return "large"
        if facts.annual_amount >= medium:
            return "medium"
        return "small"
    if facts.status is CustomerStatus.POTENTIAL:
        a, b, c = settings.potential_grade_bounds
        if facts.close_likelihood >= a:
            return "A"
        if facts.close_likelihood >= b:
            return "B"
        if facts.close_likelihood >= c:
            return "C"
        return "D"
    return ""


def _credit_points(rating: str) -> float:
    """AAA 100, AA 75, A 50, B 25, C 0; unknown ratings count as the middle (50)."""
    try:
        rank = CREDIT_RATINGS.index(rating.strip().upper())
    except ValueError:
        return 50.0
    return 100.0 * (len(CREDIT_RATINGS) - 1 - rank) / (len(CREDIT_RATINGS) - 1)


def _growth_points(current: Decimal, previous: Decimal) -> float:
    """50 means flat; +100% growth or a new customer scores 100, a customer who stopped scores 0."""
    if previous <= 0:
        return 100.0 if current > 0 else 0.0
    ratio = float((current - previous) / previous)
    return max(0.0, min(100.0, 50.0 + 50.0 * ratio))


def classify(
    facts: Iterable[CustomerFacts], settings: ClassificationSettings | None = None
) -> dict[int, Classification]:
    """Every scheme for every customer, in one pass over the list.

    The weighted score's indicators, each 0-100:

    - contribution: the customer's percentile rank by trailing sales among customers
      with sales (the best scores 100; no sales scores 0);
    - credit: the credit rating (:data:`CREDIT_RATINGS`);
    - loyalty: months with orders out of the trailing window's months;
    - growth: trailing sales against the previous window.
    """
    settings = settings or ClassificationSettings()
    items = list(facts)
    abc = abc_classes([(f.customer_id, f.annual_amount) for f in items], settings)
    total = sum((f.annual_amount for f in items if f.annual_amount > 0), Decimal(0))

    buyers = sorted((f.annual_amount, f.customer_id) for f in items if f.annual_amount > 0)
    percentile: dict[int, float] = {}
    if buyers:
        count = len(buyers)
        for rank, (_, customer_id) in enumerate(buyers):
            percentile[customer_id] = 100.0 * (rank + 1) / count

    w = settings.weights
    weight_sum = w.contribution + w.credit + w.loyalty + w.growth
    months = max(1, settings.trailing_months)
    result: dict[int, Classification] = {}
    for f in items:
        loyalty = 100.0 * min(f.active_months, months) / months
        points = (
            w.contribution * percentile.get(f.customer_id, 0.0)
            + w.credit * _credit_points(f.credit_rating)
            + w.loyalty * loyalty
            + w.growth * _growth_points(f.annual_amount, f.previous_amount)
        )
        score = points / weight_sum if weight_sum > 0 else 0.0
        share = float(f.annual_amount / total) if total > 0 and f.annual_amount > 0 else 0.0
        result[f.customer_id] = Classification(
            customer_id=f.customer_id,
            abc=abc[f.customer_id],
            value=value_class(f.annual_amount, f.orders_per_year * 12 / months, settings),
            grade=grade(f, settings),
            score=round(score, 1),
            share=share,
        )
    return result


@dataclass(frozen=True, slots=True)
class ParetoPoint:
    customer_id: int
    amount: Decimal
    cumulative_share: float


def pareto(amounts: Sequence[tuple[int, Decimal]]) -> list[ParetoPoint]:
    """Customers with sales, largest first, with the cumulative share after each (二八理论)."""
    ranked = sorted(((cid, a) for cid, a in amounts if a > 0), key=lambda item: (-item[1], item[0]))
    total = sum((a for _, a in ranked), Decimal(0))
    out: list[ParetoPoint] = []
    running = Decimal(0)
    for customer_id, amount in ranked:
        running += amount
        out.append(ParetoPoint(customer_id, amount, float(running / total)))
    return out
