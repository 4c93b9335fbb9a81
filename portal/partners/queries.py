"""Scoped selects for partner organisations: every function takes the current user."""
from __future__ import annotations

import datetime as dt

from flask import abort
from sqlalchemy import Select, func, select

from ..auth.models import User
from ..db import utcnow
from ..extensions import db
from ..offices.models import Office, Region
from ..security import LEADS
from ..uploads import Attachment
from .models import PartnerOrg

VETTING_ROLES = LEADS


def vetting_queue(user: User, status: str | None, kind: str | None,
                  older_than_days: int | None) -> Select[PartnerOrg]:
    """Applications and partners of the user's Bapas, oldest first (unconfirmed ones hidden)."""
    if user.role not in VETTING_ROLES:
        abort(403)
    stmt = select(PartnerOrg).where(PartnerOrg.office_id == user.office_id,
                                    PartnerOrg.status != "unconfirmed")
    if status:
        stmt = stmt.where(PartnerOrg.status == status)
    if kind:
        stmt = stmt.where(PartnerOrg.kind == kind)
    if older_than_days:
        stmt = stmt.where(PartnerOrg.created_at < utcnow() - dt.timedelta(days=older_than_days))
    return stmt.order_by(PartnerOrg.created_at, PartnerOrg.id)


def status_counts(user: User) -> dict[str, int]:
    """How many of the Bapas's partners are in each status."""
    rows = db.session.execute(select(PartnerOrg.status, func.count()).where(
        PartnerOrg.office_id == user.office_id, PartnerOrg.status != "unconfirmed")
        .group_by(PartnerOrg.status))
    return dict(rows.all())


def get_org_for_staff_or_404(user: User, public_id: str) -> PartnerOrg:
    """An application or partner of the user's own Bapas, for those who vet partners (the
    supervisor and the head); 404 for anything else."""
    org = db.session.scalar(select(PartnerOrg).where(PartnerOrg.public_id == public_id))
    if (org is None or user.role not in LEADS or org.office_id != user.office_id
            or org.status == "unconfirmed"):
        abort(404)
    return org


def get_org_attachment_or_404(org: PartnerOrg, attachment_id: int) -> Attachment:
    """A document of this organisation (already scope-checked)."""
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.owner_type != "PartnerOrg" or attachment.owner_id != org.id:
        abort(404)
    return attachment


def own_org(user: User) -> PartnerOrg:
    """The partner's own organisation."""
    if user.role != "partner" or user.partner_org is None:
        abort(404)
    return user.partner_org


def members_of(user: User, org: PartnerOrg) -> list[User]:
    """Accounts of the user's own organisation."""
    if user.partner_org_id != org.id:
        abort(404)
    return list(db.session.scalars(select(User).where(User.partner_org_id == org.id)
                                   .order_by(User.org_admin.desc(), User.name)))


def get_member_or_404(user: User, member_id: int) -> User:
    """A member of the user's own organisation."""
    member = db.session.get(User, member_id)
    if member is None or member.partner_org_id != user.partner_org_id or member.role != "partner":
        abort(404)
    return member


# ---------------------------------------------------------------- public, aggregates only

def active_counts_by_office() -> dict[int, int]:
    """Active partners per office id."""
    rows = db.session.execute(select(PartnerOrg.office_id, func.count()).where(
        PartnerOrg.status == "active").group_by(PartnerOrg.office_id))
    return dict(rows.all())


def figures_by_province() -> list[tuple[str, int]]:
    """(province, active partners), largest first."""
    rows = db.session.execute(
        select(Region.name, func.count(PartnerOrg.id))
        .join(Office, Office.region_id == Region.id)
        .join(PartnerOrg, PartnerOrg.office_id == Office.id)
        .where(PartnerOrg.status == "active")
        .group_by(Region.name).order_by(func.count(PartnerOrg.id).desc(), Region.name))
    return [(province, count) for province, count in rows]


def figures_by_kind() -> list[tuple[str, int]]:
    """(kind, active partners), largest first."""
    rows = db.session.execute(
        select(PartnerOrg.kind, func.count()).where(PartnerOrg.status == "active")
        .group_by(PartnerOrg.kind).order_by(func.count().desc(), PartnerOrg.kind))
    return [(kind, count) for kind, count in rows]


def listed_partners() -> list[PartnerOrg]:
    """Active partners that chose to be named in public."""
    return list(db.session.scalars(
        select(PartnerOrg).where(PartnerOrg.status == "active", PartnerOrg.listed_publicly.is_(True))
        .order_by(PartnerOrg.name)))
