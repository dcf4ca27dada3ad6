"""The attendance import wizard, clicked through on real HR workbooks and a real database."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from storage.models import Rep
from tests.attendance_fixtures import dingtalk_month_grid, english_hr_sheet, wecom_person_days
from ui.dialogs import attendance_import_dialog as wizard
from ui.dialogs.attendance_import_dialog import AttendanceImportDialog

STATUS_COLUMN = 6  # column G, 'Status', of the English HR sheet


def count(db, table: str) -> int:  # type: ignore[no-untyped-def]
    with db.engine.connect() as c:
        return c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def open_dialog(qtbot, db, path: Path) -> AttendanceImportDialog:  # type: ignore[no-untyped-def]
    dialog = AttendanceImportDialog(db, None)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.set_file(str(path))
    return dialog


def column_texts(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(row, column).data() or "" for row in range(model.rowCount())]


def choose(qtbot, dialog: AttendanceImportDialog, column: int, read_as: str | None) -> None:  # type: ignore[no-untyped-def]
    combo = dialog.combos[column]
    index = combo.findData(read_as)
    combo.setCurrentIndex(index)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        combo.activated.emit(index)


def click_import(qtbot, dialog: AttendanceImportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def reps(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add_all([Rep(name="张伟", employee_no="E1001"), Rep(name="Li Na", employee_no="")])
    return db


def test_english_sheet_is_understood_previewed_and_imported(qtbot, reps, tmp_path: Path):
    dialog = open_dialog(qtbot, reps, english_hr_sheet(tmp_path))
    understood = dialog.understood.text()
    assert "Sheet “Attendance” read as one row per person and day." in understood
    assert "Header in row 1." in understood
    assert "Period 2026-10." in understood
    assert "Person-days: 4; people: 2." in understood
    assert dialog.sheet.currentText() == "Attendance"
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Readme", "Attendance"]
    assert (dialog.header_first.value(), dialog.header_last.value()) == (1, 1)
    # The columns as read: the first value under each header and what it is read as.
    assert column_texts(dialog.mapping_model, 1) == [
        "Name", "Employee ID", "Department", "Date", "Clock In", "Clock Out", "Status"
    ]  # fmt: skip
    assert [dialog.combos[c].currentText() for c in range(7)] == [
        "Name", "Employee no.", "Department", "Date", "Punch time", "Punch time", "Status"
    ]  # fmt: skip
    assert column_texts(dialog.mapping_model, 2)[0] == "Zhang Wei"
    # The first person-days as they will be stored.
    assert dialog.preview_model.rowCount() == 4
    assert column_texts(dialog.preview_model, 4) == ["08:57  18:03", "09:15  18:00", "09:05  18:10", ""]
    assert column_texts(dialog.preview_model, 5) == ["On time", "Late", "Late", "Annual leave"]
    assert dialog.problems_box.isHidden() and dialog.people_box.isHidden()
    assert "One row that holds no attendance" in dialog.information.text()  # the Total row
    assert not dialog.remember.isChecked()
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=10_000) as imported:
        click_import(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("4 days added, 0 replaced, 0 unchanged"))
    # Zhang Wei late on one day, Li Na on one; each has 2 of October's 18 working days: 16 absent each.
    assert dialog.summary.text() == (
        "4 days added, 0 replaced, 0 unchanged; 0 people added.\n"
        "2026-10 in the ledger now: 2 people, 2 late arrivals, 32 absent days, 0 missing punches."
    )
    assert imported.args == [(2026, 10)]
    assert count(reps, "attendance_day") == 4
    assert dialog.import_button.text() == "Close"


def test_a_bad_cell_in_the_dingtalk_grid_is_listed_and_blocks_the_import(qtbot, reps, tmp_path: Path):
    dialog = open_dialog(qtbot, reps, dingtalk_month_grid(tmp_path))
    understood = dialog.understood.text()
    assert "Sheet “月度考勤” read as month grid: one row per person, one column per day." in understood
    assert "Header in rows 3 to 4." in understood
    assert "Period 2026-10." in understood
    # The day columns show their dates; 考勤组 (hidden column D) is ignored.
    assert dialog.mapping_model.index(4, 3).data() == "Day 1 (2026-10-01)"
    assert dialog.combos[3].currentText() == "(ignore)"
    assert not dialog.problems_box.isHidden()
    rows = [
        [dialog.problems_model.index(r, c).data() for c in range(5)] for r in range(dialog.problems_model.rowCount())
    ]
    assert [r[:4] for r in rows] == [["月度考勤", "6", "Z", "25:61"]]
    assert rows[0][4].startswith("This is not a clock time")
    assert dialog.summary.text().startswith("One problem stops the import.")
    assert not dialog.import_button.isEnabled()
    click_import(qtbot, dialog)
    qtbot.wait(100)
    assert (count(reps, "attendance_day"), count(reps, "rep")) == (0, 2)


def test_wecom_preview_marks_punches_after_midnight_and_lists_both_bad_cells(qtbot, db, tmp_path: Path):
    dialog = open_dialog(qtbot, db, wecom_person_days(tmp_path))
    assert "Header in rows 2 to 3." in dialog.understood.text()
    # 张伟 on 13 Oct (row 6): in at 08:50, out at 次日 00:30.
    assert [dialog.preview_model.index(2, c).data() for c in range(5)] == [
        "6", "张伟", "1001", "2026-10-13", "08:50  next day 00:30"
    ]  # fmt: skip
    problems = [[dialog.problems_model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert problems == [["每日统计", "9", "B", "2026-13-45"], ["每日统计", "13", "E", "25:99"]]
    assert dialog.problems_model.index(0, 4).data().startswith("This is not a date")
    assert dialog.summary.text().startswith("2 problems stop the import.")
    assert not dialog.import_button.isEnabled()


def test_a_grid_without_a_month_can_be_given_one(qtbot, db, tmp_path: Path):
    path = dingtalk_month_grid(tmp_path, title=False).rename(tmp_path / "grid.xlsx")
    dialog = open_dialog(qtbot, db, path)
    assert dialog.problems_model.index(0, 4).data().startswith("The day columns have no year and month")
    assert not dialog.period.isHidden() and dialog.period.currentText() == "(choose the month)"
    index = dialog.period.findData("2026-10")
    dialog.period.setCurrentIndex(index)
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.period.activated.emit(index)
    assert "Period 2026-10." in dialog.understood.text()
    assert dialog.mapping_model.index(4, 3).data() == "Day 1 (2026-10-01)"
    assert [dialog.problems_model.index(0, c).data() for c in range(4)] == [
        "月度考勤",
        "4",
        "Z",
        "25:61",
    ]  # no title rows: 李娜 is on row 4


def test_unknown_people_default_to_new_reps_and_are_added(qtbot, db, tmp_path: Path):
    dialog = open_dialog(qtbot, db, english_hr_sheet(tmp_path))
    assert not dialog.people_box.isHidden()
    assert sorted(dialog.people_combos) == [("Li Na", "E1002"), ("Zhang Wei", "E1001")]
    assert {c.currentText() for c in dialog.people_combos.values()} == {"Add as a new rep"}
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        click_import(qtbot, dialog)
    # Zhang Wei late on one day, Li Na on one; each has 2 of October's 18 working days: 16 absent each.
    assert dialog.summary.text() == (
        "4 days added, 0 replaced, 0 unchanged; 2 people added.\n"
        "2026-10 in the ledger now: 2 people, 2 late arrivals, 32 absent days, 0 missing punches."
    )
    assert (count(db, "rep"), count(db, "attendance_day")) == (2, 4)


def test_an_unknown_person_defaults_to_the_rep_of_the_same_name(qtbot, db, tmp_path: Path):
    # Two reps called Li Na: the name alone does not say which, so the wizard asks.
    with db.transaction() as s:
        s.add_all([Rep(name="Li Na", employee_no="E9"), Rep(name="Li Na", employee_no="E8")])
    dialog = open_dialog(qtbot, db, english_hr_sheet(tmp_path))
    assert dialog.people_combos[("Li Na", "E1002")].currentText() == "Li Na"
    assert dialog.people_combos[("Zhang Wei", "E1001")].currentText() == "Add as a new rep"


def test_ignoring_the_status_column_replans_and_is_remembered_for_the_next_file(qtbot, reps, tmp_path: Path):
    path = english_hr_sheet(tmp_path)
    dialog = open_dialog(qtbot, reps, path)
    choose(qtbot, dialog, STATUS_COLUMN, None)
    assert column_texts(dialog.preview_model, 5) == ["", "", "", ""]
    assert column_texts(dialog.preview_model, 4)[0] == "08:57  18:03"  # the rest is read as before
    assert dialog.combos[STATUS_COLUMN].currentText() == "(ignore)"
    assert dialog.remember.isChecked()
    assert "corrected" not in dialog.understood.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        click_import(qtbot, dialog)
    # As above, but without the status column Li Na's day of annual leave holds nothing: one more absent day.
    assert dialog.summary.text() == (
        "4 days added, 0 replaced, 0 unchanged; 0 people added.\n"
        "2026-10 in the ledger now: 2 people, 2 late arrivals, 33 absent days, 0 missing punches."
    )

    again = open_dialog(qtbot, reps, path)
    assert "Using the column mapping you corrected for a file like this before." in again.understood.text()
    assert again.combos[STATUS_COLUMN].currentText() == "(ignore)"
    assert column_texts(again.preview_model, 5) == ["", "", "", ""]


def test_choosing_a_column_for_a_field_takes_it_from_the_column_that_had_it(qtbot, reps, tmp_path: Path):
    dialog = open_dialog(qtbot, reps, english_hr_sheet(tmp_path))
    choose(qtbot, dialog, 2, "name")  # Department read as the name
    assert dialog.combos[0].currentText() == "(ignore)"
    assert dialog.combos[2].currentText() == "Name"
    assert column_texts(dialog.preview_model, 1) == ["Sales"] * 4


def test_another_sheet_or_header_row_is_read_again(qtbot, reps, tmp_path: Path):
    dialog = open_dialog(qtbot, reps, english_hr_sheet(tmp_path))
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.sheet.setCurrentIndex(0)
        dialog.sheet.activated.emit(0)
    assert dialog.plan is not None and dialog.plan.reading.sheet == "Readme"
    assert not dialog.problems_box.isHidden()
    assert dialog.problems_model.index(0, 4).data().startswith("No header naming the person")
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.sheet.setCurrentIndex(1)
        dialog.sheet.activated.emit(1)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.planned, timeout=10_000):
        dialog.header_first.setValue(2)  # the first person-day row taken for the header
    assert "Header in row 2." in dialog.understood.text()
    assert dialog.remember.isChecked()
    assert not dialog.import_button.isEnabled()


def test_a_file_that_is_no_workbook_gets_a_sentence(qtbot, db, tmp_path: Path):
    path = tmp_path / "考勤.xlsx"
    path.write_text("not a spreadsheet", encoding="utf-8")
    dialog = open_dialog(qtbot, db, path)
    assert dialog.summary.text().startswith("考勤.xlsx cannot be read: ")
    assert "Traceback" not in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.mapping_model.rowCount() == 0


def test_cancelling_the_import_changes_nothing(qtbot, reps, tmp_path: Path, monkeypatch):
    release = threading.Event()
    real_apply = wizard.apply_plan

    def held_apply(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(wizard, "apply_plan", held_apply)
    dialog = open_dialog(qtbot, reps, english_hr_sheet(tmp_path))
    click_import(qtbot, dialog)
    assert dialog._job is not None
    dialog._job.cancel()  # as the progress window's Cancel does
    release.set()
    qtbot.waitUntil(lambda: dialog.summary.text() == "Import cancelled. Nothing was changed.", timeout=10_000)
    assert count(reps, "attendance_day") == 0
    assert dialog.import_button.isEnabled()


def test_an_unexpected_failure_is_a_sentence_and_changes_nothing(qtbot, reps, tmp_path: Path, monkeypatch):
    def broken_apply(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk I/O error in attendance_day")

    monkeypatch.setattr(wizard, "apply_plan", broken_apply)
    dialog = open_dialog(qtbot, reps, english_hr_sheet(tmp_path))
    click_import(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.summary.text().startswith("The import failed"), timeout=10_000)
    assert dialog.summary.text() == "The import failed and nothing was changed. The details are in the log file."
    assert count(reps, "attendance_day") == 0
    assert dialog.import_button.isEnabled() and dialog.import_button.text() == "Import"
