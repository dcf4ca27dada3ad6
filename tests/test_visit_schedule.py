"""The printed visit schedule (拜访计划表) of a rep: the headless print command, the PDF's pages, the Excel export.

张伟 (E01) owns twelve customers in three districts of 上海市, none with orders (class C, value class
Dog: a visit every 61 days). 上海东方精密机械有限公司 was last visited on 2026-08-20 and has an open
opportunity whose next step is the visit's purpose. He is on leave on Wednesday 2026-11-25, so week
2026-W48 has four days of four visits: 16 slots, of which the planner fills 60%, i.e. 10 visits.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import text

from domain.pipeline import OpportunityRecord, Stage
from domain.records import ContactRecord, CustomerRecord
from domain.visits import Schedule, ScheduleDay, ScheduleVisit
from storage import activities
from storage import customers as customer_repo
from storage import pipeline as pipeline_repo
from storage import visits as repo
from storage.attendance import correct_day
from storage.db import Database, open_database
from storage.models import Rep
from storage.visit_exchange import export_schedule
from tests.test_cli import app

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")

MONDAY, LEAVE_DAY, FRIDAY = date(2026, 11, 23), date(2026, 11, 25), date(2026, 11, 27)
AS_OF = date(2026, 11, 20)
VISITED = "上海东方精密机械有限公司"
OUTCOME = "客户对新报价感兴趣，要求提供样机测试"
KIT_WORDS = ("名片", "产品目录/宣传册", "最新价格表", "同行业参考客户名单", "客户档案", "计算器", "笔记本", "公司礼品",
             "拜访记录表", "地图")  # fmt: skip

# (name, district, street address, contact, title, decision role, contact's phone)
CUSTOMERS = (
    (VISITED, "浦东新区", "张江路88号", "王强", "", "decision_maker", "13911110001"),
    ("上海浦江自动化设备有限公司", "浦东新区", "金科路2966号", "李娜", "采购经理", "", "13911110002"),
    ("上海金桥电气成套有限公司", "浦东新区", "金桥路1399号", "陈刚", "", "influencer", "13911110003"),
    ("上海外高桥液压件有限公司", "浦东新区", "富特北路211号", "赵敏", "设备部主管", "", "13911110004"),
    ("上海川沙模具制造有限公司", "浦东新区", "川沙路5558号", "孙磊", "", "executor", "13911110005"),
    ("上海漕河泾仪器仪表有限公司", "徐汇区", "宜山路700号", "周洁", "技术总监", "", "13911110006"),
    ("上海徐家汇数控技术有限公司", "徐汇区", "漕溪北路88号", "吴昊", "", "negotiator", "13911110007"),
    ("上海龙华精工机械有限公司", "徐汇区", "龙华中路596号", "郑伟", "总经理", "", "13911110008"),
    ("上海田林传动设备有限公司", "徐汇区", "田林路140号", "冯丽", "", "decision_maker", "13911110009"),
    ("上海莘庄工业泵阀有限公司", "闵行区", "莘松路958号", "韩冰", "采购员", "", "13911110010"),
    ("上海紫竹机器人有限公司", "闵行区", "紫竹路300号", "杨帆", "", "influencer", "13911110011"),
    ("上海颛桥紧固件有限公司", "闵行区", "颛兴东路1277号", "朱军", "仓库主管", "", "13911110012"),
)


def make_territory(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    with db.transaction() as s:
        s.add_all([Rep(name="张伟", employee_no="E01"), Rep(name="王芳", employee_no="E02")])
        s.flush()
        ids["zhang"] = s.execute(text("SELECT id FROM rep WHERE name = '张伟'")).scalar_one()
        for name, district, address, contact, title, role, phone in CUSTOMERS:
            ids[name] = customer_repo.save_record(
                s,
                CustomerRecord(
                    name=name, city="上海市", district=district, address=address, phone="021-64000000",
                    owner_id=ids["zhang"],
                    contacts=[ContactRecord(name=contact, title=title, decision_role=role, phone=phone)],
                ),
            )  # fmt: skip
        pipeline_repo.save_deal(
            s,
            OpportunityRecord(
                customer_id=ids[VISITED], name="数控机床采购项目", amount_fen=850_000_00, stage=Stage.PROPOSAL,
                owner_id=ids["zhang"], next_step="提交技术方案", next_step_on=date(2026, 11, 26),
                created_on=date(2026, 9, 1),
            ),
            today=date(2026, 9, 1),
        )  # fmt: skip
        activities.add_activity(
            s, rep_id=ids["zhang"], day=date(2026, 8, 20), minutes=60, type_code="visit", channel="visit",
            customer_id=ids[VISITED], outcome=OUTCOME,
        )  # fmt: skip
        correct_day(s, ids["zhang"], LEAVE_DAY, [], "年假", "approved annual leave")
        repo.generate(s, ids["zhang"], MONDAY, MONDAY + timedelta(days=6), AS_OF)
    return ids


def pdf_text(path: Path, page: int | None = None) -> str:
    """The PDF's text without white space.

    The page shows the right characters, but the PDF's text maps a few to look-alikes sharing their glyph
    in the CJK font: Kangxi radicals (⽉ for 月), other radicals (⻔ for 门) and 戶 for 户; :func:`fold` maps
    both sides of a comparison alike.
    """
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout
    return fold("".join(out.split()))


_LOOK_ALIKES = str.maketrans({"⻆": "角", "⻔": "门", "戶": "户"})


def fold(text: str) -> str:
    """NFKC (full-width punctuation to ASCII, Kangxi radicals to characters) and the look-alikes above."""
    return unicodedata.normalize("NFKC", text).translate(_LOOK_ALIKES)


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def checksum(database: Path) -> str:
    digest = hashlib.sha256()
    db = open_database(database)
    with db.engine.connect() as connection:
        tables = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        for (table,) in list(tables):
            for row in connection.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                digest.update(repr(tuple(row)).encode())
    db.close()
    return digest.hexdigest()


# --------------------------------------------------------------------------- the headless command


def test_printing_the_week_shows_every_planned_visit_with_what_the_rep_needs(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite3"
    db = open_database(database)
    ids = make_territory(db)
    with db.transaction() as s:
        planned = repo.visit_rows(s, ids["zhang"], MONDAY, MONDAY + timedelta(days=6), AS_OF)
    db.close()
    assert len(planned) == 10
    assert LEAVE_DAY not in {v.day for v in planned}
    assert VISITED in {v.customer for v in planned}
    pdf = tmp_path / "拜访计划.pdf"

    result = app("--lang", "zh_CN", "print", "visit-schedule", "--rep", "张伟", "--week", "2026-W48",
                 "-o", str(pdf), "--database", str(database), home=tmp_path)  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{pdf}：共 10 次拜访，分布在 4 天"
    printed = pdf_text(pdf)
    for visit in planned:
        assert fold(visit.customer) in printed
    assert "拜访计划·张伟·2026-W48(11月23日–11月29日)" in printed
    assert all(word in printed for word in KIT_WORDS)
    assert fold(f"2026-08-20·{OUTCOME}") in printed
    assert fold("王强（最终决策者）") in printed
    assert "13911110001" in printed
    assert "提交技术方案" in printed  # the opportunity's next step is the visit's purpose
    assert "数控机床采购项目·提案·¥850,000" in printed
    assert "11月25日星期三请假" in printed


def test_a_week_without_visits_is_planned_first_and_exported_to_excel(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite3"
    make_territory(open_database(database))
    workbook = tmp_path / "next week.xlsx"

    result = app("--lang", "en", "print", "visit-schedule", "--rep", "E01", "--week", "2026-W50",
                 "-o", str(workbook), "--database", str(database), home=tmp_path)  # fmt: skip

    assert result.returncode == 0, result.stderr
    first, summary = result.stdout.strip().splitlines()
    assert first.startswith("张伟 had no visits planned in 2026-W50; planned ")
    count = int(first.split("planned ")[-1].split()[0])
    assert count > 0
    assert summary.startswith(f"{workbook}: {count} visits over ")
    sheet = openpyxl.load_workbook(workbook).active
    assert sheet is not None
    assert sheet.max_row == count + 1
    assert sheet.cell(1, 1).value == "Date"


def test_an_unknown_rep_prints_one_line_and_changes_nothing(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite3"
    make_territory(open_database(database))
    before = checksum(database)
    pdf = tmp_path / "out.pdf"

    result = app("--lang", "en", "print", "visit-schedule", "--rep", "李雷", "--week", "2026-W49",
                 "-o", str(pdf), "--database", str(database), home=tmp_path)  # fmt: skip

    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "李雷" in lines[0]
    assert not pdf.exists()
    assert checksum(database) == before


def test_a_bad_week_prints_one_line(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite3"
    make_territory(open_database(database))
    result = app("--lang", "en", "print", "visit-schedule", "--rep", "张伟", "--week", "2026-48",
                 "-o", str(tmp_path / "x.pdf"), "--database", str(database), home=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == "--week must be an ISO week such as 2026-W48, not 2026-48."


# --------------------------------------------------------------------------- pages


def long_month() -> Schedule:
    """47 visits over the working days of November 2026; every seventh customer has a very long
    name and address. Each block's words carry its number: 客户07…, 联系人07, 1390000000007."""
    days: list[ScheduleDay] = []
    number = 0
    day = date(2026, 11, 2)
    while day <= date(2026, 11, 30):
        if day.weekday() < 5:
            visits = []
            for _ in range(2 + day.day % 2):
                number += 1
                long = number % 7 == 3
                name = f"客户{number:02d}" + (
                    "上海浦东新区张江高科技园区国际精密机械制造与自动化设备进出口贸易股份有限公司第二分公司"
                    if long
                    else "机械有限公司"
                )
                address = f"上海市浦东新区张江路{number}号" + (
                    "科苑路与碧波路交叉口东北角国际创新园区B座12层1205室（请从北门进入，前台登记）" if long else ""
                )
                visits.append(
                    ScheduleVisit(
                        number, number, name, ("A", "star") if long else ("C", "dog"), "浦东新区", address,
                        f"联系人{number:02d}", "decision_maker", f"13900000{number:05d}", "",
                        date(2026, 10, 1 + number % 28), "客户对新报价感兴趣", ("数据中心扩容 · 招投标 · ¥1,500,000",),
                        False, "planned",
                    )
                )  # fmt: skip
            days.append(ScheduleDay(day, visits))
        day += timedelta(days=1)
    return Schedule("张伟", date(2026, 11, 1), date(2026, 11, 30), days)


def test_no_visit_is_split_across_pages_of_a_long_month(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.printing import save_pdf
    from ui.visit_schedule import Words, day_heading, schedule_render

    schedule = long_month()
    assert schedule.visit_count == 52
    pdf = tmp_path / "month.pdf"
    save_pdf(pdf, schedule_render(schedule, "zh"), landscape=False)

    pages = page_count(pdf)
    assert pages >= 10
    # Each block names its day at the right of the customer's name; pdftotext reads that in between the
    # lines of a long name, so the days are taken out before looking for the names.
    headings = [fold("".join(day_heading(d.day, Words("zh")).split())) for d in schedule.days]
    texts = []
    for page in range(1, pages + 1):
        page_text = pdf_text(pdf, page)
        for heading in headings:
            page_text = page_text.replace(heading, "")
        texts.append(page_text)
    for d in schedule.days:
        for v in d.visits:
            words = (v.customer, v.address, v.contact, v.phone)
            on = [{n for n, t in enumerate(texts, start=1) if fold(w) in t} for w in words]
            assert len(on[0]) == 1 and all(found == on[0] for found in on), (v.customer, on)


def test_breaks_are_needed_and_set_only_where_a_visit_would_straddle(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSizeF

    from ui.printing import _document_layout_device
    from ui.visit_schedule import keep_visits_together, schedule_document

    document = schedule_document(long_month(), "zh")
    document.documentLayout().setPaintDevice(_document_layout_device())
    document.setPageSize(QSizeF(733, 1062))  # A4 portrait less 8 mm margins, at 96 dpi
    breaks = keep_visits_together(document)
    assert breaks >= 5
    assert keep_visits_together(document) == breaks  # laid out again: the same breaks, not more


# --------------------------------------------------------------------------- the document's language


def test_a_chinese_schedule_from_an_english_console(qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.labels import ui_language
    from ui.visit_schedule import schedule_document

    assert ui_language() == "en"
    schedule = long_month()
    chinese = schedule_document(schedule, "zh").toPlainText()
    english = schedule_document(schedule, "en").toPlainText()
    assert "拜访计划 · 张伟 · 2026-11 (11月1日–11月30日)" in chinese
    assert "11月2日 星期一" in chinese and "例行拜访" in chinese and "联系人01（最终决策者）" in chinese
    assert all(word in chinese for word in KIT_WORDS)
    assert "Visit schedule · 张伟 · 2026-11 (1 Nov–30 Nov)" in english
    assert "Monday, 2 Nov" in english and "Routine visit" in english and "联系人01 (Final decision maker)" in english
    assert "Business cards" in english and "名片" not in english


# --------------------------------------------------------------------------- Excel


def test_excel_export_has_one_row_per_visit(db: Database, tmp_path: Path) -> None:
    ids = make_territory(db)
    with db.transaction() as s:
        repo.add_visit(s, ids["zhang"], ids["上海颛桥紧固件有限公司"], FRIDAY, "催收货款")
        schedule = repo.schedule(s, ids["zhang"], MONDAY, MONDAY + timedelta(days=6), True, AS_OF)
    path = tmp_path / "schedule.xlsx"

    assert export_schedule(schedule, path, "zh") == 11

    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("日期", "星期", "顺序", "客户名称", "客户分类", "区县", "地址", "联系人", "职务/角色", "电话",
                       "拜访目的", "上次拜访", "上次拜访结果", "在谈商机", "状态")  # fmt: skip
    assert len(rows) == 12
    visited = next(r for r in rows if r[3] == VISITED)
    # Monday opens with the most overdue customer's district, 浦东新区, and takes two more of it (by name:
    # 外高桥, 川沙); the day's visits go by street address: 富特北路, 川沙路, 张江路.
    assert visited == (
        datetime(2026, 11, 23), "星期一", 3, VISITED, "C · 小狗", "浦东新区", "上海市浦东新区张江路88号",
        "王强", "最终决策者", "13911110001", "提交技术方案", datetime(2026, 8, 20), OUTCOME,
        "数控机床采购项目 · 提案 · ¥850,000", "计划",
    )  # fmt: skip
    added = rows[-1]
    assert added[:4] == (datetime(2026, 11, 27), "星期五", 3, "上海颛桥紧固件有限公司")
    assert added[8:] == ("仓库主管", "13911110012", "催收货款", None, "首次拜访", None, "计划（经理指定）")
