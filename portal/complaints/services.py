"""Complaint verbs: file (three ways in), track with the receipt, move through the procedure,
notes and messages, examination records, the TPP hearing, decisions, the daily job.
Every move goes through COMPLAINT_WORKFLOW; the request commits once."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from flask import current_app, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit, mail, notices, uploads
from ..auth.models import User
from ..auth.passwords import hash_password, verify_password
from ..auth.queries import active_regional, active_staff
from ..clients.models import Client
from ..db import add_once, find_submitted, submission_digest, today, utcnow
from ..extensions import db
from ..notifications import link_to, notify
from ..workflow import InvalidTransition, NotPermitted, Refused, Transition
from ..workflow import check_version as check_version  # the views check versions through it
from . import procedure
from .calendar import SERVICE_STANDARD_DAYS, add_working_days, working_days_between
from .models import SECRET_ALPHABET, Complaint, ComplaintEvent, new_secret
from .workflow import COMPLAINANT, COMPLAINT_WORKFLOW, DECISIONS, EXECUTION_STATES, OPEN_STATES, SYSTEM

INFO_DAYS = 10  # working days the complainant has to answer a request for clarification


class MoveInputs(TypedDict, total=False):
    """What a move of the procedure is given: the staff form's fields, and what _given() adds
    from the case itself for the table's `requires`."""

    officer: str | int | None
    register_number: str | None
    reason: str | None
    office: str | int | None
    message: str | None
    decree_number: str | None
    decree_on: dt.date | None
    client: int | None
    complainant_bap: bool
    client_bap: bool
    hearing: bool
    grounds: list[str]
    grounds_text: str | None
    appear_on: dt.date | None
    appear_time: str | None
    appear_place: str | None
    also_intensive: bool
    period_end_on: dt.date | None
    review_on: dt.date | None
    deciding_case: int | None


@dataclass
class Receipt:
    """What the complainant keeps: the reference and the secret (shown once)."""

    complaint: Complaint
    secret: str
    created: bool = True  # False: a second submit of the same form; the first one's receipt


def receipt_secret(submission_key: str | None) -> str:
    """The receipt secret of a form submission: derived from the form's submission key (which
    only the complainant's browser holds; the database keeps its hash) with the server's key,
    so a second submit of the same form shows the same receipt. Without a key: random."""
    if not submission_key:
        return new_secret()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(),
                      b"complaint-receipt\0" + submission_key.strip().encode(), hashlib.sha256)
    number = int.from_bytes(digest.digest(), "big")
    chars = []
    for _ in range(16):
        number, index = divmod(number, len(SECRET_ALPHABET))
        chars.append(SECRET_ALPHABET[index])
    return "".join(chars)


def receipt_for(submission_key: str | None) -> Receipt | None:
    """The receipt of a complaint already filed with this form (a second submit), or None."""
    complaint = find_submitted(Complaint, submission_key)
    if complaint is None:
        return None
    return Receipt(complaint, receipt_secret(submission_key), created=False)


def find_by_submission_key(key: str | None) -> Complaint | None:
    """The complaint already created from this form (a second submit of the same form)."""
    return find_submitted(Complaint, key)


def _event(complaint: Complaint, kind: str, actor: User | None = None, *, action: str | None = None,
           body: str | None = None, visibility: str = "internal", from_status: str | None = None,
           to_status: str | None = None, by_complainant: bool = False) -> ComplaintEvent:
    event = ComplaintEvent(actor_id=getattr(actor, "id", None), kind=kind, action=action,
                           body=body, visibility=visibility, from_status=from_status,
                           to_status=to_status, by_complainant=by_complainant)
    complaint.events.append(event)
    return event


def _tell_complainant(complaint: Complaint, template: str = "complaint_status") -> None:
    """Email the complainant the new status only (no details), with the tracking page's link."""
    link = notices.absolute("complaints.track")
    user = db.session.get(User, complaint.complainant_user_id) if complaint.complainant_user_id else None
    if user is not None:  # a partner with an account: told as they chose
        if user.active:
            notices.tell(user, template, complaint=complaint, link=link)
    elif complaint.complainant_email:
        mail.queue(complaint.complainant_email, template, complaint.locale, complaint=complaint,
                   link=link)


# Issue 11 §6: the complainant is told when the clock pauses for clarification and restarts.
CLOCK_NOTICES = {"request_info": "complaint_paused", "info_received": "complaint_resumed",
                 "info_lapsed": "complaint_resumed"}


def _match_client(office_id: int, register_number: str | None) -> Client | None:
    if not register_number:
        return None
    return db.session.scalar(select(Client).where(Client.office_id == office_id,
                                                  Client.register_number == register_number.strip()))


def _create(data: Mapping[str, Any], *, channel: str, office_id: int, locale: str,
            client: Client | None, files: list[tuple[str, uploads.CheckedFile]],
            actor: User | None = None, complainant_user: User | None = None,
            columns: Mapping[str, Any] | None = None) -> Receipt:
    secret = receipt_secret(data.get("submission_key"))
    submitted = today()
    complaint = Complaint(
        secret_hash=hash_password(secret), submission_key=submission_digest(data.get("submission_key")),
        channel=channel, office_id=office_id, client_id=getattr(client, "id", None),
        client_name=(data.get("client_name") or getattr(client, "full_name", None) or "").strip() or None,
        client_area=(data.get("client_area") or "").strip() or None,
        client_register_number=(data.get("client_register_number") or "").strip() or None,
        grounds=list(data["grounds"]), missed_visits=data.get("missed_visits") or None,
        narrative=data["narrative"].strip(), incident_from_on=data.get("incident_from_on"),
        incident_to_on=data.get("incident_to_on"),
        incident_place=(data.get("incident_place") or "").strip() or None,
        witnesses=(data.get("witnesses") or "").strip() or None,
        complainant_name=(data.get("complainant_name")
                          or (complainant_user.name if complainant_user is not None else "")).strip(),
        complainant_phone=data.get("complainant_phone") or None,
        complainant_email=(data.get("complainant_email") or "").strip().lower() or None,
        complainant_relationship=(data.get("complainant_relationship") or "").strip() or None,
        complainant_user_id=getattr(complainant_user, "id", None),
        partner_org_id=getattr(complainant_user, "partner_org_id", None),
        recorded_by_id=getattr(actor, "id", None), declaration_at=utcnow(), locale=locale,
        status="submitted", submitted_on=submitted,
        due_on=add_working_days(submitted, SERVICE_STANDARD_DAYS), **(columns or {}))
    if complaint.client_id is None:
        matched = _match_client(office_id, complaint.client_register_number)
        complaint.client_id = getattr(matched, "id", None)
    complaint, created = add_once(complaint)
    if not created:
        return Receipt(complaint, secret, created=False)
    for purpose, checked in files:
        uploads.store(checked, complaint, purpose, uploaded_by=actor or complainant_user)
    _event(complaint, "move", actor or complainant_user, action="submitted", to_status="submitted",
           visibility="complainant", by_complainant=actor is None)
    audit.record(actor or complainant_user, "complaint.submitted", complaint, office_id=office_id,
                 channel=channel, grounds=complaint.grounds)
    for supervisor in active_staff(office_id, ("supervisor",)):
        notify(supervisor, "complaint_new", link_to("complaints.case", reference=complaint.reference))
    return Receipt(complaint, secret)


def file_public(data: Mapping[str, Any], files: list[uploads.CheckedFile], locale: str) -> Receipt:
    """A complaint from the public, without an account."""
    receipt = _create(data, channel="public", office_id=int(data["office_id"]), locale=locale,
                      client=None, files=[("evidence", f) for f in files])
    if receipt.created and receipt.complaint.complainant_email:
        mail.queue(receipt.complaint.complainant_email, "complaint_receipt", locale,
                   complaint=receipt.complaint, secret=receipt.secret,
                   link=url_for("complaints.track", _external=True) if has_request_context() else "")
    return receipt


def file_by_partner(actor: User, client: Client, data: Mapping[str, Any],
                    files: list[uploads.CheckedFile]) -> Receipt:
    """A partner files about a client assigned to its organisation."""
    receipt = _create(data, channel="portal", office_id=client.office_id, locale=actor.locale or "id",
                      client=client, files=[("evidence", f) for f in files], complainant_user=actor)
    return receipt


def file_by_staff(actor: User, data: Mapping[str, Any], files: list[uploads.CheckedFile]) -> Receipt:
    """Staff transcribe an oral report or a letter on the complainant's behalf."""
    office_id = actor.office_id
    if office_id is None:  # staff of a Bapas always have one
        raise NotPermitted("file")
    client = _match_client(office_id, data.get("client_register_number"))
    purposes = [("letter", files[0])] + [("evidence", f) for f in files[1:]] if files else []
    receipt = _create(data, channel=data["channel"], office_id=office_id, locale="id",
                      client=client, files=purposes, actor=actor)
    if receipt.created and receipt.complaint.complainant_email:
        mail.queue(receipt.complaint.complainant_email, "complaint_receipt", "id",
                   complaint=receipt.complaint, secret=receipt.secret,
                   link=url_for("complaints.track", _external=True) if has_request_context() else "")
    return receipt


def find_for_tracking(reference: str, secret: str) -> Complaint | None:
    """The complaint for a receipt; a wrong secret and an unknown reference look the same."""
    complaint = db.session.scalar(select(Complaint).where(
        Complaint.reference == (reference or "").strip().upper()))
    ok = verify_password(complaint.secret_hash if complaint else None, (secret or "").strip())
    return complaint if complaint is not None and ok else None


# ---------------------------------------------------------------- the clock

def _resume(complaint: Complaint, on: dt.date | None = None) -> None:
    """The clock runs again on `on` (today): the due date moves by the working days waited."""
    if complaint.paused_since:
        complaint.due_on = add_working_days(
            complaint.due_on, working_days_between(complaint.paused_since, on or today()))
    complaint.paused_since = None
    complaint.info_due_on = None


def is_overdue(complaint: Complaint, on: dt.date | None = None) -> bool:
    """Past the 20-working-day service standard (the clock is paused while waiting)."""
    return (complaint.status in OPEN_STATES and complaint.status != "needs_info"
            and complaint.due_on < (on or today()))


# ---------------------------------------------------------------- moves

def _role(actor: User | None, role: str | None) -> str:
    return role or (actor.role if actor is not None else SYSTEM)


def _staff(actor: User | None, action: str) -> User:
    """The signed-in user making a staff move (the table lets no one else make it)."""
    if actor is None:
        raise NotPermitted(action)
    return actor


def _check(actor: User | None, complaint: Complaint, action: str, role: str | None = None,
           given: Mapping[str, object] | None = None) -> Transition:
    """The table decides: state, role, the row's guards, the things the step needs."""
    return COMPLAINT_WORKFLOW.check(action, complaint.status, _role(actor, role), given,
                                    actor=actor, subject=complaint)


def _client_move(actor: User | None, complaint: Complaint, action: str) -> None:
    """The decision's effect on the client's status (only a client of the complaint's Bapas)."""
    from ..clients.models import SUPERVISED
    from ..clients.services import change_status
    from ..clients.workflow import CLIENT_WORKFLOW, PROCEDURE
    from .procedure import end_support, supporting_orgs
    client = complaint.client
    if client is None or client.office_id != complaint.office_id:
        return
    if any(t.action == action for t in CLIENT_WORKFLOW.allowed(client.status, PROCEDURE)):
        supported_by = supporting_orgs(client.id)
        change_status(_staff(actor, action), client, action, role=PROCEDURE, note=f"{complaint.reference}")
        if client.status not in SUPERVISED:  # the client left supervision: support ends
            end_support(client.id, complaint.office, supported_by)


def _officer_of_case(complaint: Complaint, officer_id: str | int | None) -> User | None:
    """An active probation officer (PK) of the case's Bapas, or None."""
    digits = str(officer_id or "")
    officer = db.session.get(User, int(digits)) if digits.isdigit() else None
    if (officer is None or not officer.active or officer.office_id != complaint.office_id
            or officer.role != "officer"):
        return None
    return officer


def _tell_assigned(complaint: Complaint, officer: User) -> None:
    notify(officer, "complaint_assigned", link_to("complaints.case", reference=complaint.reference))
    notices.tell(officer, "complaint_assigned", complaint=complaint)


def _triage(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    officer = _officer_of_case(complaint, given.get("officer"))
    if officer is None:
        raise Refused(_l("Choose an active officer of this Bapas."), "officer")
    register_number = (given.get("register_number") or "").strip()
    if register_number:
        client = _match_client(complaint.office_id, register_number)
        if client is None:
            raise Refused(_l("No client of this Bapas has the register number %(number)s. Check "
                             "the number, or leave it empty and link the client later.",
                             number=register_number), "register_number")
        complaint.client_id = client.id
    complaint.assigned_officer_id = officer.id
    _tell_assigned(complaint, officer)


def _close(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    complaint.closing_reason = given.get("reason") or complaint.closing_reason


def _transfer(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    from ..offices.models import Office
    digits = str(given.get("office") or "")
    target = db.session.get(Office, int(digits)) if digits.isdigit() else None
    if target is None or target.id == complaint.office_id:
        raise Refused(_l("Choose another Bapas to receive the case."), "office")
    complaint.office_id = target.id
    complaint.assigned_officer_id = None
    complaint.client_id = None  # the receiving Bapas links its own record
    complaint.closing_reason = None


def _request_info(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    complaint.paused_since = today()
    complaint.info_due_on = add_working_days(today(), INFO_DAYS)


def _decide_temporary_revocation(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    _client_move(actor, complaint, "temporarily_revoke")
    procedure.letter_decision(actor, complaint, "decide_temporary_revocation")


def _propose(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    from .documents import issue_proposal
    issue_proposal(_staff(actor, "propose"), complaint)
    for person in active_regional(complaint.office.region_id):
        notify(person, "complaint_proposed", link_to("complaints.case", reference=complaint.reference))
        notices.tell(person, "complaint_proposed", complaint=complaint)


def _record_outcome(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    complaint.decree_number = given["decree_number"]
    complaint.decree_on = given["decree_on"]
    _client_move(actor, complaint, procedure.CLIENT_MOVES[f"record_{complaint.status}"])
    procedure.after_outcome(actor, complaint)


# What each move does besides changing the status (run after the status has changed).
EFFECTS: dict[str, Callable[[User | None, Complaint, MoveInputs], None]] = {
    "triage": _triage,
    "close": _close,
    "decide_not_pursued": _close,
    "transfer": _transfer,
    "request_info": _request_info,
    "decide_warning": procedure.decide_warning,
    "decide_summons": procedure.decide_summons,
    "decide_intensive": procedure.decide_intensive,
    "close_superseded": procedure.superseded,
    "forward": procedure.forwarded,
    "record_cancelled": _record_outcome,
    "decide_temporary_revocation": _decide_temporary_revocation,
    "propose": _propose,
    "record_revoked": _record_outcome,
    "record_not_revoked": _record_outcome,
}
COMPLAINANT_SEES = ("request_info",)  # moves whose note the complainant reads


def case_facts(complaint: Complaint) -> MoveInputs:
    """What the table's `requires` may ask of the case itself: a linked client, the BAPs,
    the TPP hearing (the case page shows a step without them disabled, with the reason)."""
    subjects = {e.subject for e in complaint.examinations}
    return {"client": complaint.client_id, "complainant_bap": "complainant" in subjects,
            "client_bap": "client" in subjects, "hearing": bool(complaint.hearings)}


def _given(complaint: Complaint, action: str, given: MoveInputs) -> MoveInputs:
    """What the table's `requires` refers to, taken from the case itself where it lives there."""
    given = given.copy()
    if action == "start_examination":
        given["client"] = complaint.client_id
    if action == "refer_to_tpp":
        subjects = {e.subject for e in complaint.examinations}
        given["complainant_bap"] = "complainant" in subjects
        given["client_bap"] = "client" in subjects
    if action.startswith("decide_"):
        given["hearing"] = bool(complaint.hearings)
    return given


def move(actor: User | None, complaint: Complaint, action: str, *, role: str | None = None,
         note: str | None = None, on: dt.date | None = None,
         **given: Unpack[MoveInputs]) -> None:
    """Make one move of the procedure, as the table allows, with its effects (`on`: the day
    the daily job acts for, when it is not today)."""
    target = COMPLAINT_WORKFLOW.get(action).target
    if target is None:
        raise InvalidTransition(action)  # records and notes have their own verbs
    given = _given(complaint, action, given)
    _check(actor, complaint, action, role, given)
    before, office_id = complaint.status, complaint.office_id  # a transfer changes the office
    complaint.status = target
    if before == "needs_info":
        _resume(complaint, on)
    effect = EFFECTS.get(action)
    if effect is not None:
        effect(actor, complaint, given)
    if complaint.status not in OPEN_STATES and complaint.status not in EXECUTION_STATES:
        complaint.closed_at = utcnow()  # a revoked case stays open until the client's return
    reasons: dict[str, object] = {}
    if action in DECISIONS:
        note = "\n".join(part for part in (procedure.grounds_body(
            action, given.get("grounds") or [], given.get("grounds_text")), note) if part)
        reasons = {"grounds": list(given.get("grounds") or []), "reason_given": True}
    elif action == "withdraw":
        note = (given.get("grounds_text") or "").strip() or None
        reasons = {"reason_given": bool(note)}
    _event(complaint, "move", actor, action=action, from_status=before, to_status=complaint.status,
           body=note, visibility="complainant" if action in COMPLAINANT_SEES else "internal",
           by_complainant=_role(actor, role) == COMPLAINANT)
    audit.record(actor, f"complaint.{action}", complaint, office_id=office_id,
                 from_status=before, to_status=complaint.status, **reasons)
    if complaint.status != before:
        _tell_complainant(complaint, CLOCK_NOTICES.get(action, "complaint_status"))


def check_withdrawable(user: User | None, complaint: Complaint) -> None:
    """Raise unless the complainant may still withdraw (before the examination)."""
    _check(user, complaint, "withdraw", COMPLAINANT, given={"grounds_text": "-"})


def add_note(actor: User, complaint: Complaint, body: str, to_complainant: bool) -> None:
    """An internal note, or a message the complainant sees on the tracking page."""
    _check(actor, complaint, "message" if to_complainant else "note", given={"body": body.strip()})
    _event(complaint, "message" if to_complainant else "note", actor, body=body.strip(),
           visibility="complainant" if to_complainant else "internal")
    audit.record(actor, "complaint.message" if to_complainant else "complaint.note", complaint,
                 office_id=complaint.office_id)
    if to_complainant:
        _tell_complainant(complaint, "complaint_message")


def complainant_reply(complaint: Complaint, body: str, files: list[uploads.CheckedFile],
                      user: User | None = None) -> None:
    """The complainant answers or adds evidence while the case is open."""
    _check(user, complaint, "reply", COMPLAINANT)
    _event(complaint, "reply", user, body=body.strip() or None, visibility="complainant",
           by_complainant=True)
    for checked in files:
        uploads.store(checked, complaint, "evidence", uploaded_by=user)
    audit.record(user, "complaint.complainant_reply", complaint, office_id=complaint.office_id,
                 files=len(files))
    if complaint.assigned_officer is not None:
        notify(complaint.assigned_officer, "complaint_reply",
               link_to("complaints.case", reference=complaint.reference))
    if complaint.status == "needs_info":
        move(user, complaint, "info_received", role=COMPLAINANT)


def assign(actor: User, complaint: Complaint, officer_id: int | None) -> None:
    """Assign the case (supervisor, head), or claim it (an officer takes an unassigned case)."""
    if actor.role == "officer":
        _check(actor, complaint, "claim")
        officer = actor
    else:
        _check(actor, complaint, "assign", given={"officer": officer_id})
        chosen = _officer_of_case(complaint, officer_id)
        if chosen is None:
            raise Refused(_l("Choose an active officer of this Bapas."), "officer")
        officer = chosen
    complaint.assigned_officer_id = officer.id
    _event(complaint, "note", actor, action="assigned", body=officer.name)
    audit.record(actor, "complaint.assigned", complaint, office_id=complaint.office_id, officer_id=officer.id)
    if officer.id != actor.id:
        _tell_assigned(complaint, officer)


def flag(actor: User, complaint: Complaint, reason: str) -> None:
    """Mark a complaint as possibly malicious or mistaken (staff only, with a reason)."""
    _check(actor, complaint, "flag", given={"reason": reason.strip()})
    complaint.flagged_malicious = True
    complaint.flag_reason = reason.strip()
    _event(complaint, "note", actor, action="flagged", body=reason.strip())
    audit.record(actor, "complaint.flagged", complaint, office_id=complaint.office_id)


# ---------------------------------------------------------------- the daily job

def daily(on: dt.date | None = None) -> tuple[int, int]:
    """Requests for clarification that lapsed return to review; supervisors get a digest of
    overdue cases. Returns (lapsed, digests)."""
    on = on or today()
    lapsed = db.session.scalars(select(Complaint).where(
        Complaint.status == "needs_info", Complaint.info_due_on < on)).all()
    for complaint in lapsed:
        move(None, complaint, "info_lapsed", on=on)
    overdue = [c for c in db.session.scalars(select(Complaint).where(
        Complaint.status.in_(OPEN_STATES), Complaint.due_on < on)) if is_overdue(c, on)]
    by_office: dict[int, list[Complaint]] = {}
    for complaint in overdue:
        by_office.setdefault(complaint.office_id, []).append(complaint)
    digests = 0
    for office_id, cases in by_office.items():
        for supervisor in active_staff(office_id, ("supervisor",)):
            notices.tell(supervisor, "complaint_overdue_digest", references=sorted(c.reference for c in cases))
            digests += 1
    return len(lapsed), digests
