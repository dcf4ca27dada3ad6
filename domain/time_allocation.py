"""Sales-time allocation (销售时间管理): time categories, the default activity types and the words
reps write for them, and the figures managers read from an activity log.

Inputs in, results out. Storage turns activity rows into :class:`TimeEntry` objects; the page,
the headless report and the benchmark call the functions here.

Decisions a reader should know before changing anything:

* **Direct-selling share** is direct minutes / all logged minutes of the rep (or team) in the
  period, a fraction 0..1. A rep with no logged minutes has share 0 (not undefined), so a table or
  chart always has a number; the report rounds it to 4 places.
* **What-if** moves the chosen categories or types to support staff: their minutes leave the rep's
  time and the rep spends that time selling directly, so the total stays the same and the freed
  minutes add to direct selling. That is the handbook's case: 12% selling becomes 22% when chores
  are moved. The **equivalent headcount** is new share / old share - 1 (12% -> 22% is +83.3%:
  the same direct-selling hours as 83% more reps at the old share).
* **Contact cost** weights each contact (an activity on the visit, phone or e-mail channel; a
  meeting counts as a visit) by the channel cost ratio, default 100 : 1 : 0.01 per contact, and
  relates it to the amount won in the period: cost units per ¥10,000 won.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple, TypeVar

K = TypeVar("K")


class Category(enum.StrEnum):
    """Where a rep's time goes (the handbook's split of field time)."""

    DIRECT = "direct"  # 直接销售: face-to-face visits, calls, demos, negotiation
    SUPPORT = "support"  # 销售支持: proposals, quotes
    ADMIN = "admin"  # 行政事务: order entry, reports, invoices and contracts, visit planning
    MEETING = "meeting"  # 内部会议
    TRAVEL = "travel"  # 差旅
    TRAINING = "training"  # 培训


class Channel(enum.StrEnum):
    """How the customer was contacted; the channels differ in cost (visit : phone : e-mail)."""

    VISIT = "visit"
    PHONE = "phone"
    EMAIL = "email"
    MEETING = "meeting"


CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    Category.DIRECT: ("直接销售", "Direct selling"),
    Category.SUPPORT: ("销售支持", "Selling support"),
    Category.ADMIN: ("行政事务", "Administration"),
    Category.MEETING: ("内部会议", "Internal meetings"),
    Category.TRAVEL: ("差旅", "Travel"),
    Category.TRAINING: ("培训", "Training"),
}
"""(Chinese, English) names of the categories for files and reports; the screen translates its own."""

CHANNEL_NAMES: dict[str, tuple[str, str]] = {
    Channel.VISIT: ("拜访", "visit"),
    Channel.PHONE: ("电话", "phone"),
    Channel.EMAIL: ("邮件", "e-mail"),
    Channel.MEETING: ("会议", "meeting"),
    "": ("", ""),
}


class TypeDefinition(NamedTuple):
    """One row of the default type table."""

    code: str
    name_zh: str
    name_en: str
    category: Category
    channel: str = ""
    """Default channel of the type (a :class:`Channel` value) or empty."""


DEFAULT_TYPES: tuple[TypeDefinition, ...] = (
    TypeDefinition("visit", "客户拜访", "Customer visit", Category.DIRECT, Channel.VISIT),
    TypeDefinition("call", "电话沟通", "Phone call", Category.DIRECT, Channel.PHONE),
    TypeDefinition("demo", "产品演示", "Product demo", Category.DIRECT, Channel.VISIT),
    TypeDefinition("negotiation", "商务谈判", "Negotiation", Category.DIRECT, Channel.VISIT),
    TypeDefinition("email", "邮件", "E-mail", Category.DIRECT, Channel.EMAIL),
    TypeDefinition("proposal", "方案编写", "Proposal writing", Category.SUPPORT),
    TypeDefinition("quote", "报价", "Quotation", Category.SUPPORT),
    TypeDefinition("order_entry", "订单录入", "Order entry", Category.ADMIN),
    TypeDefinition("report", "日报/报表", "Reports", Category.ADMIN),
    TypeDefinition("invoice", "发票合同处理", "Invoices and contracts", Category.ADMIN),
    TypeDefinition("visit_planning", "拜访计划", "Visit planning", Category.ADMIN),
    TypeDefinition("internal_meeting", "内部会议", "Internal meeting", Category.MEETING, Channel.MEETING),
    TypeDefinition("travel", "差旅", "Travel", Category.TRAVEL),
    TypeDefinition("training", "培训", "Training", Category.TRAINING),
    TypeDefinition("other", "其他", "Other", Category.ADMIN),
)
"""The type table a new database starts with; the user edits it (type -> category)."""

DEFAULT_TYPE_CODES: frozenset[str] = frozenset(t.code for t in DEFAULT_TYPES)

_WORDS: dict[str, tuple[str, ...]] = {
    "visit": ("客户拜访", "拜访", "拜访客户", "上门", "上门拜访", "走访", "面访", "见客户", "visit", "customer visit"),
    "call": ("电话沟通", "电话", "打电话", "电话拜访", "电访", "通话", "call", "phone", "phone call", "telephone"),
    "demo": ("产品演示", "演示", "产品展示", "demo", "product demo", "demonstration"),
    "negotiation": ("商务谈判", "谈判", "议价", "商务洽谈", "洽谈", "negotiation", "negotiate"),
    "email": ("邮件", "电子邮件", "发邮件", "邮件沟通", "email", "e-mail", "mail"),
    "proposal": ("方案编写", "方案", "写方案", "技术方案", "标书", "proposal", "proposal writing"),
    "quote": ("报价", "报价单", "做报价", "quote", "quotation"),
    "order_entry": ("订单录入", "录单", "下单", "订单处理", "order entry", "order"),
    "report": ("日报/报表", "日报", "周报", "报表", "写日报", "report", "reports", "daily report"),
    "invoice": (
        "发票合同处理",
        "发票",
        "开票",
        "合同",
        "合同处理",
        "发票处理",
        "回款",
        "invoice",
        "invoices",
        "contract",
        "paperwork",
    ),
    "visit_planning": ("拜访计划", "计划", "做计划", "行程安排", "visit planning", "planning"),
    "internal_meeting": ("内部会议", "例会", "会议", "开会", "周会", "晨会", "meeting", "internal meeting"),
    "travel": ("差旅", "出差", "出差路上", "路途", "路上", "在途", "travel", "travelling", "traveling"),
    "training": ("培训", "学习", "内训", "training"),
    "other": ("其他", "其它", "other"),
}

DEFAULT_WORDS: dict[str, str] = {}
"""Normalised word -> type code: the words reps write that map to a type without asking."""
for _code, _words in _WORDS.items():
    for _word in _words:
        DEFAULT_WORDS.setdefault(" ".join(unicodedata.normalize("NFKC", _word).casefold().split()), _code)


def normalise_label(text: str) -> str:
    """How a rep's word for a type is stored and compared: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def default_type_for(label: str) -> str | None:
    """The default type code of a word a rep wrote ('拜访', 'Call'), or None when unknown."""
    return DEFAULT_WORDS.get(normalise_label(label))


def display_type_name(code: str, name: str, language: str) -> str:
    """A type's name for the screen: a default type whose name was not edited shows in English
    when the console runs in English; an edited or user-made type shows as the user wrote it."""
    if language != "zh":
        for definition in DEFAULT_TYPES:
            if definition.code == code and definition.name_zh == name:
                return definition.name_en
    return name


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class TimeSettings:
    """The time-allocation settings; defaults are the handbook's, the database stores overrides."""

    direct_target: float = 0.22
    """Target share of direct selling (直接销售时间), 0..1: the handbook's team reached 22%."""
    visit_cost: float = 100.0
    """Cost units of one face-to-face contact (visit, or a meeting with the customer)."""
    phone_cost: float = 1.0
    email_cost: float = 0.01

    def channel_cost(self, channel: str) -> float:
        """Cost units of one contact on ``channel``; a meeting with a customer counts as a visit."""
        if channel in (Channel.VISIT, Channel.MEETING):
            return self.visit_cost
        if channel == Channel.PHONE:
            return self.phone_cost
        if channel == Channel.EMAIL:
            return self.email_cost
        return 0.0


# --------------------------------------------------------------------------- durations


class DurationError(ValueError):
    """A duration or time range that cannot be read; ``reason`` is a problem code."""

    def __init__(self, reason: str, value: object) -> None:
        super().__init__(f"{reason}: {value!r}")
        self.reason = reason
        self.value = value


BAD_DURATION = "bad_duration"
NEGATIVE_DURATION = "negative_duration"
LONG_DURATION = "long_duration"

MAX_MINUTES = 24 * 60
"""One activity lasts at most a day; a longer trip is one activity per day."""

_NUMBER = r"(\d+(?:\.\d+)?|\.\d+)"
_UNIT_MINUTES = {
    "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60, "小时": 60, "个小时": 60, "钟头": 60, "个钟头": 60,
    "时": 60, "m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1, "分钟": 1, "分": 1,
    "d": 8 * 60, "day": 8 * 60, "days": 8 * 60, "天": 8 * 60,
}  # fmt: skip
_PART = re.compile(rf"{_NUMBER}\s*({'|'.join(sorted(map(re.escape, _UNIT_MINUTES), key=len, reverse=True))})")
_CHINESE_HALF = {"半小时": 30, "半个小时": 30, "半个钟头": 30, "半天": 4 * 60, "一天": 8 * 60, "全天": 8 * 60}


def parse_duration(value: object, bare_unit_minutes: int = 60) -> int | None:
    """Minutes of a duration a rep wrote: ``2小时``, ``1.5h``, ``90分钟``, ``1h30m``, ``1小时30分``,
    ``半小时``, ``0.5天`` (a day is 8 working hours), or a bare number in ``bare_unit_minutes``
    (hours by default: sheets that say 时长 mean hours). ``None`` for a blank cell.

    Rounded to whole minutes. Raises :class:`DurationError` (``bad_duration``,
    ``negative_duration`` or ``long_duration`` beyond :data:`MAX_MINUTES`).
    """
    if value is None or isinstance(value, bool):
        if value is None:
            return None
        raise DurationError(BAD_DURATION, value)
    if isinstance(value, int | float):
        return _checked(float(value) * bare_unit_minutes, value)
    text = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    if not text:
        return None
    text = text.replace("−", "-").replace("—", "-").replace("–", "-")
    sign = 1.0
    if text.startswith("-"):
        sign, text = -1.0, text[1:].strip()
    if text in _CHINESE_HALF:
        return _checked(sign * _CHINESE_HALF[text], value)
    if re.fullmatch(_NUMBER, text):
        return _checked(sign * float(text) * bare_unit_minutes, value)
    total = 0.0
    position = 0
    for match in _PART.finditer(text):
        if text[position : match.start()].strip(" ,，") or match.start() < position:
            raise DurationError(BAD_DURATION, value)
        total += float(match.group(1)) * _UNIT_MINUTES[match.group(2)]
        position = match.end()
    rest = text[position:].strip()
    if position == 0 or rest not in ("", "钟"):
        raise DurationError(BAD_DURATION, value)
    return _checked(sign * total, value)


def _checked(minutes: float, value: object) -> int:
    if minutes != minutes or minutes in (float("inf"), float("-inf")):
        raise DurationError(BAD_DURATION, value)
    if minutes < 0:
        raise DurationError(NEGATIVE_DURATION, value)
    if minutes > MAX_MINUTES:
        raise DurationError(LONG_DURATION, value)
    return round(minutes)


_CLOCK = re.compile(r"(\d{1,2})\s*[:.：点]\s*(\d{2})?\s*分?")


def parse_clock(text: str) -> str | None:
    """``HH:MM`` from a clock time typed in a form (``9:00``, ``09.30``, ``9点``, ``１４：００``);
    '' for an empty text, None when it is not a time."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return ""
    match = _CLOCK.fullmatch(text)
    if match is None:
        if text.isdigit() and len(text) in (3, 4):  # 930, 1430
            match = re.fullmatch(r"(\d{1,2})(\d{2})", text)
        if match is None:
            return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def minutes_between(start: str, end: str) -> int:
    """Minutes from ``start`` to ``end`` (``HH:MM``); an end before the start is past midnight."""
    sh, sm = (int(p) for p in start.split(":"))
    eh, em = (int(p) for p in end.split(":"))
    minutes = (eh * 60 + em) - (sh * 60 + sm)
    return minutes if minutes >= 0 else minutes + MAX_MINUTES


# --------------------------------------------------------------------------- shares


class TimeEntry(NamedTuple):
    """One logged activity as the figures need it (storage builds these from the log)."""

    rep_id: int
    day: date
    minutes: int
    category: str
    type_code: str = ""
    channel: str = ""
    customer_id: int | None = None


@dataclass(frozen=True)
class Allocation:
    """Minutes per category of one rep (or the team) in a period, and the direct-selling share."""

    minutes: Mapping[str, int]

    @property
    def total(self) -> int:
        return sum(self.minutes.values())

    @property
    def direct_share(self) -> float:
        """Direct minutes / all minutes, 0..1; 0 when nothing was logged."""
        total = self.total
        return self.minutes.get(Category.DIRECT, 0) / total if total else 0.0

    def share(self, category: str) -> float:
        total = self.total
        return self.minutes.get(category, 0) / total if total else 0.0

    def hours(self) -> dict[str, float]:
        """Hours per category code, every category present (0.0 when none), rounded to 2 places."""
        return {c.value: round(self.minutes.get(c, 0) / 60, 2) for c in Category}


def _sum_by_category(entries: Iterable[TimeEntry]) -> dict[str, int]:
    minutes = {str(c): 0 for c in Category}
    for entry in entries:
        minutes[entry.category] = minutes.get(entry.category, 0) + entry.minutes
    return minutes


def allocation_by_rep(entries: Iterable[TimeEntry]) -> dict[int, Allocation]:
    """Each rep's minutes per category (only reps with entries)."""
    per_rep: dict[int, dict[str, int]] = {}
    for entry in entries:
        minutes = per_rep.get(entry.rep_id)
        if minutes is None:
            minutes = per_rep[entry.rep_id] = {str(c): 0 for c in Category}
        minutes[entry.category] = minutes.get(entry.category, 0) + entry.minutes
    return {rep: Allocation(minutes) for rep, minutes in per_rep.items()}


def team_allocation(entries: Iterable[TimeEntry]) -> Allocation:
    """The whole team's minutes per category: the team share weighs reps by their logged time."""
    return Allocation(_sum_by_category(entries))


@dataclass(frozen=True)
class WeekShare:
    """The team's direct-selling share in one ISO week (Monday ``week_start``)."""

    week_start: date
    direct_minutes: int
    total_minutes: int

    @property
    def share(self) -> float:
        return self.direct_minutes / self.total_minutes if self.total_minutes else 0.0

    @property
    def label(self) -> str:
        year, week, _ = self.week_start.isocalendar()
        return f"{year}-W{week:02d}"


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_trend(entries: Iterable[TimeEntry], first: date, last: date) -> list[WeekShare]:
    """One point per ISO week touching ``first``..``last`` (weeks with no entries included, share 0);
    only entries inside the period count, also in its first and last weeks."""
    # Summed by day first (one dict update per entry), then the few hundred days fold into weeks.
    day_direct: dict[date, int] = {}
    day_total: dict[date, int] = {}
    direct_code = Category.DIRECT.value
    for entry in entries:
        day = entry.day
        day_total[day] = day_total.get(day, 0) + entry.minutes
        if entry.category == direct_code:
            day_direct[day] = day_direct.get(day, 0) + entry.minutes
    direct: dict[date, int] = {}
    total: dict[date, int] = {}
    for day, minutes in day_total.items():
        if first <= day <= last:
            monday = week_start(day)
            total[monday] = total.get(monday, 0) + minutes
            direct[monday] = direct.get(monday, 0) + day_direct.get(day, 0)
    weeks: list[WeekShare] = []
    monday = week_start(first)
    while monday <= last:
        weeks.append(WeekShare(monday, direct.get(monday, 0), total.get(monday, 0)))
        monday += timedelta(days=7)
    return weeks


# --------------------------------------------------------------------------- what-if


def headcount_equivalent(old_share: float, new_share: float) -> float | None:
    """How many more reps at the old share give the same direct-selling hours: new / old - 1.

    12% -> 22% is +0.8333 (+83%). None when the old share is 0 (no direct selling to scale).
    """
    if old_share <= 0:
        return None
    return new_share / old_share - 1


@dataclass(frozen=True)
class WhatIf:
    """The result of moving chosen work to support staff."""

    old_share: float
    new_share: float
    moved_minutes: int
    total_minutes: int

    @property
    def headcount_gain(self) -> float | None:
        return headcount_equivalent(self.old_share, self.new_share)


def what_if(
    entries: Iterable[TimeEntry],
    categories: Iterable[str] = (),
    types: Iterable[str] = (),
) -> WhatIf:
    """Move the chosen categories and types (never direct selling) to support staff: their minutes
    become direct selling, the rep's total time stays the same."""
    moved_categories = {str(c) for c in categories} - {Category.DIRECT.value}
    moved_types = set(types)
    direct = moved = total = 0
    for entry in entries:
        total += entry.minutes
        if entry.category == Category.DIRECT:
            direct += entry.minutes
        elif entry.category in moved_categories or entry.type_code in moved_types:
            moved += entry.minutes
    if not total:
        return WhatIf(0.0, 0.0, 0, 0)
    return WhatIf(direct / total, (direct + moved) / total, moved, total)


# --------------------------------------------------------------------------- contact cost


CONTACT_CHANNELS: tuple[str, ...] = (Channel.VISIT, Channel.PHONE, Channel.EMAIL, Channel.MEETING)

YUAN_PER_UNIT_WON = 10_000
"""Cost per won amount is stated per ¥10,000 won."""


@dataclass(frozen=True)
class ContactCost:
    """Contacts by channel, their cost in units, and the amount won (in fen) of one rep or class."""

    contacts: Mapping[str, int]
    cost_units: float
    won_fen: int

    @property
    def contact_count(self) -> int:
        return sum(self.contacts.values())

    def channel_share(self, channel: str) -> float:
        count = self.contact_count
        return self.contacts.get(channel, 0) / count if count else 0.0

    @property
    def cost_per_10k_won(self) -> float | None:
        """Cost units per ¥10,000 won; None when nothing was won."""
        if self.won_fen <= 0:
            return None
        return self.cost_units / (self.won_fen / (100 * YUAN_PER_UNIT_WON))


def is_contact(entry: TimeEntry) -> bool:
    """A customer contact: a direct-selling activity on a costed channel (internal meetings are not)."""
    return entry.category == Category.DIRECT and entry.channel in CONTACT_CHANNELS


def contact_cost(
    entries: Iterable[TimeEntry],
    key: Callable[[TimeEntry], K | None],
    won_fen: Mapping[K, int],
    settings: TimeSettings,
) -> dict[K, ContactCost]:
    """Contacts grouped by ``key(entry)`` (a rep id, a customer class …; None drops the entry),
    with each group's cost units and won amount. Groups that only won something appear too."""
    counts: dict[K, dict[str, int]] = {}
    for entry in entries:
        if not is_contact(entry):
            continue
        group = key(entry)
        if group is None:
            continue
        channels = counts.get(group)
        if channels is None:
            channels = counts[group] = dict.fromkeys(CONTACT_CHANNELS, 0)
        channels[entry.channel] += 1
    result: dict[K, ContactCost] = {}
    for group in [*counts, *(k for k in won_fen if k not in counts)]:
        channels = counts.get(group) or dict.fromkeys(CONTACT_CHANNELS, 0)
        cost = sum(settings.channel_cost(channel) * n for channel, n in channels.items())
        result[group] = ContactCost(channels, cost, int(won_fen.get(group, 0)))
    return result
