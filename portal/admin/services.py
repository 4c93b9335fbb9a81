"""Verbs on user accounts: create, edit, deactivate, reactivate, reset two-factor."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from .. import audit
from ..auth import services as auth_services
from ..auth.models import User
from ..extensions import db
from ..security import BAPAS_STAFF
from ..workflow import Refused


class DuplicateEmail(Exception):
    """Another account already uses this email."""


class SelfEdit(Exception):
    """An admin may not change their own role, office or region."""


def _apply(user: User, data: Mapping[str, Any]) -> dict[str, object]:
    changes: dict[str, object] = {}
    office_id = int(data["office_id"]) if data.get("office_id") and data["role"] in BAPAS_STAFF else None
    region_id = int(data["region_id"]) if data.get("region_id") and data["role"] == "regional" else None
    for key, value in (("name", data["name"].strip()), ("role", data["role"]),
                       ("office_id", office_id), ("region_id", region_id),
                       ("locale", data.get("locale") or "id"),
                       ("nip", (data.get("nip") or "").strip() or None),
                       ("position", (data.get("position") or "").strip() or None)):
        if getattr(user, key) != value:
            changes[key] = value
            setattr(user, key, value)
    return changes


def create_user(actor: User, data: Mapping[str, Any]) -> User:
    """Create a staff account and email an invitation to set a password."""
    email = auth_services.normalise_email(data["email"])
    if auth_services.find_user_by_email(email):
        raise DuplicateEmail(email)
    user = User(email=email, name="", role=data["role"])
    _apply(user, data)
    db.session.add(user)
    db.session.flush()
    audit.record(actor, "user.created", user, role=user.role, office_id=user.office_id)
    auth_services.send_invitation(actor, user)
    return user


def update_user(actor: User, user: User, data: Mapping[str, Any]) -> dict[str, object]:
    """Change name, role, office, region or language; a role or office change ends sessions."""
    if actor.id == user.id and (data["role"] != user.role
                                or str(data.get("office_id") or "") != str(user.office_id or "")
                                or str(data.get("region_id") or "") != str(user.region_id or "")):
        raise SelfEdit()
    email = auth_services.normalise_email(data["email"])
    if email != user.email:
        other = auth_services.find_user_by_email(email)
        if other is not None and other.id != user.id:
            raise DuplicateEmail(email)
    changes = _apply(user, data)
    if email != user.email:
        user.email = email
        changes["email"] = "changed"
    if {"role", "office_id", "region_id", "email"} & changes.keys():
        user.rotate_nonce()
    if changes:
        audit.record(actor, "user.updated", user, fields=sorted(changes),
                     role=user.role, office_id=user.office_id)
    return changes


def set_active(actor: User, user: User, active: bool) -> None:
    """Deactivate (ends every session at once) or reactivate an account."""
    if user.id == actor.id and not active:
        raise Refused(_l("You cannot deactivate your own account."), "self")
    if user.active == active:
        return
    user.active = active
    user.rotate_nonce()
    audit.record(actor, "user.reactivated" if active else "user.deactivated", user)
