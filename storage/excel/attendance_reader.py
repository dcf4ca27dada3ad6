"""Reading an HR attendance workbook (考勤表) into plain person-day records.

Attendance reaches a sales manager as whatever DingTalk (钉钉), WeCom (企业微信), Feishu (飞书),
a ZKTeco time clock or an HR person exported.  :func:`read_attendance` turns such a workbook
into :class:`RawPersonDay` records without the user editing the file first, and says what it
understood (:class:`AttendanceMapping`) so the import wizard can show it and take a corrected
mapping back.  It interprets nothing: status words ('正常', '迟到', '年假') are passed on as
written for the rules in :mod:`domain.attendance`; nothing is stored.

How a sheet is read:

* **Which sheet.** Every sheet's first rows are examined; the one whose header names a person
  and a date (or has a column per day) wins, visible sheets before hidden ones, then the
  best-matching header, then workbook order.  All names are returned so the user can switch.
* **Header rows.** Searched among the first 15 rows, below any title rows ('考勤报表
  统计日期:2026-10-01 至 2026-10-31', '报表生成时间…').  A header may span two or three rows:
  calamine gives a merged cell's value only in its top-left cell, so a blank cell of an upper
  header row takes the text on its left when there is text below it ('上班1' over '打卡时间' and
  '打卡结果', '10月' over the day numbers), and a row of weekday letters under the day numbers
  belongs to the header.  A column's label is its header texts joined top to bottom.
* **Shapes** (:class:`Shape`): one row per punch (ZKTeco 考勤号码/姓名/日期时间, DingTalk raw
  records), one row per person-day (日期 and 上班1打卡时间/上班1打卡结果/…, or 打卡时间 with several
  times, 考勤结果/状态), or a month grid (one row per person, one column per day).  Punch rows and
  person-day rows are read alike and grouped into person-days by (employee, date).  A grid
  cell gives a person-day when it holds something; a blank day says nothing and gives none.
* **Period.** A grid's day columns ('1', '1\\n四', '01 周四', '10月1日', real dates) need a year and
  month: taken from a title ('统计日期:2026-10-01 至 2026-10-31', '2026年10月'), else the sheet
  name, the header ('10月'), the file name ('考勤_202610.xlsx'), or the caller's mapping.  A grid
  from the 26th to the 25th is placed by its range, or by the wrap in its day numbers.  The same
  year completes dates written without one ('10月3日').
* **Hidden rows and columns** are read like visible ones: calamine does not report them, and
  an export hides columns for layout, not to withdraw data.  A hidden column with a known header
  is mapped like any other; one without is ignored like any unknown column.  Hidden *sheets*
  are listed and can be chosen, but a visible sheet wins the automatic choice.
* **Rows that are not records** are skipped and counted (:class:`SkippedRow`): blank rows, a
  repeated header, totals ('合计', '总计', 'Total'), notes ('备注：…', '说明', a lone cell such as a
  department heading), and rows without a name or number whose cells are all numbers.
* **Punch times.** A '次日 00:30' time is dated the day after the row's date; a punch read as a
  date-time keeps its own date.  In a punch log, a punch at 00:30 without a 次日 mark stays on
  its calendar day unless the caller passes ``day_boundary`` (:attr:`AttendanceRules.day_boundary
  <domain.attendance.AttendanceRules.day_boundary>`), which puts punches before it on the
  previous day's person-day.  Words in a time cell ('请假', '未打卡') are kept as status words;
  placeholders ('--') are dropped.
* **Never raises on content.**  A cell that cannot be read becomes a :class:`CellProblem` with
  its sheet, Excel row and column letter; only a file that is not a readable workbook, or has
  no data at all, raises :class:`UnreadableWorkbook`.
"""

from __future__ import annotations

import enum
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

import polars as pl
import python_calamine

from storage.bulk import collector_paused
from storage.excel import punch_frame
from storage.excel.cells import (
    BAD_DATE,
    BAD_TIME,
    NO_TIME,
    NO_YEAR,
    CellError,
    ParsedTime,
    find_times,
    parse_date,
    parse_datetime,
    parse_datetimes,
    parse_times,
)
from storage.excel.peek import peek_heads
from storage.excel.reader import (
    CellValue,
    UnreadableFile,
    column_letter,
    normalise_header,
    read_sheet,
    read_sheet_heads,
)

__all__ = [
    "BAD_DATE",
    "BAD_TIME",
    "NO_DATE",
    "NO_HEADER",
    "NO_NAME",
    "NO_PERIOD",
    "NO_TIME",
    "NO_YEAR",
    "AttendanceMapping",
    "AttendanceReading",
    "CellProblem",
    "Field",
    "RawPersonDay",
    "Shape",
    "SkippedRow",
    "UnreadableWorkbook",
    "mapping_signature",
    "read_attendance",
]

HEADER_SEARCH_ROWS = 15
"""The header is looked for among this many rows from the top."""
_SAMPLE_ROWS = 60  # rows read from every sheet to choose one and to judge its columns' content
_HEADER_WIDTH = 256  # columns examined for header words; attendance sheets are far narrower
_MIN_DAY_COLUMNS = 5  # fewer day-number columns than this is not a month grid
_DETECTION_ROWS = HEADER_SEARCH_ROWS + 5 + _SAMPLE_ROWS  # header rows (and weekday rows under them), sample

# Problem reasons besides the cell reasons of storage.excel.cells (bad_date, no_year, bad_time, no_time).
NO_NAME = "no_name"
"""A row with attendance data but neither a name nor an employee number."""
NO_DATE = "no_date"
"""A punch or person-day row without a date."""
NO_HEADER = "no_header"
"""The sheet has no header naming a person and a date or days (a sheet-level problem)."""
NO_PERIOD = "no_period"
"""A grid's day columns, but no year or month for them anywhere (a sheet-level problem)."""
BAD_COLUMN = "bad_column"
"""A mapping names a column or header row the sheet does not have."""


class Shape(enum.StrEnum):
    """How a sheet lays out attendance."""

    PUNCHES = "punches"  # one row per punch (打卡记录 / 原始记录)
    PERSON_DAY = "person_day"  # one row per person and day (每日统计)
    MONTH_GRID = "month_grid"  # one row per person, one column per day (月度汇总 / 考勤表)


class Field(enum.StrEnum):
    """The single-column fields of an attendance sheet."""

    NAME = "name"  # 姓名
    EMPLOYEE_NO = "employee_no"  # 工号 / 考勤号码
    DEPARTMENT = "department"  # 部门
    DATE = "date"  # 日期
    DATETIME = "datetime"  # 日期时间: a punch's date and time in one cell, and no date column
    PUNCH_KIND = "punch_kind"  # ZKTeco 状态 (上班签到 / 下班签退): which punch, not how the day went; not read


@dataclass(frozen=True)
class AttendanceMapping:
    """What was understood of a sheet, or the caller's correction of it.

    Every ``None`` means "detect it"; any other value is used as given, so the wizard passes
    back the reading's mapping with the user's changes.  Column indices and header rows are
    0-based.  ``columns`` holds the single-column fields; ``time_columns`` the columns of punch
    times (上班1打卡时间, 下班1打卡时间, or one 打卡时间 with several times), ``status_columns`` those
    of status words (上班1打卡结果, 考勤结果), ``note_columns`` free notes (备注).  A grid's
    ``day_columns`` map each date to its column.  ``period`` is (year, month).
    """

    sheet: str | None = None
    header_rows: tuple[int, ...] | None = None
    shape: Shape | None = None
    columns: Mapping[Field, int] | None = None
    time_columns: tuple[int, ...] | None = None
    status_columns: tuple[int, ...] | None = None
    note_columns: tuple[int, ...] | None = None
    day_columns: Mapping[date, int] | None = None
    period: tuple[int, int] | None = None

    def reusable(self) -> AttendanceMapping:
        """This mapping without its month (period and dated day columns), to remember for files
        that look the same next month (see :func:`mapping_signature`)."""
        return replace(self, day_columns=None, period=None)


@dataclass(frozen=True)
class CellProblem:
    """A cell that could not be read: ``row`` is the Excel row number (1-based) and ``column``
    its letter; both are ``None`` for a problem of the whole sheet (no header, no period)."""

    sheet: str
    row: int | None
    column: str | None
    value: CellValue
    reason: str


@dataclass(frozen=True)
class SkippedRow:
    """A row that is not a record: ``reason`` is blank, header, total, note or numbers."""

    row: int
    reason: str


@dataclass
class RawPersonDay:
    """One person's attendance on one day, as the file states it.

    ``row`` is the Excel row (1-based) it came from, for punch logs the first row of the day.
    ``employee_name`` is ``''`` when the file gives only an employee number.  ``punches`` are
    sorted; a 次日 time is dated ``day + 1``.  ``status_words`` are the status cells' text,
    untouched, in column order (for a punch log, row order); ``notes`` the note cells' text.
    """

    sheet: str
    row: int
    employee_name: str
    employee_no: str | None
    department: str | None
    day: date
    punches: list[datetime] = field(default_factory=list)
    status_words: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class AttendanceReading:
    """Everything :func:`read_attendance` understood of a workbook."""

    path: Path
    sheets: list[str]
    sheet: str
    shape: Shape | None
    header_rows: tuple[int, ...]
    mapping: AttendanceMapping
    """The complete mapping used: the detected one with the caller's corrections applied."""
    labels: list[str]
    """Each column's header text (upper and lower header rows joined), '' for none."""
    period: tuple[int, int] | None
    period_range: tuple[date, date] | None
    """The statistics period a title states ('2026-10-01 至 2026-10-31'), when it states one."""
    records: Sequence[RawPersonDay]
    """A list, or for a long punch log read column-wise a :class:`punch_frame.FrameRecords` (a
    sequence that builds the records when first indexed; imports use its columns)."""
    problems: list[CellProblem]
    skipped_rows: int
    skipped: list[SkippedRow]

    def people(self) -> list[tuple[str, str | None]]:
        """The distinct (name, employee no) of the records, in order of first appearance; from
        the columns of a column-wise read, without building its records."""
        if isinstance(self.records, punch_frame.FrameRecords):
            return punch_frame.people_of(self.records.days)
        return list(dict.fromkeys((r.employee_name, r.employee_no) for r in self.records))

    def days(self) -> list[date]:
        """The distinct days of the records (in no particular order), likewise."""
        if isinstance(self.records, punch_frame.FrameRecords):
            return self.records.days_in()
        return list({r.day for r in self.records})


class UnreadableWorkbook(UnreadableFile):
    """The file is not a workbook that can be read (not a spreadsheet, damaged, protected),
    has no data at all, or has no sheet of the name asked for."""


# --------------------------------------------------------------------------- entry points


@collector_paused()  # a punch log's rows and person-days are hundreds of thousands of objects
def read_attendance(
    path: str | Path,
    sheet: str | None = None,
    mapping: AttendanceMapping | None = None,
    *,
    day_boundary: time | None = None,
    records: bool = True,
) -> AttendanceReading:
    """Read the attendance in ``path``.

    ``sheet`` (or ``mapping.sheet``) chooses the sheet; otherwise the one that looks like
    attendance.  ``mapping`` overrides any part of the detection.  ``day_boundary`` (punch logs
    only) puts punches before that clock time on the previous day's person-day.  With
    ``records=False`` only the sheet's first rows are read: the reading says what was detected
    (sheet, header, shape, columns, labels: all :func:`mapping_signature` needs) but holds no
    records, nor the problems of their cells.
    """
    path = Path(path)
    mapping = mapping or AttendanceMapping()
    names, hidden = _sheet_list(path)
    heads = _heads(path, names)
    if all(total == 0 for _, total in heads.values()):
        raise UnreadableWorkbook(path, "the workbook has no data")
    wanted = sheet or mapping.sheet
    if wanted is not None:
        chosen = _match_sheet(wanted, names)
        if chosen is None:
            raise UnreadableWorkbook(path, f"the workbook has no sheet {wanted!r}")
    else:
        chosen = _choose_sheet(names, hidden, heads)
    try:
        if records and heads[chosen][1] >= punch_frame.MIN_ROWS:
            # A long sheet: detection on its first rows, then a plain punch log is read column-wise;
            # anything else (or a log the column-wise read declines) is read row by row below.
            head = peek_heads(str(path), _DETECTION_ROWS, [chosen])
            if head is not None:
                try:
                    return _Reader(path, names, chosen, head[chosen][0], mapping, day_boundary, partial=True).read()
                except _NeedAllRows:
                    pass
        head = None if records else peek_heads(str(path), _DETECTION_ROWS, [chosen])
        if head is not None:
            rows = head[chosen][0]
        else:
            rows = read_sheet(path, chosen, max_rows=None if records else _DETECTION_ROWS)
        reading = _Reader(path, names, chosen, rows, mapping, day_boundary).read(records)
        if not records and len(rows) >= _DETECTION_ROWS and _detection_reaches(reading) > len(rows):
            # A header so low that its sample of data rows runs past the rows read: read them all,
            # so that detection sees exactly what a full read sees.
            rows = read_sheet(path, chosen)
            reading = _Reader(path, names, chosen, rows, mapping, day_boundary).read(records)
    except UnreadableFile as exc:
        raise UnreadableWorkbook(path, exc.reason) from exc
    return reading


class _NeedAllRows(Exception):
    """A reader given a sheet's first rows only finds it needs every row as calamine reads them."""


def _detection_reaches(reading: AttendanceReading) -> int:
    """How many rows from the top detection looks at: the header and the data rows below it."""
    below = reading.header_rows[-1] + 1 if reading.header_rows else HEADER_SEARCH_ROWS
    return below + _SAMPLE_ROWS


def mapping_signature(reading: AttendanceReading) -> str:
    """A key for "files that look the same": the sheet name and the header words, without the
    month.  The October and November exports of the same system and settings share it, so a
    mapping the user corrected once can be offered again (:meth:`AttendanceMapping.reusable`)."""
    day_columns = set((reading.mapping.day_columns or {}).values())
    words: list[str] = []
    for column, label in enumerate(reading.labels):
        if column in day_columns:
            if not words or words[-1] != "<days>":
                words.append("<days>")
            continue
        key = _key(_DATE_IN_LABEL_RE.sub("#", _fold(label)))
        if key:
            words.append(key)
    sheet_pattern = re.sub(r"\d+", "#", _fold(reading.sheet).lower())
    text = "\x1f".join([str(reading.shape), sheet_pattern, *words])
    return "attendance-" + hashlib.blake2b(text.encode(), digest_size=10).hexdigest()


# --------------------------------------------------------------------------- workbook


def _sheet_list(path: Path) -> tuple[list[str], set[str]]:
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises several kinds on a damaged file; all mean "unreadable"
        raise UnreadableWorkbook(path, _reason(exc)) from exc
    try:
        names = list(workbook.sheet_names)
        hidden = {m.name for m in workbook.sheets_metadata if m.visible != python_calamine.SheetVisibleEnum.Visible}
    finally:
        workbook.close()
    if not names:
        raise UnreadableWorkbook(path, "the workbook has no sheets")
    return names, hidden


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"not a readable workbook ({text})" if text else "not a readable workbook"


def _heads(path: Path, names: Sequence[str]) -> dict[str, tuple[list[list[CellValue]], int]]:
    try:
        # The first rows of each sheet without parsing the rest: a long log's full parse is left to
        # the read that needs it (see storage.excel.peek).
        peeked = peek_heads(str(path), _SAMPLE_ROWS, names)
        return peeked if peeked is not None else read_sheet_heads(path, _SAMPLE_ROWS, names)
    except UnreadableFile as exc:
        raise UnreadableWorkbook(path, exc.reason) from exc
    except Exception as exc:  # a damaged sheet can make calamine fail in ways of its own
        raise UnreadableWorkbook(path, _reason(exc)) from exc


def _match_sheet(wanted: str, names: Sequence[str]) -> str | None:
    if wanted in names:
        return wanted
    # A remembered mapping names last month's sheet ('10月考勤'); this month's is '11月考勤'.
    pattern = re.sub(r"\d+", "#", _fold(wanted).lower())
    matches = [name for name in names if re.sub(r"\d+", "#", _fold(name).lower()) == pattern]
    return matches[0] if len(matches) == 1 else None


def _choose_sheet(
    names: Sequence[str], hidden: set[str], heads: Mapping[str, tuple[list[list[CellValue]], int]]
) -> str:
    best: tuple[tuple[int, int, float, int], str] | None = None
    for order, name in enumerate(names):
        rows, _ = heads[name]
        layout = _detect_layout(rows)
        evidence = layout is not None and layout.shape is not None
        score = layout.score if layout is not None else 0
        hint = _SHEET_HINT_RE.search(_fold(name).lower())
        bonus = 0.5 if hint and hint.group("good") else -0.5 if hint else 0.0
        key = (int(evidence), int(name not in hidden), score + bonus, -order)
        if best is None or key > best[0]:
            best = (key, name)
    assert best is not None
    return best[1]


_SHEET_HINT_RE = re.compile(
    r"(?P<good>考勤|打卡|出勤|签到|原始|明细|attendance|punch|clock)|(?P<bad>汇总|统计|summary|total)"
)


# --------------------------------------------------------------------------- header words


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


_NON_WORD_RE = re.compile(r"[\W_]+")
_NUMERIC_TEXT = re.compile(r"\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*")
"""Text that is a number: a serial, when it stands in a date-time column."""


@lru_cache(maxsize=1024)  # a header's texts are compared with every distinct name below them
def _key(text: str) -> str:
    """A header text reduced for comparison: '上班1 打卡时间(必填)' -> '上班1打卡时间'."""
    return _NON_WORD_RE.sub("", normalise_header(text))


_NAME, _NO, _DEPT, _DATE, _TIME, _STATUS, _NOTE = "name", "no", "dept", "date", "time", "status", "note"

_ALIASES: dict[str, str] = {}
for _kind, _words in {
    _NAME: "姓名 名字 员工姓名 人员姓名 员工 人员 成员 用户名 name employeename fullname staffname username",
    _NO: "工号 员工编号 员工号 员工工号 编号 人员编号 考勤号码 考勤号 考勤编号 登记号码 用户id 账号 userid "
    "employeeid employeeno employeenumber empid empno staffid staffno id no number acno enrollno",
    _DEPT: "部门 所属部门 部门名称 组织 团队 组别 department dept team",
    _DATE: "日期 考勤日期 打卡日期 工作日期 工作日 date workdate attendancedate day",
    _TIME: "时间 打卡时间 刷卡时间 签到时间 考勤时间 日期时间 打卡记录 最早 最晚 最早打卡 最晚打卡 首次打卡 末次打卡 "
    "datetime time punchtime clocktime checktime punch clock clockinout timeinout",
    _STATUS: "状态 结果 考勤结果 打卡结果 考勤状态 出勤状态 status result exception",
    _NOTE: "备注 说明 remark remarks note notes comment comments",
}.items():
    for _word in _words.split():
        _ALIASES[_word] = _kind
_IGNORED = set("序号 行号 机器号 设备 考勤组 班次 职位 岗位 比对方式 卡号".split())
# Words that make a label something else even when it says 打卡 or 时间: 打卡地点, 打卡次数, 工作时长.
_NOT_A_FIELD_RE = re.compile(
    r"地点|位置|地址|location|address|设备|device|方式|method|wifi|照片|photo|来源|source|次数|天数|时长|count|days"
    r"|hours|duration|规则|rule|组$|group|班次|shift|职位|职务|岗位|position"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (_NOTE, re.compile(r"备注|remark|note|comment|说明")),
    (_STATUS, re.compile(r"结果|状态|异常|情况|审批|假勤|status|result|exception")),
    (_DEPT, re.compile(r"部门|department|dept")),
    (_NO, re.compile(r"工号|编号|考勤号|employee(?:id|no)|emp(?:id|no)|staff(?:id|no)|userid|acno")),
    (_DATE, re.compile(r"^(?!.*(?:时间|time)).*(?:日期|date)")),
    (_TIME, re.compile(r"打卡|签到|签退|上班|下班|时间|clock|check(?:in|out)|time(?:in|out)|punch|sign(?:in|out)")),
    (_NAME, re.compile(r"姓名|name")),
]


def _classify(parts: Sequence[str]) -> str | None:
    """What a column is, from its header texts (top to bottom): the whole label, else its
    lowest text, else its highest; exact header words first, then words inside the label."""
    keys = [k for k in dict.fromkeys([_key("".join(parts)), _key(parts[-1]), _key(parts[0])]) if k]
    for key in keys:
        if key in _IGNORED:
            return None
        if key in _ALIASES:
            return _ALIASES[key]
    for key in keys:
        if len(key) > 16:  # a title, not a header
            continue
        if _NOT_A_FIELD_RE.search(key):
            return None
        for kind, pattern in _PATTERNS:
            if pattern.search(key):
                return kind
    return None


# A weekday written under or beside a day number: '四', '周四', '星期四', '(四)', 'Thu'.
_WEEKDAY_WORD_RE = re.compile(
    r"(?:星期|礼拜|周)[一二三四五六日天]|\((?:星期|周)?[一二三四五六日天]\)|(?<!\w)[一二三四五六日天](?!\w)"
    r"|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b\.?",
    re.IGNORECASE,
)
_MONTH_ONLY_RE = re.compile(r"(?:(?P<y>\d{4})\s*(?:年|[-/.]))?\s*(?P<m>\d{1,2})\s*月(?:份)?")
_MONTH_DAY_RE = re.compile(r"(?P<m>\d{1,2})\s*(?:月|[-/.])\s*(?P<d>\d{1,2})\s*[日号]?")
_DAY_RE = re.compile(r"(?P<d>\d{1,2})\s*[日号]?")
_DATE_IN_LABEL_RE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*[日号]?)?|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?"
)


@dataclass(frozen=True)
class _DayLabel:
    day: int
    month: int | None = None
    year: int | None = None


def _day_label(parts: Sequence[str]) -> _DayLabel | None:
    """The day a grid column stands for, from its header texts ('10月' over '1\\n四')."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    for part in parts:
        text = " ".join(_WEEKDAY_WORD_RE.sub(" ", _fold(part)).split())
        if not text:
            continue
        if match := _DAY_RE.fullmatch(text):
            day = int(match["d"])
        elif match := _MONTH_DAY_RE.fullmatch(text):
            month, day = int(match["m"]), int(match["d"])
        elif match := _MONTH_ONLY_RE.fullmatch(text):
            month = int(match["m"])
            year = int(match["y"]) if match["y"] else year
        else:
            try:
                full = parse_date(text, None)
            except CellError:
                return None
            if full is None:
                continue
            year, month, day = full.year, full.month, full.day
    if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
        return None
    return _DayLabel(day, month, year)


def _header_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


@dataclass
class _Header:
    rows: tuple[int, ...]
    parts: list[tuple[str, ...]]
    kinds: dict[int, str]
    days: dict[int, _DayLabel]

    @property
    def score(self) -> int:
        found = set(self.kinds.values())
        return len(found) + (3 if self.days else 0)

    @property
    def distinct_labels(self) -> int:
        return len({self.parts[c] for c in self.kinds})

    def labels(self, width: int) -> list[str]:
        out = [" / ".join(" ".join(p.split()) for p in parts) for parts in self.parts]
        return out + [""] * (width - len(out))


def _build_header(rows: Sequence[Sequence[CellValue]], indices: tuple[int, ...]) -> _Header:
    width = min(max((len(rows[i]) for i in indices), default=0), _HEADER_WIDTH)
    grid = [[_header_text(rows[i][c]) if c < len(rows[i]) else "" for c in range(width)] for i in indices]
    # Merged header cells read as one value and blanks: an upper cell spanning the texts below it
    # is repeated over them, and a span ends where nothing stands below.
    for level in range(len(grid) - 1):
        upper = grid[level]
        below = [any(grid[k][c] for k in range(level + 1, len(grid))) for c in range(width)]
        source: str | None = None
        for c in range(width):
            if upper[c]:
                source = upper[c] if below[c] else None
            elif below[c] and source is not None:
                upper[c] = source
            elif not below[c]:
                source = None
    parts = [tuple(dict.fromkeys(g[c] for g in grid if g[c])) for c in range(width)]
    days = {c: label for c, p in enumerate(parts) if p and (label := _day_label(p)) is not None}
    if len(days) < _MIN_DAY_COLUMNS:
        days = {}
    kinds = {c: kind for c, p in enumerate(parts) if p and c not in days and (kind := _classify(p)) is not None}
    return _Header(indices, parts, kinds, days)


_STATUS_VOCABULARY = set(
    "正常 迟到 严重迟到 早退 缺卡 未打卡 旷工 请假 年假 事假 病假 调休 出差 外勤 外出 休息 加班 补卡 √ ✓ × "
    "normal late early absent leave rest trip ok".split()
)


def _looks_like_data(row: Sequence[CellValue]) -> bool:
    """Whether a row below a header candidate is a record rather than more header."""
    dates = 0
    numbers: list[float] = []
    words: list[str] = []
    for value in row[:_HEADER_WIDTH]:
        if value is None:
            continue
        if isinstance(value, datetime):
            if value.time() != time(0):
                return True
            dates += 1
        elif isinstance(value, date):
            dates += 1
        elif isinstance(value, time):
            return True
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if 0 < value < 1:
                return True
            numbers.append(float(value))
        elif isinstance(value, str):
            text = _fold(value)
            try:
                parse_times(text)
                return True
            except CellError:
                pass
            if text.lower() in _STATUS_VOCABULARY:
                words.append(text)
            try:
                if parse_date(text, None) is not None:
                    dates += 1
            except CellError:
                if re.fullmatch(r"-?\d+(?:\.\d+)?", text):
                    numbers.append(float(text))
    # A header row of day numbers counts up; a row of counts or hours does not.
    ascending = all(a < b for a, b in itertools.pairwise(numbers))
    repeated_words = len(words) != len(set(words))
    return 1 <= dates <= 2 or (len(numbers) >= 3 and not ascending) or repeated_words


def _is_weekday_row(row: Sequence[CellValue]) -> bool:
    texts = [_fold(str(v)) for v in row[:_HEADER_WIDTH] if v is not None and str(v).strip()]
    return len(texts) >= _MIN_DAY_COLUMNS and all(_WEEKDAY_WORD_RE.fullmatch(t) for t in texts)


def _find_header(rows: Sequence[Sequence[CellValue]]) -> _Header | None:
    best: _Header | None = None
    best_key: tuple[int, int, int] | None = None
    for top in range(min(HEADER_SEARCH_ROWS, len(rows))):
        if _is_blank(rows[top]):
            continue
        for height in (1, 2, 3):
            bottom = top + height - 1
            if bottom >= len(rows):
                break
            if height > 1 and (_is_blank(rows[bottom]) or _looks_like_data(rows[bottom])):
                break
            header = _build_header(rows, tuple(range(top, bottom + 1)))
            if header.score == 0:
                continue
            # Fewer rows on a tie: a title row above adds nothing to a header.
            key = (header.score, header.distinct_labels, -height)
            if best_key is None or key > best_key:
                best, best_key = header, key
    if best is not None:
        bottom = best.rows[-1]
        while bottom + 1 < len(rows) and best.days and _is_weekday_row(rows[bottom + 1]):
            bottom += 1
        if bottom != best.rows[-1]:
            best = _build_header(rows, tuple(range(best.rows[0], bottom + 1)))
    return best


def _is_blank(row: Sequence[CellValue]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


# --------------------------------------------------------------------------- layout


@dataclass
class _Layout:
    header: _Header
    columns: dict[Field, int]
    time_columns: list[int]
    status_columns: list[int]
    note_columns: list[int]
    shape: Shape | None

    @property
    def score(self) -> int:
        return self.header.score


_PUNCH_KINDS = set(
    "上班签到 下班签退 签到 签退 加班签到 加班签退 外出 外出返回 上班 下班 c/in c/out in out check-in check-out "
    "checkin checkout ot-in ot-out break-in break-out 0 1 2 3 4 5".split()
)
_UNAMBIGUOUS_KIND_RE = re.compile(r"签到|签退|c/in|c/out|check", re.IGNORECASE)


def _detect_layout(rows: Sequence[Sequence[CellValue]], header: _Header | None = None) -> _Layout | None:
    header = header or _find_header(rows)
    if header is None:
        return None
    columns: dict[Field, int] = {}
    times: list[int] = []
    statuses: list[int] = []
    notes: list[int] = []
    single = {_NAME: Field.NAME, _NO: Field.EMPLOYEE_NO, _DEPT: Field.DEPARTMENT, _DATE: Field.DATE}
    for column, kind in sorted(header.kinds.items()):
        if kind in single:
            columns.setdefault(single[kind], column)
        elif kind == _TIME:
            times.append(column)
        elif kind == _STATUS:
            statuses.append(column)
        elif kind == _NOTE:
            notes.append(column)
    sample = [r for r in rows[header.rows[-1] + 1 : header.rows[-1] + 1 + _SAMPLE_ROWS] if not _is_blank(r)]
    dated = [c for c in times if _mostly(sample, c, _has_date_and_time)]
    if Field.DATE not in columns and dated:
        columns[Field.DATETIME] = dated[0]
        times.remove(dated[0])
    elif Field.DATE in columns and not times and _mostly(sample, columns[Field.DATE], _has_date_and_time):
        columns[Field.DATETIME] = columns.pop(Field.DATE)
    for column in list(statuses):
        values = {_fold(str(r[column])).lower() for r in sample if column < len(r) and r[column] is not None}
        if values and values <= _PUNCH_KINDS and any(_UNAMBIGUOUS_KIND_RE.search(v) for v in values):
            statuses.remove(column)
            columns.setdefault(Field.PUNCH_KIND, column)
    return _Layout(header, columns, times, statuses, notes, _shape(header, columns, times, sample))


def _shape(
    header: _Header, columns: Mapping[Field, int], times: Sequence[int], sample: Sequence[Sequence[CellValue]]
) -> Shape | None:
    if Field.NAME not in columns and Field.EMPLOYEE_NO not in columns:
        return None
    if header.days:
        return Shape.MONTH_GRID
    if Field.DATETIME in columns and Field.DATE not in columns:
        return Shape.PUNCHES
    if Field.DATE not in columns:
        return None
    if len(times) == 1:
        # One time column is a punch log when people have several rows a day.
        who = columns.get(Field.EMPLOYEE_NO, columns.get(Field.NAME, 0))
        keys = [(_cell(r, who), _cell(r, columns[Field.DATE])) for r in sample]
        keys = [k for k in keys if k[0] is not None and k[1] is not None]
        if len(set(keys)) < len(keys):
            return Shape.PUNCHES
    return Shape.PERSON_DAY


def _cell(row: Sequence[CellValue], column: int) -> CellValue:
    return row[column] if 0 <= column < len(row) else None


def _column(rows: Sequence[Sequence[CellValue]], column: int) -> list[CellValue]:
    """One column's values, ``None`` past the end of a short row."""
    try:
        return [row[column] for row in rows]
    except IndexError:
        return [_cell(row, column) for row in rows]


def _has_date_and_time(value: CellValue) -> bool:
    if isinstance(value, datetime):
        return value.year > 1900 and value.time() != time(0)
    if isinstance(value, float) and not value.is_integer():
        return value > 1
    if isinstance(value, str) and re.search(r"\d{1,2}[:：]\d{2}", value):
        try:
            return parse_datetime(value, 2000) is not None
        except CellError:
            return False
    return False


def _mostly(sample: Sequence[Sequence[CellValue]], column: int, test: Callable[[CellValue], bool]) -> bool:
    values = [r[column] for r in sample if column < len(r) and r[column] is not None]
    return bool(values) and sum(1 for v in values if test(v)) * 2 > len(values)


# --------------------------------------------------------------------------- period


@dataclass(frozen=True)
class _Period:
    year: int | None = None
    month: int | None = None
    start: date | None = None
    end: date | None = None


_RANGE_RE = re.compile(
    r"(?P<y1>\d{4})\s*[-/.年]\s*(?P<m1>\d{1,2})\s*[-/.月]\s*(?P<d1>\d{1,2})\s*[日号]?\s*(?:至|到|~|-|to)\s*"
    r"(?:(?P<y2>\d{4})\s*[-/.年]\s*)?(?P<m2>\d{1,2})\s*[-/.月]\s*(?P<d2>\d{1,2})",
    re.IGNORECASE,
)
_YEAR_MONTH_RE = re.compile(
    r"(?<!\d)(?P<y>20\d{2})\s*(?:年|[-/.])?\s*(?P<m>0?[1-9]|1[0-2])(?:\s*月)?(?!\s*[-/.]?\s*\d)"
)
_MONTH_WORD_RE = re.compile(r"(?<!\d)(?P<m>1[0-2]|0?[1-9])\s*月(?!\s*\d)")
_GENERATED_RE = re.compile(r"生成|导出|打印|制表|generated|exported|printed|created", re.IGNORECASE)


def _find_period(sources: Iterable[str]) -> _Period:
    year_month: tuple[int, int] | None = None
    month: int | None = None
    for source in sources:
        text = _fold(source).replace("—", "-").replace("–", "-").replace("～", "~")
        if not text or _GENERATED_RE.search(text):
            continue
        if match := _RANGE_RE.search(text):
            try:
                start = date(int(match["y1"]), int(match["m1"]), int(match["d1"]))
                end = date(int(match["y2"] or match["y1"]), int(match["m2"]), int(match["d2"]))
            except ValueError:
                continue
            if start <= end <= start + timedelta(days=62):
                return _Period(end.year, end.month, start, end)
        if year_month is None and (match := _YEAR_MONTH_RE.search(text)):
            year_month = (int(match["y"]), int(match["m"]))
        if month is None and (match := _MONTH_WORD_RE.search(text)):
            month = int(match["m"])
    if year_month is not None:
        return _Period(*year_month)
    return _Period(None, month)


def _days_of(start: date, end: date) -> Iterable[date]:
    for offset in range((end - start).days + 1):
        yield start + timedelta(days=offset)


# --------------------------------------------------------------------------- reading


_TRAILER_RE = re.compile(
    r"^\s*(?:(?P<total>合\s*计|总\s*计|小\s*计|汇\s*总|total|subtotal|sum)"
    r"|备\s*注|说\s*明|注\s*[:：]|制表|审核|打印|报表生成|导出时间|notes?|remarks?)(?![a-z])",
    re.IGNORECASE,
)
_NUMERIC_TEXT_RE = re.compile(r"\s*-?\d+(?:\.\d+)?%?\s*")
_PLACEHOLDER_SYMBOLS = set("+<=>|~-")


def _has_word(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return True
        if unicodedata.category(ch) in ("So", "Sm") and ch not in _PLACEHOLDER_SYMBOLS:
            return True  # ✓, √, ×, ○
    return False


def _number_text(value: float | int) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _raw_text(value: CellValue) -> str | None:
    """A status or note cell as text, untouched except that blank is None."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        return _number_text(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def _person_text(value: CellValue) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def _number_of(value: CellValue) -> str | None:
    text = _person_text(value)
    return unicodedata.normalize("NFKC", text) or None


def _is_number(value: CellValue) -> bool:
    if isinstance(value, bool):
        return False
    return isinstance(value, int | float) or (isinstance(value, str) and bool(_NUMERIC_TEXT_RE.fullmatch(value)))


_UNSEEN = CellError("unseen", None)  # a date-cache miss; None is a cached blank
_UNSEEN_TEXT = "\x00unseen"  # a text-cache miss


@dataclass(frozen=True)
class _RowPlan:
    """What reading the rows of a punch log or person-day sheet needs to know, worked out once."""

    columns: Mapping[Field, int]
    header: _Header
    times: Sequence[int]
    statuses: Sequence[int]
    notes: Sequence[int]
    date_column: int | None
    datetime_column: int | None
    boundary: time | None
    needed: int
    """Columns a row must have for the mapping (a short row is padded with blanks)."""
    anchor: int
    """The date (or date-time) column."""
    known_person: list[int]
    cacheable: bool
    person_of: Callable[[Sequence[CellValue]], object]


class _Reader:
    """One read of one sheet: detection with the caller's corrections, then the records."""

    def __init__(
        self,
        path: Path,
        sheets: list[str],
        sheet: str,
        rows: list[list[CellValue]],
        mapping: AttendanceMapping,
        day_boundary: time | None,
        *,
        partial: bool = False,
    ) -> None:
        self.path, self.sheets, self.sheet, self.rows = path, sheets, sheet, rows
        self.mapping, self.day_boundary = mapping, day_boundary
        self.partial = partial
        """``rows`` are the sheet's first rows only: records come from the column-wise read of a
        plain punch log, or reading raises :class:`_NeedAllRows`."""
        self.frame_records: punch_frame.FrameRecords | None = None
        self.problems: list[CellProblem] = []
        self.skipped: list[SkippedRow] = []
        self.records: dict[tuple[str, str, date], RawPersonDay] = {}
        self._dates: dict[object, date | CellError | None] = {}
        self._trailers: dict[str, str | None] = {}
        self._names: dict[object, tuple[str, bool]] = {}
        self._texts: dict[object, str | None] = {}
        self._people: dict[object, tuple[str, str | None, str | None]] = {}
        self._departments: dict[object, str | None] = {}
        self._interpretations: dict[tuple[type, CellValue, bool], tuple[_Found, str | None, str | None]] = {}

    # -- detection

    def read(self, with_records: bool = True) -> AttendanceReading:
        """What the sheet holds; without records, what was detected only."""
        mapping = self.mapping
        header: _Header | None = None
        if mapping.header_rows is not None:
            wanted = tuple(sorted(set(mapping.header_rows)))
            valid = tuple(i for i in wanted if 0 <= i < len(self.rows))
            if valid != wanted:
                self._problem(None, None, None, BAD_COLUMN)
            header = _build_header(self.rows, valid) if valid else None
        layout = _detect_layout(self.rows, header)
        if layout is None:
            header = header or _Header((), [], {}, {})
            layout = _Layout(header, {}, [], [], [], None)
        header = layout.header
        width = max(map(len, self.rows), default=0)
        columns = dict(mapping.columns) if mapping.columns is not None else layout.columns
        times = list(mapping.time_columns) if mapping.time_columns is not None else layout.time_columns
        statuses = list(mapping.status_columns) if mapping.status_columns is not None else layout.status_columns
        notes = list(mapping.note_columns) if mapping.note_columns is not None else layout.note_columns
        shape = mapping.shape if mapping.shape is not None else layout.shape
        for column in [*columns.values(), *times, *statuses, *notes, *(mapping.day_columns or {}).values()]:
            if not 0 <= column < width:
                self._problem(None, column if column >= 0 else None, None, BAD_COLUMN)
        columns = {f: c for f, c in columns.items() if c >= 0}
        times, statuses, notes = ([c for c in group if c >= 0] for group in (times, statuses, notes))
        labels = header.labels(width)
        title_rows = self.rows[: header.rows[0]] if header.rows else self.rows[:HEADER_SEARCH_ROWS]
        period = _find_period(
            [
                *(v for r in title_rows for v in r if isinstance(v, str)),
                self.sheet,
                *(p for parts in header.parts for p in parts[:-1]),
                self.path.stem,
            ]
        )
        if mapping.period is not None:
            year, month = mapping.period
            keep_range = period.end is not None and (period.end.year, period.end.month) == (year, month)
            period = _Period(year, month, period.start if keep_range else None, period.end if keep_range else None)
        self.period = period
        first_data = header.rows[-1] + 1 if header.rows else 0

        day_columns: dict[date, int] = {}
        if shape is Shape.MONTH_GRID:
            if mapping.day_columns is not None:
                day_columns = {d: c for d, c in mapping.day_columns.items() if c >= 0}
            elif header.rows and header.days:
                day_columns = self._resolve_days(header)
        who_known = Field.NAME in columns or Field.EMPLOYEE_NO in columns
        if with_records and self.partial and (shape is not Shape.PUNCHES or not who_known):
            raise _NeedAllRows
        if with_records:
            if shape is None or not who_known:
                # Nothing says whose attendance a row is, or what the sheet is: one problem, not one a row.
                self._problem(None, None, None, NO_HEADER)
            elif shape is Shape.MONTH_GRID:
                if day_columns:
                    self._read_grid(first_data, columns, day_columns, header)
                elif not any(p.reason == NO_PERIOD for p in self.problems):
                    self._problem(None, None, None, NO_HEADER)
            elif Field.DATE in columns or Field.DATETIME in columns:
                self._read_rows(first_data, shape, columns, times, statuses, notes, header)
            else:
                self._problem(None, None, None, NO_HEADER)

        if self.partial and with_records and self.frame_records is None:
            raise _NeedAllRows
        records: Sequence[RawPersonDay]
        if self.frame_records is not None:
            records, days = self.frame_records, self.frame_records.days_in()
        else:
            records = list(self.records.values())
            for record in records:
                record.punches.sort()
            days = list({r.day for r in records})
        reading_period = (period.year, period.month) if period.year and period.month else None
        if reading_period is None and records and shape is not Shape.MONTH_GRID:
            months = {(d.year, d.month) for d in days}
            reading_period = months.pop() if len(months) == 1 else None
        used = AttendanceMapping(
            sheet=self.sheet,
            header_rows=header.rows,
            shape=shape,
            columns=columns,
            time_columns=tuple(times),
            status_columns=tuple(statuses),
            note_columns=tuple(notes),
            day_columns=day_columns if shape is Shape.MONTH_GRID else None,
            period=reading_period,
        )
        return AttendanceReading(
            path=self.path,
            sheets=self.sheets,
            sheet=self.sheet,
            shape=shape,
            header_rows=header.rows,
            mapping=used,
            labels=labels,
            period=reading_period,
            period_range=(period.start, period.end) if period.start and period.end else None,
            records=records,
            problems=self.problems,
            skipped_rows=len(self.skipped),
            skipped=self.skipped,
        )

    def _resolve_days(self, header: _Header) -> dict[date, int]:
        period = self.period
        header_row = header.rows[-1]
        ordered = sorted(header.days.items())
        wrap = next((i for i in range(1, len(ordered)) if ordered[i][1].day < ordered[i - 1][1].day), None)
        result: dict[date, int] = {}
        missing_period = False
        for index, (column, label) in enumerate(ordered):
            year, month = label.year, label.month
            found: date | None = None
            if year is None and period.start is not None and period.end is not None:
                candidates = [
                    d for d in _days_of(period.start, period.end) if d.day == label.day and month in (None, d.month)
                ]
                if len(candidates) == 1:
                    found = candidates[0]
            if found is None:
                if month is None:
                    month = period.month
                    if month is not None and wrap is not None and index < wrap:
                        month -= 1  # the days before the wrap (26..31) are the previous month's
                        if month == 0:
                            month, year = 12, (period.year - 1 if period.year else None)
                if year is None and period.year is not None and month is not None and period.month is not None:
                    year = period.year
                    if month - period.month > 6:  # December days in a January period
                        year -= 1
                    elif period.month - month > 6:
                        year += 1
                if year is None or month is None:
                    missing_period = True
                    continue
                try:
                    found = date(year, month, label.day)
                except ValueError:
                    self._problem(header_row + 1, column, _cell(self.rows[header_row], column), BAD_DATE)
                    continue
            result.setdefault(found, column)
        if missing_period:
            self._problem(None, None, None, NO_PERIOD)
        return result

    # -- rows

    def _problem(self, row: int | None, column: int | None, value: CellValue, reason: str) -> None:
        letter = column_letter(column) if column is not None and column >= 0 else None
        self.problems.append(CellProblem(self.sheet, row, letter, value, reason))

    def _skip(self, index: int, reason: str) -> None:
        self.skipped.append(SkippedRow(index + 1, reason))

    def _who(
        self, index: int, row: Sequence[CellValue], columns: Mapping[Field, int], header: _Header
    ) -> tuple[str, str | None, str | None] | None:
        """The row's person, or None (the row skipped or reported) when it is no record."""
        # Runs once a row of files of 100,000 punches: the text tests are cached per distinct value.
        present = [v for v in row if v is not None]
        if present and isinstance(present[0], str) and not present[0].strip():
            present = [v for v in present if not (isinstance(v, str) and not v.strip())]
        if not present:
            self._skip(index, "blank")
            return None
        first = present[0]
        if isinstance(first, str):
            trailer = self._trailers.get(first, _UNSEEN_TEXT)
            if trailer is _UNSEEN_TEXT:
                match = _TRAILER_RE.match(_fold(first))
                trailer = self._trailers[first] = None if match is None else "total" if match["total"] else "note"
            if trailer is not None:
                self._skip(index, trailer)
                return None
        name_column = columns.get(Field.NAME)
        number_column = columns.get(Field.EMPLOYEE_NO)
        department_column = columns.get(Field.DEPARTMENT)
        name = ""
        if name_column is not None and (raw := _cell(row, name_column)) is not None:
            known = self._names.get(raw)
            if known is None:
                text = _person_text(raw)
                parts = header.parts[name_column] if name_column < len(header.parts) else ()
                known = self._names[raw] = (text, bool(text and parts and _key(text) == _key(parts[-1])))
            name, is_header = known
            if is_header:
                self._skip(index, "header")
                return None
        number = None
        if number_column is not None and (raw := _cell(row, number_column)) is not None:
            number = self._texts.get(raw, _UNSEEN_TEXT)
            if number is _UNSEEN_TEXT:
                number = self._texts[raw] = _number_of(raw)
        if len(present) == 1:
            self._skip(index, "note")  # a department heading, a lone remark
            return None
        if not name and not number:
            if all(_is_number(v) for v in present):
                self._skip(index, "numbers")
            else:
                self._problem(index + 1, name_column if name_column is not None else number_column, None, NO_NAME)
            return None
        department = None
        if department_column is not None and (raw := _cell(row, department_column)) is not None:
            department = self._departments.get(raw, _UNSEEN_TEXT)
            if department is _UNSEEN_TEXT:
                department = self._departments[raw] = _person_text(raw) or None
        return name, number, department

    def _record(self, index: int, who: tuple[str, str | None, str | None], day: date) -> RawPersonDay:
        name, number, department = who
        key = (number or "", name, day)
        record = self.records.get(key)
        if record is None:
            record = RawPersonDay(self.sheet, index + 1, name, number, department, day)
            self.records[key] = record
        elif record.department is None:
            record.department = department
        return record

    def _date(self, value: CellValue) -> date | None:
        """A row's date; raises CellError.  Dates without a year take the period's."""
        cached = self._dates.get(value, _UNSEEN) if isinstance(value, str | float | int) else _UNSEEN
        if cached is _UNSEEN:
            try:
                cached = self._parse_date(value)
            except CellError as exc:
                cached = exc
            if isinstance(value, str | float | int):
                self._dates[value] = cached
        if isinstance(cached, CellError):
            raise cached
        return cached

    def _parse_date(self, value: CellValue) -> date | None:
        period = self.period
        year = period.end.year if period.end else period.year
        day = parse_date(value, year)
        if day is not None and period.start and period.end and day > period.end and period.start.year != year:
            day = parse_date(value, period.start.year)  # '12月28日' in a 2025-12-26..2026-01-25 period
        return day

    def _read_rows(
        self,
        first_data: int,
        shape: Shape,
        columns: Mapping[Field, int],
        times: Sequence[int],
        statuses: Sequence[int],
        notes: Sequence[int],
        header: _Header,
    ) -> None:
        date_column = columns.get(Field.DATE)
        datetime_column = columns.get(Field.DATETIME)
        needed = max([*columns.values(), *times, *statuses, *notes], default=-1) + 1
        person_columns = (columns.get(Field.NAME), columns.get(Field.EMPLOYEE_NO), columns.get(Field.DEPARTMENT))
        anchor = date_column if date_column is not None else datetime_column
        assert anchor is not None  # the caller reads rows only with a date or date-time column
        rows = self.rows[first_data:]
        # A punch log's date-time column is parsed in one pass (mostly ISO text or serials).
        moments = (
            parse_datetimes(_column(rows, datetime_column), self.period.year) if datetime_column is not None else []
        )
        plan = _RowPlan(
            columns=columns,
            header=header,
            times=times,
            statuses=statuses,
            notes=notes,
            date_column=date_column,
            datetime_column=datetime_column,
            boundary=self.day_boundary if shape is Shape.PUNCHES else None,
            needed=needed,
            anchor=anchor,
            known_person=[c for c in person_columns[:2] if c is not None],
            # Only when the date cell is not a person cell: then a row with both is never a lone cell.
            cacheable=needed > 0 and anchor not in person_columns,
            # A row with a date and a person already seen in a row that starts with the same cell is
            # that person again: the common case of a long punch log, checked without the row tests.
            person_of=itemgetter(0, *(c for c in person_columns if c is not None)),
        )
        plain_log = (
            plan.cacheable
            and date_column is None
            and not (times or statuses or notes)
            and min(map(len, rows), default=needed) >= needed
        )
        if self.partial:
            if not plain_log or not self._read_log_columns(plan, first_data):
                raise _NeedAllRows
            return
        if not plain_log:
            for offset, row in enumerate(rows):
                self._read_row(plan, first_data + offset, row, moments[offset] if moments else None)
            return
        # One row per punch and nothing else to read (ZKTeco, DingTalk's raw records): a row whose
        # person was seen before and whose punch is a date-time goes straight to its person-day;
        # any other row is read in full.
        people, records, sheet, person_of = self._people, self.records, self.sheet, plan.person_of
        boundary, one_day = plan.boundary, timedelta(days=1)
        for index, (row, moment) in enumerate(zip(rows, moments, strict=True), first_data):
            who = people.get(person_of(row)) if row[0] is not None else None
            if who is None or moment.__class__ is not datetime:
                self._read_row(plan, index, row, moment)
                continue
            day = moment.date()
            if boundary is not None and moment.time() < boundary:
                day -= one_day
            name, number, department = who
            key = (number or "", name, day)
            record = records.get(key)
            if record is None:
                records[key] = RawPersonDay(sheet, index + 1, name, number, department, day, [moment])
            else:
                if record.department is None:
                    record.department = department
                record.punches.append(moment)

    def _read_log_columns(self, plan: _RowPlan, first_data: int) -> bool:
        """Read a long plain punch log column-wise (:mod:`storage.excel.punch_frame`), giving the
        records the row-by-row loop of :meth:`_read_rows` would: each distinct person's first row
        is judged by :meth:`_who` as that loop judges it, and every row is that person's punch.

        Declines (returns False, nothing recorded) unless every row is such a punch: a blank or
        total row, a date-time that cannot be read, a person cell that the loop would read again on
        every row.  The row-by-row reader then reads the file and says what it finds.
        """
        assert plan.datetime_column is not None
        if first_data >= len(self.rows):
            return False
        person_columns = list(dict.fromkeys(c for c in (0, *plan.known_person, *self._person_columns(plan)) if c >= 0))
        year = self.period.year

        def parse(texts: list[str]) -> list[datetime | None]:
            # A number is a serial the file held as a number, and the text fastexcel makes of it
            # is rounded: the row-by-row reader reads those from the numbers themselves.
            return [
                m if isinstance(m, datetime) and not _NUMERIC_TEXT.fullmatch(t) else None
                for t, m in zip(texts, parse_datetimes(texts, year), strict=True)
            ]

        log = punch_frame.load_log(str(self.path), self.sheet, first_data, person_columns, plan.datetime_column, parse)
        width = max(map(len, self.rows), default=0)
        if log is None or max(log.columns) >= width:
            return False
        frame, loaded_columns = log.frame, list(enumerate(log.columns))
        # The loaded rows must be the rows detection saw.
        for offset, row in enumerate(self.rows[first_data : first_data + min(frame.height, 20)]):
            loaded = frame.row(offset)
            for position, column in loaded_columns:
                value = row[column] if column < len(row) else None
                if isinstance(value, str) and loaded[position] != value:
                    return False
                if value is None and loaded[position] is not None:
                    return False
        first_cell = pl.col("c0")
        moment = pl.col("moment")
        if frame.select(
            moment.is_null().any()
            | first_cell.is_null().any()
            | (first_cell.str.strip_chars() == "").any()
            # fastexcel writes a date cell (calamine's date, a no_time problem) as midnight and a
            # time-only cell as a day in 1899: the row-by-row reader tells those apart.
            | (moment.dt.time() == time(0)).any()
            | (moment.dt.year() < 1900).any()
        ).item():
            return False
        firsts = punch_frame.first_rows_of_people(log)
        with ThreadPoolExecutor(max_workers=1) as pool:
            # polars groups the punches while Python judges the people.
            by_person = pool.submit(punch_frame.days_by_person, log, plan.boundary)
            people = self._people_of_log(plan, first_data, log, firsts)
            if people is None:
                return False
            days = punch_frame.person_days(log, people, plan.boundary, by_person.result())
        self.frame_records = punch_frame.FrameRecords(days, self.sheet, RawPersonDay)
        return True

    def _people_of_log(
        self, plan: _RowPlan, first_data: int, log: punch_frame.LogColumns, firsts: pl.DataFrame
    ) -> pl.DataFrame | None:
        """Each distinct person of a log read column-wise, judged by :meth:`_who` on their first
        row; ``None`` (nothing recorded) when a first row is not a person's."""
        frame, loaded_columns = log.frame, list(enumerate(log.columns))
        width = max(map(len, self.rows), default=0)
        names: list[str] = []
        numbers: list[str | None] = []
        departments: list[str | None] = []
        first_rows = frame.select(f"c{c}" for c in log.columns)[firsts.get_column("index")].rows()
        for index, loaded in zip(firsts.get_column("index"), first_rows, strict=True):
            # The row as the row-by-row loop sees it, but for the columns a plain log does not read.
            cells: list[CellValue] = [None] * width
            for position, column in loaded_columns:
                cells[column] = loaded[position]
            who = self._who(first_data + index, cells, plan.columns, plan.header)
            if who is None or not any(cells[c] is not None for c in plan.known_person):
                self.problems.clear()
                self.skipped.clear()
                return None
            names.append(who[0])
            numbers.append(who[1])
            departments.append(who[2])
        keys: dict[tuple[str, str], int] = {}
        who_ids = [keys.setdefault((no or "", name), len(keys)) for name, no in zip(names, numbers, strict=True)]
        return pl.DataFrame(
            {
                punch_frame.PERSON: firsts.get_column(punch_frame.PERSON),
                "who": pl.Series(who_ids, dtype=pl.Int64),
                "name": pl.Series(names, dtype=pl.String),
                "number": pl.Series(numbers, dtype=pl.String),
                "department": pl.Series(departments, dtype=pl.String),
            }
        )

    @staticmethod
    def _person_columns(plan: _RowPlan) -> list[int]:
        return [c for f in (Field.NAME, Field.EMPLOYEE_NO, Field.DEPARTMENT) if (c := plan.columns.get(f)) is not None]

    def _read_row(
        self, plan: _RowPlan, index: int, row: Sequence[CellValue], parsed: datetime | CellError | None
    ) -> None:
        """One row of a punch log or person-day sheet; ``parsed`` is its date-time cell, read."""
        if len(row) < plan.needed:  # calamine's rows are all as wide as the sheet; a mapping may reach past it
            row = [*row, *[None] * (plan.needed - len(row))]
        anchor, date_column, datetime_column = plan.anchor, plan.date_column, plan.datetime_column
        who_key = plan.person_of(row)
        cacheable = plan.cacheable
        who = self._people.get(who_key) if cacheable and row[0] is not None and row[anchor] is not None else None
        if who is None:
            who = self._who(index, row, plan.columns, plan.header)
            if who is None:
                return
            if cacheable and row[anchor] is not None and any(row[c] is not None for c in plan.known_person):
                if not (isinstance(row[0], str) and not row[0].strip()):
                    self._people[who_key] = who
        calendar_day: date | None = None
        moment: datetime | None = None
        if date_column is not None:
            value = row[date_column]
            try:
                calendar_day = self._date(value)
            except CellError as exc:
                self._problem(index + 1, date_column, value, exc.reason)
                return
            if calendar_day is None and datetime_column is None:
                self._problem(index + 1, date_column, value, NO_DATE)
                return
        if datetime_column is not None:
            if isinstance(parsed, CellError):
                self._problem(index + 1, datetime_column, row[datetime_column], parsed.reason)
                if calendar_day is None:
                    return
            elif parsed is not None:
                moment = parsed
                if calendar_day is None:
                    calendar_day = parsed.date()
        if calendar_day is None:
            where = date_column if date_column is not None else datetime_column
            self._problem(index + 1, where, _cell(row, where) if where is not None else None, NO_DATE)
            return
        punches = [moment] if moment is not None else []
        words = self._row_times(index, row, calendar_day, plan.times, plan.statuses, punches)
        day = calendar_day
        boundary = plan.boundary
        if boundary is not None and punches and all(p.date() == day and p.time() < boundary for p in punches):
            day -= timedelta(days=1)
        record = self._record(index, who, day)
        record.punches.extend(punches)
        record.status_words.extend(words)
        for column in plan.notes:
            text = _raw_text(row[column])
            if text is not None:
                record.notes.append(text)

    def _row_times(
        self,
        index: int,
        row: Sequence[CellValue],
        day: date,
        times: Sequence[int],
        statuses: Sequence[int],
        punches: list[datetime],
    ) -> list[str]:
        """The punches of a row's time columns (added to ``punches``) and its status words, in
        column order; a time cell that cannot be read is reported."""
        words: list[tuple[int, str]] = []
        for column in times:
            value = row[column]
            if value is None:
                continue
            found, word, reason = self._interpret(value, day, numbers_are_words=False)
            punches.extend(found)
            if word is not None:
                words.append((column, word))
            if reason is not None:
                self._problem(index + 1, column, value, reason)
        for column in statuses:
            text = _raw_text(row[column])
            if text is not None:
                words.append((column, text))
        return [word for _, word in sorted(words, key=lambda item: item[0])]

    def _interpret(
        self, value: CellValue, day: date, *, numbers_are_words: bool
    ) -> tuple[list[datetime], str | None, str | None]:
        """:func:`_interpret`, each distinct text or number read once: a month's exports repeat
        '08:57', '正常' and '请假' thousands of times."""
        kind = type(value)
        if kind is str or kind is float or kind is int:
            key = (kind, value, numbers_are_words)
            cached = self._interpretations.get(key)
            if cached is None:
                cached = self._interpretations[key] = _interpretation(
                    value, self.period.year, numbers_are_words=numbers_are_words
                )
            found, word, reason = cached
            return [_at(day, p) if isinstance(p, ParsedTime) else p for p in found], word, reason
        return _interpret(value, day, self.period.year, numbers_are_words=numbers_are_words)

    def _read_grid(
        self, first_data: int, columns: Mapping[Field, int], day_columns: Mapping[date, int], header: _Header
    ) -> None:
        ordered = sorted(day_columns.items(), key=lambda item: item[1])
        for index in range(first_data, len(self.rows)):
            row = self.rows[index]
            who = self._who(index, row, columns, header)
            if who is None:
                continue
            for day, column in ordered:
                value = _cell(row, column)
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                punches, word, reason = self._interpret(value, day, numbers_are_words=True)
                if reason is not None:
                    self._problem(index + 1, column, value, reason)
                if punches or word is not None:
                    record = self._record(index, who, day)
                    record.punches.extend(punches)
                    if word is not None:
                        record.status_words.append(word)


def _at(day: date, parsed: ParsedTime) -> datetime:
    return datetime.combine(day + timedelta(days=1) if parsed.next_day else day, parsed.time)


_HAS_DATE_RE = re.compile(r"\d{4}|\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[-/.日号]")


def _interpret(
    value: CellValue, day: date, year: int | None, *, numbers_are_words: bool
) -> tuple[list[datetime], str | None, str | None]:
    """A time or grid cell read as (punches, status word, problem reason).

    Times are placed on ``day`` (a 次日 time on the day after); a date-time keeps its date.  Text
    that is more than times is also returned whole as a status word, since the words are the
    rules' business; placeholders such as '--' give nothing.
    """
    found, word, reason = _interpretation(value, year, numbers_are_words=numbers_are_words)
    return [_at(day, p) if isinstance(p, ParsedTime) else p for p in found], word, reason


_Found = list[ParsedTime | datetime]
"""A cell's times before they are placed on a day: clock times, or date-times that keep their date."""


def _interpretation(
    value: CellValue, year: int | None, *, numbers_are_words: bool
) -> tuple[_Found, str | None, str | None]:
    """:func:`_interpret` without the day, so that it can be kept per distinct cell value."""
    if isinstance(value, datetime):
        if value.year > 1900:
            return [value.replace(microsecond=0)], None, None
        return [ParsedTime(value.time().replace(microsecond=0))], None, None
    if isinstance(value, time):
        return [ParsedTime(value.replace(microsecond=0, tzinfo=None))], None, None
    if isinstance(value, bool | date):
        return [], None, BAD_TIME
    if isinstance(value, int | float):
        try:
            if 0 <= value < 1:
                return [parse_times(value)[0]], None, None
            moment = parse_datetime(value, year)
            if moment is not None and not numbers_are_words:
                return [moment], None, None
        except CellError:
            pass
        return ([], _number_text(value), None) if numbers_are_words else ([], None, BAD_TIME)
    text = str(value)
    try:
        return list(parse_times(text)), None, None
    except CellError:
        pass
    if _HAS_DATE_RE.search(unicodedata.normalize("NFKC", text)):
        try:
            moment = parse_datetime(text, year)
            if moment is not None:
                return [moment], None, None
        except CellError:
            pass
    try:
        times, rest = find_times(text)
    except CellError:
        return [], text if _has_word(text) else None, BAD_TIME
    found: _Found = list(times)
    if _has_word(rest):
        return found, text, None
    if any(ch.isdigit() for ch in rest):
        return found, None, BAD_TIME
    return found, None, None
