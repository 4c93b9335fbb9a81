"""0010_visits: home visits, the threads of observations and referrals with their read
markers, and the Bapas's days between visits by intensity.

The checks compare with the rows the parent revision had, so they hold whichever revision
0011 follows (it is relinked at merge)."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC
NEW_TABLES = {"home_visit", "thread_message", "thread_read"}

# The partner's concern (observation 1), followed up by a visit the officer made.
VISITS = [
    {"id": 1, "public_id": "hv_Qa1Ws2Ed3Rf4Tg5Y", "submission_key": None, "client_id": 1,
     "office_id": 1, "observation_id": 1, "planned_by_id": 1, "planned_on": dt.date(2026, 3, 6),
     "purpose": "Memeriksa laporan mitra.", "status": "done", "visited_on": dt.date(2026, 3, 6),
     "met_whom": "Klien dan ibunya", "findings": "Klien sakit, sudah kembali bekerja.",
     "next_step": "Kunjungan bulan depan.", "missed_reason": None, "recorded_by_id": 1,
     "recorded_at": dt.datetime(2026, 3, 6, 9, 0, tzinfo=UTC), "version": 2,
     "created_at": dt.datetime(2026, 3, 5, 4, 0, tzinfo=UTC),
     "updated_at": dt.datetime(2026, 3, 6, 9, 0, tzinfo=UTC)},
]
MESSAGES = [
    {"id": 1, "public_id": "tm_Zx1Cv2Bn3Mm4Lk5J", "submission_key": None, "observation_id": 1,
     "referral_id": None, "office_id": 1, "author_id": 4, "side": "partner", "visibility": "shared",
     "body": "<p>Klien sudah masuk kerja lagi.</p>",
     "created_at": dt.datetime(2026, 3, 7, 2, 0, tzinfo=UTC)},
    {"id": 2, "public_id": "tm_Po9Iu8Yt7Re6Wq5A", "submission_key": None, "observation_id": 1,
     "referral_id": None, "office_id": 1, "author_id": 1, "side": "staff", "visibility": "internal",
     "body": "<p>Catatan internal petugas.</p>",
     "created_at": dt.datetime(2026, 3, 7, 3, 0, tzinfo=UTC)},
]
READS = [
    {"id": 1, "user_id": 1, "observation_id": 1, "referral_id": None, "last_read_id": 2,
     "read_at": dt.datetime(2026, 3, 7, 3, 0, tzinfo=UTC)},
]


def _loaded(db) -> None:
    rows.load_foundation(db)
    rows.load_partners(db)
    rows.load_clients(db)
    rows.load_jobs(db)


class UpgradeTester:
    """→ 0011 with offices, clients and an observation: three empty tables, every office on
    the default rule (30 days intensive, 90 regular), nothing else moves."""

    def load_data(self, db):
        _loaded(db)
        self.tables = db.tables()
        self.offices = db.rows("office")
        self.observations = db.rows("observation")

    def check_upgrade(self, db):
        assert db.tables() == self.tables | NEW_TABLES
        for table in NEW_TABLES:
            assert db.rows(table) == []
        offices = db.rows("office")
        assert [(o.pop("visit_interval_intensive_days"), o.pop("visit_interval_regular_days"))
                for o in offices] == [(30, 90)] * len(self.offices)
        assert offices == self.offices
        assert db.rows("observation") == self.observations
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0011 → its parent with a visit made, a thread and a changed rule: the new tables and
    columns go; an observation the visit closed keeps its findings and reads "home visit
    planned", the follow-up the older portal knows."""

    def load_data(self, db):
        _loaded(db)
        db.execute("UPDATE observation SET status = 'followed_up', follow_up = 'home_visit_done', "
                   "follow_up_note = 'Klien sakit, sudah kembali bekerja.' WHERE id = 1")
        db.execute("UPDATE office SET visit_interval_intensive_days = 14 WHERE id = 1")
        db.insert("home_visit", VISITS)
        db.insert("thread_message", MESSAGES)
        db.insert("thread_read", READS)
        self.tables = db.tables()
        self.offices = db.rows("office")
        self.observations = db.rows("observation")

    def check_downgrade(self, db):
        assert db.tables() == self.tables - NEW_TABLES
        assert self.offices[0]["visit_interval_intensive_days"] == 14
        assert db.rows("office") == [
            {k: v for k, v in o.items() if not k.startswith("visit_interval_")} for o in self.offices]
        [observation] = db.rows("observation")
        assert (observation["status"], observation["follow_up"], observation["follow_up_note"]) == (
            "followed_up", "home_visit_planned", "Klien sakit, sudah kembali bekerja.")
        assert {**observation, "follow_up": "home_visit_done"} == self.observations[0]
        rows.assert_jobs_unchanged(db)
