"""The lists of the PK's home (their own caseload) and the Kasi's (the whole Bapas): clients,
check-ins of this month, observations waiting for an answer, cases with their working-day
due dates, referrals, summonses and supervisions about to end."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, case, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..clients.models import SUPERVISED, CheckIn, Client
from ..complaints.models import Complaint, Sanction
from ..complaints.workflow import OPEN_STATES
from ..extensions import db
from ..jobs.models import Referral
from ..labels import label
from ..observations.models import Observation
from .sections import Home, Item, Listing, section, window
from .workflow import CASE_REASSIGN_WORKFLOW, CLIENT_REASSIGN_WORKFLOW

CASEWORK = ("officer", "supervisor")
ENDING_DAYS = 30
WAITING_REFERRALS = ("interview", "offered")  # the partner answered; the PK releases the name


def _own(home: Home) -> dict[str, Any]:
    """The filter of a list page that narrows it to the officer's own caseload."""
    return {"officer": home.user.id} if home.own else {}


def _clients(home: Home) -> ColumnElement[bool]:
    scope = and_(Client.office_id == home.user.office_id, Client.status.in_(SUPERVISED))
    return and_(scope, Client.officer_id == home.user.id) if home.own else scope


def _may(workflow: Any, action: str, user: User, record: Any) -> bool:
    return any(t.action == action for t in workflow.allowed(record.status, user.role, user, record))


def _client_item(home: Home, client: Client, *notes: str, warn: bool = False) -> Item:
    extra = () if home.own else (client.officer.name if client.officer else _("No officer"),)
    actions: tuple[tuple[str, str], ...] = ()
    if _may(CLIENT_REASSIGN_WORKFLOW, "reassign_client", home.user, client):
        actions = ((_("Hand to another officer"),
                    url_for("homes.reassign_client", public_id=client.public_id)),)
    return Item(client.full_name, url_for("clients.detail", public_id=client.public_id),
                tuple(notes) + extra, warn, actions)


@section("clients", _l("Clients under supervision"), CASEWORK, order=10,
         hint=_l("Intensive supervision and high risk first."))
def clients(user: User, home: Home) -> Listing:
    """The caseload with risk level and intensity: intensive, then high risk, first."""
    risk = case((Client.risk_level == "high", 0), (Client.risk_level == "medium", 1), else_=2)
    stmt = (select(Client).options(joinedload(Client.officer)).where(_clients(home))
            .order_by(case((Client.status == "intensive", 0), else_=1), risk, Client.full_name, Client.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda c: _client_item(
        home, c, label("risk", c.risk_level), label("client_status", c.status),
        warn=c.status == "intensive"), url_for("clients.index", **_own(home)))


def month_of(day: dt.date) -> dt.date:
    """The first day of the month of `day` (check-ins are kept per month)."""
    return day.replace(day=1)


@section("check_ins", _l("Check-ins due or missed this month"), CASEWORK, order=20)
def check_ins(user: User, home: Home) -> Listing:
    """Clients whose check-in of this month is not recorded yet, or was missed."""
    month = month_of(home.day)
    stmt = (select(Client, CheckIn.outcome).options(joinedload(Client.officer))
            .outerjoin(CheckIn, and_(CheckIn.client_id == Client.id, CheckIn.month == month))
            .where(_clients(home), Client.supervision_start_on <= home.day,
                   or_(CheckIn.id.is_(None), CheckIn.outcome == "missed"))
            .order_by(case((CheckIn.outcome == "missed", 0), else_=1), Client.full_name, Client.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    items = [_client_item(home, c, label("checkin_outcome", outcome) if outcome else _("Not yet recorded"),
                          warn=outcome == "missed") for c, outcome, _total in rows]
    return Listing(int(rows[0][-1]) if rows else 0, items,
                   url_for("clients.index", checkin="due", **_own(home)))


def observation_item(observation: Observation) -> Item:
    """An observation in a list: the client, its category, when it arrived, from whom."""
    return Item(observation.client.full_name,
                url_for("observations.detail", public_id=observation.public_id),
                (label("observation_category", observation.category),
                 _("sent %(date)s", date=format_date(observation.created_at, "medium")),
                 observation.partner_org.name), warn=observation.urgent)


def waiting_observations(home: Home) -> Any:
    """Observations of the home's scope still waiting for an answer (a select to narrow)."""
    stmt = (select(Observation).join(Client, Observation.client_id == Client.id)
            .options(joinedload(Observation.client), joinedload(Observation.partner_org))
            .where(Observation.office_id == home.user.office_id, Observation.status == "submitted"))
    return stmt.where(Client.officer_id == home.user.id) if home.own else stmt


@section("observations", _l("Observations waiting for an answer"), CASEWORK, order=30,
         hint=_l("Oldest first."))
def observations(user: User, home: Home) -> Listing:
    """Observations not answered yet, the oldest first."""
    stmt = waiting_observations(home).order_by(Observation.created_at, Observation.id)
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, observation_item, url_for("observations.inbox", status="submitted"))


def _case_item(home: Home, complaint: Complaint) -> Item:
    who = complaint.client.full_name if complaint.client else (complaint.client_name or "—")
    notes = [label("complaint_status", complaint.status),
             _("due %(date)s", date=format_date(complaint.due_on, "medium"))]
    if not home.own:
        notes.append(complaint.assigned_officer.name if complaint.assigned_officer else _("No officer"))
    actions: tuple[tuple[str, str], ...] = ()
    if _may(CASE_REASSIGN_WORKFLOW, "reassign_case", home.user, complaint):
        actions = ((_("Hand to another officer"),
                    url_for("homes.reassign_case", reference=complaint.reference)),)
    return Item(f"{complaint.reference} · {who}", url_for("complaints.case", reference=complaint.reference),
                tuple(notes), complaint.due_on < home.day and complaint.status != "needs_info", actions)


@section("cases", _l("Revocation cases and their due dates"), CASEWORK, order=40,
         hint=_l("Due dates count working days; the earliest first."))
def cases(user: User, home: Home) -> Listing:
    """Open cases (assigned to the officer, or of the whole Bapas), the earliest due first."""
    stmt = (select(Complaint).options(joinedload(Complaint.client), joinedload(Complaint.assigned_officer))
            .where(Complaint.office_id == user.office_id, Complaint.status.in_(OPEN_STATES)))
    if home.own:
        stmt = stmt.where(Complaint.assigned_officer_id == user.id)
    rows = db.session.execute(window(stmt.order_by(Complaint.due_on, Complaint.id), home.limit)).all()
    return Listing.of(rows, lambda c: _case_item(home, c), url_for("complaints.queue", **_own(home)))


@section("referrals", _l("Referrals waiting for you"), CASEWORK, order=50,
         hint=_l("The partner answered; the client's name waits for your release."))
def referrals(user: User, home: Home) -> Listing:
    """Referrals the partner moved on (interview, offer) whose name is not released yet."""
    stmt = (select(Referral).options(joinedload(Referral.client), joinedload(Referral.opportunity))
            .where(Referral.office_id == user.office_id, Referral.status.in_(WAITING_REFERRALS),
                   Referral.disclosed_at.is_(None)))
    if home.own:
        stmt = stmt.where(Referral.officer_id == user.id)
    rows = db.session.execute(window(stmt.order_by(Referral.updated_at, Referral.id), home.limit)).all()
    return Listing.of(rows, lambda r: Item(
        f"{r.code} · {r.client.full_name}", url_for("jobs.referral", code=r.code),
        (r.opportunity.title, label("referral_status", r.status))), url_for("jobs.staff_home"))


@section("summonses", _l("Summonses not answered"), CASEWORK, order=60)
def summonses(user: User, home: Home) -> Listing:
    """Summonses whose day has passed with no answer recorded."""
    stmt = (select(Sanction).join(Complaint, Sanction.complaint_id == Complaint.id)
            .outerjoin(Client, Sanction.client_id == Client.id)
            .options(joinedload(Sanction.client), joinedload(Sanction.complaint))
            .where(Sanction.office_id == user.office_id, Sanction.kind == "summons",
                   Sanction.appeared.is_(None), Sanction.appear_on < home.day))
    if home.own:
        stmt = stmt.where(or_(Client.officer_id == user.id, Complaint.assigned_officer_id == user.id))
    rows = db.session.execute(window(stmt.order_by(Sanction.appear_on, Sanction.id), home.limit)).all()
    return Listing.of(rows, lambda s: Item(
        s.client.full_name if s.client else s.complaint.reference,
        url_for("complaints.case", reference=s.complaint.reference),
        (_("was to appear %(date)s", date=format_date(s.appear_on, "medium")),), True),
        url_for("complaints.queue", summons="y", **_own(home)))


@section("ending", _l("Supervision ending within 30 days"), CASEWORK, order=70)
def ending(user: User, home: Home) -> Listing:
    """Clients whose supervision ends in the next 30 days, the soonest first."""
    last = home.day + dt.timedelta(days=ENDING_DAYS)
    stmt = (select(Client).options(joinedload(Client.officer))
            .where(_clients(home), Client.supervision_end_on >= home.day, Client.supervision_end_on <= last)
            .order_by(Client.supervision_end_on, Client.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda c: _client_item(
        home, c, _("ends %(date)s", date=format_date(c.supervision_end_on, "medium"))),
        url_for("clients.index", ending=ENDING_DAYS, **_own(home)))
