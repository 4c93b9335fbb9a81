"""Scoped selects for home visits, and the visits each client is due by its intensity."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import abort
from sqlalchemy import Date, Select, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import joinedload
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import Integer

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


class day_number(FunctionElement[int]):  # noqa: N801 (an SQL function)
    """Days since 1970-01-01 of a date, on SQLite and on PostgreSQL alike."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) - 2440587.5 AS INTEGER)"


@compiles(day_number)
def _day_number_default(element: Any, compiler: Any, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS DATE) - DATE '1970-01-01')"


EPOCH = dt.date(1970, 1, 1)


def due_query(user: User, today: dt.date, ahead_days: int = DUE_AHEAD_DAYS) -> Select[Any]:
    """Rows (client, day number its visit is due, last visit made) of the clients in the user's
    scope whose visit is overdue or falls due within `ahead_days`, soonest first: the last visit
    made (or the start of supervision) plus the Bapas's interval for the client's intensity."""
    office_id = _staff_office(user)
    last = (select(HomeVisit.client_id, func.max(HomeVisit.visited_on).label("last_on"))
            .where(HomeVisit.status == "done").group_by(HomeVisit.client_id).subquery())
    interval = case((Client.status == "intensive", Office.visit_interval_intensive_days),
                    else_=Office.visit_interval_regular_days)
    due = day_number(func.coalesce(last.c.last_on, Client.supervision_start_on, type_=Date)) + interval
    scope = and_(Client.office_id == office_id, Client.status.in_(SUPERVISED))
    if user.role == "officer":
        scope = and_(scope, Client.officer_id == user.id)
    horizon = (today + dt.timedelta(days=ahead_days) - EPOCH).days
    return (select(Client, due.label("due_day"), last.c.last_on).join(Office, Office.id == Client.office_id)
            .outerjoin(last, last.c.client_id == Client.id).options(joinedload(Client.officer))
            .where(scope, due <= horizon).order_by(due, Client.full_name, Client.id))


def _due_visits(rows: Sequence[Any], today: dt.date) -> list[DueVisit]:
    """DueVisit items of due_query() rows, with the earliest planned visit of each (one query)."""
    planned: dict[int, HomeVisit] = {}
    ids = [row[0].id for row in rows]
    if ids:
        for visit in db.session.scalars(select(HomeVisit).where(
                HomeVisit.status == "planned", HomeVisit.client_id.in_(ids))
                .order_by(HomeVisit.planned_on.desc(), HomeVisit.id.desc())):
            planned[visit.client_id] = visit  # the earliest planned visit stays
    items = []
    for client, due_day, last_on in (tuple(row[:3]) for row in rows):
        due_on = EPOCH + dt.timedelta(days=int(due_day))
        items.append(DueVisit(client, due_on, due_on < today, last_on, planned.get(client.id)))
    return items


def visits_due(user: User, today: dt.date, ahead_days: int = DUE_AHEAD_DAYS,
               limit: int | None = None, offset: int = 0) -> tuple[int, list[DueVisit]]:
    """Clients whose home visit falls due within `ahead_days` or is overdue, soonest first:
    an officer's own clients, the whole Bapas for the Kasi and the Kepala; (the total, the rows
    from `offset`, at most `limit`). A visit falls due the interval after the last visit made
    (or the start of supervision) and is overdue the day after. Two queries, whatever the number
    of clients: the rows with the total as a window count, and their planned visits."""
    stmt = due_query(user, today, ahead_days).add_columns(func.count().over().label("total"))
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = db.session.execute(stmt.offset(offset)).all()
    total = int(rows[0][-1]) if rows else 0
    if not rows and offset:
        total = int(db.session.scalar(select(func.count()).select_from(
            due_query(user, today, ahead_days).order_by(None).subquery())) or 0)
    return total, _due_visits(rows, today)


def due_page(user: User, today: dt.date, number: int, per_page: int = PER_PAGE) -> Page[DueVisit]:
    """One page of visits due: the page's rows only (a number past the end shows the last page)."""
    number = max(1, number)
    total, items = visits_due(user, today, limit=per_page, offset=(number - 1) * per_page)
    last_page = max(1, -(-total // per_page))
    if number > last_page:
        number = last_page
        total, items = visits_due(user, today, limit=per_page, offset=(number - 1) * per_page)
    return Page(items, number, per_page, total)


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
