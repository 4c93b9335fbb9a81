"""portal/workflow.py itself, on a small workflow written here: what check() raises and in which
order, what the errors carry, what the constructor refuses, what allowed() offers."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from flask_babel import force_locale

from portal.workflow import Guard, InvalidTransition, MissingFields, NotPermitted, Transition, Workflow

OWNER_ONLY = "Only the owner of the file can do this."


def _owner(actor, subject) -> bool:
    return actor is not None and actor.id == subject.owner_id


def _workflow(**changes) -> Workflow:
    spec = dict(
        states=("open", "closed", "archived"),
        transitions=[
            Transition("close", ("open",), "closed", ("clerk", "chief"), requires=("reason", "on"),
                       guards=("owner",)),
            Transition("note", ("open", "closed"), None, ("clerk",)),
            Transition("archive", ("closed",), "archived", ("chief",)),
        ],
        state_labels={"open": "Open", "closed": "Closed", "archived": "Archived"},
        field_labels={"reason": "the reason", "on": "the date"},
        guards=[Guard("owner", _owner, OWNER_ONLY)],
    )
    spec.update(changes)
    return Workflow(spec.pop("states"), spec.pop("transitions"), **spec)


OWNER, STRANGER = SimpleNamespace(id=1), SimpleNamespace(id=2)
FILE = SimpleNamespace(owner_id=1)
GIVEN = {"reason": "done", "on": "2026-05-01"}


def test_check_returns_the_row_when_everything_holds():
    workflow = _workflow()
    row = workflow.check("close", "open", "clerk", GIVEN, actor=OWNER, subject=FILE)
    assert (row.action, row.target) == ("close", "closed")
    assert workflow.check("note", "closed", "clerk").target is None


def test_check_refuses_in_order_state_role_guard_requirements(app):
    workflow = _workflow()
    # the wrong state wins over everything else that is also wrong
    with pytest.raises(InvalidTransition) as wrong_state:
        workflow.check("close", "closed", "partner", {}, actor=STRANGER, subject=FILE)
    assert (wrong_state.value.action, wrong_state.value.state) == ("close", "closed")
    with app.test_request_context(), force_locale("en"):
        assert str(wrong_state.value.message) == \
            "This step is not possible while the status is “Closed”."
    # an action the table does not know is not possible in any state
    with pytest.raises(InvalidTransition) as unknown:
        workflow.check("reopen", "closed", "chief")
    assert (unknown.value.action, unknown.value.state) == ("reopen", None)
    # then the role
    with pytest.raises(NotPermitted) as wrong_role:
        workflow.check("close", "open", "partner", {}, actor=STRANGER, subject=FILE)
    assert (wrong_role.value.action, wrong_role.value.reason) == ("close", "role")
    with app.test_request_context(), force_locale("en"):
        assert str(wrong_role.value.message) == "Your role cannot take this step."
    # then the row's guards, which name themselves and say why
    with pytest.raises(NotPermitted) as guarded:
        workflow.check("close", "open", "chief", {}, actor=STRANGER, subject=FILE)
    assert (guarded.value.action, guarded.value.reason, guarded.value.message) == ("close", "owner", OWNER_ONLY)
    # then the things the step needs: empty, None and absent all count as missing
    with pytest.raises(MissingFields) as missing:
        workflow.check("close", "open", "chief", {"reason": "", "on": None}, actor=OWNER,
                       subject=FILE)
    assert missing.value.fields == ("reason", "on")
    assert missing.value.labels == ("the reason", "the date")
    with app.test_request_context(), force_locale("en"):
        assert str(missing.value.message) == \
            "Something this step needs is missing: the reason, the date."
    with pytest.raises(MissingFields) as one_missing:
        workflow.check("close", "open", "chief", {"reason": "done"}, actor=OWNER, subject=FILE)
    assert one_missing.value.labels == ("the date",)


def test_a_state_without_a_label_still_refuses(app):
    workflow = _workflow(state_labels={})
    with pytest.raises(InvalidTransition) as error:
        workflow.check("archive", "open", "chief")
    assert error.value.state == "open"
    with app.test_request_context(), force_locale("en"):
        assert str(error.value.message) == "This step is not possible in the current state."


@pytest.mark.parametrize("changes, complaint", [
    ({"transitions": [Transition("close", ("open",), "shut", ("clerk",))]},
     "unknown states ['shut']"),
    ({"transitions": [Transition("close", ("ajar",), "closed", ("clerk",))]},
     "unknown states ['ajar']"),
    ({"transitions": [Transition("close", ("open",), "closed", ("clerk",),
                                 guards=("chief_only",))]},
     "unknown guards ['chief_only']"),
    ({"transitions": [Transition("close", ("open",), "closed", ("clerk",),
                                 requires=("stamp",))]},
     "no label for required ['stamp']"),
])
def test_construction_refuses_what_the_table_cannot_mean(changes, complaint):
    with pytest.raises(ValueError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        _workflow(**changes)


def test_allowed_lists_the_moves_of_a_role_in_a_state():
    workflow = _workflow()
    names = lambda rows: [t.action for t in rows]  # noqa: E731
    # without actor and subject the guards are not applied
    assert names(workflow.allowed("open", "clerk")) == ["close", "note"]
    assert names(workflow.allowed("open", "chief")) == ["close"]
    assert names(workflow.allowed("closed", "chief")) == ["archive"]
    assert names(workflow.allowed("archived", "chief")) == []
    assert names(workflow.allowed("open", "partner")) == []
    # with them, a move whose guard says no is not offered
    assert names(workflow.allowed("open", "clerk", OWNER, FILE)) == ["close", "note"]
    assert names(workflow.allowed("open", "clerk", STRANGER, FILE)) == ["note"]
