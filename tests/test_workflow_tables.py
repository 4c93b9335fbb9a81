"""Each workflow table of the code against the rules typed out by hand in workflow_rules.py,
both ways: a move the rules name and the code lacks fails, a move the code has and the rules
do not name fails, and every difference of states, target, roles, requirements or guards
fails with both versions side by side."""
from __future__ import annotations

import pytest

from portal.clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
from portal.complaints.workflow import COMPLAINT_WORKFLOW
from portal.jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
from portal.observations.workflow import OBSERVATION_WORKFLOW
from portal.partners.workflow import PARTNER_WORKFLOW

from . import workflow_rules as rules

PAIRS = [
    (rules.COMPLAINT, COMPLAINT_WORKFLOW),
    (rules.PARTNER, PARTNER_WORKFLOW),
    (rules.CLIENT, CLIENT_WORKFLOW),
    (rules.ASSIGNMENT, ASSIGNMENT_WORKFLOW),
    (rules.OBSERVATION, OBSERVATION_WORKFLOW),
    (rules.POSTING, POSTING_WORKFLOW),
    (rules.REFERRAL, REFERRAL_WORKFLOW),
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
    return f"{what}: the rules say {_set(written)}, the code says {_set(coded)} ({'; '.join(parts)})"


@pytest.mark.parametrize("written, code, action", ROWS,
                         ids=[f"{w.name}-{a}" for w, _, a in ROWS])
def test_each_written_move_is_in_the_code_as_written(written, code, action):
    rule = written.rows[action]
    row = code.transitions.get(action)
    if row is None:
        pytest.fail(f"{written.name} workflow: the move {action!r} is missing from the code", pytrace=False)
    differences = [d for d in (
        _compare("from", rule.sources, frozenset(row.sources)),
        None if rule.target == row.target else
        f"to: the rules say {rule.target!r}, the code says {row.target!r}",
        _compare("roles", rule.roles, frozenset(row.roles)),
        _compare("requires", rule.requires, frozenset(row.requires)),
        _compare("guards", rule.guards, frozenset(row.guards)),
    ) if d]
    if differences:
        pytest.fail(f"{written.name} workflow, {action!r}:\n  " + "\n  ".join(differences), pytrace=False)


@pytest.mark.parametrize("written, code", PAIRS, ids=[w.name for w, _ in PAIRS])
def test_the_code_has_no_move_and_no_state_the_rules_do_not_name(written, code):
    extra_moves = sorted(set(code.transitions) - set(written.rows))
    states = _compare("states", written.states, frozenset(code.states))
    problems = ([f"moves in the code that no rule names: {extra_moves}"] if extra_moves else []) + \
        ([states] if states else [])
    if problems:
        pytest.fail(f"{written.name} workflow: " + "\n  ".join(problems), pytrace=False)
