"""Scoped selects for clients: staff see their Bapas, partners only what an active
assignment shows them. Every function takes the current user."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from flask import abort
from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..db import today
from ..extensions import db
from ..security import BAPAS_STAFF, EDITORS
from .models import MISSED_ALERT, SUPERVISED, Assignment, CheckIn, Client, ClientEvent

if TYPE_CHECKING:
    from ..partners.models import PartnerOrg


def _require_staff(user: User) -> None:
    if user.role not in BAPAS_STAFF:
        abort(404)


def clients_query(user: User, q: str | None = None, officer_id: int | None = None,
                  programme: str | None = None, status: str | None = None,
                  checkin_due: bool = False, ending_days: int | None = None) -> Select[Client]:
    """The Bapas's clients; the officer's own caseload first, then by name. `checkin_due`:
    under supervision with this month's check-in not recorded or missed; `ending_days`: under
    supervision ending within that many days."""
    _require_staff(user)
    stmt = (select(Client).options(joinedload(Client.officer))
            .where(Client.office_id == user.office_id))
    if q:
        like = f"%{q.strip().lower()}%"
        stmt = stmt.where(or_(func.lower(Client.full_name).like(like),
                              func.lower(Client.register_number).like(like)))
    if officer_id:
        stmt = stmt.where(Client.officer_id == officer_id)
    if programme:
        stmt = stmt.where(Client.programme == programme)
    if status:
        stmt = stmt.where(Client.status == status)
    if checkin_due:
        month = today().replace(day=1)
        recorded = select(CheckIn.client_id).where(CheckIn.month == month, CheckIn.outcome != "missed")
        stmt = stmt.where(Client.status.in_(SUPERVISED), Client.supervision_start_on <= today(),
                          Client.id.not_in(recorded))
    if ending_days is not None:
        stmt = stmt.where(Client.status.in_(SUPERVISED), Client.supervision_end_on >= today(),
                          Client.supervision_end_on <= today() + dt.timedelta(days=ending_days))
    own_first = case((Client.officer_id == user.id, 0), else_=1)
    return stmt.order_by(own_first, Client.full_name, Client.id)


def get_client_for_staff_or_404(user: User, public_id: str) -> Client:
    """A client of the user's own Bapas."""
    _require_staff(user)
    client = db.session.scalar(select(Client).where(Client.public_id == public_id))
    if client is None or client.office_id != user.office_id:
        abort(404)
    return client


def officers_of(user: User) -> list[User]:
    """Active officers (and supervisors) of the user's Bapas, for assignment pickers."""
    return list(db.session.scalars(select(User).where(
        User.office_id == user.office_id, User.role.in_(EDITORS),
        User.active.is_(True)).order_by(User.name)))


def timeline_query(user: User, client: Client, kind: str | None = None) -> Select[ClientEvent]:
    """The client's timeline, newest first."""
    if client.office_id != user.office_id:
        abort(404)
    stmt = (select(ClientEvent).where(ClientEvent.client_id == client.id)
            .options(joinedload(ClientEvent.actor), joinedload(ClientEvent.check_in),
                     joinedload(ClientEvent.observation),
                     joinedload(ClientEvent.assignment).joinedload(Assignment.partner_org)))
    if kind:
        stmt = stmt.where(ClientEvent.kind == kind)
    return stmt.order_by(ClientEvent.id.desc())


def check_ins_of(user: User, client: Client) -> list[CheckIn]:
    """The client's check-in history, newest month first."""
    if client.office_id != user.office_id:
        abort(404)
    return list(db.session.scalars(select(CheckIn).where(CheckIn.client_id == client.id)
                                   .order_by(CheckIn.month.desc())))


def assignments_of(user: User, client: Client) -> list[Assignment]:
    """Every assignment of the client (staff view)."""
    if client.office_id != user.office_id:
        abort(404)
    return list(db.session.scalars(select(Assignment).where(Assignment.client_id == client.id)
                                   .options(joinedload(Assignment.partner_org))
                                   .order_by(Assignment.id.desc())))


def alerts_query(user: User) -> Select[Client]:
    """Clients with three or more missed check-ins in a row: the officer's own, or the
    whole Bapas for supervisors and the head."""
    _require_staff(user)
    stmt = (select(Client).options(joinedload(Client.officer))
            .where(Client.office_id == user.office_id, Client.consecutive_misses >= MISSED_ALERT,
                   Client.status.in_(SUPERVISED)))
    if user.role == "officer":
        stmt = stmt.where(Client.officer_id == user.id)
    return stmt.order_by(Client.consecutive_misses.desc(), Client.full_name)


def missed_runs(user: User, clients: list[Client]) -> dict[int, list[dt.date]]:
    """For each client on the alerts page, the months that count for the alert: the longest
    run of consecutive missed months (one query for the page)."""
    from .services import longest_missed_run
    _require_staff(user)
    ids = [c.id for c in clients if c.office_id == user.office_id]
    months: dict[int, list[tuple[dt.date, str]]] = {i: [] for i in ids}
    if ids:
        for client_id, month, outcome in db.session.execute(
                select(CheckIn.client_id, CheckIn.month, CheckIn.outcome)
                .where(CheckIn.client_id.in_(ids)).order_by(CheckIn.client_id, CheckIn.month)):
            months[client_id].append((month, outcome))
    return {i: longest_missed_run(pairs) for i, pairs in months.items()}


def find_client_by_public_id(user: User, office_id: int, public_id: str | None) -> Client | None:
    """A client of the user's own Bapas picked from a list, or None."""
    _require_staff(user)
    if not public_id or office_id != user.office_id:
        return None
    return db.session.scalar(select(Client).where(Client.public_id == public_id,
                                                  Client.office_id == office_id))


def find_clients(user: User, office_id: int, name: str | None = None,
                 register_number: str | None = None, birth_on: dt.date | None = None,
                 limit: int = 10) -> list[Client]:
    """Clients of the user's own Bapas matching every term given: part of the name (any
    case), part of the register number, the birth date. Nothing given: nothing found."""
    _require_staff(user)
    if office_id != user.office_id:
        abort(404)
    if not (name or register_number or birth_on):
        return []
    stmt = (select(Client).options(joinedload(Client.officer))
            .where(Client.office_id == office_id))
    if name:
        stmt = stmt.where(func.lower(Client.full_name).like(f"%{name.strip().lower()}%"))
    if register_number:
        stmt = stmt.where(func.lower(Client.register_number).like(
            f"%{register_number.strip().lower()}%"))
    if birth_on:
        stmt = stmt.where(Client.birth_on == birth_on)
    return list(db.session.scalars(stmt.order_by(Client.full_name, Client.id).limit(limit)))


# ---------------------------------------------------------------- partners

def _visible_assignments(user: User) -> Select[Assignment]:
    day = today()
    return (select(Assignment).join(Client, Assignment.client_id == Client.id)
            .where(Assignment.partner_org_id == user.partner_org_id,
                   Assignment.status == "active", Assignment.starts_on <= day,
                   Assignment.ends_on >= day, Client.status.in_(SUPERVISED)))


def partner_assignments_query(user: User) -> Select[Assignment]:
    """The clients the user's organisation supports today."""
    if user.role != "partner" or not user.partner_org_active:
        abort(404)
    return (_visible_assignments(user)
            .options(joinedload(Assignment.client).joinedload(Client.officer),
                     joinedload(Assignment.client).joinedload(Client.office))
            .order_by(Client.full_name))


def get_assignment_for_partner_or_404(user: User, public_id: str) -> Assignment:
    """The active, current assignment through which the partner sees this client — or 404."""
    if user.role != "partner" or not user.partner_org_active:
        abort(404)
    assignment = db.session.scalar(_visible_assignments(user).where(Client.public_id == public_id))
    if assignment is None:
        abort(404)
    return assignment


def pending_assignments(user: User) -> list[Assignment]:
    """Proposals waiting for the organisation's answer."""
    if user.role != "partner":
        abort(404)
    return list(db.session.scalars(select(Assignment).where(
        Assignment.partner_org_id == user.partner_org_id, Assignment.status == "proposed")
        .options(joinedload(Assignment.client)).order_by(Assignment.id)))


def get_pending_assignment_or_404(user: User, assignment_id: int) -> Assignment:
    """A proposal to the user's organisation."""
    assignment = db.session.get(Assignment, assignment_id)
    if (assignment is None or user.role != "partner"
            or assignment.partner_org_id != user.partner_org_id):
        abort(404)
    return assignment


def active_partner_choices(user: User) -> list[PartnerOrg]:
    """Active partner organisations of the user's Bapas (to assign a client to)."""
    from ..partners.models import PartnerOrg
    return list(db.session.scalars(select(PartnerOrg).where(
        PartnerOrg.office_id == user.office_id, PartnerOrg.status == "active")
        .order_by(PartnerOrg.name)))
