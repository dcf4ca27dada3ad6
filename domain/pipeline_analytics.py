"""What a manager reads off the whole pipeline (销售漏斗分析): the funnel, the weighted forecast by
month, stage-to-stage conversion, days spent in each stage, stalled deals and win rates.

Pure functions over plain inputs (open deals, closed deals, stage histories); every one takes the
day it is computed for (``as_of``) instead of reading the clock, so a figure can be recomputed for
any day and a test can pin it.  Amounts are whole fen.  The Pipeline dashboard and the headless
``report pipeline`` both come from here.

Figures over history look at a window: the ``months`` (12 by default) months ending at ``as_of``,
i.e. days ``d`` with ``window_start(as_of, months) < d <= as_of``.  Changes dated after ``as_of``
are ignored.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from domain.pipeline import STAGES, PipelineSettings, Stage, Status, weighted_fen

HISTORY_MONTHS = 12
"""Default length of the window for conversion, time in stage and win rates."""

History = Mapping[int, Sequence[tuple[date, str]]]
"""Opportunity id -> its stage changes ``(changed_on, to_stage)`` in order (as stored: the entry
first, then each move; ``to_stage`` a stage code or 'won' / 'lost')."""


# ---------------------------------------------------------------------------------------------
# Inputs


class OpenDeal(NamedTuple):
    """An open opportunity as the dashboard needs it."""

    id: int
    customer: str
    name: str
    owner_id: int | None
    owner: str
    stage: Stage
    amount_fen: int
    expected_close: date | None
    created_on: date
    last_change: date | None
    """The day of its latest stage change (None: no history, the creation day counts)."""
    last_activity: date | None
    """The day of its latest activity (拜访, 电话 …) recorded against the deal."""


class ClosedDeal(NamedTuple):
    """A won or lost opportunity: who owned it, when it closed, who competed and who won."""

    id: int
    owner_id: int | None
    status: Status
    closed_on: date | None
    competitor_ids: tuple[int, ...] = ()
    winner_id: int | None = None
    """When lost: the competitor that won."""


# ---------------------------------------------------------------------------------------------
# Days and months


def window_start(as_of: date, months: int = HISTORY_MONTHS) -> date:
    """The day ``months`` months before ``as_of`` (the day clamped to the month's length); the
    window is the days after it up to and including ``as_of``."""
    index = as_of.year * 12 + as_of.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (following - date(year, month, 1)).days
    return date(year, month, min(as_of.day, last_day))


def month_key(day: date) -> str:
    """'2026-03' for any day of March 2026."""
    return f"{day.year:04d}-{day.month:02d}"


def next_months(as_of: date, count: int) -> list[str]:
    """The month of ``as_of`` and the ``count - 1`` months after it, as 'YYYY-MM'."""
    index = as_of.year * 12 + as_of.month - 1
    return [f"{(index + k) // 12:04d}-{(index + k) % 12 + 1:02d}" for k in range(count)]


# ---------------------------------------------------------------------------------------------
# Funnel and forecast (open deals)


class ForecastMonth(NamedTuple):
    """Open deals expected to close in one month: how many, their amount and weighted amount."""

    month: str
    """'YYYY-MM'."""
    deals: int
    amount_fen: int
    weighted_fen: int


class StageTotal(NamedTuple):
    """Open deals in one stage."""

    stage: Stage
    deals: int
    amount_fen: int
    weighted_fen: int


class StageForecast(NamedTuple):
    """One stage's totals and the forecast of its deals by month (what ``report pipeline`` prints)."""

    total: StageTotal
    forecast: list[ForecastMonth]


def deal_weighted_fen(deal: OpenDeal, settings: PipelineSettings) -> int:
    return weighted_fen(deal.amount_fen, deal.stage, settings)


def funnel(deals: Iterable[OpenDeal], settings: PipelineSettings) -> list[StageTotal]:
    """Count, amount and weighted amount of the open deals per stage, all six stages in order.

    A weighted amount is the sum of each deal's own weighted amount (each rounded to the fen), so
    a stage's figure is the sum of the figures shown on its cards.
    """
    count = dict.fromkeys(STAGES, 0)
    amount = dict.fromkeys(STAGES, 0)
    weighted = dict.fromkeys(STAGES, 0)
    for deal in deals:
        count[deal.stage] += 1
        amount[deal.stage] += deal.amount_fen
        weighted[deal.stage] += weighted_fen(deal.amount_fen, deal.stage, settings)
    return [StageTotal(stage, count[stage], amount[stage], weighted[stage]) for stage in STAGES]


def forecast(deals: Iterable[OpenDeal], settings: PipelineSettings) -> list[ForecastMonth]:
    """Open deals by the month of their expected close, earliest month first.

    Only months with deals appear.  A deal without an expected close is in no month (it still
    counts in the funnel); a deal whose expected close has passed stays in that month (overdue:
    see :func:`forecast_horizon`).
    """
    months: dict[str, list[int]] = {}
    for deal in deals:
        if deal.expected_close is None:
            continue
        key = month_key(deal.expected_close)
        totals = months.get(key)
        if totals is None:
            totals = months[key] = [0, 0, 0]
        totals[0] += 1
        totals[1] += deal.amount_fen
        totals[2] += weighted_fen(deal.amount_fen, deal.stage, settings)
    return [ForecastMonth(key, *months[key]) for key in sorted(months)]


def forecast_by_owner(deals: Iterable[OpenDeal], settings: PipelineSettings) -> dict[int | None, list[ForecastMonth]]:
    """The forecast of each rep's own deals (owner id -> months; None for deals without an owner).
    The team's forecast is :func:`forecast` over all deals."""
    by_owner: dict[int | None, list[OpenDeal]] = defaultdict(list)
    for deal in deals:
        by_owner[deal.owner_id].append(deal)
    return {owner: forecast(owned, settings) for owner, owned in by_owner.items()}


def by_stage(deals: Iterable[OpenDeal], settings: PipelineSettings) -> list[StageForecast]:
    """Per stage, in stage order: the funnel totals and the forecast of that stage's deals."""
    deals = list(deals)
    return [
        StageForecast(total, forecast((d for d in deals if d.stage == total.stage), settings))
        for total in funnel(deals, settings)
    ]


@dataclass(frozen=True)
class Horizon:
    """A forecast cut for a chart: what is overdue (expected before the month of ``as_of``), each of
    the next months (zeros included), and what is expected later."""

    overdue: ForecastMonth
    months: list[ForecastMonth]
    later: ForecastMonth


def forecast_horizon(months: Sequence[ForecastMonth], as_of: date, count: int = 12) -> Horizon:
    """``months`` (from :func:`forecast`) as overdue + ``count`` months from the month of ``as_of`` +
    later.  The three parts add up to the whole forecast."""
    keys = next_months(as_of, count)
    found = {m.month: m for m in months}
    overdue = [0, 0, 0]
    later = [0, 0, 0]
    for m in months:
        if m.month < keys[0] or m.month > keys[-1]:
            bucket = overdue if m.month < keys[0] else later
            bucket[0] += m.deals
            bucket[1] += m.amount_fen
            bucket[2] += m.weighted_fen
    return Horizon(
        overdue=ForecastMonth("", *overdue),
        months=[found.get(key, ForecastMonth(key, 0, 0, 0)) for key in keys],
        later=ForecastMonth("", *later),
    )


# ---------------------------------------------------------------------------------------------
# Conversion and time in stage (history)


class Conversion(NamedTuple):
    """Of the deals that entered ``stage`` in the window, how many later went further."""

    stage: Stage
    entered: int
    advanced: int

    @property
    def rate(self) -> float | None:
        return self.advanced / self.entered if self.entered else None


class StageTime(NamedTuple):
    """The stretches deals spent in one stage: how many, and their days added up."""

    stage: Stage
    periods: int
    total_days: int

    @property
    def average_days(self) -> float | None:
        return self.total_days / self.periods if self.periods else None


_STAGE_RANK: dict[str, int] = {stage.value: order for order, stage in enumerate(STAGES)}
_FORWARD_RANK: dict[str, int] = {**_STAGE_RANK, Status.WON.value: len(STAGES)}
"""How far a change takes a deal: the stage's order, past every stage for 'won' (missing: nowhere,
i.e. 'lost' or an unknown code)."""


class _Share(NamedTuple):
    """One deal's part in the conversion and time-in-stage figures."""

    entered: tuple[int, ...]
    """Orders of the stages it entered in the window."""
    advanced: tuple[int, ...]
    """Of those, the ones it went further from."""
    periods: tuple[tuple[int, int], ...]
    """(stage order, days) of each counted period."""


class HistoryTally:
    """Stage-to-stage conversion and time in each stage over a window, kept deal by deal so that
    one changed deal is re-counted without re-reading every history (:meth:`set_deal`).

    **Conversion** for stage *i*: the cohort is every deal with a change into stage *i* dated in the
    window (``window_start < changed_on <= as_of``; a deal counts once however often it entered).
    A deal of the cohort *advanced* when, after its first such entry, its history (up to
    ``as_of``) has a change into any later stage (a skip from 立项 straight to 招投标 counts) or to
    'won'.  For the last stage, 工程实施, advancing means won.  Deals still in the stage, lost, or
    moved back have not advanced.

    **Time in stage** (from entering a stage until leaving it; see
    :func:`domain.pipeline.stage_periods`): counted are every period *left* in the window, with its
    whole length even when it began before the window, and every period still running at
    ``as_of`` (its deal is open, or left the stage only after ``as_of``), counted up to ``as_of``.
    So a deal sitting in a stage for months pulls that stage's average up today, not only once it
    moves.  A closed deal's last period without a closing change (an incomplete import) has no end
    and is left out.
    """

    def __init__(self, as_of: date, months: int = HISTORY_MONTHS) -> None:
        self.as_of = as_of
        self.months = months
        self.start = window_start(as_of, months)
        self._shares: dict[int, _Share] = {}
        self._entered = [0] * len(STAGES)
        self._advanced = [0] * len(STAGES)
        self._periods = [0] * len(STAGES)
        self._days = [0] * len(STAGES)

    @classmethod
    def of(cls, history: History, open_ids: Collection[int], as_of: date, months: int = HISTORY_MONTHS) -> HistoryTally:
        tally = cls(as_of, months)
        for deal_id, changes in history.items():
            tally.set_deal(deal_id, changes, deal_id in open_ids)
        return tally

    def __contains__(self, deal_id: object) -> bool:
        return deal_id in self._shares

    def set_deal(self, deal_id: int, changes: Sequence[tuple[date, str]], is_open: bool) -> None:
        """Count (or re-count) one deal from its whole history."""
        self.remove_deal(deal_id)
        share = self._share(changes, is_open)
        if not (share.entered or share.periods):
            return
        self._shares[deal_id] = share
        self._add(share, 1)

    def remove_deal(self, deal_id: int) -> None:
        share = self._shares.pop(deal_id, None)
        if share is not None:
            self._add(share, -1)

    def conversion(self) -> list[Conversion]:
        return [Conversion(stage, self._entered[i], self._advanced[i]) for i, stage in enumerate(STAGES)]

    def time_in_stage(self) -> list[StageTime]:
        return [StageTime(stage, self._periods[i], self._days[i]) for i, stage in enumerate(STAGES)]

    def _add(self, share: _Share, sign: int) -> None:
        for i in share.entered:
            self._entered[i] += sign
        for i in share.advanced:
            self._advanced[i] += sign
        for i, days in share.periods:
            self._periods[i] += sign
            self._days[i] += sign * days

    def _share(self, changes: Sequence[tuple[date, str]], is_open: bool) -> _Share:
        as_of, start = self.as_of, self.start
        # Conversion: furthest[k] is the furthest a change after change k took the deal.
        kept = [(on, _FORWARD_RANK.get(to, -1)) for on, to in changes if on <= as_of]
        furthest = [-1] * len(kept)
        best = -1
        for k in range(len(kept) - 1, -1, -1):
            furthest[k] = best
            best = max(best, kept[k][1])
        entered: list[int] = []
        advanced: list[int] = []
        for k, (on, rank) in enumerate(kept):
            if 0 <= rank < len(STAGES) and on > start and rank not in entered:
                entered.append(rank)
                if furthest[k] > rank:
                    advanced.append(rank)
        # Time in stage: the periods of domain.pipeline.stage_periods, walked inline (this runs for
        # every deal of five years of history).
        periods: list[tuple[int, int]] = []
        current, since = -1, as_of
        for on, to in changes:
            if on > as_of:  # the period running at as_of ends later; the rest starts after as_of
                if current >= 0:
                    periods.append((current, (as_of - since).days))
                break
            if current >= 0 and on > start:
                periods.append((current, (on - since).days))
            current, since = _STAGE_RANK.get(to, -1), on
        else:
            if current >= 0 and is_open:
                periods.append((current, (as_of - since).days))
        return _Share(tuple(entered), tuple(advanced), tuple(periods))


def conversion(history: History, as_of: date, months: int = HISTORY_MONTHS) -> list[Conversion]:
    """Stage-to-stage conversion over the window, one entry per stage in order (defined in
    :class:`HistoryTally`)."""
    return HistoryTally.of(history, (), as_of, months).conversion()


def time_in_stage(
    history: History, open_ids: Collection[int], as_of: date, months: int = HISTORY_MONTHS
) -> list[StageTime]:
    """Average days in each stage, one entry per stage in order (which periods count: see
    :class:`HistoryTally`); ``open_ids`` are the deals still open, whose current period runs up
    to ``as_of``."""
    return HistoryTally.of(history, open_ids, as_of, months).time_in_stage()


# ---------------------------------------------------------------------------------------------
# Stalled deals


class StalledDeal(NamedTuple):
    deal: OpenDeal
    quiet_days: int
    """Days since the last stage change or activity, whichever is later."""
    last_touch: date


def last_touch(deal: OpenDeal) -> date:
    """The last day something happened to a deal: its latest stage change (its creation when it has
    no history) or its latest activity, whichever is later."""
    touched = deal.last_change or deal.created_on
    if deal.last_activity is not None and deal.last_activity > touched:
        return deal.last_activity
    return touched


def stalled(deals: Iterable[OpenDeal], settings: PipelineSettings, as_of: date) -> list[StalledDeal]:
    """Open deals with neither a stage change nor an activity for ``settings.stall_days`` days or more
    (quiet 30 days with the default: stalled; 29: not yet), most stalled first (then the larger
    amount first)."""
    found = []
    for deal in deals:
        touched = last_touch(deal)
        quiet = (as_of - touched).days
        if quiet >= settings.stall_days:
            found.append(StalledDeal(deal, quiet, touched))
    found.sort(key=lambda s: (-s.quiet_days, -s.deal.amount_fen, s.deal.id))
    return found


# ---------------------------------------------------------------------------------------------
# Win rates (closed deals)


class WinRate(NamedTuple):
    """Won and lost deals of a rep (or against a competitor); ``lost_to`` counts the losses where
    that competitor was the winner (0 for a rep)."""

    key: int | None
    won: int
    lost: int
    lost_to: int = 0

    @property
    def closed(self) -> int:
        return self.won + self.lost

    @property
    def rate(self) -> float | None:
        """won / (won + lost); None without closed deals."""
        return self.won / self.closed if self.closed else None


def _closed_in_window(deals: Iterable[ClosedDeal], as_of: date, months: int) -> Iterable[ClosedDeal]:
    start = window_start(as_of, months)
    for deal in deals:
        if deal.closed_on is not None and start < deal.closed_on <= as_of and deal.status != Status.OPEN:
            yield deal


def win_rate_by_rep(deals: Iterable[ClosedDeal], as_of: date, months: int = HISTORY_MONTHS) -> list[WinRate]:
    """Per owner (None: no owner), the deals closed in the window: won / (won + lost).  Ordered by
    owner id, no owner last."""
    won: dict[int | None, int] = defaultdict(int)
    lost: dict[int | None, int] = defaultdict(int)
    for deal in _closed_in_window(deals, as_of, months):
        (won if deal.status == Status.WON else lost)[deal.owner_id] += 1
    owners = sorted(set(won) | set(lost), key=lambda o: (o is None, o or 0))
    return [WinRate(owner, won[owner], lost[owner]) for owner in owners]


def win_rate_by_competitor(deals: Iterable[ClosedDeal], as_of: date, months: int = HISTORY_MONTHS) -> list[WinRate]:
    """Per competitor, the deals closed in the window where it was involved (listed on the deal, or
    the winner of a loss): our won / (won + lost), and ``lost_to`` the losses it won.  Ordered by
    competitor id."""
    won: dict[int, int] = defaultdict(int)
    lost: dict[int, int] = defaultdict(int)
    lost_to: dict[int, int] = defaultdict(int)
    for deal in _closed_in_window(deals, as_of, months):
        involved = set(deal.competitor_ids)
        if deal.status == Status.LOST and deal.winner_id is not None:
            involved.add(deal.winner_id)
            lost_to[deal.winner_id] += 1
        for competitor in involved:
            (won if deal.status == Status.WON else lost)[competitor] += 1
    return [WinRate(c, won[c], lost[c], lost_to[c]) for c in sorted(set(won) | set(lost))]


# ---------------------------------------------------------------------------------------------
# Everything the dashboard shows


@dataclass(frozen=True)
class PipelineFigures:
    """The Pipeline dashboard's figures for one day."""

    as_of: date
    settings: PipelineSettings
    months: int
    funnel: list[StageTotal]
    forecast: list[ForecastMonth]
    """The team's forecast."""
    forecast_by_owner: dict[int | None, list[ForecastMonth]]
    conversion: list[Conversion]
    time_in_stage: list[StageTime]
    stalled: list[StalledDeal]
    win_by_rep: list[WinRate]
    win_by_competitor: list[WinRate]


def pipeline_figures(
    open_deals: Sequence[OpenDeal],
    history: History | HistoryTally,
    closed: Iterable[ClosedDeal],
    settings: PipelineSettings,
    as_of: date,
    months: int = HISTORY_MONTHS,
) -> PipelineFigures:
    """All the dashboard's figures at once.  ``history`` holds every change of every deal that has a
    change in the window and of every open deal (more is harmless), or is their tally for the same
    ``as_of`` and ``months``."""
    closed = list(closed)
    if isinstance(history, HistoryTally):
        if (history.as_of, history.months) != (as_of, months):
            raise ValueError("the tally is for another day or window")
        tally = history
    else:
        tally = HistoryTally.of(history, {d.id for d in open_deals}, as_of, months)
    return PipelineFigures(
        as_of=as_of,
        settings=settings,
        months=months,
        funnel=funnel(open_deals, settings),
        forecast=forecast(open_deals, settings),
        forecast_by_owner=forecast_by_owner(open_deals, settings),
        conversion=tally.conversion(),
        time_in_stage=tally.time_in_stage(),
        stalled=stalled(open_deals, settings, as_of),
        win_by_rep=win_rate_by_rep(closed, as_of, months),
        win_by_competitor=win_rate_by_competitor(closed, as_of, months),
    )
