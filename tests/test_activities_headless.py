"""The headless activity commands, run as IT automation would: a subprocess, exit codes, JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from storage import activities as repo
from storage.db import open_database
from storage.models import Rep
from tests.test_cli import app


def make_db(path: Path) -> None:
    db = open_database(path)
    with db.transaction() as s:
        zhang, li, gone = Rep(name="张伟", employee_no="S001"), Rep(name="李娜", employee_no="S002"), Rep(name="离职")
        gone.active = False
        s.add_all([zhang, li, gone])
        s.flush()
        october = date(2026, 10, 12)
        for minutes, kind in ((90, "visit"), (45, "call"), (120, "order_entry"), (75, "travel"), (30, "report")):
            repo.add_activity(s, rep_id=zhang.id, day=october, minutes=minutes, type_code=kind)
        repo.add_activity(s, rep_id=li.id, day=date(2026, 10, 31), minutes=100, type_code="training")
        repo.add_activity(s, rep_id=li.id, day=date(2026, 11, 1), minutes=60, type_code="visit")  # after the period
        repo.add_activity(s, rep_id=zhang.id, day=date(2026, 9, 30), minutes=60, type_code="visit")  # before it
    db.close()


def test_time_allocation_report_gives_hours_per_category_and_the_direct_share(tmp_path: Path):
    path = tmp_path / "t.sqlite3"
    make_db(path)
    result = app(
        "report", "time-allocation", "--from", "2026-10-01", "--to", "2026-10-31", "--json", "--database", str(path),
        home=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        {
            "rep": "张伟",
            "employee_no": "S001",
            # 90 + 45 direct, 120 + 30 admin, 75 travel = 360 minutes; 135 / 360 = 0.375
            "hours": {"direct": 2.25, "support": 0.0, "admin": 2.5, "meeting": 0.0, "travel": 1.25, "training": 0.0},
            "total_hours": 6.0,
            "direct_selling_share": 0.375,
        },
        {
            "rep": "李娜",
            "employee_no": "S002",
            "hours": {"direct": 0.0, "support": 0.0, "admin": 0.0, "meeting": 0.0, "travel": 0.0, "training": 1.67},
            "total_hours": 1.67,
            "direct_selling_share": 0.0,
        },
    ]


def test_bad_period_is_one_line_on_stderr(tmp_path: Path):
    path = tmp_path / "t.sqlite3"
    make_db(path)
    result = app("report", "time-allocation", "--from", "2026-10-31", "--to", "2026-10-01", "--json",
                 "--database", str(path), home=tmp_path)  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == "--to must not be before --from."
    result = app("report", "time-allocation", "--from", "十月", "--json", "--database", str(path), home=tmp_path)
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1


def weekly_sheet(path: Path, type_word: str) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "第42周"
    sheet.append(["工号", "日期", "开始时间", "结束时间", "活动类型", "客户", "结果"])
    sheet.append(["S001", "2026-10-13", "09:00", "10:15", "电话拜访", "", "约下周见面"])
    sheet.append(["S001", "2026-10-13", "14:00", "16:00", type_word, "", ""])
    book.save(path)
    return path


def test_headless_import_refuses_unknown_type_words_by_name_and_imports_known_ones(tmp_path: Path):
    path = tmp_path / "t.sqlite3"
    make_db(path)
    unknown = app("import", "activities", str(weekly_sheet(tmp_path / "w.xlsx", "跑回款")), "--database", str(path),
                  home=tmp_path)  # fmt: skip
    assert unknown.returncode == 1
    assert unknown.stderr.strip().startswith("w.xlsx: activity types not known: 跑回款. Nothing imported;")
    known = app("import", "activities", str(weekly_sheet(tmp_path / "k.xlsx", "例会")), "--database", str(path),
                home=tmp_path)  # fmt: skip
    assert known.returncode == 0, known.stderr
    assert known.stdout.strip() == "Imported k.xlsx: 2 activities added, 0 updated, 0 unchanged."
    report = app("report", "time-allocation", "--from", "2026-10-13", "--to", "2026-10-13", "--json",
                 "--database", str(path), home=tmp_path)  # fmt: skip
    zhang = json.loads(report.stdout)[0]
    assert zhang["hours"]["direct"] == 1.25 and zhang["hours"]["meeting"] == 2.0
    assert zhang["direct_selling_share"] == round(75 / 195, 4)
