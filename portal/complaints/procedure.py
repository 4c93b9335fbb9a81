"""The effects of the deliberate decisions (issue 10 §1–§3): grounds in the timeline and the
audit, the sanctions ladder (warning, summons, intensified supervision), the execution after
the decree, closing the client's other complaints, ending the partners' support, and one call
site per letter (the documents package renders them; for now each records its data)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit, notices
from ..auth.models import User
from ..auth.queries import org_members
from ..db import today, utcnow
from ..extensions import db
from ..notifications import notify
from ..observations.workflow import GROUND_LABELS
from ..workflow import NotPermitted, Refused
from .models import Complaint, Execution, Sanction
from .workflow import CANCELLATION_GROUNDS, EXECUTION_STATES, OPEN_STATES, SYSTEM

if TYPE_CHECKING:
    from .services import MoveInputs

# The client's status move each decision makes (the clients' workflow decides if it applies).
CLIENT_MOVES = {"decide_intensive": "intensify", "decide_temporary_revocation": "temporarily_revoke",
                "record_revoked": "revoke", "record_cancelled": "revoke",
                "record_not_revoked": "restore"}
# Who is told and which letters are issued, restated on the confirmation page.
TOLD = {
    "close": (_l("the complainant (the new status only)"),),
    "decide_not_pursued": (_l("the complainant (the new status only)"),),
    "decide_warning": (_l("the client, by the warning letter"), _l("the complainant (the new status only)")),
    "decide_summons": (_l("the client, by the summons"), _l("the complainant (the new status only)")),
    "decide_intensive": (_l("the client, by the decision letter"),
                         _l("the complainant (the new status only)")),
    "decide_temporary_revocation": (
        _l("the client, by the decision letter"),
        _l("the partners supporting the client: only that their support has ended"),
        _l("the complainant (the new status only)")),
    "propose": (_l("the regional office (Kanwil) of the province"),
                _l("the complainant (the new status only)")),
    "forward": (_l("the complainant (the new status only)"),),
    "record_revoked": (_l("the Bapas, which writes to the police or prosecutor (APH)"),
                       _l("the partners supporting the client: only that their support has ended"),
                       _l("the complainant (the new status only)")),
    "record_cancelled": (_l("the Bapas, which writes to the police or prosecutor (APH)"),
                         _l("the partners supporting the client: only that their support has ended"),
                         _l("the complainant (the new status only)")),
    "record_not_revoked": (_l("the Bapas: the client's supervision resumes"),
                           _l("the complainant (the new status only)")),
    "withdraw": (_l("the Bapas"),),
}
LETTERS = {
    "decide_warning": (_l("Written warning (surat teguran) to the client"),
                       _l("The head's decision")),
    "decide_summons": (_l("Summons (surat panggilan) to the client"), _l("The head's decision")),
    "decide_intensive": (_l("The head's decision"),),
    "decide_temporary_revocation": (_l("The head's decision of temporary revocation"),),
    "propose": (_l("Proposal of revocation to the regional office"),),
    "forward": (_l("Forwarding letter to Ditjenpas"),),
}
OTHER_COMPLAINTS = _l("All other open complaints about this client are closed with a link to this case.")


def ground_choices(action: str) -> list[tuple[str, Any]]:
    """The grounds a decision picks from: the cancellation grounds for a cancellation, else
    the legal grounds of a revocation (DESIGN §1)."""
    table = CANCELLATION_GROUNDS if action == "record_cancelled" else GROUND_LABELS
    return list(table.items())


def grounds_body(action: str, grounds: Iterable[str], text: str | None) -> str:
    """The timeline's record of a decision: its grounds by label, then the reasons."""
    labels = dict(ground_choices(action))
    named = "; ".join(str(labels.get(g, g)) for g in grounds)
    parts = [_("Grounds: %(grounds)s", grounds=named)] if named else []
    if text:
        parts.append(_("Reasons: %(text)s", text=text.strip()))
    return "\n".join(parts)


# ---------------------------------------------------------------- letters (call sites)

# Where the letter to APH asks the client to be returned while no facility is recorded yet.
APH_FACILITY = "lembaga pemasyarakatan atau rumah tahanan negara terdekat"


def _letter(actor: User | None, complaint: Complaint, title: str, facts: Mapping[str, Any]) -> None:
    from .services import _event
    lines = [title] + [f"{key}: {value}" for key, value in facts.items() if value not in (None, "")]
    _event(complaint, "record", actor, action="letter_recorded", body="\n".join(lines))


def letter_warning(actor: User | None, complaint: Complaint, sanction: Sanction) -> None:
    """Call site of the written warning (surat teguran) to the client: its PDF is issued."""
    from .documents import issue_warning
    _letter(actor, complaint, _("Written warning (surat teguran) to the client"), {
        _("Client"): complaint.client.full_name if complaint.client else complaint.client_name,
        _("Issued on"): format_date(sanction.issued_on, "long")})
    if actor is not None:
        issue_warning(actor, complaint, list(sanction.grounds or []) or None)


def letter_summons(actor: User | None, complaint: Complaint, sanction: Sanction) -> None:
    """Call site of the summons (surat panggilan): when and where the client must appear; its
    PDF is issued."""
    from .documents import issue_summons
    _letter(actor, complaint, _("Summons (surat panggilan) to the client"), {
        _("Client"): complaint.client.full_name if complaint.client else complaint.client_name,
        _("Appear on"): format_date(sanction.appear_on, "long") if sanction.appear_on else None,
        _("Time"): sanction.appear_time, _("Place"): sanction.appear_place})
    if actor is None or sanction.appear_on is None:
        return
    client = complaint.client
    officer = complaint.assigned_officer or (client.officer if client is not None else None)
    issue_summons(actor, complaint, {
        "client_name": client.full_name if client else (complaint.client_name or "-"),
        "register_number": client.register_number if client else "-",
        "address": (client.area if client else complaint.client_area) or "",
        "appear_on": sanction.appear_on, "appear_at": (sanction.appear_time or "").replace(":", "."),
        "appear_place": sanction.appear_place or complaint.office.name,
        "grounds": list(sanction.grounds or complaint.grounds),
        "officer_name": officer.name if officer is not None else "-"})


def letter_decision(actor: User | None, complaint: Complaint, action: str) -> None:
    """Call site of the head's decision letter (warning, summons, intensified supervision,
    temporary revocation)."""
    from .documents import issue_temporary_revocation
    from .workflow import ACTION_LABELS
    _letter(actor, complaint, _("The head's decision"), {
        _("Decision"): str(ACTION_LABELS[action]),
        _("Client"): complaint.client.full_name if complaint.client else complaint.client_name})
    if actor is not None and action == "decide_temporary_revocation":  # the warning and the
        issue_temporary_revocation(actor, complaint)  # summons are their own letters


def letter_forwarding(actor: User | None, complaint: Complaint) -> None:
    """Call site of the Kanwil's letter forwarding the proposal to Ditjenpas; its PDF is issued,
    signed by the regional user."""
    from .documents import issue_forwarding
    _letter(actor, complaint, _("Forwarding letter to Ditjenpas"), {
        _("Client"): complaint.client.full_name if complaint.client else complaint.client_name})
    if actor is not None:
        issue_forwarding(actor, complaint)


def forwarded(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    """The effect of forwarding: the Kanwil's letter to Ditjenpas."""
    letter_forwarding(actor, complaint)


def letter_aph(actor: User | None, complaint: Complaint, execution: Execution) -> None:
    """Call site of the letter to the police or prosecutor (APH) asking for the client's return."""
    _letter(actor, complaint, _("Letter to the police or prosecutor (APH)"), {
        _("Addressee"): execution.aph_addressee,
        _("Date of the letter"): format_date(execution.aph_letter_on, "long") if execution.aph_letter_on else None,
        _("Decree"): complaint.decree_number})
    if actor is None or not execution.aph_addressee:
        return
    from .documents import issue_aph_letter
    client = complaint.client
    issue_aph_letter(actor, complaint, {
        "addressee": execution.aph_addressee, "addressee_place": "Tempat",
        "client_name": client.full_name if client else (complaint.client_name or "-"),
        "register_number": client.register_number if client else "-",
        "address": (client.area if client else complaint.client_area) or "",
        "decree_number": complaint.decree_number or "-",
        "decree_on": complaint.decree_on or execution.since_on,
        "facility": execution.facility or APH_FACILITY,
        "whereabouts": execution.at_large_note or ""})


# ---------------------------------------------------------------- sanctions

def _sanction(actor: User | None, complaint: Complaint, kind: str, given: MoveInputs,
              **fields: Any) -> Sanction:
    sanction = Sanction(client_id=complaint.client_id, office_id=complaint.office_id, kind=kind,
                        issued_on=today(), grounds=list(given.get("grounds") or []),
                        note=(given.get("grounds_text") or "").strip() or None,
                        issued_by_id=getattr(actor, "id", None), **fields)
    complaint.sanctions.append(sanction)
    return sanction


def _intensive(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    from .services import _client_move
    period_end_on, review_on = given.get("period_end_on"), given.get("review_on")
    if not period_end_on:
        raise Refused(_l("Give the end of the intensified supervision."), "period_end_on")
    if not review_on:
        raise Refused(_l("Give the review date."), "review_on")
    if review_on > period_end_on:
        raise Refused(_l("The review date must fall within the period."), "review_on")
    _sanction(actor, complaint, "intensive", given, period_end_on=period_end_on, review_on=review_on)
    _client_move(actor, complaint, "intensify")


def decide_warning(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    """A written warning; with intensified supervision when the head adds it."""
    sanction = _sanction(actor, complaint, "warning", given)
    if given.get("also_intensive"):
        _intensive(actor, complaint, given)
    letter_warning(actor, complaint, sanction)
    letter_decision(actor, complaint, "decide_warning")


def decide_summons(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    """A summons to appear on a date, at a time and place; intensified supervision may follow."""
    appear_on = given.get("appear_on")
    if appear_on is not None and appear_on < today():
        raise Refused(_l("The day to appear must not be in the past."), "appear_on")
    sanction = _sanction(actor, complaint, "summons", given, appear_on=appear_on,
                         appear_time=(given.get("appear_time") or "").strip() or None,
                         appear_place=(given.get("appear_place") or "").strip())
    if given.get("also_intensive"):
        _intensive(actor, complaint, given)
    letter_summons(actor, complaint, sanction)
    letter_decision(actor, complaint, "decide_summons")


def decide_intensive(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    """Intensified supervision alone, for its period, with its review date."""
    _intensive(actor, complaint, given)
    letter_decision(actor, complaint, "decide_intensive")


def record_summons_answer(actor: User, complaint: Complaint, sanction: Sanction, appeared: bool,
                          answered_on: dt.date) -> None:
    """The officer records whether the client appeared as summoned."""
    from .services import _check, _event
    _check(actor, complaint, "record_summons_answer", given={"answer": "yes" if appeared else "no"})
    if sanction.kind != "summons" or sanction.complaint_id != complaint.id:
        raise Refused(_l("This is not a summons of this case."), "sanction")
    if sanction.appeared is not None:
        raise Refused(_l("This step was already taken."), "sanction")
    sanction.appeared, sanction.answered_on = appeared, answered_on
    _event(complaint, "record", actor, action="record_summons_answer",
           body=_("The client appeared.") if appeared else _("The client did not appear."))
    audit.record(actor, "complaint.record_summons_answer", complaint, office_id=complaint.office_id,
                 appeared=appeared)


# ---------------------------------------------------------------- after the decree

def start_execution(actor: User | None, complaint: Complaint) -> Execution:
    """The case stays open until the client's return (DESIGN §5)."""
    execution = Execution(client_id=complaint.client_id, office_id=complaint.office_id,
                          since_on=today())
    complaint.execution = execution
    return execution


def _execution(complaint: Complaint) -> Execution:
    if complaint.execution is None:
        return start_execution(None, complaint)
    return complaint.execution


def record_aph_letter(actor: User, complaint: Complaint, addressee: str, letter_on: dt.date | None) -> None:
    """The letter to the police or prosecutor asking for the client's return."""
    from .services import _check, _event
    _check(actor, complaint, "record_aph_letter",
           given={"addressee": (addressee or "").strip(), "letter_on": letter_on})
    execution = _execution(complaint)
    execution.aph_addressee, execution.aph_letter_on = addressee.strip(), letter_on
    letter_aph(actor, complaint, execution)
    _event(complaint, "record", actor, action="record_aph_letter", body=addressee.strip())
    audit.record(actor, "complaint.record_aph_letter", complaint, office_id=complaint.office_id,
                 letter_on=letter_on)


def record_return(actor: User, complaint: Complaint, returned_on: dt.date | None, facility: str) -> None:
    """The client was taken back to a Lapas/Rutan: the execution ends and the case closes."""
    from .services import _check, _event
    _check(actor, complaint, "record_return",
           given={"returned_on": returned_on, "facility": (facility or "").strip()})
    execution = _execution(complaint)
    if execution.returned_on is not None:
        raise Refused(_l("This step was already taken."), "returned_on")
    assert returned_on is not None  # the check above refused otherwise
    if returned_on < execution.since_on or returned_on > today():
        raise Refused(_l("The date of the return must fall between the outcome and today."),
                      "returned_on")
    execution.returned_on, execution.facility = returned_on, facility.strip()
    complaint.closed_at = utcnow()
    _event(complaint, "record", actor, action="record_return", body=facility.strip())
    audit.record(actor, "complaint.record_return", complaint, office_id=complaint.office_id,
                 returned_on=returned_on)


def record_at_large(actor: User, complaint: Complaint, note: str) -> None:
    """The client is still at large: what is known, for the Kasi and the Kepala."""
    from .services import _check, _event
    _check(actor, complaint, "record_at_large", given={"body": (note or "").strip()})
    execution = _execution(complaint)
    if execution.returned_on is not None:
        raise Refused(_l("The client's return is already recorded."), "body")
    execution.at_large_note = note.strip()
    _event(complaint, "record", actor, action="record_at_large", body=note.strip())
    audit.record(actor, "complaint.record_at_large", complaint, office_id=complaint.office_id)


def set_return_period(actor: User, office: Any, days: int) -> None:
    """The Kepala Bapas sets the period after which a revoked client's return is overdue."""
    if actor.role != "head" or actor.office_id != office.id:
        raise NotPermitted("set_return_period")
    before = office.return_overdue_days
    office.return_overdue_days = days
    audit.record(actor, "office.return_period_set", office, office_id=office.id,
                 before=before, after=days)


def days_waiting(execution: Execution | None, on: dt.date | None = None) -> int | None:
    """Days since the outcome while the client is not returned; None once returned."""
    if execution is None or execution.returned_on is not None:
        return None
    return ((on or today()) - execution.since_on).days


def return_overdue(execution: Execution | None, on: dt.date | None = None) -> bool:
    """Past the period the Bapas set for the client's return."""
    days = days_waiting(execution, on)
    return days is not None and days > execution.office.return_overdue_days  # type: ignore[union-attr]


# ---------------------------------------------------------------- the client's other cases, partners

def close_others(actor: User | None, complaint: Complaint) -> int:
    """Every other open complaint about the client closes with a link to this case."""
    from .services import move
    if complaint.client_id is None:
        return 0
    others = db.session.scalars(select(Complaint).where(
        Complaint.client_id == complaint.client_id, Complaint.id != complaint.id,
        Complaint.status.in_(OPEN_STATES))).all()
    for other in others:
        # the system's move, made in the name of whoever recorded the deciding outcome
        move(actor, other, "close_superseded", role=SYSTEM, note=complaint.reference,
             deciding_case=complaint.id)
    return len(others)


def superseded(actor: User | None, complaint: Complaint, given: MoveInputs) -> None:
    """The effect of close_superseded: the link to the deciding case."""
    complaint.decided_in_id = int(given.get("deciding_case") or 0) or None


def end_support(client_id: int | None, office: Any, org_ids: Iterable[int]) -> None:
    """Placements under way end; every partner that supported the client is told only that
    its support has ended (no reason, nothing about the procedure)."""
    from ..jobs.services import end_placements
    from ..partners.models import PartnerOrg
    orgs = set(org_ids)
    if client_id is not None:
        for referral in end_placements(client_id, today(), _("Support ended by the Bapas.")):
            orgs.add(referral.opportunity.partner_org_id)
    for org_id in sorted(orgs):
        org = db.session.get(PartnerOrg, org_id)
        if org is None:
            continue
        for member in org_members(org_id):
            notify(member, "support_ended")
            notices.tell(member, "support_ended", org=org, office=office)


def supporting_orgs(client_id: int | None) -> list[int]:
    """The partner organisations with an active assignment to the client now."""
    from ..clients.models import Assignment
    if client_id is None:
        return []
    return list(db.session.scalars(select(Assignment.partner_org_id).where(
        Assignment.client_id == client_id, Assignment.status == "active")))


def after_outcome(actor: User | None, complaint: Complaint) -> None:
    """Revoked or cancelled: the execution starts and the client's other complaints close."""
    if complaint.status in EXECUTION_STATES:
        start_execution(actor, complaint)
        close_others(actor, complaint)
