"""Messages in the portal: notify() adds one, the page lists them. The text is chosen by
kind at display time (in the reader's language) and never holds a client's personal data."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, has_request_context, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import JSON, ForeignKey, Index, String, func, select, update
from sqlalchemy.orm import Mapped, mapped_column

from .db import UTCDateTime, utcnow
from .extensions import Model, db
from .pagination import paginate
from .security import signed_in

KIND_LABELS = {
    "observation_urgent": _l("A partner reported a concern or a suspected violation"),
    "observation_new": _l("A partner submitted an observation"),
    "observation_answered": _l("The officer answered your observation"),
    "assignment_proposed": _l("The Bapas proposes that your organisation supports a client"),
    "assignment_accepted": _l("A partner accepted an assignment"),
    "assignment_declined": _l("A partner declined an assignment"),
    "missed_reporting": _l("A client missed reporting three times in a row"),
    "referral_update": _l("A partner answered a referral"),
    "complaint_new": _l("A new revocation complaint arrived"),
    "complaint_assigned": _l("A revocation complaint was assigned to you"),
    "complaint_reply": _l("The complainant replied or added evidence"),
    "complaint_tpp": _l("The TPP made a recommendation on a complaint"),
    "complaint_proposed": _l("A Bapas proposed a parole revocation"),
    "support_ended": _l("Your organisation's support for a client has ended"),
    # issue 11 §6: the 20-working-day clock (filled with the case's params when shown)
    "complaint_reminder": _l("Case %(ref)s: %(used)s working days used, due on %(due)s"),
    "complaint_overdue": _l("Case %(ref)s is past its due date (%(due)s)"),
    "thread_message": _l("A new message in a conversation"),
    "partner_sheet_written": _l("The officer updated what you need to know about a client"),
    "travel_requested": _l("A travel request waits for your decision"),
    "travel_decided": _l("The officer decided on a travel request you recorded"),
    "client_reassigned": _l("A client was handed to another officer"),
    "complaint_reassigned": _l("A revocation case was handed to another officer"),
}


class Notification(Model):
    """A message in the portal for one user."""

    __tablename__ = "notification"
    __table_args__ = (Index("ix_notification_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    kind: Mapped[str] = mapped_column(String(40))
    link: Mapped[str | None] = mapped_column(String(200))
    # What the kind's label is filled with (a reference, a count, a date), never personal data.
    params: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


def link_to(endpoint: str, **values) -> str | None:
    """A relative link for a notification (None outside a request, e.g. in a daily job)."""
    return url_for(endpoint, **values) if has_request_context() else None


def notify(user, kind: str, link: str | None = None, params: dict | None = None) -> Notification:
    """Add a notification for `user` (the request commits it); `params` fill the kind's label
    (a reference, a count, an ISO date shown in the reader's language)."""
    if kind not in KIND_LABELS:
        raise ValueError(kind)
    note = Notification(user_id=user.id, kind=kind, link=link, params=params)
    db.session.add(note)
    return note


def text_of(note: Notification) -> str:
    """The notification's words in the reader's language, its params filled in."""
    label = KIND_LABELS.get(note.kind)
    if label is None:
        return note.kind
    if not note.params:
        return str(label)
    values = dict(note.params)
    if values.get("due"):
        values["due"] = format_date(dt.date.fromisoformat(values["due"]), "medium")
    return str(label) % values


def unread_count(user) -> int:
    """How many unread notifications the user has."""
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user.id, Notification.read_at.is_(None))) or 0


bp = Blueprint("notifications", __name__, url_prefix="/notifikasi")


@bp.route("/")
@signed_in
def index():
    """My notifications, newest first."""
    stmt = (select(Notification).where(Notification.user_id == current_user.id)
            .order_by(Notification.id.desc()))
    return render_template("notifications/index.html", page=paginate(stmt), text_of=text_of)


@bp.route("/dibaca", methods=["POST"])
@signed_in
def mark_read():
    """Mark every notification read."""
    db.session.execute(update(Notification).where(
        Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow()))
    return redirect(url_for("notifications.index"))
