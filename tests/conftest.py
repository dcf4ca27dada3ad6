"""Shared fixtures: Qt offscreen, a fresh real SQLite database per test, QSettings in tmp."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pytest

from storage.db import Database, open_database


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "console.sqlite3")
    yield database  # type: ignore[misc]
    database.close()


@pytest.fixture
def qsettings(tmp_path: Path, qapp):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield settings
    settings.sync()
