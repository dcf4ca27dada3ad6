"""Queries behind the week at a glance (the Dashboard page): a handful of aggregates per register.

Each is one small SQL statement; the rules (weighted forecast, attendance flags) come from the
registers' own modules so the dashboard never disagrees with the register it summarises.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from domain.dashboard import (
    DueStep,
    Headline,
    RecentIntelligence,
    WeekGlance,
    month_of,
    selling_share_needs_attention,
    week_of,
)
from domain.pipeline import Stage, weighted_fen
from storage import attendance
from storage.activities import load_settings as load_time_settings
from storage.models import (
    Activity,
    ActivityType,
    Competitor,
    Customer,
    IntelligenceEntry,
    Opportunity,
    PlannedVisit,
    StageChange,
)
from storage.pipeline import load_settings as load_pipeline_settings

DUE_STEPS_SHOWN = 12
INTELLIGENCE_SHOWN = 6


def week_glance(session: Session, as_of: date) -> WeekGlance:
    week = week_of(as_of)
    month = month_of(as_of)
    glance = WeekGlance(as_of=as_of, week=week, month=month)
    heads = glance.headlines

    def put(key: str, value: int | float, attention: bool = False) -> None:
        heads[key] = Headline(key, value, attention)

    live = Customer.deleted_at.is_(None)
    put("customers", session.scalar(select(func.count()).where(live)) or 0)
    put(
        "new_customers",
        session.scalar(select(func.count()).where(live, func.date(Customer.created_at).between(month[0], month[1])))
        or 0,
    )

    settings = load_pipeline_settings(session)
    open_deal = Opportunity.status == "open"
    count = amount = weighted = 0
    for stage, n, total in session.execute(
        select(Opportunity.stage, func.count(), func.coalesce(func.sum(Opportunity.amount_fen), 0))
        .where(open_deal)
        .group_by(Opportunity.stage)
    ):
        count += n
        amount += int(total)
        weighted += weighted_fen(int(total), Stage(stage), settings) if stage in Stage._value2member_map_ else 0
    put("open_deals", count)
    put("open_amount_fen", amount)
    put("weighted_fen", weighted)
    closing = session.execute(
        select(func.count(), func.coalesce(func.sum(Opportunity.amount_fen), 0)).where(
            open_deal, Opportunity.expected_close.between(month[0], month[1])
        )
    ).one()
    put("closing_this_month", closing[0])
    put("closing_amount_fen", int(closing[1]))
    overdue_close = session.scalar(select(func.count()).where(open_deal, Opportunity.expected_close < as_of)) or 0
    put("overdue_close", overdue_close, attention=overdue_close > 0)
    won = session.execute(
        select(func.count(), func.coalesce(func.sum(Opportunity.amount_fen), 0)).where(
            Opportunity.status == "won", Opportunity.closed_on.between(month[0], month[1])
        )
    ).one()
    put("won_this_month", won[0])
    put("won_amount_fen", int(won[1]))
    lost = session.scalar(
        select(func.count()).where(Opportunity.status == "lost", Opportunity.closed_on.between(month[0], month[1]))
    )
    put("lost_this_month", lost or 0)

    quiet_since = as_of - timedelta(days=settings.stall_days)
    last_change = (
        select(StageChange.opportunity_id, func.max(StageChange.changed_on).label("last"))
        .group_by(StageChange.opportunity_id)
        .subquery()
    )
    last_activity = (
        select(Activity.opportunity_id, func.max(Activity.day).label("last"))
        .where(Activity.opportunity_id.is_not(None))
        .group_by(Activity.opportunity_id)
        .subquery()
    )
    stalled = session.scalar(
        select(func.count())
        .select_from(Opportunity)
        .outerjoin(last_change, last_change.c.opportunity_id == Opportunity.id)
        .outerjoin(last_activity, last_activity.c.opportunity_id == Opportunity.id)
        .where(
            open_deal,
            func.coalesce(last_change.c.last, Opportunity.created_on) <= quiet_since,
            or_(last_activity.c.last.is_(None), last_activity.c.last <= quiet_since),
        )
    )
    put("stalled", stalled or 0, attention=bool(stalled))

    steps = session.execute(
        select(Opportunity.id, Customer.name, Opportunity.name, Opportunity.next_step, Opportunity.next_step_on)
        .join(Customer, Customer.id == Opportunity.customer_id)
        .where(open_deal, Opportunity.next_step_on.is_not(None), Opportunity.next_step_on <= week[1])
        .order_by(Opportunity.next_step_on, Opportunity.id)
        .limit(DUE_STEPS_SHOWN)
    )
    glance.due_steps = [
        DueStep(oid, customer, deal, step, due, overdue=due < as_of)
        for oid, customer, deal, step, due in steps
        if due is not None
    ]

    in_week = PlannedVisit.day.between(week[0], week[1])
    planned = session.scalar(select(func.count()).where(in_week, PlannedVisit.status != "cancelled")) or 0
    done = session.scalar(select(func.count()).where(in_week, PlannedVisit.status == "done")) or 0
    put("visits_planned", planned)
    put("visits_done", done)

    minutes = session.execute(
        select(
            func.coalesce(func.sum(Activity.minutes), 0),
            func.coalesce(func.sum(Activity.minutes).filter(ActivityType.category == "direct"), 0),
        )
        .join(ActivityType, ActivityType.id == Activity.type_id)
        .where(Activity.day.between(week[0], min(week[1], as_of)))
    ).one()
    all_minutes, direct_minutes = int(minutes[0]), int(minutes[1])
    target = load_time_settings(session).direct_target
    put(
        "direct_share",
        direct_minutes / all_minutes if all_minutes else 0.0,
        attention=selling_share_needs_attention(direct_minutes, all_minutes, target),
    )
    put("direct_target", target)

    month_ledger = attendance.ledger(session, as_of.year, as_of.month, today=as_of)
    late = sum(row.summary.late_count for row in month_ledger.rows)
    absent = sum(row.summary.absent_days for row in month_ledger.rows)
    glance.flagged_reps = [row.name for row in month_ledger.rows if row.summary.flagged]
    put("late_arrivals", late)
    put("absent_days", absent, attention=absent > 0)
    put("flagged_reps", len(glance.flagged_reps), attention=bool(glance.flagged_reps))

    recent = session.execute(
        select(IntelligenceEntry.observed_on, Competitor.name, IntelligenceEntry.text)
        .join(Competitor, Competitor.id == IntelligenceEntry.competitor_id)
        .where(and_(IntelligenceEntry.observed_on <= as_of))
        .order_by(IntelligenceEntry.observed_on.desc(), IntelligenceEntry.id.desc())
        .limit(INTELLIGENCE_SHOWN)
    )
    glance.intelligence = [RecentIntelligence(on, name, text) for on, name, text in recent]
    return glance
