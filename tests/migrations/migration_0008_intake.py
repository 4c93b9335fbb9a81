"""0008_intake: a client's birth date (staff only, found at triage) and the observation
a staff-filed revocation case was opened from."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC

# A case the Bapas opened itself from the partner's observation (observation 1).
MONITORING_COMPLAINT = {
    **rows.COMPLAINTS[0], "id": 2, "reference": "ADU-2026-0008", "submission_key": None,
    "channel": "monitoring", "complainant_name": "Budi Santoso", "complainant_phone": None,
    "complainant_email": None, "complainant_relationship": None, "complainant_user_id": None,
    "partner_org_id": None, "recorded_by_id": 1, "status": "submitted",
    "assigned_officer_id": None, "observation_id": 1,
    "narrative": "Temuan pengawasan: mitra melaporkan klien tidak masuk kerja.",
}


class UpgradeTester:
    """0005 → 0008 with clients and a complaint: the new columns are empty."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        rows.load_clients(db)
        rows.load_jobs(db)
        rows.load_complaints(db)

    def check_upgrade(self, db):
        assert db.tables() == rows.COMPLAINTS_TABLES
        assert db.rows("client") == [{**c, "birth_on": None} for c in rows.CLIENTS]
        assert db.rows("complaint") == [{**c, "observation_id": None} for c in rows.COMPLAINTS]
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0008 → 0005 with a birth date recorded and a case opened from an observation: the
    columns go, the rows stay; the case's channel becomes a staff-recorded oral report."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)
        db.insert("client", [{**rows.CLIENTS[0], "birth_on": dt.date(1990, 1, 12)},
                             {**rows.CLIENTS[1], "birth_on": None}])
        for table, data in (("notification", rows.NOTIFICATIONS), ("assignment", rows.ASSIGNMENTS),
                            ("check_in", rows.CHECK_INS), ("observation", rows.OBSERVATIONS),
                            ("attachment", rows.OBSERVATION_ATTACHMENTS),
                            ("client_event", rows.CLIENT_EVENTS),
                            ("observation_revision", rows.OBSERVATION_REVISIONS)):
            db.insert(table, data)
        rows.load_jobs(db)
        db.insert("complaint", [{**rows.COMPLAINTS[0], "observation_id": None},
                                MONITORING_COMPLAINT])

    def check_downgrade(self, db):
        assert db.tables() == rows.COMPLAINTS_TABLES
        rows.assert_clients_unchanged(db)
        expected = {k: v for k, v in MONITORING_COMPLAINT.items() if k != "observation_id"}
        assert db.rows("complaint") == [rows.COMPLAINTS[0], {**expected, "channel": "oral"}]
