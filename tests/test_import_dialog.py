"""The customer import wizard driven as a user would: choose a file, check the mapping, import."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from storage import customers as repo
from storage.models import Customer, Rep
from ui.dialogs.import_dialog import ImportDialog


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "客户名单"
    sheet.append(["2026年客户名单（销售部整理）"])
    sheet.append(["客户名称", "简称", "行业", "电话", "电子邮件", "负责人", "备注"])
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_import_wizard_detects_header_below_a_title_and_imports_all_rows(qtbot, db, tmp_path: Path):
    with db.transaction() as s:
        s.add(Rep(name="王伟"))
    path = workbook(
        tmp_path / "客户.xlsx",
        [
            ["深圳市恒达精密机械有限公司", "恒达", "制造业", "0755-26881234", "info@hengda.cn", "王伟", "老客户"],
            ["苏州新源电子科技有限公司", "新源", "电子", "0512-66001122", "", "", "+86 转 8001"],
        ],
    )
    dialog = ImportDialog(db, path=str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.sheet.currentText() == "客户名单"
    assert dialog.header_row.value() == 2
    assert dialog.mapping() == {
        0: "name",
        1: "short_name",
        2: "industry",
        3: "phone",
        4: "email",
        5: "owner",
        6: "notes",
    }
    assert "2 data rows" in dialog.summary.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "2 created, 0 updated, 0 unchanged" in dialog.summary.text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Close) is not None
    with db.transaction() as s:
        hengda = s.query(Customer).filter_by(short_name="恒达").one()
        assert (hengda.phone, hengda.email, hengda.owner.name, hengda.initials) == (
            "0755-26881234",
            "info@hengda.cn",
            "王伟",
            "szshdjmjxyxgs",
        )
        assert s.query(Customer).filter_by(short_name="新源").one().notes == "+86 转 8001"


def test_a_bad_row_is_listed_with_its_place_and_nothing_is_imported(qtbot, db, tmp_path: Path):
    path = workbook(
        tmp_path / "bad.xlsx",
        [
            ["甲公司", "甲", "", "0755-1234567", "ok@jia.cn", "", ""],
            ["乙公司", "乙", "", "0755-7654321", "not-an-email", "", ""],
            ["丙公司", "丙", "", "", "", "张三", ""],
        ],
    )
    dialog = ImportDialog(db, path=str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.issues.isVisible(), timeout=10_000)
    problems = [dialog.issues.item(i).text() for i in range(dialog.issues.count())]
    assert len(problems) == 2
    assert problems[0].startswith('Sheet 客户名单, row 4, column E: "not-an-email"')
    assert problems[1].startswith('Sheet 客户名单, row 5, column F: "张三"')
    assert "Nothing was imported" in dialog.summary.text()
    with db.transaction() as s:
        assert repo.count_all(s) == 0


def test_changing_a_column_to_do_not_import_leaves_that_field_alone(qtbot, db, tmp_path: Path):
    path = workbook(tmp_path / "c.xlsx", [["丁公司", "丁", "物流", "", "bad@", "", ""]])
    dialog = ImportDialog(db, path=str(path))
    qtbot.addWidget(dialog)
    dialog.show()
    combo = dialog.combos[4]  # column E, e-mail
    combo.setCurrentIndex(combo.findData(None))
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        customer = s.query(Customer).one()
        assert (customer.name, customer.industry, customer.email) == ("丁公司", "物流", "")
