"""Attendance workbooks as HR systems export them, written as real .xlsx files with openpyxl.

Each builder writes one file into a directory (a test's ``tmp_path``) and returns its path.
The contents are fixed, so tests can state the exact records a person would read off the
sheet; the docstrings list the quirks each file carries.  Shared by the reader's tests and by
the import and ledger tests built on them.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

WEEKDAY_LETTERS = "一二三四五六日"

# The DingTalk grid's columns: name, number, department, a hidden 考勤组 column, then day 1.
GRID_FIRST_DAY_COLUMN = 4  # 0-based: column E


def _merge(sheet: Worksheet, first: str, last: str, value: Any) -> None:
    sheet[first] = value
    sheet.merge_cells(f"{first}:{last}")


def _append(sheet: Worksheet, values: Sequence[Any]) -> None:
    sheet.append(list(values))


def dingtalk_month_grid(
    directory: Path, *, year: int = 2026, month: int = 10, weekday_row: bool = False, title: bool = True
) -> Path:
    """A DingTalk-like month grid (月度汇总), one row per person and one column per day.

    * Sheet '汇总' first, with summary numbers only; the attendance is on sheet '月度考勤'.
    * Two merged title rows: '考勤报表 统计日期:2026-10-01 至 2026-10-31' and
      '报表生成时间:2026-11-02 09:12' (``title=False`` leaves both out, so no period is stated).
    * A two-row header, rows 3-4: 姓名/工号/部门/考勤组 merged down over both rows, '10月' merged
      across the day columns over day labels '1\\n四', '2\\n五', … .  With ``weekday_row`` the day
      row holds plain numbers and a third header row holds the weekday letters.
    * Column D (考勤组) is hidden.  Columns after the days: 出勤天数, 迟到次数 (merged down).
    * Data from row 5 (row 6 with ``weekday_row``): 张伟 (工号 '1001' as text), 李娜 (1002 as a
      number), 王芳 ('1003', no entries on days 1-8).  Days 1-8 and weekends read '休息', other days
      '正常', except: 张伟 9 '09:05\\n18:02', 12 '迟到', 13 '请假'; 李娜 14 '出差', 15 '缺卡',
      16 '09:12 18:30', 22 '25:61' (an impossible time); 王芳 20 '迟到', 21 '08:58\\n次日 00:30',
      30 '正常(09:01-18:03)'.
    * Below the people: a blank row, a '合计' row with numbers, and a merged '备注：…' row.
    """
    days = calendar.monthrange(year, month)[1]
    first_day = GRID_FIRST_DAY_COLUMN
    last_day_letter = get_column_letter(first_day + days)
    after = [get_column_letter(first_day + days + 1), get_column_letter(first_day + days + 2)]
    last_letter = after[-1]

    workbook = Workbook()
    summary = workbook.active
    assert summary is not None
    summary.title = "汇总"
    _append(summary, ["姓名", "部门", "出勤天数", "迟到次数", "请假天数"])
    _append(summary, ["张伟", "销售一部", 21, 1, 1])
    _append(summary, ["李娜", "销售二部", 20, 0, 0])
    _append(summary, ["王芳", "销售一部", 15, 1, 0])

    sheet = workbook.create_sheet("月度考勤")
    row = 1
    if title:
        end = date(year, month, days)
        _merge(sheet, "A1", f"{last_letter}1", f"考勤报表 统计日期:{year}-{month:02d}-01 至 {end.isoformat()}")
        generated = datetime(year + month // 12, month % 12 + 1, 2, 9, 12)
        _merge(sheet, "A2", f"{last_letter}2", f"报表生成时间:{generated:%Y-%m-%d %H:%M}")
        row = 3
    upper, lower = row, row + 1
    bottom = lower + 1 if weekday_row else lower
    for letter, text in zip("ABCD", ["姓名", "工号", "部门", "考勤组"], strict=True):
        _merge(sheet, f"{letter}{upper}", f"{letter}{bottom}", text)
    _merge(sheet, f"E{upper}", f"{last_day_letter}{upper}", f"{month}月")
    for letter, text in zip(after, ["出勤天数", "迟到次数"], strict=True):
        _merge(sheet, f"{letter}{upper}", f"{letter}{bottom}", text)
    for day in range(1, days + 1):
        letter = get_column_letter(first_day + day)
        weekday = WEEKDAY_LETTERS[date(year, month, day).weekday()]
        if weekday_row:
            sheet[f"{letter}{lower}"] = day
            sheet[f"{letter}{lower + 1}"] = weekday
        else:
            sheet[f"{letter}{lower}"] = f"{day}\n{weekday}"
    sheet.column_dimensions["D"].hidden = True

    special = {
        "张伟": {9: "09:05\n18:02", 12: "迟到", 13: "请假"},
        "李娜": {14: "出差", 15: "缺卡", 16: "09:12 18:30", 22: "25:61"},
        "王芳": {20: "迟到", 21: "08:58\n次日 00:30", 30: "正常(09:01-18:03)"},
    }
    people = [
        ("张伟", "1001", "销售一部", 21, 1),
        ("李娜", 1002, "销售二部", 20, 0),
        ("王芳", "1003", "销售一部", 15, 1),
    ]
    data = bottom + 1
    for offset, (name, number, department, present, late) in enumerate(people):
        r = data + offset
        sheet[f"A{r}"], sheet[f"B{r}"], sheet[f"C{r}"], sheet[f"D{r}"] = name, number, department, "默认考勤组"
        for day in range(1, days + 1):
            if name == "王芳" and day <= 8:
                continue
            weekday = date(year, month, day).weekday()
            word = "休息" if day <= 8 or weekday >= 5 else "正常"
            sheet[f"{get_column_letter(first_day + day)}{r}"] = special[name].get(day, word)
        sheet[f"{after[0]}{r}"], sheet[f"{after[1]}{r}"] = present, late
    total_row = data + len(people) + 1  # a blank row first
    sheet[f"A{total_row}"] = "合计"
    sheet[f"{after[0]}{total_row}"], sheet[f"{after[1]}{total_row}"] = 56, 2
    _merge(sheet, f"A{total_row + 1}", f"{last_letter}{total_row + 1}", "备注：本表由钉钉考勤导出，仅供参考")

    path = directory / f"钉钉月度汇总_{year}{month:02d}.xlsx"
    workbook.save(path)
    return path


def wecom_person_days(directory: Path) -> Path:
    """A WeCom-like daily statistics sheet (每日统计), one row per person-day.

    * Row 1: merged title '每日统计 统计时间:2026年10月09日 至 2026年10月16日'.
    * Rows 2-3: header; 姓名, 日期, 工号, 部门, 备注 merged down, '上班1' merged over 打卡时间 and
      打卡结果 (E, F), '下班1' likewise (G, H).
    * Dates as '26-10-09 星期五', full-width '２６－１０－１２ 星期一', an Excel serial number (46308,
      row 6), a serial stored as text ('46307', row 12) and a real date (row 10).
    * Times as text '08:57', full-width '０９：１５', '09:01:30', '次日 00:30', an Excel day fraction
      (0.375, row 11), placeholders '--' and the word '未打卡'; employee numbers as text, as a
      number, and in full-width digits.
    * Row 8 blank; row 9 has the date '2026-13-45' in column B; row 13 the time '25:99' in column E;
      row 14 is a merged '说明：…' note.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "每日统计"
    _merge(sheet, "A1", "I1", "每日统计 统计时间:2026年10月09日 至 2026年10月16日")
    for letter, text in zip("ABCDI", ["姓名", "日期", "工号", "部门", "备注"], strict=True):
        _merge(sheet, f"{letter}2", f"{letter}3", text)
    _merge(sheet, "E2", "F2", "上班1")
    _merge(sheet, "G2", "H2", "下班1")
    for letter, text in zip("EFGH", ["打卡时间", "打卡结果", "打卡时间", "打卡结果"], strict=True):
        sheet[f"{letter}3"] = text
    rows: list[list[Any]] = [
        ["张伟", "26-10-09 星期五", "1001", "销售一部", "08:57", "正常", "18:03", "正常", None],
        ["张伟", "２６－１０－１２ 星期一", "1001", "销售一部", "０９：１５", "迟到", "18:00", "正常", None],
        ["张伟", 46308, "1001", "销售一部", "08:50", "正常", "次日 00:30", "正常", "加班"],
        ["李娜", "26-10-09 星期五", 1002, "销售二部", "09:01:30", "迟到", "17:45", "早退", "客户拜访"],
        [None] * 9,
        ["李娜", "2026-13-45", 1002, "销售二部", "08:55", "正常", "18:05", "正常", None],
        ["李娜", date(2026, 10, 12), 1002, "销售二部", "未打卡", "缺卡", "18:10", "正常", None],
        ["王芳", "26-10-09 星期五", "１００３", "销售一部", 0.375, "正常", "18:00", "正常", None],
        ["王芳", "46307", "1003", "销售一部", "--", "请假", "--", "请假", "年假"],
        ["王芳", "26-10-13 星期二", "1003", "销售一部", "25:99", "正常", "18:00", "正常", None],
    ]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(row=4 + offset, column=column, value=value)
    sheet["B10"].number_format = "yyyy/m/d"
    _merge(sheet, "A14", "I14", "说明：数据来源企业微信，打卡结果以审批后为准")
    path = directory / "企业微信每日统计.xlsx"
    workbook.save(path)
    return path


def zkteco_punch_log(directory: Path) -> Path:
    """A ZKTeco-like punch log (考勤记录), one row per punch, no title.

    * Header row 1: 部门, 姓名, 考勤号码, 日期时间, 机器号, 状态 (上班签到 / 下班签退 / 外出: which punch).
    * 日期时间 as real datetimes in some rows and text in others ('2026-10-09 18:03:05',
      '2026/10/9 17:59', full-width '２０２６－１０－１２　０８：５８'); punches interleaved between people.
    * 李娜 punches out at 2026-10-10 00:30 (row 7), after midnight without a 次日 mark.
    * Row 10 has '2026-10-12 8:61' in column D; row 12 has a punch but no name or number.
    """
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "考勤记录"
    rows: list[list[Any]] = [
        ["部门", "姓名", "考勤号码", "日期时间", "机器号", "状态"],
        ["销售一部", "张伟", 1001, datetime(2026, 10, 9, 8, 57, 12), 1, "上班签到"],
        ["销售二部", "李娜", 1002, datetime(2026, 10, 9, 8, 59, 3), 1, "上班签到"],
        ["销售一部", "张伟", 1001, "2026-10-09 12:01:40", 1, "外出"],
        ["销售一部", "张伟", 1001, "2026-10-09 18:03:05", 1, "下班签退"],
        ["销售二部", "李娜", 1002, "2026/10/9 17:59", 1, "下班签退"],
        ["销售二部", "李娜", 1002, datetime(2026, 10, 10, 0, 30), 1, "下班签退"],
        ["销售一部", "张伟", 1001, datetime(2026, 10, 12, 9, 15), 2, "上班签到"],
        ["销售一部", "张伟", 1001, "2026-10-12 18:00:30", 2, "下班签退"],
        ["销售二部", "李娜", 1002, "2026-10-12 8:61", 2, "上班签到"],
        ["销售二部", "李娜", 1002, "２０２６－１０－１２　０８：５８", 2, "上班签到"],
        [None, None, None, datetime(2026, 10, 12, 9, 30), 2, "上班签到"],
    ]
    for values in rows:
        _append(sheet, values)
    for cell in sheet["D"]:
        if isinstance(cell.value, datetime):
            cell.number_format = "yyyy-mm-dd hh:mm:ss"
    path = directory / "zkteco_punches.xlsx"
    workbook.save(path)
    return path


def english_hr_sheet(directory: Path) -> Path:
    """An HR person's own English sheet, one row per person-day.

    * Sheet 'Readme' first (a line of text), then 'Attendance' with header row 1: Name,
      Employee ID, Department, Date, Clock In, Clock Out, Status.
    * Dates as real dates and as US text '10/13/2026'; times as real times, as text '09:15',
      and as '9:05 AM' / '6:10 PM'; a leave day without times; a trailing 'Total' row.
    """
    workbook = Workbook()
    readme = workbook.active
    assert readme is not None
    readme.title = "Readme"
    readme["A1"] = "Attendance for October, exported by HR."
    sheet = workbook.create_sheet("Attendance")
    rows: list[list[Any]] = [
        ["Name", "Employee ID", "Department", "Date", "Clock In", "Clock Out", "Status"],
        ["Zhang Wei", "E1001", "Sales", date(2026, 10, 9), time(8, 57), time(18, 3), "On time"],
        ["Zhang Wei", "E1001", "Sales", date(2026, 10, 12), "09:15", "18:00", "Late"],
        ["Li Na", "E1002", "Sales", "10/13/2026", "9:05 AM", "6:10 PM", "Late"],
        ["Li Na", "E1002", "Sales", date(2026, 10, 14), None, None, "Annual leave"],
        ["Total", None, None, None, None, None, "2 late"],
    ]
    for values in rows:
        _append(sheet, values)
    for cell in sheet["D"][1:]:
        if isinstance(cell.value, date):
            cell.number_format = "yyyy-mm-dd"
    for column in ("E", "F"):
        for cell in sheet[column][1:]:
            if isinstance(cell.value, time):
                cell.number_format = "hh:mm"
    path = directory / "hr_attendance.xlsx"
    workbook.save(path)
    return path


def write_sheets(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """Any rows into a workbook, one sheet per entry (for generated sheets)."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
    workbook.save(path)
    return path
