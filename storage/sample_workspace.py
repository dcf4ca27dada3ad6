"""The whole sample workspace, register by register, from fixed seeds (reproducible)."""

from __future__ import annotations

from datetime import date, timedelta

from storage.db import Database
from storage.progress import Progress, no_progress


def generate_sample_workspace(db: Database, progress: Progress = no_progress) -> None:
    """Customers and reps first; then the registers that refer to them, in dependency order."""
    from storage.demo import generate_demo
    from storage.demo_activities import generate_demo_activities
    from storage.demo_attendance import generate_demo_attendance
    from storage.demo_competitors import generate_demo_competitors
    from storage.demo_pipeline import generate_demo_pipeline

    generate_demo(db, progress=progress)
    generate_demo_attendance(db)
    generate_demo_competitors(db)
    generate_demo_pipeline(db)
    generate_demo_activities(db)
    plan_sample_week(db)


def plan_sample_week(db: Database, today: date | None = None) -> None:
    """This week's visit plan for every rep, as the planner makes it."""
    from storage import visits

    today = today or date.today()
    monday = today - timedelta(days=today.weekday())
    with db.transaction() as session:
        reps = [rep_id for rep_id, _name in visits.rep_choices(session)]
        visits.generate_team(session, reps, monday, monday + timedelta(days=6), today)
