"""The Kasi's own queues (cases to triage, applications to vet, postings to moderate) and
the Kepala's lists (decisions, PKS to sign, PKS expiring)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..complaints.models import Complaint
from ..extensions import db
from ..jobs.models import Opportunity, opportunity_office
from ..labels import label
from ..partners.models import PartnerOrg
from .sections import Home, Item, Listing, section, window

PKS_EXPIRY_DAYS = 60
# Where the Kepala decides: after the TPP hearing, and the proposal after a temporary revocation.
HEAD_DECIDES = ("tpp_hearing", "temporarily_revoked")


def _case(complaint: Complaint, *notes: str) -> Item:
    who = complaint.client.full_name if complaint.client else (complaint.client_name or "—")
    return Item(f"{complaint.reference} · {who}", url_for("complaints.case", reference=complaint.reference),
                (label("complaint_status", complaint.status), *notes))


def _cases(user: User, home: Home, statuses: tuple[str, ...]) -> list:
    stmt = (select(Complaint).options(joinedload(Complaint.client))
            .where(Complaint.office_id == user.office_id, Complaint.status.in_(statuses))
            .order_by(Complaint.due_on, Complaint.id))
    return list(db.session.execute(window(stmt, home.limit)).all())


@section("triage", _l("Cases waiting for triage"), ("supervisor",), order=80)
def triage(user: User, home: Home) -> Listing:
    """Complaints received and not yet triaged, the earliest due first."""
    return Listing.of(_cases(user, home, ("submitted",)), lambda c: _case(
        c, _("due %(date)s", date=format_date(c.due_on, "medium"))),
        url_for("complaints.queue", status="submitted"))


def _orgs(user: User, home: Home, status: str, order: Any) -> list:
    stmt = (select(PartnerOrg).where(PartnerOrg.office_id == user.office_id, PartnerOrg.status == status)
            .order_by(order, PartnerOrg.id))
    return list(db.session.execute(window(stmt, home.limit)).all())


def _org(org: PartnerOrg, *notes: str) -> Item:
    return Item(org.name, url_for("vetting.detail", public_id=org.public_id),
                (label("partner_kind", org.kind), *notes))


@section("vetting", _l("Applications waiting for vetting"), ("supervisor",), order=85)
def vetting(user: User, home: Home) -> Listing:
    """Applications of the Bapas waiting for the vetting, the oldest first."""
    return Listing.of(_orgs(user, home, "applied", PartnerOrg.created_at), lambda o: _org(
        o, _("applied %(date)s", date=format_date(o.created_at, "medium"))),
        url_for("vetting.queue", status="applied"))


@section("moderation", _l("Postings waiting for moderation"), ("supervisor",), order=90)
def moderation(user: User, home: Home) -> Listing:
    """Postings open to this Bapas waiting for a supervisor's review, the oldest first."""
    stmt = (select(Opportunity).join(opportunity_office, opportunity_office.c.opportunity_id == Opportunity.id)
            .options(joinedload(Opportunity.partner_org))
            .where(opportunity_office.c.office_id == user.office_id, Opportunity.status == "pending")
            .order_by(Opportunity.updated_at, Opportunity.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda o: Item(o.title, url_for("jobs.staff_home") + "#moderation",
                                           (o.partner_org.name, label("job_kind", o.kind))),
                      url_for("jobs.staff_home"))


@section("decisions", _l("Decisions waiting for you"), ("head",), order=10,
         hint=_l("After the TPP hearing, and proposals after a temporary revocation."))
def decisions(user: User, home: Home) -> Listing:
    """Cases where the Kepala's decision is the next step."""
    return Listing.of(_cases(user, home, HEAD_DECIDES), lambda c: _case(
        c, _("due %(date)s", date=format_date(c.due_on, "medium"))),
        url_for("complaints.queue", status="tpp_hearing"))


@section("to_sign", _l("Cooperation agreements (PKS) to sign"), ("head",), order=20,
         hint=_l("Partners whose vetting is approved."))
def to_sign(user: User, home: Home) -> Listing:
    """Vetted partners whose PKS the Kepala signs and records."""
    return Listing.of(_orgs(user, home, "vetted", PartnerOrg.decided_at), lambda o: _org(o),
                      url_for("vetting.queue", status="vetted"))


@section("pks_expiring", _l("PKS expiring within 60 days"), ("head", "supervisor"), order=95)
def pks_expiring(user: User, home: Home) -> Listing:
    """Active partners whose agreement ends in the next 60 days, the soonest first."""
    last = home.day + dt.timedelta(days=PKS_EXPIRY_DAYS)
    stmt = (select(PartnerOrg).where(PartnerOrg.office_id == user.office_id, PartnerOrg.status == "active",
                                     PartnerOrg.pks_valid_until >= home.day,
                                     PartnerOrg.pks_valid_until <= last)
            .order_by(PartnerOrg.pks_valid_until, PartnerOrg.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda o: _org(
        o, _("valid until %(date)s", date=format_date(o.pks_valid_until, "medium"))),
        url_for("vetting.queue", status="active"))
