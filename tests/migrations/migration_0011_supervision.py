"""0011_supervision: supervision conditions, the partner sheet of an assignment (with the
conditions it names), travel notices, and the condition an observation concerns (issue 11
§2, §5). The clients' free-text conditions stay where they are (the client page shows them
beside the structured ones).

The checks compare with the rows the parent revision had, so they hold whichever revision
0010 follows (it is relinked at merge)."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC
NEW_TABLES = {"supervision_condition", "partner_sheet", "partner_sheet_condition", "travel_notice"}

CONDITIONS = [
    {"id": 1, "client_id": 1, "kind": "special", "code": "stay_in_area", "text": None,
     "starts_on": dt.date(2026, 1, 10), "review_on": dt.date(2026, 7, 10), "status": "in_force",
     "ended_on": None, "created_by_id": 1, "created_at": dt.datetime(2026, 1, 10, 3, 0, tzinfo=UTC),
     "version": 1},
    {"id": 2, "client_id": 1, "kind": "general", "code": None, "text": "Wajib lapor setiap bulan.",
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

    def check_upgrade(self, db):
        assert db.tables() == self.tables | NEW_TABLES
        for table in NEW_TABLES:
            assert db.rows(table) == []
        observations = db.rows("observation")
        assert [o.pop("condition_id") for o in observations] == [None]
        assert observations == self.observations
        assert db.rows("client") == self.clients
        assert [c["general_conditions"] for c in db.rows("client")] == ["Wajib lapor setiap bulan.", None]
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0010 → its parent with conditions, a sheet naming one, a refused travel request and an
    observation about a condition: the new tables and the column go, every other row stays."""

    def load_data(self, db):
        _loaded(db)
        db.insert("supervision_condition", CONDITIONS)
        db.insert("partner_sheet", SHEETS)
        db.insert("partner_sheet_condition", SHEET_CONDITIONS)
        db.insert("travel_notice", TRAVEL)
        db.execute("UPDATE observation SET condition_id = 1 WHERE id = 1")
        self.tables = db.tables()
        self.clients = db.rows("client")
        self.observations = db.rows("observation")

    def check_downgrade(self, db):
        assert [o["condition_id"] for o in self.observations] == [1]
        assert db.tables() == self.tables - NEW_TABLES
        assert db.rows("observation") == [{k: v for k, v in o.items() if k != "condition_id"}
                                          for o in self.observations]
        assert db.rows("client") == self.clients
        rows.assert_jobs_unchanged(db)
