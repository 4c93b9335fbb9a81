"""Scoped selects for observations."""
from __future__ import annotations

from flask import abort
from sqlalchemy import Select, case, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..clients.models import Client
from ..clients.queries import get_assignment_for_partner_or_404
from ..extensions import db
from ..security import BAPAS_STAFF
from .models import URGENT, Observation


def inbox_query(user: User, status: str = "submitted", late: bool = False) -> Select[Observation]:
    """Observations waiting for an answer: the officer's clients, or the whole Bapas for
    supervisors and the head. Concerns and suspected violations first, then the oldest.
    `late`: only those unanswered too long (routine: 2 working days; urgent: the same day)."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    stmt = (select(Observation).join(Client, Observation.client_id == Client.id)
            .options(joinedload(Observation.client), joinedload(Observation.partner_org))
            .where(Observation.office_id == user.office_id, Observation.status == status))
    if user.role == "officer":
        stmt = stmt.where(Client.officer_id == user.id)
    if late:
        from ..db import today
        from ..homes.escalation import late_before
        stmt = stmt.where(or_(Observation.category.in_(URGENT), Observation.created_at < late_before(today())))
    urgency = case((Observation.category == "suspected_violation", 0),
                   (Observation.category == "concern", 1), else_=2)
    return stmt.order_by(urgency, Observation.created_at, Observation.id)


def get_observation_for_staff_or_404(user: User, public_id: str) -> Observation:
    """An observation about a client of the user's Bapas."""
    observation = db.session.scalar(select(Observation).where(Observation.public_id == public_id))
    if observation is None or user.role not in BAPAS_STAFF or observation.office_id != user.office_id:
        abort(404)
    return observation


def get_observation_for_partner_or_404(user: User, public_id: str) -> Observation:
    """An observation of the user's own organisation, while it still sees the client."""
    observation = db.session.scalar(select(Observation).where(Observation.public_id == public_id))
    if observation is None or user.role != "partner" or observation.partner_org_id != user.partner_org_id:
        abort(404)
    get_assignment_for_partner_or_404(user, observation.client.public_id)
    return observation


def partner_observations(user: User, client: Client) -> list[Observation]:
    """The user's organisation's own observations about this client, newest first."""
    return list(db.session.scalars(select(Observation).where(
        Observation.client_id == client.id, Observation.partner_org_id == user.partner_org_id)
        .order_by(Observation.id.desc())))


def urgent_categories() -> tuple[str, ...]:
    """Categories that reach the officer at once."""
    return URGENT
