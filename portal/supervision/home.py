"""What travel requests add to the work homes: the requests waiting for the PK's decision
(PK: own clients; Kasi and Kepala: the Bapas)."""
from __future__ import annotations

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..clients.models import Client
from ..extensions import db
from ..homes.casework import CASEWORK
from ..homes.sections import Home, Item, Listing, section, window
from .models import TravelNotice


@section("travel", _l("Travel requests waiting for a decision"), CASEWORK, order=38,
         hint=_l("The oldest first."))
def travel_waiting(user: User, home: Home) -> Listing:
    """Travel requests not yet approved or refused, the oldest first (one query)."""
    stmt = (select(TravelNotice).join(Client, TravelNotice.client_id == Client.id)
            .options(joinedload(TravelNotice.client))
            .where(TravelNotice.office_id == user.office_id, TravelNotice.status == "requested")
            .order_by(TravelNotice.created_at, TravelNotice.id))
    if home.own:
        stmt = stmt.where(Client.officer_id == user.id)
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda n: Item(
        n.client.full_name, url_for("supervision.travel_decide", public_id=n.public_id),
        (_("to %(place)s, %(start)s – %(end)s", place=n.destination,
           start=format_date(n.from_on, "medium"), end=format_date(n.to_on, "medium")),)),
        url_for("supervision.travel_queue"))
