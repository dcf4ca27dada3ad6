"""Customer import and export through real .xlsx files and a real SQLite database.

Read like a user's session: export the register and open it in Excel (here: openpyxl),
import a sheet someone typed by hand, re-import an edited export, get told exactly
which cells are wrong, cancel halfway.  Every failed import must leave the database
exactly as it was, which the tests check with a checksum of the tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from domain.text import pinyin_keys
from domain.validation import Problem
from storage.customer_exchange import (
    CUSTOMER_COLUMNS,
    ImportProblem,
    export_customers,
    import_customers,
    preview_import,
)
from storage.db import Database, open_database
from storage.excel import CellValue, ColumnKind, ColumnSpec, SheetSpec, column_letter, detect_header, write_workbook
from storage.exchange import ImportFailed, ImportSummary, UnreadableFile
from storage.models import Contact, Customer, CustomerEvent, Order, Rep
from storage.progress import JobCancelled

NOW = datetime(2024, 5, 6, 9, 0)
ZH_HEADERS = [c.zh for c in CUSTOMER_COLUMNS]


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "t.db")
    with database.transaction() as session:
        session.add_all([Rep(name="张伟"), Rep(name="王芳"), Rep(name="Li Na")])
    yield database
    database.close()


def add_customer(db: Database, name: str, **values: object) -> int:
    with db.transaction() as session:
        pinyin, initials = pinyin_keys(name)
        customer = Customer(name=name, pinyin=pinyin, initials=initials, created_at=NOW, updated_at=NOW, **values)
        session.add(customer)
        session.flush()
        return customer.id


def rep_id(db: Database, name: str) -> int:
    with db.transaction() as session:
        return session.scalars(select(Rep.id).where(Rep.name == name)).one()


def customers(db: Database) -> dict[str, Customer]:
    with db.transaction() as session:
        return {c.name: c for c in session.scalars(select(Customer))}


def fingerprint(db: Database) -> tuple[int, int, str]:
    """Customer count, event count and a checksum of every customer and event column."""
    digest = hashlib.sha256()
    with db.engine.connect() as connection:
        for table in (Customer.__table__, CustomerEvent.__table__):
            for row in connection.execute(select(table).order_by(table.c.id)):
                digest.update(repr(tuple(row)).encode())
        count = connection.scalar(select(func.count()).select_from(Customer)) or 0
        events = connection.scalar(select(func.count()).select_from(CustomerEvent)) or 0
    return count, events, digest.hexdigest()


def save_sheets(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]]) -> Path:
    """A workbook as a person would make it in Excel (openpyxl: formulas stay formulas)."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def import_file(db: Database, path: Path, progress=None) -> ImportSummary:  # type: ignore[no-untyped-def]
    preview = preview_import(path)
    return import_customers(db, path, preview.sheet, preview.header_row, preview.mapping, progress)


# --- export ------------------------------------------------------------------------------------


def test_export_is_a_bold_frozen_filtered_workbook_with_formats_and_inert_text(db: Database, tmp_path: Path) -> None:
    owner = rep_id(db, "张伟")
    huawei = add_customer(db, "华为技术有限公司", status="closed", close_likelihood=80, is_member=True, owner_id=owner)
    evil = add_customer(db, "=cmd|' /C calc'!A0", phone="+86 755", notes="-1", short_name="@SUM(A1)")
    gone = add_customer(db, "已删除公司", deleted_at=NOW)
    with db.transaction() as session:
        session.add(Contact(customer_id=huawei, name="李雷", decision_role="influencer", birthday=date(1980, 5, 6)))
        session.add(Order(customer_id=huawei, order_date=date(2024, 1, 5), amount_fen=123_456_78, product="交换机"))
        session.add(Order(customer_id=gone, order_date=date(2024, 1, 6), amount_fen=100, product="不导出"))

    path = tmp_path / "客户.xlsx"
    assert export_customers(db, path) == 2

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["客户", "联系人", "订单"]
    sheet = book["客户"]
    assert [c.value for c in sheet[1]] == ZH_HEADERS
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:V3"
    assert sheet.column_dimensions["B"].width == 30
    assert [sheet.cell(r, 1).value for r in (2, 3)] == [huawei, evil]
    assert [sheet.cell(2, c).value for c in (18, 19, 20, 21)] == ["既成", 80, "是", "张伟"]
    for cell, text in ((sheet["B3"], "=cmd|' /C calc'!A0"), (sheet["J3"], "+86 755"), (sheet["V3"], "-1"),
                       (sheet["C3"], "@SUM(A1)")):  # fmt: skip
        assert (cell.value, cell.data_type) == (text, "s")
    orders = book["订单"]
    assert orders.max_row == 2  # the deleted customer's order is not exported
    assert [c.value for c in orders[2]] == [huawei, "华为技术有限公司", datetime(2024, 1, 5), 123456.78, "交换机"]
    assert (orders["C2"].number_format, orders["D2"].number_format) == ("yyyy-mm-dd", "#,##0.00")
    assert orders.auto_filter.ref == "A1:E2"
    contacts = book["联系人"]
    assert [c.value for c in contacts[2]][:6] == [huawei, "华为技术有限公司", "李雷", None, "影响者", None]
    assert contacts["I2"].number_format == "yyyy-mm-dd"


def test_export_in_english_has_english_headers_and_words(db: Database, tmp_path: Path) -> None:
    add_customer(db, "Acme", status="lost", is_member=False)
    path = tmp_path / "customers.xlsx"
    export_customers(db, path, language="en")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Customers", "Contacts", "Orders"]
    sheet = book["Customers"]
    assert [c.value for c in sheet[1]][:3] == ["ID", "Name", "Short name"]
    assert [sheet.cell(2, c).value for c in (18, 20)] == ["lost", "no"]
    assert import_file(db, path) == ImportSummary(created=0, updated=0, unchanged=1)


def test_writer_keeps_every_string_as_text_and_writes_typed_columns(tmp_path: Path) -> None:
    columns = [ColumnSpec("文本"), ColumnSpec("数", kind=ColumnKind.INT), ColumnSpec("比", kind=ColumnKind.PERCENT)]
    rows: list[list[object]] = [[" =1+1", 7, 0.25], ["\t-2", None, None], ["a & <b>\r\nc", 0, 1.0]]
    path = tmp_path / "w.xlsx"
    assert write_workbook(path, [SheetSpec("Sheet", columns, rows)]) == 3
    sheet = openpyxl.load_workbook(path)["Sheet"]
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [
        (" =1+1", "s"),
        ("\t-2", "s"),
        ("a & <b>\r\nc", "s"),
    ]
    assert [c.value for c in sheet["B"][1:]] == [7, None, 0]
    assert (sheet["B2"].number_format, sheet["C2"].number_format) == ("0", "0%")


def test_cancelled_export_leaves_no_file(db: Database, tmp_path: Path) -> None:
    with db.transaction() as session:
        session.add_all(Customer(name=f"公司{i}", created_at=NOW, updated_at=NOW) for i in range(2500))
    path = tmp_path / "out.xlsx"

    def cancel(done: int, total: int) -> None:
        if done >= 1000:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        export_customers(db, path, progress=cancel)
    assert list(tmp_path.glob("*.xlsx")) == []
    assert list(tmp_path.glob(".~*")) == []


# --- header detection --------------------------------------------------------------------------


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 5, 25, 26, 27, 701, 702)] == ["A", "F", "Z", "AA", "AB", "ZZ", "AAA"]


def test_header_is_found_below_a_title_despite_stars_notes_and_full_width_letters() -> None:
    rows: list[list[CellValue]] = [
        ["2024年客户名单", None, None],
        [None, None, None],
        ["客户名称（必填）*", " Ｅ－ｍａｉｌ ", "备 注"],
        ["华为", "a@b.cn", "x"],
    ]
    aliases = {"name": {"客户名称"}, "email": {"E-mail"}, "notes": {"备注"}}
    assert detect_header(rows, aliases) == (2, {0: "name", 1: "email", 2: "notes"})
    assert detect_header([["nothing", "here"]], aliases) == (0, {})


# --- import ------------------------------------------------------------------------------------


def test_import_finds_the_header_under_a_title_on_the_second_sheet(db: Database, tmp_path: Path) -> None:
    path = save_sheets(
        tmp_path / "名单.xlsx",
        {
            "说明": [["本文件由销售部整理"], ["联系人：张伟"]],
            "客户名单": [
                ["2024年重点客户名单"],
                [],
                ["序号", "客户名称*", "电话", "电子邮件", "状态", "成交可能性(%)", "会员", "负责人", "省份"],
                [
                    1,
                    "重庆长安汽车股份有限公司",
                    13912345678,
                    "sales@changan.com.cn",
                    "成交",
                    "80%",
                    "是",
                    "张伟",
                    "重庆",
                ],
                [2, "长沙银行", "0731-8888 6666", None, "潜在客户", 0.5, "否", "li na", "湖南"],
                [],
                [3, "  华为技术有限公司 ", None, "HW@HUAWEI.COM", None, None, None, None, "广东"],
            ],
        },
    )
    preview = preview_import(path)
    assert (preview.sheets, preview.sheet, preview.header_row) == (["说明", "客户名单"], "客户名单", 2)
    assert preview.mapping == {
        0: None, 1: "name", 2: "phone", 3: "email", 4: "status",
        5: "close_likelihood", 6: "is_member", 7: "owner", 8: "province",
    }  # fmt: skip
    assert preview.total_rows == 4
    assert [row[1] for row in preview.rows] == ["重庆长安汽车股份有限公司", "长沙银行", None, "  华为技术有限公司 "]

    summary = import_customers(db, path, preview.sheet, preview.header_row, preview.mapping)

    assert summary == ImportSummary(created=3, updated=0, unchanged=0, blank=1)
    found = customers(db)
    assert sorted(found) == ["华为技术有限公司", "重庆长安汽车股份有限公司", "长沙银行"]
    changan = found["重庆长安汽车股份有限公司"]
    assert (changan.phone, changan.email, changan.status, changan.close_likelihood) == (
        "13912345678",
        "sales@changan.com.cn",
        "closed",
        80,
    )
    assert (changan.is_member, changan.owner_id, changan.province) == (True, rep_id(db, "张伟"), "重庆")
    assert (changan.pinyin, changan.initials) == pinyin_keys("重庆长安汽车股份有限公司")
    bank = found["长沙银行"]
    assert (bank.phone, bank.status, bank.close_likelihood, bank.is_member, bank.owner_id) == (
        "0731-8888 6666",
        "potential",
        50,
        False,
        rep_id(db, "Li Na"),
    )
    huawei = found["华为技术有限公司"]
    assert (huawei.status, huawei.close_likelihood, huawei.owner_id, huawei.created_at) == (
        "potential",
        0,
        None,
        huawei.updated_at,
    )
    with db.transaction() as session:
        events = session.execute(select(CustomerEvent.kind, CustomerEvent.detail)).all()
    assert [tuple(e) for e in events] == [("imported", "名单.xlsx › 客户名单")] * 3


def test_reimporting_an_edited_export_updates_instead_of_duplicating(db: Database, tmp_path: Path) -> None:
    ids = [add_customer(db, name, phone="010-12345678") for name in ("甲公司", "乙公司", "丙公司", "丁公司", "戊公司")]
    path = tmp_path / "export.xlsx"
    export_customers(db, path)
    book = openpyxl.load_workbook(path)
    sheet = book["客户"]
    sheet["J2"] = "021-87654321"  # 甲公司's phone
    sheet["B3"] = "乙公司（新）"  # 乙公司 renamed
    sheet["U4"] = "王芳"  # 丙公司 gets an owner
    book.save(path)
    before = customers(db)

    summary = import_file(db, path)

    assert summary == ImportSummary(created=0, updated=3, unchanged=2)
    after = customers(db)
    assert sorted(c.id for c in after.values()) == ids
    assert after["甲公司"].phone == "021-87654321"
    assert "乙公司" not in after
    assert (after["乙公司（新）"].id, after["乙公司（新）"].pinyin) == (ids[1], pinyin_keys("乙公司（新）")[0])
    assert after["丙公司"].owner_id == rep_id(db, "王芳")
    assert after["丁公司"].updated_at == before["丁公司"].updated_at == NOW
    assert after["甲公司"].updated_at > NOW
    with db.transaction() as session:
        assert sorted(session.scalars(select(CustomerEvent.customer_id))) == ids[:3]

    assert import_file(db, path) == ImportSummary(created=0, updated=0, unchanged=5)


def test_row_without_id_updates_the_one_live_customer_of_that_company(db: Database, tmp_path: Path) -> None:
    huawei = add_customer(db, "华为技术有限公司")
    add_customer(db, "长安汽车")
    add_customer(db, "长安汽车股份有限公司")  # two live customers share the key: no match, a new one
    add_customer(db, "中兴通讯", deleted_at=NOW)  # deleted customers are not matched
    path = save_sheets(
        tmp_path / "in.xlsx",
        {"S": [["电话", "客户名称"], ["0755-28780808", "华为技术 "], [None, "长安汽车"], [None, "中兴通讯"]]},
    )

    assert import_file(db, path) == ImportSummary(created=2, updated=1, unchanged=0)
    with db.transaction() as session:
        assert session.get_one(Customer, huawei).phone == "0755-28780808"
        assert session.get_one(Customer, huawei).name == "华为技术"
        assert session.scalar(select(func.count()).select_from(Customer)) == 6


def test_invalid_rows_are_all_reported_with_their_place_and_nothing_is_written(db: Database, tmp_path: Path) -> None:
    add_customer(db, "已有客户")
    path = save_sheets(
        tmp_path / "bad.xlsx",
        {
            "客户": [
                ["编号", "客户名称", "电话", "状态", "成交可能性", "电子邮件", "负责人"],
                [None, "甲公司", "0755-28780808", "潜在", 10, "a@jia.cn", "张伟"],
                [None, "乙公司", None, "既成", "150%", None, None],
                [None, "丙公司", None, None, -5, None, None],
                [None, "丁公司", None, None, None, "not-an-email", None],
                [None, "戊公司", None, None, None, None, "赵六"],
                [99, "己公司", "12", "maybe", None, None, None],
                [None, "甲公司", None, None, None, None, None],
                [None, None, "0755-28780808", None, None, None, None],
            ]
        },
    )
    before = fingerprint(db)

    with pytest.raises(ImportFailed) as failed:
        import_file(db, path)

    found = [(i.sheet, i.row, i.column, i.field, i.problem, i.value) for i in failed.value.issues]
    assert found == [
        ("客户", 3, "E", "close_likelihood", Problem.BAD_PERCENT, "150%"),
        ("客户", 4, "E", "close_likelihood", Problem.BAD_PERCENT, -5),
        ("客户", 5, "F", "email", Problem.BAD_EMAIL, "not-an-email"),
        ("客户", 6, "G", "owner", ImportProblem.UNKNOWN_OWNER, "赵六"),
        ("客户", 7, "A", "id", ImportProblem.UNKNOWN_ID, 99),
        ("客户", 7, "C", "phone", Problem.BAD_PHONE, "12"),
        ("客户", 7, "D", "status", ImportProblem.BAD_STATUS, "maybe"),
        ("客户", 8, "B", "name", ImportProblem.DUPLICATE_IN_FILE, "甲公司"),
        ("客户", 9, "B", "name", Problem.REQUIRED, None),
    ]
    assert failed.value.issues[7].first_row == 2
    assert fingerprint(db) == before


def test_two_columns_for_one_field_and_a_sheet_without_name_are_refused(db: Database, tmp_path: Path) -> None:
    path = save_sheets(tmp_path / "x.xlsx", {"S": [["电话", "传真", "电话"], ["010-12345678", None, None]]})
    with pytest.raises(ImportFailed) as failed:
        import_customers(db, path, "S", 0, {0: "phone", 1: "fax", 2: "phone"})
    assert [(i.row, i.column, i.field, i.problem) for i in failed.value.issues] == [
        (1, "C", "phone", ImportProblem.DUPLICATE_COLUMN),
        (1, "", "name", Problem.REQUIRED),
    ]


@pytest.mark.parametrize("cancel_at", [1000, 3500], ids=["while validating", "while writing"])
def test_cancelling_midway_leaves_the_database_unchanged(db: Database, tmp_path: Path, cancel_at: int) -> None:
    add_customer(db, "已有客户")
    rows = [["客户名称", "电话"]] + [[f"客户{i}号", f"0755-{20000000 + i}"] for i in range(2500)]
    path = save_sheets(tmp_path / "many.xlsx", {"S": rows})
    before = fingerprint(db)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= cancel_at:
            raise JobCancelled

    with pytest.raises(JobCancelled):
        import_file(db, path, progress)

    assert calls[-1] == (cancel_at, 5000)  # 2,500 rows validated, then 2,500 written
    assert fingerprint(db) == before
    assert import_file(db, path) == ImportSummary(created=2500, updated=0, unchanged=0)
    with db.transaction() as session:
        stamped = select(func.count()).select_from(CustomerEvent).join(Customer)
        assert session.scalar(stamped.where(CustomerEvent.at == Customer.created_at)) == 2500


def test_a_chosen_header_row_and_sheet_override_the_guess(tmp_path: Path) -> None:
    path = save_sheets(
        tmp_path / "two.xlsx",
        {"A": [["客户名称", "电话"], ["甲", None]], "B": [["说明"], ["名称", "x"], ["客户名称", "备注"], ["乙", "n"]]},
    )
    assert preview_import(path).sheet == "A"
    preview = preview_import(path, sheet="B", header_row=2)
    assert (preview.sheet, preview.header_row, preview.headers) == ("B", 2, ["客户名称", "备注"])
    assert (preview.mapping, preview.rows, preview.total_rows) == ({0: "name", 1: "notes"}, [["乙", "n"]], 1)
    with pytest.raises(UnreadableFile):
        preview_import(path, sheet="C")
    with pytest.raises(UnreadableFile):
        preview_import(tmp_path / "missing.xlsx")
    (tmp_path / "not.xlsx").write_text("name,phone\n")
    with pytest.raises(UnreadableFile):
        preview_import(tmp_path / "not.xlsx")


def test_import_reads_the_file_as_it_is_now_not_as_it_was_previewed(db: Database, tmp_path: Path) -> None:
    path = save_sheets(tmp_path / "f.xlsx", {"S": [["客户名称"], ["甲公司"]]})
    preview = preview_import(path)
    save_sheets(path, {"S": [["客户名称"], ["乙公司"], ["丙公司"]]})  # edited while the wizard was open
    assert import_customers(db, path, "S", preview.header_row, preview.mapping).created == 2
    assert sorted(customers(db)) == ["丙公司", "乙公司"]


# --- garbage in --------------------------------------------------------------------------------

_GARBAGE = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=12),
    st.sampled_from(["=1+2", "=A1", "+86 755", "-1", "@x", "潜在", "是", "张伟", "a@b.cn", "150%", "0.5"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 3, 1), max_value=datetime(2100, 1, 1)).map(
        lambda d: d - timedelta(microseconds=d.microsecond)
    ),
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(st.lists(_GARBAGE, min_size=len(ZH_HEADERS), max_size=len(ZH_HEADERS)), max_size=6))
def test_garbage_cells_either_fail_cleanly_or_import_consistently(
    db: Database, tmp_path: Path, cells: list[list[object]]
) -> None:
    path = save_sheets(tmp_path / "garbage.xlsx", {"S": [ZH_HEADERS, *cells]})
    before = fingerprint(db)
    mapping = {i: c.field for i, c in enumerate(CUSTOMER_COLUMNS)}
    try:
        summary = import_customers(db, path, "S", 0, mapping)
    except ImportFailed as failed:
        assert failed.issues
        assert all(issue.sheet == "S" and 2 <= issue.row <= len(cells) + 1 for issue in failed.issues)
        assert fingerprint(db) == before
    else:
        # openpyxl writes text beginning with "=" as a formula, which reads back empty (never computed).
        filled = [any(_meaningful(v) for v in row) for row in cells]
        assert summary.created + summary.updated + summary.unchanged == sum(filled)
        assert summary.created + summary.updated + summary.unchanged + summary.blank <= len(cells)
        assert fingerprint(db)[0] == before[0] + summary.created


def _meaningful(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and (not value.strip() or value.startswith("=")))
