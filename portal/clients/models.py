"""The client register, partner assignments, monthly check-ins and the client timeline."""
from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import UTCDateTime, utcnow
from ..extensions import Model
from ..offices.models import Office

if TYPE_CHECKING:
    from ..auth.models import User
    from ..observations.models import Observation
    from ..partners.models import PartnerOrg

PROGRAMMES = ("PB", "CB", "CMB", "asimilasi")
RISK_LEVELS = ("low", "medium", "high")
RELATIONSHIPS = ("family", "employer", "educator", "mentor", "religious", "community", "ngo")
CHECKIN_OUTCOMES = ("attended", "remote", "excused", "missed")
MISSED_ALERT = 3
SUPERVISED = ("active", "intensive")  # statuses in which partners may see a client


def new_public_id() -> str:
    """An opaque id for URLs: no name, NIK or register number ever appears in one."""
    return secrets.token_urlsafe(12)


class Client(Model):
    """A person under the supervision of a Bapas."""

    __tablename__ = "client"
    __table_args__ = (
        UniqueConstraint("office_id", "register_number", name="uq_client_office_register"),
        Index("ix_client_office_status", "office_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    register_number: Mapped[str] = mapped_column(String(60))
    full_name: Mapped[str] = mapped_column(String(120))
    programme: Mapped[str] = mapped_column(String(12))
    supervision_start_on: Mapped[dt.date] = mapped_column(Date)
    supervision_end_on: Mapped[dt.date] = mapped_column(Date)
    general_conditions: Mapped[str | None] = mapped_column(Text)
    special_conditions: Mapped[str | None] = mapped_column(Text)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    risk_level: Mapped[str] = mapped_column(String(10), default="medium")
    status: Mapped[str] = mapped_column(String(24), default="active")
    area: Mapped[str | None] = mapped_column(String(120))
    nik: Mapped[str | None] = mapped_column(String(16))
    birth_on: Mapped[dt.date | None] = mapped_column(Date)  # staff only; finds the client at triage
    decree_number: Mapped[str | None] = mapped_column(String(80))
    offence_category: Mapped[str | None] = mapped_column(String(40))
    transferred_to_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"))
    consecutive_misses: Mapped[int] = mapped_column(default=0, index=True)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    office: Mapped[Office] = relationship(foreign_keys=[office_id])
    transferred_to: Mapped[Office | None] = relationship(foreign_keys=[transferred_to_id])
    officer: Mapped[User | None] = relationship("User", foreign_keys=[officer_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def under_supervision(self) -> bool:
        return self.status in SUPERVISED

    def __repr__(self) -> str:
        return f"<Client {self.id} {self.status}>"


class Assignment(Model):
    """A client assigned to a partner organisation: the only door through which a partner
    sees a client."""

    __tablename__ = "assignment"
    __table_args__ = (Index("ix_assignment_org_status", "partner_org_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    partner_org_id: Mapped[int] = mapped_column(ForeignKey("partner_org.id"))
    relationship_kind: Mapped[str] = mapped_column(String(20))
    starts_on: Mapped[dt.date] = mapped_column(Date)
    ends_on: Mapped[dt.date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    proposed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    end_reason: Mapped[str | None] = mapped_column(String(30))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    client: Mapped[Client] = relationship()
    partner_org: Mapped[PartnerOrg] = relationship("PartnerOrg")
    proposed_by: Mapped[User | None] = relationship("User", foreign_keys=[proposed_by_id])

    def visible_on(self, day: dt.date) -> bool:
        """Whether the partner may see the client on `day`."""
        return (self.status == "active" and self.starts_on <= day <= self.ends_on
                and self.client.under_supervision)


class CheckIn(Model):
    """One month's wajib lapor (reporting to the Bapas)."""

    __tablename__ = "check_in"
    __table_args__ = (UniqueConstraint("client_id", "month", name="uq_check_in_month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    month: Mapped[dt.date] = mapped_column(Date)  # the first day of the month
    outcome: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    recorded_by: Mapped[User | None] = relationship("User")


class ClientEvent(Model):
    """One entry of a client's timeline (staff only)."""

    __tablename__ = "client_event"
    __table_args__ = (Index("ix_client_event_client_kind", "client_id", "kind", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    kind: Mapped[str] = mapped_column(String(20))  # status | assignment | checkin | observation | record
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))
    note: Mapped[str | None] = mapped_column(Text)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id"))
    check_in_id: Mapped[int | None] = mapped_column(ForeignKey("check_in.id"))
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"))

    actor: Mapped[User | None] = relationship("User")
    assignment: Mapped[Assignment | None] = relationship("Assignment")
    check_in: Mapped[CheckIn | None] = relationship("CheckIn")
    observation: Mapped[Observation | None] = relationship("Observation")
