"""0004_opportunities: job and training postings, the offices they are shown to,
referrals of clients and the referral timeline."""
from __future__ import annotations

from . import rows

NEW_TABLES = ("opportunity", "opportunity_office", "referral", "referral_event")


class UpgradeTester:
    """0003 → 0004 with partners, clients, assignments and observations in the database."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)

    def check_upgrade(self, db):
        assert db.tables() == rows.JOBS_TABLES
        rows.assert_partners_unchanged(
            db, attachments=rows.PARTNER_ATTACHMENTS + rows.OBSERVATION_ATTACHMENTS)
        rows.assert_clients_unchanged(db)
        for table in NEW_TABLES:
            assert db.rows(table) == []


class DowngradeTester:
    """0004 → 0003 with a published posting shown in two offices and a placed referral
    that points at an assignment (an 0003 row)."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)
        rows.load_jobs(db)

    def check_downgrade(self, db):
        assert db.tables() == rows.CLIENTS_TABLES
        rows.assert_partners_unchanged(
            db, attachments=rows.PARTNER_ATTACHMENTS + rows.OBSERVATION_ATTACHMENTS)
        rows.assert_clients_unchanged(db)
