"""Observations left unanswered reach the Kasi's home: a routine one after 2 working days,
a concern or a suspected violation on the day it arrives (issue 11, point 6). Working days
come from the complaints' calendar (weekends, public holidays, collective leave)."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import current_app, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import or_, select

from ..auth.models import User
from ..complaints.calendar import CollectiveLeave, is_working_day
from ..extensions import db
from ..observations.models import URGENT, Observation
from .casework import observation_item, waiting_observations
from .sections import Home, Listing, section, window

ROUTINE_WORKING_DAYS = 2
LOOK_BACK_DAYS = 40  # more than 2 working days before any day, whatever the holidays


def escalation_cutoff(day: dt.date) -> dt.date:
    """The last arrival day of a routine observation that is overdue on `day`: it arrived at
    least 2 working days before (a Friday's is overdue on Tuesday). One query for the leave days."""
    start = day - dt.timedelta(days=LOOK_BACK_DAYS)
    leave = set(db.session.scalars(select(CollectiveLeave.day).where(
        CollectiveLeave.day > start, CollectiveLeave.day <= day)))
    counted, cursor = 0, day
    while counted < ROUTINE_WORKING_DAYS:  # working days after the arrival, up to `day`
        if is_working_day(cursor, leave):
            counted += 1
        cursor -= dt.timedelta(days=1)
    return cursor


def _start_of_next_day_utc(day: dt.date) -> dt.datetime:
    """The UTC moment the office's day after `day` begins (arrival days are office days)."""
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Asia/Jakarta"))
    local = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    return local.astimezone(dt.UTC)


def late_before(day: dt.date) -> dt.datetime:
    """The moment before which a routine observation's arrival makes it overdue on `day`."""
    return _start_of_next_day_utc(escalation_cutoff(day))


@section("escalated", _l("Observations unanswered too long"), ("supervisor",), order=5,
         hint=_l("Routine ones after 2 working days; concerns and suspected violations the same day."))
def escalated(user: User, home: Home) -> Listing:
    """Observations of the Bapas the officer has not answered in time, the oldest first."""
    stmt = (waiting_observations(home)
            .where(or_(Observation.category.in_(URGENT), Observation.created_at < home.routine_late_before))
            .order_by(Observation.created_at, Observation.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, observation_item, url_for("observations.inbox", status="submitted", late="y"))
