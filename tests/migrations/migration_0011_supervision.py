"""0011_supervision: supervision conditions, the partner sheet of an assignment (with the
conditions it names), travel notices, the condition an observation concerns and the one an
earlier version of it concerned (issue 11 §2, §5); a condition keeps the digest of the form's
submission key, like a travel notice. The clients' free-text conditions stay where they are (the client page shows them
beside the structured ones).

The checks compare with the rows the parent revision had, so they hold whichever revision
0010 follows (it is relinked at merge)."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC
NEW_TABLES = {"supervision_condition", "partner_sheet", "partner_sheet_condition", "travel_notice"}

CONDITIONS = [
    {"id": 1, "submission_key": "3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e",
     "client_id": 1, "kind": "special", "code": "stay_in_area", "text": None,
     "starts_on": dt.date(2026, 1, 10), "review_on": dt.date(2026, 7, 10), "status": "in_force",
     "ended_on": None, "created_by_id": 1, "created_at": dt.datetime(2026, 1, 10, 3, 0, tzinfo=UTC),
     "version": 1},
    {"id": 2, "submission_key": None, "client_id": 1, "kind": "general", "code": None,
     "text": "Wajib lapor setiap bulan.",
     "starts_on": dt.date(2026, 1, 10), "review_on": None, "status": "ended",
     "ended_on": dt.date(2026, 3, 1), "created_by_id": 1,
     "created_at": dt.datetime(2026, 1, 10, 3, 5, tzinfo=UTC), "version": 2},
]
SHEETS = [
    {"id": 1, "assignment_id": 1, "status": "current", "watch_for": "Tidak masuk kerja tanpa kabar.",
     "contact": "Hubungi PK pada jam kerja.", "written_by_id": 1,
     "updated_at": dt.datetime(2026, 2, 10, 3, 0, tzinfo=UTC), "version": 1},
]
SHEET_CONDITIONS = [{"sheet_id": 1, "condition_id": 1}]
TRAVEL = [
    {"id": 1, "public_id": "tr_Qa2Ws3Ed4Rf5Tg6Y", "submission_key": "9a8b7c6d5e4f30211a2b3c4d5e6f7081",
     "client_id": 1, "office_id": 1, "partner_org_id": 1, "requested_by_id": 4,
     "destination": "Kota Tasikmalaya", "from_on": dt.date(2026, 4, 1), "to_on": dt.date(2026, 4, 3),
     "purpose": "Menjenguk orang tua.", "status": "refused", "decided_by_id": 1,
     "decided_at": dt.datetime(2026, 3, 20, 3, 0, tzinfo=UTC),
     "decision_note": "Bertepatan dengan wajib lapor.",
     "created_at": dt.datetime(2026, 3, 18, 3, 0, tzinfo=UTC), "version": 2},
]


def _loaded(db) -> None:
    rows.load_foundation(db)
    rows.load_partners(db)
    rows.load_clients(db)
    rows.load_jobs(db)
    rows.load_complaints(db)


class UpgradeTester:
    """→ 0010 with clients, an assignment and an observation: the new tables are empty, the
    observation concerns no condition, the clients' free-text conditions are untouched."""

    def load_data(self, db):
        _loaded(db)
        self.tables = db.tables()
        self.clients = db.rows("client")
        self.observations = db.rows("observation")
        self.revisions = db.rows("observation_revision")

    def check_upgrade(self, db):
        assert db.tables() == self.tables | NEW_TABLES
        for table in NEW_TABLES:
            assert db.rows(table) == []
        observations = db.rows("observation")
        assert [o.pop("condition_id") for o in observations] == [None]
        assert observations == self.observations
        revisions = db.rows("observation_revision")
        assert [r.pop("condition_id") for r in revisions] == [None]
        assert revisions == self.revisions
        assert set(db.columns("supervision_condition")) >= {"submission_key", "client_id", "kind"}
        assert db.rows("client") == self.clients
        assert [c["general_conditions"] for c in db.rows("client")] == ["Wajib lapor setiap bulan.", None]
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0011 → its parent with conditions, a sheet naming one, a refused travel request, an
    observation about a condition and an earlier version about another: the new tables and
    the columns go, every other row stays."""

    def load_data(self, db):
        _loaded(db)
        db.insert("supervision_condition", CONDITIONS)
        db.insert("partner_sheet", SHEETS)
        db.insert("partner_sheet_condition", SHEET_CONDITIONS)
        db.insert("travel_notice", TRAVEL)
        db.execute("UPDATE observation SET condition_id = 1 WHERE id = 1")
        db.execute("UPDATE observation_revision SET condition_id = 2 WHERE id = 1")
        self.tables = db.tables()
        self.clients = db.rows("client")
        self.observations = db.rows("observation")
        self.revisions = db.rows("observation_revision")

    def check_downgrade(self, db):
        assert [o["condition_id"] for o in self.observations] == [1]
        assert db.tables() == self.tables - NEW_TABLES
        assert db.rows("observation") == [{k: v for k, v in o.items() if k != "condition_id"}
                                          for o in self.observations]
        assert [r["condition_id"] for r in self.revisions] == [2]
        assert db.rows("observation_revision") == [
            {k: v for k, v in r.items() if k != "condition_id"} for r in self.revisions]
        assert db.rows("client") == self.clients
        rows.assert_jobs_unchanged(db)
