"""Revocation complaints, their timeline, examination records (BAP), TPP hearings,
decisions, and the documents issued from them."""
from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import UTCDateTime, utcnow
from ..extensions import Model
from ..offices.models import Office

if TYPE_CHECKING:
    from ..auth.models import User
    from ..clients.models import Client

# "monitoring": filed by staff from their own supervision (a partner's suspected-violation
# observation or the three-missed-check-ins alert), issue 10 point 7.
CHANNELS = ("portal", "public", "oral", "letter", "monitoring")
CLOSING_REASONS = ("not_violation", "insufficient", "duplicate", "outside")
SUBJECTS = ("complainant", "client", "witness")
SEXES = ("male", "female")
HEARING_KINDS = ("regular", "special")
RECOMMENDATIONS = ("not_pursued", "warning", "temporary_revocation")
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SECRET_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def new_reference() -> str:
    """A complaint reference like ADU-K7Q2-M9XD."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"ADU-{chars[:4]}-{chars[4:]}"


def new_secret() -> str:
    """The 16-character receipt secret shown once to the complainant."""
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(16))


class Complaint(Model):
    """A written request to revoke a client's parole (permohonan pencabutan)."""

    __tablename__ = "complaint"
    __table_args__ = (Index("ix_complaint_office_status", "office_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True, default=new_reference)
    secret_hash: Mapped[str] = mapped_column(String(255))
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    channel: Mapped[str] = mapped_column(String(10))
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    client_name: Mapped[str | None] = mapped_column(String(120))
    client_area: Mapped[str | None] = mapped_column(String(120))
    client_register_number: Mapped[str | None] = mapped_column(String(60))
    grounds: Mapped[list] = mapped_column(JSON, default=list)
    missed_visits: Mapped[int | None] = mapped_column()
    narrative: Mapped[str] = mapped_column(Text)
    incident_from_on: Mapped[dt.date | None] = mapped_column(Date)
    incident_to_on: Mapped[dt.date | None] = mapped_column(Date)
    incident_place: Mapped[str | None] = mapped_column(String(200))
    witnesses: Mapped[str | None] = mapped_column(Text)
    complainant_name: Mapped[str] = mapped_column(String(120))
    complainant_phone: Mapped[str | None] = mapped_column(String(20))
    complainant_email: Mapped[str | None] = mapped_column(String(254))
    complainant_relationship: Mapped[str | None] = mapped_column(String(120))
    complainant_user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    partner_org_id: Mapped[int | None] = mapped_column(ForeignKey("partner_org.id"), index=True)
    # The observation the case was opened from: one case per observation.
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"), unique=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    declaration_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    locale: Mapped[str] = mapped_column(String(5), default="id")
    status: Mapped[str] = mapped_column(String(24), default="submitted", index=True)
    assigned_officer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    submitted_on: Mapped[dt.date] = mapped_column(Date)
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    paused_since: Mapped[dt.date | None] = mapped_column(Date)
    info_due_on: Mapped[dt.date | None] = mapped_column(Date)
    closing_reason: Mapped[str | None] = mapped_column(String(20))
    flagged_malicious: Mapped[bool] = mapped_column(default=False)
    flag_reason: Mapped[str | None] = mapped_column(Text)
    decree_number: Mapped[str | None] = mapped_column(String(80))
    decree_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_in_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"))
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    office: Mapped[Office] = relationship(foreign_keys=[office_id])
    client: Mapped[Client | None] = relationship("Client")
    assigned_officer: Mapped[User | None] = relationship("User", foreign_keys=[assigned_officer_id])
    decided_in: Mapped[Complaint | None] = relationship("Complaint", remote_side=[id],
                                                        foreign_keys=[decided_in_id])
    events: Mapped[list[ComplaintEvent]] = relationship(
        order_by="ComplaintEvent.id.desc()", cascade="all, delete-orphan")
    examinations: Mapped[list[ExaminationRecord]] = relationship(
        order_by="ExaminationRecord.id", cascade="all, delete-orphan")
    hearings: Mapped[list[Hearing]] = relationship(order_by="Hearing.id",
                                                     cascade="all, delete-orphan")
    sanctions: Mapped[list[Sanction]] = relationship(order_by="Sanction.id",
                                                     cascade="all, delete-orphan",
                                                     back_populates="complaint")
    execution: Mapped[Execution | None] = relationship(cascade="all, delete-orphan",
                                                       uselist=False)

    __mapper_args__ = {"version_id_col": version}


class ComplaintEvent(Model):
    """One entry of a case timeline: a move, an internal note, or a message."""

    __tablename__ = "complaint_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    by_complainant: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[str] = mapped_column(String(20))  # move | note | message | reply | evidence | record
    action: Mapped[str | None] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(24))
    to_status: Mapped[str | None] = mapped_column(String(24))
    visibility: Mapped[str] = mapped_column(String(12), default="internal")  # internal | complainant
    body: Mapped[str | None] = mapped_column(Text)

    actor: Mapped[User | None] = relationship("User")


class ExaminationRecord(Model):
    """A BAP (berita acara pemeriksaan): of the complainant, the client or a witness."""

    __tablename__ = "examination_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    subject: Mapped[str] = mapped_column(String(12))
    subject_name: Mapped[str] = mapped_column(String(120))
    examiner_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    examined_on: Mapped[dt.date] = mapped_column(Date)
    place: Mapped[str] = mapped_column(String(200))
    questions: Mapped[list] = mapped_column(JSON, default=list)  # [{"q": ..., "a": ...}]
    # The identity block of the person examined (each optional where unknown).
    birth_place: Mapped[str | None] = mapped_column(String(120))
    birth_on: Mapped[dt.date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(10))  # SEXES
    religion: Mapped[str | None] = mapped_column(String(40))
    occupation: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    nik: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    examiner: Mapped[User] = relationship("User")


class Hearing(Model):
    """The TPP (Tim Pengamat Pemasyarakatan) hearing and its recommendation."""

    __tablename__ = "hearing"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date)
    members: Mapped[str] = mapped_column(Text)
    recommendation: Mapped[str] = mapped_column(String(24))
    minutes: Mapped[str] = mapped_column(Text)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    kind: Mapped[str | None] = mapped_column(String(10))  # HEARING_KINDS: rutin | khusus
    place: Mapped[str | None] = mapped_column(String(200))
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    secretary_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    member_ids: Mapped[list | None] = mapped_column(JSON)  # the other members present (user ids)
    team_size: Mapped[int | None] = mapped_column()  # members of the TPP, for the quorum
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    chair: Mapped[User | None] = relationship("User", foreign_keys=[chair_id])
    secretary: Mapped[User | None] = relationship("User", foreign_keys=[secretary_id])


class IssuedDocument(Model):
    """A PDF the portal issued (BAPs, TPP minutes, letters), kept for verification."""

    __tablename__ = "issued_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # documents.kinds.KINDS
    examination_id: Mapped[int | None] = mapped_column(ForeignKey("examination_record.id"))
    hearing_id: Mapped[int | None] = mapped_column(ForeignKey("hearing.id"))
    number: Mapped[str | None] = mapped_column(String(120))  # the letter number as printed
    title: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str | None] = mapped_column(String(200))
    issuer: Mapped[str | None] = mapped_column(String(200))  # the office named in the letterhead
    signers: Mapped[list | None] = mapped_column(JSON)  # [{"name", "position", "nip"}]
    code: Mapped[str] = mapped_column(String(32), unique=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    storage_key: Mapped[str] = mapped_column(String(64))
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    issued_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    complaint: Mapped[Complaint] = relationship("Complaint")


class Sanction(Model):
    """A lesser outcome of the head's decision (DESIGN §3): a written warning, a summons to
    appear on a date at a place, or intensified supervision for a period with a review date."""

    __tablename__ = "sanction"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int | None] = mapped_column(ForeignKey("complaint.id"), index=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # warning | summons | intensive
    issued_on: Mapped[dt.date] = mapped_column(Date)
    appear_on: Mapped[dt.date | None] = mapped_column(Date)
    appear_time: Mapped[str | None] = mapped_column(String(5))  # "09:00", local time
    appear_place: Mapped[str | None] = mapped_column(String(200))
    answered_on: Mapped[dt.date | None] = mapped_column(Date)
    appeared: Mapped[bool | None] = mapped_column()  # None: not yet recorded
    period_end_on: Mapped[dt.date | None] = mapped_column(Date)
    review_on: Mapped[dt.date | None] = mapped_column(Date)
    grounds: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str | None] = mapped_column(Text)
    issued_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    client: Mapped[Client | None] = relationship("Client")
    complaint: Mapped[Complaint | None] = relationship("Complaint", back_populates="sanctions")


class Execution(Model):
    """After a revocation or cancellation (DESIGN §5): the letter to the police or prosecutor
    (APH), then the client's return to a Lapas/Rutan — or that they are still at large."""

    __tablename__ = "execution"

    id: Mapped[int] = mapped_column(primary_key=True)
    complaint_id: Mapped[int] = mapped_column(ForeignKey("complaint.id"), unique=True)
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    since_on: Mapped[dt.date] = mapped_column(Date)  # the day the outcome was recorded
    aph_addressee: Mapped[str | None] = mapped_column(String(200))
    aph_letter_on: Mapped[dt.date | None] = mapped_column(Date)
    returned_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    facility: Mapped[str | None] = mapped_column(String(200))
    at_large_note: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[Client | None] = relationship("Client")
    office: Mapped[Office] = relationship("Office")
