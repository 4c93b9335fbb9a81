"""Who to tell: the active people of an office, a province or a partner organisation."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from ..extensions import db
from .models import User


def active_staff(office_id: int, roles: Iterable[str]) -> list[User]:
    """Active accounts of the Bapas `office_id` holding one of `roles`, in a stable order."""
    return list(db.session.scalars(select(User).where(
        User.office_id == office_id, User.role.in_(tuple(roles)), User.active.is_(True))
        .order_by(User.id)))


def active_regional(region_id: int) -> list[User]:
    """Active regional-office (Kanwil) accounts of a province."""
    return list(db.session.scalars(select(User).where(
        User.role == "regional", User.region_id == region_id, User.active.is_(True))
        .order_by(User.id)))


def org_members(org_id: int, *, admins_only: bool = False) -> list[User]:
    """Active members of a partner organisation (only its admins with `admins_only`)."""
    stmt = select(User).where(User.partner_org_id == org_id, User.active.is_(True))
    if admins_only:
        stmt = stmt.where(User.org_admin.is_(True))
    return list(db.session.scalars(stmt.order_by(User.id)))


def org_admins(org_id: int) -> list[User]:
    """Active admins of a partner organisation."""
    return org_members(org_id, admins_only=True)
