"""The competitor intelligence page driven as a manager drives it: add an entry, search by pinyin, record a price."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox

from domain.competitors import Category
from storage import competitors as repo
from storage.db import Database
from tests.pipeline_fixtures import make_workspace
from ui.competitors_page import CompetitorsPage


def _page(qtbot, db: Database) -> CompetitorsPage:  # type: ignore[no-untyped-def]
    page = CompetitorsPage(db)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page


def _select(page: CompetitorsPage, competitor_id: int) -> None:
    for row in range(page.competitor_list.count()):
        if page.competitor_list.item(row).data(Qt.ItemDataRole.UserRole) == competitor_id:
            page.competitor_list.setCurrentRow(row)


def _texts(page: CompetitorsPage) -> list[str]:
    column = page.feed_model.column_keys().index("text")
    return [page.feed_model.index(r, column).data() for r in range(page.feed_model.rowCount())]


def test_adding_an_entry_then_typing_its_initials_finds_exactly_it(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    with db.transaction() as s:
        repo.save_entry(s, repo.EntryRecord(None, ids["huarui"], date(2026, 10, 1), Category.PRICE, "报价下调8%"))
    page = _page(qtbot, db)
    _select(page, ids["huarui"])
    assert _texts(page) == ["报价下调8%"]

    qtbot.mouseClick(page.add_entry_button, Qt.MouseButton.LeftButton)
    dialog = page.entry_dialog
    dialog.competitor.setCurrentIndex(dialog.competitor.findData(ids["huarui"]))
    dialog.observed_on.setDate(QDate(2026, 11, 2))
    dialog.category.setCurrentIndex(dialog.category.findData("personnel"))
    dialog.text.insertPlainText("华东区经理离职")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert _texts(page) == ["华东区经理离职", "报价下调8%"]  # newest first
    qtbot.keyClicks(page.search, "hdqjl")
    assert _texts(page) == ["华东区经理离职"]
    assert page.status.text() == "1 intelligence entries"
    page.search.clear()
    page.category_filter.setCurrentIndex(page.category_filter.findData("price"))
    assert _texts(page) == ["报价下调8%"]


def test_recording_a_price_shows_it_in_the_table_and_chart(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    page = _page(qtbot, db)
    _select(page, ids["zhongke"])
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.add_price_button, Qt.MouseButton.LeftButton)
    dialog = page.price_dialog
    dialog.product.setEditText("伺服电机")
    dialog.observed_on.setDate(QDate(2026, 11, 3))
    dialog.price.setValue(2899.5)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    model = page.price_model
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["2026-11-03", "伺服电机", "¥2,900", "", ""]
    assert page.price_chart.products == ["伺服电机"]
    with db.transaction() as s:
        assert [p.price_fen for p in repo.price_observations(s, ids["zhongke"])] == [289950]


def test_editing_the_profile_and_saving_the_battlecard(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    page = _page(qtbot, db)
    _select(page, ids["huarui"])
    page.tabs.setCurrentIndex(1)
    page.profile_edits["strengths"].setPlainText("渠道覆盖广")
    page.share.setValue(12.5)
    qtbot.mouseClick(page.save_profile_button, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        profile = repo.get_profile(s, ids["huarui"])
    assert (profile.strengths, profile.expected_share_bp) == ("渠道覆盖广", 1250)
    saved = page.save_battlecard_pdf(str(tmp_path / "card.pdf"))
    assert saved is not None and saved.stat().st_size > 0


def test_double_clicking_an_entry_edits_it_in_place(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    with db.transaction() as s:
        entry_id = repo.save_entry(
            s, repo.EntryRecord(None, ids["huarui"], date(2026, 10, 1), Category.PRICE, "报价下调8%",
                                customer_ids=(ids["huawei"],))
        )  # fmt: skip
    page = _page(qtbot, db)
    _select(page, ids["huarui"])
    view = page.feed_view
    rect = view.visualRect(page.feed_model.index(0, 0))
    # Qt's views see a double-click only after the press and release of a first click.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.entry_dialog
    assert dialog.text.toPlainText() == "报价下调8%"
    dialog.text.setPlainText("报价下调10%")
    dialog.reliability.setCurrentIndex(dialog.reliability.findData("confirmed"))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert _texts(page) == ["报价下调10%"]
    with db.transaction() as s:
        record = repo.get_entry(s, entry_id)
    assert (record.text, record.reliability.value, record.customer_ids) == (
        "报价下调10%",
        "confirmed",
        (ids["huawei"],),
    )


def test_importing_intelligence_through_the_wizard_then_exporting_it(qtbot, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    ids = make_workspace(db)
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "情报"
    sheet.append(["日期", "竞争对手", "类别", "来源", "可靠性", "内容"])
    sheet.append(["2026/11/3", "华锐智能科技", "价格", "经销商", "传闻", "降价10%"])
    sheet.append(["2026-11-04", "新锐自动化", "New product", "trade show", "confirmed", "新款伺服"])
    path = tmp_path / "情报.xlsx"
    book.save(path)
    page = _page(qtbot, db)
    page.import_intelligence(str(path))
    dialog = page.import_dialog
    assert dialog.mapping() == {0: "observed_on", 1: "competitor", 2: "category", 3: "source", 4: "reliability",
                                5: "text"}  # fmt: skip
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "Imported 2 intelligence entries. New competitors (1): 新锐自动化."
    _select(page, ids["huarui"])
    assert _texts(page) == ["降价10%"]
    assert page.competitor_list.count() == 3

    job = page.export_intelligence(str(tmp_path / "out"))
    assert job is not None
    qtbot.waitUntil(lambda: page.status.text().startswith("Intelligence exported"), timeout=10_000)
    assert page.status.text() == "Intelligence exported to out.xlsx: 2 entries."
    rows = list(openpyxl.load_workbook(tmp_path / "out.xlsx").active.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert [r[5] for r in rows[1:]] == ["新款伺服", "降价10%"]


def test_recording_a_rep_sighting_updates_the_summary_line(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    with db.transaction() as s:
        repo.add_rep_observation(s, ids["huarui"], ids["huawei"], date(2026, 10, 1), 4, 30)
    page = _page(qtbot, db)
    _select(page, ids["huarui"])
    page.tabs.setCurrentIndex(3)
    qtbot.mouseClick(page.add_rep_button, Qt.MouseButton.LeftButton)
    dialog = page.rep_dialog
    dialog.customer.setEditText("深圳市恒达电子有限公司")
    dialog.observed_on.setDate(QDate(2026, 11, 5))
    dialog.visits.setValue(2)
    dialog.stay.setValue(90)
    dialog.dealer_promotion.setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert page.rep_model.rowCount() == 2
    assert page.rep_summary.text() == (
        "2 sightings at 2 customers; on average 3.0 visits a month and 60 minutes a stay; "
        "dealer promotions seen 1 times."
    )


def test_setting_our_list_price_puts_it_beside_theirs(qtbot, db: Database) -> None:  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    with db.transaction() as s:
        repo.add_price_observation(s, ids["zhongke"], "伺服电机", date(2026, 10, 1), 290_000)
    page = _page(qtbot, db)
    _select(page, ids["zhongke"])
    page.tabs.setCurrentIndex(2)
    qtbot.mouseClick(page.list_price_button, Qt.MouseButton.LeftButton)
    dialog = page.list_price_dialog
    assert dialog.windowTitle() == "Our list price"
    assert [dialog.product.itemText(i) for i in range(dialog.product.count())] == ["伺服电机"]
    dialog.observed_on.setDate(QDate(2026, 9, 1))
    dialog.price.setValue(3100)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        [history] = repo.price_history(s, ids["zhongke"])
    assert (history.product, history.ours) == ("伺服电机", ((date(2026, 9, 1), 310_000),))
