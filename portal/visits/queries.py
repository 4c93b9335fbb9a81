"""Scoped selects for home visits, and the visits each client is due by its intensity."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort
from sqlalchemy import Select, func, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..clients.models import SUPERVISED, Client
from ..extensions import db
from ..observations.models import Observation
from ..offices.models import Office
from ..pagination import PER_PAGE, Page
from ..security import BAPAS_STAFF
from .models import HomeVisit

# A client is listed this many days before its visit falls due (and from then on).
DUE_AHEAD_DAYS = 14


@dataclass
class DueVisit:
    """A client whose next home visit falls due: when, whether it is late, what is planned."""

    client: Client
    due_on: dt.date
    overdue: bool
    last_visit_on: dt.date | None
    planned: HomeVisit | None


def _staff_office(user: User) -> int:
    if user.role not in BAPAS_STAFF or user.office_id is None:
        abort(404)
    return user.office_id


def own_office_or_404(user: User) -> Office:
    """The Bapas of a staff member (its visit rule)."""
    office = db.session.scalar(select(Office).where(Office.id == _staff_office(user)))
    if office is None:
        abort(404)
    return office


def interval_days(office: Office, client_status: str) -> int:
    """Days between visits for a client of this supervision status (the Bapas's rule)."""
    if client_status == "intensive":
        return office.visit_interval_intensive_days
    return office.visit_interval_regular_days


def get_visit_for_staff_or_404(user: User, public_id: str) -> HomeVisit:
    """A home visit of a client of the user's Bapas."""
    office_id = _staff_office(user)
    visit = db.session.scalar(select(HomeVisit).where(HomeVisit.public_id == public_id))
    if visit is None or visit.office_id != office_id:
        abort(404)
    return visit


def visits_of_client(user: User, client: Client) -> list[HomeVisit]:
    """The client's home visits, the planned ones first, then the newest."""
    if _staff_office(user) != client.office_id:
        abort(404)
    return list(db.session.scalars(select(HomeVisit).where(HomeVisit.client_id == client.id)
                                   .options(joinedload(HomeVisit.recorded_by))
                                   .order_by((HomeVisit.status != "planned"), HomeVisit.planned_on.desc(),
                                             HomeVisit.id.desc())))


def visits_of_observation(user: User, observation: Observation) -> list[HomeVisit]:
    """The home visits planned about an observation, oldest first."""
    if _staff_office(user) != observation.office_id:
        abort(404)
    return list(db.session.scalars(select(HomeVisit).where(
        HomeVisit.observation_id == observation.id).order_by(HomeVisit.id)))


def _clients_in_scope(user: User, office_id: int) -> Select[int]:
    stmt = select(Client.id).where(Client.office_id == office_id, Client.status.in_(SUPERVISED))
    if user.role == "officer":
        stmt = stmt.where(Client.officer_id == user.id)
    return stmt


def visits_due(user: User, today: dt.date,
               ahead_days: int = DUE_AHEAD_DAYS) -> tuple[int, list[DueVisit]]:
    """Clients whose home visit falls due within `ahead_days` or is overdue, soonest first:
    an officer's own clients, the whole Bapas for the Kasi and the Kepala. A visit falls due
    the interval after the last visit made (or the start of supervision) and is overdue the
    day after. Three queries, whatever the number of clients."""
    office = own_office_or_404(user)
    office_id = office.id
    in_scope = _clients_in_scope(user, office_id)
    last_done = (select(HomeVisit.client_id, func.max(HomeVisit.visited_on).label("last_on"))
                 .where(HomeVisit.status == "done", HomeVisit.client_id.in_(in_scope))
                 .group_by(HomeVisit.client_id).subquery())
    rows = db.session.execute(
        select(Client, last_done.c.last_on).outerjoin(last_done, last_done.c.client_id == Client.id)
        .where(Client.id.in_(in_scope)).options(joinedload(Client.officer))).all()
    planned: dict[int, HomeVisit] = {}
    for visit in db.session.scalars(select(HomeVisit).where(
            HomeVisit.status == "planned", HomeVisit.client_id.in_(in_scope))
            .order_by(HomeVisit.planned_on.desc(), HomeVisit.id.desc())):
        planned[visit.client_id] = visit  # the earliest planned visit stays
    items = []
    horizon = today + dt.timedelta(days=ahead_days)
    for client, last_on in rows:
        due_on = (last_on or client.supervision_start_on) + dt.timedelta(
            days=interval_days(office, client.status))
        if due_on <= horizon:
            items.append(DueVisit(client, due_on, due_on < today, last_on, planned.get(client.id)))
    items.sort(key=lambda item: (item.due_on, item.client.full_name, item.client.id))
    return len(items), items


def due_page(user: User, today: dt.date, number: int, per_page: int = PER_PAGE) -> Page[DueVisit]:
    """One page of visits_due() (the same three queries, whatever the page)."""
    total, items = visits_due(user, today)
    number = min(max(1, number), max(1, -(-total // per_page)))
    return Page(items[(number - 1) * per_page:number * per_page], number, per_page, total)


def planned_query(user: User) -> Select[HomeVisit]:
    """Planned visits: the officer's own clients, or the whole Bapas; soonest first."""
    office_id = _staff_office(user)
    stmt = (select(HomeVisit).join(Client, HomeVisit.client_id == Client.id)
            .options(joinedload(HomeVisit.client))
            .where(HomeVisit.office_id == office_id, HomeVisit.status == "planned"))
    if user.role == "officer":
        stmt = stmt.where(Client.officer_id == user.id)
    return stmt.order_by(HomeVisit.planned_on, HomeVisit.id)


def visits_done_by_officer(office_id: int, start_on: dt.date, end_on: dt.date) -> dict[int, int]:
    """Visits made in the Bapas between the two dates (inclusive), by the officer who recorded
    them: {user id: count}, in one grouped query."""
    rows = db.session.execute(
        select(HomeVisit.recorded_by_id, func.count(HomeVisit.id))
        .where(HomeVisit.office_id == office_id, HomeVisit.status == "done",
               HomeVisit.visited_on >= start_on, HomeVisit.visited_on <= end_on,
               HomeVisit.recorded_by_id.is_not(None))
        .group_by(HomeVisit.recorded_by_id)).all()
    return {int(officer_id or 0): int(count) for officer_id, count in rows}
