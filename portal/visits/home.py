"""What home visits add to the work homes: the list of visits due or overdue by the Bapas's
rule (PK: own clients; Kasi: the Bapas) and the workload column of visits made this month."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, Date, and_, case, func, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import joinedload
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import Integer

from ..auth.models import User
from ..clients.models import SUPERVISED, Client
from ..extensions import db
from ..homes.casework import CASEWORK, _client_item
from ..homes.sections import Home, Listing, section, window
from ..homes.workload import workload_column
from ..offices.models import Office
from .models import HomeVisit
from .queries import DUE_AHEAD_DAYS

EPOCH = dt.date(1970, 1, 1)


class day_number(FunctionElement[int]):  # noqa: N801 (an SQL function)
    """Days since 1970-01-01 of a date column, on SQLite and on PostgreSQL alike."""

    type = Integer()
    inherit_cache = True


@compiles(day_number, "sqlite")
def _day_number_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) - 2440587.5 AS INTEGER)"


@compiles(day_number)
def _day_number_default(element: Any, compiler: Any, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS DATE) - DATE '1970-01-01')"


def _due_day() -> tuple[Any, ColumnElement[Any]]:
    """The last visit made per client (a subquery) and the day number its next visit is due:
    the last visit (or the start of supervision) plus the Bapas's interval for its intensity."""
    last = (select(HomeVisit.client_id, func.max(HomeVisit.visited_on).label("last_on"))
            .where(HomeVisit.status == "done").group_by(HomeVisit.client_id).subquery())
    base = func.coalesce(last.c.last_on, Client.supervision_start_on, type_=Date)
    interval = case((Client.status == "intensive", Office.visit_interval_intensive_days),
                    else_=Office.visit_interval_regular_days)
    return last, day_number(base) + interval


@section("visits_due", _l("Home visits due or overdue"), CASEWORK, order=35,
         hint=_l("By the Bapas's rule for each intensity; overdue ones first."))
def visits_due(user: User, home: Home) -> Listing:
    """Clients whose next home visit is overdue or falls due within two weeks, soonest first
    (one query: the total comes with the first rows)."""
    last, due = _due_day()
    scope = and_(Client.office_id == user.office_id, Client.status.in_(SUPERVISED))
    if home.own:
        scope = and_(scope, Client.officer_id == user.id)
    horizon = (home.day + dt.timedelta(days=DUE_AHEAD_DAYS) - EPOCH).days
    stmt = (select(Client, due.label("due_day")).join(Office, Office.id == Client.office_id)
            .outerjoin(last, last.c.client_id == Client.id).options(joinedload(Client.officer))
            .where(scope, due <= horizon).order_by(due, Client.full_name, Client.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    today_number = (home.day - EPOCH).days

    def item(row: Any) -> Any:
        client, due_day = row[0], int(row[1])
        due_on = EPOCH + dt.timedelta(days=due_day)
        note = (_("overdue since %(date)s", date=format_date(due_on, "medium")) if due_day < today_number
                else _("due %(date)s", date=format_date(due_on, "medium")))
        listed = _client_item(home, client, note, warn=due_day < today_number)
        plan = (_("Plan a visit"), url_for("visits.plan", public_id=client.public_id))
        return replace(listed, actions=(plan,) + listed.actions)

    total = int(rows[0][-1]) if rows else 0
    return Listing(total, [item(row) for row in rows], url_for("visits.index"))


def _month(day: dt.date) -> tuple[dt.date, dt.date]:
    first = day.replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return first, following


@workload_column("visits_done", _l("Visits done this month"), order=60,
                 link=lambda home, officer_id: url_for("visits.index"))
def visits_done(home: Home) -> ColumnElement[Any]:
    """Home visits the PK recorded as made this month (a count correlated to the PK's row)."""
    first, following = _month(home.day)
    return (select(func.count(HomeVisit.id))
            .where(HomeVisit.recorded_by_id == User.id, HomeVisit.status == "done",
                   HomeVisit.visited_on >= first, HomeVisit.visited_on < following)
            .correlate(User).scalar_subquery())

