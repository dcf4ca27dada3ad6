"""The attendance ledger page driven as a manager would: read the month, click a day, correct it."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from storage import attendance as repo
from storage.models import Rep
from ui.attendance_page import AttendancePage


class Record:
    def __init__(self, name: str, no: str, day: date, punches: list[str], words: list[str]) -> None:
        self.employee_name, self.employee_no, self.day = name, no, day
        self.punches = [datetime.combine(day, datetime.strptime(p, "%H:%M").time()) for p in punches]
        self.status_words = words


@pytest.fixture
def page(qtbot, db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add(Rep(name="张伟", employee_no="S001"))
        s.flush()
        matched, _ = repo.match_people(s, [("张伟", "S001")])
        repo.apply_person_days(
            s,
            [
                Record("张伟", "S001", date(2026, 3, 2), ["08:58", "18:01"], []),
                Record("张伟", "S001", date(2026, 3, 3), ["09:20", "18:01"], []),
                Record("张伟", "S001", date(2026, 3, 4), [], []),
                Record("张伟", "S001", date(2026, 3, 5), [], ["年假"]),
            ],
            matched,
            "test",
        )
    widget = AttendancePage(db)
    qtbot.addWidget(widget)
    widget.resize(1400, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.loaded is not None and not widget.loading, timeout=5000)
    return widget


def cell(page, row: int, day: int) -> str:  # type: ignore[no-untyped-def]
    return page.model.data(page.model.index(row, 1 + day))


def test_ledger_opens_on_the_latest_month_with_symbols_and_summary(page):
    assert page.year_month() == (2026, 3)
    assert page.model.data(page.model.index(0, 1)) == "张伟"
    assert [cell(page, 0, d) for d in (2, 3, 4, 5, 7)] == ["✓", "迟", "旷", "假", "休"]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    late_column = headers.index("Late")
    assert page.model.data(page.model.index(0, late_column)) == "1"
    assert page.model.data(page.model.index(0, headers.index("Late min."))) == "20"
    tooltip = page.model.data(page.model.index(0, 1 + 3), Qt.ItemDataRole.ToolTipRole)
    assert "09:20 18:01" in tooltip and "Late 20 min" in tooltip
    # March is over: the 18 working days with no record count as absent, plus the 4th.
    assert page.model.data(page.model.index(0, headers.index("Absent"))) == "19"
    assert page.charts.month_values() == ([1], [19])


def test_clicking_a_day_and_giving_a_reason_corrects_it(qtbot, page, db):
    view = page.view
    rect = view.visualRect(page.model.index(0, 1 + 4))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.last_dialog
    assert dialog.isVisible()
    dialog.status.insert("病假")  # as an input method commits Chinese text
    dialog.accept()
    assert dialog.error.isVisible()  # no reason given: refused
    dialog.reason.insertPlainText("病假条已补交")  # as an input method commits Chinese text
    dialog.accept()
    qtbot.waitUntil(lambda: cell(page, 0, 4) == "假", timeout=5000)
    with db.transaction() as s:
        trail = repo.corrections(s, 1, date(2026, 3, 4))
    assert [t[3] for t in trail] == ["病假条已补交"]


def test_a_longer_grace_in_the_rules_dialog_forgives_a_late_arrival(qtbot, page, db):
    from PySide6.QtCore import QDate

    qtbot.mouseClick(page.rules_button, Qt.MouseButton.LeftButton)
    dialog = page.last_dialog
    dialog.grace.setValue(20)  # 09:20 is no longer late
    dialog.new_day.setDate(QDate(2026, 3, 4))
    dialog.new_kind.setCurrentIndex(dialog.new_kind.findData(False))  # the absent 4th becomes a company day off
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.overrides.rowCount() == 1
    dialog.accept()
    qtbot.waitUntil(lambda: not page.loading and cell(page, 0, 3) == "✓", timeout=5000)
    assert cell(page, 0, 4) == "休"
    with db.transaction() as s:
        rules = repo.load_rules(s)
        assert rules.grace_minutes == 20
        assert repo.work_calendar(s, rules).is_working_day(date(2026, 3, 4)) is False


def test_many_flagged_reps_are_named_ten_at_a_time_and_the_page_stays_narrow(qtbot, db):
    # Fifteen reps, rep n late on n % 5 + 3 days of March: all flagged, the most often late first.
    with db.transaction() as s:
        s.add_all(Rep(name=f"销售{n:02d}", employee_no=f"S{n:03d}") for n in range(15))
        s.flush()
        people = [(f"销售{n:02d}", f"S{n:03d}") for n in range(15)]
        matched, _ = repo.match_people(s, people)
        records = [
            Record(name, number, date(2026, 3, day), ["09:10", "18:00"], [])
            for n, (name, number) in enumerate(people)
            for day in (2, 3, 4, 5, 6, 9, 10)[: n % 5 + 3]  # working days only
        ]
        repo.apply_person_days(s, records, matched, "test")
    widget = AttendancePage(db)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitUntil(lambda: widget.loaded is not None and not widget.loading, timeout=5000)
    assert widget.status.text() == (
        "Reps: 15; working days: 22. Late 3 times or more: "
        "销售04, 销售09, 销售14, 销售03, 销售08, 销售13, 销售02, 销售07, 销售12, 销售01 and 5 more."
    )
    assert widget.minimumSizeHint().width() < 1000
    # The chart: the most often late first, twelve side by side, the rest a drag away.
    late, _absent = widget.charts.month_values()
    assert late == [7, 7, 7, 6, 6, 6, 5, 5, 5, 4, 4, 4, 3, 3, 3]
    (left, right), _ = widget.charts.per_rep.getPlotItem().getViewBox().viewRange()
    assert (left, right) == pytest.approx((-0.6, 11.6))
    assert "the 12 most often late of 15 reps" in widget.charts.per_rep.getPlotItem().titleLabel.text


def test_a_ledger_loaded_for_a_month_no_longer_shown_is_not_taken(qtbot, page):
    # The user moved on to April while March loaded: the grid and what a click opens stay together.
    shown = page.loaded
    page.month.blockSignals(True)
    page.set_month(2026, 4)
    page.month.blockSignals(False)
    page._loaded(dataclasses.replace(shown))
    assert page.loaded is shown
    qtbot.waitUntil(lambda: not page.loading and page.loaded.ledger.month == 4, timeout=5000)
