"""Queries and changes of the key-account pipeline (销售机会): the list, one deal, its moves and outcomes.

Every function takes a :class:`~sqlalchemy.orm.Session`; the caller owns the transaction.  A move
between stages, a win, a loss and a reopening each write one :class:`StageChange` row with its
date, so the history says how long a deal spent in every stage (see
:func:`domain.pipeline.stage_periods`).  The rules (which key node a move needs, that a loss has a
reason) are :mod:`domain.pipeline`'s; this module applies them and refuses with
:class:`~domain.pipeline.MoveRefused`.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from datetime import date, datetime
from typing import NamedTuple

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from domain.pipeline import (
    STAGES,
    DealProblem,
    KeyNode,
    MoveRefused,
    OpportunityRecord,
    PipelineSettings,
    Stage,
    Status,
    check_loss,
    missing_nodes,
    stage_periods,
)
from domain.text import normalise_company_name, pinyin_keys
from storage.models import Competitor, Customer, Opportunity, OpportunityCompetitor, Rep, Setting, StageChange
from storage.models import KeyNode as KeyNodeRow

SETTINGS_KEY = "pipeline"


# ---------------------------------------------------------------------------------------------
# Settings


def load_settings(session: Session) -> PipelineSettings:
    """The stored pipeline settings; missing keys take the domain's defaults."""
    raw = session.scalar(select(Setting.value).where(Setting.key == SETTINGS_KEY))
    defaults = PipelineSettings()
    if not raw:
        return defaults
    data = json.loads(raw)
    probabilities = dict(defaults.probabilities)
    for code, value in dict(data.get("probabilities", {})).items():
        if code in Stage._value2member_map_:
            probabilities[Stage(code)] = int(value)
    required = data.get("required_nodes")
    return PipelineSettings(
        probabilities=probabilities,
        stall_days=int(data.get("stall_days", defaults.stall_days)),
        required_nodes=(
            frozenset(Stage(c) for c in required if c in Stage._value2member_map_)
            if required is not None
            else defaults.required_nodes
        ),
        monthly_target_fen=int(data.get("monthly_target_fen", defaults.monthly_target_fen)),
    )


def save_settings(session: Session, settings: PipelineSettings) -> None:
    value = json.dumps(
        {
            "probabilities": {stage.value: settings.probabilities[stage] for stage in STAGES},
            "stall_days": settings.stall_days,
            "required_nodes": [stage.value for stage in STAGES if stage in settings.required_nodes],
            "monthly_target_fen": settings.monthly_target_fen,
        }
    )
    row = session.get(Setting, SETTINGS_KEY)
    if row is None:
        session.add(Setting(key=SETTINGS_KEY, value=value))
    else:
        row.value = value


# ---------------------------------------------------------------------------------------------
# The list


class OpportunityRow(NamedTuple):
    """One line of the pipeline (what the board, the table and the filters need)."""

    id: int
    customer_id: int
    customer: str
    customer_pinyin: str
    customer_initials: str
    name: str
    owner_id: int | None
    owner: str
    amount_fen: int
    stage: str
    status: str
    buying_stage: str
    expected_close: date | None
    stage_since: date | None
    """The day the deal entered its current stage (None when closed or without history)."""
    created_on: date
    closed_on: date | None
    next_step: str
    next_step_on: date | None
    winner: str
    outcome_reason: str
    competitors: str
    """Names of the competitors involved, joined with 、."""
    notes: str


def stage_changes(session: Session, ids: Collection[int] | None = None) -> dict[int, list[tuple[date, str]]]:
    """Opportunity id -> its moves ``(changed_on, to_stage)`` in order, for every opportunity (or
    those of ``ids``); :func:`domain.pipeline.stage_periods` turns them into days per stage."""
    query = select(StageChange.opportunity_id, StageChange.changed_on, StageChange.to_stage).order_by(
        StageChange.opportunity_id, StageChange.changed_on, StageChange.id
    )
    if ids is not None:
        query = query.where(StageChange.opportunity_id.in_(list(ids)))
    changes: dict[int, list[tuple[date, str]]] = {}
    for opportunity_id, changed_on, to_stage in session.execute(query):
        changes.setdefault(opportunity_id, []).append((changed_on, to_stage))
    return changes


def list_opportunities(session: Session, ids: Collection[int] | None = None) -> list[OpportunityRow]:
    """Every opportunity (or those of ``ids``), newest first."""
    changes = stage_changes(session, ids)
    involved_query = (
        select(OpportunityCompetitor.opportunity_id, Competitor.name)
        .join(Competitor, Competitor.id == OpportunityCompetitor.competitor_id)
        .order_by(OpportunityCompetitor.opportunity_id, Competitor.id)
    )
    if ids is not None:
        involved_query = involved_query.where(OpportunityCompetitor.opportunity_id.in_(list(ids)))
    involved: dict[int, list[str]] = {}
    for opportunity_id, name in session.execute(involved_query):
        involved.setdefault(opportunity_id, []).append(name)
    winner = Competitor.__table__.alias("winner")
    query = (
        select(
            Opportunity.id,
            Opportunity.customer_id,
            Customer.name,
            Customer.pinyin,
            Customer.initials,
            Opportunity.name,
            Opportunity.owner_id,
            func.coalesce(Rep.name, ""),
            Opportunity.amount_fen,
            Opportunity.stage,
            Opportunity.status,
            Opportunity.buying_stage,
            Opportunity.expected_close,
            Opportunity.created_on,
            Opportunity.closed_on,
            Opportunity.next_step,
            Opportunity.next_step_on,
            func.coalesce(winner.c.name, ""),
            Opportunity.outcome_reason,
            Opportunity.notes,
        )
        .join(Customer, Customer.id == Opportunity.customer_id)
        .outerjoin(Rep, Rep.id == Opportunity.owner_id)
        .outerjoin(winner, winner.c.id == Opportunity.winner_id)
        .order_by(Opportunity.id.desc())
    )
    if ids is not None:
        query = query.where(Opportunity.id.in_(list(ids)))
    rows = []
    for r in session.execute(query):
        (oid, cid, customer, pinyin, initials, name, owner_id, owner, amount, stage, status, buying, expected,
         created, closed, step, step_on, winner_name, reason, notes) = r  # fmt: skip
        periods = stage_periods(changes.get(oid, ()))
        since = periods[-1].entered if periods and periods[-1].left is None and status == Status.OPEN else None
        competitors = "、".join(involved.get(oid, ()))
        rows.append(
            OpportunityRow(
                oid, cid, customer, pinyin, initials, name, owner_id, owner, amount, stage, status, buying,
                expected, since, created, closed, step, step_on, winner_name, reason, competitors, notes,
            )
        )  # fmt: skip
    return rows


class Choice(NamedTuple):
    """A record offered in a picker: its id, its name and the name's pinyin keys (for search)."""

    id: int
    name: str
    pinyin: str
    initials: str


def customer_choices(session: Session) -> list[Choice]:
    """Live customers, for the deal dialog's customer picker."""
    query = (
        select(Customer.id, Customer.name, Customer.pinyin, Customer.initials)
        .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
        .order_by(Customer.pinyin, Customer.id)
    )
    return [Choice._make(row) for row in session.execute(query)]


def competitor_choices(session: Session) -> list[Choice]:
    query = select(Competitor.id, Competitor.name, Competitor.pinyin, Competitor.initials).order_by(
        Competitor.pinyin, Competitor.id
    )
    return [Choice._make(row) for row in session.execute(query)]


def create_competitor(session: Session, name: str, now: datetime | None = None) -> int:
    """A new competitor known only by its name (the competitor register fills in the rest)."""
    now = now or datetime.now()
    pinyin, initials = pinyin_keys(name)
    competitor = Competitor(name=name.strip(), pinyin=pinyin, initials=initials, created_at=now, updated_at=now)
    session.add(competitor)
    session.flush()
    return competitor.id


def competitor_ids_by_key(session: Session) -> dict[str, int]:
    """Normalised name (as the duplicate finder compares companies) -> competitor id; the first id wins."""
    found: dict[str, int] = {}
    for competitor_id, name in session.execute(select(Competitor.id, Competitor.name).order_by(Competitor.id)):
        found.setdefault(normalise_company_name(name), competitor_id)
    return found


# ---------------------------------------------------------------------------------------------
# One deal


def get_deal(session: Session, opportunity_id: int) -> OpportunityRecord:
    o = session.get_one(Opportunity, opportunity_id)
    return OpportunityRecord(
        customer_id=o.customer_id,
        name=o.name,
        amount_fen=o.amount_fen,
        owner_id=o.owner_id,
        currency=o.currency,
        expected_close=o.expected_close,
        stage=Stage(o.stage),
        buying_stage=o.buying_stage,
        status=Status(o.status),
        outcome_reason=o.outcome_reason,
        winner_id=o.winner_id,
        closed_on=o.closed_on,
        next_step=o.next_step,
        next_step_on=o.next_step_on,
        notes=o.notes,
        created_on=o.created_on,
        competitor_ids=[c.id for c in o.competitors],
        nodes={KeyNode(n.node): n.done_on for n in o.nodes if n.node in KeyNode._value2member_map_},
        id=o.id,
    )


def save_deal(session: Session, record: OpportunityRecord, today: date | None = None) -> int:
    """Insert or update a deal's own fields, competitors and key nodes.

    A new deal enters the pipeline on ``created_on`` (default ``today``): its first history row.
    Changing the stage or the status here writes the history rows a move or an outcome writes,
    dated ``today``, without the key-node rule (that is :func:`move_stage`'s).
    Raises :class:`ValueError` naming the first problem of :meth:`OpportunityRecord.problems`.
    """
    problems = record.problems()
    if problems:
        field, problem = next(iter(problems.items()))
        raise ValueError(f"{field}: {problem}")
    today = today or date.today()
    now = datetime.now()
    if record.id is None:
        created = record.created_on or today
        opportunity = Opportunity(created_on=created, stage=record.stage.value, status=Status.OPEN.value)
        session.add(opportunity)
        _fill(opportunity, record, now)
        session.flush()
        _change(session, opportunity.id, created, None, record.stage)
        if record.status != Status.OPEN:
            _close(session, opportunity, record.status, record.closed_on or today)
    else:
        opportunity = session.get_one(Opportunity, record.id)
        before_stage, before_status = opportunity.stage, opportunity.status
        _fill(opportunity, record, now)
        if record.created_on is not None:
            opportunity.created_on = record.created_on
        _follow(session, opportunity, before_stage, before_status, record, today)
    _set_competitors(session, opportunity, record.competitor_ids)
    _set_nodes(session, opportunity.id, record.nodes)
    session.flush()
    record.id = opportunity.id
    return opportunity.id


def _fill(opportunity: Opportunity, record: OpportunityRecord, now: datetime) -> None:
    opportunity.customer_id = record.customer_id  # type: ignore[assignment]  # problems() checked it
    opportunity.name = record.name.strip()
    opportunity.amount_fen = record.amount_fen
    opportunity.owner_id = record.owner_id
    opportunity.currency = record.currency or "CNY"
    opportunity.expected_close = record.expected_close
    opportunity.buying_stage = record.buying_stage
    opportunity.outcome_reason = record.outcome_reason.strip()
    opportunity.winner_id = record.winner_id if record.status == Status.LOST else None
    opportunity.next_step = record.next_step.strip()
    opportunity.next_step_on = record.next_step_on
    opportunity.notes = record.notes
    opportunity.updated_at = now


def _follow(
    session: Session,
    opportunity: Opportunity,
    before_stage: str,
    before_status: str,
    record: OpportunityRecord,
    today: date,
) -> None:
    """History rows for a stage or status changed by an edit or an import."""
    if before_status != Status.OPEN and record.status == Status.OPEN:
        _change(session, opportunity.id, today, before_status, record.stage)
        opportunity.status, opportunity.stage, opportunity.closed_on = Status.OPEN, record.stage, None
        return
    if record.stage != before_stage:
        _change(session, opportunity.id, today, before_stage, record.stage)
        opportunity.stage = record.stage
    if record.status != before_status:
        _close(session, opportunity, record.status, record.closed_on or today)
    elif record.status != Status.OPEN and record.closed_on is not None:
        opportunity.closed_on = record.closed_on


def _change(
    session: Session, opportunity_id: int, on: date, from_stage: str | None, to_stage: str, note: str = ""
) -> None:
    """One history row: into a stage, to an outcome ('won' / 'lost'), or back from one."""
    session.add(
        StageChange(opportunity_id=opportunity_id, changed_on=on, from_stage=from_stage, to_stage=to_stage, note=note)
    )


def _close(session: Session, opportunity: Opportunity, outcome: Status, on: date) -> None:
    _change(session, opportunity.id, on, opportunity.stage, outcome)
    opportunity.status = outcome.value
    opportunity.closed_on = on


def _set_competitors(session: Session, opportunity: Opportunity, ids: Sequence[int]) -> None:
    wanted = list(dict.fromkeys(ids))
    if [c.id for c in opportunity.competitors] == wanted:
        return
    session.execute(delete(OpportunityCompetitor).where(OpportunityCompetitor.opportunity_id == opportunity.id))
    session.add_all(OpportunityCompetitor(opportunity_id=opportunity.id, competitor_id=c) for c in wanted)
    session.flush()
    session.expire(opportunity, ["competitors"])


def _set_nodes(session: Session, opportunity_id: int, nodes: Mapping[KeyNode, date]) -> None:
    stored = {n.node: n for n in session.scalars(select(KeyNodeRow).where(KeyNodeRow.opportunity_id == opportunity_id))}
    for code, row in stored.items():
        if code not in nodes:
            session.delete(row)
    for node, done_on in nodes.items():
        existing = stored.get(node.value)
        if existing is None:
            session.add(KeyNodeRow(opportunity_id=opportunity_id, node=node.value, done_on=done_on))
        else:
            existing.done_on = done_on


def set_key_node(session: Session, opportunity_id: int, node: KeyNode, done_on: date | None, note: str = "") -> None:
    """Record a key node as reached on ``done_on``, or (None) as not reached."""
    row = session.get(KeyNodeRow, (opportunity_id, node.value))
    if done_on is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(KeyNodeRow(opportunity_id=opportunity_id, node=node.value, done_on=done_on, note=note))
    else:
        row.done_on, row.note = done_on, note or row.note
    session.flush()


def set_competitors(session: Session, opportunity_id: int, competitor_ids: Sequence[int]) -> None:
    _set_competitors(session, session.get_one(Opportunity, opportunity_id), competitor_ids)


def set_next_step(session: Session, opportunity_id: int, step: str, on: date | None) -> None:
    opportunity = session.get_one(Opportunity, opportunity_id)
    opportunity.next_step, opportunity.next_step_on = step.strip(), on
    opportunity.updated_at = datetime.now()


# ---------------------------------------------------------------------------------------------
# Moves and outcomes


def move_stage(
    session: Session,
    opportunity_id: int,
    to_stage: Stage,
    on: date,
    confirmed: Mapping[KeyNode, date] | None = None,
    settings: PipelineSettings | None = None,
    note: str = "",
) -> None:
    """Move an open deal to ``to_stage`` on ``on``.

    ``confirmed`` are key nodes the user confirms as reached with this move (with their days);
    they are recorded with it.  Raises :class:`MoveRefused` (nothing changed) when the deal is
    closed, or when a node the move needs (see :func:`domain.pipeline.nodes_needed`) is neither
    reached nor confirmed.
    """
    opportunity = session.get_one(Opportunity, opportunity_id)
    if opportunity.status != Status.OPEN:
        raise MoveRefused(DealProblem.NOT_OPEN)
    from_stage = Stage(opportunity.stage)
    if from_stage == to_stage:
        return
    confirmed = dict(confirmed or {})
    reached = {KeyNode(n.node) for n in opportunity.nodes if n.node in KeyNode._value2member_map_}
    missing = missing_nodes(from_stage, to_stage, reached | set(confirmed), settings or load_settings(session))
    if missing:
        raise MoveRefused(DealProblem.NODE_MISSING, missing)
    for node, done_on in confirmed.items():
        set_key_node(session, opportunity_id, node, done_on)
    _change(session, opportunity_id, on, from_stage, to_stage, note)
    opportunity.stage = to_stage.value
    opportunity.updated_at = datetime.now()
    session.flush()
    session.expire(opportunity, ["nodes", "history"])


def mark_won(session: Session, opportunity_id: int, on: date, reason: str = "") -> None:
    """Record the deal as won (赢单) on ``on``."""
    opportunity = _open_deal(session, opportunity_id)
    opportunity.outcome_reason = reason.strip()
    opportunity.winner_id = None
    _close(session, opportunity, Status.WON, on)
    opportunity.updated_at = datetime.now()


def mark_lost(session: Session, opportunity_id: int, on: date, reason: str, winner_id: int | None = None) -> None:
    """Record the deal as lost (输单) on ``on``, with its reason and, if known, the competitor that won."""
    problem = check_loss(reason)
    if problem is not None:
        raise MoveRefused(problem)
    opportunity = _open_deal(session, opportunity_id)
    opportunity.outcome_reason = reason.strip()
    opportunity.winner_id = winner_id
    _close(session, opportunity, Status.LOST, on)
    opportunity.updated_at = datetime.now()


def reopen(session: Session, opportunity_id: int, on: date) -> None:
    """Put a won or lost deal back into its last stage (a mistake, or the customer came back)."""
    opportunity = session.get_one(Opportunity, opportunity_id)
    if opportunity.status == Status.OPEN:
        return
    _change(session, opportunity_id, on, opportunity.status, opportunity.stage)
    opportunity.status = Status.OPEN.value
    opportunity.closed_on = None
    opportunity.winner_id = None
    opportunity.updated_at = datetime.now()


def _open_deal(session: Session, opportunity_id: int) -> Opportunity:
    opportunity = session.get_one(Opportunity, opportunity_id)
    if opportunity.status != Status.OPEN:
        raise MoveRefused(DealProblem.NOT_OPEN)
    return opportunity


# ---------------------------------------------------------------------------------------------
# History


class HistoryRow(NamedTuple):
    changed_on: date
    from_stage: str | None
    to_stage: str
    note: str


def history(session: Session, opportunity_id: int) -> list[HistoryRow]:
    """The deal's stage changes, oldest first."""
    query = (
        select(StageChange.changed_on, StageChange.from_stage, StageChange.to_stage, StageChange.note)
        .where(StageChange.opportunity_id == opportunity_id)
        .order_by(StageChange.changed_on, StageChange.id)
    )
    return [HistoryRow._make(row) for row in session.execute(query)]
