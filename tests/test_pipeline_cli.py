"""Headless opportunity import and export, run as IT automation runs them: a subprocess, exit codes,
one line of output."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from storage.db import open_database
from tests.pipeline_fixtures import make_workspace, snapshot
from tests.test_cli import app


def test_export_then_import_opportunities_from_the_command_line(tmp_path: Path):
    database = tmp_path / "p.sqlite3"
    db = open_database(database)
    make_workspace(db)
    db.close()
    workbook = tmp_path / "机会.xlsx"

    exported = app("export", "opportunities", "-o", str(workbook), "--database", str(database), home=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert exported.stdout.strip() == f"Opportunities exported to {workbook}: 5."
    assert openpyxl.load_workbook(workbook).sheetnames == ["Opportunities", "Stage history"]

    imported = app("import", "opportunities", str(workbook), "--database", str(database), home=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == "机会.xlsx: Imported: 0 created, 0 updated, 5 unchanged."


def test_a_bad_file_exits_non_zero_with_one_line_and_imports_nothing(tmp_path: Path):
    database = tmp_path / "p.sqlite3"
    db = open_database(database)
    make_workspace(db)
    before = snapshot(db)
    db.close()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "机会"
    sheet.append(["客户名称", "机会名称", "金额", "阶段"])
    sheet.append(["新客户有限公司", "AGV物流系统", 100_000, "提案"])
    sheet.append(["华为技术有限公司", "质量追溯系统", -1, "报价"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)

    result = app("import", "opportunities", str(path), "--database", str(database), home=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        'bad.xlsx: 2 problems, nothing imported. First: Sheet 机会, row 3, column C: "-1": Amounts cannot be negative.'
    ]
    db = open_database(database)
    assert snapshot(db) == before
    db.close()

    missing = app("import", "opportunities", str(tmp_path / "nope.xlsx"), "--database", str(database), home=tmp_path)
    assert missing.returncode == 1
    assert len(missing.stderr.strip().splitlines()) == 1
    assert missing.stderr.startswith("nope.xlsx: cannot be read")
