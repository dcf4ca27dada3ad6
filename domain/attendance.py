"""Attendance rules (考勤规则): the work calendar, the status words of HR exports, and the
evaluation of one person-day and of one person's month.

Inputs in, results out: the importer turns a sheet into :class:`PersonDay` objects (using
:func:`parse_status` for the status words and :func:`shift_day` for punch dates);
:func:`evaluate_day` judges one day and :func:`summarise_month` adds up one person's month.  A
month of a large sales force (the ledger, the import's report) is judged as columns by
:meth:`DayEvaluator.outcome_ids` and added up through :func:`day_figures` and
:func:`month_summary`: the same rules, without an object per day. Every number is a
field of :class:`AttendanceRules`; the defaults are the handbook's (09:00-18:00, Monday to Friday,
no grace, three late arrivals a month flag the rep).

Decisions a reader should know before changing anything:

* **Minute resolution.** A punch counts for the minute shown on the clock: 09:00:59 reads as
  09:00, so it is on time; 09:01:00 is one minute late. Late (迟到) means the punch minute is more
  than ``shift_start + grace_minutes``; late minutes are counted from ``shift_start`` (not from the
  end of the grace), so with a 5-minute grace a 09:07 punch is 7 minutes late. Early leave (早退)
  means the out-punch minute is before ``shift_end``; 17:45:40 is 15 minutes early. Because seconds
  are truncated first, a day is never "late by 0 minutes".
* **Which punch is which.** The first punch is the in punch and the last the out punch. A day whose
  punches all lie within ``repeat_punch_minutes`` of each other (one punch, or a repeated swipe at
  the door) has only one of them: the in punch when it is before the shift midpoint (13:30 for
  09:00-18:00), the out punch at or after it; the other side is one missing punch (缺卡).
* **The day boundary.** A punch before ``day_boundary`` (05:00) belongs to the previous day's shift:
  an out punch at 00:30 marked 次日 is dated the next calendar day but is the previous day's out
  punch, and so it is not early. :func:`shift_day` applies the rule for importers grouping a
  punch-per-row file; :func:`evaluate_day` takes the punches of a person-day as given.
* **Recomputed or taken as written.** When a day has punch times, lateness, early leave, missing
  punches and absence are recomputed from them and the file's words for these (正常, 迟到, 早退,
  缺卡, 旷工) are ignored. When it has only words, they are taken as written ('迟到12分钟' is 12 late
  minutes). Leave, trip, field work, 外出, rest, overtime and 补卡 are always taken from the words.
* **Approved absences excuse the clock.** On a day with leave (请假, even half a day), a business
  trip (出差) or an approved outing (外出), recomputed lateness, early leave and missing punches are
  not counted, because we do not know which half of the day the approval covered. Field work (外勤)
  is a punch made elsewhere, so its times count like any other.
* **Only working days count.** Punches on a rest day or holiday are overtime (加班), never late or
  absent; leave, trips and field work are counted on working days only.
"""

from __future__ import annotations

import calendar as _calendar
import dataclasses
import enum
import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any, NamedTuple, cast

import chinese_calendar

# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class AttendanceRules:
    """The attendance settings; defaults are the handbook's, the database stores overrides."""

    shift_start: time = time(9, 0)
    shift_end: time = time(18, 0)
    grace_minutes: int = 0
    """Minutes after ``shift_start`` that are still on time (弹性/宽限)."""
    serious_late_minutes: int = 30
    """Late by this many minutes or more is seriously late (严重迟到)."""
    late_flag_count: int = 3
    """This many late arrivals in a month flag the rep for the manager's attention."""
    weekend_days: frozenset[int] = frozenset({5, 6})
    """Rest weekdays as ``date.weekday()`` numbers (5 = Saturday, 6 = Sunday)."""
    day_boundary: time = time(5, 0)
    """Punches before this clock time belong to the previous day's shift (次日 punches)."""
    repeat_punch_minutes: int = 10
    """Punches this close together are one punch repeated (a double swipe), not an in and an out."""
    leave_hours_per_day: float = 8.0
    """Converts leave stated in hours ('事假 4小时') into days: 09:00-18:00 less the lunch hour."""

    @property
    def shift_midpoint(self) -> time:
        """The clock time that decides whether a lone punch is an in or an out punch."""
        start = self.shift_start.hour * 60 + self.shift_start.minute
        end = self.shift_end.hour * 60 + self.shift_end.minute
        middle = (start + end) // 2
        return time(middle // 60 % 24, middle % 60)


def shift_day(moment: datetime, rules: AttendanceRules) -> date:
    """The person-day a punch belongs to: the previous day before ``rules.day_boundary``."""
    if moment.time() < rules.day_boundary:
        return moment.date() - timedelta(days=1)
    return moment.date()


# --------------------------------------------------------------------------- calendar

_HOLIDAY_NAMES_ZH: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


class WorkCalendar:
    """Which days are working days (工作日) in China, for one company.

    Order of precedence: a manual override for the date; then the public-holiday calendar of the
    ``chinese_calendar`` library (statutory holidays are rest days, adjusted working days — 调休, a
    weekend day worked to bridge a holiday — are working days); then the weekday rule (every day
    not in ``weekend_days``). For years the library has no data for, only overrides and the weekday
    rule apply; :meth:`known` says so, and nothing here raises for such years.
    """

    def __init__(
        self,
        overrides: Mapping[date, bool] | None = None,
        weekend_days: Collection[int] = frozenset({5, 6}),
    ) -> None:
        self._overrides: dict[date, bool] = dict(overrides or {})
        self._weekend_days = frozenset(weekend_days)
        # Answers kept per date and month: a month's ledger asks about the same 31 days for every
        # person-day of every rep, and nothing here changes once the calendar is made.
        self._working: dict[date, bool] = {}
        self._months: dict[tuple[int, int], tuple[date, ...]] = {}

    @classmethod
    def for_rules(cls, rules: AttendanceRules, overrides: Mapping[date, bool] | None = None) -> WorkCalendar:
        """The calendar with the rules' weekend days."""
        return cls(overrides, rules.weekend_days)

    @property
    def overrides(self) -> dict[date, bool]:
        """A copy of the manual overrides (date -> working day?)."""
        return dict(self._overrides)

    def known(self, day: date) -> bool:
        """Whether the holiday library covers ``day``'s year; if not the UI should warn."""
        return _library_covers(day.year)

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day (overrides, then holidays and 调休, then weekdays)."""
        working = self._working.get(day)
        if working is None:
            working = self._working[day] = self._is_working_day(day)
        return working

    def _is_working_day(self, day: date) -> bool:
        if day in self._overrides:
            return self._overrides[day]
        if _library_covers(day.year):
            if day in chinese_calendar.workdays:
                return True
            if day in chinese_calendar.holidays:
                return False
        return day.weekday() not in self._weekend_days

    def is_adjusted_working_day(self, day: date) -> bool:
        """Whether ``day`` is a weekend day worked to bridge a holiday (调休上班), per the library."""
        return _library_covers(day.year) and day in chinese_calendar.workdays

    def holiday_name(self, day: date, *, chinese: bool = False) -> str | None:
        """The festival ``day`` is a holiday or an adjusted working day for, for tooltips.

        The library's English name ('National Day') or, with ``chinese``, the Chinese one (国庆节);
        ``None`` for ordinary days and for years the library does not cover.
        """
        if not _library_covers(day.year):
            return None
        try:
            _on_holiday, name = chinese_calendar.get_holiday_detail(day)
        except NotImplementedError:  # the coverage check should prevent it; a tooltip must never crash
            return None
        if not name:
            return None
        name = str(name)
        return _HOLIDAY_NAMES_ZH.get(name, name) if chinese else name

    def working_days(self, year: int, month: int) -> list[date]:
        """The working days of one month, in order."""
        days = self._months.get((year, month))
        if days is None:
            last = _calendar.monthrange(year, month)[1]
            every = (date(year, month, number) for number in range(1, last + 1))
            days = self._months[(year, month)] = tuple(day for day in every if self.is_working_day(day))
        return list(days)


_COVERED_YEARS: dict[int, bool] = {}


def _library_covers(year: int) -> bool:
    # Asked of the library rather than hard-coded, so a newer chinesecalendar release extends the
    # range without a code change.
    if year not in _COVERED_YEARS:
        try:
            chinese_calendar.is_workday(date(year, 6, 1))
        except NotImplementedError:
            _COVERED_YEARS[year] = False
        else:
            _COVERED_YEARS[year] = True
    return _COVERED_YEARS[year]


# --------------------------------------------------------------------------- status words


class Mark(enum.StrEnum):
    """What a person-day can carry, from a file's status words or entered in the app."""

    NORMAL = "normal"  # 正常
    LATE = "late"  # 迟到
    SERIOUS_LATE = "serious_late"  # 严重迟到 (always comes with LATE)
    EARLY = "early"  # 早退
    MISSING = "missing"  # 缺卡 / 未打卡 without saying which side: one missing punch
    MISSING_IN = "missing_in"  # 上班缺卡
    MISSING_OUT = "missing_out"  # 下班缺卡
    ABSENT = "absent"  # 旷工
    LEAVE = "leave"  # 请假, of a LeaveType
    TRIP = "trip"  # 出差
    FIELD = "field"  # 外勤: punched away from the office
    OUT = "out"  # 外出: approved absence from the office on business, for some hours
    REST = "rest"  # 休息
    OVERTIME = "overtime"  # 加班
    CORRECTED = "corrected"  # 补卡审批通过: a missing punch was approved afterwards


class LeaveType(enum.StrEnum):
    """请假 types as HR sheets name them."""

    ANNUAL = "annual"  # 年假
    PERSONAL = "personal"  # 事假
    SICK = "sick"  # 病假
    COMPENSATORY = "compensatory"  # 调休 (time off in lieu of overtime)
    MARRIAGE = "marriage"  # 婚假
    MATERNITY = "maternity"  # 产假
    BEREAVEMENT = "bereavement"  # 丧假
    OTHER = "other"  # 请假 without a type, and the rarer kinds (陪产假, 育儿假 …)


@dataclass(frozen=True)
class StatusReading:
    """What :func:`parse_status` understood of one cell of status words."""

    marks: frozenset[Mark] = frozenset()
    leave_type: LeaveType | None = None
    unknown: tuple[str, ...] = ()
    """Fragments that are not status words, in order, for the importer to report."""
    late_minutes: int | None = None
    early_minutes: int | None = None
    leave_days: float | None = None
    """Leave stated in days ('年假1天', '事假半天'); ``None`` when not stated in days."""
    leave_hours: float | None = None
    """Leave stated in hours ('事假 4小时')."""

    @property
    def minutes(self) -> int | None:
        """The late minutes the words state, else the early-leave minutes, else ``None``."""
        return self.late_minutes if self.late_minutes is not None else self.early_minutes

    def days_of_leave(self, rules: AttendanceRules) -> float:
        """The leave this cell stands for, in days: as stated, hours converted, one day if unstated.

        A per-day cell describes one day, so more than one day ('请假3天', the approval's total) is
        capped at one.
        """
        if Mark.LEAVE not in self.marks:
            return 0.0
        if self.leave_days is not None:
            days = self.leave_days
        elif self.leave_hours is not None and rules.leave_hours_per_day > 0:
            days = self.leave_hours / rules.leave_hours_per_day
        else:
            days = 1.0
        return min(max(days, 0.0), 1.0)


_L = Mark.LEAVE
_WORDS: dict[str, tuple[frozenset[Mark], LeaveType | None]] = {}


def _word(marks: AbstractSet[Mark], leave_type: LeaveType | None, *words: str) -> None:
    for word in words:
        _WORDS[word] = (frozenset(marks), leave_type)


_word({Mark.NORMAL}, None, "正常", "正常打卡", "normal", "on time", "ok", "√", "✓", "✔")
_word({Mark.LATE}, None, "迟到", "迟", "late", "late in", "late arrival", "came late")
_word({Mark.LATE, Mark.SERIOUS_LATE}, None, "严重迟到", "seriously late", "serious late", "very late")
_word({Mark.EARLY}, None, "早退", "早", "early", "early leave", "leave early", "left early", "early out")
_word({Mark.MISSING}, None, "缺卡", "缺", "未打卡", "漏打卡", "缺勤打卡", "missing", "missing punch",
      "missed punch", "no punch", "not punched")  # fmt: skip
_word({Mark.MISSING_IN}, None, "上班缺卡", "上班未打卡", "上班漏打卡", "missing in", "missing clock-in",
      "missing clock in", "missing check-in", "missing check in", "no clock-in", "no clock in")  # fmt: skip
_word({Mark.MISSING_OUT}, None, "下班缺卡", "下班未打卡", "下班漏打卡", "missing out", "missing clock-out",
      "missing clock out", "missing check-out", "missing check out", "no clock-out", "no clock out")  # fmt: skip
_word({Mark.ABSENT}, None, "旷工", "旷", "缺勤", "absent", "absence", "absenteeism", "no show", "no-show")
_word({_L}, LeaveType.OTHER, "请假", "假", "leave", "on leave", "陪产假", "育儿假", "哺乳假", "探亲假",
      "工伤假", "护理假", "产检假", "公假", "paternity leave", "other leave")  # fmt: skip
_word({_L}, LeaveType.ANNUAL, "年假", "年休假", "带薪年假", "annual leave", "annual", "vacation")
_word({_L}, LeaveType.PERSONAL, "事假", "personal leave", "casual leave")
_word({_L}, LeaveType.SICK, "病假", "sick leave", "sick")
_word({_L}, LeaveType.COMPENSATORY, "调休", "调休假", "compensatory leave", "comp leave", "comp off",
      "time off in lieu", "day in lieu")  # fmt: skip
_word({_L}, LeaveType.MARRIAGE, "婚假", "marriage leave", "wedding leave")
_word({_L}, LeaveType.MATERNITY, "产假", "maternity leave")
_word({_L}, LeaveType.BEREAVEMENT, "丧假", "bereavement leave", "funeral leave")
_word({Mark.TRIP}, None, "出差", "差", "business trip", "trip", "travel", "on business trip")
_word({Mark.FIELD}, None, "外勤", "外勤打卡", "外", "field", "field work", "field punch", "field clock-in")
_word({Mark.OUT}, None, "外出", "out", "outing", "going out")
_word({Mark.REST}, None, "休息", "休", "休息日", "rest", "rest day", "day off", "off")
_word({Mark.OVERTIME}, None, "加班", "overtime")
_word({Mark.CORRECTED}, None, "补卡审批通过", "补卡", "已补卡", "补签", "补卡通过", "corrected",
      "punch corrected", "correction approved", "approved correction")  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    parts = []
    # Longest first, so '严重迟到' wins over '迟到' and 'early leave' over 'early' and 'leave'.
    for word in sorted(words, key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
        # English words must end at a word end: 'late' is not the start of 'later'.
        parts.append(escaped + r"(?![a-z])" if word[-1].isascii() and word[-1].isalpha() else escaped)
    return "|".join(parts)


_WORD_RE = re.compile(_alternation(_WORDS), re.IGNORECASE)
_SPELLINGS = [(re.compile(_alternation([word]), re.IGNORECASE), word) for word in _WORDS if " " in word or "-" in word]
_SEPARATOR_RE = re.compile(r"[\s,;，；、|/()\[\]{}【】<>:：=\-—_*#]+")
# Clock times in a status cell ('09:05 迟到', '次日 00:30') are the importer's business, not words.
_TIME_RE = re.compile(r"(?:次日|next\s+day|\+1)?\s*\d{1,2}:\d{2}(?::\d{2})?(?!\d)", re.IGNORECASE)
_DURATION_RE = re.compile(
    r"(?P<number>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>分钟|分|minutes?|mins?|m|小时|时|hours?|hrs?|h|天|日|days?|d|次|times?)(?![a-z])"
    r"|(?P<half>半天|半日|half[\s-]?day|上午|下午|am|pm)(?![a-z])",
    re.IGNORECASE,
)
_MINUTE_UNITS = {"分钟", "分", "minute", "minutes", "min", "mins", "m"}
_HOUR_UNITS = {"小时", "时", "hour", "hours", "hr", "hrs", "h"}
_DAY_UNITS = {"天", "日", "day", "days", "d"}


def _normalise(text: str) -> str:
    # NFKC folds full-width digits, letters, colons and brackets ('１２分钟', '（年假）') to ASCII.
    # Case is left alone so unknown fragments are reported as the user wrote them.
    return unicodedata.normalize("NFKC", text).strip()


def parse_status(text: str) -> StatusReading:
    """Read the status words of a DingTalk, WeCom, Feishu, ZKTeco or hand-made HR sheet cell.

    Chinese or English, several per cell separated by commas, semicolons, spaces, newlines or
    brackets, each word optionally followed by a duration: '迟到12分钟', '请假(年假)1天', '事假 4小时',
    '年假半天', 'Late 12 min'. Durations belong to the word before them: minutes (or hours) for
    迟到 and 早退, days or hours for leave; counts ('迟到1次') and durations of other words are
    ignored. A generic leave word together with a typed one ('请假(年假)') gives the typed one; with
    two typed ones the first wins. Clock times are skipped (the importer reads them); anything else
    is returned in ``unknown``. The one-letter symbols of our own ledger (迟 早 缺 旷 假 差 外 休 ✓)
    are read too, so an exported ledger imports again. '缺卡' without a side gives
    :attr:`Mark.MISSING`; an importer reading a 上班/下班 result column knows the side and should
    turn it into :attr:`Mark.MISSING_IN` or :attr:`Mark.MISSING_OUT`.
    """
    source = _normalise(text or "")
    marks: set[Mark] = set()
    leave_type: LeaveType | None = None
    unknown: list[str] = []
    late_minutes: int | None = None
    early_minutes: int | None = None
    leave_days: float | None = None
    leave_hours: float | None = None
    last_word: frozenset[Mark] | None = None  # what a following duration belongs to

    position, end = 0, len(source)
    while position < end:
        separator = _SEPARATOR_RE.match(source, position)
        if separator:
            position = separator.end()
            continue
        clock = _TIME_RE.match(source, position)
        if clock:
            position = clock.end()
            last_word = None
            continue
        word = _WORD_RE.match(source, position)
        if word and _starts_word(source, position):
            word_marks, word_leave = _WORDS[_canonical(word.group().casefold())]
            marks |= word_marks
            if word_leave is not None and (leave_type in (None, LeaveType.OTHER)):
                leave_type = word_leave
            last_word = word_marks
            position = word.end()
            continue
        duration = _DURATION_RE.match(source, position)
        if duration and last_word is not None and _starts_word(source, position):
            position = duration.end()
            minutes, days, hours = _duration(duration)
            if Mark.LATE in last_word and minutes is not None:
                late_minutes = (late_minutes or 0) + minutes
            elif Mark.EARLY in last_word and minutes is not None:
                early_minutes = (early_minutes or 0) + minutes
            elif Mark.LEAVE in last_word:
                if days is not None:
                    leave_days = (leave_days or 0.0) + days
                elif hours is not None:
                    leave_hours = (leave_hours or 0.0) + hours
            continue
        # Not a word: gather the fragment up to the next separator or known word, so '迟到abc'
        # reports 'abc' and 'xyz迟到' still reads 迟到.
        start = position
        position += 1
        while position < end and not _SEPARATOR_RE.match(source, position):
            if _starts_word(source, position) and (
                _WORD_RE.match(source, position) or _TIME_RE.match(source, position)
            ):
                break
            position += 1
        unknown.append(source[start:position])
        last_word = None

    return StatusReading(
        marks=frozenset(marks),
        leave_type=leave_type if Mark.LEAVE in marks else None,
        unknown=tuple(unknown),
        late_minutes=late_minutes,
        early_minutes=early_minutes,
        leave_days=leave_days,
        leave_hours=leave_hours,
    )


def _starts_word(source: str, position: int) -> bool:
    # Inside an English word ('xlate') nothing starts; Chinese has no word boundaries to respect.
    if position == 0:
        return True
    before, here = source[position - 1], source[position]
    return not (before.isascii() and before.isalnum() and here.isascii() and here.isalpha())


def _canonical(matched: str) -> str:
    if matched in _WORDS:
        return matched
    # The pattern accepts any run of spaces, and a space or nothing for a hyphen ('clock in').
    for pattern, word in _SPELLINGS:
        if pattern.fullmatch(matched):
            return word
    raise KeyError(matched)  # pragma: no cover - the alternation only matches listed words


def _duration(match: re.Match[str]) -> tuple[int | None, float | None, float | None]:
    """(minutes, days, hours) of a duration; minutes also for hours, for lateness in hours."""
    if match.group("half"):
        return None, 0.5, None
    number = float(match.group("number"))
    unit = match.group("unit").casefold()
    if unit in _MINUTE_UNITS:
        return round(number), None, None
    if unit in _HOUR_UNITS:
        return round(number * 60), None, number
    if unit in _DAY_UNITS:
        return None, number, None
    return None, None, None  # a count (次): nothing to add


# --------------------------------------------------------------------------- one person-day


class Symbol(enum.StrEnum):
    """The ledger cell's code; the UI draws it (✓ 迟 早 缺 旷 假 差 外 休, holidays shaded)."""

    NORMAL = "normal"
    LATE = "late"
    EARLY = "early"
    MISSING = "missing"
    ABSENT = "absent"
    LEAVE = "leave"
    TRIP = "trip"
    FIELD = "field"
    REST = "rest"
    HOLIDAY = "holiday"


@dataclass(frozen=True)
class PersonDay:
    """One person's attendance record for one day (a person-day), as imported or entered.

    ``punches`` are the day's shift punches; an out punch after midnight (次日 00:30) is dated
    ``day + 1``. They are kept sorted. ``late_minutes``/``early_minutes`` are the minutes the
    file's words state, used only when there are no punch times. ``entered_manually`` is carried
    for the audit trail; evaluation treats manual and imported days alike.
    """

    day: date
    punches: Sequence[datetime] = ()
    marks: AbstractSet[Mark] = frozenset()
    leave_type: LeaveType | None = None
    leave_days: float = 0.0
    entered_manually: bool = False
    late_minutes: int | None = None
    early_minutes: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "punches", tuple(sorted(self.punches)))
        object.__setattr__(self, "marks", frozenset(self.marks))


@dataclass(frozen=True)
class DayResult:
    """The rules applied to one person-day."""

    day: date
    working_day: bool
    present: bool
    """Attended a working day: a punch, or a word saying they clocked in. False on rest days."""
    late: bool = False
    late_minutes: int = 0
    serious_late: bool = False
    early: bool = False
    early_minutes: int = 0
    missing_punches: int = 0
    """缺卡: 0, 1 or 2; ``missing_in``/``missing_out`` say which side when known."""
    missing_in: bool = False
    missing_out: bool = False
    absent: bool = False
    leave_type: LeaveType | None = None
    leave_days: float = 0.0
    trip: bool = False
    field: bool = False
    out: bool = False
    rest: bool = False
    """A rest day or holiday, or a working day the file marks 休息."""
    overtime: bool = False
    symbol: Symbol = Symbol.NORMAL
    punches: tuple[datetime, ...] = ()


_MIDNIGHT = time(0)
_ONE_US = timedelta(microseconds=1)
_US_PER_S = 1_000_000
_US_PER_MIN = 60 * _US_PER_S

# Words that say the person clocked in on the day, when the file has no punch times.
_PRESENT_MARKS = frozenset(
    {Mark.NORMAL, Mark.LATE, Mark.SERIOUS_LATE, Mark.EARLY, Mark.FIELD, Mark.CORRECTED, Mark.OVERTIME}
)


class _MarkFlags(NamedTuple):
    """What a day's marks say."""

    leave: bool
    trip: bool
    field: bool
    out: bool
    rest: bool
    overtime: bool
    corrected: bool
    late: bool
    serious_late: bool
    early: bool
    missing_in: bool
    missing_out: bool
    missing: bool
    absent: bool
    present: bool
    """Words that say the person clocked in, when the day has no punch times."""

    @classmethod
    def of(cls, marks: frozenset[Mark]) -> _MarkFlags:
        flags = _FLAGS.get(marks)
        if flags is None:
            flags = _FLAGS[marks] = cls._of(marks)
        return flags

    @classmethod
    def _of(cls, marks: frozenset[Mark]) -> _MarkFlags:
        return cls(
            leave=Mark.LEAVE in marks,
            trip=Mark.TRIP in marks,
            field=Mark.FIELD in marks,
            out=Mark.OUT in marks,
            rest=Mark.REST in marks,
            overtime=Mark.OVERTIME in marks,
            corrected=Mark.CORRECTED in marks,
            late=Mark.LATE in marks or Mark.SERIOUS_LATE in marks,
            serious_late=Mark.SERIOUS_LATE in marks,
            early=Mark.EARLY in marks,
            missing_in=Mark.MISSING_IN in marks,
            missing_out=Mark.MISSING_OUT in marks,
            missing=Mark.MISSING in marks,
            absent=Mark.ABSENT in marks,
            present=bool(marks & _PRESENT_MARKS),
        )


_FLAGS: dict[frozenset[Mark], _MarkFlags] = {}
"""What each set of marks says: a handful of sets recur in every month."""


def evaluate_day(pd: PersonDay, calendar: WorkCalendar, rules: AttendanceRules) -> DayResult:
    """Apply the rules to one person-day; never raises for odd input (see the module docstring)."""
    return DayEvaluator(calendar, rules).person_day(pd)


class DayEvaluator:
    """:func:`evaluate_day` for the many person-days of a ledger, under one calendar and one set of
    rules: a month of a large sales force is tens of thousands of person-days, so the rules' clock
    times are turned into minutes once and each date's calendar answer is kept."""

    def __init__(self, calendar: WorkCalendar, rules: AttendanceRules) -> None:
        self.calendar, self.rules = calendar, rules
        self._start = rules.shift_start.hour * 60 + rules.shift_start.minute
        self._end = rules.shift_end.hour * 60 + rules.shift_end.minute
        midpoint = rules.shift_midpoint
        self._midpoint_us = ((midpoint.hour * 60 + midpoint.minute) * 60 + midpoint.second) * _US_PER_S
        self._repeat_us = rules.repeat_punch_minutes * 60 * _US_PER_S
        self._rest_symbols: dict[date, Symbol | None] = {}
        """Per date: None for a working day, else the symbol of the rest day or holiday."""
        self._outcomes: dict[tuple[object, ...], dict[str, object]] = {}
        self._ids: dict[tuple[object, ...], int] = {}
        """:meth:`outcome_ids`' numbering: (rest symbol, status text, punched, in, out) → index."""
        self._numbered: list[dict[str, object]] = []

    def person_day(self, pd: PersonDay) -> DayResult:
        """The rules applied to ``pd``: :func:`evaluate_day`."""
        return self._evaluate(
            pd.day,
            tuple(sorted(pd.punches)),
            frozenset(pd.marks),
            pd.leave_type,
            pd.leave_days,
            pd.late_minutes,
            pd.early_minutes,
        )

    def stored_day(self, day: date, punches: Sequence[datetime], status_text: str) -> DayResult:
        """The rules applied to a day's punch times and status words: the same result as
        ``evaluate_day(person_day_from_words(day, punches, status_text, rules)[0], calendar, rules)``
        without building the :class:`PersonDay`."""
        reading = _cached_status(status_text)
        return self._evaluate(
            day,
            tuple(sorted(punches)),
            reading.marks,
            reading.leave_type,
            reading.days_of_leave(self.rules) if reading.marks else 0.0,
            reading.late_minutes,
            reading.early_minutes,
        )

    def _rest_symbol(self, day: date) -> Symbol | None:
        if day not in self._rest_symbols:
            calendar = self.calendar
            if calendar.is_working_day(day):
                self._rest_symbols[day] = None
            else:
                holiday = calendar.holiday_name(day) is not None or day.weekday() not in self.rules.weekend_days
                self._rest_symbols[day] = Symbol.HOLIDAY if holiday else Symbol.REST
        return self._rest_symbols[day]

    def _evaluate(
        self,
        day: date,
        punches: tuple[datetime, ...],
        marks: frozenset[Mark],
        leave_type: LeaveType | None,
        stated_leave: float,
        words_late: int | None,
        words_early: int | None,
    ) -> DayResult:
        rest_symbol = self._rest_symbol(day)
        in_clock = out_clock = None
        if punches and rest_symbol is None:
            midnight = datetime.combine(day, _MIDNIGHT)
            in_clock, out_clock = self.clocks((punches[0] - midnight) // _ONE_US, (punches[-1] - midnight) // _ONE_US)
        outcome = self._cached_outcome(
            rest_symbol, marks, leave_type, stated_leave, words_late, words_early, bool(punches), in_clock, out_clock
        )
        fields = outcome.copy()  # a copy of the table: cheaper than a new dictionary of 21 names
        fields["day"], fields["punches"] = day, punches
        return _day_result(fields)

    def _cached_outcome(self, *key: object) -> dict[str, object]:
        # A month repeats the same outcome endlessly (on time at 08:52 and out at 18:05 with no
        # words): each distinct one is worked out once.
        outcome = self._outcomes.get(key)
        if outcome is None:
            outcome = self._outcomes[key] = self._outcome(*key)  # type: ignore[arg-type]
        return outcome

    def clocks(self, first_us: int, last_us: int) -> tuple[int | None, int | None]:
        """The in and out clock of a working day with punches, in whole minutes on the clock from
        the day's midnight (seconds dropped; past midnight for a 次日 punch), ``None`` for the
        missing side: all the rules need of the punches.  An in punch before the shift starts
        counts as the start, an out punch after it ends as the end: the rules tell them apart no
        further, and a month's days then share a few hundred distinct outcomes.

        ``first_us`` and ``last_us`` are the day's first and last punch in microseconds from its
        midnight.  Punches further apart than ``repeat_punch_minutes`` are the in and the out; a
        lone (or repeated) punch is the in punch before the shift midpoint, else the out punch.
        """
        if last_us - first_us > self._repeat_us:
            return max(first_us // _US_PER_MIN, self._start), min(last_us // _US_PER_MIN, self._end)
        if first_us < self._midpoint_us:
            return max(first_us // _US_PER_MIN, self._start), None
        return None, min(last_us // _US_PER_MIN, self._end)

    def outcome_ids(
        self,
        days: Iterable[date],
        firsts: Iterable[int | None],
        lasts: Iterable[int | None],
        statuses: Iterable[str],
    ) -> list[int]:
        """The outcome of each of many days given as columns, as an index into
        :meth:`outcome_figures`: the rules of :meth:`stored_day` for the day, its first and last
        punch in microseconds from the day's midnight (``None`` for a day without punches) and its
        status words.

        This is the import's and the ledger's evaluation of a month of a large sales force: no
        object per day, and each distinct outcome worked out once.
        """
        ids, known_rest, rest_symbol, clocks = self._ids, self._rest_symbols, self._rest_symbol, self.clocks
        numbered: list[int] = []
        append = numbered.append
        for day, first, last, status in zip(days, firsts, lasts, statuses, strict=True):
            rest = known_rest[day] if day in known_rest else rest_symbol(day)
            if first is None or last is None:
                key: tuple[object, ...] = (rest, status, False, None, None)
            elif rest is None:
                key = (rest, status, True, *clocks(first, last))
            else:
                key = (rest, status, True, None, None)
            index = ids.get(key)
            if index is None:
                index = self._number(key)
            append(index)
        return numbered

    def _number(self, key: tuple[object, ...]) -> int:
        rest, status, punched, in_clock, out_clock = key
        reading = _cached_status(str(status))
        outcome = self._cached_outcome(
            rest,
            reading.marks,
            reading.leave_type,
            reading.days_of_leave(self.rules) if reading.marks else 0.0,
            reading.late_minutes,
            reading.early_minutes,
            punched,
            in_clock,
            out_clock,
        )
        index = self._ids[key] = len(self._numbered)
        self._numbered.append(outcome)
        return index

    def result_of(self, index: int, day: date, punches: tuple[datetime, ...]) -> DayResult:
        """The :class:`DayResult` of ``day`` with its (sorted) ``punches``, judged by
        :meth:`outcome_ids` as outcome ``index``."""
        fields = self._numbered[index].copy()
        fields["day"], fields["punches"] = day, punches
        return _day_result(fields)

    def outcome_figures(self) -> list[DayFigures]:
        """What each outcome of :meth:`outcome_ids` adds to its month, by index."""
        return [_figures(outcome) for outcome in self._numbered]

    def _outcome(
        self,
        rest_symbol: Symbol | None,
        marks: frozenset[Mark],
        leave_type: LeaveType | None,
        stated_leave: float,
        words_late: int | None,
        words_early: int | None,
        punched: bool,
        in_clock: int | None,
        out_clock: int | None,
    ) -> dict[str, object]:
        """Every field of the day's :class:`DayResult` but its day and punches."""
        flags = _MarkFlags.of(marks)
        if rest_symbol is not None:
            # 加班: any work on a rest day is overtime and nothing else is judged.
            return _outcome_fields(
                False, False, False, 0, False, False, 0, 0, False, False, False, None, 0.0,
                False, False, False, True, punched or flags.overtime, rest_symbol,
            )  # fmt: skip

        rules = self.rules
        stated_leave = stated_leave if math.isfinite(stated_leave) else 0.0
        has_leave = flags.leave or leave_type is not None or stated_leave > 0
        # A leave word without a duration is a whole day; one day is the most a day can hold.
        leave_days = (min(stated_leave, 1.0) if stated_leave > 0 else 1.0) if has_leave else 0.0
        leave_type = (leave_type or LeaveType.OTHER) if has_leave else None
        trip, field_work, out, rest = flags.trip, flags.field, flags.out, flags.rest
        excused = has_leave or trip or out

        late_minutes = early_minutes = missing = 0
        late = serious = early = absent = missing_in = missing_out = False
        if punched:
            present = True
            if not excused:
                missing_in, missing_out = in_clock is None, out_clock is None
                missing = int(missing_in) + int(missing_out)
                if in_clock is not None:
                    late_minutes = max(in_clock - self._start, 0)
                    late = late_minutes > rules.grace_minutes
                    late_minutes = late_minutes if late else 0
                    serious = late and late_minutes >= rules.serious_late_minutes
                if out_clock is not None:
                    early_minutes = max(self._end - out_clock, 0)
                    early = early_minutes > 0
        else:
            # Only words: taken as written.
            late = flags.late
            late_minutes = max(words_late or 0, 0) if late else 0
            serious = late and (flags.serious_late or late_minutes >= rules.serious_late_minutes)
            early = flags.early
            early_minutes = max(words_early or 0, 0) if early else 0
            missing_in, missing_out = flags.missing_in, flags.missing_out
            missing = (int(missing_in) + int(missing_out)) or int(flags.missing)
            # One missing side means the other side was punched; two mean neither was.
            present = flags.present or missing == 1
            absent = flags.absent or (
                not marks and not has_leave  # nothing at all on a working day: 旷工
            )
        if flags.corrected:
            # 补卡审批通过: the missing punch was approved afterwards.
            missing, missing_in, missing_out = 0, False, False

        if absent:
            symbol = Symbol.ABSENT
        elif missing:
            symbol = Symbol.MISSING
        elif late:
            symbol = Symbol.LATE
        elif early:
            symbol = Symbol.EARLY
        elif has_leave:
            symbol = Symbol.LEAVE
        elif trip:
            symbol = Symbol.TRIP
        elif field_work or out:
            symbol = Symbol.FIELD  # 外出 shares the 外 symbol with 外勤
        elif rest and not present:
            symbol = Symbol.REST
        else:
            symbol = Symbol.NORMAL

        return _outcome_fields(
            True, present, late, late_minutes, serious, early, early_minutes, min(missing, 2), missing_in,
            missing_out, absent, leave_type, leave_days, trip, field_work, out, rest, flags.overtime, symbol,
        )  # fmt: skip


def _outcome_fields(
    working_day: bool, present: bool, late: bool, late_minutes: int, serious_late: bool, early: bool,
    early_minutes: int, missing_punches: int, missing_in: bool, missing_out: bool, absent: bool,
    leave_type: LeaveType | None, leave_days: float, trip: bool, field: bool, out: bool, rest: bool,
    overtime: bool, symbol: Symbol,
) -> dict[str, object]:  # fmt: skip
    """The fields of a :class:`DayResult` between its day and its punches, by name."""
    return {
        "working_day": working_day, "present": present, "late": late, "late_minutes": late_minutes,
        "serious_late": serious_late, "early": early, "early_minutes": early_minutes,
        "missing_punches": missing_punches, "missing_in": missing_in, "missing_out": missing_out, "absent": absent,
        "leave_type": leave_type, "leave_days": leave_days, "trip": trip, "field": field, "out": out, "rest": rest,
        "overtime": overtime, "symbol": symbol,
    }  # fmt: skip


_new_object = object.__new__
_set_attribute = object.__setattr__


def _day_result(fields: dict[str, object]) -> DayResult:
    """A :class:`DayResult` of ``fields`` (all of them, by name).

    The frozen dataclass's ``__init__`` sets its 21 fields with one ``object.__setattr__`` each,
    the largest cost of a month's ledger; giving the instance its dictionary at once makes the same
    object (``test_fast_day_results_are_ordinary_day_results`` holds the two together).
    """
    result = _new_object(DayResult)
    _set_attribute(result, "__dict__", fields)
    return result


# --------------------------------------------------------------------------- the month


@dataclass(frozen=True)
class MonthSummary:
    """One person's month: the ledger's summary columns and the headless report's figures.

    Counts are of working days; ``late_minutes``/``early_leave_minutes`` are totals.
    """

    year: int
    month: int
    workdays: int
    present_days: int = 0
    late_count: int = 0
    late_minutes: int = 0
    serious_late_count: int = 0
    early_leave_count: int = 0
    early_leave_minutes: int = 0
    missing_punches: int = 0
    absent_days: int = 0
    leave_days: float = 0.0
    leave_days_by_type: dict[LeaveType, float] = dataclasses.field(default_factory=dict)
    trip_days: int = 0
    field_days: int = 0
    flagged: bool = False
    """Late ``rules.late_flag_count`` times or more: for the manager's attention."""

    def report_fields(self) -> dict[str, int | float]:
        """The figures of ``report attendance --json``, in its order (employee fields excluded)."""
        return {
            "workdays": self.workdays,
            "present_days": self.present_days,
            "late_count": self.late_count,
            "late_minutes": self.late_minutes,
            "early_leave_count": self.early_leave_count,
            "early_leave_minutes": self.early_leave_minutes,
            "missing_punches": self.missing_punches,
            "absent_days": self.absent_days,
            "leave_days": self.leave_days,
            "trip_days": self.trip_days,
            "field_days": self.field_days,
        }


class DayFigures(NamedTuple):
    """What one evaluated day adds to its person's month (:func:`day_figures`), or those figures
    added up over the month (:func:`month_summary`).  A day that is not a working day adds
    nothing."""

    working: int
    present: int
    late: int
    late_minutes: int
    serious_late: int
    early: int
    early_minutes: int
    missing_punches: int
    absent: int
    trip: int
    field: int
    """Field work (外勤) and approved outings (外出): both are work away from the office."""
    leave_days: float
    leave_type: LeaveType | None
    """Of a day with leave; ``None`` in a sum (leave by type is added up apart)."""


NO_DAYS = DayFigures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0.0, None)
"""What a day that is not a working day adds; a month without a record."""


def day_figures(result: DayResult) -> DayFigures:
    """What ``result`` adds to its month's :class:`MonthSummary`."""
    return _figures(result.__dict__)


def _figures(fields: Mapping[str, object]) -> DayFigures:
    """:func:`day_figures` of a day result's fields (an outcome of the evaluator's table)."""
    result = cast(Mapping[str, Any], fields)
    if not result["working_day"]:
        return NO_DAYS
    late, early = result["late"], result["early"]
    leave_days = result["leave_days"] if result["leave_days"] > 0 else 0.0
    return DayFigures(
        working=1,
        present=int(result["present"]),
        late=int(late),
        late_minutes=result["late_minutes"] if late else 0,
        serious_late=int(result["serious_late"]),
        early=int(early),
        early_minutes=result["early_minutes"] if early else 0,
        missing_punches=result["missing_punches"],
        absent=int(result["absent"]),
        trip=int(result["trip"]),
        field=int(result["field"] or result["out"]),
        leave_days=leave_days,
        leave_type=(result["leave_type"] or LeaveType.OTHER) if leave_days else None,
    )


def summarise_month(
    results: Iterable[DayResult],
    year: int,
    month: int,
    calendar: WorkCalendar,
    rules: AttendanceRules,
    *,
    missing_days_absent: bool = True,
) -> MonthSummary:
    """Add up one person's evaluated days of one month.

    Results outside the month are ignored; of two results for the same day the later wins.
    ``workdays`` is the calendar's count for the month. A working day with no result at all is
    counted absent (旷工) when ``missing_days_absent`` is true (the default: HR exports list every
    day, so a gap is a day nobody saw the person); pass false for a month still in progress or a
    file known to cover only part of it. 外出 days are counted with field days (both are work away
    from the office).
    """
    by_day: dict[date, DayResult] = {}
    for result in results:
        if result.day.year == year and result.day.month == month:
            by_day[result.day] = result
    figures = [day_figures(result) for result in by_day.values()]
    leave_by_type: dict[LeaveType, float] = {}
    for day in figures:
        if day.leave_type is not None:
            leave_by_type[day.leave_type] = leave_by_type.get(day.leave_type, 0.0) + day.leave_days
    sums = [sum(column) for column in zip(*(day[1:-1] for day in figures), strict=True)] if figures else [0] * 11
    present, late, late_minutes, serious, early, early_minutes, missing, absent, trips, fields, leave = sums
    recorded = sum(1 for day in calendar.working_days(year, month) if day in by_day)
    totals = DayFigures(
        recorded, present, late, late_minutes, serious, early, early_minutes, missing, absent, trips, fields,
        float(leave), None,
    )  # fmt: skip
    return month_summary(year, month, calendar, rules, totals, leave_by_type, missing_days_absent=missing_days_absent)


_LEAVE_DIGITS = 6


def month_summary(
    year: int,
    month: int,
    calendar: WorkCalendar,
    rules: AttendanceRules,
    totals: DayFigures,
    leave_by_type: Mapping[LeaveType, float],
    *,
    missing_days_absent: bool = True,
) -> MonthSummary:
    """One person's :class:`MonthSummary` from their days' :func:`day_figures` added up:
    :func:`summarise_month` of days already evaluated and summed (``totals.working`` is the number
    of the month's working days that have a record; ``totals.leave_days`` all leave, and
    ``leave_by_type`` the same by type)."""
    workdays = len(calendar.working_days(year, month))
    absent = totals.absent + (max(workdays - totals.working, 0) if missing_days_absent else 0)
    return MonthSummary(
        year=year,
        month=month,
        workdays=workdays,
        present_days=totals.present,
        late_count=totals.late,
        late_minutes=totals.late_minutes,
        serious_late_count=totals.serious_late,
        early_leave_count=totals.early,
        early_leave_minutes=totals.early_minutes,
        missing_punches=totals.missing_punches,
        absent_days=absent,
        # Leave in tenths of a day or in hours adds up to the same days in any order only rounded:
        # 10 × 0.1 is 0.9999999999999999 one way and 1.0 another.
        leave_days=round(totals.leave_days, _LEAVE_DIGITS),
        leave_days_by_type={kind: round(days, _LEAVE_DIGITS) for kind, days in leave_by_type.items()},
        trip_days=totals.trip,
        field_days=totals.field,
        flagged=totals.late >= rules.late_flag_count,
    )


# --------------------------------------------------------------------------- building person-days


@lru_cache(maxsize=4096)
def _cached_status(text: str) -> StatusReading:
    """Status cells repeat endlessly in a month's export ('正常', '迟到', ''): read each text once."""
    return parse_status(text)


def person_day_from_words(
    day: date,
    punches: Sequence[datetime],
    status_text: str,
    rules: AttendanceRules,
    *,
    entered_manually: bool = False,
) -> tuple[PersonDay, tuple[str, ...]]:
    """A :class:`PersonDay` from punch times and the status words of a sheet (or a correction),
    with the words it did not understand (for the importer to report)."""
    reading = _cached_status(status_text)
    return (
        PersonDay(
            day=day,
            punches=punches,
            marks=reading.marks,
            leave_type=reading.leave_type,
            leave_days=reading.days_of_leave(rules),
            entered_manually=entered_manually,
            late_minutes=reading.late_minutes,
            early_minutes=reading.early_minutes,
        ),
        reading.unknown,
    )
