"""Opportunities through real .xlsx files: export, edit in "Excel" (openpyxl), import back; files typed
by hand with mistakes; customers and competitors the database does not know yet."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from domain.pipeline import DealProblem, Stage, Status
from domain.validation import Problem
from storage import pipeline as repo
from storage.db import Database
from storage.exchange import ImportFailed
from storage.models import Competitor, Customer, Opportunity
from storage.opportunity_exchange import (
    OpportunityImportSummary,
    OpportunityProblem,
    export_opportunities,
    import_opportunities,
    preview_import,
)
from tests.pipeline_fixtures import make_workspace, snapshot

TODAY = date(2026, 11, 24)


def run_import(db: Database, path: Path, today: date = TODAY) -> OpportunityImportSummary:
    preview = preview_import(path)
    return import_opportunities(db, path, preview.sheet, preview.header_row, preview.mapping, today=today)


def save_sheet(path: Path, title: str, rows: Sequence[Sequence[object]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def test_exported_workbook_shows_stages_and_outcomes_in_chinese(db: Database, tmp_path: Path):
    ids = make_workspace(db)
    path = tmp_path / "机会.xlsx"
    assert export_opportunities(db, path, language="zh") == 5
    sheet = openpyxl.load_workbook(path)["销售机会"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == ["编号", "客户名称", "机会名称", "负责人", "金额（元）", "阶段", "状态", "预计成交日期"]
    rows = {r[0]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    dc = dict(zip(header, rows[ids["dc"]], strict=True))
    assert (dc["客户名称"], dc["机会名称"], dc["负责人"], dc["金额（元）"], dc["阶段"], dc["状态"]) == (
        "华为技术有限公司", "数据中心扩容", "张伟", 1_500_000, "招投标", "进行中",
    )  # fmt: skip
    assert dc["预计成交日期"] == datetime(2026, 12, 31)
    assert dc["竞争对手"] == "华锐智能科技股份有限公司"
    vision = dict(zip(header, rows[ids["vision"]], strict=True))
    assert (vision["状态"], vision["赢单对手"], vision["输赢原因"], vision["结束日期"]) == (
        "输单", "中科恒信信息技术有限公司", "价格高于竞争对手约15%", datetime(2026, 10, 15),
    )  # fmt: skip
    assert dict(zip(header, rows[ids["mes"]], strict=True))["状态"] == "赢单"
    assert sheet.cell(2, 5).number_format == "#,##0.00"
    history = openpyxl.load_workbook(path)["阶段历史"]
    assert [c.value for c in history[1]] == ["机会编号", "客户名称", "机会名称", "日期", "从", "到", "备注"]
    assert history.max_row == 1 + 7  # the header, five entries, one win, one loss


def test_export_then_import_round_trip_understands_chinese_and_english_stage_words(db: Database, tmp_path: Path):
    ids = make_workspace(db)
    before = snapshot(db)
    for language in ("zh", "en"):
        path = tmp_path / f"opportunities-{language}.xlsx"
        export_opportunities(db, path, language=language)
        assert run_import(db, path) == OpportunityImportSummary(0, 0, 5, 0)
    assert snapshot(db) == before

    # A manager edits the English export: one deal moves on (English word), one is won (Chinese word).
    path = tmp_path / "opportunities-en.xlsx"
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["Opportunities"]
    header = [c.value for c in sheet[1]]
    by_id = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    by_id[ids["line"]][header.index("Stage")].value = "方案"
    by_id[ids["energy"]][header.index("Status")].value = "成交"
    by_id[ids["dc"]][header.index("Stage")].value = "Negotiation"
    workbook.save(path)

    assert run_import(db, path) == OpportunityImportSummary(0, 3, 2, 0)
    with db.transaction() as s:
        assert repo.get_deal(s, ids["line"]).stage is Stage.PROPOSAL
        assert repo.get_deal(s, ids["dc"]).stage is Stage.NEGOTIATION
        energy = repo.get_deal(s, ids["energy"])
        assert (energy.status, energy.closed_on) == (Status.WON, TODAY)
        assert repo.history(s, ids["line"])[-1] == repo.HistoryRow(TODAY, "approval", "proposal", "")
        assert repo.history(s, ids["energy"])[-1] == repo.HistoryRow(TODAY, "proposal", "won", "")
        assert s.scalar(select(func.count()).select_from(Opportunity)) == 5


def test_reimporting_an_edited_export_updates_by_id_rather_than_duplicating(db: Database, tmp_path: Path):
    ids = make_workspace(db)
    path = tmp_path / "export.xlsx"
    export_opportunities(db, path, language="zh")
    workbook = openpyxl.load_workbook(path)
    sheet = workbook["销售机会"]
    for row in sheet.iter_rows(min_row=2):
        if row[0].value == ids["dc"]:
            row[2].value = "数据中心扩容（一期）"  # renamed: only the id still finds it
            row[4].value = "2,000,000"
    workbook.save(path)
    assert run_import(db, path) == OpportunityImportSummary(0, 1, 4, 0)
    with db.transaction() as s:
        record = repo.get_deal(s, ids["dc"])
        assert (record.name, record.amount_fen) == ("数据中心扩容（一期）", 200_000_000)
        assert s.scalar(select(func.count()).select_from(Opportunity)) == 5


def test_a_file_with_bad_rows_names_sheet_row_and_column_and_changes_nothing(db: Database, tmp_path: Path):
    make_workspace(db)
    before = snapshot(db)
    path = save_sheet(
        tmp_path / "hand.xlsx",
        "机会",
        [
            ["客户名称", "机会名称", "金额", "阶段", "预计成交日期"],
            ["华为技术有限公司", "智能仓储控制系统", 600_000, "提案", "2027/3/31"],
            ["华为技术有限公司", "AGV物流系统", -5_000, "立项", "2027-02-28"],
            ["深圳市恒达电子有限公司", "质量追溯系统", 90_000, "报价", "2027-01-15"],
            ["深圳市恒达电子有限公司", "备品备件年度框架协议", 120_000, "Tender", "2026-13-45"],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        run_import(db, path)
    assert [(i.sheet, i.row, i.column, i.field, i.problem, i.value) for i in failed.value.issues] == [
        ("机会", 3, "C", "amount", Problem.NEGATIVE_AMOUNT, -5000),
        ("机会", 4, "D", "stage", DealProblem.BAD_STAGE, "报价"),
        ("机会", 5, "E", "expected_close", Problem.BAD_DATE, "2026-13-45"),
    ]
    assert snapshot(db) == before


def test_the_problem_sentence_says_where_and_what(db: Database, tmp_path: Path):
    from ui.import_messages import describe_issue

    make_workspace(db)
    path = save_sheet(
        tmp_path / "x.xlsx", "机会", [["客户名称", "机会名称", "状态", "输赢原因"], ["华为", "X", "输单", ""]]
    )
    with pytest.raises(ImportFailed) as failed:
        run_import(db, path)
    (issue,) = failed.value.issues
    assert (issue.row, issue.column, issue.problem) == (2, "D", DealProblem.LOSS_NEEDS_REASON)
    assert describe_issue(issue) == (
        'Sheet 机会, row 2, column D: "": A lost opportunity needs the reason it was lost; fill in the reason column.'
    )


def test_unknown_customer_is_created_as_potential_and_named_in_the_summary(db: Database, tmp_path: Path):
    ids = make_workspace(db)
    path = save_sheet(
        tmp_path / "new.xlsx",
        "Deals",
        [
            ["Customer", "Opportunity", "Owner", "Amount", "Stage", "Status", "Competitors", "Winner",
             "Reason"],
            ["宁波新材科技有限公司", "测试工站自动化", "王芳", "￥380,000", "Proposal", "open",
             "华锐智能科技有限公司、杭州新航工业软件", None, None],
            ["华为技术股份有限公司", "AGV物流系统", "张伟", 640_000, "谈判", "进行中", None, None, None],
            ["宁波新材科技有限公司", "包装线PLC升级", None, 95_000, "招投标", "丢单", "远拓自动化", "远拓自动化",
             "价格"],
        ],
    )  # fmt: skip
    summary = run_import(db, path)
    assert summary == OpportunityImportSummary(
        3, 0, 0, 0, new_customers=("宁波新材科技有限公司",), new_competitors=("杭州新航工业软件", "远拓自动化")
    )
    with db.transaction() as s:
        customer = s.scalars(select(Customer).where(Customer.name == "宁波新材科技有限公司")).one()
        assert (customer.status, customer.pinyin) == ("potential", "ningboxincaikejiyouxiangongsi")
        deals = {r.name: r for r in repo.list_opportunities(s)}
        # 华为技术股份有限公司 is 华为技术有限公司 to the duplicate finder: no new customer.
        assert deals["AGV物流系统"].customer_id == ids["huawei"]
        assert (deals["AGV物流系统"].stage, deals["AGV物流系统"].owner) == ("negotiation", "张伟")
        assert deals["测试工站自动化"].amount_fen == 38_000_000
        # 华锐智能科技有限公司 is the stored 华锐智能科技股份有限公司 once legal forms are dropped.
        assert deals["测试工站自动化"].competitors == "华锐智能科技股份有限公司、杭州新航工业软件"
        lost = deals["包装线PLC升级"]
        assert (lost.status, lost.winner, lost.outcome_reason, lost.closed_on) == ("lost", "远拓自动化", "价格", TODAY)
        assert s.scalar(select(func.count()).select_from(Competitor)) == 4


def test_a_lost_row_needs_its_reason_and_only_lost_rows_name_a_winner(db: Database, tmp_path: Path):
    make_workspace(db)
    path = save_sheet(
        tmp_path / "w.xlsx",
        "机会",
        [
            ["客户名称", "机会名称", "状态", "赢单对手", "输赢原因"],
            ["华为技术有限公司", "甲", "输单", "中科恒信", None],
            ["华为技术有限公司", "乙", "进行中", "中科恒信", None],
            ["华为技术有限公司", "丙", "赢单", None, None],
        ],
    )
    with pytest.raises(ImportFailed) as failed:
        run_import(db, path)
    assert [(i.row, i.column, i.problem) for i in failed.value.issues] == [
        (2, "E", DealProblem.LOSS_NEEDS_REASON),
        (3, "D", DealProblem.WINNER_ONLY_WHEN_LOST),
    ]


def test_an_unknown_id_and_the_same_deal_twice_are_refused(db: Database, tmp_path: Path):
    ids = make_workspace(db)
    path = save_sheet(
        tmp_path / "ids.xlsx",
        "机会",
        [["编号", "客户名称", "机会名称"], [999, "华为", "X"], [ids["dc"], "华为技术有限公司", "数据中心扩容"],
         [ids["dc"], "华为技术有限公司", "数据中心扩容"]],
    )  # fmt: skip
    with pytest.raises(ImportFailed) as failed:
        run_import(db, path)
    assert [(i.row, i.column, i.problem, i.first_row) for i in failed.value.issues] == [
        (2, "A", OpportunityProblem.UNKNOWN_OPPORTUNITY, None),
        (4, "A", OpportunityProblem.DUPLICATE_DEAL, 3),
    ]


HEADERS = ["客户名称", "机会名称", "负责人", "金额", "阶段", "状态", "预计成交日期", "竞争对手", "赢单对手", "输赢原因"]
text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12)
cells = st.one_of(
    st.none(),
    text,
    st.sampled_from(
        ["商务谈判", "Tender", "赢单", "lost", "丢单", "进行中", "报价", "2026-13-45", "-5", "1e400", "¥1,000"]
    ),
    st.integers(min_value=-(10**18), max_value=10**18),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)),
)
# Each file has at least one row that is certainly wrong: a negative amount or a stage nobody uses.
poison = st.sampled_from([(3, -1), (4, "报价"), (3, "abc"), (6, "not a date")])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=len(HEADERS), max_size=len(HEADERS)), min_size=1, max_size=5),
       bad=poison, where=st.integers(min_value=0, max_value=4))  # fmt: skip
def test_random_malformed_rows_never_crash_the_importer_and_never_change_the_database(
    db: Database, tmp_path: Path, rows: list[list[object]], bad: tuple[int, object], where: int
):
    if not getattr(db, "_workspace", False):
        make_workspace(db)
        db._workspace = True  # type: ignore[attr-defined]
    before = snapshot(db)
    column, value = bad
    rows[where % len(rows)][column] = value
    path = save_sheet(tmp_path / "random.xlsx", "机会", [HEADERS, *rows])
    with pytest.raises(ImportFailed) as failed:
        run_import(db, path)
    assert any(issue.row == 2 + where % len(rows) for issue in failed.value.issues)
    assert snapshot(db) == before
