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
from fractions import Fraction
from typing import NamedTuple


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


class CustomerFacts(NamedTuple):
    """What classification needs to know of one customer.

    Amounts are whole fen (分) so that 100,000 customers add up exactly and fast;
    :attr:`annual_amount` and :attr:`previous_amount` give them in yuan.
    """

    customer_id: int
    status: CustomerStatus
    annual_fen: int
    """Sales in the trailing window, in fen."""
    orders_per_year: int
    """Orders in the trailing window."""
    previous_fen: int = 0
    """Sales in the window before the trailing one (for growth), in fen."""
    active_months: int = 0
    """Months of the trailing window with at least one order (for loyalty)."""
    credit_rating: str = ""
    close_likelihood: int = 0

    @property
    def annual_amount(self) -> Decimal:
        return Decimal(self.annual_fen).scaleb(-2)

    @property
    def previous_amount(self) -> Decimal:
        return Decimal(self.previous_fen).scaleb(-2)


def to_fen(amount: Decimal) -> int:
    """Yuan to whole fen."""
    return int((amount * 100).to_integral_value())


class Classification(NamedTuple):
    """Every scheme's result for one customer (a named tuple: 100,000 of them are built per pass)."""

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
    after; customers with no sales are always C.  Shares are compared exactly (in
    fen and fractions), so a customer landing exactly on 75% is B, never a float's guess.
    """
    ids = [cid for cid, _ in amounts]
    fen = [_fen(a) for _, a in amounts]
    return dict(zip(ids, _abc_from_fen(ids, fen, settings), strict=True))


def _fen(amount: Decimal) -> int:
    return int(amount * 100) if amount > 0 else 0


def _abc_from_fen(ids: Sequence[int], fen: Sequence[int], settings: ClassificationSettings) -> list[AbcClass]:
    total = sum(fen)
    a_share = Fraction(str(settings.abc_a_share))
    b_share = a_share + Fraction(str(settings.abc_b_share))
    # running / total < share  <=>  running * denominator < numerator * total (all integers)
    a_den, a_limit = a_share.denominator, a_share.numerator * total
    b_den, b_limit = b_share.denominator, b_share.numerator * total
    result = [AbcClass.C] * len(ids)
    running = 0
    for i in sorted(range(len(ids)), key=lambda i: (-fen[i], ids[i])):
        amount = fen[i]
        if amount <= 0:
            break
        if running * a_den < a_limit:
            result[i] = AbcClass.A
        elif running * b_den < b_limit:
            result[i] = AbcClass.B
        running += amount
    return result


def _credit_points(rating: str) -> float:
    """AAA 100, AA 75, A 50, B 25, C 0; unknown ratings count as the middle (50)."""
    try:
        rank = CREDIT_RATINGS.index(rating.strip().upper())
    except ValueError:
        return 50.0
    return 100.0 * (len(CREDIT_RATINGS) - 1 - rank) / (len(CREDIT_RATINGS) - 1)


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

    Amounts are handled in whole fen (integers) inside: 100,000 customers classify in a
    fraction of a second, which Decimal arithmetic per customer would not allow.
    """
    settings = settings or ClassificationSettings()
    items = list(facts)
    ids = [f.customer_id for f in items]
    fen = [max(f.annual_fen, 0) for f in items]
    abc = _abc_from_fen(ids, fen, settings)
    total = sum(fen)

    buyers = sorted((amount, cid, i) for i, (amount, cid) in enumerate(zip(fen, ids, strict=True)) if amount > 0)
    percentile = [0.0] * len(items)
    for rank, (_, _, i) in enumerate(buyers):
        percentile[i] = 100.0 * (rank + 1) / len(buyers)

    w = settings.weights
    weight_sum = w.contribution + w.credit + w.loyalty + w.growth
    months = max(1, settings.trailing_months)
    density_scale = 12 / months
    amount_split = _fen(settings.value_amount_split)
    density_split = settings.value_density_split
    medium, large, vip = (_fen(b) for b in settings.closed_grade_bounds)
    pa, pb, pc = settings.potential_grade_bounds
    credit_cache: dict[str, float] = {}
    closed, potential = CustomerStatus.CLOSED, CustomerStatus.POTENTIAL
    star, cow, volcano, dog = ValueClass.STAR, ValueClass.COW, ValueClass.VOLCANO, ValueClass.DOG

    result: dict[int, Classification] = {}
    for i, f in enumerate(items):
        amount = fen[i]
        rating = f.credit_rating
        credit = credit_cache.get(rating)
        if credit is None:
            credit = credit_cache[rating] = _credit_points(rating)
        previous = f.previous_fen
        if previous > 0:
            growth = max(0.0, min(100.0, 50.0 + 50.0 * (amount - previous) / previous))
        else:
            growth = 100.0 if amount > 0 else 0.0
        points = (
            w.contribution * percentile[i]
            + w.credit * credit
            + w.loyalty * 100.0 * min(f.active_months, months) / months
            + w.growth * growth
        )
        if f.orders_per_year * density_scale >= density_split:
            value = star if amount >= amount_split else volcano
        else:
            value = cow if amount >= amount_split else dog
        status = f.status
        if status is closed:
            grade = (
                "vip" if amount >= vip else "large" if amount >= large else "medium" if amount >= medium else "small"
            )
        elif status is potential:
            likelihood = f.close_likelihood
            grade = "A" if likelihood >= pa else "B" if likelihood >= pb else "C" if likelihood >= pc else "D"
        else:
            grade = ""
        result[ids[i]] = Classification(
            ids[i],
            abc[i],
            value,
            grade,
            round(points / weight_sum, 1) if weight_sum > 0 else 0.0,
            amount / total if total > 0 else 0.0,
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
