"""0009_reminders: the reminders sent on the 20-working-day clock, each Bapas's reminder days,
each user's channels (email, SMS, WhatsApp, the phone number), the outbox's channel and retry
time, and the params of a notification.

The checks compare with the rows the parent revision had, so they hold whichever revision
0012 follows (it is relinked at merge)."""
from __future__ import annotations

import datetime as dt

from . import rows

UTC = dt.UTC
REMINDER = {"id": 1, "complaint_id": 1, "kind": "day", "day": 3, "sent_on": dt.date(2026, 3, 5),
            "created_at": dt.datetime(2026, 3, 5, 0, 5, tzinfo=UTC)}
TEXT_NOTICE = {"id": 3, "channel": "sms", "recipient": "+6281234567890", "subject": "",
               "body": "Ada pembaruan di Portal POKMAS: buka portal untuk melihatnya",
               "created_at": dt.datetime(2026, 3, 5, 0, 5, tzinfo=UTC), "sent_at": None,
               "attempts": 1, "last_error": "gateway answered 500",
               "next_attempt_at": dt.datetime(2026, 3, 5, 0, 6, tzinfo=UTC)}


def _loaded(db) -> None:
    rows.load_foundation(db)
    rows.load_partners(db)
    rows.load_clients(db)
    rows.load_jobs(db)
    rows.load_complaints(db)


def _without(found: list[dict], *columns: str) -> list[dict]:
    return [{k: v for k, v in row.items() if k not in columns} for row in found]


def _snapshot(db) -> dict[str, list[dict]]:
    return {table: db.rows(table) for table in ("office", "user", "outbox_message", "notification",
                                                "complaint")}


class UpgradeTester:
    """→ 0012 with offices, users, email in the outbox and notifications: every Bapas gets the
    default days 3, 10, 17, every user email only, every queued message the email channel."""

    def load_data(self, db):
        _loaded(db)
        self.tables = db.tables()
        self.before = _snapshot(db)

    def check_upgrade(self, db):
        assert db.tables() == self.tables | {"reminder"}
        assert db.rows("reminder") == []
        offices = db.rows("office")
        assert [o.pop("reminder_days") for o in offices] == ["3,10,17", "3,10,17"]
        assert offices == self.before["office"]
        users = db.rows("user")
        assert {(u.pop("notify_email"), u.pop("notify_sms"), u.pop("notify_whatsapp"), u.pop("phone"))
                for u in users} == {(True, False, False, None)}
        assert users == self.before["user"]
        outbox = db.rows("outbox_message")
        assert [(m.pop("channel"), m.pop("next_attempt_at")) for m in outbox] == [("email", None)] * 2
        assert outbox == self.before["outbox_message"]
        notifications = db.rows("notification")
        assert {n.pop("params") for n in notifications} == {None}
        assert notifications == self.before["notification"]
        assert db.rows("complaint") == self.before["complaint"]
        rows.assert_jobs_unchanged(db)


class DowngradeTester:
    """0012 → its parent with a reminder sent, a text notice queued, a user told by SMS and a
    Bapas with its own days: the table and the columns go, the text notice (which the older
    portal cannot send) is dropped, every email and every other row stays."""

    def load_data(self, db):
        _loaded(db)
        db.insert("reminder", [REMINDER])
        db.insert("outbox_message", [TEXT_NOTICE])
        db.execute("UPDATE \"user\" SET notify_sms = :yes, notify_email = :no, phone = '+6281234567890' "
                   "WHERE id = 1", yes=True, no=False)
        db.execute("UPDATE office SET reminder_days = '5,12' WHERE id = 1")
        self.tables = db.tables()
        self.before = _snapshot(db)

    def check_downgrade(self, db):
        assert db.tables() == self.tables - {"reminder"}
        assert [u["phone"] for u in self.before["user"] if u["id"] == 1] == ["+6281234567890"]
        assert db.rows("user") == _without(self.before["user"], "notify_email", "notify_sms",
                                           "notify_whatsapp", "phone")
        assert db.rows("office") == _without(self.before["office"], "reminder_days")
        assert len(self.before["outbox_message"]) == 3
        assert db.rows("outbox_message") == _without(
            [m for m in self.before["outbox_message"] if m["channel"] == "email"],
            "channel", "next_attempt_at")
        assert db.rows("notification") == _without(self.before["notification"], "params")
        assert db.rows("complaint") == self.before["complaint"]
        rows.assert_jobs_unchanged(db)
