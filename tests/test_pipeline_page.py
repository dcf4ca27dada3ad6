"""The pipeline page driven like a manager drives it: drag cards between stages, confirm key nodes,
record a loss, search by pinyin, add a deal, sort the table."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from domain.pipeline import KeyNode, Stage, Status
from storage import pipeline as repo
from storage.db import Database
from storage.models import StageChange
from tests.pipeline_fixtures import make_workspace
from ui.pipeline_page import PipelinePage
from widgets.kanban import KanbanBoard


@pytest.fixture
def page(qtbot, db: Database):  # type: ignore[no-untyped-def]
    ids = make_workspace(db)
    widget = PipelinePage(db)
    widget.ids = ids  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1500, 900)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget._data is not None)
    return widget


def drag_card(board: KanbanBoard, card_id: int, target: str) -> None:
    """Drag a card onto another column: the drag carries what the source view's model puts in it
    (what ``startDrag`` hands to ``QDrag``), and the target view gets enter, move and drop events."""
    source = board.view(board.column_of(card_id) or "")
    index = board.index_of(card_id)
    assert source.dragEnabled() and source.model().flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    data = source.model().mimeData([index])
    viewport = board.view(target).viewport()
    point = viewport.rect().center()
    actions, button, none = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(viewport, QDragEnterEvent(point, actions, data, button, none))
    QApplication.sendEvent(viewport, QDragMoveEvent(point + QPoint(0, 4), actions, data, button, none))
    QApplication.sendEvent(viewport, QDropEvent(QPointF(point + QPoint(0, 4)), actions, data, button, none))


def click_card(qtbot, board: KanbanBoard, card_id: int) -> None:  # type: ignore[no-untyped-def]
    view = board.view(board.column_of(card_id) or "")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(board.index_of(card_id)).center())


def changes(db: Database, deal_id: int) -> list[tuple[date, str | None, str]]:
    with db.transaction() as s:
        rows = s.execute(
            select(StageChange.changed_on, StageChange.from_stage, StageChange.to_stage)
            .where(StageChange.opportunity_id == deal_id)
            .order_by(StageChange.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_the_board_shows_open_deals_by_stage_with_totals(page: PipelinePage):
    ids = page.ids  # type: ignore[attr-defined]
    board = page.board
    assert board.card_ids("tender") == [ids["dc"]]
    assert board.card_ids("approval") == [ids["line"]]
    assert board.card_ids("proposal") == [ids["energy"]]
    assert board.card_ids("negotiation") == []  # the MES deal is won: not on a board of open deals
    assert board.header_text("tender") == "Tender 1 Amount ¥1,500,000 Weighted ¥900,000"
    card = board.card(ids["dc"])
    assert card is not None
    assert (card.title, card.subtitle, card.amount, card.owner, card.due) == (
        "华为技术有限公司",
        "数据中心扩容",
        "¥1,500,000",
        "张伟",
        "2026-12-31",
    )
    assert page.summary.text() == "3 of 5 deals · amount ¥2,620,000 · weighted forecast ¥1,184,000"


def test_dragging_a_card_to_the_next_stage_moves_the_deal_and_dates_the_move(page: PipelinePage, db: Database):
    energy = page.ids["energy"]  # type: ignore[attr-defined]
    drag_card(page.board, energy, "tender")  # leaving proposal needs no key node by default
    assert page.board.card_ids("tender") == [page.ids["dc"], energy]  # type: ignore[attr-defined]
    assert page.board.card_ids("proposal") == []
    with db.transaction() as s:
        assert repo.get_deal(s, energy).stage is Stage.TENDER
    assert changes(db, energy)[-1] == (date.today(), "proposal", "tender")
    assert page.move_dialog is None


def test_leaving_approval_asks_for_the_pre_sales_approval_and_confirming_records_it(
    qtbot, page: PipelinePage, db: Database
):
    line = page.ids["line"]  # type: ignore[attr-defined]
    drag_card(page.board, line, "proposal")
    dialog = page.move_dialog
    assert dialog is not None and dialog.isVisible()
    assert page.board.card_ids("approval") == [line]  # nothing moves before the node is confirmed
    assert not dialog.ok.isEnabled()
    check = dialog.checks[KeyNode.PRESALES_APPROVAL]
    assert check.text() == "Pre-sales approval"
    yesterday = date.today().toordinal() - 1
    dialog.dates[KeyNode.PRESALES_APPROVAL].setDate(QDate(date.fromordinal(yesterday)))
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert dialog.ok.isEnabled()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    assert page.board.card_ids("proposal") == [line, page.ids["energy"]]  # type: ignore[attr-defined]
    assert page.board.card_ids("approval") == []
    with db.transaction() as s:
        record = repo.get_deal(s, line)
    assert record.stage is Stage.PROPOSAL
    assert record.nodes == {KeyNode.PRESALES_APPROVAL: date.fromordinal(yesterday)}
    assert changes(db, line)[-1] == (date.today(), "approval", "proposal")
    assert page.detail.deal_id == line
    assert page.detail.nodes[KeyNode.PRESALES_APPROVAL].isChecked()


def test_cancelling_the_key_node_leaves_the_deal_where_it_was(qtbot, page: PipelinePage, db: Database):
    line = page.ids["line"]  # type: ignore[attr-defined]
    drag_card(page.board, line, "negotiation")
    dialog = page.move_dialog
    assert dialog is not None
    # Jumping to negotiation leaves approval, proposal and tender; approval's and tender's nodes are required.
    assert list(dialog.checks) == [KeyNode.PRESALES_APPROVAL, KeyNode.BID_SUBMITTED]
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert page.board.card_ids("approval") == [line]
    with db.transaction() as s:
        assert repo.get_deal(s, line).stage is Stage.APPROVAL
    assert len(changes(db, line)) == 1


def test_recording_a_loss_to_a_competitor(qtbot, page: PipelinePage, db: Database):
    ids = page.ids  # type: ignore[attr-defined]
    click_card(qtbot, page.board, ids["dc"])
    assert page.detail.deal_id == ids["dc"]
    assert page.detail.customer.text() == "华为技术有限公司"
    qtbot.mouseClick(page.detail.lost_button, Qt.MouseButton.LeftButton)
    dialog = page.outcome_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok.isEnabled()  # a loss needs its reason
    dialog.reason.setEditText("客户高层与竞争对手关系更近")
    assert dialog.ok.isEnabled()
    # The competitor involved in the deal comes first in the list.
    assert [dialog.winner.itemText(i) for i in range(dialog.winner.count())][1] == "华锐智能科技股份有限公司"
    dialog.winner.setCurrentIndex(dialog.winner.findData(ids["zhongke"]))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    with db.transaction() as s:
        record = repo.get_deal(s, ids["dc"])
    assert (record.status, record.winner_id, record.outcome_reason, record.closed_on) == (
        Status.LOST,
        ids["zhongke"],
        "客户高层与竞争对手关系更近",
        date.today(),
    )
    assert changes(db, ids["dc"])[-1] == (date.today(), "tender", "lost")
    assert page.board.card_ids("tender") == []  # a lost deal leaves the board of open deals
    assert page.detail.fields["winner"].text() == "中科恒信信息技术有限公司"
    assert page.detail.reopen_button.isVisible()


def test_typing_pinyin_initials_filters_the_board_and_the_table(qtbot, page: PipelinePage):
    ids = page.ids  # type: ignore[attr-defined]
    qtbot.keyClicks(page.filters.search, "sjzx")  # 数据中心扩容
    assert [page.board.card_ids(s.value) for s in Stage] == [[], [], [], [ids["dc"]], [], []]
    assert page.model.rowCount() == 1
    page.filters.search.clear()
    page.filters.search.insert("恒达")
    assert page.model.visible_ids() == [ids["line"]]
    page.filters.combo("status").setCurrentIndex(0)  # all statuses
    assert sorted(page.model.visible_ids()) == sorted([ids["line"], ids["vision"]])


def test_a_new_deal_from_the_dialog_appears_in_its_stage(qtbot, page: PipelinePage, db: Database):
    page.new_action.trigger()
    dialog = page.deal_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.customer.setText("华为技术有限公司")
    dialog.name.setText("智能仓储控制系统")
    qtbot.keyClicks(dialog.amount, "880,000")
    dialog.stage.setCurrentIndex(dialog.stage.findData("proposal"))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible()
    with db.transaction() as s:
        (row,) = [r for r in repo.list_opportunities(s) if r.name == "智能仓储控制系统"]
    assert (row.amount_fen, row.stage, row.status, row.created_on) == (88_000_000, "proposal", "open", date.today())
    card = page.board.card(row.id)
    assert card is not None and (card.column, card.amount) == ("proposal", "¥880,000")
    assert page.detail.deal_id == row.id


def test_the_deal_dialog_refuses_a_customer_not_in_the_list(qtbot, page: PipelinePage):
    page.new_deal()
    dialog = page.deal_dialog
    assert dialog is not None
    dialog.customer.setText("不存在的公司")
    dialog.name.setText("X")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert dialog.message.text() == "Choose the customer from the list (type part of its name)."


def test_the_table_sorts_by_amount_and_by_stage(qtbot, page: PipelinePage):
    ids = page.ids  # type: ignore[attr-defined]
    qtbot.mouseClick(page.view_buttons.button(page.TABLE), Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.table
    assert page.model.visible_ids() == [ids["dc"], ids["line"], ids["energy"]]  # biggest first
    amount = page.model.column_keys().index("amount")
    assert page.model.data(page.model.index(0, amount)) == "¥1,500,000"
    page.table.sortByColumn(page.model.column_keys().index("stage"), Qt.SortOrder.AscendingOrder)
    assert page.model.visible_ids() == [ids["line"], ids["energy"], ids["dc"]]  # approval, proposal, tender
    page.table.selectRow(1)
    assert page.detail.deal_id == ids["energy"]


def test_the_detail_opens_with_a_card_and_closes_again(qtbot, page: PipelinePage):
    ids = page.ids  # type: ignore[attr-defined]
    assert page.detail_stack.isHidden()  # the board has the whole width until a deal is chosen
    assert not page.won_action.isEnabled()
    click_card(qtbot, page.board, ids["energy"])
    assert not page.detail_stack.isHidden()
    assert page.detail.fields["weighted"].text() == "¥120,000"  # ¥300,000 at proposal, 40%
    assert page.won_action.isEnabled()
    qtbot.mouseClick(page.detail.close_button, Qt.MouseButton.LeftButton)
    assert page.detail_stack.isHidden()
    assert page.current_id() is None
    assert page.board.selected_card() is None


def test_recording_a_win_from_the_toolbar(qtbot, page: PipelinePage, db: Database):
    ids = page.ids  # type: ignore[attr-defined]
    page.select_deal(ids["dc"])
    page.won_action.trigger()
    dialog = page.outcome_dialog
    assert dialog is not None and dialog.ok.isEnabled()  # a win's reason is optional
    assert dialog.winner.isHidden()
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    with db.transaction() as s:
        record = repo.get_deal(s, ids["dc"])
    assert (record.status, record.closed_on, record.winner_id) == (Status.WON, date.today(), None)
    assert changes(db, ids["dc"])[-1] == (date.today(), "tender", "won")
    assert page.summary.text() == "2 of 5 deals · amount ¥1,120,000 · weighted forecast ¥284,000"


def test_the_card_menu_moves_a_deal_without_dragging(qtbot, page: PipelinePage, db: Database):
    energy = page.ids["energy"]  # type: ignore[attr-defined]
    view = page.board.view("proposal")
    point = view.visualRect(page.board.index_of(energy)).center()
    # What a right-click (or the menu key) delivers to the view.
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    menu = page.card_menu
    assert menu is not None
    (move,) = [a.menu() for a in menu.actions() if a.menu() is not None]
    targets = {a.text(): a for a in move.actions()}
    assert list(targets) == [
        "Customer development", "Project approval", "Proposal", "Tender", "Negotiation", "Implementation",
    ]  # fmt: skip
    assert not targets["Proposal"].isEnabled()  # where it already is
    targets["Tender"].trigger()
    menu.close()
    assert page.board.column_of(energy) == "tender"
    assert changes(db, energy)[-1] == (date.today(), "proposal", "tender")


def test_unrequiring_a_key_node_in_the_settings_lets_the_deal_move_without_asking(
    qtbot, page: PipelinePage, db: Database
):
    page.settings_action.trigger()
    dialog = page.settings_dialog
    assert dialog is not None
    assert dialog.probabilities[Stage.TENDER].value() == 60
    dialog.required[Stage.TENDER].setChecked(False)
    dialog.probabilities[Stage.TENDER].setValue(50)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with db.transaction() as s:
        settings = repo.load_settings(s)
    assert Stage.TENDER not in settings.required_nodes
    assert settings.probabilities[Stage.TENDER] == 50
    qtbot.waitUntil(lambda: page._data is not None and page._data.settings == settings)
    assert page.board.header_text("tender") == "Tender 1 Amount ¥1,500,000 Weighted ¥750,000"
    dc = page.ids["dc"]  # type: ignore[attr-defined]
    drag_card(page.board, dc, "negotiation")
    assert page.move_dialog is None
    assert page.board.column_of(dc) == "negotiation"


def test_importing_opportunities_through_the_wizard_lists_the_new_customers(qtbot, page: PipelinePage, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "商机"
    sheet.append(["2026年第四季度商机（销售部）"])
    sheet.append(["客户名称", "项目名称", "负责人", "预计金额", "销售阶段", "状态"])
    sheet.append(["宁波新材科技有限公司", "测试工站自动化", "王芳", 380_000, "方案", "跟进中"])
    sheet.append(["华为技术有限公司", "AGV物流系统", "张伟", 640_000, "Negotiation", "open"])
    path = tmp_path / "商机.xlsx"
    book.save(path)

    page.import_opportunities(str(path))
    dialog = page.import_dialog
    assert dialog.header_row.value() == 2
    assert dialog.mapping() == {0: "customer", 1: "name", 2: "owner", 3: "amount", 4: "stage", 5: "status"}
    assert [dialog.combos[4].itemText(i) for i in range(dialog.combos[4].count())][:4] == [
        "(do not import)", "Opportunity ID", "Customer", "Opportunity",
    ]  # fmt: skip
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == (
        "Imported: 2 created, 0 updated, 0 unchanged. New potential customers (1): 宁波新材科技有限公司."
    )
    qtbot.waitUntil(lambda: page._data is not None and len(page._data.rows) == 7)
    assert len(page.board.card_ids("negotiation")) == 1
    assert len(page.board.card_ids("proposal")) == 2


def test_the_dashboard_switch_gives_the_dashboard_the_whole_page(qtbot, page: PipelinePage):
    page.select_deal(page.ids["dc"])  # type: ignore[attr-defined]
    qtbot.mouseClick(page.view_buttons.button(page.DASHBOARD), Qt.MouseButton.LeftButton)
    assert page.views.currentWidget() is page.dashboard_tab
    assert page.dashboard_tab.is_built()
    assert page.filters.isHidden() and page.detail_stack.isHidden()
    qtbot.mouseClick(page.view_buttons.button(page.BOARD), Qt.MouseButton.LeftButton)
    assert not page.filters.isHidden() and not page.detail_stack.isHidden()
    assert page.board.selected_card() == page.ids["dc"]  # type: ignore[attr-defined]
