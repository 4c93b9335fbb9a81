"""Workflow tables for postings and for referrals."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..workflow import Transition, Workflow

SYSTEM = "system"
OFFICERS = ("officer", "supervisor")

POSTING_STATES = ("draft", "pending", "published", "closed", "rejected")
POSTING_LABELS = {
    "draft": lazy_pgettext("posting status", "Draft"),
    "pending": lazy_pgettext("posting status", "Waiting for moderation"),
    "published": lazy_pgettext("posting status", "Published"),
    "closed": lazy_pgettext("posting status", "Closed"),
    "rejected": lazy_pgettext("posting status", "Rejected"),
}
POSTING_WORKFLOW = Workflow(POSTING_STATES, [
    Transition("edit", ("draft",), None, ("partner",)),
    Transition("submit", ("draft",), "pending", ("partner",)),
    Transition("publish", ("pending",), "published", ("supervisor",)),
    Transition("request_changes", ("pending",), "draft", ("supervisor",), requires=("note",)),
    Transition("reject", ("pending",), "rejected", ("supervisor",), requires=("note",)),
    Transition("close", ("published",), "closed", ("partner", "supervisor", SYSTEM)),
])

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
    Transition("end", ("placed",), "ended", ("partner",), requires=("on", "reason")),
    Transition("complete", ("placed",), "completed", ("partner",), requires=("on",)),
    Transition("withdraw", ("proposed", "interview", "offered"), "withdrawn", OFFICERS),
    Transition("disclose", ("interview", "offered"), None, OFFICERS),
])
