"""Supervision verbs: add, edit and end conditions, write a partner sheet, record and decide
travel notices. Each checks its workflow table, writes the client timeline and the audit log."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy.exc import IntegrityError

from .. import audit, notices
from ..auth.models import User
from ..clients.models import Assignment, Client, ClientEvent
from ..db import add_once, find_submitted, submission_digest, today, utcnow
from ..extensions import db
from ..notifications import link_to, notify
from ..workflow import StaleObject
from ..workflow import check_version as check_version  # the views check versions through it
from .models import Condition, PartnerSheet, TravelNotice
from .workflow import CONDITION_WORKFLOW, NEW, SHEET_WORKFLOW, TRAVEL_WORKFLOW


def _event(client: Client, action: str, actor: User | None, note: str | None = None,
           **fields: Any) -> None:
    db.session.add(ClientEvent(client_id=client.id, kind="supervision", action=action,
                               actor_id=getattr(actor, "id", None), note=note, **fields))


def _text(value: object) -> str | None:
    return (str(value).strip() or None) if value is not None else None


def _condition_values(data: Mapping[str, Any]) -> dict[str, Any]:
    kind = data.get("kind")
    return {"kind": kind, "code": data.get("code") or None if kind == "special" else None,
            "text": _text(data.get("text")), "starts_on": data.get("starts_on"),
            "review_on": data.get("review_on") or None}


# ---------------------------------------------------------------- conditions

def find_condition_by_key(key: str | None) -> Condition | None:
    """The condition already added from this form, if it was sent twice."""
    return find_submitted(Condition, key)


def add_condition(actor: User, client: Client, data: Mapping[str, Any]) -> Condition:
    """Staff add a general or special condition to the client's supervision."""
    values = _condition_values(data)
    condition = Condition(client_id=client.id, status=NEW, created_by_id=actor.id,
                          submission_key=submission_digest(data.get("submission_key")), **values)
    condition.client = client
    CONDITION_WORKFLOW.check("add", NEW, actor.role, values, actor=actor, subject=condition)
    condition.status = "in_force"
    condition, created = add_once(condition)
    if not created:
        return condition  # the same form sent twice: the first one stands
    _event(client, "condition_added", actor, note=condition.text, to_status=condition.kind)
    audit.record(actor, "condition.added", condition, office_id=client.office_id)
    return condition


def edit_condition(actor: User, condition: Condition, data: Mapping[str, Any]) -> list[str]:
    """Change a condition in force; returns the names of the fields that changed."""
    values = _condition_values(data)
    CONDITION_WORKFLOW.check("edit", condition.status, actor.role, values, actor=actor,
                             subject=condition)
    changed = [k for k, v in values.items() if getattr(condition, k) != v]
    for key in changed:
        setattr(condition, key, values[key])
    if changed:
        _event(condition.client, "condition_changed", actor, to_status=condition.kind)
        audit.record(actor, "condition.changed", condition, office_id=condition.client.office_id)
    return changed


def end_condition(actor: User, condition: Condition) -> None:
    """End a condition (it stays on record; partner sheets no longer show it)."""
    CONDITION_WORKFLOW.check("end", condition.status, actor.role, actor=actor, subject=condition)
    condition.status = "ended"
    condition.ended_on = today()
    _event(condition.client, "condition_ended", actor, to_status=condition.kind)
    audit.record(actor, "condition.ended", condition, office_id=condition.client.office_id)


# ---------------------------------------------------------------- partner sheets

def write_sheet(actor: User, assignment: Assignment, sheet: PartnerSheet | None,
                conditions: list[Condition], watch_for: str | None, contact: str | None) -> PartnerSheet:
    """The PK (or Kasi) writes what this partner needs to know, field by field. The caller
    checked the version of an existing sheet; a first sheet written at the same moment by
    someone else is a StaleObject."""
    first = sheet is None
    if sheet is None:
        sheet = PartnerSheet(assignment_id=assignment.id, status=NEW, contact="")
        sheet.assignment = assignment
    SHEET_WORKFLOW.check("write", sheet.status, actor.role, {"contact": _text(contact)},
                         actor=actor, subject=sheet)
    sheet.status = "current"
    sheet.conditions = [c for c in conditions if c.client_id == assignment.client_id]
    sheet.watch_for = _text(watch_for)
    sheet.contact = _text(contact) or ""
    sheet.written_by_id = actor.id
    sheet.updated_at = utcnow()
    _store_sheet(sheet, first)
    _event(assignment.client, "sheet_written", actor, assignment_id=assignment.id)
    audit.record(actor, "partner_sheet.written", assignment, office_id=assignment.client.office_id,
                 partner_org_id=assignment.partner_org_id)
    if assignment.status != "active":
        return sheet  # only an organisation that supports the client now is told
    for person in _partner_admins(assignment.partner_org_id):
        notify(person, "partner_sheet_written",
               link_to("partner_clients.detail", public_id=assignment.client.public_id))
    return sheet


def _store_sheet(sheet: PartnerSheet, first: bool) -> None:
    if not first:
        db.session.flush()
        return
    try:
        with db.session.begin_nested():
            db.session.add(sheet)
            db.session.flush()
    except IntegrityError as error:  # the assignment's first sheet was written meanwhile
        raise StaleObject("PartnerSheet") from error


def _partner_admins(org_id: int) -> list[User]:
    from ..auth.queries import org_admins
    return list(org_admins(org_id))


# ---------------------------------------------------------------- travel notices

def find_travel_by_key(key: str | None) -> TravelNotice | None:
    """The notice already recorded from this form, if it was sent twice."""
    return find_submitted(TravelNotice, key)


def record_travel(actor: User, client: Client, data: Mapping[str, Any],
                  assignment: Assignment | None = None) -> TravelNotice:
    """A partner (for a client it supports) or the PK records a request to travel."""
    notice = TravelNotice(
        submission_key=submission_digest(data.get("submission_key")), client_id=client.id,
        office_id=client.office_id, partner_org_id=assignment.partner_org_id if assignment else None,
        requested_by_id=actor.id, destination=_text(data.get("destination")) or "",
        from_on=data.get("from_on"), to_on=data.get("to_on"),
        purpose=_text(data.get("purpose")) or "", status=NEW)
    notice.client = client
    given = {k: data.get(k) for k in ("destination", "from_on", "to_on", "purpose")}
    TRAVEL_WORKFLOW.check("record", NEW, actor.role, given, actor=actor, subject=notice)
    notice.status = "requested"
    notice, created = add_once(notice)
    if not created:
        return notice  # the same form sent twice: the first one stands
    _event(client, "travel_requested", actor, to_status="requested", note=notice.destination)
    audit.record(actor, "travel.recorded", notice, office_id=client.office_id)
    officer = client.officer
    if officer is not None and officer.active and officer.id != actor.id:
        notify(officer, "travel_requested", link_to("supervision.travel_decide",
                                                    public_id=notice.public_id))
    return notice


def decide_travel(actor: User, notice: TravelNotice, approve: bool, note: str | None) -> None:
    """The client's PK or the Kasi approves (with conditions, if any) or refuses (with a reason)."""
    action = "approve" if approve else "refuse"
    TRAVEL_WORKFLOW.check(action, notice.status, actor.role, {"reason": _text(note)},
                          actor=actor, subject=notice)
    before = notice.status
    notice.status = "approved" if approve else "refused"
    notice.decided_by_id = actor.id
    notice.decided_at = utcnow()
    notice.decision_note = _text(note)
    _event(notice.client, f"travel_{notice.status}", actor, from_status=before,
           to_status=notice.status, note=notice.decision_note)
    audit.record(actor, "travel.approve" if approve else "travel.refuse", notice,
                 office_id=notice.office_id)
    requester = notice.requested_by
    if requester.role == "partner" and requester.active and requester.id != actor.id:
        notify(requester, "travel_decided",
               link_to("partner_clients.detail", public_id=notice.client.public_id))
        notices.tell(requester, "travel_decided",
                     link=notices.absolute("partner_clients.detail", public_id=notice.client.public_id))


def withdraw_travel(actor: User, notice: TravelNotice) -> None:
    """Whoever recorded the request withdraws it before the decision."""
    TRAVEL_WORKFLOW.check("withdraw", notice.status, actor.role, actor=actor, subject=notice)
    before = notice.status
    notice.status = "withdrawn"
    _event(notice.client, "travel_withdrawn", actor, from_status=before, to_status="withdrawn")
    audit.record(actor, "travel.withdraw", notice, office_id=notice.office_id)


def is_current(notice: TravelNotice, day: dt.date) -> bool:
    """Whether an approved notice still allows travel on or after `day`."""
    return notice.status == "approved" and notice.to_on >= day
