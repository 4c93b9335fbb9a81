"""One row per reminder sent: inserted before anything is sent, so a second run of the daily
job (or a second worker at the same time) meets the unique constraint and sends nothing."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import UTCDateTime, utcnow
from ..extensions import Model

KINDS = ("day", "overdue")  # day N of the clock reached; past the due date (day 0)


class Reminder(Model):
    """A reminder of one case: day N of its clock, or that it is overdue."""

    __tablename__ = "reminder"
    __table_args__ = (UniqueConstraint("complaint_id", "kind", "day",
                                       name="uq_reminder_complaint_kind_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"))
    kind: Mapped[str] = mapped_column(String(10))
    day: Mapped[int] = mapped_column()
    sent_on: Mapped[dt.date] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
