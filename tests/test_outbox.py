"""The outbox: mail is queued in the request and sent by the worker through SMTP."""
from __future__ import annotations

from sqlalchemy import select

from portal import mail
from portal.extensions import db
from portal.mail import OutboxMessage


def test_worker_sends_through_smtp_once(app, mailbox):
    with app.test_request_context():
        mail.queue("someone@test.example", "password_changed", "en",
                   user=type("U", (), {"name": "Someone"})())
        db.session.commit()
    messages = mailbox.flush()
    assert [m["To"] for m in messages] == ["someone@test.example"]
    assert messages[0]["Subject"] == "Your POKMAS LIPAS password was changed"
    assert mailbox.flush() == messages  # nothing sent twice


def test_unreachable_server_leaves_the_message_queued(make_app):
    app = make_app(MAIL_PORT=1)
    with app.test_request_context():
        mail.queue("someone@test.example", "password_changed", "id",
                   user=type("U", (), {"name": "Someone"})())
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["outbox", "send"])
    assert "0 message(s) sent" in result.output
    with app.app_context():
        row = db.session.scalar(select(OutboxMessage))
        assert row.sent_at is None and row.attempts == 1 and row.last_error
