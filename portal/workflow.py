"""State machines as tables: one row per legal move, who may make it, what it needs."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable


class WorkflowError(Exception):
    """Base of the typed errors services raise; views turn them into flash messages."""


class InvalidTransition(WorkflowError):
    """The move is not legal from the object's current state."""


class NotPermitted(WorkflowError):
    """The user's role may not make this move."""


class StaleObject(WorkflowError):
    """Someone changed the object since the user loaded it."""


class MissingFields(WorkflowError):
    """The move needs fields that were not given."""

    def __init__(self, fields: Iterable[str]):
        self.fields = tuple(fields)
        super().__init__(", ".join(self.fields))


@dataclass(frozen=True)
class Transition:
    """One legal move: `action` takes an object from any of `sources` to `target`."""

    action: str
    sources: tuple[str, ...]
    target: str | None  # None: the state stays as it is (e.g. a renewal)
    roles: tuple[str, ...]
    requires: tuple[str, ...] = field(default=())


class Workflow:
    """A table of transitions with the checks every service uses."""

    def __init__(self, states: Iterable[str], transitions: Iterable[Transition]):
        self.states = tuple(states)
        self.transitions = {t.action: t for t in transitions}
        for t in self.transitions.values():
            unknown = (set(t.sources) | ({t.target} if t.target else set())) - set(self.states)
            if unknown:
                raise ValueError(f"{t.action}: unknown states {unknown}")

    def get(self, action: str) -> Transition:
        try:
            return self.transitions[action]
        except KeyError:
            raise InvalidTransition(action) from None

    def allowed(self, state: str, role: str) -> list[Transition]:
        """The moves `role` may make from `state`, in table order."""
        return [t for t in self.transitions.values() if state in t.sources and role in t.roles]

    def check(self, action: str, state: str, role: str, given: dict | None = None) -> Transition:
        """Raise unless `role` may make `action` from `state` with the required fields given."""
        transition = self.get(action)
        if state not in transition.sources:
            raise InvalidTransition(action)
        if role not in transition.roles:
            raise NotPermitted(action)
        given = given or {}
        missing = [f for f in transition.requires if given.get(f) in (None, "", [], False)]
        if missing:
            raise MissingFields(missing)
        return transition
