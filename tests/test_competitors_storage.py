"""The intelligence register against a real database: feed filters, pinyin search, Excel, battlecard."""

from __future__ import annotations

import hashlib
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import text

from domain.competitors import Category, Reliability, Source
from storage import competitors as repo
from storage import intelligence_exchange as exchange
from storage.db import Database
from storage.exchange import ImportFailed
from tests.pipeline_fixtures import make_workspace


def _entries(db: Database, ids: dict[str, int]) -> dict[str, int]:
    made: dict[str, int] = {}
    with db.transaction() as s:
        for key, competitor, on, category, reliability, body in (
            ("cut", "huarui", date(2026, 10, 3), Category.PRICE, Reliability.CONFIRMED, "价格调整：报价下调8%"),
            ("boss", "huarui", date(2026, 11, 2), Category.PERSONNEL, Reliability.RUMOUR, "华东区经理离职"),
            ("show", "zhongke", date(2026, 11, 10), Category.NEW_PRODUCT, Reliability.PROBABLE, "展会发布新控制器"),
        ):
            made[key] = repo.save_entry(
                s,
                repo.EntryRecord(
                    None, ids[competitor], on, category, body, Source.TRADE_SHOW, reliability,
                    customer_ids=(ids["huawei"],),
                ),
            )  # fmt: skip
    return made


def test_feed_is_newest_first_and_filters(db: Database) -> None:
    ids = make_workspace(db)
    made = _entries(db, ids)
    with db.transaction() as s:
        assert [r.id for r in repo.feed(s)] == [made["show"], made["boss"], made["cut"]]
        assert [r.id for r in repo.feed(s, competitor_id=ids["huarui"])] == [made["boss"], made["cut"]]
        assert [r.id for r in repo.feed(s, category=Category.PRICE)] == [made["cut"]]
        assert [r.id for r in repo.feed(s, reliability=Reliability.RUMOUR)] == [made["boss"]]
        assert repo.feed(s, competitor_id=ids["zhongke"])[0].customers == "华为技术有限公司"


def test_typing_pinyin_or_initials_finds_chinese_entries(db: Database) -> None:
    ids = make_workspace(db)
    made = _entries(db, ids)
    with db.transaction() as s:
        assert [r.id for r in repo.feed(s, search="jgtz")] == [made["cut"]]  # 价格调整
        assert [r.id for r in repo.feed(s, search="LIZHI")] == [made["boss"]]  # 离职
        assert [r.id for r in repo.feed(s, search="控制器")] == [made["show"]]
        assert [r.id for r in repo.feed(s, search="zkhx")] == [made["show"]]  # the competitor 中科恒信
        assert repo.feed(s, search="100%") == []


def test_saving_a_profile_keeps_pinyin_and_renames_in_search(db: Database) -> None:
    ids = make_workspace(db)
    made = _entries(db, ids)
    with db.transaction() as s:
        profile = repo.get_profile(s, ids["zhongke"])
        profile.name = "中科信达"
        profile.strengths = "技术强"
        profile.expected_share_bp = 1250
        repo.save_profile(s, profile)
    with db.transaction() as s:
        again = repo.get_profile(s, ids["zhongke"])
        assert (again.name, again.strengths, again.expected_share_bp) == ("中科信达", "技术强", 1250)
        row = next(r for r in repo.list_competitors(s) if r.id == ids["zhongke"])
        assert (row.pinyin, row.initials, row.entries) == ("zhongkexinda", "zkxd", 1)
        assert [r.id for r in repo.feed(s, search="zkxd")] == [made["show"]]


def test_price_history_pairs_their_prices_with_our_list_price(db: Database) -> None:
    ids = make_workspace(db)
    with db.transaction() as s:
        repo.set_list_price(s, "伺服电机", date(2026, 1, 1), 3200_00)
        repo.set_list_price(s, "伺服电机", date(2026, 7, 1), 3100_00)
        repo.add_price_observation(s, ids["huarui"], "伺服电机", date(2026, 9, 1), 2900_00, ids["huawei"])
        repo.add_price_observation(s, ids["huarui"], "伺服电机", date(2026, 3, 1), 3000_00)
        repo.add_price_observation(s, ids["zhongke"], "伺服电机", date(2026, 3, 1), 1_00)
    with db.transaction() as s:
        (history,) = repo.price_history(s, ids["huarui"])
        assert history.theirs == ((date(2026, 3, 1), 3000_00), (date(2026, 9, 1), 2900_00))
        assert history.ours == ((date(2026, 1, 1), 3200_00), (date(2026, 7, 1), 3100_00))
        assert [(p.price_fen, p.customer) for p in repo.price_observations(s, ids["huarui"])] == [
            (2900_00, "华为技术有限公司"),
            (3000_00, ""),
        ]


def test_win_loss_rep_summary_and_open_deals(db: Database) -> None:
    ids = make_workspace(db)
    with db.transaction() as s:
        repo.add_rep_observation(s, ids["huarui"], ids["huawei"], date(2026, 10, 1), 4, 30)
        repo.add_rep_observation(s, ids["huarui"], ids["hengda"], date(2026, 10, 9), 2, 90, dealer_promotion=True)
    with db.transaction() as s:
        record = repo.win_loss_against(s, ids["huarui"])
        assert (record.deals, record.won_by_us, record.lost_to_them, record.lost_to_others, record.open) == (
            2, 0, 0, 1, 1,
        )  # fmt: skip
        zhongke = repo.win_loss_against(s, ids["zhongke"])
        assert (zhongke.deals, zhongke.lost_to_them, zhongke.lost_to_them_fen) == (1, 1, 450_000_00)
        assert [d.name for d in repo.open_deals_against(s, ids["huarui"])] == ["数据中心扩容"]
        summary = repo.rep_summary(s, ids["huarui"])
        assert (summary.observations, summary.average_visits_per_month, summary.average_stay_minutes) == (2, 3.0, 60.0)
        assert (summary.customers_seen, summary.dealer_promotions) == (2, 1)


def _snapshot(db: Database) -> str:
    digest = hashlib.sha256()
    with db.engine.connect() as connection:
        for table in ("intelligence_entry", "intelligence_customer", "competitor"):
            for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def test_export_then_import_round_trips_every_entry(db: Database, tmp_path: Path) -> None:
    ids = make_workspace(db)
    _entries(db, ids)
    path = tmp_path / "情报.xlsx"
    assert exchange.export_intelligence(db, path, language="en") == 3
    with db.transaction() as s:
        s.execute(text("DELETE FROM intelligence_entry"))
    preview = exchange.preview_import(path)
    summary = exchange.import_intelligence(db, path, preview.sheet, preview.header_row, preview.mapping)
    assert (summary.created, summary.new_competitors) == (3, ())
    with db.transaction() as s:
        rows = repo.feed(s)
    assert [(r.observed_on, r.category, r.source, r.reliability, r.text, r.customers) for r in rows] == [
        (date(2026, 11, 10), "new_product", "trade_show", "probable", "展会发布新控制器", "华为技术有限公司"),
        (date(2026, 11, 2), "personnel", "trade_show", "rumour", "华东区经理离职", "华为技术有限公司"),
        (date(2026, 10, 3), "price", "trade_show", "confirmed", "价格调整：报价下调8%", "华为技术有限公司"),
    ]


def _workbook(path: Path, rows: list[list[object]]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "情报"
    sheet.append(["日期", "竞争对手", "类别", "来源", "可靠性", "内容"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def test_import_creates_unknown_competitors_and_reads_english_words(db: Database, tmp_path: Path) -> None:
    ids = make_workspace(db)
    path = tmp_path / "intel.xlsx"
    _workbook(
        path,
        [
            ["2026/11/3", "华锐智能科技", "Price", "dealer", "rumor", "降价10%"],
            ["2026-11-04", "新锐自动化", "新品", "展会", "已证实", "新款伺服"],
        ],
    )
    preview = exchange.preview_import(path)
    summary = exchange.import_intelligence(db, path, preview.sheet, preview.header_row, preview.mapping)
    assert (summary.created, summary.new_competitors) == (2, ("新锐自动化",))
    with db.transaction() as s:
        rows = repo.feed(s)
    assert [(r.competitor_id == ids["huarui"], r.category, r.source, r.reliability) for r in rows] == [
        (False, "new_product", "trade_show", "confirmed"),
        (True, "price", "dealer", "rumour"),
    ]


def test_a_bad_row_leaves_the_database_unchanged_and_names_row_and_column(db: Database, tmp_path: Path) -> None:
    ids = make_workspace(db)
    _entries(db, ids)
    before = _snapshot(db)
    path = tmp_path / "bad.xlsx"
    _workbook(
        path,
        [
            ["2026-11-03", "新锐自动化", "价格", "经销商", "传闻", "降价10%"],
            ["2026-11-04", "华锐智能科技", "天气", "经销商", "也许", "下雨"],
        ],
    )
    preview = exchange.preview_import(path)
    with pytest.raises(ImportFailed) as failed:
        exchange.import_intelligence(db, path, preview.sheet, preview.header_row, preview.mapping)
    assert [(i.sheet, i.row, i.column, i.problem) for i in failed.value.issues] == [
        ("情报", 3, "C", exchange.IntelligenceProblem.BAD_CATEGORY),
        ("情报", 3, "E", exchange.IntelligenceProblem.BAD_RELIABILITY),
    ]
    assert _snapshot(db) == before


def test_demo_intelligence_is_deterministic(db: Database, tmp_path: Path) -> None:
    from storage.db import open_database
    from storage.demo_competitors import generate_demo_competitors

    feeds = []
    for database in (db, open_database(tmp_path / "other.sqlite3")):
        make_workspace(database)
        assert generate_demo_competitors(database, as_of=date(2026, 11, 20)) == 150
        with database.transaction() as s:
            feeds.append([(r.observed_on, r.competitor, r.text) for r in repo.feed(s)])
            assert len(repo.rep_observations(s, repo.list_competitors(s)[0].id)) > 0
            assert {h.product for h in repo.price_history(s, repo.list_competitors(s)[0].id)} == {
                "伺服电机 SM-750", "PLC 控制器 C200", "变频器 VF-22",
            }  # fmt: skip
    assert len(feeds[0]) == 150 and feeds[0] == feeds[1]
    assert all(date(2025, 11, 20) < on <= date(2026, 11, 20) for on, _c, _t in feeds[0])
    with pytest.raises(ValueError):
        generate_demo_competitors(db)


def test_battlecard_pdf_is_one_page_with_name_and_newest_entry(db: Database, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from ui.battlecard import battlecard_document
    from ui.printing import render_document, save_pdf

    ids = make_workspace(db)
    _entries(db, ids)
    with db.transaction() as s:
        repo.set_list_price(s, "伺服电机", date(2026, 1, 1), 3200_00)
        repo.add_price_observation(s, ids["huarui"], "伺服电机", date(2026, 3, 1), 3000_00)
        repo.add_price_observation(s, ids["huarui"], "伺服电机", date(2026, 9, 1), 2900_00)
        card = repo.battlecard(s, ids["huarui"], today=date(2026, 11, 20))
    path = tmp_path / "battlecard.pdf"
    save_pdf(path, render_document(battlecard_document(card)), landscape=False)
    text_out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    # PDF text maps some characters to their Kangxi-radical look-alikes (⼼ for 心): NFKC folds them back.
    squeezed = unicodedata.normalize("NFKC", "".join(text_out.split()))
    assert "华锐智能科技股份有限公司" in squeezed
    assert "华东区经理离职" in squeezed  # the newest of its entries
    assert "数据中心扩容" in squeezed  # the open deal where they compete
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           1" in info
