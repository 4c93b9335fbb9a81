"""Scoped selects for opportunities and referrals; every function takes the current user."""
from __future__ import annotations

import datetime as dt
from typing import TypedDict

from flask import abort
from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import contains_eager, joinedload

from ..auth.models import User
from ..clients.models import Client
from ..db import today
from ..extensions import db
from ..offices.models import Region
from ..security import BAPAS_STAFF
from .models import Opportunity, Referral, opportunity_office


class StaffFigures(TypedDict):
    """The Bapas's referral figures (see staff_figures())."""

    by_status: dict[str, int]
    started_this_month: int
    partners_with_places: int
    open_places: int


class PartnerFigures(TypedDict):
    """The organisation's posting figures (see partner_figures())."""

    postings: dict[str, int]
    waiting: int
    placements: int


def _user_office_id(user: User) -> int:
    if user.role in BAPAS_STAFF and user.office_id is not None:
        return user.office_id
    if user.role == "partner" and user.partner_org is not None:
        return user.partner_org.office_id
    abort(404)


def published_query(user: User, kind: str | None = None, sector: str | None = None,
                    region_id: int | None = None, city: str | None = None,
                    closing_soon: bool = False) -> Select[Opportunity]:
    """Published opportunities open to the user's Bapas; soonest closing first."""
    office_id = _user_office_id(user)
    stmt = (select(Opportunity)
            .join(opportunity_office, opportunity_office.c.opportunity_id == Opportunity.id)
            .where(opportunity_office.c.office_id == office_id, Opportunity.status == "published")
            .options(joinedload(Opportunity.partner_org), joinedload(Opportunity.region)))
    if kind:
        stmt = stmt.where(Opportunity.kind == kind)
    if sector:
        stmt = stmt.where(Opportunity.sector == sector)
    if region_id:
        stmt = stmt.where(Opportunity.region_id == region_id)
    if city:
        stmt = stmt.where(func.lower(Opportunity.city).like(f"%{city.strip().lower()}%"))
    if closing_soon:
        stmt = stmt.where(Opportunity.closes_on <= today() + dt.timedelta(days=14))
    return stmt.order_by(Opportunity.closes_on, Opportunity.id)


def get_visible_or_404(user: User, public_id: str) -> Opportunity:
    """A posting the user may read: their own organisation's, one open to their Bapas
    (published, or pending moderation for supervisors)."""
    opportunity = db.session.scalar(select(Opportunity).where(Opportunity.public_id == public_id))
    if opportunity is None:
        abort(404)
    if user.role == "partner" and opportunity.partner_org_id == user.partner_org_id:
        return opportunity
    office_id = _user_office_id(user)
    if not opportunity.open_to(office_id):
        abort(404)
    if opportunity.status == "published":
        return opportunity
    if user.role in ("supervisor", "head") and opportunity.status in ("pending", "closed", "rejected"):
        return opportunity
    abort(404)


def own_postings(user: User) -> list[Opportunity]:
    """The partner organisation's postings, newest first."""
    if user.role != "partner":
        abort(404)
    return list(db.session.scalars(select(Opportunity).where(
        Opportunity.partner_org_id == user.partner_org_id).order_by(Opportunity.id.desc())))


def get_own_posting_or_404(user: User, public_id: str) -> Opportunity:
    """One of the partner organisation's postings."""
    opportunity = db.session.scalar(select(Opportunity).where(Opportunity.public_id == public_id))
    if opportunity is None or user.role != "partner" or opportunity.partner_org_id != user.partner_org_id:
        abort(404)
    return opportunity


def moderation_queue(user: User) -> list[Opportunity]:
    """Postings waiting for a supervisor of a Bapas they cover."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    return list(db.session.scalars(
        select(Opportunity).join(opportunity_office, opportunity_office.c.opportunity_id == Opportunity.id)
        .where(opportunity_office.c.office_id == user.office_id, Opportunity.status == "pending")
        .options(joinedload(Opportunity.partner_org)).order_by(Opportunity.updated_at)))


def referrals_for_partner(user: User, opportunity: Opportunity | None = None) -> list[Referral]:
    """Referrals to the partner organisation's postings."""
    if user.role != "partner":
        abort(404)
    stmt = (select(Referral).join(Opportunity, Referral.opportunity_id == Opportunity.id)
            .where(Opportunity.partner_org_id == user.partner_org_id)
            .options(joinedload(Referral.opportunity), joinedload(Referral.office),
                     joinedload(Referral.client)))
    if opportunity is not None:
        stmt = stmt.where(Referral.opportunity_id == opportunity.id)
    return list(db.session.scalars(stmt.order_by(Referral.id.desc())))


def get_referral_for_partner_or_404(user: User, code: str) -> Referral:
    """A referral to one of the partner organisation's postings."""
    referral = db.session.scalar(select(Referral).where(Referral.code == code))
    if (referral is None or user.role != "partner"
            or referral.opportunity.partner_org_id != user.partner_org_id):
        abort(404)
    return referral


def referrals_for_staff(user: User) -> Select[Referral]:
    """Referrals of the Bapas, newest first; an officer's own clients first (DESIGN §2)."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    own_first = case((Client.officer_id == user.id, 0), else_=1)
    return (select(Referral).join(Client, Referral.client_id == Client.id)
            .where(Referral.office_id == user.office_id)
            .options(joinedload(Referral.opportunity), contains_eager(Referral.client))
            .order_by(own_first, Referral.id.desc()))


def get_referral_for_staff_or_404(user: User, code: str) -> Referral:
    """A referral of a client of the user's Bapas."""
    referral = db.session.scalar(select(Referral).where(Referral.code == code))
    if referral is None or user.role not in BAPAS_STAFF or referral.office_id != user.office_id:
        abort(404)
    return referral


# ---------------------------------------------------------------- figures

def staff_figures(user: User) -> StaffFigures:
    """Referrals by status, placements started this month, partners with open places."""
    if user.role not in BAPAS_STAFF:
        abort(404)
    by_status = dict(db.session.execute(select(Referral.status, func.count()).where(
        Referral.office_id == user.office_id).group_by(Referral.status)).all())
    month_start = today().replace(day=1)
    started = db.session.scalar(select(func.count(Referral.id)).where(
        Referral.office_id == user.office_id, Referral.placement_started_on >= month_start)) or 0
    taken = (select(Referral.opportunity_id, func.count().label("taken"))
             .where(Referral.status.in_(("placed", "completed"))).group_by(Referral.opportunity_id)
             .subquery())
    open_rows = db.session.execute(
        select(Opportunity.partner_org_id, func.sum(Opportunity.places - func.coalesce(taken.c.taken, 0)))
        .join(opportunity_office, opportunity_office.c.opportunity_id == Opportunity.id)
        .outerjoin(taken, taken.c.opportunity_id == Opportunity.id)
        .where(opportunity_office.c.office_id == user.office_id, Opportunity.status == "published")
        .group_by(Opportunity.partner_org_id)).all()
    return {"by_status": by_status, "started_this_month": started,
            "partners_with_places": sum(1 for _, free in open_rows if int(free or 0) > 0),
            "open_places": sum(max(int(free or 0), 0) for _, free in open_rows)}


def partner_figures(user: User) -> PartnerFigures:
    """Postings by status, candidates waiting for an answer, active placements."""
    if user.role != "partner":
        abort(404)
    postings = dict(db.session.execute(select(Opportunity.status, func.count()).where(
        Opportunity.partner_org_id == user.partner_org_id).group_by(Opportunity.status)).all())
    referral_counts = dict(db.session.execute(
        select(Referral.status, func.count()).join(Opportunity, Referral.opportunity_id == Opportunity.id)
        .where(Opportunity.partner_org_id == user.partner_org_id).group_by(Referral.status)).all())
    return {"postings": postings, "waiting": referral_counts.get("proposed", 0),
            "placements": referral_counts.get("placed", 0)}


def public_figures() -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
    """Published opportunities by sector and by province (aggregates only)."""
    by_sector = db.session.execute(select(Opportunity.sector, func.count()).where(
        Opportunity.status == "published").group_by(Opportunity.sector)
        .order_by(func.count().desc(), Opportunity.sector)).all()
    by_province = db.session.execute(select(Region.name, func.count(Opportunity.id))
                                     .join(Opportunity, Opportunity.region_id == Region.id)
                                     .where(Opportunity.status == "published")
                                     .group_by(Region.name)
                                     .order_by(func.count(Opportunity.id).desc(), Region.name)).all()
    return ([(sector, count) for sector, count in by_sector],
            [(province, count) for province, count in by_province])
