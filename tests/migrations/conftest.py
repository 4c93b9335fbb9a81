"""Fixtures for the per-revision migration tests: each test gets an empty database."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

# The row checks live in rows.py and the migration_*.py modules: show their failed
# asserts in detail, as in test modules.
pytest.register_assert_rewrite(
    f"{__package__}.rows",
    *(f"{__package__}.{path.stem}" for path in Path(__file__).parent.glob("migration_*.py")))

from .helpers import MigrationDatabase, ServerDatabases  # noqa: E402


@pytest.fixture(scope="session")
def server_databases():
    """SQLite files, or PostgreSQL databases on TEST_DATABASE_URL's server."""
    databases = ServerDatabases(os.environ.get("TEST_DATABASE_URL"))
    yield databases
    databases.close()


@pytest.fixture
def migration_db(server_databases, tmp_path):
    """An empty database of this test's own (no revision applied yet)."""
    url = server_databases.create(tmp_path)
    database = MigrationDatabase(url, tmp_path / "storage")
    try:
        yield database
    finally:
        database.close()
        server_databases.drop(url)
