"""Opening a database: engine, pragmas, sessions, and migration to the schema this code knows.

A SQLite file is migrated with Alembic on open; before a user's existing database
is migrated it is copied aside as ``NAME.bak-<revision>``.  A database whose
revision this code does not know (written by a newer version) is refused.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")


class DatabaseError(Exception):
    """A database that cannot be opened; the message is for the user."""


class DatabaseTooNew(DatabaseError):
    pass


def to_url(path_or_url: str | Path) -> URL:
    """A SQLAlchemy URL from a file path (``customers.db``) or any URL (``postgresql+psycopg://…``)."""
    text = str(path_or_url)
    if "://" in text:
        return make_url(text)
    return make_url("sqlite:///" + str(Path(text).expanduser().resolve()))


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _alembic_config(connection) -> Config:  # type: ignore[no-untyped-def]
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@dataclass
class Database:
    """An open database: the engine, a session factory, and where it is (for the status bar)."""

    engine: Engine
    sessions: sessionmaker[Session]
    url: URL

    @property
    def display_name(self) -> str:
        if self.url.get_backend_name() == "sqlite":
            return str(self.url.database)
        return self.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        if self.url.get_backend_name() == "sqlite" and self.url.database not in (None, "", ":memory:"):
            return Path(str(self.url.database))
        return None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work commits together or not at all."""
        with self.sessions() as session, session.begin():
            yield session

    def close(self) -> None:
        self.engine.dispose()


def open_database(path_or_url: str | Path) -> Database:
    """Open (creating and migrating when needed) the database at ``path_or_url``."""
    url = to_url(path_or_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        Path(str(url.database)).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        _migrate(engine, url)
    except DatabaseError:
        engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        log.exception("Cannot open database %s", url)
        raise DatabaseError(str(exc)) from exc
    return Database(engine=engine, sessions=sessionmaker(engine, expire_on_commit=False), url=url)


def _migrate(engine: Engine, url: URL) -> None:
    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        has_tables = bool(inspect(connection).get_table_names())
    if current == head:
        return
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:
            raise DatabaseTooNew(current) from exc
        path = Path(str(url.database)) if url.get_backend_name() == "sqlite" else None
        if path is not None and path.exists() and has_tables:
            backup = path.with_name(f"{path.name}.bak-{current}")
            with engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copy2(path, backup)
            log.info("Copied %s to %s before migrating", path, backup)
    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
