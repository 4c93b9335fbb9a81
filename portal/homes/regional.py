"""The Kanwil's home: proposals waiting per Bapas, forwarded cases and their age, revoked
clients not yet returned per Bapas, and each Bapas's overdue cases — for the offices of the
regional user's province only."""
from __future__ import annotations

from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from sqlalchemy import func, select

from ..auth.models import User
from ..complaints.models import Complaint, ComplaintEvent, Execution
from ..complaints.workflow import EXECUTION_STATES
from ..extensions import db
from ..offices.models import Office
from .sections import Home, Item, Listing, section, window
from .workload import overdue_cases

REGIONAL = ("regional",)


def _in_region(user: User) -> Any:
    return Office.region_id == user.region_id


@section("proposals", _l("Proposals waiting, per Bapas"), REGIONAL, order=10)
def proposals(user: User, home: Home) -> Listing:
    """Revocation proposals waiting for the Kanwil, counted per Bapas."""
    stmt = (select(Office, func.count(Complaint.id)).join(Complaint, Complaint.office_id == Office.id)
            .where(_in_region(user), Complaint.status == "proposed")
            .group_by(Office.id).order_by(func.count(Complaint.id).desc(), Office.name))
    rows = db.session.execute(stmt).all()
    link = url_for("complaints.queue", status="proposed")
    items = [Item(o.name, link, (ngettext("%(num)d proposal", "%(num)d proposals", n),)) for o, n in rows]
    return Listing(sum(n for _o, n in rows), items[:home.limit], link)


@section("forwarded", _l("Cases forwarded to Ditjenpas and their age"), REGIONAL, order=20,
         hint=_l("The oldest first."))
def forwarded(user: User, home: Home) -> Listing:
    """Cases forwarded to Ditjenpas waiting for the outcome, with the days since forwarding."""
    since = (select(func.max(ComplaintEvent.at)).where(ComplaintEvent.complaint_id == Complaint.id,
                                                       ComplaintEvent.to_status == "forwarded")
             .scalar_subquery())
    stmt = (select(Complaint.reference, Office.name, since.label("since"))
            .join(Office, Complaint.office_id == Office.id)
            .where(_in_region(user), Complaint.status == "forwarded").order_by(since, Complaint.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    items = []
    for reference, office_name, at, _total in rows:
        days = (home.day - at.date()).days if at is not None else 0
        items.append(Item(f"{reference} · {office_name}", url_for("complaints.case", reference=reference),
                          (ngettext("%(num)d day", "%(num)d days", days),), days > 20))
    return Listing(int(rows[0][-1]) if rows else 0, items, url_for("complaints.queue", status="forwarded"))


@section("not_returned", _l("Revoked clients not yet returned, per Bapas"), REGIONAL, order=30)
def not_returned(user: User, home: Home) -> Listing:
    """Clients whose revocation is decided and who are not yet back in a Lapas/Rutan."""
    stmt = (select(Office, func.count(Execution.id)).join(Execution, Execution.office_id == Office.id)
            .join(Complaint, Execution.complaint_id == Complaint.id)
            .where(_in_region(user), Execution.returned_on.is_(None), Complaint.status.in_(EXECUTION_STATES))
            .group_by(Office.id).order_by(func.count(Execution.id).desc(), Office.name))
    rows = db.session.execute(stmt).all()
    link = url_for("complaints.queue", waiting="y")
    items = [Item(o.name, link, (ngettext("%(num)d client", "%(num)d clients", n),)) for o, n in rows]
    return Listing(sum(n for _o, n in rows), items[:home.limit], link)


@section("overdue", _l("Overdue cases, per Bapas"), REGIONAL, order=40,
         hint=_l("Open cases past their 20 working days."))
def overdue(user: User, home: Home) -> Listing:
    """Each Bapas of the province with open cases past their due date."""
    stmt = (select(Office, func.count(Complaint.id)).join(Complaint, Complaint.office_id == Office.id)
            .where(_in_region(user), overdue_cases(home.day))
            .group_by(Office.id).order_by(func.count(Complaint.id).desc(), Office.name))
    rows = db.session.execute(stmt).all()
    link = url_for("complaints.queue", overdue="y")
    items = [Item(o.name, link, (ngettext("%(num)d case", "%(num)d cases", n),), True) for o, n in rows]
    return Listing(sum(n for _o, n in rows), items[:home.limit], link)

