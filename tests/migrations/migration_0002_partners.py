"""0002_partners: partner organisations, timeline, PKS reminders, attachments; users and
one-time tokens gain partner_org_id (and users org_admin); one_time_token.user_id
becomes nullable for partner applications' tokens."""
from __future__ import annotations

from . import rows


class UpgradeTester:
    """0001 → 0002 with staff, their tokens, audit events and mail in the database."""

    def load_data(self, db):
        rows.load_foundation(db)

    def check_upgrade(self, db):
        assert db.tables() == rows.PARTNERS_TABLES
        assert db.rows("region") == rows.REGIONS
        assert db.rows("office") == rows.OFFICES
        assert db.rows("audit_event") == rows.AUDIT_EVENTS
        assert db.rows("outbox_message") == rows.OUTBOX_MESSAGES
        # Existing users belong to no organisation; org_admin is filled with false.
        assert db.rows("user") == [
            {**rows.STAFF[0], "partner_org_id": None, "org_admin": False},
            {**rows.STAFF[1], "partner_org_id": None, "org_admin": False},
            {**rows.STAFF[2], "partner_org_id": None, "org_admin": False},
        ]
        assert db.rows("one_time_token") == [
            {**rows.USER_TOKENS[0], "partner_org_id": None},
            {**rows.USER_TOKENS[1], "partner_org_id": None},
        ]
        assert db.columns("user")["org_admin"]["nullable"] is False
        assert db.columns("one_time_token")["user_id"]["nullable"] is True
        for table in ("partner_org", "pks_reminder", "attachment", "partner_event"):
            assert db.rows(table) == []

        # The new schema takes partner data, including a token that has no user.
        rows.load_partners(db)
        rows.assert_partners_unchanged(db, attachments=rows.PARTNER_ATTACHMENTS)


class DowngradeTester:
    """0002 → 0001 with partner organisations, their timeline, reminders, attachments,
    a partner member (user with partner_org_id) and a partner application's
    confirmation token (user_id NULL) in the database."""

    def load_data(self, db):
        rows.load_foundation(db)
        rows.load_partners(db)

    def check_downgrade(self, db):
        assert db.tables() == rows.FOUNDATION_TABLES
        assert db.rows("region") == rows.REGIONS
        assert db.rows("office") == rows.OFFICES
        assert db.rows("audit_event") == rows.AUDIT_EVENTS
        assert db.rows("outbox_message") == rows.OUTBOX_MESSAGES
        # The partner member stays a user, without the partner columns.
        member = {key: value for key, value in rows.PARTNER_MEMBER.items()
                  if key not in ("partner_org_id", "org_admin")}
        assert db.rows("user") == rows.STAFF + [member]
        # Users' tokens stay; the partner application's token (no user) is gone.
        assert db.rows("one_time_token") == rows.USER_TOKENS
        assert db.columns("one_time_token")["user_id"]["nullable"] is False
