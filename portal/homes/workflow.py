"""Who may hand a client or a revocation case to another probation officer (PK): one row
each, with the guards "Kasi or Kepala of the record's own Bapas" and "the new PK is an
active officer of that Bapas"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import lazy_gettext as _l

from ..clients.workflow import CLIENT_STATES, CLIENT_STATUS_LABELS
from ..complaints.workflow import OPEN_STATES
from ..complaints.workflow import STATES as COMPLAINT_STATES
from ..complaints.workflow import STATUS_LABELS as COMPLAINT_STATUS_LABELS
from ..security import LEADS
from ..workflow import Guard, Transition, Workflow

SAME_OFFICE = "same_office"
ACTIVE_OFFICER = "active_officer_of_office"
# A client under supervision (or waiting for the decision on a temporary revocation).
REASSIGNABLE_CLIENT_STATES = ("active", "intensive", "temporarily_revoked")

ACTION_LABELS = {
    "reassign_client": _l("Client handed to another officer"),
    "reassign_case": _l("Case handed to another officer"),
}
FIELD_LABELS = {"officer": _l("the new officer (PK)"), "reason": _l("the reason")}


@dataclass(frozen=True)
class Reassignment:
    """A record (client or case) and the officer it is to be handed to."""

    record: Any
    officer: Any

    @property
    def status(self) -> str:
        return str(self.record.status)

    @property
    def office_id(self) -> int:
        return int(self.record.office_id)


def _same_office(actor: Any, subject: Any) -> bool:
    return actor is not None and getattr(actor, "office_id", None) == subject.office_id


def _active_officer(actor: Any, subject: Any) -> bool:
    """The chosen PK is an active officer of the record's Bapas, other than the current one.
    Offering the step (no PK chosen yet) is not refused here."""
    if not isinstance(subject, Reassignment):
        return True
    officer = subject.officer
    current = getattr(subject.record, "officer_id", getattr(subject.record, "assigned_officer_id", None))
    return (officer is not None and officer.active and officer.role == "officer"
            and officer.office_id == subject.office_id and officer.id != current)


GUARDS = (
    Guard(SAME_OFFICE, _same_office, _l("Only the Kasi or the Kepala of this Bapas can do this.")),
    Guard(ACTIVE_OFFICER, _active_officer,
          _l("Choose another active probation officer (PK) of this Bapas.")),
)

CLIENT_REASSIGN_WORKFLOW = Workflow(CLIENT_STATES, [
    Transition("reassign_client", REASSIGNABLE_CLIENT_STATES, None, LEADS,
               requires=("officer", "reason"), guards=(SAME_OFFICE, ACTIVE_OFFICER)),
], state_labels=CLIENT_STATUS_LABELS, field_labels=FIELD_LABELS, guards=GUARDS)

CASE_REASSIGN_WORKFLOW = Workflow(COMPLAINT_STATES, [
    Transition("reassign_case", OPEN_STATES, None, LEADS,
               requires=("officer", "reason"), guards=(SAME_OFFICE, ACTIVE_OFFICER)),
], state_labels=COMPLAINT_STATUS_LABELS, field_labels=FIELD_LABELS, guards=GUARDS)
