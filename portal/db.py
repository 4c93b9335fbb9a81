"""Column types and helpers shared by every model."""
from __future__ import annotations

import datetime as dt
import hashlib
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy import DateTime, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.types import TypeDecorator

if TYPE_CHECKING:
    from .extensions import Model

ModelRow = TypeVar("ModelRow", bound="Model")


def utcnow() -> dt.datetime:
    """Return the current time as an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


def today() -> dt.date:
    """Return today's date in Indonesia's western time zone (WIB, UTC+7)."""
    return (utcnow() + dt.timedelta(hours=7)).date()


def submission_digest(key: str | None) -> str | None:
    """What is stored of a form's submission key: its SHA-256. The key itself stays with the
    browser that rendered the form (it can derive a receipt, see complaints)."""
    key = (key or "").strip()
    return hashlib.sha256(key.encode()).hexdigest() if key else None


def find_submitted(model: type[ModelRow], key: str | None) -> ModelRow | None:
    """The row a form with this submission key already created (a second submit of the
    same form), or None."""
    digest = submission_digest(key)
    if digest is None:
        return None
    from .extensions import db
    return db.session.scalar(select(model).filter_by(submission_key=digest))


def add_once(row: ModelRow) -> tuple[ModelRow, bool]:
    """Add a row created from a form that carries a submission key. When a concurrent request
    with the same key stored its row first, roll back to before the insert and return that
    row instead: (row, True) when created here, (first row, False) for a duplicate."""
    from .extensions import db
    key = getattr(row, "submission_key", None)
    if not key:
        db.session.add(row)
        db.session.flush()
        return row, True
    try:
        with db.session.begin_nested():
            db.session.add(row)
            db.session.flush()
    except IntegrityError:
        existing = db.session.scalar(select(type(row)).filter_by(submission_key=key))
        if existing is None:
            raise
        return existing, False
    return row, True


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and always returned timezone-aware.

    SQLite keeps no zone, PostgreSQL keeps one; both come back as aware UTC.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a UTC column")
        value = value.astimezone(dt.UTC)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)
