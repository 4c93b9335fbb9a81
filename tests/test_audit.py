"""The audit log: one writer, no secrets, append-only in the database."""
from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from portal import audit
from portal.audit import AuditEvent
from portal.extensions import db

from .support import PASSWORD


def test_record_refuses_secrets_and_free_text(app):
    with app.test_request_context():
        for key in ("password", "token", "narrative", "text"):
            with pytest.raises(ValueError):
                audit.record(None, "x.test", None, **{key: "value"})


def test_record_keeps_actor_role_office_ip_and_utc_time(app, users):
    officer = users.make("officer")
    with app.test_request_context(environ_base={"REMOTE_ADDR": "192.0.2.7"}):
        from portal.auth.models import User
        actor = db.session.get(User, officer.id)
        from flask_login import login_user
        login_user(actor)
        event = audit.record(actor, "x.test", actor, note="short")
        db.session.commit()
        assert event.actor_role == "officer"
        assert event.office_id == actor.office_id
        assert event.ip == "192.0.2.7"
        assert event.at.tzinfo is not None
        assert event.details == {"note": "short"}


def test_sign_in_events_are_recorded_without_the_password(app, users):
    officer = users.make("officer")
    client = app.test_client()
    client.post("/masuk", data={"email": officer.email, "password": "wrong-password-x"})
    client.post("/masuk", data={"email": officer.email, "password": PASSWORD})
    client.post("/keluar")
    with app.app_context():
        rows = db.session.scalars(select(AuditEvent).where(
            AuditEvent.object_id == str(officer.id))).all()
        acts = [r.action for r in rows]
        assert acts[-3:] == ["login.failure", "login.success", "logout"]
        dumped = " ".join(str(r.details) for r in rows)
        assert PASSWORD not in dumped and "wrong-password-x" not in dumped


@pytest.mark.parametrize("statement", [
    "UPDATE audit_event SET action = 'tampered'",
    "DELETE FROM audit_event",
])
def test_database_refuses_update_and_delete(app, users, statement):
    users.make("officer")
    with app.app_context():
        audit.record(None, "x.test", None)
        db.session.commit()
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(text(statement))
            db.session.flush()
        db.session.rollback()
        assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "tampered")) is None
        assert db.session.scalar(select(db.func.count(AuditEvent.id))) >= 1
