"""Column types and helpers shared by every model."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator


def utcnow() -> dt.datetime:
    """Return the current time as an aware UTC datetime."""
    return dt.datetime.now(dt.timezone.utc)


def today() -> dt.date:
    """Return today's date in Indonesia's western time zone (WIB, UTC+7)."""
    return (utcnow() + dt.timedelta(hours=7)).date()


def find_submitted(model, key: str | None):
    """The row a form with this submission key already created (a second submit of the
    same form), or None."""
    if not key:
        return None
    from sqlalchemy import select

    from .extensions import db
    return db.session.scalar(select(model).where(model.submission_key == key))


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
        value = value.astimezone(dt.timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)
