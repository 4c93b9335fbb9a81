"""Opportunities (jobs, training, apprenticeships, education) and referrals of clients."""
from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Column, Date, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clients.models import new_public_id
from ..db import UTCDateTime, utcnow
from ..extensions import Model, db
from ..offices.models import Office, Region

if TYPE_CHECKING:
    from ..auth.models import User
    from ..clients.models import Client
    from ..partners.models import PartnerOrg

KINDS = ("job", "training", "apprenticeship", "education")
SECTORS = ("agriculture", "fisheries", "manufacturing", "garment", "construction", "trade",
           "food", "transport", "services", "creative", "technology", "health", "education",
           "other")
POSTING_KINDS = ("employer", "business", "ngo", "educator", "agency")  # partner kinds that post
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

opportunity_office = Table(
    "opportunity_office", db.metadata,
    Column("opportunity_id", ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True),
    Column("office_id", ForeignKey("office.id"), primary_key=True),
)


def new_referral_code() -> str:
    """A pseudonymous candidate code like RJK-7KQ2-M9XD."""
    chars = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"RJK-{chars[:4]}-{chars[4:]}"


class Opportunity(Model):
    """A job, training place, apprenticeship or education programme offered by a partner."""

    __tablename__ = "opportunity"
    __table_args__ = (Index("ix_opportunity_status_closes", "status", "closes_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    partner_org_id: Mapped[int] = mapped_column(ForeignKey("partner_org.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(160))
    description: Mapped[str] = mapped_column(Text)  # sanitized HTML
    sector: Mapped[str] = mapped_column(String(20))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"))
    city: Mapped[str] = mapped_column(String(120))
    places: Mapped[int] = mapped_column(default=1)
    requirements: Mapped[str | None] = mapped_column(Text)
    hours: Mapped[str | None] = mapped_column(String(200))
    pay: Mapped[str | None] = mapped_column(String(200))
    starts_on: Mapped[dt.date | None] = mapped_column(Date)
    closes_on: Mapped[dt.date] = mapped_column(Date)
    contact_method: Mapped[str] = mapped_column(Text)
    excluded_offences: Mapped[list] = mapped_column(JSON, default=list)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    moderation_note: Mapped[str | None] = mapped_column(Text)
    moderated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    moderated_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closed_reason: Mapped[str | None] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    partner_org: Mapped[PartnerOrg] = relationship("PartnerOrg")
    region: Mapped[Region] = relationship()
    offices: Mapped[list[Office]] = relationship(secondary=opportunity_office)

    __mapper_args__ = {"version_id_col": version}

    def open_to(self, office_id: int) -> bool:
        return any(o.id == office_id for o in self.offices)


class Referral(Model):
    """A client referred to an opportunity, pseudonymous to the partner until disclosure."""

    __tablename__ = "referral"
    __table_args__ = (Index("ix_referral_opportunity_status", "opportunity_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True, default=new_referral_code)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    consent_on: Mapped[dt.date] = mapped_column(Date)
    consent_method: Mapped[str] = mapped_column(String(20))
    disclose_now: Mapped[bool] = mapped_column(default=False)
    consent_assignment: Mapped[bool] = mapped_column(default=False)
    disclosed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    interview_on: Mapped[dt.date | None] = mapped_column(Date)
    partner_note: Mapped[str | None] = mapped_column(Text)
    placement_started_on: Mapped[dt.date | None] = mapped_column(Date)
    placement_ended_on: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    assignment_id: Mapped[int | None] = mapped_column(ForeignKey("assignment.id"))
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    opportunity: Mapped[Opportunity] = relationship()
    client: Mapped[Client] = relationship("Client")
    officer: Mapped[User | None] = relationship("User", foreign_keys=[officer_id])
    office: Mapped[Office] = relationship()
    events: Mapped[list[ReferralEvent]] = relationship(order_by="ReferralEvent.id.desc()",
                                                         cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}

    @property
    def disclosed(self) -> bool:
        return self.disclosed_at is not None


class ReferralEvent(Model):
    """One step of a referral (what the partner and the officer did)."""

    __tablename__ = "referral_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    referral_id: Mapped[int] = mapped_column(ForeignKey("referral.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[User | None] = relationship("User")
