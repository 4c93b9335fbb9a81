"""The audit log: one writer, no secrets, append-only in the database."""
from __future__ import annotations

import datetime as dt

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


def test_details_are_small_facts_as_written(app):
    """Dates are written as ISO dates, text and other values cut to 200 characters; numbers,
    yes/no, lists and nothing are kept as they are; a secret or free text is refused whatever
    the case of its key."""
    from decimal import Decimal
    with app.test_request_context():
        event = audit.record(None, "x.test", None, on=dt.date(2026, 5, 1),
                             at=dt.datetime(2026, 5, 1, 7, 30, tzinfo=dt.UTC), note="x" * 250,
                             count=3, share=0.5, flag=True, ids=[1, 2], nothing=None,
                             amount=Decimal("1.50"), long_amount=Decimal("1" * 250))
        assert event.details == {"on": "2026-05-01", "at": "2026-05-01T07:30:00+00:00",
                                 "note": "x" * 200, "count": 3, "share": 0.5, "flag": True,
                                 "ids": [1, 2], "nothing": None, "amount": "1.50",
                                 "long_amount": "1" * 200}
        for key in ("Password", "SECRET", "Token", "totp", "code", "Body", "text", "Narrative"):
            with pytest.raises(ValueError, match=repr(key)):
                audit.record(None, "x.test", None, **{key: "value"})


def test_an_event_names_its_object_and_office_and_no_anonymous_actor(app, users, clients):
    """The object's type and id; the office given, else the object's, else the actor's; an
    actor who is not signed in is recorded as nobody; a new object gets its id first."""
    from portal.auth.models import User
    from portal.clients.models import Client
    officer = users.make("officer")
    record = clients.make(office_code="BAPAS-SMG")
    with app.test_request_context(environ_base={"REMOTE_ADDR": "192.0.2.9"}):
        from flask_login import AnonymousUserMixin, login_user
        actor = db.session.get(User, officer.id)
        client = db.session.get(Client, record.id)
        login_user(actor)
        on_client = audit.record(actor, "x.client", client)
        assert (on_client.object_type, on_client.object_id) == ("Client", str(client.id))
        assert on_client.office_id == client.office_id != actor.office_id
        given = audit.record(actor, "x.given", client, office_id=actor.office_id)
        assert given.office_id == actor.office_id
        no_object = audit.record(actor, "x.none")
        assert (no_object.object_type, no_object.object_id, no_object.office_id) == \
            (None, None, actor.office_id)
        anonymous = audit.record(AnonymousUserMixin(), "x.anonymous", client)
        assert (anonymous.actor_id, anonymous.actor_role, anonymous.office_id) == \
            (None, None, client.office_id)
        assert anonymous.ip == "192.0.2.9"
        fresh = Client(office_id=client.office_id, register_number="AUDIT-NEW", full_name="Baru",
                       programme="PB", supervision_start_on=dt.date(2026, 1, 1),
                       supervision_end_on=dt.date(2027, 1, 1))
        db.session.add(fresh)
        event = audit.record(actor, "x.fresh", fresh)
        assert fresh.id is not None and event.object_id == str(fresh.id)
        db.session.rollback()
    with app.app_context():
        assert audit.record(None, "x.outside", None).ip is None
