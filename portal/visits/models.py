"""Home visits (kunjungan rumah): planned, then recorded as made or missed."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clients.models import new_public_id
from ..db import UTCDateTime, utcnow
from ..extensions import Model

if TYPE_CHECKING:
    from ..auth.models import User
    from ..clients.models import Client
    from ..observations.models import Observation

STATES = ("planned", "done", "missed")


class HomeVisit(Model):
    """A visit to a client's home: why and when it is planned, and what was found."""

    __tablename__ = "home_visit"
    __table_args__ = (
        Index("ix_home_visit_client_status", "client_id", "status"),
        Index("ix_home_visit_office_status", "office_id", "status", "planned_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"), index=True)
    planned_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    planned_on: Mapped[dt.date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="planned")
    visited_on: Mapped[dt.date | None] = mapped_column(Date)
    met_whom: Mapped[str | None] = mapped_column(String(300))
    findings: Mapped[str | None] = mapped_column(Text)
    next_step: Mapped[str | None] = mapped_column(Text)
    missed_reason: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    recorded_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[Client] = relationship("Client")
    observation: Mapped[Observation | None] = relationship("Observation")
    planned_by: Mapped[User | None] = relationship("User", foreign_keys=[planned_by_id])
    recorded_by: Mapped[User | None] = relationship("User", foreign_keys=[recorded_by_id])
