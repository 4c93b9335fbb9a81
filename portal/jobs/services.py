"""Opportunity and referral verbs. Everything a partner receives about a candidate goes
through candidates.candidate_view(), which hides the client until the disclosure is released."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from .. import audit, notices
from ..auth.models import User
from ..auth.queries import active_staff, org_admins, org_members
from ..clients.models import Assignment, Client, ClientEvent  # noqa: F401
from ..clients.services import end_assignment, start_placement
from ..db import add_once, find_submitted, submission_digest, today, utcnow
from ..extensions import db
from ..html import sanitize_html
from ..notifications import link_to, notify
from ..offices.models import Office
from ..workflow import NotPermitted, Refused
from ..workflow import check_version as check_version  # the views check versions through it
from .candidates import Candidate as Candidate  # re-exported for the views
from .candidates import candidate_view as candidate_view
from .models import Opportunity, Referral, ReferralEvent
from .workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW, SYSTEM

FIELDS = ("kind", "title", "sector", "region_id", "city", "places", "requirements", "hours", "pay",
          "starts_on", "closes_on", "contact_method")


# ---------------------------------------------------------------- postings

find_by_submission_key = find_submitted


def _partner_office_id(actor: User, action: str) -> int:
    """The Bapas of the actor's partner organisation (postings belong to one)."""
    if actor.partner_org is None:
        raise NotPermitted(action)
    return actor.partner_org.office_id


def _apply(opportunity: Opportunity, data: Mapping[str, Any]) -> None:
    for key in FIELDS:
        value = data.get(key)
        if isinstance(value, str):
            value = value.strip() or None
        setattr(opportunity, key, value)
    opportunity.region_id = int(data["region_id"])
    opportunity.description = str(sanitize_html(data["description"]))
    opportunity.excluded_offences = list(data.get("excluded_offences") or [])
    offices = db.session.scalars(select(Office).where(
        Office.id.in_([int(i) for i in data["office_ids"]]))).all()
    opportunity.offices = list(offices)


def create_posting(actor: User, data: Mapping[str, Any]) -> Opportunity:
    """A draft posting of the actor's organisation."""
    office_id = _partner_office_id(actor, "create")
    opportunity = Opportunity(partner_org_id=actor.partner_org_id, created_by_id=actor.id,
                              submission_key=submission_digest(data.get("submission_key")),
                              status="draft")
    _apply(opportunity, data)
    opportunity, created = add_once(opportunity)
    if not created:
        return opportunity  # the same form sent twice: the first draft stands
    audit.record(actor, "opportunity.created", opportunity, office_id=office_id)
    return opportunity


def update_posting(actor: User, opportunity: Opportunity, data: Mapping[str, Any]) -> None:
    """Edit a draft."""
    POSTING_WORKFLOW.check("edit", opportunity.status, actor.role, actor=actor, subject=opportunity)
    office_id = _partner_office_id(actor, "edit")
    _apply(opportunity, data)
    audit.record(actor, "opportunity.edited", opportunity, office_id=office_id)


def move_posting(actor: User | None, opportunity: Opportunity, action: str, note: str | None = None,
                 reason: str | None = None) -> None:
    """submit, publish, request_changes, reject or close, as the table allows."""
    role = actor.role if actor is not None else SYSTEM
    POSTING_WORKFLOW.check(action, opportunity.status, role, {"note": note}, actor=actor,
                           subject=opportunity)
    before = opportunity.status
    target = POSTING_WORKFLOW.get(action).target
    if target is not None:
        opportunity.status = target
    if action in ("publish", "request_changes", "reject"):
        opportunity.moderation_note = (note or "").strip() or None
        opportunity.moderated_by_id = actor.id if actor is not None else None
        opportunity.moderated_at = utcnow()
    if action == "publish":
        opportunity.published_at = utcnow()
    if action == "close":
        opportunity.closed_reason = reason or ("by_hand" if actor else "date")
    audit.record(actor, f"opportunity.{action}", opportunity, from_status=before,
                 to_status=opportunity.status, office_id=opportunity.partner_org.office_id)
    if action == "submit":
        for office in opportunity.offices:
            for supervisor in active_staff(office.id, ("supervisor",)):
                notices.tell(supervisor, "opportunity_pending", opportunity=opportunity)
    if action in ("publish", "request_changes", "reject"):
        for member in org_admins(opportunity.partner_org_id):
            notices.tell(member, "opportunity_moderated", opportunity=opportunity, action=action,
                         note=opportunity.moderation_note)


def close_expired(on: dt.date | None = None) -> int:
    """Published postings past their closing date are closed."""
    on = on or today()
    rows = db.session.scalars(select(Opportunity).where(
        Opportunity.status == "published", Opportunity.closes_on < on)).all()
    for opportunity in rows:
        move_posting(None, opportunity, "close", reason="date")
    return len(rows)


def places_taken(opportunity: Opportunity) -> int:
    """Referrals that hold a place (placed or completed)."""
    return db.session.scalar(select(func.count(Referral.id)).where(
        Referral.opportunity_id == opportunity.id,
        Referral.status.in_(("placed", "completed")))) or 0


# ---------------------------------------------------------------- matching and referring

def eligible(opportunity: Opportunity, client: Client) -> bool:
    """Whether the client may be referred; the reason is never shown to anyone."""
    return (opportunity.status == "published" and opportunity.open_to(client.office_id)
            and (client.offence_category or "") not in (opportunity.excluded_offences or [])
            and client.under_supervision)


def refer(actor: User, client: Client, opportunity: Opportunity, data: Mapping[str, Any]) -> Referral:
    """The officer refers a client who consented; the partner sees a pseudonymous candidate."""
    if not eligible(opportunity, client):
        raise Refused(_l("Choose an opportunity the client is eligible for."), "not_eligible")
    referral = Referral(
        submission_key=submission_digest(data.get("submission_key")), opportunity_id=opportunity.id,
        client_id=client.id, office_id=client.office_id, officer_id=actor.id,
        consent_on=data["consent_on"], consent_method=data["consent_method"],
        disclose_now=data["disclosure"] == "now",
        consent_assignment=bool(data.get("consent_assignment")),
        summary=data["summary"].strip(), status="proposed")
    if referral.disclose_now:
        referral.disclosed_at = utcnow()
    referral, created = add_once(referral)
    if not created:
        return referral  # the same form sent twice: the first referral stands
    referral.events.append(ReferralEvent(actor_id=actor.id, action="refer", to_status="proposed"))
    db.session.add(ClientEvent(client_id=client.id, kind="referral", action="referral_made",
                               actor_id=actor.id, to_status="proposed"))
    audit.record(actor, "referral.created", referral, office_id=client.office_id,
                 disclosed=referral.disclosed)
    for member in org_members(opportunity.partner_org_id):
        notices.tell(member, "referral_new", opportunity=opportunity,
                   code=referral.code)
    return referral


def _notify_officer(referral: Referral) -> None:
    if referral.officer is not None and referral.officer.active:
        notify(referral.officer, "referral_update", link_to("jobs.referral", code=referral.code))


def respond(actor: User, referral: Referral, action: str, *, on: dt.date | None = None,
            reason: str | None = None, note: str | None = None) -> None:
    """The partner's answer: invite, offer, decline, start, end or complete."""
    given = {"interview_on": on, "on": on, "reason": reason, "disclosed": referral.disclosed}
    REFERRAL_WORKFLOW.check(action, referral.status, actor.role, given, actor=actor,
                            subject=referral)
    before = referral.status
    target = REFERRAL_WORKFLOW.get(action).target
    if target is not None:
        referral.status = target
    if action == "invite":
        referral.interview_on = on
    if action == "start":
        referral.placement_started_on = on
        if referral.consent_assignment:
            assert on is not None  # "start" requires the date: the check above refused otherwise
            assignment = start_placement(actor, referral.client,
                                         referral.opportunity.partner_org_id, on,
                                         referral.officer_id, referral.opportunity.title)
            referral.assignment_id = assignment.id
        if places_taken(referral.opportunity) >= referral.opportunity.places:
            move_posting(None, referral.opportunity, "close", reason="filled")
    if action in ("end", "complete"):
        referral.placement_ended_on = on
        referral.end_reason = (reason or "").strip() or None
        if referral.assignment_id:
            placement = db.session.get(Assignment, referral.assignment_id)
            if placement is not None and placement.status == "active":
                end_assignment(None, placement, "placement_ended")
    if action == "decline":
        referral.end_reason = (reason or "").strip() or None
    referral.partner_note = (note or "").strip() or referral.partner_note
    referral.events.append(ReferralEvent(actor_id=actor.id, action=action, from_status=before,
                                         to_status=referral.status, note=reason or note))
    audit.record(actor, f"referral.{action}", referral, office_id=referral.office_id,
                 from_status=before, to_status=referral.status)
    _notify_officer(referral)


def check_officer_action(actor: User, referral: Referral, action: str) -> None:
    """Raise unless the officer may take this step on the referral now."""
    REFERRAL_WORKFLOW.check(action, referral.status, actor.role, actor=actor, subject=referral)


def officer_action(actor: User, referral: Referral, action: str, grounds: str | None = None) -> bool:
    """The officer withdraws the referral or releases the client's name (a deliberate
    decision: with its grounds, issue 10 point 1). False: the name was already released."""
    check_officer_action(actor, referral, action)
    if action == "disclose" and referral.disclosed:
        return False
    grounds = (grounds or "").strip() or None
    if action == "disclose" and grounds is None:
        raise Refused(_l("Give the grounds for releasing the name."), "grounds")
    before = referral.status
    if action == "withdraw":
        referral.status = "withdrawn"
    else:
        referral.disclosed_at = utcnow()
    referral.events.append(ReferralEvent(actor_id=actor.id, action=action, from_status=before,
                                         to_status=referral.status, note=grounds))
    audit.record(actor, f"referral.{action}", referral, office_id=referral.office_id)
    return True


def end_placements(client_id: int, on: dt.date, reason: str) -> list[Referral]:
    """End the client's placements under way (the client left supervision): through the
    table, as the system; the placement's assignment ends with it. Returns those ended."""
    ended = []
    for referral in db.session.scalars(select(Referral).where(
            Referral.client_id == client_id, Referral.status == "placed")).all():
        REFERRAL_WORKFLOW.check("end", referral.status, "system", {"on": on, "reason": reason})
        before = referral.status
        referral.status = "ended"
        referral.placement_ended_on = on
        referral.end_reason = reason
        if referral.assignment_id:
            placement = db.session.get(Assignment, referral.assignment_id)
            if placement is not None and placement.status == "active":
                end_assignment(None, placement, "placement_ended")
        referral.events.append(ReferralEvent(actor_id=None, action="end", from_status=before,
                                             to_status=referral.status, note=reason))
        audit.record(None, "referral.end", referral, office_id=referral.office_id,
                     from_status=before, to_status=referral.status)
        ended.append(referral)
    return ended
