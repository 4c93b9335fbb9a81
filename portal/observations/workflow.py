"""The observation workflow table."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import BAPAS_STAFF, EDITORS, LEADS
from ..workflow import Guard, Transition, Workflow

STATES = ("submitted", "acknowledged", "followed_up", "archived")
STATUS_LABELS = {
    "submitted": lazy_pgettext("observation status", "Waiting for the officer"),
    "acknowledged": lazy_pgettext("observation status", "Answered"),
    "followed_up": lazy_pgettext("observation status", "Followed up"),
    "archived": lazy_pgettext("observation status", "Archived"),
}
CATEGORY_LABELS = {
    "progress": _l("Progress"),
    "routine": _l("Routine contact"),
    "concern": _l("Concern"),
    "suspected_violation": _l("Suspected violation"),
}
GROUND_LABELS = {
    "NEW_OFFENCE": _l("Named a suspect in, or convicted of, a new offence"),
    "PUBLIC_UNREST": _l("Causes unrest in the community"),
    "MISSED_REPORTING": _l("Failed to report to the Bapas three times in a row"),
    "MOVED_WITHOUT_NOTICE": _l("Changed address without reporting it"),
    "PROGRAMME_NONCOMPLIANCE": _l("Does not follow the supervision programme"),
}
FOLLOW_UP_LABELS = {
    "none": _l("No further action"),
    "home_visit_planned": _l("Home visit planned"),
    "warning_issued": _l("Warning issued"),
    "intensified_supervision": _l("Supervision intensified"),
    "open_revocation_case": _l("Revocation case to be opened"),
    "home_visit_done": _l("Home visit made"),
}
# Follow-ups a home visit records (portal/visits): planning one leaves the observation open,
# the visit's record closes it; the follow-up form does not offer them.
VISIT_FOLLOW_UPS = ("home_visit_planned", "home_visit_done")

AUTHOR = "author"
NO_VISIT_PLANNED = "no_visit_planned"
OBSERVATION_WORKFLOW = Workflow(STATES, [
    Transition("correct", ("submitted",), None, ("partner",), requires=("narrative",),
               guards=(AUTHOR,)),
    Transition("acknowledge", ("submitted",), "acknowledged", BAPAS_STAFF,
               requires=("reply",)),
    # Not while a home visit is planned about it: the visit's record closes it, with its findings.
    Transition("record_follow_up", ("acknowledged",), "followed_up",
               BAPAS_STAFF, requires=("follow_up",), guards=(NO_VISIT_PLANNED,)),
    # A home visit is planned about an answered observation (the partner has the officer's
    # reply first); it leaves the observation open, and the visit's record closes it.
    Transition("plan_visit", ("acknowledged",), "acknowledged", EDITORS),
    Transition("close_by_visit", ("acknowledged",), "followed_up", EDITORS, requires=("findings",)),
    Transition("archive", ("acknowledged", "followed_up"), "archived", LEADS),
], state_labels=STATUS_LABELS, field_labels={
    "narrative": _l("what you observed"),
    "reply": _l("the reply to the partner"),
    "follow_up": _l("the follow-up"),
    "findings": _l("the findings of the home visit"),
}, guards=(
    Guard(AUTHOR, lambda actor, observation: observation.author_id == getattr(actor, "id", None),
          _l("Only the author can correct an observation, and only until the officer has "
             "answered it.")),
    Guard(NO_VISIT_PLANNED, lambda actor, observation: not any(
        visit.status == "planned" for visit in observation.visits),
          _l("A home visit is planned about this observation: record the visit, made or missed, "
             "first. The visit made closes the observation with its findings.")),
))
