"""0003_clients: clients, notifications, assignments, check-ins, observations (with
their revisions) and the client timeline."""
from __future__ import annotations

from . import rows

NEW_TABLES = ("client", "notification", "assignment", "check_in", "observation",
              "client_event", "observation_revision")


class UpgradeTester:
    """0002 → 0003 with staff, partner organisations and their data in the database."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)

    def check_upgrade(self, db):
        assert db.tables() == rows.CLIENTS_TABLES
        rows.assert_partners_unchanged(db, attachments=rows.PARTNER_ATTACHMENTS)
        for table in NEW_TABLES:
            assert db.rows(table) == []


class DowngradeTester:
    """0003 → 0002 with clients, an assignment to a partner, check-ins, an observation
    with a revision and an evidence file, timeline events and a notification."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)

    def check_downgrade(self, db):
        assert db.tables() == rows.PARTNERS_TABLES
        # The observation's evidence row goes with the observation table, so that a
        # later observation with the same id cannot inherit it; partners' files stay.
        rows.assert_partners_unchanged(db, attachments=rows.PARTNER_ATTACHMENTS)
