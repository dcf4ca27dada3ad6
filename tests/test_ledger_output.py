"""The month's attendance ledger leaving the console: the styled workbook for HR and the printout.

October 2026 in a real database: the National Day holiday 1-7 October, Saturday 10 October an
adjusted working day (调休上班), so 18 working days. 张伟 is late three times (flagged), absent
once, on leave, on a trip, in the field; 李娜 takes half a day of personal leave and a sick day,
leaves early once and has one working day with no record at all, which the finished month counts
as absent.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from domain.attendance import LeaveType
from storage import attendance as repo
from storage.excel.ledger_writer import write_ledger
from storage.models import Rep
from storage.progress import JobCancelled

AMBER, RED, BLUE, TEAL, ORANGE, GREY = "FFD966", "F4A6A6", "BDD7EE", "A8DCD5", "F8CBAD", "D9D9D9"
OCTOBER_WORKING_DAYS = [8, 9, 10, *range(12, 17), *range(19, 24), *range(26, 31)]


@dataclass
class Record:
    employee_name: str
    employee_no: str
    day: date
    punches: list[datetime]
    status_words: list[str]


def punches(day: int, *times: str) -> list[datetime]:
    return [datetime.fromisoformat(f"2026-10-{day:02d}T{t}") for t in times]


def october_records() -> list[Record]:
    zhang = {
        9: (punches(9, "09:12", "18:05"), []),  # late 12
        12: (punches(12, "09:05", "18:00"), []),  # late 5
        13: ([], []),  # nothing at all on a working day: absent
        14: ([], ["年假"]),
        15: (punches(15, "09:31", "18:10"), []),  # late 31, seriously
        16: (punches(16, "08:55", "17:40"), []),  # early 20
        19: (punches(19, "08:50"), []),  # one punch: the out punch is missing
        20: ([], ["出差"]),
        21: (punches(21, "08:59", "18:00"), ["外勤"]),
    }
    li = {
        9: (punches(9, "13:00", "18:00"), ["事假半天"]),
        22: ([], ["病假"]),
        30: ([], ["早退15分钟"]),
    }
    records = [Record("张伟", "S001", date(2026, 10, 3), punches(3, "10:00", "15:00"), ["加班"])]  # holiday overtime
    for d in OCTOBER_WORKING_DAYS:
        times, words = zhang.get(d, (punches(d, "08:58", "18:02"), ["正常"]))
        records.append(Record("张伟", "S001", date(2026, 10, d), times, words))
        if d == 23:
            continue  # 李娜 has no record for the 23rd
        times, words = li.get(d, (punches(d, "08:45", "18:30"), []))
        records.append(Record("李娜", "S002", date(2026, 10, d), times, words))
    return records


@pytest.fixture
def october(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add_all([Rep(name="张伟", employee_no="S001"), Rep(name="李娜", employee_no="S002")])
    with db.transaction() as s:
        matched, unknown = repo.match_people(s, [("张伟", "S001"), ("李娜", "S002")])
        assert unknown == []
        repo.apply_person_days(s, october_records(), matched, "october.xlsx")
    return db


def october_ledger(db, today: date = date(2026, 11, 5)) -> repo.Ledger:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        return repo.ledger(s, 2026, 10, today=today)


def test_ledger_month_is_the_one_hr_sees(october):
    ledger = october_ledger(october)
    zhang, li = ledger.rows
    assert zhang.summary.report_fields() == {
        "workdays": 18,
        "present_days": 15,
        "late_count": 3,
        "late_minutes": 48,
        "early_leave_count": 1,
        "early_leave_minutes": 20,
        "missing_punches": 1,
        "absent_days": 1,
        "leave_days": 1.0,
        "trip_days": 1,
        "field_days": 1,
    }
    assert zhang.summary.flagged
    assert li.summary.report_fields() == {
        "workdays": 18,
        "present_days": 16,
        "late_count": 0,
        "late_minutes": 0,
        "early_leave_count": 1,
        "early_leave_minutes": 15,
        "missing_punches": 0,
        "absent_days": 1,
        "leave_days": 1.5,
        "trip_days": 0,
        "field_days": 0,
    }
    assert li.summary.leave_days_by_type == {LeaveType.PERSONAL: 0.5, LeaveType.SICK: 1.0}
    assert not li.summary.flagged


# --------------------------------------------------------------------------- the workbook

# Columns: A employee no, B name, C..AG days 1-31, AH..AU the summary (14 columns this month).
SUMMARY_HEADERS_ZH = [
    "应出勤天数", "实出勤天数", "迟到次数", "迟到分钟", "早退次数", "早退分钟", "缺卡次数", "旷工天数",
    "请假天数", "年假", "事假", "病假", "出差天数", "外勤天数",
]  # fmt: skip


def fill_of(cell) -> str | None:  # type: ignore[no-untyped-def]
    if cell.fill is None or cell.fill.fill_type != "solid":
        return None
    return cell.fill.fgColor.rgb[-6:]


def test_exported_workbook_has_title_grid_colours_and_summary(october, tmp_path: Path):
    ledger = october_ledger(october)
    path = tmp_path / "考勤 2026-10.xlsx"
    reports: list[tuple[int, int]] = []
    write_ledger(ledger, path, "zh", progress=lambda done, total: reports.append((done, total)))
    assert reports[0] == (0, 2) and reports[-1] == (2, 2)

    ws = openpyxl.load_workbook(path).active
    assert ws.title == "考勤汇总表 2026-10"
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A1:AU1", "A2:AU2", "A3:A4", "B3:B4", "AH3:AH4", "AU3:AU4"} <= merged
    assert ws["A1"].value == "2026年10月 考勤汇总表"
    assert ws["A1"].font.b
    assert ws["A2"].value == "班次 09:00-18:00，宽限 0 分钟"

    # Two-row header: day numbers over weekday names; 1 October 2026 is a Thursday.
    assert [ws.cell(3, c).value for c in range(1, 3)] == ["工号", "姓名"]
    assert [ws.cell(3, c).value for c in range(3, 34)] == list(range(1, 32))
    assert [ws.cell(4, c).value for c in range(3, 10)] == ["四", "五", "六", "日", "一", "二", "三"]
    assert [ws.cell(3, c).value for c in range(34, 48)] == SUMMARY_HEADERS_ZH

    assert [ws["A5"].value, ws["B5"].value, ws["A6"].value, ws["B6"].value] == ["S001", "张伟", "S002", "李娜"]
    # 张伟: late on the 9th, absent the 13th, annual leave the 14th, early the 16th, one punch the
    # 19th, a trip the 20th, field work the 21st.
    expected = {
        "K5": ("迟", AMBER),
        "N5": ("迟", AMBER),
        "O5": ("旷", RED),
        "P5": ("假", BLUE),
        "Q5": ("迟", AMBER),
        "R5": ("早", "FFF2CC"),
        "U5": ("缺", ORANGE),
        "V5": ("差", TEAL),
        "W5": ("外", TEAL),
        "J5": ("✓", None),
        # 李娜: half a day of personal leave, sick leave, no record on the 23rd (absent), early the 30th.
        "K6": ("假", BLUE),
        "X6": ("假", BLUE),
        "Y6": ("旷", RED),
        "AF6": ("早", "FFF2CC"),
    }
    assert {ref: (ws[ref].value, fill_of(ws[ref])) for ref in expected} == expected

    # The National Day holiday is grey in the header and every row, overtime on the 3rd included;
    # Saturday 10 October is an adjusted working day: not shaded, and worked.
    for row in (3, 4, 5, 6):
        assert fill_of(ws.cell(row, 3)) == GREY  # 1 October
        assert fill_of(ws.cell(row, 9)) == GREY  # 7 October
        assert fill_of(ws.cell(row, 13)) == GREY  # Sunday 11 October
        assert fill_of(ws.cell(row, 12)) != GREY  # Saturday 10 October, 调休上班
    assert ws["E5"].value == "休"
    assert (ws["L4"].value, ws["L5"].value, ws["L6"].value) == ("六", "✓", "✓")

    # The summary columns are the ledger's figures, leave split by the types that occur.
    zhang, li = ledger.rows
    for row, ledger_row in ((5, zhang), (6, li)):
        figures = [ws.cell(row, c).value for c in range(34, 48)]
        fields = ledger_row.summary.report_fields()
        by_type = ledger_row.summary.leave_days_by_type
        assert figures == [
            *(fields[k] for k in list(fields)[:9]),
            *(by_type.get(kind, 0) for kind in (LeaveType.ANNUAL, LeaveType.PERSONAL, LeaveType.SICK)),
            fields["trip_days"],
            fields["field_days"],
        ]
    assert [ws.cell(5, c).value for c in range(34, 48)] == [18, 15, 3, 48, 1, 20, 1, 1, 1, 1, 0, 0, 1, 1]
    assert [ws.cell(6, c).value for c in range(34, 48)] == [18, 16, 0, 0, 1, 15, 0, 1, 1.5, 0, 0.5, 1, 0, 0]

    # 张伟 was late three times: his name is bold red; 李娜's is not.
    assert ws["B5"].font.b and ws["B5"].font.color.rgb[-6:] == "C00000"
    assert not ws["B6"].font.b

    # The legend under the grid, then the notes.
    legend = [ws.cell(8, c).value for c in range(1, 48) if ws.cell(8, c).value is not None]
    assert legend[:5] == ["图例", "✓", "正常", "迟", "迟到"]
    assert "休" in legend
    assert ws["A9"].value == "节假日：10月1日至7日（国庆节）。"
    assert ws["A10"].value == "调休上班：10月10日。"
    assert ws["A11"].value == "姓名红色加粗：本月迟到 3 次及以上。"

    # Thin borders around the grid, narrow day columns, frozen names and header.
    assert ws["K5"].border.left.style == "thin" and ws["AU6"].border.bottom.style == "thin"
    assert ws.column_dimensions["C"].width < 5 < ws.column_dimensions["B"].width
    assert ws.freeze_panes == "C5"

    # Print setup: A4 landscape, one page wide, as many pages down as needed, header on every page.
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$4"
    assert ws.print_options.horizontalCentered
    assert ws.page_margins.left == ws.page_margins.right == 0.25


def test_english_workbook_has_english_headers(october, tmp_path: Path):
    path = tmp_path / "ledger.xlsx"
    write_ledger(october_ledger(october), path, "en")
    ws = openpyxl.load_workbook(path).active
    assert ws["A1"].value == "Attendance ledger, October 2026"
    assert ws["A2"].value == "Shift 09:00-18:00, grace 0 min"
    assert [ws["A3"].value, ws["B3"].value] == ["Employee no.", "Name"]
    assert [ws.cell(4, c).value for c in range(3, 10)] == ["Th", "Fr", "Sa", "Su", "Mo", "Tu", "We"]
    assert [ws.cell(3, c).value for c in range(34, 48)] == [
        "Working days", "Present days", "Late", "Late minutes", "Early leave", "Early-leave minutes",
        "Missing punches", "Absent days", "Leave days", "Annual leave", "Personal leave", "Sick leave",
        "Trip days", "Field days",
    ]  # fmt: skip
    # The symbols are the ledger's own in both languages; the legend explains them.
    assert ws["K5"].value == "迟"
    assert ws["A9"].value == "Holidays: 1-7 October (National Day)."
    assert ws["A10"].value == "Adjusted working days: 10 October."


def test_month_in_progress_leaves_days_to_come_blank(october, tmp_path: Path):
    path = tmp_path / "ledger.xlsx"
    write_ledger(october_ledger(october, today=date(2026, 10, 20)), path, "zh")
    ws = openpyxl.load_workbook(path).active
    # 李娜's missing 23rd is not absent while the month runs; weekends ahead are still rest days.
    assert (ws["Y6"].value, fill_of(ws["Y6"])) == (None, None)
    assert ws.cell(6, 41).value == 0  # absent days
    assert (ws["Z6"].value, fill_of(ws["Z6"])) == ("休", GREY)  # Saturday 24 October
    assert ws["A12"].value == "空白：本月尚未到来或未导入的工作日。"


def test_names_that_look_like_formulas_are_written_as_text(db, tmp_path: Path):
    hostile = '=HYPERLINK("http://example.com","点我")'
    with db.transaction() as s:
        s.add_all([Rep(name=hostile, employee_no="+86-1"), Rep(name="@王五", employee_no="-7")])
    with db.transaction() as s:
        ledger = repo.ledger(s, 2026, 10, today=date(2026, 11, 5))
    path = tmp_path / "ledger.xlsx"
    write_ledger(ledger, path)
    ws = openpyxl.load_workbook(path).active
    cells = {(ws.cell(r, 1).value, ws.cell(r, 2).value) for r in (5, 6)}
    assert cells == {("+86-1", hostile), ("-7", "@王五")}
    for r in (5, 6):
        for c in (1, 2):
            assert ws.cell(r, c).data_type == "s"
            assert ws.cell(r, c).quotePrefix
    with zipfile.ZipFile(path) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_cancelled_export_keeps_the_previous_file(october, tmp_path: Path):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "ledger.xlsx"
    path.write_bytes(b"last month's file")

    def cancel(done: int, total: int) -> None:
        if done == total:
            raise JobCancelled()

    with pytest.raises(JobCancelled):
        write_ledger(october_ledger(october), path, progress=cancel)
    assert path.read_bytes() == b"last month's file"
    assert [p.name for p in folder.iterdir()] == ["ledger.xlsx"]


# --------------------------------------------------------------------------- printing


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed, so the PDF's text cannot be read back")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # Qt maps some Noto CJK glyphs back to the look-alike Kangxi radicals (⽉ U+2F49 for 月): the
    # page shows the right character, the extracted text needs NFKC to compare.
    return unicodedata.normalize("NFKC", text)


def test_ledger_prints_to_a_pdf_in_chinese(october, qapp, tmp_path: Path):
    from ui.printing import ledger_document, render_document, save_pdf

    path = tmp_path / "考勤 2026-10.pdf"
    save_pdf(path, render_document(ledger_document(october_ledger(october), "zh")), title="考勤汇总表")
    assert path.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~")] == []
    text = pdf_text(path)
    assert "2026年10月 考勤汇总表" in text
    assert "张伟" in text and "李娜" in text
    assert "应出勤" in text and "迟" in text and "旷" in text
    assert unicodedata.normalize("NFKC", "节假日：10月1日至7日（国庆节）。") in text


def test_ledger_prints_in_english(october, qapp, tmp_path: Path):
    from ui.printing import ledger_document, render_document, save_pdf

    path = tmp_path / "ledger.pdf"
    save_pdf(path, render_document(ledger_document(october_ledger(october), "en")))
    text = pdf_text(path)
    assert "Attendance ledger, October 2026" in text
    assert "张伟" in text and "李娜" in text
    # Header words are never broken inside ('Worki ng'): the columns are measured.
    for word in ("Working", "Present", "minutes", "punches", "Personal"):
        assert word in text


@pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")  # the offscreen platform
def test_print_preview_lays_out_a4_landscape_or_portrait(october, qtbot):
    from PySide6.QtGui import QPageLayout, QPageSize

    from ui.printing import ledger_document, preview_dialog, render_document

    document = ledger_document(october_ledger(october), "zh")
    render = render_document(document)
    seen = []

    def spy(printer) -> None:  # type: ignore[no-untyped-def]
        layout = printer.pageLayout()
        seen.append((layout.pageSize().id(), layout.orientation()))
        render(printer)

    for landscape, orientation in (
        (True, QPageLayout.Orientation.Landscape),
        (False, QPageLayout.Orientation.Portrait),
    ):
        dialog = preview_dialog(None, "考勤汇总表", spy, landscape=landscape)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: len(seen) > 0)
        assert seen[-1] == (QPageSize.PageSizeId.A4, orientation)
        assert "考勤汇总表" in dialog.windowTitle()
        dialog.close()
        seen.clear()
    assert document.pageCount() == 1


def test_saving_a_pdf_where_it_cannot_be_written_says_so(october, qapp, tmp_path: Path):
    from ui.printing import ledger_document, render_document, save_pdf

    path = tmp_path / "no such folder" / "ledger.pdf"
    with pytest.raises(OSError, match="could not be written") as raised:
        save_pdf(path, render_document(ledger_document(october_ledger(october))))
    assert str(path) in str(raised.value)
    assert isinstance(raised.value.__cause__, FileNotFoundError)  # the system's reason, for the log
    assert not path.parent.exists()


def test_the_pdf_can_be_saved_by_a_background_job(october, qtbot, tmp_path: Path):
    from PySide6.QtWidgets import QWidget

    from ui.jobs import run_job
    from ui.printing import ledger_document, render_document, save_pdf

    ledger = october_ledger(october)
    path = tmp_path / "ledger.pdf"
    parent = QWidget()
    qtbot.addWidget(parent)
    outcome: list[object] = []
    job = run_job(
        parent,
        lambda progress: save_pdf(path, render_document(ledger_document(ledger, "zh"))),
        on_success=outcome.append,
        on_failure=outcome.append,
    )
    qtbot.waitUntil(lambda: job.done, timeout=20000)
    assert outcome == [None]
    assert "张伟" in pdf_text(path)


def test_a_long_ledger_repeats_its_header_on_every_page(db, qapp, tmp_path: Path):
    from ui.printing import ledger_document, render_document, save_pdf

    with db.transaction() as s:
        s.add_all(Rep(name=f"销售{n:02d}", employee_no=f"S{n:03d}") for n in range(1, 61))
    with db.transaction() as s:
        ledger = repo.ledger(s, 2026, 10, today=date(2026, 11, 5))
    path = tmp_path / "ledger.pdf"
    save_pdf(path, render_document(ledger_document(ledger, "zh")))
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed, so the pages cannot be counted")
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == 2
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(path), "-"], capture_output=True, text=True)
    text = unicodedata.normalize("NFKC", second.stdout)
    assert "工号" in text and "姓名" in text and "外勤" in text and "销售60" in text
    assert "考勤汇总表" not in text  # the title is printed once, on the first page


def test_a_ledger_wider_than_the_page_is_scaled_not_cut(db, qapp, tmp_path: Path):
    from ui.printing import ledger_document, render_document, save_pdf

    leave = ["年假", "事假", "病假", "调休", "婚假", "产假", "丧假", "请假"]
    with db.transaction() as s:
        s.add(Rep(name="王芳", employee_no="S009"))
    with db.transaction() as s:
        matched, _ = repo.match_people(s, [("王芳", "S009")])
        records = [
            Record("王芳", "S009", date(2026, 10, d), [], [word])
            for d, word in zip(OCTOBER_WORKING_DAYS, leave, strict=False)
        ]
        repo.apply_person_days(s, records, matched, "leave.xlsx")
    with db.transaction() as s:
        ledger = repo.ledger(s, 2026, 10, today=date(2026, 11, 5))
    assert len(ledger.rows[0].summary.leave_days_by_type) == 8
    document = ledger_document(ledger, "en")
    path = tmp_path / "ledger.pdf"
    save_pdf(path, render_document(document))
    assert document.pageCount() == 1
    text = pdf_text(path)
    # All 19 summary columns made it onto the page, the last one included, words unbroken.
    for header in ("Bereavement", "Maternity", "Marriage", "Other", "Field"):
        assert header in text
