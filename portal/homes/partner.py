"""The partner's home: their clients with anything new, the PK's replies, candidates waiting
for their answer, their postings, and their cooperation agreement's (PKS) expiry. Partners see
only what an active assignment shows them: never NIK, offence, decree numbers or complaints."""
from __future__ import annotations

import datetime as dt

from flask import url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import and_, case, or_, select
from sqlalchemy.orm import joinedload

from ..auth.models import User
from ..clients.models import SUPERVISED, Assignment, Client
from ..db import utcnow
from ..extensions import db
from ..jobs.models import Opportunity, Referral
from ..labels import label
from ..observations.models import Observation
from .sections import Home, Item, Listing, section, window

PARTNER = ("partner",)
NEW_DAYS = 14  # a reply or a new assignment counts as new for two weeks
OPEN_POSTINGS = ("draft", "pending", "published")


def _visible(user: User, home: Home) -> list:
    return [Assignment.partner_org_id == user.partner_org_id, Assignment.status == "active",
            Assignment.starts_on <= home.day, Assignment.ends_on >= home.day, Client.status.in_(SUPERVISED)]


def _answered_since(user: User) -> dt.datetime:
    return utcnow() - dt.timedelta(days=NEW_DAYS)


@section("partner_clients", _l("My clients"), PARTNER, order=10,
         hint=_l("Clients with a new reply or a new assignment first."))
def partner_clients(user: User, home: Home) -> Listing:
    """The clients the organisation supports today; those with something new first."""
    replied = (select(Observation.client_id.label("client_id")).where(
        Observation.partner_org_id == user.partner_org_id, Observation.acknowledged_at >= _answered_since(user))
        .group_by(Observation.client_id).subquery())  # one scan, joined: not a subquery per client
    fresh = or_(replied.c.client_id.is_not(None), Assignment.starts_on >= home.day - dt.timedelta(days=NEW_DAYS))
    stmt = (select(Assignment, case((fresh, 1), else_=0).label("new"))
            .join(Client, Assignment.client_id == Client.id).options(joinedload(Assignment.client))
            .outerjoin(replied, replied.c.client_id == Client.id)
            .where(and_(*_visible(user, home)))
            .order_by(case((fresh, 0), else_=1), Client.full_name, Assignment.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    items = [Item(a.client.full_name, url_for("partner_clients.detail", public_id=a.client.public_id),
                  (label("relationship", a.relationship_kind),) + ((_("Something new"),) if new else ()),
                  bool(new)) for a, new, _total in rows]
    return Listing(int(rows[0][-1]) if rows else 0, items, url_for("partner_clients.index"))


@section("replies", _l("Replies from the officer"), PARTNER, order=20, hint=_l("The newest first."))
def replies(user: User, home: Home) -> Listing:
    """The organisation's observations the PK answered, the newest answer first."""
    visible = select(Assignment.client_id).join(Client, Assignment.client_id == Client.id).where(
        *_visible(user, home))
    stmt = (select(Observation).options(joinedload(Observation.client))
            .where(Observation.partner_org_id == user.partner_org_id, Observation.acknowledged_at.is_not(None),
                   Observation.client_id.in_(visible))
            .order_by(Observation.acknowledged_at.desc(), Observation.id.desc()))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda o: Item(
        o.client.full_name, url_for("partner_clients.observation", public_id=o.public_id),
        (label("observation_status", o.status),
         _("answered %(date)s", date=format_date(o.acknowledged_at, "medium")))),
        url_for("partner_clients.index"))


@section("candidates", _l("Candidates waiting for your answer"), PARTNER, order=30)
def candidates(user: User, home: Home) -> Listing:
    """Referrals to the organisation's postings not answered yet, the oldest first."""
    stmt = (select(Referral).join(Opportunity, Referral.opportunity_id == Opportunity.id)
            .options(joinedload(Referral.opportunity))
            .where(Opportunity.partner_org_id == user.partner_org_id, Referral.status == "proposed")
            .order_by(Referral.created_at, Referral.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda r: Item(
        _("Candidate %(code)s", code=r.code), url_for("jobs.candidate", code=r.code),
        (r.opportunity.title, _("referred %(date)s", date=format_date(r.created_at, "medium")))),
        url_for("jobs.own"))


@section("postings", _l("My postings"), PARTNER, order=40)
def postings(user: User, home: Home) -> Listing:
    """The organisation's postings that are not closed, with their state."""
    stmt = (select(Opportunity).where(Opportunity.partner_org_id == user.partner_org_id,
                                      Opportunity.status.in_(OPEN_POSTINGS))
            .order_by(Opportunity.closes_on, Opportunity.id))
    rows = db.session.execute(window(stmt, home.limit)).all()
    return Listing.of(rows, lambda o: Item(
        o.title, url_for("jobs.edit", public_id=o.public_id) if o.status == "draft" else url_for("jobs.own"),
        (label("posting_status", o.status), _("closes %(date)s", date=format_date(o.closes_on, "medium"))),
        o.status == "draft"), url_for("jobs.own"))


@section("pks", _l("Cooperation agreement (PKS)"), PARTNER, order=50)
def pks(user: User, home: Home) -> Listing:
    """The organisation's PKS: its number and until when it is valid."""
    org = user.partner_org  # loaded with the user
    if org is None or org.pks_valid_until is None:
        return Listing(0, [], url_for("partner.dashboard"))
    days = (org.pks_valid_until - home.day).days
    note = _("valid until %(date)s", date=format_date(org.pks_valid_until, "long"))
    return Listing(1, [Item(org.pks_number or _("PKS"), url_for("partner.dashboard"),
                            (note, _("%(num)d days left", num=days) if days >= 0 else _("expired")),
                            days <= 60)], url_for("partner.dashboard"))


