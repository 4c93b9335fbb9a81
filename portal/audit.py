"""The append-only audit log; record() is the one way to write it."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from flask import has_request_context, request
from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .db import UTCDateTime, utcnow
from .extensions import Model, db

if TYPE_CHECKING:
    from .auth.models import User

# Keys whose values must never reach the log, whatever a caller passes.
FORBIDDEN_KEYS = {"password", "secret", "token", "totp", "code", "text", "body", "narrative"}
MAX_DETAIL_LENGTH = 200


class AuditEvent(Model):
    """One thing that happened: who, in which role and office, did what to which object."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_object", "object_type", "object_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    actor_role: Mapped[str | None] = mapped_column(String(20))
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"), index=True)
    action: Mapped[str] = mapped_column(String(64), index=True)
    object_type: Mapped[str | None] = mapped_column(String(40))
    object_id: Mapped[str | None] = mapped_column(String(64))
    ip: Mapped[str | None] = mapped_column(String(45))
    details: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)


def _clean(details: dict[str, object]) -> dict[str, object]:
    cleaned: dict[str, object] = {}
    for key, value in details.items():
        if key.lower() in FORBIDDEN_KEYS:
            raise ValueError(f"audit details may not carry {key!r}")
        if isinstance(value, (dt.date, dt.datetime)):
            value = value.isoformat()
        elif isinstance(value, str):
            value = value[:MAX_DETAIL_LENGTH]
        elif not isinstance(value, (int, float, bool, type(None), list)):
            value = str(value)[:MAX_DETAIL_LENGTH]
        cleaned[key] = value
    return cleaned


def record(actor: User | None, action: str, obj: Model | None = None, *, office_id: int | None = None,
           **details: object) -> AuditEvent:
    """Add an audit event to the session (the request commits it).

    `actor` is a User or None (system, anonymous); `obj` is any model with an id.
    Details are small facts (ids, codes, states); free text and secrets are refused.
    """
    actor_obj = actor if getattr(actor, "is_authenticated", False) else None
    if obj is not None and getattr(obj, "id", None) is None:
        db.session.flush()
    object_id = getattr(obj, "id", None)
    if office_id is None:
        office_id = getattr(obj, "office_id", None) or getattr(actor_obj, "office_id", None)
    event = AuditEvent(
        actor_id=getattr(actor_obj, "id", None),
        actor_role=getattr(actor_obj, "role", None),
        office_id=office_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=str(object_id) if object_id is not None else None,
        ip=request.remote_addr if has_request_context() else None,
        details=_clean(details),
    )
    db.session.add(event)
    return event
