"""Scoped selects for the admin pages (accounts and audit events only)."""
from __future__ import annotations

import datetime as dt

from flask import abort
from sqlalchemy import Select, and_, case, func, not_, or_, select

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
    elif status in ("waiting", "locked"):  # from the administrator's home (issue 11)
        from ..homes.admin import locked, waiting_enrolment
        stmt = stmt.where(waiting_enrolment() if status == "waiting" else locked())
    return stmt


def get_user_or_404(admin: User, user_id: int) -> User:
    """Load any account for an admin."""
    _require_admin(admin)
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


# A partner acts on a complaint only as its complainant (filing, replying, withdrawing): whose
# complaint it is stays hidden from the admin (DESIGN §2: the complainant's identity only for
# the assigned officer, the supervisors and the head of that Bapas).
COMPLAINANT_EVENT = and_(AuditEvent.action.like("complaint.%"), AuditEvent.actor_role == "partner")


def audit_query(admin: User, action: str | None, actor: str | None, object_type: str | None,
                date_from: dt.date | None, date_to: dt.date | None
                ) -> Select[AuditEvent, str | None, bool]:
    """Audit events matching the filters, newest first, with the actor's email — hidden (and
    the event left out of a search by actor) where the actor is a complaint's complainant."""
    _require_admin(admin)
    hidden = case((COMPLAINANT_EVENT, True), else_=False).label("hidden")
    email = case((COMPLAINANT_EVENT, None), else_=User.email).label("email")
    stmt = select(AuditEvent, email, hidden).outerjoin(User, User.id == AuditEvent.actor_id)
    if action:
        stmt = stmt.where(AuditEvent.action.like(f"{action.strip()}%"))
    if actor:
        stmt = stmt.where(func.lower(User.email) == actor.strip().lower(), not_(COMPLAINANT_EVENT))
    if object_type:
        stmt = stmt.where(AuditEvent.object_type == object_type.strip())
    if date_from:
        start = dt.datetime.combine(date_from, dt.time(), dt.UTC)
        stmt = stmt.where(AuditEvent.at >= start)
    if date_to:
        end = dt.datetime.combine(date_to + dt.timedelta(days=1), dt.time(), dt.UTC)
        stmt = stmt.where(AuditEvent.at < end)
    return stmt.order_by(AuditEvent.id.desc())
