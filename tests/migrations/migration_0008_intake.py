"""0008_intake: a client's birth date (staff only, found at triage) and the observation
a staff-filed revocation case was opened from.

The checks compare with the rows the parent revision had, so they hold whichever revision
0008 follows (it is relinked at merge)."""
from __future__ import annotations

import datetime as dt

from . import rows

# A case the Bapas opened itself from the partner's observation (observation 1).
MONITORING_COMPLAINT = {
    **rows.COMPLAINTS[0], "id": 2, "reference": "ADU-2026-0008", "submission_key": None,
    "channel": "monitoring", "complainant_name": "Budi Santoso", "complainant_phone": None,
    "complainant_email": None, "complainant_relationship": None, "complainant_user_id": None,
    "partner_org_id": None, "recorded_by_id": 1, "status": "submitted",
    "assigned_officer_id": None, "observation_id": 1,
    "narrative": "Temuan pengawasan: mitra melaporkan klien tidak masuk kerja.",
}


def _loaded(db) -> None:
    rows.load_foundation(db)
    rows.load_partners(db)
    rows.load_clients(db)
    rows.load_jobs(db)
    rows.load_complaints(db)


def _without(found: list[dict], column: str) -> list[dict]:
    return [{k: v for k, v in row.items() if k != column} for row in found]


class UpgradeTester:
    """→ 0008 with clients and a complaint: the new columns are empty, nothing else moves."""

    def load_data(self, db):
        _loaded(db)
        self.tables = db.tables()
        self.clients = db.rows("client")
        self.complaints = db.rows("complaint")

    def check_upgrade(self, db):
        assert db.tables() == self.tables
        clients = db.rows("client")
        assert [c.pop("birth_on") for c in clients] == [None, None]
        assert clients == self.clients
        complaints = db.rows("complaint")
        assert [c.pop("observation_id") for c in complaints] == [None]
        assert complaints == self.complaints
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0008 → its parent with a birth date recorded and a case opened from an observation:
    the columns go, the rows stay; the case's channel becomes a staff-recorded oral report."""

    def load_data(self, db):
        _loaded(db)
        db.execute("UPDATE client SET birth_on = :day WHERE id = 1", day=dt.date(1990, 1, 12))
        db.insert("complaint", [MONITORING_COMPLAINT])
        self.tables = db.tables()
        self.clients = db.rows("client")
        self.complaints = db.rows("complaint")

    def check_downgrade(self, db):
        assert db.tables() == self.tables
        assert [c["birth_on"] for c in self.clients] == [dt.date(1990, 1, 12), None]
        assert db.rows("client") == _without(self.clients, "birth_on") == rows.CLIENTS
        expected = _without(self.complaints, "observation_id")
        expected[1]["channel"] = "oral"
        assert db.rows("complaint") == expected
        rows.assert_jobs_unchanged(db)
