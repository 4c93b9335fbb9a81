"""The Kepala's figures of the office: this month against last, in one query."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, func, select

from ..auth.models import User
from ..clients.models import CheckIn, Client
from ..complaints.models import Complaint
from ..extensions import db
from ..observations.models import Observation
from .casework import month_of


@dataclass(frozen=True)
class Figure:
    """One line of the table: what is counted, this month, last month."""

    key: str
    title: Any
    this: int
    last: int


TITLES = {
    "new_clients": _l("Supervisions started"),
    "check_ins": _l("Check-ins attended"),
    "missed": _l("Check-ins missed"),
    "observations": _l("Observations from partners"),
    "complaints": _l("Revocation complaints received"),
}


def _previous(month: dt.date) -> dt.date:
    return (month - dt.timedelta(days=1)).replace(day=1)


def _next(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def _utc(day: dt.date) -> dt.datetime:
    zone = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "Asia/Jakarta"))
    return dt.datetime.combine(day, dt.time(), zone).astimezone(dt.UTC)


def _counts(office_id: int, month: dt.date) -> dict[str, ColumnElement[Any]]:
    end = _next(month)
    clients = select(Client.id).where(Client.office_id == office_id)
    return {
        "new_clients": select(func.count(Client.id)).where(
            Client.office_id == office_id, Client.supervision_start_on >= month,
            Client.supervision_start_on < end).scalar_subquery(),
        "check_ins": select(func.count(CheckIn.id)).where(
            CheckIn.client_id.in_(clients), CheckIn.month == month,
            CheckIn.outcome.in_(("attended", "remote"))).scalar_subquery(),
        "missed": select(func.count(CheckIn.id)).where(
            CheckIn.client_id.in_(clients), CheckIn.month == month, CheckIn.outcome == "missed").scalar_subquery(),
        "observations": select(func.count(Observation.id)).where(
            Observation.office_id == office_id, Observation.created_at >= _utc(month),
            Observation.created_at < _utc(end)).scalar_subquery(),
        "complaints": select(func.count(Complaint.id)).where(
            Complaint.office_id == office_id, Complaint.submitted_on >= month,
            Complaint.submitted_on < end).scalar_subquery(),
    }


def office_figures(user: User, day: dt.date) -> list[Figure]:
    """The office's figures for the month of `day` and the month before (one query)."""
    this, last = month_of(day), _previous(month_of(day))
    now, before = _counts(user.office_id or 0, this), _counts(user.office_id or 0, last)
    row = db.session.execute(select(*[now[k].label(f"t_{k}") for k in TITLES],
                                    *[before[k].label(f"l_{k}") for k in TITLES])).one()
    n = len(TITLES)
    return [Figure(k, TITLES[k], int(row[i] or 0), int(row[n + i] or 0)) for i, k in enumerate(TITLES)]
