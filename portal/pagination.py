"""Offset pagination over an indexed ordering: two queries per page, whatever the size."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from flask import request
from sqlalchemy import Select, func, select

from .extensions import db

T = TypeVar("T")
PER_PAGE = 25


@dataclass
class Page(Generic[T]):
    """One page of results and what the pager needs to link the others."""

    items: list[T]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_prev(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages


def page_number() -> int:
    """The ?page= argument, at least 1."""
    try:
        return max(1, int(request.args.get("page", 1)))
    except ValueError:
        return 1


def paginate(stmt: Select, page: int | None = None, per_page: int = PER_PAGE,
             scalars: bool = True) -> Page[Any]:
    """Run `stmt` (already ordered) for one page and count the whole."""
    page = page or page_number()
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    last = max(1, -(-total // per_page))
    page = min(page, last)
    query = stmt.limit(per_page).offset((page - 1) * per_page)
    result = db.session.scalars(query) if scalars else db.session.execute(query)
    return Page(list(result.all()), page, per_page, total)
