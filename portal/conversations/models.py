"""Messages of a thread (on an observation or a referral) and each reader's read marker."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..clients.models import new_public_id
from ..db import UTCDateTime, utcnow
from ..extensions import Model

if TYPE_CHECKING:
    from ..auth.models import User

KINDS = ("observation", "referral")
VISIBILITIES = ("shared", "internal")  # shared: the partner and the staff; internal: staff only
SIDES = ("partner", "staff")


class Message(Model):
    """One message of a thread: shared with the partner organisation, or an internal staff note."""

    __tablename__ = "thread_message"
    __table_args__ = (
        CheckConstraint("(observation_id IS NULL) <> (referral_id IS NULL)", name="one_owner"),
        Index("ix_thread_message_observation", "observation_id", "id"),
        Index("ix_thread_message_referral", "referral_id", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    public_id: Mapped[str] = mapped_column(String(24), unique=True, default=new_public_id)
    submission_key: Mapped[str | None] = mapped_column(String(64), unique=True)
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id"))
    author_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    side: Mapped[str] = mapped_column(String(10))
    visibility: Mapped[str] = mapped_column(String(10), default="shared")
    body: Mapped[str] = mapped_column(Text)  # sanitized HTML
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    author: Mapped[User] = relationship("User")

    @property
    def internal(self) -> bool:
        return self.visibility == "internal"


class ThreadRead(Model):
    """How far one user has read one thread: the last message id they were shown."""

    __tablename__ = "thread_read"
    __table_args__ = (
        UniqueConstraint("user_id", "observation_id", name="uq_thread_read_observation"),
        UniqueConstraint("user_id", "referral_id", name="uq_thread_read_referral"),
        CheckConstraint("(observation_id IS NULL) <> (referral_id IS NULL)", name="one_owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    observation_id: Mapped[int | None] = mapped_column(ForeignKey("observation.id"))
    referral_id: Mapped[int | None] = mapped_column(ForeignKey("referral.id"))
    last_read_id: Mapped[int] = mapped_column(default=0)
    read_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
