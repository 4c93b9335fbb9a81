"""0001_foundation: regions, offices, users, tokens, audit, outbox."""
from __future__ import annotations

import pytest
from sqlalchemy.exc import DBAPIError

from . import rows


class UpgradeTester:
    """base → 0001 on an empty database: the foundation tables appear, take the
    representative rows, and the audit table refuses UPDATE and DELETE."""

    def load_data(self, db):
        # 0001 is the first revision: there is nothing older to carry.
        assert db.tables() == set()

    def check_upgrade(self, db):
        assert db.tables() == rows.FOUNDATION_TABLES
        rows.load_foundation(db)
        rows.assert_foundation_at_0001(db)

        with pytest.raises(DBAPIError, match="audit_event is append-only: UPDATE refused"):
            db.execute("UPDATE audit_event SET action = 'auth.logout' WHERE id = 1")
        with pytest.raises(DBAPIError, match="audit_event is append-only: DELETE refused"):
            db.execute("DELETE FROM audit_event WHERE id = 2")
        assert db.rows("audit_event") == rows.AUDIT_EVENTS


class DowngradeTester:
    """0001 → base with rows in every table (tokens and audit events that reference
    users and offices): every table goes, and on PostgreSQL the audit trigger function."""

    def load_data(self, db):
        rows.load_foundation(db)

    def check_downgrade(self, db):
        assert db.tables() == {"alembic_version"}
        assert db.version() is None
        if db.dialect == "postgresql":
            assert db.execute(
                "SELECT proname FROM pg_proc WHERE proname = 'audit_event_append_only'") == []
