"""Email through the outbox: queue() adds a row in the request, a worker sends after commit."""
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
from sqlalchemy import String, Text, select
from sqlalchemy.orm import Mapped, mapped_column

from .db import UTCDateTime, utcnow
from .extensions import Model, db

log = logging.getLogger(__name__)
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_ATTEMPTS = 5


class OutboxMessage(Model):
    """An email waiting to be sent (or already sent)."""

    __tablename__ = "outbox_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
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


def send_pending(limit: int = 100) -> int:
    """Send unsent messages (oldest first) and commit; return how many went out."""
    rows = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.attempts < MAX_ATTEMPTS)
        .order_by(OutboxMessage.id)
        .limit(limit)
    ).all()
    sent = 0
    for message in rows:
        message.attempts += 1
        try:
            _deliver([_to_email(message)])
        except Exception as exc:  # noqa: BLE001 - one bad message must not stop the others
            message.last_error = type(exc).__name__
            log.warning("outbox message %s not sent: %s", message.id, type(exc).__name__)
        else:
            message.sent_at = utcnow()
            sent += 1
        db.session.commit()
    return sent


@click.group("outbox", help="Email waiting in the outbox.")
def outbox_cli() -> None:
    """Group for outbox commands."""


@outbox_cli.command("send")
@click.option("--limit", default=500, show_default=True)
@with_appcontext
def send_command(limit: int) -> None:
    """Send queued email."""
    click.echo(f"{send_pending(limit)} message(s) sent")


def init_app(app) -> None:
    """Nothing to bind: with OUTBOX_SEND_IMMEDIATELY (the demo) the request boundary sends
    right after its commit (portal/boundary.py)."""
