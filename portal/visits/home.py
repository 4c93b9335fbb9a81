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
from sqlalchemy import ColumnElement, func, select

from ..auth.models import User
from ..extensions import db
from ..homes.casework import CASEWORK, _client_item
from ..homes.sections import Home, Item, Listing, section, window
from ..homes.workload import workload_column
from .models import HomeVisit
from .queries import EPOCH, due_query


@section("visits_due", _l("Home visits due or overdue"), CASEWORK, order=35,
         hint=_l("By the Bapas's rule for each intensity; overdue ones first."))
def visits_due(user: User, home: Home) -> Listing:
    """Clients whose next home visit is overdue or falls due within two weeks, soonest first
    (one query: the total comes with the first rows)."""
    rows = db.session.execute(window(due_query(user, home.day), home.limit)).all()
    today_number = (home.day - EPOCH).days

    def item(row: Any) -> Item:
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
