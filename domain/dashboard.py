"""The week at a glance: the few figures a sales manager checks every Monday, across registers.

Each figure is computed where its register's rules live; this module only frames the week and
the month around a date and says which figures need attention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the ISO week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def month_of(day: date) -> tuple[date, date]:
    """First and last day of the month holding ``day``."""
    first = day.replace(day=1)
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


@dataclass(frozen=True)
class Headline:
    """One tile: a figure, and whether it needs the manager's attention."""

    key: str
    value: int | float
    attention: bool = False


@dataclass(frozen=True)
class DueStep:
    """An opportunity's next step falling due."""

    opportunity_id: int
    customer: str
    deal: str
    step: str
    due: date
    overdue: bool


@dataclass(frozen=True)
class RecentIntelligence:
    observed_on: date
    competitor: str
    text: str


@dataclass
class WeekGlance:
    """Everything the dashboard page shows for the week of ``as_of``."""

    as_of: date
    week: tuple[date, date]
    month: tuple[date, date]
    headlines: dict[str, Headline] = field(default_factory=dict)
    due_steps: list[DueStep] = field(default_factory=list)
    intelligence: list[RecentIntelligence] = field(default_factory=list)
    flagged_reps: list[str] = field(default_factory=list)
    """Reps late often enough this month to be flagged by the attendance rules."""


def share(part: int | float, whole: int | float) -> float:
    """``part / whole``, 0 when there is no whole."""
    return part / whole if whole else 0.0


def selling_share_needs_attention(direct_minutes: int, all_minutes: int, target: float) -> bool:
    """Below the direct-selling target, once anything was logged at all."""
    return all_minutes > 0 and share(direct_minutes, all_minutes) < target
