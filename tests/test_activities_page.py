"""The activities page driven as a manager would: quick add with Enter, the time-allocation
chart and the what-if panel, the contact-cost tables, and the type table dialog."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox
from sqlalchemy import select

from storage import activities as repo
from storage.db import Database
from storage.models import Activity, Customer, Opportunity, Rep
from ui.activities_page import ActivitiesPage
from ui.dialogs.activity_dialogs import ActivityTypesDialog

CUSTOMER = "深圳市恒达精密机械有限公司"


def seed(db: Database) -> dict[str, int]:
    today = date.today()
    with db.transaction() as s:
        zhang, li = Rep(name="张伟", employee_no="S001"), Rep(name="李娜", employee_no="S002")
        s.add_all([zhang, li])
        customer = Customer(name=CUSTOMER, short_name="恒达", created_at=today, updated_at=today)
        s.add(customer)
        s.flush()
        repo.add_activity(s, rep_id=zhang.id, day=today, minutes=240, type_code="order_entry")
        repo.add_activity(s, rep_id=li.id, day=today, minutes=60, type_code="visit", customer_id=customer.id)
        repo.add_activity(s, rep_id=li.id, day=today, minutes=60, type_code="travel")
        for _ in range(3):
            repo.add_activity(s, rep_id=li.id, day=today, minutes=10, type_code="call", customer_id=customer.id)
        s.add(
            Opportunity(
                customer_id=customer.id, name="产线改造", owner_id=li.id, amount_fen=20_000_000, status="won",
                closed_on=today - timedelta(days=1), created_on=today - timedelta(days=60), updated_at=today,
            )
        )  # fmt: skip
        return {"张伟": zhang.id, "李娜": li.id, "customer": customer.id}


@pytest.fixture
def page(qtbot, db):  # type: ignore[no-untyped-def]
    seed(db)
    widget = ActivitiesPage(db)
    qtbot.addWidget(widget)
    widget.resize(1400, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.loaded is not None and not widget.loading, timeout=10_000)
    return widget


def test_typing_an_activity_and_pressing_enter_adds_it_to_the_log_and_updates_the_share(qtbot, page):
    # Before: 张伟 240 min order entry; 李娜 60 visit + 30 calls direct, 60 travel -> 90 of 390 min direct.
    assert page.share_label.text() == "6 activities, 6.5 h · direct selling 23.1% (target 22.0%)"
    form = page.form
    form.rep.setCurrentIndex(form.rep.findText("张伟"))
    form.type.setCurrentIndex(form.type.findData("visit"))
    assert form.channel.currentData() == "visit"  # the type's default channel
    qtbot.keyClicks(form.start, "9:00")
    qtbot.keyClicks(form.end, "10:30")
    form.customer.insert(CUSTOMER)
    form.outcome.insert("介绍视觉检测方案")
    qtbot.keyClick(form.outcome, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 7, timeout=10_000)
    new = page.log_model.row_of_id(max(page.log_model.visible_ids()))
    assert new is not None
    values = {key: page.log_model.value(new, key) for key in ("rep", "start", "end", "minutes", "customer", "outcome")}
    assert values == {
        "rep": "张伟", "start": "09:00", "end": "10:30", "minutes": 90, "customer": CUSTOMER,
        "outcome": "介绍视觉检测方案",
    }  # fmt: skip
    # 180 of 480 minutes are direct selling now.
    assert page.share_label.text() == "7 activities, 8.0 h · direct selling 37.5% (target 22.0%)"
    # The form keeps the rep and type for the next entry and is ready for it.
    assert (form.rep.currentText(), form.type.currentData(), form.outcome.text()) == ("张伟", "visit", "")
    # The chart follows: 张伟 90 of 330 minutes direct.
    shares = dict(zip(page.allocation_chart._labels, page.allocation_chart.shares()[:, 0], strict=True))
    assert shares == {"李娜": pytest.approx(90 / 150), "张伟": pytest.approx(90 / 330)}


def test_a_form_without_duration_says_what_to_fill_in(qtbot, page):
    qtbot.keyClicks(page.form.start, "9:00")
    qtbot.keyClick(page.form.start, Qt.Key.Key_Return)
    assert page.form.error.text() == "Give the duration, or both the start and the end time."
    assert page.log_model.rowCount() == 6


def test_what_if_panel_shows_the_new_share_and_the_extra_headcount(qtbot, page):
    page.tabs.setCurrentIndex(1)
    assert page.allocation_chart.row_count() == 2
    assert page.allocation_chart.target_text() == "Target 22.0%"
    # Administration (240 min order entry) is ticked by default: 90 -> 330 of 390 minutes.
    before, after, gain = page.what_if_view.texts()
    assert (before, after, gain) == ("Now 23.1%", "After 84.6%", "= +267% reps")
    page.move_categories["admin"].setChecked(False)
    page.move_categories["travel"].setChecked(True)
    assert page.what_if_view.texts() == ("Now 23.1%", "After 38.5%", "= +67% reps")


def test_contact_cost_per_rep_counts_channels_and_relates_cost_to_won_amount(qtbot, page):
    page.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.class_cost_model.rowCount() == 1, timeout=10_000)
    model = page.rep_cost_model
    row = next(r for r in range(model.rowCount()) if model.value(r, "name") == "李娜")
    # One visit (100) and three calls (1 each) = 103 units against ¥200,000 won = 20 x ¥10,000.
    assert [model.value(row, k) for k in ("visit", "phone", "email", "cost", "won", "per_won")] == [
        1, 3, 0, pytest.approx(103), 200_000, pytest.approx(103 / 20),
    ]  # fmt: skip
    # The customer has no orders yet, so it is a C customer; its contacts and the won deal count there.
    classes = page.class_cost_model
    assert [classes.value(0, k) for k in ("name", "cost", "per_won")] == ["C", pytest.approx(103), pytest.approx(5.15)]


def test_moving_a_type_to_another_category_refiles_its_time(qtbot, db, page):
    dialog = ActivityTypesDialog(db)
    qtbot.addWidget(dialog)
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "order_entry")
    combo = dialog.category_combo(row)
    combo.setCurrentIndex(combo.findData("support"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    with db.transaction() as s:
        kinds = {t.code: t.category for t in repo.list_types(s)}
    assert kinds["order_entry"] == "support"
    page.reload()
    qtbot.waitUntil(lambda: not page.loading, timeout=10_000)
    category = page.filters.findChild(QComboBox, "filter_category")
    category.setCurrentIndex(category.findData("support"))
    assert page.log_model.rowCount() == 1
    assert page.log_model.value(0, "type") == "Order entry"


def test_only_unused_types_of_ones_own_can_be_deleted(qtbot, db, page):
    dialog = ActivityTypesDialog(db)
    qtbot.addWidget(dialog)

    def row_of(code: str) -> int:
        return next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == code)

    dialog.table.setCurrentCell(row_of("travel"), 1)
    dialog.delete_button.click()
    assert dialog.message.text() == "“Travel” is used by 1 activities; change its category instead of deleting it."
    dialog.table.setCurrentCell(row_of("training"), 1)
    dialog.delete_button.click()
    assert dialog.message.text() == "Default types cannot be deleted; change their category instead."
    new = dialog.add_row()
    dialog.table.item(new, 1).setText("展会")
    dialog.category_combo(new).setCurrentIndex(dialog.category_combo(new).findData("direct"))
    dialog.accept()
    with db.transaction() as s:
        fair = next(t for t in repo.list_types(s) if t.name == "展会")
    assert (fair.code, fair.category) == ("zhanhui", "direct")
    again = ActivityTypesDialog(db)
    qtbot.addWidget(again)
    again.table.setCurrentCell(
        next(r for r in range(again.table.rowCount()) if again.table.item(r, 0).text() == "zhanhui"), 1
    )
    again.delete_button.click()
    again.accept()
    with db.transaction() as s:
        assert "zhanhui" not in {t.code for t in repo.list_types(s)}


def test_quick_add_finds_the_customer_by_pinyin_initials(qtbot, page, db):  # type: ignore[no-untyped-def]
    from domain.records import CustomerRecord
    from storage import customers as customer_repo

    with db.transaction() as s:
        huawei = customer_repo.save_record(s, CustomerRecord(name="华为技术有限公司"))
    page.reload()
    qtbot.waitUntil(lambda: not page.loading and len(page.loaded.customers) == 2, timeout=10_000)
    form = page.form
    qtbot.keyClicks(form.duration, "30")
    page.activateWindow()
    form.customer.setFocus()  # a user clicks into the field first
    qtbot.waitUntil(form.customer.hasFocus, timeout=3000)
    qtbot.keyClicks(form.customer, "hwjs")
    completer = form.customer.completer()
    qtbot.waitUntil(lambda: completer.popup().isVisible(), timeout=3000)
    assert completer.completionCount() == 1
    completer.popup().setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert form.customer.text() == "华为技术有限公司"  # the name, not the search keys
    qtbot.keyClick(form.customer, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.log_model.rowCount() == 7, timeout=10_000)
    with db.transaction() as s:
        added = s.scalars(select(Activity).where(Activity.customer_id == huawei)).one()
        assert (added.minutes, added.type.code) == (30, "visit")
