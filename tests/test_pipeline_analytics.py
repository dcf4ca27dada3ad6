"""The pipeline's analytics as a manager would check them by hand: the weighted forecast by month,
the funnel, stage-to-stage conversion, days in each stage, stalled deals and win rates."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from domain.pipeline import STAGES, PipelineSettings, Stage, Status, stage_periods
from domain.pipeline_analytics import (
    ClosedDeal,
    Conversion,
    ForecastMonth,
    HistoryTally,
    OpenDeal,
    StageTime,
    WinRate,
    by_stage,
    conversion,
    forecast,
    forecast_by_owner,
    forecast_horizon,
    funnel,
    pipeline_figures,
    stalled,
    time_in_stage,
    win_rate_by_competitor,
    win_rate_by_rep,
    window_start,
)

AS_OF = date(2026, 11, 24)
SETTINGS = PipelineSettings()  # 10 / 20 / 40 / 60 / 80 / 95 %, stalled after 30 days


def deal(
    deal_id: int,
    stage: Stage,
    amount_fen: int,
    expected: date | None = None,
    owner: int | None = 1,
    last_change: date | None = None,
    last_activity: date | None = None,
    created_on: date = date(2026, 1, 1),
) -> OpenDeal:
    return OpenDeal(
        deal_id, f"客户{deal_id}", f"项目{deal_id}", owner, f"销售{owner}", stage, amount_fen, expected, created_on,
        last_change, last_activity,
    )  # fmt: skip


# Six open deals (amounts in fen):
#   1 development  100,000.00 yuan, close 2026-12-15, rep 1: weighted 10% = 1,000,000
#   2 tender       250,000.50 yuan, close 2026-12-31, rep 2: weighted 60% = 15,000,030
#   3 negotiation   80,000.00 yuan, close 2027-01-10, rep 1: weighted 80% = 6,400,000
#   4 proposal          33.33 yuan, close 2027-01-05, rep 2: weighted 40% of 3,333 = 1,333.2 -> 1,333
#   5 development        0.25 yuan, close 2026-10-01 (overdue), no rep: 10% of 25 = 2.5 -> 3 (half up)
#   6 implementation 500,000.00 yuan, no expected close, rep 1: 95% = 47,500,000 (funnel only)
OPEN = [
    deal(1, Stage.DEVELOPMENT, 10_000_000, date(2026, 12, 15), owner=1),
    deal(2, Stage.TENDER, 25_000_050, date(2026, 12, 31), owner=2),
    deal(3, Stage.NEGOTIATION, 8_000_000, date(2027, 1, 10), owner=1),
    deal(4, Stage.PROPOSAL, 3_333, date(2027, 1, 5), owner=2),
    deal(5, Stage.DEVELOPMENT, 25, date(2026, 10, 1), owner=None),
    deal(6, Stage.IMPLEMENTATION, 50_000_000, None, owner=1),
]


def test_forecast_sums_amounts_and_weighted_amounts_by_month_of_expected_close():
    # 2026-10: deal 5 -> 25, 3
    # 2026-12: deals 1 + 2 -> 10,000,000 + 25,000,050 = 35,000,050; 1,000,000 + 15,000,030 = 16,000,030
    # 2027-01: deals 3 + 4 -> 8,000,000 + 3,333 = 8,003,333; 6,400,000 + 1,333 = 6,401,333
    # deal 6 has no expected close: in no month.
    assert forecast(OPEN, SETTINGS) == [
        ForecastMonth("2026-10", 1, 25, 3),
        ForecastMonth("2026-12", 2, 35_000_050, 16_000_030),
        ForecastMonth("2027-01", 2, 8_003_333, 6_401_333),
    ]


def test_forecast_per_rep_splits_the_team_forecast():
    assert forecast_by_owner(OPEN, SETTINGS) == {
        1: [ForecastMonth("2026-12", 1, 10_000_000, 1_000_000), ForecastMonth("2027-01", 1, 8_000_000, 6_400_000)],
        2: [ForecastMonth("2026-12", 1, 25_000_050, 15_000_030), ForecastMonth("2027-01", 1, 3_333, 1_333)],
        None: [ForecastMonth("2026-10", 1, 25, 3)],
    }


def test_forecast_uses_the_probabilities_of_the_settings():
    # Tender at 50% instead of 60%: 25,000,050 * 0.5 = 12,500,025.
    settings = PipelineSettings(probabilities={**SETTINGS.probabilities, Stage.TENDER: 50})
    assert forecast([OPEN[1]], settings) == [ForecastMonth("2026-12", 1, 25_000_050, 12_500_025)]


def test_forecast_horizon_puts_overdue_deals_first_and_fills_empty_months():
    horizon = forecast_horizon(forecast(OPEN, SETTINGS), AS_OF, 2)  # November and December 2026
    assert horizon.overdue == ForecastMonth("", 1, 25, 3)
    assert horizon.months == [
        ForecastMonth("2026-11", 0, 0, 0),
        ForecastMonth("2026-12", 2, 35_000_050, 16_000_030),
    ]
    assert horizon.later == ForecastMonth("", 2, 8_003_333, 6_401_333)


def test_funnel_counts_open_deals_per_stage_in_stage_order():
    # development: deals 1 and 5 -> 10,000,025 fen, weighted 1,000,000 + 3 = 1,000,003
    assert [tuple(t) for t in funnel(OPEN, SETTINGS)] == [
        (Stage.DEVELOPMENT, 2, 10_000_025, 1_000_003),
        (Stage.APPROVAL, 0, 0, 0),
        (Stage.PROPOSAL, 1, 3_333, 1_333),
        (Stage.TENDER, 1, 25_000_050, 15_000_030),
        (Stage.NEGOTIATION, 1, 8_000_000, 6_400_000),
        (Stage.IMPLEMENTATION, 1, 50_000_000, 47_500_000),
    ]
    rows = by_stage(OPEN, SETTINGS)
    assert rows[0].forecast == [ForecastMonth("2026-10", 1, 25, 3), ForecastMonth("2026-12", 1, 10_000_000, 1_000_000)]
    assert rows[5].forecast == []


def test_the_window_is_the_twelve_months_before_the_day():
    assert window_start(AS_OF) == date(2025, 11, 24)
    assert window_start(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert window_start(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert window_start(date(2026, 1, 15), 1) == date(2025, 12, 15)


# Stage histories, as of 2026-11-24 (window: after 2025-11-24):
HISTORY = {
    # 1: entered development before the window; approval, proposal in it; won.
    1: [(date(2025, 10, 1), "development"), (date(2025, 12, 1), "approval"), (date(2026, 1, 10), "proposal"),
        (date(2026, 3, 1), "won")],
    # 2: development, approval, lost.
    2: [(date(2026, 1, 5), "development"), (date(2026, 2, 1), "approval"), (date(2026, 3, 1), "lost")],
    # 3 (open): development, skipped to tender, moved back to proposal.
    3: [(date(2026, 2, 1), "development"), (date(2026, 4, 1), "tender"), (date(2026, 5, 1), "proposal")],
    # 4 (open): development, approval, back to development, approval again, proposal.
    4: [(date(2026, 3, 1), "development"), (date(2026, 3, 20), "approval"), (date(2026, 4, 1), "development"),
        (date(2026, 5, 1), "approval"), (date(2026, 6, 1), "proposal")],
    # 5: implementation since October, won only after the day we look from.
    5: [(date(2026, 10, 1), "implementation"), (date(2026, 12, 1), "won")],
    # 6: long closed, all before the window.
    6: [(date(2024, 1, 1), "development"), (date(2024, 3, 1), "lost")],
    # 7: lost, but imported without its closing change.
    7: [(date(2026, 6, 1), "development")],
}  # fmt: skip
OPEN_IDS = {3, 4}


def test_conversion_counts_deals_that_entered_a_stage_in_the_window_and_went_further():
    # development: entered in the window by 2, 3, 4, 7 (1 entered before it); went further: 2 (approval),
    #   3 (skip to tender), 4 (approval; counted once although it entered twice) -> 3 of 4
    # approval: 1, 2, 4; further: 1 (proposal), 4 (back to development, then on to proposal) -> 2 of 3
    # proposal: 1, 3, 4; further: 1 (won) -> 1 of 3
    # tender: 3; moved back to proposal -> 0 of 1
    # implementation: 5; its win comes after the day -> 0 of 1
    assert conversion(HISTORY, AS_OF) == [
        Conversion(Stage.DEVELOPMENT, 4, 3),
        Conversion(Stage.APPROVAL, 3, 2),
        Conversion(Stage.PROPOSAL, 3, 1),
        Conversion(Stage.TENDER, 1, 0),
        Conversion(Stage.NEGOTIATION, 0, 0),
        Conversion(Stage.IMPLEMENTATION, 1, 0),
    ]
    assert conversion(HISTORY, AS_OF)[0].rate == 0.75
    assert conversion(HISTORY, AS_OF)[4].rate is None


def test_time_in_stage_counts_periods_left_in_the_window_and_open_deals_up_to_the_day():
    # development: 1: 10-01 -> 12-01 = 61 (left in the window, counted whole); 2: 01-05 -> 02-01 = 27;
    #   3: 02-01 -> 04-01 = 59; 4: 03-01 -> 03-20 = 19 and 04-01 -> 05-01 = 30;
    #   7 is lost without a closing change: its period has no end, left out; 6 left before the window.
    #   5 periods, 196 days
    # approval: 1: 12-01 -> 01-10 = 40; 2: 02-01 -> 03-01 = 28; 4: 03-20 -> 04-01 = 12, 05-01 -> 06-01 = 31
    #   4 periods, 111 days
    # proposal: 1: 01-10 -> 03-01 = 50; 3 (open): 05-01 -> 11-24 = 207; 4 (open): 06-01 -> 11-24 = 176
    #   3 periods, 433 days
    # tender: 3: 04-01 -> 05-01 = 30
    # implementation: 5 left it after the day: 10-01 -> 11-24 = 54
    times = time_in_stage(HISTORY, OPEN_IDS, AS_OF)
    assert times == [
        StageTime(Stage.DEVELOPMENT, 5, 196),
        StageTime(Stage.APPROVAL, 4, 111),
        StageTime(Stage.PROPOSAL, 3, 433),
        StageTime(Stage.TENDER, 1, 30),
        StageTime(Stage.NEGOTIATION, 0, 0),
        StageTime(Stage.IMPLEMENTATION, 1, 54),
    ]
    assert times[0].average_days == 39.2
    assert times[1].average_days == 27.75
    assert times[4].average_days is None


def test_a_deal_moved_is_recounted_alone_with_the_same_result_as_counting_everything():
    tally = HistoryTally.of(HISTORY, OPEN_IDS, AS_OF)
    moved = {**HISTORY, 3: [*HISTORY[3], (date(2026, 11, 20), "negotiation")]}
    tally.set_deal(3, moved[3], True)
    assert tally.conversion() == conversion(moved, AS_OF)
    assert tally.time_in_stage() == time_in_stage(moved, OPEN_IDS, AS_OF)
    # proposal 3 now went further: 2 of 3; its period ended 11-20: 203 days instead of 207.
    assert tally.conversion()[2] == Conversion(Stage.PROPOSAL, 3, 2)
    assert tally.time_in_stage()[2] == StageTime(Stage.PROPOSAL, 3, 429)
    tally.remove_deal(3)
    without = {k: v for k, v in HISTORY.items() if k != 3}
    assert tally.time_in_stage() == time_in_stage(without, OPEN_IDS, AS_OF)


_CODES = [s.value for s in STAGES] + [Status.WON.value, Status.LOST.value, "unknown"]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.sampled_from(_CODES)), min_size=1, max_size=12),
    st.booleans(),
)
def test_time_in_stage_walks_the_same_periods_as_the_deal_history(steps, is_open):
    """With a window holding the whole history, the periods counted are those of
    domain.pipeline.stage_periods (open deals' last period up to the day)."""
    day = date(2020, 1, 1)
    changes = []
    for gap, code in steps:
        day += timedelta(days=gap)
        changes.append((day, code))
    as_of = day + timedelta(days=5)
    expected: dict[Stage, list[int]] = defaultdict(lambda: [0, 0])
    for period in stage_periods(changes):
        if period.left is None and not is_open:
            continue
        expected[period.stage][0] += 1
        expected[period.stage][1] += period.days(as_of)
    result = time_in_stage({1: changes}, {1} if is_open else set(), as_of, months=120)
    assert {t.stage: [t.periods, t.total_days] for t in result if t.periods} == dict(expected)


def test_a_deal_quiet_for_30_days_is_stalled_and_29_days_is_not():
    quiet_30 = deal(1, Stage.TENDER, 100, last_change=AS_OF - timedelta(days=30))
    quiet_29 = deal(2, Stage.TENDER, 100, last_change=AS_OF - timedelta(days=29))
    # An activity 29 days ago keeps a deal whose last move was long ago alive.
    visited = deal(3, Stage.TENDER, 100, last_change=date(2026, 1, 1), last_activity=AS_OF - timedelta(days=29))
    # A visit 40 days ago and a move 35 days ago: quiet since the move, 35 days.
    both = deal(4, Stage.TENDER, 100, last_change=AS_OF - timedelta(days=35), last_activity=AS_OF - timedelta(days=40))
    # No history at all: quiet since it was created.
    new = deal(5, Stage.TENDER, 500, created_on=AS_OF - timedelta(days=30))
    found = stalled([quiet_30, quiet_29, visited, both, new], SETTINGS, AS_OF)
    # Most stalled first; equal days: the larger amount first.
    assert [(s.deal.id, s.quiet_days, s.last_touch) for s in found] == [
        (4, 35, date(2026, 10, 20)),
        (5, 30, date(2026, 10, 25)),
        (1, 30, date(2026, 10, 25)),
    ]
    # The threshold is a setting: after 29 days, deals 2 and 3 stall too.
    shorter = PipelineSettings(stall_days=29)
    assert {s.deal.id for s in stalled([quiet_30, quiet_29, visited, both, new], shorter, AS_OF)} == {1, 2, 3, 4, 5}


CLOSED = [
    ClosedDeal(1, 1, Status.WON, date(2026, 5, 1), (1, 2)),
    ClosedDeal(2, 1, Status.LOST, date(2026, 6, 1), (1,), winner_id=2),  # 2 won without being listed
    ClosedDeal(3, 2, Status.WON, date(2026, 7, 1)),
    ClosedDeal(4, 2, Status.LOST, date(2026, 8, 1), (2,)),
    ClosedDeal(5, 1, Status.WON, date(2025, 6, 1), (1,)),  # before the window
    ClosedDeal(6, None, Status.LOST, date(2026, 9, 1), (3,), winner_id=3),
    ClosedDeal(7, 2, Status.LOST, None),  # no closing day: in no window
    ClosedDeal(8, 2, Status.WON, date(2026, 10, 1)),
]


def test_win_rate_by_rep_is_won_over_won_and_lost_in_the_window():
    # rep 1: won 1, lost 2 -> 1 / 2 = 50%;  rep 2: won 3 and 8, lost 4 -> 2 / 3;  no owner: lost 6 -> 0%
    rates = win_rate_by_rep(CLOSED, AS_OF)
    assert rates == [WinRate(1, 1, 1), WinRate(2, 2, 1), WinRate(None, 0, 1)]
    assert [r.rate for r in rates] == [0.5, 2 / 3, 0.0]


def test_win_rate_by_competitor_counts_deals_they_were_in_and_losses_they_won():
    # 1: in 1 (won) and 2 (lost) -> 1 of 2, they won none
    # 2: in 1 (won), 2 (lost, they won it although not listed), 4 (lost) -> 1 of 3, they won 1
    # 3: in 6 (lost, they won it) -> 0 of 1
    assert win_rate_by_competitor(CLOSED, AS_OF) == [WinRate(1, 1, 1, 0), WinRate(2, 1, 2, 1), WinRate(3, 0, 1, 1)]


def test_the_dashboard_figures_come_from_the_same_functions():
    figures = pipeline_figures(OPEN, HISTORY, CLOSED, SETTINGS, AS_OF)
    assert figures.funnel == funnel(OPEN, SETTINGS)
    assert figures.forecast == forecast(OPEN, SETTINGS)
    assert figures.conversion == conversion(HISTORY, AS_OF)
    # The open deals of the figures are OPEN (ids 1-6), so 3 and 4 run up to the day as in OPEN_IDS.
    assert figures.time_in_stage == time_in_stage(HISTORY, {d.id for d in OPEN}, AS_OF)
    assert figures.win_by_competitor == win_rate_by_competitor(CLOSED, AS_OF)
