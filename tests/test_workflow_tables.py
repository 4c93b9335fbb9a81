"""Each workflow table of the code against the rules typed out by hand in workflow_rules.py,
both ways: a move the rules name and the code lacks fails, a move the code has and the rules
do not name fails, and every difference of states, target, roles, requirements or guards
fails with both versions side by side. Then what each guard means, on a few people."""
from __future__ import annotations

import pytest

from portal.auth.models import User
from portal.clients.models import Assignment, Client
from portal.clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
from portal.complaints.models import Complaint
from portal.complaints.workflow import COMPLAINT_WORKFLOW
from portal.conversations.queries import Thread
from portal.conversations.workflow import THREAD_WORKFLOW
from portal.homes.workflow import CASE_REASSIGN_WORKFLOW, CLIENT_REASSIGN_WORKFLOW, Reassignment
from portal.jobs.models import Opportunity, Referral
from portal.jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
from portal.observations.models import Observation
from portal.observations.workflow import OBSERVATION_WORKFLOW
from portal.offices.models import Office
from portal.partners.workflow import PARTNER_WORKFLOW
from portal.supervision.models import Condition, PartnerSheet, TravelNotice
from portal.supervision.workflow import CONDITION_WORKFLOW, SHEET_WORKFLOW, TRAVEL_WORKFLOW
from portal.visits.models import HomeVisit
from portal.visits.workflow import VISIT_WORKFLOW

from . import workflow_rules as rules

PAIRS = [
    (rules.COMPLAINT, COMPLAINT_WORKFLOW),
    (rules.PARTNER, PARTNER_WORKFLOW),
    (rules.CLIENT, CLIENT_WORKFLOW),
    (rules.ASSIGNMENT, ASSIGNMENT_WORKFLOW),
    (rules.OBSERVATION, OBSERVATION_WORKFLOW),
    (rules.POSTING, POSTING_WORKFLOW),
    (rules.REFERRAL, REFERRAL_WORKFLOW),
    (rules.VISIT, VISIT_WORKFLOW),
    (rules.THREAD, THREAD_WORKFLOW),
    (rules.CONDITION, CONDITION_WORKFLOW),
    (rules.PARTNER_SHEET, SHEET_WORKFLOW),
    (rules.TRAVEL, TRAVEL_WORKFLOW),
    (rules.CLIENT_REASSIGN, CLIENT_REASSIGN_WORKFLOW),
    (rules.CASE_REASSIGN, CASE_REASSIGN_WORKFLOW),
]
ROWS = [(written, code, action) for written, code in PAIRS for action in written.rows]


def _set(values) -> str:
    return "{" + ", ".join(sorted(values)) + "}" if values else "{}"


def _compare(what: str, written: frozenset, coded: frozenset) -> str | None:
    if written == coded:
        return None
    parts = []
    if coded - written:
        parts.append(f"the code adds {_set(coded - written)}")
    if written - coded:
        parts.append(f"the code lacks {_set(written - coded)}")
    return (f"{what}: the rules say {_set(written)}, the code says {_set(coded)} "
            f"({'; '.join(parts)})")


@pytest.mark.parametrize("written, code, action", ROWS,
                         ids=[f"{w.name}-{a}" for w, _, a in ROWS])
def test_each_written_move_is_in_the_code_as_written(written, code, action):
    rule = written.rows[action]
    row = code.transitions.get(action)
    if row is None:
        pytest.fail(f"{written.name} workflow: the move {action!r} is missing from the code",
                    pytrace=False)
    differences = [d for d in (
        _compare("from", rule.sources, frozenset(row.sources)),
        None if rule.target == row.target else
        f"to: the rules say {rule.target!r}, the code says {row.target!r}",
        _compare("roles", rule.roles, frozenset(row.roles)),
        _compare("requires", rule.requires, frozenset(row.requires)),
        _compare("guards", rule.guards, frozenset(row.guards)),
    ) if d]
    if differences:
        pytest.fail(f"{written.name} workflow, {action!r}:\n  " + "\n  ".join(differences),
                    pytrace=False)


@pytest.mark.parametrize("written, code", PAIRS, ids=[w.name for w, _ in PAIRS])
def test_the_code_has_no_move_and_no_state_the_rules_do_not_name(written, code):
    extra_moves = sorted(set(code.transitions) - set(written.rows))
    states = _compare("states", written.states, frozenset(code.states))
    problems = ([f"moves in the code that no rule names: {extra_moves}"] if extra_moves else []) + \
        ([states] if states else [])
    if problems:
        pytest.fail(f"{written.name} workflow: " + "\n  ".join(problems), pytrace=False)


# ---------------------------------------------------------------- what each guard means
# The guards of the rows, each on a few people and objects, with the answer the procedure
# gives (objects are built in memory, never stored). Bapas 1 and 2 lie in provinces 10 and 20.

def _staff(role: str, office_id: int | None = 1, user_id: int = 50) -> User:
    return User(id=user_id, role=role, office_id=office_id)


def _partner(user_id: int, org_id: int = 7, admin: bool = False) -> User:
    return User(id=user_id, role="partner", partner_org_id=org_id, org_admin=admin)


def _case(officer_id: int | None = 50) -> Complaint:
    return Complaint(office_id=1, office=Office(id=1, region_id=10), assigned_officer_id=officer_id)


def _referral() -> Referral:
    return Referral(officer_id=50, client=Client(officer_id=50))


def _condition() -> Condition:
    return Condition(client=Client(office_id=1, officer_id=50))


def _travel() -> TravelNotice:
    return TravelNotice(client=Client(office_id=1, officer_id=50), partner_org_id=7, requested_by_id=70)


CO, T, SH = CONDITION_WORKFLOW, TRAVEL_WORKFLOW, SHEET_WORKFLOW
def _pk(user_id: int, office_id: int = 1, active: bool = True) -> User:
    return User(id=user_id, role="officer", office_id=office_id, active=active)


def _handover(officer: User) -> Reassignment:
    return Reassignment(Client(office_id=1, officer_id=50, status="active"), officer)


HC, HK = CLIENT_REASSIGN_WORKFLOW, CASE_REASSIGN_WORKFLOW
C, A, OB = COMPLAINT_WORKFLOW, ASSIGNMENT_WORKFLOW, OBSERVATION_WORKFLOW
P, R = POSTING_WORKFLOW, REFERRAL_WORKFLOW
V, TH = VISIT_WORKFLOW, THREAD_WORKFLOW


def _visit() -> HomeVisit:
    return HomeVisit(client=Client(officer_id=50))


def _thread() -> Thread:
    return Thread("observation", None, office_id=1, partner_org_id=7, officer_ids=(50,))
GUARD_CASES = [
    # DESIGN §2: Bapas staff work in their own Bapas.
    (C, "own_office", "a supervisor of the case's Bapas", _staff("supervisor"), _case(), True),
    (C, "own_office", "a head of another Bapas", _staff("head", office_id=2), _case(), False),
    (C, "own_office", "an officer of another Bapas", _staff("officer", office_id=2), _case(),
     False),
    # Issue 6 closing note: an officer acts only on the cases assigned to them; the guard does
    # not narrow supervisors and the head (their rows' roles do).
    (C, "assigned", "the assigned officer", _staff("officer"), _case(), True),
    (C, "assigned", "another officer", _staff("officer", user_id=51), _case(), False),
    (C, "assigned", "an officer, on an unassigned case", _staff("officer"), _case(None), False),
    (C, "assigned", "a supervisor", _staff("supervisor", user_id=52), _case(), True),
    # DESIGN §2: regional users — the Bapas offices of their province.
    (C, "own_region", "the regional office of the province",
     User(id=60, role="regional", region_id=10), _case(), True),
    (C, "own_region", "a regional office of another province",
     User(id=61, role="regional", region_id=20), _case(), False),
    # Issue 6 §3 "assign or claim": an officer claims a case nobody holds.
    (C, "unassigned", "an officer, on an unassigned case", _staff("officer"), _case(None), True),
    (C, "unassigned", "an officer, on a case another holds", _staff("officer", user_id=51),
     _case(), False),
    # Issue 4 §2 "the organisation's admin accepts or declines".
    (A, "org_admin", "the organisation's admin", _partner(70, admin=True),
     Assignment(partner_org_id=7), True),
    (A, "org_admin", "a member who is not its admin", _partner(71), Assignment(partner_org_id=7),
     False),
    (A, "org_admin", "the admin of another organisation", _partner(72, org_id=8, admin=True),
     Assignment(partner_org_id=7), False),
    # Issue 4 §4 "The author can correct it".
    (OB, "author", "the author", _partner(70), Observation(author_id=70), True),
    (OB, "author", "another member of the organisation", _partner(71), Observation(author_id=70),
     False),
    # Issue 5 §1 "moderated by a supervisor of a covered Bapas".
    (P, "open_to_office", "a supervisor of a covered Bapas", _staff("supervisor"),
     Opportunity(offices=[Office(id=1)]), True),
    (P, "open_to_office", "a supervisor of a Bapas not covered", _staff("supervisor", office_id=2),
     Opportunity(offices=[Office(id=1)]), False),
    # Issue 5 §4 and its closing note: the client's own PK or a supervisor.
    (R, "case_officer", "the client's officer", _staff("officer"), _referral(), True),
    (R, "case_officer", "a supervisor", _staff("supervisor", user_id=52), _referral(), True),
    (R, "case_officer", "another officer", _staff("officer", user_id=51), _referral(), False),
    # Issue 11 §4: the client's PK plans and records the visits; a Kasi too (closing note).
    (V, "case_officer", "the client's officer", _staff("officer"), _visit(), True),
    (V, "case_officer", "a supervisor", _staff("supervisor", user_id=52), _visit(), True),
    (V, "case_officer", "another officer", _staff("officer", user_id=51), _visit(), False),
    # Issue 11 §3: the partner organisation and the PK (and Kasi, Kepala) of the Bapas.
    (TH, "participant", "a member of the organisation", _partner(70), _thread(), True),
    (TH, "participant", "a member of another organisation", _partner(71, org_id=8), _thread(), False),
    (TH, "participant", "the client's officer", _staff("officer"), _thread(), True),
    (TH, "participant", "another officer of the Bapas", _staff("officer", user_id=51), _thread(), False),
    (TH, "participant", "the Kasi of the Bapas", _staff("supervisor", user_id=52), _thread(), True),
    (TH, "participant", "the Kepala of another Bapas", _staff("head", office_id=2, user_id=53),
     _thread(), False),
    (TH, "participant", "the regional office", User(id=60, role="regional", region_id=10), _thread(),
     False),
    # Issue 11 §2: conditions and sheets by the client's officer or the Kasi, own Bapas only.
    (CO, "case_staff", "the client's officer", _staff("officer"), _condition(), True),
    (CO, "case_staff", "the Kasi", _staff("supervisor", user_id=52), _condition(), True),
    (CO, "case_staff", "another officer", _staff("officer", user_id=51), _condition(), False),
    (CO, "case_staff", "a Kasi of another Bapas", _staff("supervisor", office_id=2, user_id=52),
     _condition(), False),
    # Review of issue 11 §2, §5: conditions and travel requests only while the client is under
    # supervision ("active" or "intensive"); a sheet only for a proposed or active assignment.
    (CO, "under_supervision", "a client under supervision", _staff("officer"),
     Condition(client=Client(status="active")), True),
    (CO, "under_supervision", "a client under intensive supervision", _staff("officer"),
     Condition(client=Client(status="intensive")), True),
    (CO, "under_supervision", "a client whose supervision was completed", _staff("officer"),
     Condition(client=Client(status="completed")), False),
    (T, "under_supervision", "a client whose licence was revoked", _staff("officer"),
     TravelNotice(client=Client(status="revoked")), False),
    (T, "under_supervision", "a client under supervision", _partner(70),
     TravelNotice(client=Client(status="active")), True),
    (SH, "assignment_open", "a proposed assignment", _staff("officer"),
     PartnerSheet(assignment=Assignment(status="proposed")), True),
    (SH, "assignment_open", "an active assignment", _staff("officer"),
     PartnerSheet(assignment=Assignment(status="active")), True),
    (SH, "assignment_open", "an ended assignment", _staff("officer"),
     PartnerSheet(assignment=Assignment(status="ended")), False),
    (SH, "assignment_open", "a declined assignment", _staff("officer"),
     PartnerSheet(assignment=Assignment(status="declined")), False),
    (SH, "assignment_open", "a withdrawn assignment", _staff("officer"),
     PartnerSheet(assignment=Assignment(status="withdrawn")), False),
    # Issue 11 §5: a partner records for a client its organisation supports; whoever recorded
    # the request withdraws it.
    (T, "recorder", "a partner of the organisation", _partner(70), _travel(), True),
    (T, "recorder", "a partner of another organisation", _partner(72, org_id=8), _travel(), False),
    (T, "recorder", "the client's officer", _staff("officer"), _travel(), True),
    (T, "recorder", "another officer", _staff("officer", user_id=51), _travel(), False),
    (T, "requester", "the partner who recorded it", _partner(70), _travel(), True),
    (T, "requester", "another member of the organisation", _partner(71), _travel(), False),
    (T, "case_staff", "the client's officer", _staff("officer"), _travel(), True),
    (T, "case_staff", "another officer", _staff("officer", user_id=51), _travel(), False),
    # Issue 11, point 1: the Kasi and the Kepala of the client's own Bapas hand it over …
    (HC, "same_office", "a supervisor of the client's Bapas", _staff("supervisor"),
     _handover(_pk(51)), True),
    (HC, "same_office", "a head of another Bapas", _staff("head", office_id=2), _handover(_pk(51)), False),
    # … to an active PK of that Bapas (not the one who has it already).
    (HC, "active_officer_of_office", "an active PK of the Bapas", _staff("supervisor"),
     _handover(_pk(51)), True),
    (HC, "active_officer_of_office", "a PK of another Bapas", _staff("supervisor"),
     _handover(_pk(51, office_id=2)), False),
    (HC, "active_officer_of_office", "a deactivated PK", _staff("supervisor"),
     _handover(_pk(51, active=False)), False),
    (HC, "active_officer_of_office", "a supervisor, not a PK", _staff("supervisor"),
     _handover(User(id=52, role="supervisor", office_id=1, active=True)), False),
    (HC, "active_officer_of_office", "the PK who has the client already", _staff("supervisor"),
     _handover(_pk(50)), False),
    (HK, "active_officer_of_office", "another active PK, for a case", _staff("head"),
     Reassignment(_case(), _pk(51)), True),
    (HK, "active_officer_of_office", "the case's own PK", _staff("head"), Reassignment(_case(), _pk(50)), False),
]


@pytest.mark.parametrize("code, guard, who, actor, subject, passes", GUARD_CASES,
                         ids=[f"{c[1]}-{c[2].replace(' ', '_')}" for c in GUARD_CASES])
def test_each_guard_means_what_the_rules_say(code, guard, who, actor, subject, passes):
    if code.guards[guard].test(actor, subject) is not passes:
        pytest.fail(f"guard {guard!r}: {who} should {'pass' if passes else 'be stopped'}",
                    pytrace=False)
