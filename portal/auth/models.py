"""User accounts and single-use tokens (password reset, invitations)."""
from __future__ import annotations

import datetime as dt
import secrets
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String
from sqlalchemy import false as sa_false
from sqlalchemy import true as sa_true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import UTCDateTime, utcnow
from ..extensions import Model, db, login_manager
from ..offices.models import Office, Region
from ..security import TOTP_REQUIRED_ROLES

if TYPE_CHECKING:
    from ..partners.models import PartnerOrg


def new_nonce() -> str:
    """A fresh random session nonce."""
    return secrets.token_hex(16)


class User(UserMixin, Model):
    """A person who signs in: partner member, Bapas staff, regional staff or admin."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"), index=True)
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    partner_org_id: Mapped[int | None] = mapped_column(ForeignKey("partner_org.id"), index=True)
    org_admin: Mapped[bool] = mapped_column(default=False)
    locale: Mapped[str | None] = mapped_column(String(5))
    nip: Mapped[str | None] = mapped_column(String(18))  # civil-servant number, 18 digits
    position: Mapped[str | None] = mapped_column(String(120))  # jabatan, printed under signatures
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    # How the user is told of news (issue 11 §7): email, and content-free SMS/WhatsApp texts
    # to `phone` (E.164, shown only to its owner and the administrator).
    notify_email: Mapped[bool] = mapped_column(default=True, server_default=sa_true())
    notify_sms: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    notify_whatsapp: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    phone: Mapped[str | None] = mapped_column(String(16))
    totp_last_counter: Mapped[int | None] = mapped_column()
    active: Mapped[bool] = mapped_column(default=True)
    session_nonce: Mapped[str] = mapped_column(String(32), default=new_nonce)
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    office: Mapped[Office | None] = relationship()
    region: Mapped[Region | None] = relationship()
    partner_org: Mapped[PartnerOrg | None] = relationship("PartnerOrg", foreign_keys=[partner_org_id])

    def get_id(self) -> str:
        """Flask-Login id: the user id and the session nonce, so rotating it ends old cookies."""
        return f"{self.id}.{self.session_nonce}"

    @property
    def is_active(self) -> bool:
        return self.active

    @property
    def totp_enabled(self) -> bool:
        return self.totp_secret is not None

    @property
    def must_enrol_totp(self) -> bool:
        return self.role in TOTP_REQUIRED_ROLES and not self.totp_enabled

    @property
    def partner_org_active(self) -> bool:
        """A partner works only while their organisation is an active partner."""
        org = self.partner_org
        if org is None or org.status != "active":
            return False
        from ..db import today
        return org.pks_valid_until is None or org.pks_valid_until >= today()

    @property
    def has_password(self) -> bool:
        return self.password_hash is not None

    def is_locked(self, now: dt.datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now

    def rotate_nonce(self) -> None:
        """End every session of this user."""
        self.session_nonce = new_nonce()

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class OneTimeToken(Model):
    """A single-use, expiring link token; only its SHA-256 is stored."""

    __tablename__ = "one_time_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    partner_org_id: Mapped[int | None] = mapped_column(ForeignKey("partner_org.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)

    user: Mapped[User | None] = relationship()
    partner_org: Mapped[PartnerOrg | None] = relationship("PartnerOrg")


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """Load the user of a session cookie only while its nonce is still current."""
    user_id, _, nonce = session_id.partition(".")
    if not user_id.isdigit() or not nonce:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_nonce != nonce:
        return None
    return user
