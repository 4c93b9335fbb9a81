"""Supervision conditions (kontrak bimbingan), the partner sheet of an assignment, travel notices."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import Column, Date, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clients.models import new_public_id
from ..db import UTCDateTime, utcnow
from ..extensions import Model

if TYPE_CHECKING:
    from ..auth.models import User
    from ..clients.models import Assignment, Client

KINDS = ("general", "special")
# The special conditions the issue names; "other" carries its own text.
SPECIAL_CODES = ("stay_in_area", "work_or_study", "no_drugs_alcohol", "no_criminal_associates",
                 "rehabilitation", "other")

sheet_condition = Table(
    "partner_sheet_condition", Model.metadata,
    Column("sheet_id", ForeignKey("partner_sheet.id", ondelete="CASCADE"), primary_key=True),
    Column("condition_id", ForeignKey("supervision_condition.id"), primary_key=True),
)


class Condition(Model):
    """One condition of a client's supervision, general or special, with its dates."""

    __tablename__ = "supervision_condition"
    __table_args__ = (Index("ix_supervision_condition_client_status", "client_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    kind: Mapped[str] = mapped_column(String(12))
    code: Mapped[str | None] = mapped_column(String(30))  # special conditions only
    text: Mapped[str | None] = mapped_column(Text)
    starts_on: Mapped[dt.date] = mapped_column(Date)
    review_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(12), default="in_force")
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    client: Mapped[Client] = relationship("Client")

    __mapper_args__ = {"version_id_col": version}


class PartnerSheet(Model):
    """What one partner needs to know for one assignment: the conditions it helps with, what to
    watch for, whom to call and when. Never the offence, NIK, risk or court data."""

    __tablename__ = "partner_sheet"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id"), unique=True)
    status: Mapped[str] = mapped_column(String(12), default="current")
    watch_for: Mapped[str | None] = mapped_column(Text)
    contact: Mapped[str] = mapped_column(Text)
    written_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    assignment: Mapped[Assignment] = relationship("Assignment")
    conditions: Mapped[list[Condition]] = relationship(secondary=sheet_condition,
                                                       order_by="Condition.id")
    written_by: Mapped[User | None] = relationship("User")

    __mapper_args__ = {"version_id_col": version}

    @property
    def client(self) -> Client:
        return self.assignment.client


class TravelNotice(Model):
    """A client's request to travel outside the area, recorded by a partner or the PK."""

    __tablename__ = "travel_notice"
    __table_args__ = (Index("ix_travel_notice_office_status", "office_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    partner_org_id: Mapped[int | None] = mapped_column(ForeignKey("partner_org.id"))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    destination: Mapped[str] = mapped_column(String(200))
    from_on: Mapped[dt.date] = mapped_column(Date)
    to_on: Mapped[dt.date] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12), default="requested")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)  # refusal reason or approval conditions
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    client: Mapped[Client] = relationship("Client")
    requested_by: Mapped[User] = relationship("User", foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship("User", foreign_keys=[decided_by_id])

    __mapper_args__ = {"version_id_col": version}
