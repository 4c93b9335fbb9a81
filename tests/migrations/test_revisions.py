"""Every revision upgrades and downgrades with data in the database (see __init__.py)."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from . import rows
from .helpers import MIGRATIONS, revision_chain

CHAIN = revision_chain()


def module_for(revision: str):
    return importlib.import_module(f"{__package__}.migration_{revision}")


def test_every_revision_has_a_data_test():
    modules = sorted(path.stem.removeprefix("migration_")
                     for path in Path(__file__).parent.glob("migration_*.py"))
    assert modules == list(CHAIN)
    for revision in CHAIN:
        module = module_for(revision)
        assert hasattr(module, "UpgradeTester") and hasattr(module, "DowngradeTester")


def test_revisions_import_nothing_from_the_portal():
    """Revisions run the same way whatever the models become: no application imports,
    neither in the revisions nor in the template new ones are written from."""
    sources = sorted((MIGRATIONS / "versions").glob("*.py")) + [MIGRATIONS / "script.py.mako"]
    importing = [path.name for path in sources
                 if re.search(r"^\s*(from|import)\s+portal\b", path.read_text(), re.MULTILINE)]
    assert importing == []


@pytest.mark.parametrize("revision", list(CHAIN))
def test_upgrade_with_data(migration_db, revision):
    parent = CHAIN[revision]
    tester = module_for(revision).UpgradeTester()
    if parent is not None:
        migration_db.upgrade(parent)
        assert migration_db.version() == parent
    tester.load_data(migration_db)
    migration_db.upgrade(revision)
    assert migration_db.version() == revision
    tester.check_upgrade(migration_db)


@pytest.mark.parametrize("revision", list(CHAIN))
def test_downgrade_with_data(migration_db, revision):
    parent = CHAIN[revision]
    tester = module_for(revision).DowngradeTester()
    migration_db.upgrade(revision)
    tester.load_data(migration_db)
    migration_db.downgrade(parent or "base")
    assert migration_db.version() == parent
    tester.check_downgrade(migration_db)


def test_0002_downgrades_with_a_partner_application_token(migration_db):
    """Regression: once a partner application had its email-confirmation token (a
    one_time_token row with user_id NULL), 0002's downgrade failed to restore NOT NULL
    (SQLite: `NOT NULL constraint failed: _alembic_tmp_one_time_token.user_id`;
    PostgreSQL: `column "user_id" of relation "one_time_token" contains null values`)."""
    migration_db.upgrade("0002_partners")
    rows.load_foundation(migration_db)
    migration_db.insert("partner_org", rows.PARTNER_ORGS)
    migration_db.insert("one_time_token", rows.PARTNER_TOKENS)

    migration_db.downgrade("0001_foundation")

    assert migration_db.version() == "0001_foundation"
    assert migration_db.rows("one_time_token") == rows.USER_TOKENS
