"""Importing reps' daily reports (日报) and weekly activity sheets: the wizard asks once what an
unknown type word means and remembers it, bad rows leave the database as it was, re-importing
does not double the log, and an export imports back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from domain.text import normalise_company_name
from storage import activities as repo
from storage import activity_exchange as exchange
from storage.db import Database, open_database
from storage.exchange import ImportFailed
from storage.models import Activity, ActivityLabel, Customer, Rep
from ui.dialogs.activity_dialogs import ActivityImportDialog

HEADER = ["日期", "姓名", "时间", "工作内容", "客户", "时长", "结果", "下一步"]


def daily_report(path: Path, rows: list[list[object]], title: str = "销售日报（华南区）") -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "日报"
    sheet.append([title])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def setup_people(db: Database) -> dict[str, int]:
    now = date(2026, 10, 1)
    with db.transaction() as s:
        zhang = Rep(name="张伟", employee_no="S001")
        li = Rep(name="李娜", employee_no="S002")
        s.add_all([zhang, li])
        for name, short in (("深圳市恒达精密机械有限公司", "恒达"), ("苏州新源电子科技有限公司", "新源")):
            s.add(Customer(name=name, short_name=short, created_at=now, updated_at=now))
        s.flush()
        return {"张伟": zhang.id, "李娜": li.id}


def activity_rows(db: Database) -> list[tuple[object, ...]]:
    with db.transaction() as s:
        log = repo.activity_log(s, date(2000, 1, 1), date(2100, 1, 1))
        c = log.columns
        return sorted(
            zip(c["day"], c["rep"], c["start"], c["end"], c["minutes"], c["type_code"], c["customer"], strict=True)
        )


def count(db: Database, model: type) -> int:
    with db.transaction() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


REPORT_ROWS: list[list[object]] = [
    ["2026/10/12", "张伟", "9:00-11:30", "拜访", "深圳市恒达精密机械有限公司", None, "介绍视觉检测方案", "发报价"],
    [None, None, None, "打电话", "新源", "30分钟", "确认交期", None],
    [None, None, "13:30-15:00", "写标书", None, None, "恒达二期技术方案", None],
    [None, None, None, "出差路上", None, "1.5h", None, None],
    ["10月13日", "李娜", None, "例会", None, "2小时", "周例会", None],
    [None, None, None, "写标书", None, "90分钟", None, None],
]


def test_wizard_asks_once_for_an_unknown_type_word_and_remembers_it(qtbot, db, tmp_path: Path):
    setup_people(db)
    path = daily_report(tmp_path / "日报-1012.xlsx", REPORT_ROWS)
    dialog = ActivityImportDialog(db, path=str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.header_row.value() == 2
    assert dialog.mapping() == {
        0: "day", 1: "rep", 2: "time", 3: "type", 4: "customer", 5: "duration", 6: "outcome", 7: "next_step",
    }  # fmt: skip
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.label_dialog is not None and dialog.label_dialog.isVisible(), timeout=10_000)
    asking = dialog.label_dialog
    assert asking is not None
    assert list(asking.combos) == ["写标书"]  # 拜访, 打电话, 出差路上, 例会 map by default
    assert not asking.buttons.button(asking.buttons.StandardButton.Ok).isEnabled()
    asking.choose("写标书", "proposal")
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(asking.buttons.button(asking.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert "6 new activities" in dialog.summary.text()
    assert "1 new words" in dialog.summary.text()
    assert activity_rows(db) == [
        (date(2026, 10, 12), "张伟", "", "", 30, "call", "苏州新源电子科技有限公司"),
        (date(2026, 10, 12), "张伟", "", "", 90, "travel", ""),
        (date(2026, 10, 12), "张伟", "09:00", "11:30", 150, "visit", "深圳市恒达精密机械有限公司"),
        (date(2026, 10, 12), "张伟", "13:30", "15:00", 90, "proposal", ""),
        (date(2026, 10, 13), "李娜", "", "", 90, "proposal", ""),
        (date(2026, 10, 13), "李娜", "", "", 120, "internal_meeting", ""),
    ]
    with db.transaction() as s:
        assert repo.learned_labels(s) == {"写标书": "proposal"}

    # Next week's report uses the word again: no question this time.
    path2 = daily_report(
        tmp_path / "日报-1019.xlsx", [["2026-10-19", "李娜", "9:00-10:00", "写标书", None, None, "", ""]]
    )
    second = ActivityImportDialog(db, path=str(path2))
    qtbot.addWidget(second)
    second.show()
    with qtbot.waitSignal(second.imported, timeout=10_000):
        qtbot.mouseClick(second.import_button, Qt.MouseButton.LeftButton)
    assert second.label_dialog is None
    assert "1 new activities" in second.summary.text()
    assert count(db, Activity) == 7


def test_cancelling_the_question_imports_nothing_and_remembers_nothing(qtbot, db, tmp_path: Path):
    setup_people(db)
    dialog = ActivityImportDialog(db, path=str(daily_report(tmp_path / "r.xlsx", REPORT_ROWS)))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.label_dialog is not None and dialog.label_dialog.isVisible(), timeout=10_000)
    assert dialog.label_dialog is not None
    dialog.label_dialog.reject()
    assert dialog.import_button.isEnabled()
    assert count(db, Activity) == 0 and count(db, ActivityLabel) == 0


def test_negative_duration_and_bad_date_are_listed_and_leave_the_database_unchanged(db, tmp_path: Path):
    setup_people(db)
    with db.transaction() as s:
        repo.add_activity(s, rep_id=1, day=date(2026, 10, 1), minutes=60, type_code="visit")
    path = daily_report(
        tmp_path / "bad.xlsx",
        [
            ["2026-10-12", "张伟", None, "拜访", "恒达", "2小时", "", ""],
            ["2026-10-12", "张伟", None, "电话", None, "-30分钟", "", ""],
            ["2026-13-45", "李娜", None, "电话", None, "20分钟", "", ""],
            ["2026-10-14", "王五", "11:00-25:00", "电话", None, None, "", ""],
            ["2026-10-14", "李娜", None, "新词", None, "20分钟", "", ""],
        ],
    )
    preview = exchange.preview_import(path)
    with pytest.raises(ImportFailed) as caught:
        exchange.import_activities(
            db, path, preview.sheet, preview.header_row, preview.mapping, labels={"新词": "call"}
        )
    problems = [(i.row, i.column, str(i.problem)) for i in caught.value.issues]
    assert problems == [
        (4, "F", "negative_duration"),
        (5, "A", "bad_date"),
        (6, "B", "unknown_rep"),
        (6, "C", "bad_time"),
    ]
    assert activity_rows(db) == [(date(2026, 10, 1), "张伟", "", "", 60, "visit", "")]
    assert count(db, ActivityLabel) == 0  # the answer is remembered only with a successful import


def test_unknown_customer_is_logged_unlinked_with_the_name_kept(db, tmp_path: Path):
    setup_people(db)
    path = daily_report(
        tmp_path / "new.xlsx", [["2026-10-12", "S002", None, "上门", "东莞市新客户五金厂", "1h", "初次拜访", ""]]
    )
    preview = exchange.preview_import(path)
    mapping = {**preview.mapping, 1: "employee_no"}
    summary = exchange.import_activities(db, path, preview.sheet, preview.header_row, mapping)
    assert summary.unlinked_customers == ["东莞市新客户五金厂"]
    with db.transaction() as s:
        log = repo.activity_log(s, date(2026, 10, 1), date(2026, 10, 31))
    assert (log.columns["rep"], log.columns["customer"], log.columns["outcome"], log.columns["channel"]) == (
        ["李娜"], [""], ["[东莞市新客户五金厂] 初次拜访"], ["visit"],
    )  # fmt: skip
    # Once the customer is in the file, importing again links the same activity instead of adding one.
    with db.transaction() as s:
        now = date(2026, 10, 20)
        s.add(Customer(name="东莞市新客户五金厂", created_at=now, updated_at=now))
    again = exchange.import_activities(db, path, preview.sheet, preview.header_row, mapping)
    assert (again.created, again.updated, again.unchanged) == (0, 1, 0)
    assert activity_rows(db)[0][6] == "东莞市新客户五金厂"


def test_reimporting_the_same_report_changes_nothing(db, tmp_path: Path):
    setup_people(db)
    path = daily_report(tmp_path / "r.xlsx", REPORT_ROWS)
    preview = exchange.preview_import(path)
    labels = {"写标书": "proposal"}
    first = exchange.import_activities(db, path, preview.sheet, preview.header_row, preview.mapping, labels=labels)
    second = exchange.import_activities(db, path, preview.sheet, preview.header_row, preview.mapping)
    assert (first.created, second.created, second.updated, second.unchanged) == (6, 0, 0, 6)
    assert count(db, Activity) == 6


def test_exported_activities_import_back_into_another_database(db, tmp_path: Path):
    setup_people(db)
    path = daily_report(tmp_path / "r.xlsx", REPORT_ROWS)
    preview = exchange.preview_import(path)
    exchange.import_activities(
        db, path, preview.sheet, preview.header_row, preview.mapping, labels={"写标书": "proposal"}
    )
    out = tmp_path / "export.xlsx"
    assert exchange.export_activities(db, out, date(2026, 10, 1), date(2026, 10, 31), language="zh") == 6
    sheet = load_workbook(out).active
    assert [c.value for c in sheet[1]][:8] == [
        "日期",
        "开始时间",
        "结束时间",
        "时长(分钟)",
        "销售代表",
        "工号",
        "活动类型",
        "时间类别",
    ]
    other = open_database(tmp_path / "other.sqlite3")
    try:
        setup_people(other)
        back = exchange.preview_import(out)
        assert "duration_minutes" in back.mapping.values()
        assert exchange.unknown_labels(other, out, back.sheet, back.header_row, back.mapping) == []
        exchange.import_activities(other, out, back.sheet, back.header_row, back.mapping)
        assert activity_rows(other) == activity_rows(db)
    finally:
        other.close()


_cells = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.integers(-100, 100_000),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e6),
    st.sampled_from(["2026-10-12", "10月12日", "-1h", "9:00-8:00", "25:00", "2小时", "电话", "恒达", "张伟"]),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(_cells, min_size=8, max_size=8), min_size=1, max_size=6))
def test_malformed_rows_import_whole_or_not_at_all(db, tmp_path_factory, rows: list[list[object]]):
    if not count(db, Rep):
        setup_people(db)
    before = activity_rows(db)
    path = daily_report(
        tmp_path_factory.mktemp("h") / "h.xlsx", [["2026-10-12", "张伟", None, "电话", None, "10分钟", "", ""], *rows]
    )
    preview = exchange.preview_import(path, header_row=1)
    mapping = dict(enumerate(HEADER_FIELDS))
    try:
        summary = exchange.import_activities(db, path, preview.sheet, preview.header_row, mapping)
    except ImportFailed as exc:
        assert exc.issues and all(i.sheet == "日报" and i.row >= 2 for i in exc.issues)
        assert activity_rows(db) == before
    else:
        assert len(activity_rows(db)) == len(before) + summary.created
        # Trailing blank rows are not in the file at all; every written row is accounted for.
        assert 1 <= summary.created + summary.updated + summary.unchanged + summary.blank <= len(rows) + 1


HEADER_FIELDS = ["day", "rep", "time", "type", "customer", "duration", "outcome", "next_step"]


def test_customer_names_meet_by_normalised_name():
    assert normalise_company_name("深圳市恒达精密机械（有限公司）") == normalise_company_name(
        "深圳市恒达精密机械有限公司"
    )
