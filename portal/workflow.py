"""State machines as tables: one row per legal move, who may make it, what it needs, and the
guards (such as "assigned officer only") that narrow it. Services raise the typed errors
below; the request boundary (portal/boundary.py) turns them into translated messages."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from flask_babel import lazy_gettext as _l


class WorkflowError(Exception):
    """Base of the typed errors services raise; `message` says why, in the user's words."""

    message: Any = _l("This action is not possible for you in the current state.")


class InvalidTransition(WorkflowError):
    """The move is not legal from the object's current state."""

    def __init__(self, action: str, state: str | None = None, state_label: Any = None):
        super().__init__(action)
        self.action, self.state = action, state
        if state_label is not None:
            self.message = _l("This step is not possible while the status is “%(state)s”.",
                              state=state_label)
        else:
            self.message = _l("This step is not possible in the current state.")


class NotPermitted(WorkflowError):
    """The user may not make this move: their role, or a guard of the row, says no."""

    def __init__(self, action: str, reason: str = "role", message: Any = None):
        super().__init__(action)
        self.action, self.reason = action, reason
        self.message = message if message is not None else _l("Your role cannot take this step.")


class StaleObject(WorkflowError):
    """Someone changed the object since the user loaded it."""

    message = _l("Someone else changed this record while you were working on it. Nothing was "
                 "saved; check the current state and try again.")


class MissingFields(WorkflowError):
    """The move needs things that were not given; `labels` name them in words."""

    def __init__(self, fields: Iterable[str], labels: Iterable[Any] = ()):
        self.fields = tuple(fields)
        self.labels = tuple(labels) or self.fields
        super().__init__(", ".join(self.fields))
        self.message = _l("Something this step needs is missing: %(things)s.",
                          things=_LazyJoin(self.labels))


class Refused(WorkflowError):
    """A rule of a service said no; `message` is the translated reason."""

    def __init__(self, message: Any, code: str = "refused"):
        super().__init__(code)
        self.code = code
        self.message = message


class _LazyJoin:
    """Joins lazy strings at display time, in the reader's language."""

    def __init__(self, parts: Iterable[Any]):
        self.parts = tuple(parts)

    def __str__(self) -> str:
        return ", ".join(str(p) for p in self.parts)


class Versioned(Protocol):
    """A record with an optimistic-locking version counter."""

    @property
    def version(self) -> int: ...


def check_version(subject: Versioned, version: object) -> None:
    """StaleObject unless the form was loaded from the record's current version (someone
    else's change since then is never overwritten)."""
    if version in (None, "") or str(version) != str(subject.version):
        raise StaleObject(type(subject).__name__)


@dataclass(frozen=True)
class Guard:
    """A predicate on (actor, subject) that a row may require, and why it refuses."""

    name: str
    test: Callable[[Any, Any], bool]
    message: Any


@dataclass(frozen=True)
class Transition:
    """One legal move: `action` takes an object from any of `sources` to `target`."""

    action: str
    sources: tuple[str, ...]
    target: str | None  # None: the state stays as it is (a renewal, a note, a record)
    roles: tuple[str, ...]
    requires: tuple[str, ...] = field(default=())
    guards: tuple[str, ...] = field(default=())


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value is False


class Workflow:
    """A table of transitions with the checks every service uses."""

    def __init__(self, states: Iterable[str], transitions: Iterable[Transition], *,
                 state_labels: Mapping[str, Any] | None = None,
                 field_labels: Mapping[str, Any] | None = None,
                 guards: Iterable[Guard] = ()):
        self.states = tuple(states)
        self.transitions = {t.action: t for t in transitions}
        self.state_labels = dict(state_labels or {})
        self.field_labels = dict(field_labels or {})
        self.guards = {g.name: g for g in guards}
        for t in self.transitions.values():
            unknown = (set(t.sources) | ({t.target} if t.target else set())) - set(self.states)
            if unknown:
                raise ValueError(f"{t.action}: unknown states {sorted(unknown)}")
            if set(t.guards) - set(self.guards):
                raise ValueError(f"{t.action}: unknown guards {sorted(set(t.guards) - set(self.guards))}")
            unlabelled = [f for f in t.requires if f not in self.field_labels]
            if unlabelled:
                raise ValueError(f"{t.action}: no label for required {unlabelled}")

    def get(self, action: str) -> Transition:
        """The row of `action`; InvalidTransition when there is none."""
        try:
            return self.transitions[action]
        except KeyError:
            raise InvalidTransition(action) from None

    def _guard_failure(self, transition: Transition, actor: Any, subject: Any) -> Guard | None:
        for name in transition.guards:
            guard = self.guards[name]
            if not guard.test(actor, subject):
                return guard
        return None

    def allowed(self, state: str, role: str, actor: Any = None, subject: Any = None) -> list[Transition]:
        """The moves `role` may make from `state`, in table order; with `actor` and `subject`
        the rows' guards are applied too."""
        return [t for t in self.transitions.values()
                if state in t.sources and role in t.roles
                and (subject is None or self._guard_failure(t, actor, subject) is None)]

    def blocked(self, action: str, state: str, role: str, given: Mapping[str, object] | None = None,
                *, actor: Any = None, subject: Any = None,
                only: Iterable[str] | None = None) -> list[Any] | None:
        """What stands between `role` and `action`: None when the move is not open to them at
        all (wrong state, role, or — given `subject` — a guard: it is not shown); otherwise the
        labels of the required things `given` lacks (among `only`, when named); empty when the
        move may be made."""
        transition = self.transitions.get(action)
        if transition is None or state not in transition.sources or role not in transition.roles:
            return None
        if (subject is not None and transition.guards
                and self._guard_failure(transition, actor, subject) is not None):
            return None
        given = given or {}
        wanted = set(only) if only is not None else set(transition.requires)
        return [self.field_labels[f] for f in transition.requires
                if f in wanted and _empty(given.get(f))]

    def check(self, action: str, state: str, role: str, given: Mapping[str, object] | None = None,
              *, actor: Any = None, subject: Any = None) -> Transition:
        """Raise unless `role` may make `action` from `state`, the row's guards hold for
        (`actor`, `subject`), and the required things are given."""
        transition = self.get(action)
        if state not in transition.sources:
            raise InvalidTransition(action, state, self.state_labels.get(state))
        if role not in transition.roles:
            raise NotPermitted(action)
        if transition.guards:
            failed = self._guard_failure(transition, actor, subject)
            if failed is not None:
                raise NotPermitted(action, failed.name, failed.message)
        given = given or {}
        missing = [f for f in transition.requires if _empty(given.get(f))]
        if missing:
            raise MissingFields(missing, [self.field_labels[f] for f in missing])
        return transition
