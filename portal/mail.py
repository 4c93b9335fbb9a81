"""The outbox: queue() adds an email (queue_text() an SMS/WhatsApp notice) in the request; a
worker sends after commit, claiming each row with a conditional update so two workers never
send one message twice, and retrying failures later with a growing wait."""
from __future__ import annotations

import datetime as dt
import logging
import re
import smtplib
from email.message import EmailMessage
from email.utils import make_msgid

import click
from flask import current_app, render_template
from flask.cli import with_appcontext
from flask_babel import force_locale
from sqlalchemy import String, Text, or_, select, update
from sqlalchemy.orm import Mapped, mapped_column

from . import gateway
from .db import UTCDateTime, utcnow
from .extensions import Model, db

log = logging.getLogger(__name__)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_ATTEMPTS = 5


class OutboxMessage(Model):
    """A message waiting to be sent (or already sent): an email, or a text notice through the
    gateway. `recipient` is the destination: an email address, or an E.164 phone number."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(10), default="email", server_default="email")
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str | None] = mapped_column(String(200))


def queue(recipient: str, template: str, locale: str | None = None, **context) -> OutboxMessage:
    """Render templates/email/<template>.txt in the recipient's language and queue it.

    The first line of the rendered template is the subject, the rest the body.
    """
    with force_locale(locale or "id"):
        rendered = render_template(f"email/{template}.txt", **context)
    subject, _, body = rendered.strip().partition("\n")
    subject = " ".join(CONTROL.sub(" ", subject).split())[:200]
    message = OutboxMessage(recipient=recipient, subject=subject, body=body.strip() + "\n")
    db.session.add(message)
    return message


def queue_text(channel: str, to: str, text: str) -> OutboxMessage:
    """Queue a text notice (SMS or WhatsApp) for the gateway."""
    if channel not in gateway.TEXT_CHANNELS:
        raise ValueError(channel)
    message = OutboxMessage(channel=channel, recipient=to, subject="", body=text)
    db.session.add(message)
    return message


def _to_email(message: OutboxMessage) -> EmailMessage:
    email = EmailMessage()
    email["From"] = current_app.config["MAIL_SENDER"]
    email["To"] = message.recipient
    email["Subject"] = message.subject
    email["Message-ID"] = make_msgid(domain="pokmas.invalid")
    email.set_content(message.body)
    return email


def _deliver(emails: list[EmailMessage]) -> None:
    cfg = current_app.config
    if cfg["MAIL_BACKEND"] == "console":
        for email in emails:
            click.echo(f"\n--- email to {email['To']} ---\nSubject: {email['Subject']}\n\n"
                       f"{email.get_content()}--- end of email ---")
        return
    with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=10) as smtp:
        if cfg["MAIL_USE_TLS"]:
            smtp.starttls()
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"] or "")
        for email in emails:
            smtp.send_message(email)


def _claim(message_id: int, seen_attempts: int, now: dt.datetime) -> bool:
    """Take the message for this worker: one conditional update, which only one worker wins
    (the row must still be unsent, not retried by another worker since we looked, and due).
    Until this worker reports, the row waits as after a failure."""
    wait = dt.timedelta(seconds=current_app.config["OUTBOX_RETRY_SECONDS"] * 2 ** seen_attempts)
    claimed = db.session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id == message_id, OutboxMessage.sent_at.is_(None),
               OutboxMessage.attempts == seen_attempts,
               or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now))
        .values(attempts=seen_attempts + 1, next_attempt_at=now + wait)
        .execution_options(synchronize_session=False))
    db.session.commit()
    return bool(getattr(claimed, "rowcount", 0))


def _send_one(message: OutboxMessage) -> None:
    if message.channel == "email":
        _deliver([_to_email(message)])
    else:
        gateway.send(message.channel, message.recipient, message.body)


def send_pending(limit: int = 100, now: dt.datetime | None = None) -> int:
    """Send unsent messages that are due (oldest first), each committed on its own; return how
    many went out. A failed message waits OUTBOX_RETRY_SECONDS, doubled after each failure."""
    now = now or utcnow()
    due = db.session.execute(
        select(OutboxMessage.id, OutboxMessage.attempts)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS,
               or_(OutboxMessage.next_attempt_at.is_(None), OutboxMessage.next_attempt_at <= now))
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    db.session.commit()
    sent = 0
    for message_id, attempts in due:
        if not _claim(message_id, attempts, now):
            continue  # another worker has it
        message = db.session.get(OutboxMessage, message_id)
        if message is None:
            continue
        try:
            _send_one(message)
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
            message.last_error = str(exc)[:200] if isinstance(exc, gateway.GatewayError) \
                else type(exc).__name__
            log.warning("outbox message %s not sent: %s", message.id, type(exc).__name__)
        else:
            message.sent_at = utcnow()
            message.next_attempt_at = None
            sent += 1
        db.session.commit()
    return sent


@click.group("outbox", help="Email and text notices waiting in the outbox.")
def outbox_cli() -> None:
    """Group for outbox commands."""


@outbox_cli.command("send")
@click.option("--limit", default=500, show_default=True)
@with_appcontext
def send_command(limit: int) -> None:
    """Send queued email and text notices."""
    click.echo(f"{send_pending(limit)} message(s) sent")


def init_app(app) -> None:
    """Nothing to bind: with OUTBOX_SEND_IMMEDIATELY (the demo) the request boundary sends
    right after its commit (portal/boundary.py)."""
