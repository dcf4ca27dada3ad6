"""Headless intelligence import and export, run as IT automation runs them: a subprocess, exit codes, one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from domain.competitors import Category
from storage import competitors as repo
from storage.db import open_database
from tests.pipeline_fixtures import make_workspace
from tests.test_cli import app


def test_export_then_import_intelligence_from_the_command_line(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite3"
    db = open_database(database)
    ids = make_workspace(db)
    with db.transaction() as s:
        repo.save_entry(s, repo.EntryRecord(None, ids["huarui"], date(2026, 11, 2), Category.PRICE, "报价下调8%"))
    db.close()
    workbook = tmp_path / "情报.xlsx"

    exported = app("export", "intelligence", "-o", str(workbook), "--database", str(database), home=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"Intelligence exported to {workbook}: 1 entries."
    assert openpyxl.load_workbook(workbook).sheetnames == ["Intelligence"]

    imported = app("import", "intelligence", str(workbook), "--database", str(database), home=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "情报.xlsx: Imported 1 intelligence entries."


def test_a_bad_intelligence_file_exits_with_one_line(tmp_path: Path) -> None:
    database = tmp_path / "c.sqlite3"
    make_workspace(open_database(database))
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "情报"
    sheet.append(["日期", "竞争对手", "类别", "内容"])
    sheet.append(["2026-11-03", "华锐智能科技", "天气", "下雨"])
    path = tmp_path / "bad.xlsx"
    book.save(path)
    result = app("import", "intelligence", str(path), "--database", str(database), home=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("bad.xlsx: 1 problems, nothing imported. First:")
    assert "C" in lines[0] and "2" in lines[0]
