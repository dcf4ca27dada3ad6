"""Sales-time allocation rules against hand-computed cases: shares per rep and team, the weekly
trend, the what-if (12% -> 22% is +83.3% reps), contact cost, and the duration parser."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.time_allocation import (
    DEFAULT_TYPES,
    DEFAULT_WORDS,
    Category,
    Channel,
    DurationError,
    TimeEntry,
    TimeSettings,
    allocation_by_rep,
    contact_cost,
    default_type_for,
    headcount_equivalent,
    minutes_between,
    parse_clock,
    parse_duration,
    team_allocation,
    weekly_trend,
    what_if,
)

MON = date(2026, 10, 12)  # a Monday


def entry(rep: int, minutes: int, category: str, type_code: str = "", channel: str = "", day: date = MON,
          customer: int | None = None) -> TimeEntry:  # fmt: skip
    return TimeEntry(rep, day, minutes, category, type_code, channel, customer)


def test_rep_share_is_direct_minutes_over_all_logged_minutes():
    entries = [
        # 张伟: 90 visit + 30 call direct, 300 admin, 180 travel = 600 min, 120 direct -> 20%
        entry(1, 90, Category.DIRECT, "visit", Channel.VISIT),
        entry(1, 30, Category.DIRECT, "call", Channel.PHONE),
        entry(1, 300, Category.ADMIN, "order_entry"),
        entry(1, 180, Category.TRAVEL, "travel"),
        # 李娜: 30 call, 270 internal meeting = 300 min -> 10%
        entry(2, 30, Category.DIRECT, "call", Channel.PHONE),
        entry(2, 270, Category.MEETING, "internal_meeting", Channel.MEETING),
    ]
    per_rep = allocation_by_rep(entries)
    assert per_rep[1].direct_share == pytest.approx(0.2)
    assert per_rep[1].share(Category.ADMIN) == pytest.approx(0.5)
    assert per_rep[1].hours() == {
        "direct": 2.0, "support": 0.0, "admin": 5.0, "meeting": 0.0, "travel": 3.0, "training": 0.0,
    }  # fmt: skip
    assert per_rep[2].direct_share == pytest.approx(0.1)
    # The team weighs reps by their logged time: 150 of 900 minutes.
    assert team_allocation(entries).direct_share == pytest.approx(150 / 900)


def test_rep_with_nothing_logged_has_share_zero():
    assert team_allocation([]).direct_share == 0.0
    assert team_allocation([]).total == 0


def test_moving_administration_lifts_direct_selling_from_12_to_22_percent_like_83_percent_more_reps():
    entries = [
        entry(1, 120, Category.DIRECT, "visit"),
        entry(1, 100, Category.ADMIN, "order_entry"),
        entry(1, 380, Category.TRAVEL, "travel"),
        entry(1, 400, Category.MEETING, "internal_meeting"),
    ]
    result = what_if(entries, categories=[Category.ADMIN])
    assert result.old_share == pytest.approx(0.12)
    assert result.new_share == pytest.approx(0.22)
    assert result.moved_minutes == 100
    assert result.total_minutes == 1000
    assert result.headcount_gain == pytest.approx(0.22 / 0.12 - 1)
    assert round(result.headcount_gain * 100, 1) == 83.3


def test_what_if_moves_single_types_and_never_direct_selling():
    entries = [
        entry(1, 120, Category.DIRECT, "visit"),
        entry(1, 60, Category.ADMIN, "order_entry"),
        entry(1, 60, Category.ADMIN, "report"),
        entry(1, 360, Category.TRAVEL, "travel"),
    ]
    only_orders = what_if(entries, types=["order_entry"])
    assert (only_orders.old_share, only_orders.new_share) == (pytest.approx(0.2), pytest.approx(0.3))
    assert what_if(entries, categories=[Category.DIRECT]).new_share == pytest.approx(0.2)
    # A type inside a moved category is not counted twice.
    assert what_if(entries, categories=[Category.ADMIN], types=["order_entry"]).moved_minutes == 120


def test_headcount_equivalent_is_new_over_old_minus_one():
    assert headcount_equivalent(0.12, 0.22) == pytest.approx(0.8333, abs=1e-4)
    assert headcount_equivalent(0.2, 0.2) == 0.0
    assert headcount_equivalent(0.0, 0.3) is None


def test_contact_cost_weighs_visit_phone_email_100_1_001_per_10000_won():
    entries = [
        *[entry(1, 60, Category.DIRECT, "visit", Channel.VISIT, customer=5) for _ in range(2)],
        *[entry(1, 10, Category.DIRECT, "call", Channel.PHONE, customer=5) for _ in range(10)],
        *[entry(1, 5, Category.DIRECT, "email", Channel.EMAIL, customer=6) for _ in range(100)],
        entry(1, 90, Category.MEETING, "internal_meeting", Channel.MEETING),  # not a customer contact
        entry(2, 60, Category.DIRECT, "demo", Channel.VISIT, customer=6),
    ]
    won_fen = {1: 50_000_000, 3: 10_000_000}  # rep 1 won ¥500,000; rep 3 won without contacts
    costs = contact_cost(entries, lambda e: e.rep_id, won_fen, TimeSettings())
    one = costs[1]
    assert dict(one.contacts) == {"visit": 2, "phone": 10, "email": 100, "meeting": 0}
    assert one.cost_units == pytest.approx(2 * 100 + 10 * 1 + 100 * 0.01)  # 211
    assert one.cost_per_10k_won == pytest.approx(211 / 50)  # 4.22 units per ¥10,000
    assert one.channel_share(Channel.VISIT) == pytest.approx(2 / 112)
    assert costs[2].cost_units == 100 and costs[2].cost_per_10k_won is None
    assert costs[3].contact_count == 0 and costs[3].cost_per_10k_won == 0.0
    cheap = contact_cost(entries, lambda e: e.rep_id, won_fen, TimeSettings(visit_cost=10))
    assert cheap[1].cost_units == pytest.approx(2 * 10 + 10 + 1)


def test_contact_cost_per_customer_class():
    classes = {5: "A", 6: "C"}
    entries = [
        entry(1, 60, Category.DIRECT, "visit", Channel.VISIT, customer=5),
        entry(1, 10, Category.DIRECT, "call", Channel.PHONE, customer=6),
        entry(1, 10, Category.DIRECT, "call", Channel.PHONE),
    ]
    costs = contact_cost(entries, lambda e: classes.get(e.customer_id or 0, ""), {"A": 20_000_000}, TimeSettings())
    assert costs["A"].cost_per_10k_won == pytest.approx(100 / 20)
    assert costs["C"].cost_units == 1
    assert costs[""].contacts["phone"] == 1


def test_weekly_trend_has_one_point_per_iso_week_including_empty_weeks():
    entries = [
        entry(1, 60, Category.DIRECT, day=date(2026, 10, 14)),
        entry(1, 45, Category.DIRECT, day=date(2026, 10, 13)),  # before the period, same week
        entry(1, 240, Category.ADMIN, day=date(2026, 10, 16)),
        entry(1, 30, Category.DIRECT, day=date(2026, 10, 28)),
        entry(1, 30, Category.TRAVEL, day=date(2026, 10, 28)),
        entry(1, 999, Category.DIRECT, day=date(2026, 11, 30)),  # outside the period
    ]
    weeks = weekly_trend(entries, date(2026, 10, 14), date(2026, 10, 31))
    assert [w.week_start for w in weeks] == [date(2026, 10, 12), date(2026, 10, 19), date(2026, 10, 26)]
    assert [w.share for w in weeks] == [pytest.approx(0.2), 0.0, pytest.approx(0.5)]
    assert weeks[0].label == "2026-W42"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2小时", 120), ("1.5h", 90), ("90分钟", 90), ("1h30m", 90), ("1小时30分", 90), ("半小时", 30),
        ("0.5天", 240), ("２小时", 120), ("1.5 小时", 90), ("45 min", 45), (2, 120), ("2", 120), (None, None),
        ("", None),
    ],
)  # fmt: skip
def test_durations_as_reps_write_them(text: object, minutes: int | None):
    assert parse_duration(text) == minutes


def test_a_bare_number_in_a_minutes_column_is_minutes():
    assert parse_duration(90, bare_unit_minutes=1) == 90
    assert parse_duration("2小时", bare_unit_minutes=1) == 120


@pytest.mark.parametrize(("text", "reason"), [("-2小时", "negative_duration"), ("25h", "long_duration"),
                                               ("两小时", "bad_duration"), ("2x", "bad_duration")])  # fmt: skip
def test_bad_durations_say_why(text: str, reason: str):
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert caught.value.reason == reason


@given(st.one_of(st.text(max_size=20), st.floats(allow_nan=True), st.integers(-10_000, 10_000), st.none()))
def test_any_cell_is_a_duration_within_a_day_or_a_duration_error(value: object):
    try:
        minutes = parse_duration(value)
    except DurationError as exc:
        assert exc.reason in ("bad_duration", "negative_duration", "long_duration")
    else:
        assert minutes is None or 0 <= minutes <= 24 * 60


@given(st.integers(0, 23), st.integers(0, 59), st.integers(0, 23), st.integers(0, 59))
def test_start_and_end_times_give_the_minutes_between(h1: int, m1: int, h2: int, m2: int):
    start, end = parse_clock(f"{h1}:{m1:02d}"), parse_clock(f"{h2}:{m2:02d}")
    assert start is not None and end is not None
    assert (h1 * 60 + m1 + minutes_between(start, end)) % (24 * 60) == h2 * 60 + m2


def test_the_usual_words_map_to_default_types():
    usual = [("客户拜访", "visit"), ("拜访", "visit"), ("上门", "visit"), ("Customer Visit", "visit"),
             ("电话", "call"), ("打电话", "call"), ("Phone", "call"), ("例会", "internal_meeting"),
             ("Meeting", "internal_meeting"), ("出差路上", "travel"), ("报价", "quote"),
             ("日报", "report")]  # fmt: skip
    for word, code in usual:
        assert default_type_for(word) == code, word
    assert default_type_for("写标书给甲方") is None
    codes = {t.code for t in DEFAULT_TYPES}
    assert set(DEFAULT_WORDS.values()) <= codes
    assert {t.code: t.category for t in DEFAULT_TYPES}["visit_planning"] == Category.ADMIN
