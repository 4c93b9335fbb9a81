"""Partner organisations (with their application), their timeline and PKS reminders."""
from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import UTCDateTime, utcnow
from ..extensions import Model
from ..offices.models import Office

if TYPE_CHECKING:
    from ..auth.models import User

KINDS = ("individual", "family", "educator", "employer", "ngo", "religious", "academic",
         "business", "agency")
FIELDS = ("education", "work", "health", "mental_spiritual", "supervision")
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """An application reference like PKM-7KQ2-M9XD (not guessable, easy to read aloud)."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"PKM-{chars[:4]}-{chars[4:]}"


def new_public_id() -> str:
    """An opaque id for URLs."""
    return secrets.token_urlsafe(12)


class PartnerOrg(Model):
    """A partner (organisation or individual), from application to the end of the PKS."""

    __tablename__ = "partner_org"
    __table_args__ = (Index("ix_partner_org_office_status", "office_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    reference: Mapped[str] = mapped_column(String(16), unique=True, default=new_reference)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(20), default="unconfirmed", index=True)
    version: Mapped[int] = mapped_column(default=1)

    applicant_type: Mapped[str] = mapped_column(String(20))  # individual | organisation
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(160))
    fields: Mapped[list] = mapped_column(JSON, default=list)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    contact_name: Mapped[str] = mapped_column(String(120))
    email: Mapped[str] = mapped_column(String(254))
    phone: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(Text)
    motivation: Mapped[str] = mapped_column(Text)
    consent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    locale: Mapped[str] = mapped_column(String(5), default="id")
    email_confirmed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    documents_verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    visit_on: Mapped[dt.date | None] = mapped_column(Date)
    visit_notes: Mapped[str | None] = mapped_column(Text)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    pks_number: Mapped[str | None] = mapped_column(String(80))
    pks_signed_on: Mapped[dt.date | None] = mapped_column(Date)
    pks_valid_until: Mapped[dt.date | None] = mapped_column(Date, index=True)

    listed_publicly: Mapped[bool] = mapped_column(default=False)
    public_description: Mapped[str | None] = mapped_column(Text)
    website: Mapped[str | None] = mapped_column(String(200))

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    office: Mapped[Office] = relationship()
    events: Mapped[list[PartnerEvent]] = relationship(
        back_populates="org", order_by="PartnerEvent.id.desc()", cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_active(self) -> bool:
        return self.status == "active"

    def __repr__(self) -> str:
        return f"<PartnerOrg {self.reference} {self.status}>"


class PartnerEvent(Model):
    """One entry of an application's or partner's timeline."""

    __tablename__ = "partner_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("partner_org.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)

    org: Mapped[PartnerOrg] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship("User")


class PksReminder(Model):
    """A PKS expiry reminder already sent (so the daily job never sends it twice)."""

    __tablename__ = "pks_reminder"
    __table_args__ = (UniqueConstraint("org_id", "valid_until", "days_before",
                                       name="uq_pks_reminder_once"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    org_id: Mapped[int] = mapped_column(ForeignKey("partner_org.id"), index=True)
    valid_until: Mapped[dt.date] = mapped_column(Date)
    days_before: Mapped[int] = mapped_column()
    sent_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
