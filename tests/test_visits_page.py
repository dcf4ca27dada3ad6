"""The Visit plans page driven like a manager: plan the week, drag a visit to another day, try a
leave day, record an outcome, add a visit, read the coverage list, change the settings."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from storage import visits as repo
from storage.db import Database
from storage.models import Activity, PlannedVisit
from tests.visit_fixtures import AS_OF, LEAVE_DAY, MONDAY, make_sales_force
from ui.visits_page import VisitsPage
from widgets.kanban import KanbanBoard


def open_page(qtbot, db: Database) -> VisitsPage:  # type: ignore[no-untyped-def]
    page = VisitsPage(db, today=AS_OF)
    qtbot.addWidget(page)
    page.resize(1400, 800)
    page.show()
    page.set_period("week", MONDAY)
    wait_loaded(qtbot, page)
    return page


def wait_loaded(qtbot, page: VisitsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not page.loading and page.loaded is not None and page.loaded.first <= MONDAY, timeout=5000)
    qtbot.waitUntil(lambda: not page.loading, timeout=5000)


def plan_week(qtbot, page: VisitsPage) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.loaded is not None and len(page.loaded.rows) == 10, timeout=5000)
    wait_loaded(qtbot, page)


def board_of(page: VisitsPage) -> KanbanBoard:
    [board] = page.boards
    return board


def titles(board: KanbanBoard, day: date) -> list[str]:
    return [board.card(cid).title for cid in board.card_ids(day.isoformat())]  # type: ignore[union-attr]


def drag(board: KanbanBoard, card_id: int, day: date) -> None:
    source = board.view(board.column_of(card_id) or "")
    data = source.model().mimeData([board.index_of(card_id)])
    viewport = board.view(day.isoformat()).viewport()
    point = viewport.rect().center()
    actions, button, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(point, actions, data, button, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(point + QPoint(0, 4), actions, data, button, none))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point + QPoint(0, 4)), actions, data, button, none))


def visit_of(db: Database, customer_id: int) -> PlannedVisit:
    with db.transaction() as s:
        visit = s.scalar(select(PlannedVisit).where(PlannedVisit.customer_id == customer_id))
        assert visit is not None
        s.expunge(visit)
        return visit


def test_plan_button_fills_the_week_and_leaves_the_leave_day_empty(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    make_sales_force(db)
    page = open_page(qtbot, db)
    assert page.rep.currentText() == "张伟"
    assert page.period_label.text() == "2026-W48 · 11-23 – 11-29"
    plan_week(qtbot, page)
    board = board_of(page)
    assert board.column_keys() == [(MONDAY + timedelta(days=d)).isoformat() for d in range(5)]
    assert [len(board.card_ids((MONDAY + timedelta(days=d)).isoformat())) for d in range(5)] == [3, 2, 0, 3, 2]
    assert board.header_text(LEAVE_DAY.isoformat()) == "11-25 Wed · Leave 0 0 of 4"
    assert board.header_text(MONDAY.isoformat()) == "11-23 Mon 3 3 of 4"
    assert titles(board, MONDAY) == ["上海徐汇01机械有限公司", "上海徐汇02机械有限公司", "上海徐汇03机械有限公司"]
    first_card = board.card(board.card_ids(MONDAY.isoformat())[0])
    assert first_card is not None
    assert (first_card.subtitle, first_card.due, first_card.age) == ("徐汇区 · C · Dog", "Routine visit", "first visit")
    assert page.summary.text().startswith("10 visits on 4 working days: 62% of a capacity of 16")


def test_dragging_a_visit_to_another_day_moves_and_locks_it(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    plan_week(qtbot, page)
    visit = visit_of(db, ids["浦东06"])
    assert (visit.day, visit.locked) == (date(2026, 11, 27), False)
    drag(board_of(page), visit.id, MONDAY)
    wait_loaded(qtbot, page)
    moved = visit_of(db, ids["浦东06"])
    assert (moved.day, moved.locked, moved.position) == (MONDAY, True, 3)
    board = board_of(page)
    assert titles(board, MONDAY)[-1] == "上海浦东06机械有限公司"
    assert board.card(visit.id).badge == "🔒"  # type: ignore[union-attr]
    assert page.status.text() == "上海浦东06机械有限公司 moved to 2026-11-23 and locked."
    # Planning again keeps it there and does not plan the customer twice.
    plan_week(qtbot, page)
    assert titles(board_of(page), MONDAY).count("上海浦东06机械有限公司") == 1
    assert visit_of(db, ids["浦东06"]).day == MONDAY


def test_a_visit_cannot_be_dropped_on_a_leave_day(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    plan_week(qtbot, page)
    visit = visit_of(db, ids["徐汇01"])
    drag(board_of(page), visit.id, LEAVE_DAY)
    assert page.status.text() == ("2026-11-25 is not a working day for the rep (Leave); the visit stays where it was.")
    assert visit_of(db, ids["徐汇01"]).day == MONDAY


def test_recording_the_outcome_from_the_plan_creates_the_activity(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    plan_week(qtbot, page)
    visit = visit_of(db, ids["徐汇02"])
    assert page.select_visit(visit.id)
    qtbot.mouseClick(page.outcome_button, Qt.MouseButton.LeftButton)
    dialog = page.outcome_dialog
    dialog.minutes.setValue(90)
    dialog.outcome.setPlainText("介绍新产品，客户要求报价")  # what an input method commits
    dialog.next_step.setText("周五前发报价")
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    wait_loaded(qtbot, page)
    with db.transaction() as s:
        activity = s.scalar(select(Activity))
        assert activity is not None
        assert (activity.customer_id, activity.day, activity.minutes, activity.outcome, activity.next_step) == (
            ids["徐汇02"], MONDAY, 90, "介绍新产品，客户要求报价", "周五前发报价"
        )  # fmt: skip
    assert board_of(page).card(visit.id).badge == "✓"  # type: ignore[union-attr]
    assert visit_of(db, ids["徐汇02"]).status == "done"


def test_outcome_needs_words(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    plan_week(qtbot, page)
    dialog = page.record_outcome(visit_of(db, ids["徐汇03"]).id)
    assert dialog is not None
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dialog.isVisible() and dialog.error.text() == "Write what came out of the visit."
    with db.transaction() as s:
        assert s.scalar(select(Activity)) is None


def test_adding_a_visit_by_hand(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    dialog = page.add_visit()
    assert dialog is not None
    dialog.customer.setEditText("")
    qtbot.keyClicks(dialog.customer.lineEdit(), "shja")  # pinyin initials of 上海静安
    completer = dialog.customer.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=3000)
    assert completer.completionCount() == 1
    completer.popup().setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert dialog.customer_id() == ids["静安01"]
    dialog.purpose.setText("联合拜访")
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    wait_loaded(qtbot, page)
    visit = visit_of(db, ids["静安01"])
    assert (visit.rep_id, visit.day, visit.purpose, visit.locked) == (ids["zhang"], MONDAY, "联合拜访", True)


def test_coverage_tab_lists_the_reps_uncontacted_customers(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    make_sales_force(db)
    page = open_page(qtbot, db)
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.coverage_model.rowCount() == 10, timeout=5000)
    assert page.coverage_model.value(0, "interval") == 61
    assert page.coverage_model.value(0, "last") is None
    page.coverage_scope.setCurrentIndex(1)
    page.load_coverage()
    qtbot.waitUntil(lambda: page.coverage_model.rowCount() == 11, timeout=5000)


def test_settings_dialog_changes_the_daily_cap(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    make_sales_force(db)
    page = open_page(qtbot, db)
    dialog = page.edit_settings()
    dialog.cap.setValue(2)
    dialog.share.setValue(100)
    dialog.accept()
    wait_loaded(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.loaded is not None and len(page.loaded.rows) == 8, timeout=5000)
    with db.transaction() as s:
        assert repo.load_settings(s).daily_cap == 2


def test_planning_every_rep_at_once(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    qtbot.mouseClick(page.team_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.status.text().startswith("Planned 11 visits for 2 reps"), timeout=5000)
    assert page.status.text() == "Planned 11 visits for 2 reps; 0 due visits did not fit."
    wait_loaded(qtbot, page)
    assert len(page.loaded.rows) == 10  # type: ignore[union-attr]
    page.set_rep(ids["wang"])
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.loaded is not None and page.loaded.rep_id == ids["wang"], timeout=5000)
    assert [(r.customer, r.day) for r in page.loaded.rows] == [("上海静安01贸易有限公司", MONDAY)]


def test_midweek_the_plan_starts_today_and_counts_from_today(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    make_sales_force(db)
    tuesday = MONDAY + timedelta(days=1)
    page = VisitsPage(db, today=tuesday)
    qtbot.addWidget(page)
    page.show()
    wait_loaded(qtbot, page)
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    # Tuesday, Thursday, Friday (Wednesday is leave): capacity 12, 60% = 7 visits, none on Monday.
    qtbot.waitUntil(lambda: page.loaded is not None and len(page.loaded.rows) == 7, timeout=5000)
    wait_loaded(qtbot, page)
    assert board_of(page).card_ids(MONDAY.isoformat()) == []
    assert page.summary.text() == (
        "7 visits on 3 working days: 58% of a capacity of 12 (4 a day; target 60% planned). 0 locked, 0 done. "
        "Counted from today (2026-11-24)."
    )


def test_adding_a_visit_on_a_leave_day_in_another_week_warns_and_shows_that_week(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = VisitsPage(db, today=AS_OF)  # the week of 11-16: the leave day is in the next week
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and page.loaded is not None, timeout=5000)
    dialog = page.add_visit(ids["浦东03"])
    assert dialog is not None and dialog.customer_id() == ids["浦东03"]
    dialog.day.setDate(LEAVE_DAY)
    qtbot.mouseClick(
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: page.loaded is not None and page.loaded.first == MONDAY and not page.loading, timeout=5000)
    assert page.status.text() == ("Visit added and locked. Note: 2026-11-25 is not a working day for the rep (Leave).")
    assert titles(board_of(page), LEAVE_DAY) == ["上海浦东03机械有限公司"]


def test_a_visit_cannot_be_dragged_into_the_past_and_a_done_visit_reopens_with_its_outcome(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_sales_force(db)
    page = open_page(qtbot, db)
    plan_week(qtbot, page)
    page.today = MONDAY + timedelta(days=1)
    visit = visit_of(db, ids["浦东06"])
    drag(board_of(page), visit.id, MONDAY)
    assert page.status.text() == "2026-11-23 is already past; the visit stays where it was."
    assert visit_of(db, ids["浦东06"]).day == date(2026, 11, 27)
    with db.transaction() as s:
        repo.record_outcome(s, visit.id, minutes=40, outcome="送样", next_step="下周回访", start="15:30")
    page.reload()
    wait_loaded(qtbot, page)
    dialog = page.record_outcome(visit.id)
    assert dialog is not None
    assert (dialog.start.time().toString("HH:mm"), dialog.minutes.value(), dialog.outcome.toPlainText()) == (
        "15:30", 40, "送样"
    )  # fmt: skip
    assert dialog.next_step.text() == "下周回访"


def test_a_year_the_holiday_calendar_does_not_cover_is_named(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    make_sales_force(db)
    page = VisitsPage(db, today=date(2035, 1, 2))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.loading and page.loaded is not None, timeout=5000)
    assert page.summary.text().endswith(
        "The holiday calendar does not cover 2035 yet: public holidays are not left out; "
        "mark them under Attendance → Rules before planning."
    )
