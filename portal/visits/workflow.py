"""The home-visit workflow table: planned → done | missed, by the client's officer or a Kasi."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import EDITORS
from ..workflow import Guard, Transition, Workflow

# "new" is the state of a visit not yet stored: the row "plan" says who may plan one.
STATES = ("new", "planned", "done", "missed")
STATUS_LABELS = {
    "new": lazy_pgettext("visit status", "Not planned yet"),
    "planned": lazy_pgettext("visit status", "Planned"),
    "done": lazy_pgettext("visit status", "Visited"),
    "missed": lazy_pgettext("visit status", "Missed"),
}
ACTION_LABELS = {
    "plan": _l("Home visit planned"),
    "record_done": _l("Home visit made"),
    "record_missed": _l("Home visit missed"),
}
FIELD_LABELS = {
    "planned_on": _l("the planned date"),
    "purpose": _l("the purpose"),
    "visited_on": _l("the date of the visit"),
    "met_whom": _l("who was met"),
    "findings": _l("the findings"),
    "next_step": _l("the next step"),
    "missed_reason": _l("the reason the visit did not take place"),
}

CASE_OFFICER = "case_officer"
VISIT_WORKFLOW = Workflow(STATES, [
    Transition("plan", ("new",), "planned", EDITORS, requires=("planned_on", "purpose"),
               guards=(CASE_OFFICER,)),
    Transition("record_done", ("planned",), "done", EDITORS,
               requires=("visited_on", "met_whom", "findings", "next_step"), guards=(CASE_OFFICER,)),
    Transition("record_missed", ("planned",), "missed", EDITORS, requires=("missed_reason",),
               guards=(CASE_OFFICER,)),
], state_labels=STATUS_LABELS, field_labels=FIELD_LABELS, guards=(
    Guard(CASE_OFFICER, lambda actor, visit: getattr(actor, "role", None) != "officer"
          or actor.id == visit.client.officer_id,
          _l("Only the client's officer or a Kasi can plan or record this client's home visits.")),
))
