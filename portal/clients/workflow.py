"""Workflow tables for a client's supervision status and for partner assignments."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import EDITORS as STAFF
from ..security import LEADS
from ..workflow import Guard, Transition, Workflow

SYSTEM = "system"
PROCEDURE = "procedure"  # moves made only by the revocation procedure (complaints)

CLIENT_STATES = ("active", "intensive", "temporarily_revoked", "revoked", "completed",
                 "transferred")
CLIENT_STATUS_LABELS = {
    "active": lazy_pgettext("client status", "Active"),
    "intensive": lazy_pgettext("client status", "Intensive supervision"),
    "temporarily_revoked": lazy_pgettext("client status", "Temporarily revoked"),
    "revoked": lazy_pgettext("client status", "Revoked"),
    "completed": lazy_pgettext("client status", "Supervision completed"),
    "transferred": lazy_pgettext("client status", "Transferred"),
}
CLIENT_ACTION_LABELS = {
    "intensify": _l("Start intensive supervision"),
    "relax": _l("Return to regular supervision"),
    "complete": _l("Supervision completed"),
    "transfer": _l("Transfer to another Bapas"),
    "temporarily_revoke": _l("Temporary revocation"),
    "revoke": _l("Parole revoked"),
    "restore": _l("Not revoked: supervision resumes"),
}

CLIENT_WORKFLOW = Workflow(CLIENT_STATES, [
    Transition("intensify", ("active",), "intensive", STAFF + (PROCEDURE,)),
    Transition("relax", ("intensive",), "active", STAFF),
    Transition("complete", ("active", "intensive"), "completed", LEADS),
    Transition("transfer", ("active", "intensive"), "transferred", LEADS,
               requires=("transfer_office",)),
    # Moves made by the revocation procedure (complaints):
    Transition("temporarily_revoke", ("active", "intensive"), "temporarily_revoked", (PROCEDURE,)),
    Transition("revoke", ("temporarily_revoked",), "revoked", (PROCEDURE,)),
    Transition("restore", ("temporarily_revoked",), "active", (PROCEDURE,)),
], state_labels=CLIENT_STATUS_LABELS,
    field_labels={"transfer_office": _l("the receiving Bapas")})

ASSIGNMENT_STATES = ("proposed", "active", "declined", "withdrawn", "ended")
ASSIGNMENT_STATUS_LABELS = {
    "proposed": lazy_pgettext("assignment status", "Waiting for the partner"),
    "active": lazy_pgettext("assignment status", "Active"),
    "declined": lazy_pgettext("assignment status", "Declined"),
    "withdrawn": lazy_pgettext("assignment status", "Withdrawn"),
    "ended": lazy_pgettext("assignment status", "Ended"),
}
END_REASONS = {
    "end_date": _l("The agreed period is over"),
    "supervision_ended": _l("The client's supervision ended"),
    "pks_ended": _l("The partner's PKS ended"),
    "partner_suspended": _l("The partner was suspended"),
    "partnership_ended": _l("The partnership was ended"),
    "by_staff": _l("Ended by the Bapas"),
    "placement_ended": _l("The job placement ended"),
}

ORG_ADMIN = "org_admin"
ASSIGNMENT_WORKFLOW = Workflow(ASSIGNMENT_STATES, [
    Transition("accept", ("proposed",), "active", ("partner",), guards=(ORG_ADMIN,)),
    Transition("decline", ("proposed",), "declined", ("partner",), guards=(ORG_ADMIN,)),
    Transition("withdraw", ("proposed",), "withdrawn", STAFF),
    Transition("end", ("active",), "ended", STAFF + (SYSTEM,)),
    # A placement agreed through a job referral starts the assignment at once (the client
    # consented at the referral and the officer proposed it there).
    Transition("start_placement", ("proposed",), "active", (SYSTEM,)),
], state_labels=ASSIGNMENT_STATUS_LABELS, guards=(
    Guard(ORG_ADMIN, lambda actor, assignment: bool(getattr(actor, "org_admin", False))
          and getattr(actor, "partner_org_id", None) == assignment.partner_org_id,
          _l("Only the organisation admin can answer a proposal.")),
))
