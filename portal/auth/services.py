"""Account verbs: sign in, lockout, sessions, tokens, two-factor, password changes."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyotp
from flask import current_app, session, url_for
from flask_login import login_user, logout_user
from sqlalchemy import CursorResult, func, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from .. import audit, mail
from ..db import utcnow
from ..extensions import db
from .models import OneTimeToken, User
from .passwords import hash_password, needs_rehash, verify_password

if TYPE_CHECKING:
    from ..partners.models import PartnerOrg

PENDING_2FA_SECONDS = 300


class AuthError(Exception):
    """Sign-in refused; `reason` is one of: invalid, locked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def normalise_email(email: str) -> str:
    """Emails are compared in lower case without surrounding spaces."""
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    """Look a user up by email, case-insensitively."""
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def check_credentials(email: str, password: str) -> User:
    """Return the user when email and password match an active, unlocked account.

    Counts failures per account and locks it after LOCKOUT_THRESHOLD of them.
    Raises AuthError otherwise; every outcome is audited.
    """
    cfg = current_app.config
    now = utcnow()
    user = find_user_by_email(email)
    if user is not None and user.is_locked(now):
        verify_password(None, password)
        audit.record(None, "login.refused_locked", user)
        raise AuthError("locked")
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or not user.active:
        if user is not None and not ok:
            user.failed_logins += 1
            if user.failed_logins >= cfg["LOCKOUT_THRESHOLD"]:
                user.locked_until = now + dt.timedelta(minutes=cfg["LOCKOUT_MINUTES"])
                user.failed_logins = 0
                audit.record(None, "login.lockout", user, minutes=cfg["LOCKOUT_MINUTES"])
        audit.record(None, "login.failure", user,
                     reason="unknown_email" if user is None else
                     ("inactive" if ok else "bad_password"))
        raise AuthError("invalid")
    user.failed_logins = 0
    user.locked_until = None
    if user.role == "partner" and not user.partner_org_active:
        audit.record(None, "login.refused_partner_inactive", user)
        raise AuthError("partner_inactive")
    if user.password_hash is not None and needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return user


def start_session(user: User, method: str = "password") -> None:
    """Renew the session and sign the user in."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    login_user(user)
    now = utcnow()
    session["_auth_at"] = now.timestamp()
    session["_seen"] = now.timestamp()
    user.last_login_at = now
    audit.record(user, "login.success", user, method=method)


def begin_second_factor(user: User) -> None:
    """Remember, for five minutes, that this browser passed the password step."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    session["_2fa_user"] = user.id
    session["_2fa_nonce"] = user.session_nonce
    session["_2fa_at"] = utcnow().timestamp()


def pending_second_factor_user() -> User | None:
    """The user waiting for a TOTP code in this session, if still in time."""
    user_id = session.get("_2fa_user")
    if not user_id or utcnow().timestamp() - session.get("_2fa_at", 0) > PENDING_2FA_SECONDS:
        return None
    user = db.session.get(User, user_id)
    if user is None or user.session_nonce != session.get("_2fa_nonce") or not user.active:
        return None
    return user


def register_second_factor_failure(user: User) -> None:
    """A wrong TOTP code counts like a wrong password: the account locks after the threshold."""
    cfg = current_app.config
    user.failed_logins += 1
    audit.record(None, "login.totp_failure", user)
    if user.failed_logins >= cfg["LOCKOUT_THRESHOLD"]:
        user.locked_until = utcnow() + dt.timedelta(minutes=cfg["LOCKOUT_MINUTES"])
        user.failed_logins = 0
        user.rotate_nonce()  # the pending second step ends too
        audit.record(None, "login.lockout", user, minutes=cfg["LOCKOUT_MINUTES"])


def end_session(user: User) -> None:
    """Sign out: end every copy of this user's session cookie."""
    user.rotate_nonce()
    audit.record(user, "logout", user)
    logout_user()
    session.clear()


def verify_totp(user: User, code: str, secret: str | None = None) -> bool:
    """Check a 6-digit code (one step of clock drift allowed); a code works only once."""
    secret = secret or user.totp_secret
    code = (code or "").replace(" ", "")
    if not secret or not code.isdigit():
        return False
    totp = pyotp.TOTP(secret)
    current = totp.timecode(utcnow())
    for counter in (current, current - 1, current + 1):
        if hmac.compare_digest(totp.generate_otp(counter), code):
            return _use_totp_counter(user, counter)
    return False


def _use_totp_counter(user: User, counter: int) -> bool:
    """Accept a code's time step once: one conditional UPDATE, so two sessions sending the
    same code at the same moment cannot both pass (the second waits for the first's row
    lock, then finds the step used)."""
    result = db.session.execute(
        update(User).where(User.id == user.id, or_(User.totp_last_counter.is_(None),
                                                   User.totp_last_counter < counter))
        .values(totp_last_counter=counter).execution_options(synchronize_session=False))
    assert isinstance(result, CursorResult)  # an UPDATE without RETURNING: rowcount is there
    if result.rowcount != 1:
        return False
    set_committed_value(user, "totp_last_counter", counter)
    return True


def totp_uri(user: User, secret: str) -> str:
    """otpauth:// URI for an authenticator app."""
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="POKMAS LIPAS")


def enable_totp(actor: User, secret: str) -> None:
    """Store a confirmed TOTP secret."""
    actor.totp_secret = secret
    audit.record(actor, "2fa.enabled", actor)


def disable_totp(actor: User, target: User) -> None:
    """Remove two-factor authentication (by the user, or an admin reset)."""
    target.totp_secret = None
    target.totp_last_counter = None
    target.rotate_nonce()
    audit.record(actor, "2fa.disabled" if actor is target else "2fa.reset_by_admin", target)


def set_password(actor: User | None, user: User, password: str, how: str) -> None:
    """Store a new password and end every other session of the user."""
    user.password_hash = hash_password(password)
    user.password_changed_at = utcnow()
    user.failed_logins = 0
    user.locked_until = None
    user.rotate_nonce()
    audit.record(actor, "password.set", user, how=how)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class IssuedToken:
    """A freshly issued token: the clear value goes into one email and nowhere else."""

    token: str
    row: OneTimeToken


def issue_token(purpose: str, hours: int, *, user: User | None = None,
                org: PartnerOrg | None = None) -> IssuedToken:
    """Create a single-use token for a user or a partner application; earlier unused
    tokens of the same purpose and subject stop working."""
    now = utcnow()
    if user is not None:
        subject = OneTimeToken.user_id == user.id
    elif org is not None:
        subject = OneTimeToken.partner_org_id == org.id
    else:
        raise ValueError("a token is issued for a user or a partner application")
    for old in db.session.scalars(select(OneTimeToken).where(
            subject, OneTimeToken.purpose == purpose, OneTimeToken.used_at.is_(None))):
        old.used_at = now
    token = secrets.token_urlsafe(32)
    row = OneTimeToken(user_id=getattr(user, "id", None), partner_org_id=getattr(org, "id", None),
                       purpose=purpose, token_hash=_token_hash(token),
                       expires_at=now + dt.timedelta(hours=hours))
    db.session.add(row)
    return IssuedToken(token, row)


def find_token(token: str, purposes: tuple[str, ...]) -> OneTimeToken | None:
    """A usable (right purpose, unused, unexpired) token row, or None."""
    row = db.session.scalar(select(OneTimeToken).where(OneTimeToken.token_hash == _token_hash(token)))
    if row is None or row.purpose not in purposes or row.used_at is not None \
            or row.expires_at <= utcnow():
        return None
    if row.user is not None and not row.user.active:
        return None
    return row


def consume_token(row: OneTimeToken) -> None:
    """Mark a token used."""
    row.used_at = utcnow()


def send_password_reset(user: User) -> None:
    """Email a reset link valid for RESET_TOKEN_HOURS."""
    hours = current_app.config["RESET_TOKEN_HOURS"]
    issued = issue_token("reset", hours, user=user)
    link = url_for("auth.set_password", token=issued.token, _external=True)
    mail.queue(user.email, "password_reset", user.locale, user=user, link=link, hours=hours)
    audit.record(None, "password.reset_requested", user)


def send_invitation(actor: User | None, user: User) -> None:
    """Email an invitation to set a password, valid for INVITE_TOKEN_HOURS."""
    hours = current_app.config["INVITE_TOKEN_HOURS"]
    issued = issue_token("invite", hours, user=user)
    link = url_for("auth.set_password", token=issued.token, _external=True)
    mail.queue(user.email, "invitation", user.locale, user=user, link=link, hours=hours)
    audit.record(actor, "user.invited", user)
