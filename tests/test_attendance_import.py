"""Importing real HR workbooks into a real database: all-or-nothing, people matching, re-imports."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from storage import attendance as repo
from storage.attendance_import import ADD_NEW, AttendanceImportFailed, UnreadableWorkbook, apply_plan, plan_import
from storage.models import Rep
from tests.attendance_fixtures import dingtalk_month_grid, english_hr_sheet


def fingerprint(db) -> str:  # type: ignore[no-untyped-def]
    with db.engine.connect() as c:
        query = "SELECT rep_id, day, punches, status_text FROM attendance_day ORDER BY rep_id, day"
        rows = c.execute(text(query)).all()
        reps = c.execute(text("SELECT id, name, employee_no FROM rep ORDER BY id")).all()
    return hashlib.sha256(repr((rows, reps)).encode()).hexdigest()


@pytest.fixture
def reps(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add_all([Rep(name="张伟", employee_no="E1001"), Rep(name="Li Na", employee_no="")])
    return db


def test_english_sheet_imports_and_gives_hand_computed_figures(reps, tmp_path: Path):
    plan = plan_import(reps, english_hr_sheet(tmp_path))
    assert plan.reading.sheet == "Attendance"
    assert plan.unknown == []  # Zhang Wei by employee id E1001, Li Na by name
    summary = apply_plan(reps, plan)
    assert (summary.added, summary.replaced, summary.unchanged, summary.months) == (4, 0, 0, ((2026, 10),))
    with reps.transaction() as s:
        ledger = repo.ledger(s, 2026, 10, today=date(2026, 10, 31))
    zhang = next(r for r in ledger.rows if r.name == "张伟")
    li = next(r for r in ledger.rows if r.name == "Li Na")
    # 张伟: 9 Oct 08:57-18:03 on time; 12 Oct 09:15 in -> late 15 minutes.
    assert (zhang.summary.present_days, zhang.summary.late_count, zhang.summary.late_minutes) == (2, 1, 15)
    # Li Na: 13 Oct 09:05 AM - 6:10 PM -> late 5; 14 Oct annual leave one day.
    assert (li.summary.late_count, li.summary.late_minutes, li.summary.leave_days) == (1, 5, 1.0)
    assert li.summary.absent_days == 0  # the month is still running on 31 Oct: gaps are not absences


def test_reimporting_the_same_file_adds_nothing(reps, tmp_path: Path):
    path = english_hr_sheet(tmp_path)
    apply_plan(reps, plan_import(reps, path))
    again = apply_plan(reps, plan_import(reps, path))
    assert (again.added, again.replaced, again.unchanged) == (0, 0, 4)


def test_unknown_people_must_be_resolved_and_can_be_added(db, tmp_path: Path):
    plan = plan_import(db, english_hr_sheet(tmp_path))
    assert sorted(plan.unknown) == [("Li Na", "E1002"), ("Zhang Wei", "E1001")]
    before = fingerprint(db)
    with pytest.raises(AttendanceImportFailed) as failure:
        apply_plan(db, plan)
    assert sorted(failure.value.unknown) == [("Li Na", "E1002"), ("Zhang Wei", "E1001")]
    assert fingerprint(db) == before
    summary = apply_plan(db, plan, {("Zhang Wei", "E1001"): ADD_NEW, ("Li Na", "E1002"): ADD_NEW})
    assert (summary.added, summary.people_added) == (4, 2)
    # Next month's file finds them without asking.
    assert plan_import(db, english_hr_sheet(tmp_path)).unknown == []


def test_a_bad_cell_stops_the_import_and_names_sheet_row_and_column(reps, tmp_path: Path):
    path = dingtalk_month_grid(tmp_path)
    plan = plan_import(reps, path)
    assert plan.reading.sheet == "月度考勤"
    bad = [(p.sheet, p.row, p.column, p.value) for p in plan.problems]
    # 李娜 is on row 6 (title rows 1-2, header rows 3-4, data from 5); day 1 is column E, so day 22 is Z.
    assert bad == [("月度考勤", 6, "Z", "25:61")]
    before = fingerprint(reps)
    with pytest.raises(AttendanceImportFailed):
        apply_plan(reps, plan, {p: ADD_NEW for p in plan.unknown})
    assert fingerprint(reps) == before


def test_a_corrected_shape_is_remembered_for_the_next_file_like_it(reps, tmp_path: Path):
    from dataclasses import replace

    from storage.excel.attendance_reader import Shape

    path = english_hr_sheet(tmp_path)
    detected = plan_import(reps, path)
    assert detected.reading.shape is Shape.PERSON_DAY and not detected.remembered
    corrected = plan_import(reps, path, mapping=replace(detected.reading.mapping, status_columns=()))
    apply_plan(reps, corrected, remember=True)
    again = plan_import(reps, path)
    assert again.remembered
    assert again.reading.mapping.status_columns == ()
    assert all(r.status_words == [] for r in again.reading.records)


cells = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=12),
    st.sampled_from(["姓名", "工号", "日期", "打卡时间", "考勤结果", "正常", "迟到", "09:05", "次日 00:30", "25:61"]),
    st.integers(-5, 50_000),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=7), min_size=1, max_size=12))
def test_malformed_sheets_never_crash_the_import_nor_change_the_database(reps, tmp_path_factory, rows):
    from tests.attendance_fixtures import write_sheets

    path = write_sheets(tmp_path_factory.mktemp("junk") / "junk.xlsx", {"考勤": rows})
    before = fingerprint(reps)
    try:
        plan = plan_import(reps, path)
        apply_plan(reps, plan)
    except (AttendanceImportFailed, UnreadableWorkbook):
        assert fingerprint(reps) == before
