"""Working days (hari kerja): Monday–Friday, minus Indonesia's public holidays (the
`holidays` package) and the collective-leave days (cuti bersama) an admin records."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from sqlalchemy import Date, String, select
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model, db

SERVICE_STANDARD_DAYS = 20


class CollectiveLeave(Model):
    """A collective-leave day (cuti bersama) set by government decree."""

    __tablename__ = "collective_leave"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    name: Mapped[str] = mapped_column(String(120))


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("ID", years=year))


def _leave_days(start: dt.date, end: dt.date) -> set[dt.date]:
    return set(db.session.scalars(select(CollectiveLeave.day).where(
        CollectiveLeave.day >= start, CollectiveLeave.day <= end)))


def is_working_day(day: dt.date, leave: set[dt.date] | None = None) -> bool:
    """Whether government offices work on `day`."""
    leave = leave if leave is not None else _leave_days(day, day)
    return day.weekday() < 5 and day not in _public_holidays(day.year) and day not in leave


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date `days` working days after `start` (the start day itself does not count)."""
    leave = _leave_days(start, start + dt.timedelta(days=days * 3 + 60))
    day, left = start, days
    while left > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day, leave):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    leave = _leave_days(start, end)
    count, day = 0, start
    while day < end:
        day += dt.timedelta(days=1)
        count += is_working_day(day, leave)
    return count


class DayListed(Exception):
    """The collective-leave day is already in the list."""


def _open_clocks_covering(day: dt.date):
    from .models import Complaint
    from .workflow import OPEN_STATES
    return db.session.scalars(select(Complaint).where(
        Complaint.status.in_(OPEN_STATES), Complaint.submitted_on < day, Complaint.due_on >= day))


def add_leave_day(actor, day: dt.date, name: str) -> CollectiveLeave:
    """List a collective-leave day; open cases whose 20-day window holds it get one more
    working day."""
    from .. import audit
    if db.session.scalar(select(CollectiveLeave.id).where(CollectiveLeave.day == day)):
        raise DayListed(day)
    leave = CollectiveLeave(day=day, name=name.strip())
    db.session.add(leave)
    db.session.flush()
    if is_working_day(day, set()):
        for complaint in _open_clocks_covering(day):
            complaint.due_on = add_working_days(complaint.due_on, 1)
    audit.record(actor, "calendar.leave_added", None, day=day)
    return leave


def remove_leave_day(actor, leave: CollectiveLeave) -> None:
    """Remove a collective-leave day; open cases it had extended lose that day again."""
    from .. import audit
    day = leave.day
    db.session.delete(leave)
    db.session.flush()
    if is_working_day(day):
        for complaint in _open_clocks_covering(day):
            previous = complaint.due_on - dt.timedelta(days=1)
            while not is_working_day(previous):
                previous -= dt.timedelta(days=1)
            complaint.due_on = previous
    audit.record(actor, "calendar.leave_removed", None, day=day)
