"""The headless commands, run as IT automation would: a subprocess, exit codes, one-line messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

from domain.records import CustomerRecord, OrderRecord
from storage import customers as repo
from storage.db import open_database

ROOT = Path(__file__).resolve().parents[1]


def app(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env["XDG_CONFIG_HOME"] = str(home / "config")
    return subprocess.run(
        [sys.executable, str(ROOT / "app.py"), *args], capture_output=True, text=True, env=env, timeout=120
    )


def make_db(path: Path) -> None:
    db = open_database(path)
    with db.transaction() as s:
        for name, amounts in (("甲公司", [700_000]), ("乙公司", [200_000, 50_000]), ("丙公司", [])):
            repo.save_record(
                s,
                CustomerRecord(
                    name=name,
                    status="closed" if amounts else "potential",
                    orders=[OrderRecord(date(2026, 3, 1 + i), Decimal(a)) for i, a in enumerate(amounts)],
                ),
            )
    db.close()


def test_report_customers_json_gives_classes_per_customer(tmp_path: Path):
    path = tmp_path / "c.sqlite3"
    make_db(path)
    result = app("report", "customers", "--json", "--as-of", "2026-11-24", "--database", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    rows = {r["name"]: r for r in json.loads(result.stdout)}
    # 700K of 950K = 73.7% -> A; before 乙 running share 73.7% < 75% -> A too; 丙 no sales -> C.
    assert rows["甲公司"] == {
        "id": 1,
        "name": "甲公司",
        "status": "closed",
        "abc_class": "A",
        "value_class": "cow",
        "grade": "large",
        "score": rows["甲公司"]["score"],
        "annual_amount": "700000.00",
        "orders_per_year": 1,
    }
    assert (rows["乙公司"]["abc_class"], rows["乙公司"]["value_class"], rows["乙公司"]["grade"]) == (
        "A",
        "dog",
        "medium",
    )
    assert rows["乙公司"]["orders_per_year"] == 2
    assert (rows["丙公司"]["abc_class"], rows["丙公司"]["grade"], rows["丙公司"]["annual_amount"]) == ("C", "D", "0.00")


def test_a_database_from_a_newer_version_gives_one_line_and_nonzero(tmp_path: Path):
    import sqlite3

    path = tmp_path / "n.sqlite3"
    make_db(path)
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = app("report", "customers", "--json", "--database", str(path), home=tmp_path)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer version" in lines[0]


def test_import_then_report_attendance_as_json(tmp_path: Path):
    from tests.attendance_fixtures import english_hr_sheet

    path = tmp_path / "a.sqlite3"
    open_database(path).close()
    workbook = english_hr_sheet(tmp_path)
    refused = app("import", "attendance", str(workbook), "--database", str(path), home=tmp_path)
    assert refused.returncode == 1
    assert "Zhang Wei" in refused.stderr and len(refused.stderr.strip().splitlines()) == 1
    result = app("import", "attendance", str(workbook), "--add-unknown", "--database", str(path), home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "2026-10 in the ledger now: 2 people, 2 late arrivals, 32 absent days, 0 missing punches."
    ]
    assert "4 days added, 0 replaced, 0 unchanged; 2 people added" in result.stdout
    report = app("report", "attendance", "--month", "2026-10", "--json", "--database", str(path), home=tmp_path)
    assert report.returncode == 0, report.stderr
    rows = {r["employee"]: r for r in json.loads(report.stdout)}
    # October 2026 has 18 working days (1-7 National Day, 调休 Sat 10 Oct). The month is over,
    # so the working days without a record count as absent: Zhang Wei 18 - 2 = 16.
    assert rows["Zhang Wei"] == {
        "employee": "Zhang Wei",
        "employee_no": "E1001",
        "workdays": 18,
        "present_days": 2,
        "late_count": 1,
        "late_minutes": 15,
        "early_leave_count": 0,
        "early_leave_minutes": 0,
        "missing_punches": 0,
        "absent_days": 16,
        "leave_days": 0.0,
        "trip_days": 0,
        "field_days": 0,
    }
    assert (rows["Li Na"]["late_minutes"], rows["Li Na"]["leave_days"], rows["Li Na"]["absent_days"]) == (5, 1.0, 16)
