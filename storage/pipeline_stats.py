"""Bulk loading for the Pipeline dashboard: open deals with their last stage change and activity,
the stage history the analytics need, closed deals with the competitors involved, and names.

A few queries whatever the size of the pipeline: rows come back as plain tuples with dates as ISO
text, turned into :class:`~datetime.date` once per distinct day, and only the history the
analytics need is read (every change of the deals with a change in the window, and of the open
ones).  :class:`PipelineStats` keeps that history and its tally between loads and re-reads only the
deals changed since (found by cheap fingerprints of the tables), so the dashboard refreshes in a
few milliseconds after a deal moves, even with 20,000 opportunities and 100,000 stage changes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, String, cast, func, null, select, union
from sqlalchemy.orm import Session

from domain.pipeline import PipelineSettings, Stage, Status
from domain.pipeline_analytics import HISTORY_MONTHS, ClosedDeal, HistoryTally, OpenDeal, window_start
from storage.models import Activity, Competitor, Customer, Opportunity, OpportunityCompetitor, Rep, StageChange
from storage.pipeline import load_settings, save_settings

FULL_RELOAD_AFTER = 500
"""More changed deals than this since the last load: read everything again (one pass is cheaper)."""

_STAGES = {stage.value: stage for stage in Stage}
_CLOSED = (Status.WON.value, Status.LOST.value)


@dataclass(frozen=True)
class DashboardData:
    """What :func:`domain.pipeline_analytics.pipeline_figures` takes, plus names for people."""

    as_of: date
    months: int
    settings: PipelineSettings
    open_deals: list[OpenDeal]
    tally: HistoryTally
    closed: list[ClosedDeal]
    reps: dict[int, str]
    competitors: dict[int, str]


class _Days:
    """ISO text -> date, each distinct day parsed once (five years are under 2,000 days)."""

    def __init__(self) -> None:
        self._cache: dict[str, date] = {}

    def __call__(self, text: str | None) -> date | None:
        if text is None:
            return None
        day = self._cache.get(text)
        if day is None:
            day = self._cache[text] = date.fromisoformat(text[:10])
        return day


def _text(column: Any) -> ColumnElement[str]:
    # The stored ISO text as is: SQLAlchemy's Date conversion of 100,000 values costs more than the query.
    return cast(column, String)


def open_deals(
    session: Session, last_changes: Callable[[int], date | None] | None = None, days: _Days | None = None
) -> list[OpenDeal]:
    """Every open deal with its last activity; its last stage change from ``last_changes`` (deal id
    -> day) when given, else read here."""
    days = days or _Days()
    last_activity = (
        select(func.max(_text(Activity.day))).where(Activity.opportunity_id == Opportunity.id).scalar_subquery()
    )
    last_change = (
        select(func.max(_text(StageChange.changed_on)))
        .where(StageChange.opportunity_id == Opportunity.id)
        .scalar_subquery()
        if last_changes is None
        else null()
    )
    rows = session.execute(
        select(
            Opportunity.id,
            Customer.name,
            Opportunity.name,
            Opportunity.owner_id,
            Rep.name,
            Opportunity.stage,
            Opportunity.amount_fen,
            _text(Opportunity.expected_close),
            _text(Opportunity.created_on),
            last_change,
            last_activity,
        )
        .join(Customer, Customer.id == Opportunity.customer_id)
        .outerjoin(Rep, Rep.id == Opportunity.owner_id)
        .where(Opportunity.status == Status.OPEN.value)
        .order_by(Opportunity.id)
    )
    return [
        OpenDeal(
            id=oid,
            customer=customer,
            name=name,
            owner_id=owner_id,
            owner=owner or "",
            stage=_STAGES[stage],
            amount_fen=amount or 0,
            expected_close=days(expected),
            created_on=days(created) or date.min,
            last_change=days(changed) if last_changes is None else last_changes(oid),
            last_activity=days(active),
        )
        for oid, customer, name, owner_id, owner, stage, amount, expected, created, changed, active in rows
        if stage in _STAGES
    ]


class _Fingerprint:
    """Cheap aggregates that change when rows are added, deleted or edited through our storage."""

    def __init__(self, session: Session) -> None:
        # One aggregate per query: SQLite answers count(*) and max(id) from an index each, but not
        # together (count(*) with max(id) scans the table).
        self.deals: int = session.scalar(select(func.count()).select_from(Opportunity)) or 0
        self.max_deal = session.scalar(select(func.max(Opportunity.id)))
        self.touched = session.scalar(select(func.max(_text(Opportunity.updated_at))))
        self.changes: int = session.scalar(select(func.count()).select_from(StageChange)) or 0
        self.max_change = session.scalar(select(func.max(StageChange.id)))
        self.involvement = tuple(
            session.execute(
                select(
                    func.count(),
                    func.total(OpportunityCompetitor.opportunity_id * 1_048_576 + OpportunityCompetitor.competitor_id),
                )
            ).one()
        )


class PipelineStats:
    """The dashboard's inputs, kept between loads.  One instance per dashboard; :meth:`load` may run
    on a worker thread (calls are serialised)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._days = _Days()
        self._key: tuple[date, int] | None = None
        self._print: _Fingerprint | None = None
        self._history: dict[int, list[tuple[date, str]]] = {}
        self._closed: dict[int, ClosedDeal] = {}
        self._open_ids: set[int] = set()
        self._tally: HistoryTally | None = None
        self.full_loads = 0
        """How many loads read everything (the others re-read only changed deals)."""

    def load(self, session: Session, as_of: date, months: int = HISTORY_MONTHS) -> DashboardData:
        """Read what the dashboard shows for ``as_of`` with the history window of ``months`` months."""
        with self._lock:
            settings = load_settings(session)
            now = _Fingerprint(session)
            before = self._print
            changed = None if before is None or self._key != (as_of, months) else self._changed(session, before, now)
            if changed is None or len(changed) > FULL_RELOAD_AFTER:
                self._read_everything(session, as_of, months)
            elif changed:
                self._read_deals(session, changed)
            if before is not None and now.involvement != before.involvement and changed is not None:
                self._read_involvement(session)
            self._print = now

            history = self._history
            deals = open_deals(session, lambda oid: history[oid][-1][0] if oid in history else None, self._days)
            ids = {deal.id for deal in deals}
            if ids != self._open_ids:  # opened or closed without a trace in the fingerprints: re-count them
                self._read_deals(session, ids ^ self._open_ids)
                deals = open_deals(session, lambda oid: history[oid][-1][0] if oid in history else None, self._days)
            reps = dict(session.execute(select(Rep.id, Rep.name)).all())
            competitors = dict(session.execute(select(Competitor.id, Competitor.name)).all())
            closed = sorted(self._closed.values())
            assert self._tally is not None
            return DashboardData(as_of, months, settings, deals, self._tally, closed, reps, competitors)

    # -- what changed ---------------------------------------------------------------------
    def _changed(self, session: Session, before: _Fingerprint, now: _Fingerprint) -> set[int] | None:
        """Deals added, edited or given stage changes since ``before``; None when rows were deleted
        (then only reading everything again is sure to be right)."""
        new_deals = set(session.scalars(select(Opportunity.id).where(Opportunity.id > (before.max_deal or 0))))
        if now.deals != before.deals + len(new_deals):
            return None
        new_changes = session.execute(
            select(StageChange.opportunity_id).where(StageChange.id > (before.max_change or 0))
        ).scalars()
        moved = list(new_changes)
        if now.changes != before.changes + len(moved):
            return None
        edited = (
            set(session.scalars(select(Opportunity.id).where(_text(Opportunity.updated_at) > before.touched)))
            if before.touched is not None
            else set()
        )
        return new_deals | set(moved) | edited

    # -- reading --------------------------------------------------------------------------
    def _read_everything(self, session: Session, as_of: date, months: int) -> None:
        self.full_loads += 1
        self._key = (as_of, months)
        start = window_start(as_of, months)
        wanted = union(
            select(StageChange.opportunity_id).where(StageChange.changed_on > start),
            select(Opportunity.id).where(Opportunity.status == Status.OPEN.value),
        ).subquery()
        self._history = self._changes(session, StageChange.opportunity_id.in_(select(wanted.c[0])))
        self._open_ids = set(session.scalars(select(Opportunity.id).where(Opportunity.status == Status.OPEN.value)))
        self._tally = HistoryTally.of(self._history, self._open_ids, as_of, months)
        self._closed = {}
        self._read_closed(session)

    def _read_deals(self, session: Session, ids: Collection[int]) -> None:
        """Re-read these deals: their history, status and involvement, and re-count them."""
        ids = list(ids)
        tally = self._tally
        if not ids or tally is None:
            return
        changes = self._changes(session, StageChange.opportunity_id.in_(ids))
        status = dict(session.execute(select(Opportunity.id, Opportunity.status).where(Opportunity.id.in_(ids))).all())
        for oid in ids:
            is_open = status.get(oid) == Status.OPEN.value
            history = changes.get(oid, [])
            wanted = is_open or any(tally.start < on for on, _to in history)
            if wanted:
                self._history[oid] = history
                tally.set_deal(oid, history, is_open)
            else:
                self._history.pop(oid, None)
                tally.remove_deal(oid)
            if is_open:
                self._open_ids.add(oid)
            else:
                self._open_ids.discard(oid)
            self._closed.pop(oid, None)
        self._read_closed(session, Opportunity.id.in_(ids))

    def _changes(self, session: Session, *where: ColumnElement[bool]) -> dict[int, list[tuple[date, str]]]:
        assert self._key is not None
        as_of = self._key[0]
        history: dict[int, list[tuple[date, str]]] = {}
        days = self._days
        for oid, changed_on, to_stage in session.execute(
            select(StageChange.opportunity_id, _text(StageChange.changed_on), StageChange.to_stage)
            .where(*where, StageChange.changed_on <= as_of)
            .order_by(StageChange.opportunity_id, StageChange.changed_on, StageChange.id)
        ):
            changes = history.get(oid)
            if changes is None:
                changes = history[oid] = []
            changes.append((days(changed_on), to_stage))  # type: ignore[arg-type]
        return history

    def _closed_in_window(self) -> tuple[ColumnElement[bool], ...]:
        assert self._tally is not None
        return (
            Opportunity.status.in_(_CLOSED),
            Opportunity.closed_on > self._tally.start,
            Opportunity.closed_on <= self._tally.as_of,
        )

    def _read_closed(self, session: Session, *where: ColumnElement[bool]) -> None:
        """(Re-)read the closed deals in the window that also match ``where``, with their competitors."""
        where = (*self._closed_in_window(), *where)
        days = self._days
        involved = self._involvement(session, *where)
        for oid, owner, status, on, winner in session.execute(
            select(
                Opportunity.id,
                Opportunity.owner_id,
                Opportunity.status,
                _text(Opportunity.closed_on),
                Opportunity.winner_id,
            ).where(*where)
        ):
            self._closed[oid] = ClosedDeal(oid, owner, Status(status), days(on), tuple(involved.get(oid, ())), winner)

    def _read_involvement(self, session: Session) -> None:
        """The competitors involved changed somewhere: re-read them for every closed deal."""
        involved = self._involvement(session, *self._closed_in_window())
        for oid, deal in self._closed.items():
            self._closed[oid] = deal._replace(competitor_ids=tuple(involved.get(oid, ())))

    @staticmethod
    def _involvement(session: Session, *where: ColumnElement[bool]) -> dict[int, list[int]]:
        involved: dict[int, list[int]] = {}
        for oid, competitor_id in session.execute(
            select(OpportunityCompetitor.opportunity_id, OpportunityCompetitor.competitor_id)
            .join(Opportunity, Opportunity.id == OpportunityCompetitor.opportunity_id)
            .where(*where)
            .order_by(OpportunityCompetitor.opportunity_id, OpportunityCompetitor.competitor_id)
        ):
            involved.setdefault(oid, []).append(competitor_id)
        return involved


def load_dashboard(session: Session, as_of: date, months: int = HISTORY_MONTHS) -> DashboardData:
    """Everything the dashboard shows, read afresh (no state kept between calls)."""
    return PipelineStats().load(session, as_of, months)


def set_monthly_target(session: Session, target_fen: int) -> PipelineSettings:
    """Store the team's monthly target (0: none) with the other pipeline settings; returns them."""
    settings = replace(load_settings(session), monthly_target_fen=max(0, target_fen))
    save_settings(session, settings)
    return settings
