"""0007_procedure: sanctions, the execution after the decree, the deciding case of a closed
complaint, and each Bapas's period for a revoked client's return (issue 10 §2, §3).

The checks compare with the tables the parent revision had, so they hold whichever revision
0007 follows (it is relinked after 0006_documents at merge)."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC
NEW_TABLES = {"sanction", "execution"}

SECOND_COMPLAINT = {
    **rows.COMPLAINTS[0], "id": 2, "reference": "ADU-2026-0008", "submission_key": None,
    "status": "superseded", "decided_in_id": 3, "version": 2}
THIRD_COMPLAINT = {
    **rows.COMPLAINTS[0], "id": 3, "reference": "ADU-2026-0009", "submission_key": None,
    "status": "cancelled", "decree_number": "PAS-7.PK.05.09/2026",
    "decree_on": dt.date(2026, 4, 20), "version": 9}
SANCTIONS = [
    {"id": 1, "complaint_id": 1, "client_id": 1, "office_id": 1, "kind": "summons",
     "issued_on": dt.date(2026, 3, 20), "appear_on": dt.date(2026, 3, 27), "appear_time": "09:00",
     "appear_place": "Kantor Bapas Bandung", "answered_on": None, "appeared": None,
     "period_end_on": None, "review_on": None, "grounds": ["PUBLIC_UNREST"],
     "note": "Klien membuat keributan berulang.", "issued_by_id": 1,
     "created_at": dt.datetime(2026, 3, 20, 3, 0, tzinfo=UTC)},
]
EXECUTIONS = [
    {"id": 1, "complaint_id": 3, "client_id": 1, "office_id": 1, "since_on": dt.date(2026, 4, 20),
     "aph_addressee": "Kepala Polres Garut", "aph_letter_on": dt.date(2026, 4, 21),
     "returned_on": None, "facility": None, "at_large_note": "Tidak ada di alamat terdaftar.",
     "updated_at": dt.datetime(2026, 4, 21, 3, 0, tzinfo=UTC)},
]


def _loaded(db) -> None:
    rows.load_foundation(db)
    rows.load_partners(db)
    rows.load_clients(db)
    rows.load_jobs(db)
    rows.load_complaints(db)


class UpgradeTester:
    """→ 0007 with complaints and offices in the database."""

    def load_data(self, db):
        _loaded(db)
        self.tables = db.tables()
        self.complaints = db.rows("complaint")
        self.offices = db.rows("office")

    def check_upgrade(self, db):
        assert db.tables() == self.tables | NEW_TABLES
        for table in NEW_TABLES:
            assert db.rows(table) == []
        # existing offices get the default period of seven days (issue 10 §3)
        offices = db.rows("office")
        assert [o.pop("return_overdue_days") for o in offices] == [7, 7]
        assert offices == self.offices
        complaints = db.rows("complaint")
        assert [c.pop("decided_in_id") for c in complaints] == [None]
        assert complaints == self.complaints
        rows.assert_clients_unchanged(db)
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0007 → its parent with a summons, a cancelled case under execution, and a complaint
    closed by that case's decision."""

    def load_data(self, db):
        _loaded(db)
        db.insert("complaint", [THIRD_COMPLAINT, SECOND_COMPLAINT])
        db.insert("sanction", SANCTIONS)
        db.insert("execution", EXECUTIONS)
        db.execute("UPDATE office SET return_overdue_days = 10 WHERE id = 1")
        self.tables = db.tables()

    def check_downgrade(self, db):
        assert db.tables() == self.tables - NEW_TABLES
        assert "return_overdue_days" not in db.columns("office")
        assert "decided_in_id" not in db.columns("complaint")
        # the new statuses fall back to the nearest earlier ones
        statuses = {c["reference"]: (c["status"], c["closing_reason"]) for c in db.rows("complaint")}
        assert statuses == {"ADU-2026-0007": ("examination", None),
                            "ADU-2026-0008": ("not_pursued", "duplicate"),
                            "ADU-2026-0009": ("revoked", None)}
        rows.assert_clients_unchanged(db)
        rows.assert_jobs_unchanged(db)
