"""The customer page driven as a user would: typing, clicking, editing, deleting, merging."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from domain.records import ContactRecord, CustomerRecord, OrderRecord
from storage import customers as repo
from storage.models import Customer, Rep
from ui.main_window import MainWindow

TODAY = date.today()


def _orders(amount: int, count: int) -> list[OrderRecord]:
    return [OrderRecord(TODAY - timedelta(days=20 * (i + 1)), Decimal(amount) / count) for i in range(count)]


@pytest.fixture
def filled_db(db):  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        s.add(Rep(name="王伟", employee_no="S001"))
        s.flush()
        # Sales 12 months: 华为 600K (A, 8 orders: star), 中兴 300K (A/B, 2 orders: cow),
        # 华润 80K (B? see below, 10 orders: volcano), 比亚迪 20K (C, 1 order: dog), 海尔 none (C).
        # Total 1,000K. Running share before each: 0, 60%, 90%, 98%, 100%
        # -> 华为 A, 中兴 A (60% < 75%), 华润 B (90% < 95%), 比亚迪 C (98%), 海尔 C.
        for name, amount, count, status in (
            ("华为技术有限公司", 600_000, 8, "closed"),
            ("中兴通讯股份有限公司", 300_000, 2, "closed"),
            ("华润万家有限公司", 80_000, 10, "closed"),
            ("比亚迪股份有限公司", 20_000, 1, "closed"),
            ("海尔集团", 0, 0, "potential"),
        ):
            repo.save_record(
                s,
                CustomerRecord(
                    name=name,
                    status=status,
                    phone="0755-28780808" if name.startswith("华为") else "",
                    owner_id=1,
                    contacts=[ContactRecord(name="联系人" + name[:2])],
                    orders=_orders(amount, count) if count else [],
                ),
            )
    return db


@pytest.fixture
def window(qtbot, filled_db, qsettings):  # type: ignore[no-untyped-def]
    w = MainWindow(filled_db, qsettings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: w.customers._table is not None and not w.customers.loading, timeout=10_000)
    return w


def names_shown(page) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def column_of(page, key: str) -> int:  # type: ignore[no-untyped-def]
    return page.model.column_keys().index(key)


def test_typing_pinyin_initials_filters_customers(qtbot, window):
    page = window.customers
    assert page.model.rowCount() == 5
    qtbot.keyClicks(page.filters.search, "hwjs")
    assert names_shown(page) == ["华为技术有限公司"]
    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "huar")
    assert names_shown(page) == ["华润万家有限公司"]
    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "2878")
    assert names_shown(page) == ["华为技术有限公司"]
    assert page.count_label.text().startswith("1 ")


def test_classes_shown_match_the_hand_computed_ones(window):
    page = window.customers
    abc = {
        page.model.data(page.model.index(r, 0)): page.model.data(page.model.index(r, column_of(page, "abc")))
        for r in range(5)
    }
    assert abc == {
        "华为技术有限公司": "A",
        "中兴通讯股份有限公司": "A",
        "华润万家有限公司": "B",
        "比亚迪股份有限公司": "C",
        "海尔集团": "C",
    }
    value = {page.model.data(page.model.index(r, 0)): page.model.value(r, "value") for r in range(5)}
    assert value == {
        "华为技术有限公司": "star",
        "中兴通讯股份有限公司": "cow",
        "华润万家有限公司": "volcano",
        "比亚迪股份有限公司": "dog",
        "海尔集团": "dog",
    }


def test_choosing_abc_class_b_shows_only_b_customers(window):
    page = window.customers
    combo = page.filters.combo("abc")
    combo.setCurrentIndex(combo.findData("B"))
    assert names_shown(page) == ["华润万家有限公司"]


def test_clicking_name_header_sorts_by_pinyin(qtbot, window):
    page = window.customers
    header = page.view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 10, 5)
    )
    shown = names_shown(page)
    # bi, hai, huarun, huawei, zhong
    expected = ["比亚迪股份有限公司", "海尔集团", "华润万家有限公司", "华为技术有限公司", "中兴通讯股份有限公司"]
    assert shown in (expected, expected[::-1])
    if shown != expected:
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 10, 5)
        )
        assert names_shown(page) == expected


def _select(qtbot, page, name: str) -> None:  # type: ignore[no-untyped-def]
    row = names_shown(page).index(name)
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.detail.editors["name"].text() == name


def test_bad_email_is_shown_beside_the_field_and_not_saved(qtbot, window, filled_db):
    page = window.customers
    _select(qtbot, page, "比亚迪股份有限公司")
    email = page.detail.editors["email"]
    email.clear()
    qtbot.keyClicks(email, "sales@byd")
    qtbot.mouseClick(page.detail.save_button, Qt.MouseButton.LeftButton)
    error = page.detail.fields["email"].error
    assert error.isVisible()
    assert "e-mail" in error.text()
    with filled_db.transaction() as s:
        assert s.query(Customer).filter_by(name="比亚迪股份有限公司").one().email == ""
    qtbot.keyClicks(email, ".com")
    qtbot.mouseClick(page.detail.save_button, Qt.MouseButton.LeftButton)
    assert not error.isVisible()
    with filled_db.transaction() as s:
        assert s.query(Customer).filter_by(name="比亚迪股份有限公司").one().email == "sales@byd.com"


def test_negative_order_amount_is_refused_in_the_order_dialog(qtbot):
    from ui.customer_detail import OrderDialog

    dialog = OrderDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.amount, "-500")
    dialog.accept()
    assert dialog.result_order is None
    assert dialog.amount_field.error.isVisible()
    dialog.amount.clear()
    qtbot.keyClicks(dialog.amount, "1,234.50")
    dialog.accept()
    assert dialog.result_order is not None and dialog.result_order.amount == Decimal("1234.50")


def test_deleting_a_customer_can_be_undone(qtbot, window, filled_db):
    page = window.customers
    _select(qtbot, page, "海尔集团")
    page.delete_action.trigger()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4 and not page.loading)
    assert "海尔集团" not in names_shown(page)
    assert page.undo_bar.isVisible()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5 and not page.loading)
    assert "海尔集团" in names_shown(page)
    with filled_db.transaction() as s:
        assert s.query(Customer).filter_by(name="海尔集团").one().deleted_at is None


def test_merging_a_duplicate_moves_contacts_and_orders(qtbot, window, filled_db):
    with filled_db.transaction() as s:
        repo.save_record(
            s,
            CustomerRecord(
                name="华为技术（股份）",
                status="closed",
                contacts=[ContactRecord(name="李娜")],
                orders=[OrderRecord(TODAY - timedelta(days=3), Decimal(1000))],
            ),
        )
        dup_id = s.query(Customer).filter_by(name="华为技术（股份）").one().id
    from ui.dialogs.duplicates_dialog import DuplicatesDialog

    dialog = DuplicatesDialog(filled_db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=5000)
    first = dialog.table.item(0, 0).text()
    second = dialog.table.item(0, 1).text()
    assert first.startswith("华为技术有限公司") and second.startswith("华为技术（股份）")

    def answer_yes() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(200, answer_yes)
    qtbot.mouseClick(dialog.keep_first, Qt.MouseButton.LeftButton)
    with filled_db.transaction() as s:
        kept = repo.get_record(s, 1)
        assert sorted(c.name for c in kept.contacts) == ["李娜", "联系人华为"]
        assert len(kept.orders) == 9
        assert sum(o.amount for o in kept.orders) == Decimal("601000.00")
        retired = s.get(Customer, dup_id)
        assert retired.merged_into_id == 1 and retired.deleted_at is not None
        assert repo.history(s, 1)[0][1] == "merged"


def test_lowering_the_value_split_in_settings_reclassifies(qtbot, window, filled_db):
    from ui.dialogs.classification_dialog import ClassificationDialog

    page = window.customers
    dialog = ClassificationDialog(filled_db)
    qtbot.addWidget(dialog)
    dialog.amount_split.setValue(50_000)
    dialog.accept()
    page.reload()
    qtbot.waitUntil(lambda: not page.loading)
    row = names_shown(page).index("华润万家有限公司")
    assert page.model.value(row, "value") == "star"


def test_settings_dialog_refuses_shares_over_100_percent(qtbot, filled_db):
    from ui.dialogs.classification_dialog import ClassificationDialog

    dialog = ClassificationDialog(filled_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.b_share.setValue(40)
    dialog.accept()
    assert dialog.error.isVisible()
    assert dialog.result() == 0


def test_empty_database_shows_the_welcome_page(qtbot, db, qsettings):
    w = MainWindow(db, qsettings)
    qtbot.addWidget(w)
    w.show()
    assert w.customers_container.currentWidget() is w.welcome
    assert w.welcome.sample_button.isVisible()


def test_status_bar_names_the_database_and_page_is_remembered(qtbot, window, filled_db, qsettings):
    assert str(filled_db.path) in window.db_label.text()
    window.sidebar.setCurrentRow(3)
    assert qsettings.value("window/page") == "attendance"
    window.close()
    again = MainWindow(filled_db, qsettings)
    qtbot.addWidget(again)
    assert again.current_page() == "attendance"


def test_sorting_keeps_the_selected_customer_selected(qtbot, window):
    page = window.customers
    _select(qtbot, page, "比亚迪股份有限公司")
    header = page.view.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 10, 5)
    )
    assert page.selected_ids() == [page.model.row_id(names_shown(page).index("比亚迪股份有限公司"))]
    assert page.view.currentIndex().row() == names_shown(page).index("比亚迪股份有限公司")
