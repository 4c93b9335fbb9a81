"""Observations (laporan pengamatan) by partners, their earlier versions, notifications."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clients.models import new_public_id
from ..db import UTCDateTime, utcnow
from ..extensions import Model

if TYPE_CHECKING:
    from ..auth.models import User
    from ..clients.models import Client
    from ..partners.models import PartnerOrg
    from ..supervision.models import Condition
    from ..visits.models import HomeVisit

CATEGORIES = ("progress", "routine", "concern", "suspected_violation")
URGENT = ("concern", "suspected_violation")
GROUNDS = ("NEW_OFFENCE", "PUBLIC_UNREST", "MISSED_REPORTING", "MOVED_WITHOUT_NOTICE",
           "PROGRAMME_NONCOMPLIANCE")
FOLLOW_UPS = ("none", "home_visit_planned", "warning_issued", "intensified_supervision",
              "open_revocation_case", "home_visit_done")


class Observation(Model):
    """What a partner saw about a client, and the officer's answer."""

    __tablename__ = "observation"
    __table_args__ = (Index("ix_observation_client_status", "client_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"), index=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id"))
    partner_org_id: Mapped[int] = mapped_column(ForeignKey("partner_org.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    observed_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(24))
    grounds: Mapped[list] = mapped_column(JSON, default=list)
    # Which supervision condition (of the partner's sheet) it concerns, if the partner said.
    condition_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_condition.id"))
    narrative: Mapped[str] = mapped_column(Text)  # sanitized HTML
    status: Mapped[str] = mapped_column(String(20), default="submitted", index=True)
    reply: Mapped[str | None] = mapped_column(Text)
    follow_up: Mapped[str | None] = mapped_column(String(30))
    follow_up_note: Mapped[str | None] = mapped_column(Text)
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    followed_up_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    digested_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    client: Mapped[Client] = relationship("Client")
    author: Mapped[User] = relationship("User", foreign_keys=[author_id])
    acknowledged_by: Mapped[User | None] = relationship("User", foreign_keys=[acknowledged_by_id])
    partner_org: Mapped[PartnerOrg] = relationship("PartnerOrg")
    condition: Mapped[Condition | None] = relationship("Condition")
    revisions: Mapped[list[ObservationRevision]] = relationship(
        order_by="ObservationRevision.id.desc()", cascade="all, delete-orphan")
    # The home visits planned about it (portal/visits), read by the workflow table's guards.
    visits: Mapped[list[HomeVisit]] = relationship(
        "HomeVisit", viewonly=True, order_by="HomeVisit.id")

    __mapper_args__ = {"version_id_col": version}

    @property
    def urgent(self) -> bool:
        return self.category in URGENT


class ObservationRevision(Model):
    """An earlier version of a corrected observation (staff see every version)."""

    __tablename__ = "observation_revision"

    id: Mapped[int] = mapped_column(primary_key=True)
    observation_id: Mapped[int] = mapped_column(ForeignKey("observation.id"), index=True)
    observed_on: Mapped[dt.date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(24))
    grounds: Mapped[list] = mapped_column(JSON, default=list)
    narrative: Mapped[str] = mapped_column(Text)
    condition_id: Mapped[int | None] = mapped_column(ForeignKey("supervision_condition.id"))
    written_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    condition: Mapped[Condition | None] = relationship("Condition")
