"""Who may write in a thread: the partner organisation and the staff on the shared side, the
staff alone in internal notes; the client's officer, the Kasi and the Kepala of the Bapas."""
from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import BAPAS_STAFF
from ..workflow import Guard, Transition, Workflow

STATES = ("open",)
STATUS_LABELS = {"open": lazy_pgettext("thread status", "Open")}
VISIBILITY_LABELS = {
    "shared": _l("Shared with the partner"),
    "internal": _l("Internal note (staff only)"),
}
KIND_LABELS = {"observation": _l("Observation"), "referral": _l("Referral")}
ACTION_LABELS = {"post": _l("Message"), "note": _l("Internal note")}


def _participant(actor: Any, thread: Any) -> bool:
    role = getattr(actor, "role", None)
    if role == "partner":
        return bool(actor.partner_org_id == thread.partner_org_id)
    if role in BAPAS_STAFF and actor.office_id == thread.office_id:
        return role != "officer" or actor.id in thread.officer_ids
    return False


PARTICIPANT = "participant"
THREAD_WORKFLOW = Workflow(STATES, [
    Transition("post", ("open",), None, ("partner",) + BAPAS_STAFF, requires=("body",),
               guards=(PARTICIPANT,)),
    Transition("note", ("open",), None, BAPAS_STAFF, requires=("body",), guards=(PARTICIPANT,)),
], state_labels=STATUS_LABELS, field_labels={"body": _l("the message")}, guards=(
    Guard(PARTICIPANT, _participant,
          _l("Only the partner organisation, the client's officer, the Kasi and the Kepala of "
             "the Bapas write in this conversation.")),
))
