"""The registry of a work home's lists. A list is a function (user, home) → Listing (a count,
the first items, a link to the filtered list page) registered for some roles with
`@section(...)`; a package adds one to the PK's or the Kasi's home in a few lines:

    from portal.homes.sections import Item, Listing, section, window

    @section("visits_due", _l("Home visits due or overdue"), ("officer", "supervisor"), order=35)
    def visits_due(user, home):
        rows = db.session.execute(window(select(HomeVisit) ... , home.limit)).all()
        return Listing.of(rows, lambda v: Item(v.client.full_name, url_for(...)), url_for(...))

Each list costs one query whatever the data size: `window()` adds the total as a window
count to the query of the first items."""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlalchemy import Row, func

from ..auth.models import User
from ..db import today

LIMIT = 8  # items shown per list; the count links to the whole filtered list


@dataclass(frozen=True)
class Item:
    """One line of a list: what it says, where it leads, small facts (labels, dates) and
    the actions the table allows (label, link)."""

    text: str
    href: str
    notes: tuple[str, ...] = ()
    warn: bool = False
    actions: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Listing:
    """What a list shows: how many in all, the first items, the filtered list page."""

    count: int
    items: list[Item]
    link: str | None = None

    @classmethod
    def of(cls, rows: Sequence[Row[Any]], item: Callable[[Any], Item], link: str | None) -> Listing:
        """From rows of window(): (object, total) pairs."""
        total = int(rows[0][-1]) if rows else 0
        return cls(total, [item(row[0]) for row in rows], link)


@dataclass
class Home:
    """What every list of one home shares: the day, the scope, the item limit."""

    user: User
    day: dt.date = field(default_factory=today)
    limit: int = LIMIT

    @property
    def own(self) -> bool:
        """An officer's home shows their own caseload; the Kasi's and Kepala's the Bapas."""
        return self.user.role == "officer"

    @cached_property
    def routine_late_before(self) -> dt.datetime:
        """Routine observations that arrived before this moment are unanswered too long."""
        from .escalation import late_before
        return late_before(self.day)


Loader = Callable[[User, Home], Listing]


@dataclass(frozen=True)
class Section:
    """A registered list: its key (also the HTML id), title, roles and place on the page."""

    key: str
    title: Any
    roles: tuple[str, ...]
    load: Loader
    order: int = 100
    hint: Any = None


SECTIONS: dict[str, Section] = {}


def section(key: str, title: Any, roles: Iterable[str], *, order: int = 100,
            hint: Any = None) -> Callable[[Loader], Loader]:
    """Register a list for the homes of `roles` (see the module's docstring)."""
    def register(load: Loader) -> Loader:
        SECTIONS[key] = Section(key, title, tuple(roles), load, order, hint)
        return load
    return register


def window(stmt: Any, limit: int) -> Any:
    """The first `limit` rows of `stmt`, each with the total count of the whole list."""
    return stmt.add_columns(func.count().over().label("total")).limit(limit)


def sections_for(user: User) -> list[Section]:
    """The lists of the user's home, in page order."""
    return sorted((s for s in SECTIONS.values() if user.role in s.roles), key=lambda s: (s.order, s.key))


def load_all(user: User, home: Home | None = None) -> list[tuple[Section, Listing]]:
    """Every list of the user's home with its data (one query per list)."""
    home = home or Home(user)
    return [(s, s.load(user, home)) for s in sections_for(user)]
