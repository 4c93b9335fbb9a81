"""Client verbs: register, edit, change status, assign to partners, record check-ins.
Each verb checks its workflow table, writes the client timeline and the audit log."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit, notices
from ..auth.models import User
from ..auth.queries import active_staff, org_admins
from ..db import today, utcnow
from ..extensions import db
from ..notifications import link_to, notify
from ..workflow import Refused
from ..workflow import check_version as check_version  # the views check versions through it
from .models import MISSED_ALERT, SUPERVISED, Assignment, CheckIn, Client, ClientEvent
from .workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW, SYSTEM

if TYPE_CHECKING:
    from ..partners.models import PartnerOrg

EDITABLE = ("full_name", "register_number", "programme", "supervision_start_on",
            "supervision_end_on", "general_conditions", "special_conditions", "officer_id",
            "risk_level", "area", "nik", "birth_on", "decree_number", "offence_category")
# What staff read for each editable field: an edit's timeline entry stores the codes and
# names the changed fields by these labels.
FIELD_LABELS = {
    "full_name": _l("Full name"),
    "register_number": _l("Register number"),
    "programme": _l("Programme"),
    "supervision_start_on": _l("Supervision starts"),
    "supervision_end_on": _l("Supervision ends"),
    "general_conditions": _l("General conditions"),
    "special_conditions": _l("Special conditions"),
    "officer_id": _l("Probation officer (PK)"),
    "risk_level": _l("Risk level"),
    "area": _l("Area"),
    "nik": _l("NIK"),
    "birth_on": _l("Date of birth"),
    "decree_number": _l("Decree (SK)"),
    "offence_category": _l("Offence category"),
}


class DuplicateRegisterNumber(Exception):
    """Another client of this Bapas has the same register number."""


def _event(client: Client, kind: str, action: str, actor: User | None = None,
           **fields: object) -> ClientEvent:
    event = ClientEvent(client_id=client.id, kind=kind, action=action,
                        actor_id=getattr(actor, "id", None), **fields)
    db.session.add(event)
    return event


def _register_taken(office_id: int, number: str, except_id: int | None = None) -> bool:
    stmt = select(Client.id).where(Client.office_id == office_id, Client.register_number == number)
    if except_id:
        stmt = stmt.where(Client.id != except_id)
    return db.session.scalar(stmt) is not None


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {k: data.get(k) for k in EDITABLE if k in data}
    for key, value in values.items():
        if isinstance(value, str):
            values[key] = value.strip() or None
    if values.get("officer_id") in ("", None):
        values["officer_id"] = None
    elif values.get("officer_id") is not None:
        values["officer_id"] = int(values["officer_id"])
    return values


def create_client(actor: User, data: Mapping[str, Any], office_id: int | None = None) -> Client:
    """Register a client in the actor's Bapas."""
    values = _clean(data)
    office_id = office_id or actor.office_id
    if office_id is None:
        raise ValueError("a client is registered in a Bapas: give office_id or an actor of one")
    if _register_taken(office_id, values["register_number"]):
        raise DuplicateRegisterNumber(values["register_number"])
    client = Client(office_id=office_id, status="active", **values)
    db.session.add(client)
    db.session.flush()
    _event(client, "record", "created", actor)
    audit.record(actor, "client.created", client, office_id=office_id)
    return client


def update_client(actor: User, client: Client, data: Mapping[str, Any]) -> list[str]:
    """Change the record; returns the names of the fields that changed."""
    values = _clean(data)
    if values.get("register_number") and _register_taken(client.office_id, values["register_number"],
                                                          except_id=client.id):
        raise DuplicateRegisterNumber(values["register_number"])
    changed = [k for k, v in values.items() if getattr(client, k) != v]
    for key in changed:
        setattr(client, key, values[key])
    if changed:
        _event(client, "record", "updated", actor, note=", ".join(changed))
        audit.record(actor, "client.updated", client, fields=changed)
    return changed


def change_status(actor: User, client: Client, action: str, *, role: str | None = None,
                  transfer_office_id: int | None = None, note: str | None = None) -> None:
    """Move the client's supervision status; leaving supervision ends every assignment."""
    transition = CLIENT_WORKFLOW.check(action, client.status, role or actor.role,
                                       {"transfer_office": transfer_office_id})
    before = client.status
    if transition.target is not None:
        client.status = transition.target
    if action == "transfer":
        client.transferred_to_id = transfer_office_id
    _event(client, "status", action, actor, from_status=before, to_status=client.status, note=note)
    audit.record(actor, f"client.{action}", client, from_status=before, to_status=client.status)
    if client.status not in SUPERVISED:
        end_assignments(client_id=client.id, reason="supervision_ended", actor=actor)


# ---------------------------------------------------------------- assignments

def propose_assignment(actor: User, client: Client, org: PartnerOrg, relationship_kind: str,
                       starts_on: dt.date, ends_on: dt.date, note: str | None = None) -> Assignment:
    """Propose that a partner organisation supports the client; its admin accepts or declines."""
    if not client.under_supervision:
        raise Refused(_l("Only clients under supervision can be assigned to a partner."),
                      "not_supervised")
    assignment = Assignment(client_id=client.id, partner_org_id=org.id,
                            relationship_kind=relationship_kind, starts_on=starts_on,
                            ends_on=min(ends_on, client.supervision_end_on), status="proposed",
                            proposed_by_id=actor.id, note=(note or "").strip() or None)
    db.session.add(assignment)
    db.session.flush()
    _event(client, "assignment", "proposed", actor, assignment_id=assignment.id,
           to_status="proposed")
    audit.record(actor, "assignment.proposed", assignment, office_id=client.office_id,
                 partner_org_id=org.id)
    for admin in org_admins(org.id):
        notify(admin, "assignment_proposed", link_to("partner_clients.assignments"))
        notices.tell(admin, "assignment_proposed", org=org)
    return assignment


def _move_assignment(assignment: Assignment, action: str, actor: User | None, role: str,
                     **extra: object) -> None:
    transition = ASSIGNMENT_WORKFLOW.check(action, assignment.status, role, actor=actor,
                                           subject=assignment)
    before = assignment.status
    if transition.target is not None:
        assignment.status = transition.target
    _event(assignment.client, "assignment", action, actor, assignment_id=assignment.id,
           from_status=before, to_status=assignment.status, note=extra.get("note"))
    audit.record(actor, f"assignment.{action}", assignment,
                 office_id=assignment.client.office_id, from_status=before,
                 to_status=assignment.status, **{k: v for k, v in extra.items() if k != "note"})


def start_placement(actor: User, client: Client, org_id: int, starts_on: dt.date,
                    proposed_by_id: int | None, note: str | None) -> Assignment:
    """A placement agreed through a job referral (the client consented there): the partner
    organisation supports the client from `starts_on`, through the assignment workflow."""
    assignment = Assignment(client_id=client.id, partner_org_id=org_id,
                            relationship_kind="employer", starts_on=starts_on,
                            ends_on=client.supervision_end_on, status="proposed",
                            proposed_by_id=proposed_by_id, note=(note or "").strip() or None)
    db.session.add(assignment)
    db.session.flush()
    _move_assignment(assignment, "start_placement", actor, SYSTEM, note="placement")
    assignment.decided_by_id = actor.id
    assignment.decided_at = utcnow()
    return assignment


def decide_assignment(actor: User, assignment: Assignment, accept: bool) -> None:
    """The partner organisation's admin accepts or declines."""
    _move_assignment(assignment, "accept" if accept else "decline", actor, actor.role)
    assignment.decided_by_id = actor.id
    assignment.decided_at = utcnow()
    proposer = assignment.proposed_by
    if proposer is not None and proposer.active:
        notify(proposer, "assignment_accepted" if accept else "assignment_declined",
               link_to("clients.detail", public_id=assignment.client.public_id))


def withdraw_assignment(actor: User, assignment: Assignment) -> None:
    """Staff withdraw a proposal the partner has not answered."""
    _move_assignment(assignment, "withdraw", actor, actor.role)


def end_assignment(actor: User | None, assignment: Assignment, reason: str) -> None:
    """End an active assignment: the partner loses sight of the client at once."""
    _move_assignment(assignment, "end", actor, actor.role if actor else SYSTEM, reason=reason)
    assignment.ended_at = utcnow()
    assignment.end_reason = reason


def end_assignments(*, client_id: int | None = None, org_id: int | None = None, reason: str,
                    actor: User | None = None) -> int:
    """End every active assignment of a client or of a partner organisation; proposals lapse."""
    stmt = select(Assignment).where(Assignment.status.in_(("active", "proposed")))
    stmt = stmt.where(Assignment.client_id == client_id) if client_id else stmt.where(
        Assignment.partner_org_id == org_id)
    count = 0
    for assignment in db.session.scalars(stmt).all():
        if assignment.status == "active":
            end_assignment(None, assignment, reason)
        else:
            assignment.status = "withdrawn"
            assignment.end_reason = reason
            _event(assignment.client, "assignment", "withdraw", None, assignment_id=assignment.id,
                   from_status="proposed", to_status="withdrawn")
        count += 1
    return count


# ---------------------------------------------------------------- check-ins

def _next_month(month: dt.date) -> dt.date:
    return (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def longest_missed_run(months: list[tuple[dt.date, str]]) -> list[dt.date]:
    """The months of the longest run of consecutive recorded months that were all missed
    (the earliest such run when two are as long), from (month, outcome) pairs in month
    order. The ground "failed to report three times in a row" holds once such a run exists,
    whatever was recorded after it: a later attended month does not undo it (the officer
    acts on it)."""
    longest: list[dt.date] = []
    run: list[dt.date] = []
    for month, outcome in months:
        if outcome != "missed":
            run = []
        elif run and month == _next_month(run[-1]):
            run = run + [month]
        else:
            run = [month]
        if len(run) > len(longest):
            longest = run
    return longest


def missed_run_of(client: Client) -> list[dt.date]:
    """The months that make the client's missed-reporting alert (see longest_missed_run)."""
    months = db.session.execute(select(CheckIn.month, CheckIn.outcome).where(
        CheckIn.client_id == client.id).order_by(CheckIn.month)).all()
    return longest_missed_run([(m, o) for m, o in months])


class AlreadyRecorded(Exception):
    """The month already has a check-in: changing it is a correction with a reason."""

    def __init__(self, check_in: CheckIn):
        super().__init__(check_in.month.isoformat())
        self.check_in = check_in


def _month_in_supervision(client: Client, month: dt.date) -> dt.date:
    month = month.replace(day=1)
    first, last = client.supervision_start_on.replace(day=1), client.supervision_end_on.replace(day=1)
    if not first <= month <= last:
        raise Refused(_l("The month lies outside the client's supervision period."), "month")
    return month


def check_in_of(client: Client, month: dt.date) -> CheckIn | None:
    """The check-in recorded for the client's month, if any."""
    return db.session.scalar(select(CheckIn).where(CheckIn.client_id == client.id,
                                                   CheckIn.month == month.replace(day=1)))


def _after_check_in(actor: User, client: Client, check_in: CheckIn, action: str,
                    before_outcome: str | None, note: str | None) -> None:
    db.session.flush()
    before = client.consecutive_misses
    client.consecutive_misses = len(missed_run_of(client))
    _event(client, "checkin", action, actor, check_in_id=check_in.id, from_status=before_outcome,
           to_status=check_in.outcome, note=note)
    audit.record(actor, f"client.{action}", client, month=check_in.month, outcome=check_in.outcome,
                 from_outcome=before_outcome)
    if client.consecutive_misses >= MISSED_ALERT > before:
        recipients = {u.id: u for u in active_staff(client.office_id, ("supervisor",))}
        if client.officer is not None and client.officer.active:
            recipients[client.officer.id] = client.officer
        for person in recipients.values():
            notify(person, "missed_reporting", link_to("clients.alerts"))


def record_check_in(actor: User, client: Client, month: dt.date, outcome: str,
                    reason: str | None = None) -> CheckIn:
    """Record one month's check-in; three misses in a row raise an alert. A month already
    recorded is evidence: AlreadyRecorded (a change goes through correct_check_in)."""
    month = _month_in_supervision(client, month)
    existing = check_in_of(client, month)
    if existing is not None:
        raise AlreadyRecorded(existing)
    check_in = CheckIn(client_id=client.id, month=month, outcome=outcome,
                       reason=(reason or "").strip() or None, recorded_by_id=actor.id,
                       recorded_at=utcnow())
    db.session.add(check_in)
    _after_check_in(actor, client, check_in, "checkin_recorded", None, None)
    return check_in


def correct_check_in(actor: User, client: Client, month: dt.date, outcome: str,
                     correction: str, reason: str | None = None) -> bool:
    """Correct a recorded month (issue 10 point 8): only with the reason for the correction;
    the timeline keeps the earlier value and the reason. Returns False when the month
    already holds this outcome (a second submit of the same correction changes nothing)."""
    month = _month_in_supervision(client, month)
    check_in = check_in_of(client, month)
    if check_in is None:
        raise Refused(_l("No check-in is recorded for this month; record it instead."), "month")
    correction = (correction or "").strip()
    if not correction:
        raise Refused(_l("Give the reason for the correction."), "correction")
    if check_in.outcome == outcome:
        return False
    before_outcome = check_in.outcome
    check_in.outcome = outcome
    check_in.reason = (reason or "").strip() or None
    check_in.recorded_by_id = actor.id
    check_in.recorded_at = utcnow()
    _after_check_in(actor, client, check_in, "checkin_corrected", before_outcome, correction)
    return True


# ---------------------------------------------------------------- the daily job

@dataclass
class DailyReport:
    """What `flask clients daily` did."""

    assignments_ended: int = 0
    digests: int = 0
    observations_digested: int = 0
    extra: list[str] = field(default_factory=list)


def end_expired_assignments(on: dt.date) -> int:
    """Assignments past their end date become ended (the partner already lost sight)."""
    rows = db.session.scalars(select(Assignment).where(
        Assignment.status == "active", Assignment.ends_on < on)).all()
    for assignment in rows:
        end_assignment(None, assignment, "end_date")
    return len(rows)


def daily(on: dt.date | None = None) -> DailyReport:
    """End expired assignments and send officers the digest of routine observations."""
    from ..observations.services import send_digests
    on = on or today()
    report = DailyReport(assignments_ended=end_expired_assignments(on))
    report.digests, report.observations_digested = send_digests()
    db.session.flush()
    return report
