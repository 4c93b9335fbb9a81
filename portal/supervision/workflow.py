"""Workflow tables of supervision: conditions, partner sheets and travel notices, and their labels."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import EDITORS
from ..workflow import Guard, Transition, Workflow

NEW = "new"  # a record not yet saved: the first move of each table starts from here

KIND_LABELS = {"general": _l("General condition"), "special": _l("Special condition")}
SPECIAL_LABELS = {
    "stay_in_area": _l("Stay in the area and report travel"),
    "work_or_study": _l("Work or study"),
    "no_drugs_alcohol": _l("Avoid drugs and alcohol"),
    "no_criminal_associates": _l("Avoid criminal associates"),
    "rehabilitation": _l("Attend rehabilitation (drug cases)"),
    "other": _l("Other condition"),
}
CONDITION_STATUS_LABELS = {
    NEW: lazy_pgettext("condition status", "Not yet saved"),
    "in_force": lazy_pgettext("condition status", "In force"),
    "ended": lazy_pgettext("condition status", "Ended"),
}
SHEET_STATUS_LABELS = {
    NEW: lazy_pgettext("partner sheet status", "Not yet written"),
    "current": lazy_pgettext("partner sheet status", "Current"),
}
TRAVEL_STATUS_LABELS = {
    NEW: lazy_pgettext("travel status", "Not yet recorded"),
    "requested": lazy_pgettext("travel status", "Waiting for the officer"),
    "approved": lazy_pgettext("travel status", "Approved"),
    "refused": lazy_pgettext("travel status", "Refused"),
    "withdrawn": lazy_pgettext("travel status", "Withdrawn"),
}
TRAVEL_ACTION_LABELS = {
    "record": _l("Travel request recorded"),
    "approve": _l("Travel approved"),
    "refuse": _l("Travel refused"),
    "withdraw": _l("Travel request withdrawn"),
}
CONDITION_ACTION_LABELS = {
    "add": _l("Condition added"),
    "edit": _l("Condition changed"),
    "end": _l("Condition ended"),
    "sheet_write": _l("Partner sheet written"),
}

CASE_STAFF = "case_staff"
RECORDER = "recorder"
REQUESTER = "requester"
UNDER_SUPERVISION = "under_supervision"
ASSIGNMENT_OPEN = "assignment_open"
OPEN_ASSIGNMENT = ("proposed", "active")  # assignments a partner sheet may be written for


def _client(subject: Any) -> Any:
    return getattr(subject, "client", None)


def _case_staff(actor: Any, subject: Any) -> bool:
    """Staff of the client's Bapas; an officer only for their own clients."""
    client = _client(subject)
    if client is None or getattr(actor, "office_id", None) != client.office_id:
        return False
    return bool(actor.role != "officer" or client.officer_id == actor.id)


def _recorder(actor: Any, subject: Any) -> bool:
    """A partner of the organisation the notice is recorded for, or the client's staff."""
    if getattr(actor, "role", None) == "partner":
        return (subject.partner_org_id is not None
                and subject.partner_org_id == getattr(actor, "partner_org_id", None))
    return _case_staff(actor, subject)


def _under_supervision(actor: Any, subject: Any) -> bool:
    """The client is still under supervision (active or intensive)."""
    client = _client(subject)
    return bool(client is not None and client.under_supervision)


def _assignment_open(actor: Any, subject: Any) -> bool:
    """The sheet's assignment is proposed or active (not ended, declined or withdrawn)."""
    assignment = getattr(subject, "assignment", None)
    return assignment is not None and assignment.status in OPEN_ASSIGNMENT


_SUPERVISED = Guard(UNDER_SUPERVISION, _under_supervision,
                    _l("The client is no longer under supervision."))


CONDITION_WORKFLOW = Workflow((NEW, "in_force", "ended"), [
    Transition("add", (NEW,), "in_force", EDITORS, requires=("kind", "starts_on"),
               guards=(CASE_STAFF, UNDER_SUPERVISION)),
    Transition("edit", ("in_force",), None, EDITORS, requires=("kind", "starts_on"),
               guards=(CASE_STAFF, UNDER_SUPERVISION)),
    Transition("end", ("in_force",), "ended", EDITORS, guards=(CASE_STAFF,)),
], state_labels=CONDITION_STATUS_LABELS, field_labels={
    "kind": _l("the kind of condition"), "starts_on": _l("the date it starts")},
    guards=(Guard(CASE_STAFF, _case_staff,
                  _l("Only the client's probation officer or the Kasi can do this.")), _SUPERVISED))

SHEET_WORKFLOW = Workflow((NEW, "current"), [
    Transition("write", (NEW, "current"), "current", EDITORS, requires=("contact",),
               guards=(CASE_STAFF, ASSIGNMENT_OPEN)),
], state_labels=SHEET_STATUS_LABELS, field_labels={"contact": _l("whom to call and when")},
    guards=(Guard(CASE_STAFF, _case_staff,
                  _l("Only the client's probation officer or the Kasi can do this.")),
            Guard(ASSIGNMENT_OPEN, _assignment_open,
                  _l("This assignment has ended; its partner sheet can no longer be written."))))

TRAVEL_WORKFLOW = Workflow((NEW, "requested", "approved", "refused", "withdrawn"), [
    Transition("record", (NEW,), "requested", ("partner",) + EDITORS,
               requires=("destination", "from_on", "to_on", "purpose"),
               guards=(RECORDER, UNDER_SUPERVISION)),
    Transition("approve", ("requested",), "approved", EDITORS, guards=(CASE_STAFF,)),
    Transition("refuse", ("requested",), "refused", EDITORS, requires=("reason",),
               guards=(CASE_STAFF,)),
    Transition("withdraw", ("requested",), "withdrawn", ("partner",) + EDITORS,
               guards=(REQUESTER,)),
], state_labels=TRAVEL_STATUS_LABELS, field_labels={
    "destination": _l("where to"), "from_on": _l("the first day"), "to_on": _l("the last day"),
    "purpose": _l("why"), "reason": _l("the reason for the refusal")}, guards=(
    Guard(RECORDER, _recorder, _l("Only a partner supporting the client, the client's probation "
                                  "officer or the Kasi can record a travel request.")),
    Guard(CASE_STAFF, _case_staff,
          _l("Only the client's probation officer or the Kasi can decide on travel.")),
    Guard(REQUESTER, lambda actor, notice: notice.requested_by_id == getattr(actor, "id", None),
          _l("Only the person who recorded the request can withdraw it.")),
    _SUPERVISED,
))

# The client timeline's words for the entries these verbs write (kind "supervision").
TIMELINE_LABELS = {
    "condition_added": _l("Supervision condition added"),
    "condition_changed": _l("Supervision condition changed"),
    "condition_ended": _l("Supervision condition ended"),
    "sheet_written": _l("Partner sheet written"),
    "travel_requested": _l("Travel request recorded"),
    "travel_approved": _l("Travel approved"),
    "travel_refused": _l("Travel refused"),
    "travel_withdrawn": _l("Travel request withdrawn"),
}
