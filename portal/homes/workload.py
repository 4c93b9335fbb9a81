"""The Kasi's workload table: one row per active PK of the Bapas, one grouped query. Columns
are registered like lists; a package adds one with a correlated count on `User.id`:

    from portal.homes.workload import workload_column

    @workload_column("visits_done", _l("Visits done this month"), order=60)
    def visits_done(home):
        return (select(func.count(HomeVisit.id)).where(HomeVisit.officer_id == User.id, ...)
                .scalar_subquery())
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import aliased

from ..auth.models import User
from ..clients.models import SUPERVISED, Client
from ..complaints.models import Complaint
from ..complaints.workflow import OPEN_STATES
from ..extensions import db
from ..observations.models import URGENT, Observation
from .sections import Home

Expression = Callable[[Home], ColumnElement[Any]]
Link = Callable[[Home, int], str | None]


@dataclass(frozen=True)
class Column:
    """A workload column: its key, heading, the SQL count per officer, the list it opens."""

    key: str
    title: Any
    expr: Expression
    link: Link | None
    order: int


COLUMNS: dict[str, Column] = {}


def workload_column(key: str, title: Any, *, order: int = 100,
                    link: Link | None = None) -> Callable[[Expression], Expression]:
    """Register a column of the workload table (see the module's docstring)."""
    def register(expr: Expression) -> Expression:
        COLUMNS[key] = Column(key, title, expr, link, order)
        return expr
    return register


@dataclass(frozen=True)
class Row:
    """One PK's line: their account id and name, and a count per column key."""

    officer_id: int
    name: str
    counts: dict[str, int]


def _clients_link(**extra: str) -> Link:
    return lambda home, officer_id: url_for("clients.index", officer=officer_id, **extra)  # type: ignore[arg-type]


@workload_column("active", _l("Clients under supervision"), order=10, link=_clients_link())
def _active(home: Home) -> ColumnElement[Any]:
    return func.count(Client.id)


@workload_column("intensive", _l("Intensive supervision"), order=20,
                 link=_clients_link(status="intensive"))
def _intensive(home: Home) -> ColumnElement[Any]:
    return func.coalesce(func.sum(case((Client.status == "intensive", 1), else_=0)), 0)


def _waiting_observations(*where: ColumnElement[bool]) -> ColumnElement[Any]:
    """The count of the officer's observations waiting for an answer, correlated to the table's
    User row (the client through an alias: the outer query's own client join is not correlated)."""
    own = aliased(Client)
    return (select(func.count(Observation.id)).join(own, Observation.client_id == own.id)
            .where(own.officer_id == User.id, Observation.status == "submitted", *where)
            .correlate(User).scalar_subquery())


@workload_column("observations", _l("Observations waiting"), order=30,
                 link=lambda home, officer_id: url_for("observations.inbox", status="submitted"))
def _observations(home: Home) -> ColumnElement[Any]:
    return _waiting_observations()


@workload_column("cases", _l("Open revocation cases"), order=40,
                 link=lambda home, officer_id: url_for("complaints.queue", officer=officer_id))
def _cases(home: Home) -> ColumnElement[Any]:
    return (select(func.count(Complaint.id)).where(
        Complaint.assigned_officer_id == User.id, Complaint.status.in_(OPEN_STATES)).scalar_subquery())


def overdue_cases(day: dt.date) -> ColumnElement[bool]:
    """Open cases past their due date (the clock stops while the complainant is asked)."""
    return and_(Complaint.status.in_([s for s in OPEN_STATES if s != "needs_info"]), Complaint.due_on < day)


@workload_column("overdue", _l("Overdue items"), order=50,
                 link=lambda home, officer_id: url_for("complaints.queue", officer=officer_id, overdue="y"))
def _overdue(home: Home) -> ColumnElement[Any]:
    """Overdue cases and observations unanswered past the 2 working days (concerns: the day)."""
    cases = (select(func.count(Complaint.id)).where(Complaint.assigned_officer_id == User.id,
                                                    overdue_cases(home.day)).scalar_subquery())
    late = _waiting_observations(or_(Observation.category.in_(URGENT),
                                     Observation.created_at < home.routine_late_before))
    return cases + late


def columns() -> list[Column]:
    """The table's columns in page order."""
    return sorted(COLUMNS.values(), key=lambda c: (c.order, c.key))


def workload(user: User, home: Home) -> list[Row]:
    """Every active PK of the user's Bapas with their counts: one grouped query."""
    cols = columns()
    stmt = (select(User.id, User.name, *[c.expr(home).label(c.key) for c in cols])
            .outerjoin(Client, and_(Client.officer_id == User.id, Client.office_id == user.office_id,
                                    Client.status.in_(SUPERVISED)))
            .where(User.office_id == user.office_id, User.role == "officer", User.active.is_(True))
            .group_by(User.id, User.name).order_by(User.name, User.id))
    return [Row(r[0], r[1], {c.key: int(r[i + 2] or 0) for i, c in enumerate(cols)})
            for r in db.session.execute(stmt)]
