"""Opening databases: pragmas, migration, backups before migrating, refusing newer databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from storage.db import MIGRATIONS, DatabaseTooNew, open_database, to_url

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_new_database_is_created_migrated_with_wal_and_foreign_keys(tmp_path: Path):
    db = open_database(tmp_path / "sub" / "new.sqlite3")
    with db.engine.connect() as c:
        assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert c.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert c.execute(text("PRAGMA busy_timeout")).scalar() == 5000
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
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


def test_database_at_an_older_revision_is_copied_aside_then_migrated(tmp_path: Path):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.upgrade(config, "0001")
        connection.execute(
            text(
                "INSERT INTO rep (name, employee_no, phone, email, region, active) VALUES ('张伟', 'S1', '', '', '', 1)"
            )
        )
    engine.dispose()
    db = open_database(path)
    backup = tmp_path / "old.sqlite3.bak-0001"
    assert backup.exists()
    with sqlite3.connect(backup) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert c.execute("SELECT name FROM rep").fetchall() == [("张伟",)]
    with db.engine.connect() as c:
        assert c.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
        assert c.execute(text("SELECT name FROM rep")).scalar() == "张伟"
    db.close()
