"""A database of its own for a migration test: run revisions, write and read rows."""
from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path
from typing import Any

import flask_migrate
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, Table, create_engine, inspect, select, text
from sqlalchemy.engine import make_url

from portal import create_app
from portal.extensions import db as flask_db

MIGRATIONS = Path(__file__).resolve().parents[2] / "migrations"


def revision_chain() -> dict[str, str | None]:
    """Every revision, oldest first, mapped to its parent (None for the first)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = list(ScriptDirectory.from_config(config).walk_revisions())
    return {s.revision: s.down_revision for s in reversed(scripts)}


def as_utc(value: Any) -> Any:
    """Timestamps read back as aware UTC: SQLite returns them naive (stored in UTC),
    PostgreSQL in the session's zone. Anything else is returned as it is."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
    return value


class ServerDatabases:
    """Fresh, empty databases: a SQLite file in the test's folder, or on PostgreSQL a
    CREATE DATABASE of the test's own, dropped when the test ends."""

    def __init__(self, server_url: str | None):
        self.server = None
        self.admin = None
        if server_url:
            self.server = make_url(server_url)
            if self.server.drivername == "postgresql":
                self.server = self.server.set(drivername="postgresql+psycopg")
            self.admin = create_engine(self.server.set(database="postgres"),
                                       isolation_level="AUTOCOMMIT")

    def create(self, folder: Path) -> str:
        if self.server is None:
            return f"sqlite:///{folder / 'migrations.db'}"
        name = f"pokmas_migrations_{uuid.uuid4().hex[:10]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.server.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        if self.server is None:
            Path(make_url(url).database).unlink(missing_ok=True)
            return
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))

    def close(self) -> None:
        if self.admin is not None:
            self.admin.dispose()


class MigrationDatabase:
    """One database under test.

    Revisions run through the portal's own Flask-Migrate set-up (migrations/env.py and
    the options `flask db upgrade` uses); the app is only the vehicle for that. Rows are
    written and read with SQLAlchemy Core on tables reflected from the live schema.
    """

    def __init__(self, url: str, storage: Path):
        self.url = url
        self.dialect = make_url(url).get_backend_name()
        self.app = create_app({"ENV_NAME": "test", "SQLALCHEMY_DATABASE_URI": url,
                               "STORAGE_DIR": str(storage), "SERVER_NAME": None})
        self.engine = create_engine(url)
        self._reflected = MetaData()

    # ------------------------------------------------------------ revisions

    def upgrade(self, revision: str) -> None:
        with self.app.app_context():
            flask_migrate.upgrade(revision=revision)
        self._reflected = MetaData()

    def downgrade(self, revision: str) -> None:
        with self.app.app_context():
            flask_migrate.downgrade(revision=revision)
        self._reflected = MetaData()

    def version(self) -> str | None:
        """The revision alembic_version records (None when it holds no row)."""
        with self.engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()

    # ------------------------------------------------------------ schema

    def tables(self) -> set[str]:
        with self.engine.connect() as conn:
            return set(inspect(conn).get_table_names())

    def columns(self, table: str) -> dict[str, dict]:
        """Column name → the inspector's description (type, nullable, default)."""
        with self.engine.connect() as conn:
            return {c["name"]: c for c in inspect(conn).get_columns(table)}

    def _table(self, conn, name: str) -> Table:
        """The table as the database has it now (all tables are reflected in one go,
        once per schema version)."""
        if not self._reflected.tables:
            self._reflected.reflect(conn, resolve_fks=False)
        return self._reflected.tables[name]

    # ------------------------------------------------------------ rows

    def insert(self, table: str, rows: list[dict]) -> None:
        """Insert rows (ids given) and, on PostgreSQL, move the id sequence past them, as
        a live database's would be."""
        with self.engine.begin() as conn:
            target = self._table(conn, table)
            for row in rows:
                conn.execute(target.insert().values(**row))
            if self.dialect == "postgresql" and "id" in target.c and rows:
                quoted = conn.dialect.identifier_preparer.quote(table)
                conn.execute(text(
                    f"SELECT setval(pg_get_serial_sequence(:table, 'id'), "
                    f"(SELECT max(id) FROM {quoted}))"), {"table": quoted})

    def rows(self, table: str) -> list[dict]:
        """Every row of a table as a dict of all its columns, in primary-key order."""
        with self.engine.connect() as conn:
            source = self._table(conn, table)
            result = conn.execute(select(source).order_by(*source.primary_key.columns))
            return [{key: as_utc(value) for key, value in row._mapping.items()}
                    for row in result]

    def execute(self, sql: str, **params: Any) -> Any:
        """Run one SQL statement in its own transaction; returns the result's rows."""
        with self.engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return result.all() if result.returns_rows else None

    def close(self) -> None:
        with self.app.app_context():
            flask_db.session.remove()
            flask_db.engine.dispose()
        self.engine.dispose()
