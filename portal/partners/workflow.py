"""The partner workflow table: from application to an active partner and the PKS's end."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..workflow import Transition, Workflow

APPLICANT = "applicant"   # the person holding a single-use link from their email
SYSTEM = "system"         # the daily job

STATES = ("unconfirmed", "applied", "info_requested", "vetted", "active", "suspended",
          "ended", "rejected")

STATUS_LABELS = {
    "unconfirmed": lazy_pgettext("partner status", "Email not confirmed"),
    "applied": lazy_pgettext("partner status", "Document check"),
    "info_requested": lazy_pgettext("partner status", "Information requested"),
    "vetted": lazy_pgettext("partner status", "Vetting approved, awaiting PKS"),
    "active": lazy_pgettext("partner status", "Active"),
    "suspended": lazy_pgettext("partner status", "Suspended"),
    "ended": lazy_pgettext("partner status", "Ended"),
    "rejected": lazy_pgettext("partner status", "Rejected"),
}

ACTION_LABELS = {
    "applied": _l("Application submitted"),
    "confirm_email": _l("Email address confirmed"),
    "update_checklist": _l("Checklist updated"),
    "request_info": _l("More information requested"),
    "answer_info": _l("Applicant answered"),
    "reject": _l("Application rejected"),
    "approve_vetting": _l("Vetting approved"),
    "record_pks": _l("PKS recorded; partner active"),
    "renew_pks": _l("PKS renewed"),
    "suspend": _l("Partner suspended"),
    "reinstate": _l("Partner reinstated"),
    "lapse": _l("PKS expired; partnership ended"),
    "end": _l("Partnership ended by the Head of the Bapas"),
    "member_invited": _l("Member invited"),
    "member_deactivated": _l("Member deactivated"),
    "member_reactivated": _l("Member reactivated"),
    "profile_updated": _l("Public profile updated"),
}

PARTNER_WORKFLOW = Workflow(STATES, [
    Transition("confirm_email", ("unconfirmed",), "applied", (APPLICANT,)),
    Transition("update_checklist", ("applied",), None, ("supervisor", "head")),
    Transition("request_info", ("applied",), "info_requested", ("supervisor", "head"),
               requires=("message",)),
    Transition("answer_info", ("info_requested",), "applied", (APPLICANT,), requires=("answer",)),
    Transition("reject", ("applied", "info_requested", "vetted"), "rejected",
               ("supervisor", "head"), requires=("reason",)),
    Transition("approve_vetting", ("applied",), "vetted", ("supervisor",),
               requires=("documents_verified", "visit_on")),
    Transition("record_pks", ("vetted",), "active", ("head",),
               requires=("pks_number", "pks_signed_on", "pks_valid_until", "scan")),
    Transition("renew_pks", ("active", "ended"), "active", ("head",),
               requires=("pks_number", "pks_signed_on", "pks_valid_until", "scan")),
    Transition("suspend", ("active",), "suspended", ("supervisor", "head"), requires=("reason",)),
    Transition("reinstate", ("suspended",), "active", ("supervisor", "head")),
    Transition("lapse", ("active", "suspended"), "ended", (SYSTEM,)),
    # Issue 10 point 1 "ending a partnership": the head, who signs the PKS, ends it before it
    # lapses, with the grounds, through a confirmation page.
    Transition("end", ("active", "suspended"), "ended", ("head",), requires=("reason",)),
], state_labels=STATUS_LABELS, field_labels={
    "message": _l("the message to the applicant"),
    "answer": _l("the answer"),
    "reason": _l("the reason"),
    "documents_verified": _l("the checked documents (tick “documents verified” in the checklist)"),
    "visit_on": _l("the date of the vetting visit (in the checklist)"),
    "pks_number": _l("the PKS number"),
    "pks_signed_on": _l("the date the PKS was signed"),
    "pks_valid_until": _l("the date the PKS ends"),
    "scan": _l("the scan of the signed PKS"),
})
