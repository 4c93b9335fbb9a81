"""Workflow tables for postings and for referrals."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import EDITORS as OFFICERS
from ..workflow import Guard, Transition, Workflow

SYSTEM = "system"

POSTING_STATES = ("draft", "pending", "published", "closed", "rejected")
POSTING_LABELS = {
    "draft": lazy_pgettext("posting status", "Draft"),
    "pending": lazy_pgettext("posting status", "Waiting for moderation"),
    "published": lazy_pgettext("posting status", "Published"),
    "closed": lazy_pgettext("posting status", "Closed"),
    "rejected": lazy_pgettext("posting status", "Rejected"),
}
OPEN_TO_OFFICE = "open_to_office"
CASE_OFFICER = "case_officer"

POSTING_WORKFLOW = Workflow(POSTING_STATES, [
    Transition("edit", ("draft",), None, ("partner",)),
    Transition("submit", ("draft",), "pending", ("partner",)),
    Transition("publish", ("pending",), "published", ("supervisor",), guards=(OPEN_TO_OFFICE,)),
    Transition("request_changes", ("pending",), "draft", ("supervisor",), requires=("note",),
               guards=(OPEN_TO_OFFICE,)),
    Transition("reject", ("pending",), "rejected", ("supervisor",), requires=("note",),
               guards=(OPEN_TO_OFFICE,)),
    Transition("close", ("published",), "closed", ("partner", "supervisor", SYSTEM),
               guards=(OPEN_TO_OFFICE,)),
], state_labels=POSTING_LABELS, field_labels={"note": _l("a note to the partner")}, guards=(
    Guard(OPEN_TO_OFFICE, lambda actor, posting: getattr(actor, "role", None) != "supervisor"
          or posting.open_to(actor.office_id),
          _l("This posting is not open to clients of your Bapas.")),
))

REFERRAL_STATES = ("proposed", "interview", "offered", "declined", "placed", "completed",
                   "ended", "withdrawn")
REFERRAL_LABELS = {
    "proposed": lazy_pgettext("referral status", "Waiting for the partner"),
    "interview": lazy_pgettext("referral status", "Invited to an interview"),
    "offered": lazy_pgettext("referral status", "Offered a place"),
    "declined": lazy_pgettext("referral status", "Declined"),
    "placed": lazy_pgettext("referral status", "Placement under way"),
    "completed": lazy_pgettext("referral status", "Completed"),
    "ended": lazy_pgettext("referral status", "Placement ended"),
    "withdrawn": lazy_pgettext("referral status", "Withdrawn"),
}
REFERRAL_ACTION_LABELS = {
    "refer": _l("Referred by the officer"),
    "invite": _l("Invited to an interview"),
    "offer": _l("Offered a place"),
    "decline": _l("Declined"),
    "start": _l("Placement started"),
    "end": _l("Placement ended"),
    "complete": _l("Placement completed"),
    "withdraw": _l("Withdrawn by the officer"),
    "disclose": _l("The client's name was released to the partner"),
}
REFERRAL_WORKFLOW = Workflow(REFERRAL_STATES, [
    Transition("invite", ("proposed",), "interview", ("partner",), requires=("interview_on",)),
    Transition("offer", ("proposed", "interview"), "offered", ("partner",)),
    Transition("decline", ("proposed", "interview", "offered"), "declined", ("partner",),
               requires=("reason",)),
    Transition("start", ("interview", "offered"), "placed", ("partner",), requires=("on", "disclosed")),
    # The system too: a revoked client's placement ends (issue 10 §3).
    Transition("end", ("placed",), "ended", ("partner", SYSTEM), requires=("on", "reason")),
    Transition("complete", ("placed",), "completed", ("partner",), requires=("on",)),
    Transition("withdraw", ("proposed", "interview", "offered"), "withdrawn", OFFICERS,
               guards=(CASE_OFFICER,)),
    Transition("disclose", ("interview", "offered"), None, OFFICERS, guards=(CASE_OFFICER,)),
], state_labels=REFERRAL_LABELS, field_labels={
    "interview_on": _l("the date of the interview"),
    "on": _l("the date"),
    "reason": _l("the reason"),
    "disclosed": _l("the officer's release of the candidate's name"),
}, guards=(
    Guard(CASE_OFFICER, lambda actor, referral: getattr(actor, "role", None) != "officer"
          or actor.id in (referral.officer_id, referral.client.officer_id),
          _l("Only the officer who referred the client, the client's officer or a supervisor "
             "can do this.")),
))
