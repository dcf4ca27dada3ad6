"""Sample activity log for the sample workspace: three months of the reps' days as their daily
reports (日报) would show them.

Reproducible (seeded), on the real work calendar (holidays and 调休 days). Each rep has a habit:
a direct-selling share between 12% and 25% (the handbook's field reps sold 12% of their time),
a liking for visits or the phone, and how much paperwork lands on them. A day starts at 09:00
with the daily report and planning, has visits to the rep's own customers (with the travel to and
from them), calls and e-mails in a block, quotes and proposals, order entry and invoice or
contract work; Monday has the weekly meeting (例会), and some days a training or a whole trip.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from storage import attendance as attendance_repo
from storage.activities import ensure_default_types
from storage.db import Database
from storage.models import Activity, ActivityType, Customer, Rep

DEFAULT_SEED = 20261201
DAY_START = 9 * 60
_OUTCOMES = {
    "visit": (
        "了解设备改造需求", "客户认可方案方向", "约定下周技术交流", "介绍新产品线", "收集竞品报价信息", "拜访采购经理",
    ),
    "call": ("确认交期", "跟进报价反馈", "预约拜访时间", "节日问候", "回访使用情况", "催促回款"),
    "email": ("发送产品资料", "发送报价单", "会议纪要", "发送技术参数"),
    "demo": ("现场演示视觉检测方案", "演示MES看板", "样机测试"),
    "negotiation": ("价格谈判，客户要求再降3%", "付款条件协商", "合同条款确认"),
}  # fmt: skip
_NEXT_STEPS = ("下周电话跟进", "准备技术方案", "发正式报价", "安排技术交流", "月底前再次拜访", "")


def generate_demo_activities(db: Database, months: int = 3, as_of: date | None = None, seed: int = DEFAULT_SEED) -> int:
    """Write ``months`` months of activities ending the day before ``as_of`` (default today) for
    every active rep; returns how many. Raises :class:`ValueError` when the log already holds
    activities (sample data never mixes with real records)."""
    as_of = as_of or date.today()
    rng = random.Random(seed)
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Activity)):
            raise ValueError("The activity log already holds activities; sample activities go into an empty log only.")
        ensure_default_types(session)
        types = dict(session.execute(select(ActivityType.code, ActivityType.id)).all())
        reps = list(session.scalars(select(Rep).where(Rep.active.is_(True)).order_by(Rep.id)))
        owned: dict[int, list[int]] = {}
        query = select(Customer.id, Customer.owner_id).where(Customer.deleted_at.is_(None)).order_by(Customer.id)
        for customer_id, owner_id in session.execute(query):
            if owner_id is not None:
                owned.setdefault(owner_id, []).append(customer_id)
        calendar = attendance_repo.work_calendar(session, attendance_repo.load_rules(session))
        first = as_of
        for _ in range(months):
            first = (first.replace(day=1) - timedelta(days=1)).replace(day=1)
        first = first.replace(day=min(as_of.day, 28))
        rows: list[dict[str, Any]] = []
        for rep in reps:
            customers = owned.get(rep.id, [])
            # A rep's regular round: a third of the book, visited again and again.
            regulars = rng.sample(customers, k=max(1, len(customers) // 3)) if customers else []
            habit = _Habit(
                direct=rng.uniform(0.12, 0.25),
                visit_liking=rng.uniform(0.35, 0.75),
                paperwork=rng.uniform(0.8, 1.4),
            )
            day = first
            while day < as_of:
                if calendar.is_working_day(day):
                    rows.extend(_day(rng, rep.id, day, habit, regulars or customers, types))
                day += timedelta(days=1)
        if rows:
            session.execute(insert(Activity), rows)
    return len(rows)


class _Habit:
    def __init__(self, direct: float, visit_liking: float, paperwork: float) -> None:
        self.direct = direct
        self.visit_liking = visit_liking
        self.paperwork = paperwork


class _Day:
    """Builds one rep-day: activities one after another from 09:00."""

    def __init__(self, rng: random.Random, rep_id: int, day: date, types: dict[str, int]) -> None:
        self.rng = rng
        self.rep_id = rep_id
        self.day = day
        self.types = types
        self.clock = DAY_START
        self.rows: list[dict[str, Any]] = []

    def add(self, code: str, minutes: int, customer_id: int | None = None, channel: str = "") -> None:
        minutes = max(5, int(minutes))
        start, end = self.clock, self.clock + minutes
        if start < 12 * 60 <= end or 12 * 60 <= start < 13 * 60:  # lunch hour
            start, end = max(start, 13 * 60), max(start, 13 * 60) + minutes
        outcome = self.rng.choice(_OUTCOMES[code]) if code in _OUTCOMES else ""
        self.rows.append(
            {
                "rep_id": self.rep_id,
                "day": self.day,
                "start": f"{start // 60:02d}:{start % 60:02d}",
                "end": f"{end // 60 % 24:02d}:{end % 60:02d}",
                "minutes": minutes,
                "type_id": self.types[code],
                "channel": channel or _CHANNEL.get(code, ""),
                "customer_id": customer_id,
                "opportunity_id": None,
                "outcome": outcome,
                "next_step": self.rng.choice(_NEXT_STEPS) if code in ("visit", "demo", "negotiation") else "",
                "source": "sample workspace",
                "created_at": datetime.combine(self.day, time(18, 30)),
            }
        )
        self.clock = end


_CHANNEL = {
    "visit": "visit",
    "demo": "visit",
    "negotiation": "visit",
    "call": "phone",
    "email": "email",
    "internal_meeting": "meeting",
}


def _day(
    rng: random.Random, rep_id: int, day: date, habit: _Habit, customers: list[int], types: dict[str, int]
) -> list[dict[str, Any]]:
    plan = _Day(rng, rep_id, day, types)
    working = rng.randint(440, 510)  # 7.3 to 8.5 hours logged: 09:00 to about 18:00 with lunch
    direct_goal = working * min(0.45, max(0.04, rng.gauss(habit.direct, 0.05)))
    plan.add("report", round(rng.choice((20, 30, 30, 45)) * habit.paperwork))
    if day.weekday() == 0:
        plan.add("internal_meeting", rng.choice((60, 90, 120)))
    elif rng.random() < 0.12:
        plan.add("internal_meeting", rng.choice((30, 60)))
    if rng.random() < 0.35:
        plan.add("visit_planning", rng.choice((20, 30, 45)))
    trip = rng.random() < 0.06
    if trip:
        plan.add("travel", rng.randint(180, 300))
    if day.weekday() == 3 and rng.random() < 0.3:
        plan.add("training", rng.choice((60, 90, 120)))
    direct = 0
    visits = 0
    while direct < direct_goal - 15 and customers:
        customer = rng.choice(customers)
        if rng.random() < habit.visit_liking and visits < 3:
            code = rng.choices(("visit", "demo", "negotiation"), (8, 1, 1))[0]
            minutes = min(rng.randint(45, 120), max(30, round(direct_goal - direct)))
            # Some negotiations are held in our own meeting room: no trip, channel 'meeting'.
            at_ours = code == "negotiation" and rng.random() < 0.5
            if not at_ours:
                plan.add("travel", rng.randint(30, 80))
            plan.add(code, minutes, customer, "meeting" if at_ours else "")
            if not at_ours:
                plan.add("travel", rng.randint(30, 80))
            visits += 1
        else:
            # The calls and e-mails of the day are made in one block (time batching).
            for _ in range(rng.randint(2, 5)):
                if direct >= direct_goal:
                    break
                code = "call" if rng.random() < 0.75 else "email"
                minutes = rng.randint(8, 25) if code == "call" else rng.randint(5, 15)
                plan.add(code, minutes, rng.choice(customers))
                direct += max(5, minutes)
            continue
        direct += max(5, minutes)
    rest = working - sum(row["minutes"] for row in plan.rows)
    chores = (("quote", 3), ("proposal", 2), ("order_entry", 3), ("invoice", 2), ("other", 1))
    while rest > 20:
        code = rng.choices([c for c, _ in chores], [w * habit.paperwork for _, w in chores])[0]
        minutes = min(rest, rng.choice((30, 45, 60, 90)))
        plan.add(code, minutes)
        rest -= minutes
    return plan.rows
