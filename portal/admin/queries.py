"""Scoped selects for the admin pages (accounts and audit events only)."""
from __future__ import annotations

import datetime as dt

from flask import abort
from sqlalchemy import Select, func, or_, select

from ..audit import AuditEvent
from ..auth.models import User
from ..extensions import db


def _require_admin(user: User) -> None:
    """404 for anyone but an administrator (as every scoped query answers out of scope)."""
    if user.role != "admin":
        abort(404)


def users_query(admin: User, q: str | None, role: str | None, status: str | None) -> Select[User]:
    """Users matching the filters, newest first."""
    _require_admin(admin)
    stmt = select(User).order_by(User.id.desc())
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(User.email).like(like), func.lower(User.name).like(like)))
    if role:
        stmt = stmt.where(User.role == role)
    if status == "active":
        stmt = stmt.where(User.active.is_(True))
    elif status == "inactive":
        stmt = stmt.where(User.active.is_(False))
    return stmt


def get_user_or_404(admin: User, user_id: int) -> User:
    """Load any account for an admin."""
    _require_admin(admin)
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def audit_query(admin: User, action: str | None, actor: str | None, object_type: str | None,
                date_from: dt.date | None, date_to: dt.date | None) -> Select[AuditEvent, str]:
    """Audit events matching the filters, newest first."""
    _require_admin(admin)
    stmt = select(AuditEvent, User.email).outerjoin(User, User.id == AuditEvent.actor_id)
    if action:
        stmt = stmt.where(AuditEvent.action.like(f"{action.strip()}%"))
    if actor:
        stmt = stmt.where(func.lower(User.email) == actor.strip().lower())
    if object_type:
        stmt = stmt.where(AuditEvent.object_type == object_type.strip())
    if date_from:
        start = dt.datetime.combine(date_from, dt.time(), dt.UTC)
        stmt = stmt.where(AuditEvent.at >= start)
    if date_to:
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), dt.UTC)
        stmt = stmt.where(AuditEvent.at < end)
    return stmt.order_by(AuditEvent.id.desc())
