"""Reading dates and clock times out of spreadsheet cells the way HR exports write them.

Pure functions, no file access: an importer hands over a cell value as calamine returned it
(``str``, ``int``/``float``, ``date``, ``datetime``, ``time`` or ``None``) and gets a value back
or a :class:`CellError` carrying a reason code it can put in front of the user with the cell's
place.  Blank cells are not errors: :func:`parse_date` and :func:`parse_datetime` return
``None`` for them, :func:`parse_times` an empty list.

What is understood:

* **Dates** — Excel serial numbers (also when stored as text), ``date``/``datetime`` objects,
  ``2026/10/3``, ``2026-10-03``, ``2026.10.03``, ``2026年10月3日``, ``20261003``, two-digit years
  (``26-10-03`` is 2026; 69-99 are the 1900s), ``10/03/2026`` (month first, unless the first number cannot be a
  month), and, given a default year, ``10月3日``, ``10-03``, ``10/03``, ``10.3``.  Weekday words
  anywhere (``星期五``, ``周五``, ``(五)``, ``Fri``, ``Friday``) and a trailing clock time are
  ignored.
* **Times** — ``08:57``, ``8:57:12``, ``9:05 AM``, ``下午 6:02``, ``次日 00:30`` / ``次日00:30`` /
  ``00:30(次日)`` / ``+1 00:30`` (``next_day``), ``24:00`` (midnight, next day), several in one cell
  separated by newlines, spaces, commas, semicolons or ``、``; Excel day fractions (``0.375`` is
  09:00, also as text) and ``time``/``datetime`` objects.

Full-width digits, colons and separators (``０８：５７``, ``２０２６／１０／３``) are folded by NFKC
first, and the dash look-alikes (``—``, ``–``, ``−``) count as ``-``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

BAD_DATE = "bad_date"
"""The value is not a date, or names a day that does not exist (``2026-13-45``)."""
NO_YEAR = "no_year"
"""A date without a year (``10月3日``) and no default year to complete it."""
BAD_TIME = "bad_time"
"""The value is not one or more clock times, or names an impossible one (``25:61``)."""
NO_TIME = "no_time"
"""A date where a date and time of day were expected."""

_EXCEL_EPOCH = datetime(1899, 12, 30)
# Serial numbers taken for dates: 1970-01-01 .. 2099-12-31.  Smaller numbers in a date column
# are far likelier to be counts, codes or hours than dates from before 1970.
_SERIAL_MIN = 25569
_SERIAL_MAX = 73051


class CellError(ValueError):
    """A cell that does not hold what was expected; ``reason`` is one of the codes above."""

    def __init__(self, reason: str, value: object) -> None:
        super().__init__(f"{reason}: {value!r}")
        self.reason = reason
        self.value = value


@dataclass(frozen=True)
class ParsedTime:
    """A clock time read from a cell; ``next_day`` when the cell marks it as after midnight (次日)."""

    time: time
    next_day: bool = False


# --------------------------------------------------------------------------- text


_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−﹣", "-"))


def _fold(text: str) -> str:
    """NFKC (full-width digits, colons, slashes, spaces to ASCII) and one kind of dash."""
    return unicodedata.normalize("NFKC", text).translate(_DASHES).strip()


def _as_float(number: int | float) -> float:
    try:
        return float(number)
    except OverflowError:  # an int too large for a float is no date or time either
        return math.inf


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# --------------------------------------------------------------------------- dates


_WEEKDAY_RE = re.compile(
    r"(?:星期|礼拜|周)[一二三四五六日天1-7]"
    r"|\((?:星期|周)?[一二三四五六日天]\)"
    r"|\b(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\b\.?",
    re.IGNORECASE,
)
_TRAILING_TIME_RE = re.compile(r"(?:\s+|T|(?<=[日号]))\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$")
_Y = r"(?P<y>\d{4})"
_M = r"(?P<m>\d{1,2})"
_D = r"(?P<d>\d{1,2})"
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_Y}\s*[-/.年]\s*{_M}\s*[-/.月]\s*{_D}\s*[日号]?"), "ymd"),
    (re.compile(rf"(?P<y>\d{{2}})[-/.]{_M}[-/.]{_D}"), "yymd"),
    (re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})"), "abY"),
    (re.compile(rf"{_M}\s*月\s*{_D}\s*[日号]?"), "md"),
    (re.compile(rf"{_M}[-/.]{_D}"), "md"),
    (re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"), "ymd"),
]
# Longer text is a note, not a date; the cap also keeps the patterns' backtracking short.
_LONGEST_DATE = 60
_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
_EIGHT_DIGITS_RE = re.compile(r"\d{8}")
_MONTH_DOT_DAY_RE = re.compile(r"\d{1,2}\.\d{1,2}")


def parse_date(value: object, default_year: int | None = None) -> date | None:
    """The date in a cell, ``None`` for a blank one.

    ``default_year`` completes dates written without a year (``10月3日``, ``10-03``); a year in
    the cell always wins.  Raises :class:`CellError` (``bad_date`` or ``no_year``) otherwise.
    """
    if _is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise CellError(BAD_DATE, value)
    if isinstance(value, int | float):
        return _date_of_number(_as_float(value), value)
    if not isinstance(value, str):
        raise CellError(BAD_DATE, value)
    text = _fold(value)
    if len(text) > _LONGEST_DATE:
        raise CellError(BAD_DATE, value)
    text = _WEEKDAY_RE.sub(" ", text)
    text = text.strip(" \t\r\n,，()[]")
    text = _TRAILING_TIME_RE.sub("", text).strip()
    if _MONTH_DOT_DAY_RE.fullmatch(text) and default_year is not None:
        pass  # '10.3' with a year to complete it is October 3rd, not serial number 10.3
    elif _NUMBER_RE.fullmatch(text) and not _EIGHT_DIGITS_RE.fullmatch(text):
        return _date_of_number(float(text), value)
    for pattern, kind in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        groups = match.groupdict()
        if kind == "abY":
            a, b = int(groups["a"]), int(groups["b"])
            month, day = (b, a) if a > 12 else (a, b)
            return _make_date(int(groups["y"]), month, day, value)
        if kind == "md":
            if default_year is None:
                raise CellError(NO_YEAR, value)
            return _make_date(default_year, int(groups["m"]), int(groups["d"]), value)
        year = int(groups["y"])
        if kind == "yymd":  # the POSIX pivot, as strptime's %y: 69-99 are 1900s, 00-68 2000s
            year += 1900 if year >= 69 else 2000
        return _make_date(year, int(groups["m"]), int(groups["d"]), value)
    raise CellError(BAD_DATE, value)


def _make_date(year: int, month: int, day: int, value: object) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(BAD_DATE, value) from None


def _date_of_number(number: float, value: object) -> date:
    if not math.isfinite(number):
        raise CellError(BAD_DATE, value)
    if number.is_integer() and 19700101 <= number <= 20991231:  # 20261003 typed as a number
        digits = str(int(number))
        return _make_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]), value)
    if not _SERIAL_MIN <= number < _SERIAL_MAX + 1:
        raise CellError(BAD_DATE, value)
    return (_EXCEL_EPOCH + timedelta(days=math.floor(number))).date()


def excel_serial(day: date) -> int:
    """The Excel serial number of ``day`` (1900 date system): 2026-10-03 -> 46298."""
    return (day - _EXCEL_EPOCH.date()).days


# --------------------------------------------------------------------------- times


_NEXT_DAY = r"次日|翌日|第二天|隔天|\+1|next\s*day"
_TIME_TOKEN_RE = re.compile(
    rf"(?P<pre>{_NEXT_DAY})?\s*(?P<half>上午|下午|晚上|中午|凌晨)?\s*"
    r"(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![a-z]))?"
    rf"(?:\s*\((?P<post>{_NEXT_DAY})\))?",
    re.IGNORECASE,
)
_TIME_SEPARATORS_RE = re.compile(r"[\s,;、|/~-]*")


def parse_times(value: object) -> list[ParsedTime]:
    """The clock times in a cell, in the order written; ``[]`` for a blank cell.

    Raises :class:`CellError` (``bad_time``) when the cell holds anything but times and
    separators, or an impossible time.  A ``datetime`` gives its time of day; callers that
    need its date use :func:`parse_datetime`.
    """
    if _is_blank(value):
        return []
    if isinstance(value, datetime):
        return [ParsedTime(_whole_seconds(value.time()))]
    if isinstance(value, time):
        return [ParsedTime(_whole_seconds(value))]
    if isinstance(value, bool) or isinstance(value, date):
        raise CellError(BAD_TIME, value)
    if isinstance(value, int | float):
        return [_time_of_fraction(_as_float(value), value)]
    if not isinstance(value, str):
        raise CellError(BAD_TIME, value)
    text = _fold(value)
    if _NUMBER_RE.fullmatch(text):  # a day fraction stored as text
        return [_time_of_fraction(float(text), value)]
    times: list[ParsedTime] = []
    position = 0
    for match in _TIME_TOKEN_RE.finditer(text):
        if not _TIME_SEPARATORS_RE.fullmatch(text, position, match.start()):
            raise CellError(BAD_TIME, value)
        times.append(_time_of_token(match, value))
        position = match.end()
    if not times or not _TIME_SEPARATORS_RE.fullmatch(text, position):
        raise CellError(BAD_TIME, value)
    return times


def find_times(text: str) -> tuple[list[ParsedTime], str]:
    """The clock times inside free text (``'09:12 迟到'``, ``'正常(09:01-18:03)'``) and the text left
    once they are taken out, with separators at its ends trimmed: ``([09:12], '迟到')``.

    Raises :class:`CellError` (``bad_time``) when a time in it is impossible (``'25:61 迟到'``).
    """
    folded = _fold(text)
    times: list[ParsedTime] = []
    rest: list[str] = []
    position = 0
    for match in _TIME_TOKEN_RE.finditer(folded):
        times.append(_time_of_token(match, text))
        rest.append(folded[position : match.start()])
        position = match.end()
    rest.append(folded[position:])
    left = " ".join(part.strip(" \t\r\n,;、|/~-()") for part in rest)
    return times, " ".join(left.split())


def _time_of_token(match: re.Match[str], value: object) -> ParsedTime:
    hour, minute = int(match["h"]), int(match["m"])
    second = int(match["s"]) if match["s"] else 0
    next_day = bool(match["pre"] or match["post"])
    marker = (match["ampm"] or "").replace(".", "").lower()
    half = match["half"]
    if marker:
        if not 1 <= hour <= 12:
            raise CellError(BAD_TIME, value)
        hour = hour % 12 + (12 if marker == "pm" else 0)
    elif half and hour <= 12:  # '下午 18:02' is already on the 24-hour clock
        afternoon = half in ("下午", "晚上") or (half == "中午" and (hour == 12 or hour < 11))
        hour = hour % 12 + (12 if afternoon else 0)
    if hour == 24 and minute == 0 and second == 0:
        return ParsedTime(time(0, 0), next_day=True)
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(BAD_TIME, value)
    return ParsedTime(time(hour, minute, second), next_day)


def _time_of_fraction(number: float, value: object) -> ParsedTime:
    if not math.isfinite(number) or not 0 <= number < 1:
        raise CellError(BAD_TIME, value)
    seconds = min(round(number * 86400), 86399)
    return ParsedTime(time(seconds // 3600, seconds // 60 % 60, seconds % 60))


def _whole_seconds(moment: time) -> time:
    return moment.replace(microsecond=0, tzinfo=None)


# --------------------------------------------------------------------------- date and time


_DATETIME_SPLIT_RE = re.compile(
    rf"(?P<date>.*?\d.*?)(?:\s+|T|(?<=[日号]))(?P<time>(?:(?:{_NEXT_DAY})\s*)?"
    r"(?:上午|下午|晚上|中午|凌晨)?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[ap]\.?m\.?)?)\s*$",
    re.IGNORECASE,
)


def parse_datetime(value: object, default_year: int | None = None) -> datetime | None:
    """A date with its time of day (one punch of a punch log), ``None`` for a blank cell.

    ``datetime`` objects, Excel serials with a day fraction, and text such as
    ``2026-10-09 08:57:12``, ``26-10-09 星期五 08:57`` or ``2026/10/9 下午 6:02``.  A date without a
    time raises ``no_time``; otherwise the reasons of :func:`parse_date` and
    :func:`parse_times`.
    """
    if _is_blank(value):
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None)
    if isinstance(value, date | time) or isinstance(value, bool):
        raise CellError(NO_TIME if isinstance(value, date) else BAD_DATE, value)
    if isinstance(value, int | float):
        return _datetime_of_number(_as_float(value), value)
    if not isinstance(value, str):
        raise CellError(BAD_DATE, value)
    if len(value) in (16, 19) and value[4] == "-" and value[10] in " T":  # '2026-10-09 08:57:12', fast
        try:
            return datetime.fromisoformat(value).replace(tzinfo=None)  # '08:57+08': the clock as written
        except ValueError:
            pass
    text = _WEEKDAY_RE.sub(" ", _fold(value)).strip()
    if len(text) > _LONGEST_DATE:
        raise CellError(BAD_DATE, value)
    if _NUMBER_RE.fullmatch(text) and not _EIGHT_DIGITS_RE.fullmatch(text):
        return _datetime_of_number(float(text), value)
    match = _DATETIME_SPLIT_RE.fullmatch(text)
    if match is None:
        parse_date(value, default_year)  # a date alone says no_time; anything else its own reason
        raise CellError(NO_TIME, value)
    day = parse_date(match["date"], default_year)
    if day is None:
        raise CellError(BAD_DATE, value)
    try:
        (parsed,) = parse_times(match["time"])
    except (CellError, ValueError):
        raise CellError(BAD_TIME, value) from None
    return datetime.combine(day + timedelta(days=1) if parsed.next_day else day, parsed.time)


_MISSING: Any = object()


def parse_datetimes(values: Iterable[object], default_year: int | None = None) -> list[datetime | CellError | None]:
    """:func:`parse_datetime` of every value of a column (a punch log's 日期时间): each result, or
    the :class:`CellError` it raised, in order.

    A column of 100,000 punches is mostly distinct ISO texts or Excel serials: those take the
    fast paths inline; anything else is parsed once per distinct value.
    """
    fromiso = datetime.fromisoformat
    out: list[datetime | CellError | None] = []
    append = out.append
    cache: dict[tuple[type, object], datetime | CellError | None] = {}
    for value in values:
        # parse_datetime's own fast paths, without a call per value.
        if type(value) is str and len(value) in (16, 19) and value[4] == "-" and value[10] in " T":
            try:
                append(fromiso(value).replace(tzinfo=None))
                continue
            except ValueError:
                pass
        elif type(value) is float and _SERIAL_MIN <= value < _SERIAL_MAX + 1:
            append(_EXCEL_EPOCH + timedelta(seconds=round(value * 86400)))
            continue
        key = (type(value), value)  # True, 1 and 1.0 are equal keys but different cells
        found = cache.get(key, _MISSING)
        if found is _MISSING:
            try:
                found = parse_datetime(value, default_year)
            except CellError as exc:
                found = exc
            cache[key] = found
        append(found)
    return out


def _datetime_of_number(number: float, value: object) -> datetime:
    if not math.isfinite(number) or not _SERIAL_MIN <= number < _SERIAL_MAX + 1:
        raise CellError(BAD_DATE, value)
    return _EXCEL_EPOCH + timedelta(seconds=round(number * 86400))
