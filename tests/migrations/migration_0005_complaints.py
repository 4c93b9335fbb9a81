"""0005_complaints: complaints, their timeline, examination records (BAP), TPP
hearings, issued documents and collective leave days."""
from __future__ import annotations

from . import rows

NEW_TABLES = ("collective_leave", "complaint", "complaint_event", "examination_record",
              "hearing", "issued_document")


class UpgradeTester:
    """0004 → 0005 with partners, clients, postings and referrals in the database."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)
        rows.load_jobs(db)

    def check_upgrade(self, db):
        assert db.tables() == rows.COMPLAINTS_TABLES
        rows.assert_partners_unchanged(
            db, attachments=rows.PARTNER_ATTACHMENTS + rows.OBSERVATION_ATTACHMENTS)
        rows.assert_clients_unchanged(db)
        rows.assert_jobs_unchanged(db)
        for table in NEW_TABLES:
            assert db.rows(table) == []


class DowngradeTester:
    """0005 → 0004 with a complaint about a client filed by a partner, its timeline, an
    examination record with an issued BAP, a hearing, evidence and a signed scan, and a
    collective leave day."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)
        rows.load_jobs(db)
        rows.load_complaints(db)

    def check_downgrade(self, db):
        assert db.tables() == rows.JOBS_TABLES
        # The complaint's evidence and the examination's signed scan go with their
        # tables; partners' and observations' files stay.
        rows.assert_partners_unchanged(
            db, attachments=rows.PARTNER_ATTACHMENTS + rows.OBSERVATION_ATTACHMENTS)
        rows.assert_clients_unchanged(db)
        rows.assert_jobs_unchanged(db)
