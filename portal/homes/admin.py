"""The administrator's home: accounts waiting for enrolment, locked accounts, and offices
with missing data. No case content and no client appears here (DESIGN §2)."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, and_, or_, select

from ..auth.models import User
from ..db import utcnow
from ..extensions import db
from ..labels import label
from ..offices.models import Office
from ..security import TOTP_REQUIRED_ROLES
from .sections import Home, Item, Listing, section, window

ADMIN = ("admin",)
OFFICE_FIELDS = {"address": _l("address"), "phone": _l("phone"), "email": _l("email"),
                 "unit_code": _l("unit code for letter numbers")}


def waiting_enrolment() -> ColumnElement[bool]:
    """Active accounts whose owner has not set a password yet, or must still enrol two-factor."""
    return and_(User.active.is_(True), or_(
        User.password_hash.is_(None), and_(User.role.in_(TOTP_REQUIRED_ROLES), User.totp_secret.is_(None))))


def locked() -> ColumnElement[bool]:
    """Accounts paused after too many failed sign-ins."""
    return and_(User.locked_until.is_not(None), User.locked_until > utcnow())


def _account(user: User, *notes: str) -> Item:
    return Item(user.email, url_for("admin.user_edit", user_id=user.id), (label("role", user.role), *notes))


@section("enrolment", _l("Accounts waiting for enrolment"), ADMIN, order=10,
         hint=_l("No password set yet, or two-factor sign-in not enrolled."))
def enrolment(user: User, home: Home) -> Listing:
    """Accounts whose owner has not finished setting up, the oldest first."""
    stmt = select(User).where(waiting_enrolment()).order_by(User.created_at, User.id)
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda u: _account(
        u, _("no password yet") if u.password_hash is None else _("two-factor not enrolled")),
        url_for("admin.users", status="waiting"))


@section("locked", _l("Locked accounts"), ADMIN, order=20)
def locked_accounts(user: User, home: Home) -> Listing:
    """Accounts paused after too many failed sign-ins."""
    stmt = select(User).where(locked()).order_by(User.locked_until.desc(), User.id)
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda u: _account(u), url_for("admin.users", status="locked"))


def _missing(office: Office) -> list[str]:
    return [str(text) for name, text in OFFICE_FIELDS.items() if not getattr(office, name)]


@section("offices", _l("Offices with missing data"), ADMIN, order=30,
         hint=_l("Set them with the offices commands (see the README)."))
def offices(user: User, home: Home) -> Listing:
    """Active offices lacking an address, phone, email or unit code."""
    empty = [or_(getattr(Office, f).is_(None), getattr(Office, f) == "") for f in OFFICE_FIELDS]
    stmt = select(Office).where(Office.active.is_(True), or_(*empty)).order_by(Office.name, Office.id)
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda o: Item(
        o.name, url_for("public.directory") + f"#office-{o.code}",
        (_("missing: %(fields)s", fields=", ".join(_missing(o))),)), url_for("public.directory"))
