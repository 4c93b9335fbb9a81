"""Partner verbs: apply, confirm, vet, record the PKS, suspend, manage members, daily job.
Each verb checks the workflow table, writes the timeline and the audit log, queues email,
and flushes; the request commits."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from flask import url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select

from .. import audit, mail, notices, uploads
from ..auth import services as auth_services
from ..auth.models import OneTimeToken, User
from ..auth.queries import active_staff, org_admins
from ..clients.services import end_assignments
from ..db import add_once, find_submitted, submission_digest, today, utcnow
from ..extensions import db
from ..workflow import Refused
from ..workflow import check_version as check_version  # the views check versions through it
from .models import PartnerEvent, PartnerOrg, PksReminder
from .workflow import APPLICANT, PARTNER_WORKFLOW, SYSTEM

CONFIRM_HOURS = 72
INFO_HOURS = 14 * 24
REMINDER_DAYS = (60, 30, 7)
UNCONFIRMED_DAYS = 7
REJECTED_DOCUMENT_MONTHS = 12


class DuplicateMember(Exception):
    """Another account already uses this email."""


def _role(actor: User | None) -> str:
    return actor.role if actor is not None else SYSTEM


def _move(org: PartnerOrg, action: str, actor: User | None = None, *, role: str | None = None,
          note: str | None = None, **given: object) -> None:
    transition = PARTNER_WORKFLOW.check(action, org.status, role or _role(actor), given,
                                        actor=actor, subject=org)
    before = org.status
    if transition.target:
        org.status = transition.target
    org.events.append(PartnerEvent(actor_id=getattr(actor, "id", None), action=action,
                                   from_status=before, to_status=org.status, note=note))
    audit.record(actor, f"partner.{action}", org, office_id=org.office_id,
                 from_status=before, to_status=org.status)


def _note(org: PartnerOrg, action: str, actor: User | None = None, note: str | None = None) -> None:
    org.events.append(PartnerEvent(actor_id=getattr(actor, "id", None), action=action,
                                   from_status=org.status, to_status=org.status, note=note))


# ---------------------------------------------------------------- applying

def find_by_submission_key(key: str | None) -> PartnerOrg | None:
    """The application already created from this form (a second submit of the same form)."""
    return find_submitted(PartnerOrg, key)


def submit_application(data: Mapping[str, Any], files: dict[str, uploads.CheckedFile], locale: str) -> PartnerOrg:
    """Create an application waiting for its email confirmation, store its documents and
    email the confirmation link."""
    org = PartnerOrg(
        submission_key=submission_digest(data["submission_key"]), applicant_type=data["applicant_type"],
        kind=data["kind"], name=data["name"].strip(), fields=list(data["fields"]),
        office_id=int(data["office_id"]), contact_name=data["contact_name"].strip(),
        email=data["email"].strip().lower(), phone=data["phone"], address=data["address"].strip(),
        motivation=data["motivation"].strip(), consent_at=utcnow(), locale=locale,
        status="unconfirmed")
    org, created = add_once(org)
    if not created:
        return org  # the same form sent twice: the first application stands
    for purpose, checked in files.items():
        uploads.store(checked, org, purpose)
    org.events.append(PartnerEvent(action="applied", to_status="unconfirmed"))
    audit.record(None, "partner.applied", org, office_id=org.office_id, kind=org.kind)
    issued = auth_services.issue_token("partner_confirm", CONFIRM_HOURS, org=org)
    mail.queue(org.email, "partner_confirm", locale, org=org, hours=CONFIRM_HOURS,
               link=url_for("public.apply_confirm", token=issued.token, _external=True))
    return org


def find_org_token(token: str, purpose: str) -> OneTimeToken | None:
    """A usable single-use link of a partner application."""
    row = auth_services.find_token(token, (purpose,))
    return row if row is not None and row.partner_org is not None else None


def _org_of(row: OneTimeToken) -> PartnerOrg:
    """The application of a link found by find_org_token()."""
    if row.partner_org is None:
        raise ValueError("the link does not belong to a partner application")
    return row.partner_org


def confirm_email(row: OneTimeToken) -> PartnerOrg:
    """The applicant confirmed the address: the application enters the Bapas queue."""
    org = _org_of(row)
    auth_services.consume_token(row)
    org.email_confirmed_at = utcnow()
    _move(org, "confirm_email", role=APPLICANT)
    mail.queue(org.email, "partner_received", org.locale, org=org)
    for staff in active_staff(org.office_id, ("supervisor",)):
        notices.tell(staff, "partner_new_application", org=org,
                   link=url_for("vetting.detail", public_id=org.public_id, _external=True))
    return org


# ---------------------------------------------------------------- vetting

def update_checklist(actor: User, org: PartnerOrg, documents_verified: bool,
                     visit_on: dt.date | None, visit_notes: str | None) -> None:
    """Record the document check and the vetting visit."""
    PARTNER_WORKFLOW.check("update_checklist", org.status, actor.role, actor=actor, subject=org)
    if documents_verified and org.documents_verified_at is None:
        org.documents_verified_at = utcnow()
    elif not documents_verified:
        org.documents_verified_at = None
    org.visit_on = visit_on
    org.visit_notes = (visit_notes or "").strip() or None
    _note(org, "update_checklist", actor)
    audit.record(actor, "partner.update_checklist", org, documents_verified=documents_verified,
                 visit_on=visit_on)


def request_info(actor: User, org: PartnerOrg, message: str) -> None:
    """Ask the applicant for more; they answer through a single-use link."""
    _move(org, "request_info", actor, note=message.strip(), message=message.strip())
    issued = auth_services.issue_token("partner_info", INFO_HOURS, org=org)
    mail.queue(org.email, "partner_info_request", org.locale, org=org, message=message.strip(),
               days=INFO_HOURS // 24,
               link=url_for("public.apply_answer", token=issued.token, _external=True))


def answer_info(row: OneTimeToken, answer: str, files: list[uploads.CheckedFile]) -> PartnerOrg:
    """The applicant's answer and extra documents; the application returns to the queue."""
    org = _org_of(row)
    _move(org, "answer_info", role=APPLICANT, note=answer.strip(), answer=answer.strip())
    auth_services.consume_token(row)
    for checked in files:
        uploads.store(checked, org, "additional")
    return org


def reject(actor: User, org: PartnerOrg, reason: str) -> None:
    """Reject with a reason; the applicant is told by email."""
    _move(org, "reject", actor, note=reason.strip(), reason=reason.strip())
    org.decision_reason = reason.strip()
    org.decided_at = utcnow()
    mail.queue(org.email, "partner_rejected", org.locale, org=org, reason=reason.strip())


def approve_vetting(actor: User, org: PartnerOrg) -> None:
    """The supervisor approves the vetting: the head can now sign the PKS."""
    _move(org, "approve_vetting", actor,
          documents_verified=org.documents_verified_at is not None, visit_on=org.visit_on)
    for head in active_staff(org.office_id, ("head",)):
        notices.tell(head, "partner_ready_for_pks", org=org,
                   link=url_for("vetting.detail", public_id=org.public_id, _external=True))


def _set_pks(org: PartnerOrg, number: str, signed_on: dt.date, valid_until: dt.date,
             scan: uploads.CheckedFile, actor: User) -> None:
    org.pks_number = number.strip()
    org.pks_signed_on = signed_on
    org.pks_valid_until = valid_until
    uploads.store(scan, org, "pks", uploaded_by=actor)


def record_pks(actor: User, org: PartnerOrg, number: str, signed_on: dt.date,
               valid_until: dt.date, scan: uploads.CheckedFile) -> User:
    """The head records the signed PKS: the partner becomes active and its contact person
    is invited to set a password (as the organisation's admin)."""
    _move(org, "record_pks", actor, pks_number=number, pks_signed_on=signed_on,
          pks_valid_until=valid_until, scan=scan)
    _set_pks(org, number, signed_on, valid_until, scan, actor)
    org.decided_at = utcnow()
    contact = auth_services.find_user_by_email(org.email)
    if contact is None:
        contact = User(email=org.email, name=org.contact_name, role="partner",
                       partner_org_id=org.id, org_admin=True, locale=org.locale)
        db.session.add(contact)
        db.session.flush()
        audit.record(actor, "user.created", contact, role="partner", office_id=org.office_id)
    auth_services.send_invitation(actor, contact)
    return contact


def renew_pks(actor: User, org: PartnerOrg, number: str, signed_on: dt.date,
              valid_until: dt.date, scan: uploads.CheckedFile) -> None:
    """The head records a renewed PKS (also after it lapsed)."""
    _move(org, "renew_pks", actor, pks_number=number, pks_signed_on=signed_on,
          pks_valid_until=valid_until, scan=scan)
    _set_pks(org, number, signed_on, valid_until, scan, actor)


def suspend(actor: User, org: PartnerOrg, reason: str) -> None:
    """Suspend: every member loses access at once (checked on each request)."""
    _move(org, "suspend", actor, note=reason.strip(), reason=reason.strip())
    org.decision_reason = reason.strip()
    end_assignments(org_id=org.id, reason="partner_suspended", actor=actor)
    for admin in org_admins(org.id):
        notices.tell(admin, "partner_suspended", org=org, reason=reason.strip())


def end_partnership(actor: User, org: PartnerOrg, reason: str) -> None:
    """The head ends the partnership before the PKS lapses: every member loses access and
    every assignment ends at once; the organisation's admins are told, with the reason."""
    _move(org, "end", actor, note=reason.strip(), reason=reason.strip())
    org.decision_reason = reason.strip()
    end_assignments(org_id=org.id, reason="partnership_ended", actor=actor)
    for admin in org_admins(org.id):
        notices.tell(admin, "partner_ended", org=org, reason=reason.strip())


def reinstate(actor: User, org: PartnerOrg) -> None:
    """Lift a suspension."""
    _move(org, "reinstate", actor)
    org.decision_reason = None
    for admin in org_admins(org.id):
        notices.tell(admin, "partner_reinstated", org=org)


# ---------------------------------------------------------------- the organisation itself

def invite_member(actor: User, org: PartnerOrg, name: str, email: str) -> User:
    """The organisation's admin adds a member, who gets an invitation email."""
    email = auth_services.normalise_email(email)
    if auth_services.find_user_by_email(email):
        raise DuplicateMember(email)
    member = User(email=email, name=name.strip(), role="partner", partner_org_id=org.id,
                  locale=actor.locale or "id")
    db.session.add(member)
    db.session.flush()
    audit.record(actor, "user.created", member, role="partner", office_id=org.office_id)
    _note(org, "member_invited", actor)
    auth_services.send_invitation(actor, member)
    return member


def set_member_active(actor: User, org: PartnerOrg, member: User, active: bool) -> None:
    """Deactivate (sessions end at once) or reactivate a member of the organisation."""
    if member.id == actor.id and not active:
        raise Refused(_l("You cannot deactivate your own account."), "self")
    if member.active == active:
        return
    member.active = active
    member.rotate_nonce()
    audit.record(actor, "user.reactivated" if active else "user.deactivated", member,
                 office_id=org.office_id)
    _note(org, "member_reactivated" if active else "member_deactivated", actor)


def update_profile(actor: User, org: PartnerOrg, description: str | None, website: str | None,
                   listed: bool) -> None:
    """The public profile: description, website, and whether the name may be listed."""
    org.public_description = (description or "").strip() or None
    org.website = (website or "").strip() or None
    org.listed_publicly = bool(listed)
    _note(org, "profile_updated", actor)
    audit.record(actor, "partner.profile_updated", org, listed=org.listed_publicly)


# ---------------------------------------------------------------- the daily job

@dataclass
class DailyReport:
    """What `flask partners daily` did."""

    reminders: list[tuple[str, int]] = field(default_factory=list)
    ended: list[str] = field(default_factory=list)
    purged_unconfirmed: int = 0
    purged_documents: int = 0


def _remind(org: PartnerOrg, days_left: int, report: DailyReport) -> None:
    due = [d for d in REMINDER_DAYS if days_left <= d]
    if not due:
        return
    sent = set(db.session.scalars(select(PksReminder.days_before).where(
        PksReminder.org_id == org.id, PksReminder.valid_until == org.pks_valid_until)))
    if min(due) in sent:
        return
    for days in due:  # the most urgent one is sent; the earlier ones are no longer useful
        if days not in sent:
            db.session.add(PksReminder(org_id=org.id, valid_until=org.pks_valid_until,
                                       days_before=days))
    recipients = org_admins(org.id) + active_staff(org.office_id, ("supervisor",))
    for person in recipients:
        notices.tell(person, "pks_reminder", org=org, days_left=days_left,
                   is_staff=person.role != "partner")
    report.reminders.append((org.reference, min(due)))


def daily(on: dt.date | None = None) -> DailyReport:
    """PKS reminders at 60, 30 and 7 days, the end of lapsed partnerships, and retention.
    Safe to run more than once a day."""
    on = on or today()
    report = DailyReport()
    orgs = db.session.scalars(select(PartnerOrg).where(
        PartnerOrg.status.in_(("active", "suspended")), PartnerOrg.pks_valid_until.is_not(None))
        .order_by(PartnerOrg.id)).all()
    for org in orgs:
        valid_until = org.pks_valid_until
        if valid_until is None:  # the select leaves these out
            continue
        if valid_until < on:
            _move(org, "lapse", None, note=None)
            end_assignments(org_id=org.id, reason="pks_ended")
            report.ended.append(org.reference)
            for person in org_admins(org.id) + active_staff(org.office_id, ("supervisor",)):
                notices.tell(person, "pks_ended", org=org,
                           is_staff=person.role != "partner")
        elif org.status == "active":
            _remind(org, (valid_until - on).days, report)
    now = utcnow()
    stale = db.session.scalars(select(PartnerOrg).where(
        PartnerOrg.status == "unconfirmed",
        PartnerOrg.created_at < now - dt.timedelta(days=UNCONFIRMED_DAYS))).all()
    for org in stale:
        for attachment in uploads.attachments_of(org):
            uploads.delete(attachment)
        db.session.execute(delete(OneTimeToken).where(OneTimeToken.partner_org_id == org.id)
                           .execution_options(synchronize_session=False))
        audit.record(None, "partner.purged_unconfirmed", org, office_id=org.office_id)
        db.session.delete(org)
        report.purged_unconfirmed += 1
    cutoff = now - dt.timedelta(days=REJECTED_DOCUMENT_MONTHS * 30)
    rejected = db.session.scalars(select(PartnerOrg).where(
        PartnerOrg.status == "rejected", PartnerOrg.decided_at < cutoff)).all()
    for org in rejected:
        for attachment in uploads.attachments_of(org):
            uploads.delete(attachment)
            report.purged_documents += 1
    db.session.flush()
    return report
