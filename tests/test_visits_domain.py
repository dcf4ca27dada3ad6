"""The visit planner's rules against hand-computed plans (domain only: no database, no Qt)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.visits import (
    CoverageCustomer,
    FixedVisit,
    Frequency,
    PeriodError,
    PlanCustomer,
    VisitSettings,
    coverage_gaps,
    day_capacity,
    parse_month,
    parse_week,
    plan_visits,
)


def weekdays(first: date, last: date, skip: tuple[date, ...] = ()) -> list[date]:
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5 and day not in skip:
            days.append(day)
        day += timedelta(days=1)
    return days


def customer(
    cid: int, classes: tuple[str, ...], district: str = "浦东新区", last: date | None = None, score: float = 0.0
) -> PlanCustomer:
    return PlanCustomer(cid, f"客户{cid:02d}", district, f"{district}路{cid}号", classes, last, score)


NOV = weekdays(date(2026, 11, 1), date(2026, 11, 30))
FULL = VisitSettings(planned_share=1.0)


def test_most_frequent_class_wins() -> None:
    settings = VisitSettings()
    assert settings.interval(("A", "dog")) == 15
    assert settings.interval(("C", "star")) == 7
    assert settings.interval(("B", "volcano")) == 30
    assert settings.interval(()) is None
    custom = VisitSettings(frequencies={**settings.frequencies, "A": Frequency.WEEKLY})
    assert custom.interval(("A", "dog")) == 7


def test_frequency_is_met_over_a_month() -> None:
    # A star customer never visited: every 7 days from the first working day; an A customer
    # (twice a month, 15 days) visited on 2026-10-20 is due on 11-04 and again 15 days after.
    # A C customer (61 days) visited on 2026-10-01 is due on 12-01: not in November.
    plan = plan_visits(
        [
            customer(1, ("C", "star")),
            customer(2, ("A", "dog"), last=date(2026, 10, 20)),
            customer(3, ("C", "dog"), last=date(2026, 10, 1)),
        ],
        NOV,
        FULL,
    )
    by_customer: dict[int, list[date]] = {}
    for v in plan.visits:
        by_customer.setdefault(v.customer_id, []).append(v.day)
    assert by_customer[1] == [date(2026, 11, d) for d in (2, 9, 16, 23, 30)]
    assert by_customer[2] == [date(2026, 11, 4), date(2026, 11, 19)]
    assert 3 not in by_customer
    assert plan.unplanned == []


def test_daily_cap_and_sixty_percent_budget_spread_evenly() -> None:
    # 20 customers due, one week of 5 days, cap 4: capacity 20, 60% planned = 12; by the end of
    # each day 60% of the capacity so far: 2.4, 4.8, 7.2, 9.6, 12 rounded -> 2, 5, 7, 10, 12.
    week = weekdays(date(2026, 11, 23), date(2026, 11, 27))
    plan = plan_visits([customer(i, ("B",)) for i in range(1, 21)], week, VisitSettings())
    assert (plan.capacity, plan.budget) == (20, 12)
    assert [len(plan.on(d)) for d in week] == [2, 3, 2, 3, 2]
    assert len(plan.unplanned) == 8
    assert {u.customer_id for u in plan.unplanned}.isdisjoint({v.customer_id for v in plan.visits})


def test_no_visit_on_leave_and_half_day_halves_capacity() -> None:
    week = weekdays(date(2026, 11, 23), date(2026, 11, 27))
    availability = {date(2026, 11, 25): 0.0, date(2026, 11, 26): 0.5}
    plan = plan_visits([customer(i, ("B",)) for i in range(1, 21)], week, FULL, availability=availability)
    counts = {d: len(plan.on(d)) for d in week}
    assert counts == {
        date(2026, 11, 23): 4,
        date(2026, 11, 24): 4,
        date(2026, 11, 25): 0,
        date(2026, 11, 26): 2,
        date(2026, 11, 27): 4,
    }
    assert plan.capacity == 14
    assert day_capacity(4, 0.5) == 2 and day_capacity(3, 0.5) == 1


def test_holidays_left_out_of_days_get_no_visits() -> None:
    # 2026-10-01..08 is the National Day holiday; storage passes only working days.
    days = weekdays(date(2026, 9, 28), date(2026, 10, 9), skip=tuple(date(2026, 10, d) for d in range(1, 9)))
    plan = plan_visits([customer(i, ("B",)) for i in range(1, 17)], days, FULL)
    assert {v.day for v in plan.visits} == {date(2026, 9, 28), date(2026, 9, 29), date(2026, 9, 30), date(2026, 10, 9)}


def test_customers_of_one_district_are_batched_on_one_day() -> None:
    # Urgency alternates between the districts; each day still holds one district, in address order.
    customers = [
        customer(i, ("B",), "徐汇区" if i % 2 else "静安区", last=date(2026, 10, 1) + timedelta(days=i))
        for i in range(1, 9)
    ]
    week = weekdays(date(2026, 11, 23), date(2026, 11, 24))
    plan = plan_visits(customers, week, FULL)
    first_day = [v.customer_id for v in plan.on(week[0])]
    second_day = [v.customer_id for v in plan.on(week[1])]
    assert first_day == [1, 3, 5, 7]  # 徐汇区: customer 1 is the most overdue
    assert second_day == [2, 4, 6, 8]
    assert [v.position for v in plan.on(week[0])] == [0, 1, 2, 3]


def test_locked_visit_stands_for_the_customer_and_takes_a_slot() -> None:
    # Customer 2 (A, 15 days) locked on 11-10: nothing within 15 days of it; next due 11-25.
    plan = plan_visits(
        [customer(2, ("A",))],
        NOV,
        FULL,
        fixed=[FixedVisit(2, date(2026, 11, 10))],
        fixed_load={date(2026, 11, 10): 1},
    )
    assert [v.day for v in plan.visits] == [date(2026, 11, 25)]


def test_locked_visits_fill_their_day() -> None:
    day = [date(2026, 11, 23)]
    plan = plan_visits(
        [customer(i, ("B",)) for i in range(1, 6)],
        day,
        FULL,
        fixed=[FixedVisit(90 + i, day[0]) for i in range(3)],
        fixed_load={day[0]: 3},
    )
    assert len(plan.visits) == 1
    assert plan.visits[0].position == 3


def test_plan_is_the_same_every_time() -> None:
    customers = [customer(i, ("B", "dog"), "区" + str(i % 3), score=float(i % 5)) for i in range(1, 40)]
    first = plan_visits(customers, NOV, VisitSettings())
    assert first == plan_visits(list(reversed(customers)), NOV, VisitSettings())


def test_coverage_lists_customers_past_their_interval_most_valuable_first() -> None:
    as_of = date(2026, 11, 24)
    gaps = coverage_gaps(
        [
            CoverageCustomer(1, "甲", ("A", "cow"), date(2026, 11, 1), True, 500_000_00),  # 23 days > 15
            CoverageCustomer(2, "乙", ("A", "cow"), date(2026, 11, 15), True, 900_000_00),  # 9 days: fine
            CoverageCustomer(3, "丙", ("C", "dog"), None, False, 0),  # never contacted
            CoverageCustomer(4, "丁", ("C", "dog"), date(2026, 8, 1), True, 20_000_00),  # 115 > 61
            CoverageCustomer(5, "戊", ("C", "dog"), date(2026, 10, 1), False, 10_000_00),  # 54 <= 61
        ],
        as_of,
        VisitSettings(),
    )
    assert [(g.name, g.interval, g.days_since) for g in gaps] == [("甲", 15, 23), ("丁", 61, 115), ("丙", 61, None)]


def test_contract_minimum_applies_when_class_is_never_visited() -> None:
    settings = VisitSettings(frequencies={"C": Frequency.NEVER, "dog": Frequency.NEVER})
    customers = [
        CoverageCustomer(1, "甲", ("C", "dog"), date(2026, 8, 1), True),  # 115 > 91
        CoverageCustomer(2, "乙", ("C", "dog"), date(2026, 8, 1), False),  # not under contract, not scheduled
    ]
    assert [g.customer_id for g in coverage_gaps(customers, date(2026, 11, 24), settings)] == [1]


def test_weeks_and_months_parse() -> None:
    assert parse_week("2026-W48") == (date(2026, 11, 23), date(2026, 11, 29))
    assert parse_week("2026-w01") == (date(2025, 12, 29), date(2026, 1, 4))
    assert parse_month("2026-12") == (date(2026, 12, 1), date(2026, 12, 31))
    assert parse_month("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))
    for bad in ("2026-W54", "48", "2026-13", "next week"):
        with pytest.raises(PeriodError):
            parse_week(bad) if "W" in bad.upper() or bad == "48" else parse_month(bad)


def test_a_small_budget_is_spread_over_the_whole_month() -> None:
    # 10% of 23 working days x 4 = 9.2 -> 9 visits, by the end of day k round(9 x k / 23): one visit
    # about every two and a half working days, not all in the first nine days.
    days = weekdays(date(2026, 12, 1), date(2026, 12, 31))
    plan = plan_visits([customer(i, ("B",)) for i in range(1, 201)], days, VisitSettings(planned_share=0.1))
    counts = [len(plan.on(d)) for d in days]
    assert (len(days), plan.budget) == (23, 9)
    assert [i for i, n in enumerate(counts) if n] == [1, 3, 6, 8, 11, 14, 16, 19, 21]
    assert max(counts) == 1
