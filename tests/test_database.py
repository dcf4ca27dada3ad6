"""Opening databases: pragmas, migration, backups before migrating, refusing newer databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import DatabaseTooNew, open_database, to_url


def test_new_database_is_created_migrated_with_wal_and_foreign_keys(tmp_path: Path):
    db = open_database(tmp_path / "sub" / "new.sqlite3")
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0001"
        tables = {r[0] for r in c.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert {"customer", "contact", "customer_order", "rep", "setting", "customer_event"} <= tables
    db.close()


def test_database_written_by_a_newer_version_is_refused(tmp_path: Path):
    path = tmp_path / "newer.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as c:
        c.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(DatabaseTooNew):
        open_database(path)


def test_paths_and_urls_are_both_accepted(tmp_path: Path):
    assert to_url(tmp_path / "a.db").get_backend_name() == "sqlite"
    assert to_url("postgresql+psycopg://u:p@localhost/console").get_backend_name() == "postgresql"
