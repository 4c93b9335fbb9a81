"""Scoped selects for supervision: every function takes the current user; 404 outside scope."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import TYPE_CHECKING

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import joinedload, selectinload

from ..auth.models import User
from ..clients.models import Assignment, Client
from ..clients.queries import get_client_for_staff_or_404
from ..db import today
from ..extensions import db
from ..security import BAPAS_STAFF
from .models import Condition, PartnerSheet, TravelNotice

if TYPE_CHECKING:
    from ..observations.models import Observation


def _staff_client(user: User, client: Client) -> None:
    if user.role not in BAPAS_STAFF or client.office_id != user.office_id:
        abort(404)


def conditions_of(user: User, client: Client, include_ended: bool = True) -> list[Condition]:
    """The client's conditions: in force first (general before special), then ended ones."""
    _staff_client(user, client)
    stmt = select(Condition).where(Condition.client_id == client.id)
    if not include_ended:
        stmt = stmt.where(Condition.status == "in_force")
    return list(db.session.scalars(stmt.order_by(Condition.status.desc(), Condition.kind,
                                                 Condition.id)))


def get_condition_or_404(user: User, public_id: str, condition_id: int) -> Condition:
    """A condition of a client of the user's Bapas (the client named in the URL)."""
    client = get_client_for_staff_or_404(user, public_id)
    condition = db.session.get(Condition, condition_id)
    if condition is None or condition.client_id != client.id:
        abort(404)
    return condition


def get_staff_assignment_or_404(user: User, public_id: str, assignment_id: int) -> Assignment:
    """An assignment of a client of the user's Bapas."""
    client = get_client_for_staff_or_404(user, public_id)
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None or assignment.client_id != client.id:
        abort(404)
    return assignment


def sheet_of(assignment: Assignment) -> PartnerSheet | None:
    """The assignment's partner sheet, if written (callers loaded the assignment in scope)."""
    return db.session.scalar(select(PartnerSheet).where(PartnerSheet.assignment_id == assignment.id)
                             .options(selectinload(PartnerSheet.conditions)))


def sheets_of(user: User, client: Client) -> dict[int, PartnerSheet]:
    """The partner sheets of the client's assignments, by assignment id (two queries)."""
    _staff_client(user, client)
    rows = db.session.scalars(select(PartnerSheet).join(Assignment)
                              .where(Assignment.client_id == client.id)
                              .options(selectinload(PartnerSheet.conditions)))
    return {s.assignment_id: s for s in rows}


def travel_of(user: User, client: Client) -> list[TravelNotice]:
    """Every travel notice of the client, newest first (staff)."""
    _staff_client(user, client)
    return list(db.session.scalars(select(TravelNotice).where(TravelNotice.client_id == client.id)
                                   .options(joinedload(TravelNotice.requested_by))
                                   .order_by(TravelNotice.id.desc())))


def get_travel_for_staff_or_404(user: User, public_id: str) -> TravelNotice:
    """A travel notice of a client of the user's Bapas."""
    notice = db.session.scalar(select(TravelNotice).where(TravelNotice.public_id == public_id))
    if notice is None or user.role not in BAPAS_STAFF or notice.office_id != user.office_id:
        abort(404)
    return notice


def get_travel_for_partner_or_404(user: User, public_id: str) -> TravelNotice:
    """A travel notice the user's organisation recorded, while it still sees the client."""
    from ..clients.queries import get_assignment_for_partner_or_404
    notice = db.session.scalar(select(TravelNotice).where(TravelNotice.public_id == public_id))
    if notice is None or user.role != "partner" or notice.partner_org_id != user.partner_org_id:
        abort(404)
    get_assignment_for_partner_or_404(user, notice.client.public_id)
    return notice


def travel_waiting(user: User) -> tuple[int, list[TravelNotice]]:
    """Requests waiting for a decision: an officer's own clients', the whole Bapas for the
    supervisor and the head. (count, oldest first), in two queries."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    stmt = (select(TravelNotice).join(Client, TravelNotice.client_id == Client.id)
            .where(TravelNotice.office_id == user.office_id, TravelNotice.status == "requested"))
    if user.role == "officer":
        stmt = stmt.where(Client.officer_id == user.id)
    rows = list(db.session.scalars(stmt.options(
        joinedload(TravelNotice.client).joinedload(Client.officer),
        joinedload(TravelNotice.requested_by)).order_by(TravelNotice.created_at, TravelNotice.id)))
    return len(rows), rows


def conditions_under_review(user: User, day: dt.date) -> list[Condition]:
    """Conditions in force whose review date has come by `day`: the officer's clients, or
    the Bapas for supervisors and the head (one query)."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    stmt = (select(Condition).join(Client, Condition.client_id == Client.id)
            .where(Client.office_id == user.office_id, Condition.status == "in_force",
                   Condition.review_on.is_not(None), Condition.review_on <= day)
            .options(joinedload(Condition.client)))
    if user.role == "officer":
        stmt = stmt.where(Client.officer_id == user.id)
    return list(db.session.scalars(stmt.order_by(Condition.review_on, Condition.id)))


def current_permissions(client_id: int, day: dt.date | None = None) -> list[TravelNotice]:
    """Approved travel that has not ended yet (callers loaded the client in scope)."""
    day = day or today()
    return list(db.session.scalars(select(TravelNotice).where(
        TravelNotice.client_id == client_id, TravelNotice.status == "approved",
        TravelNotice.to_on >= day).order_by(TravelNotice.from_on)))


@dataclass
class ConditionGroup:
    """Observations of one page under one condition (None: no condition named)."""

    condition: Condition | None
    observations: list[Observation] = field(default_factory=list)


def by_condition(user: User, observations: list[Observation]) -> list[ConditionGroup]:
    """The inbox page's observations grouped by the condition they concern (one query)."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    ids = {o.condition_id for o in observations if o.condition_id}
    found = {c.id: c for c in db.session.scalars(select(Condition).join(Client).where(
        Condition.id.in_(ids), Client.office_id == user.office_id).options(
        joinedload(Condition.client)))} if ids else {}
    groups: dict[int | None, ConditionGroup] = {}
    for item in observations:
        key = item.condition_id if item.condition_id in found else None
        groups.setdefault(key, ConditionGroup(found.get(key) if key else None)).observations.append(item)
    return sorted(groups.values(), key=lambda g: (g.condition is None,
                                                  g.condition.id if g.condition else 0))


def blank_sheet(assignment: Assignment) -> SimpleNamespace:
    """A sheet not yet written, for asking the table whether it may be written."""
    return SimpleNamespace(status="new", client=assignment.client, assignment=assignment)


def staff_panel(user: User, client: Client) -> dict[str, object]:
    """What the staff client page shows of supervision (four queries)."""
    _staff_client(user, client)
    travel = travel_of(user, client)
    day = today()
    return {"conditions": conditions_of(user, client), "sheets": sheets_of(user, client),
            "travel": travel, "today": day,
            "blank_sheet": blank_sheet, "blank_condition": SimpleNamespace(status="new", client=client),
            "blank_travel": SimpleNamespace(status="new", client=client, partner_org_id=None),
            "permissions": [n for n in travel if n.status == "approved" and n.to_on >= day]}
