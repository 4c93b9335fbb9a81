"""Observation verbs: submit, correct (keeping the earlier version), acknowledge, follow up,
and the daily digest of routine observations."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit, notices, uploads
from ..auth.models import User
from ..auth.queries import active_staff
from ..clients.models import Assignment, Client, ClientEvent
from ..db import add_once, find_submitted, submission_digest, utcnow
from ..extensions import db
from ..html import sanitize_html
from ..notifications import link_to, notify
from ..workflow import InvalidTransition, Refused
from ..workflow import check_version as check_version  # the views check versions through it
from .models import Observation, ObservationRevision
from .workflow import OBSERVATION_WORKFLOW, VISIT_FOLLOW_UPS


def find_by_submission_key(key: str | None) -> Observation | None:
    """The observation already created from this form, if it was sent twice."""
    return find_submitted(Observation, key)


def _officer_recipients(client: Client) -> list[User]:
    if client.officer is not None and client.officer.active:
        return [client.officer]
    return active_staff(client.office_id, ("supervisor",))


def submit(actor: User, assignment: Assignment, data: Mapping[str, Any],
           files: list[uploads.CheckedFile]) -> Observation:
    """A partner reports what they observed; concerns reach the officer at once."""
    client = assignment.client
    observation = Observation(
        submission_key=submission_digest(data.get("submission_key")), client_id=client.id,
        office_id=client.office_id, assignment_id=assignment.id,
        partner_org_id=assignment.partner_org_id, author_id=actor.id,
        observed_on=data["observed_on"], category=data["category"],
        grounds=list(data.get("grounds") or []) if data["category"] == "suspected_violation" else [],
        condition_id=int(data["condition_id"]) if data.get("condition_id") else None,
        narrative=str(sanitize_html(data["narrative"])))
    observation, created = add_once(observation)
    if not created:
        return observation  # the same form sent twice: the first one stands
    for checked in files:
        uploads.store(checked, observation, "evidence", uploaded_by=actor)
    db.session.add(ClientEvent(client_id=client.id, kind="observation", action="observation_submitted",
                               actor_id=actor.id, observation_id=observation.id,
                               to_status=observation.category))
    audit.record(actor, "observation.submitted", observation, office_id=client.office_id,
                 category=observation.category, grounds=observation.grounds)
    link = link_to("observations.detail", public_id=observation.public_id)
    for officer in _officer_recipients(client):
        if observation.urgent:
            notify(officer, "observation_urgent", link)
            notices.tell(officer, "observation_urgent", observation=observation, link=url_for(
                           "observations.detail", public_id=observation.public_id, _external=True)
                       if has_request_context() else "")
        else:
            notify(officer, "observation_new", link)
    if observation.urgent:
        observation.digested_at = utcnow()  # already sent at once; not in the digest
    return observation


def correct(actor: User, observation: Observation, data: Mapping[str, Any]) -> None:
    """The author corrects an observation the officer has not yet acknowledged."""
    OBSERVATION_WORKFLOW.check("correct", observation.status, actor.role, data, actor=actor,
                               subject=observation)
    observation.revisions.append(ObservationRevision(
        observed_on=observation.observed_on, category=observation.category,
        grounds=list(observation.grounds), narrative=observation.narrative,
        condition_id=observation.condition_id, written_at=observation.updated_at, replaced_by_id=actor.id))
    observation.observed_on = data["observed_on"]
    observation.category = data["category"]
    observation.grounds = list(data.get("grounds") or []) if data["category"] == "suspected_violation" else []
    observation.condition_id = int(data["condition_id"]) if data.get("condition_id") else None
    observation.narrative = str(sanitize_html(data["narrative"]))
    db.session.add(ClientEvent(client_id=observation.client_id, kind="observation",
                               action="observation_corrected", actor_id=actor.id,
                               observation_id=observation.id))
    audit.record(actor, "observation.corrected", observation, office_id=observation.office_id)


def acknowledge(actor: User, observation: Observation, reply: str, follow_up: str | None,
                note: str | None) -> None:
    """The officer answers (the partner sees the reply) and may record the follow-up."""
    OBSERVATION_WORKFLOW.check("acknowledge", observation.status, actor.role, {"reply": reply},
                               actor=actor, subject=observation)
    observation.status = "acknowledged"
    observation.reply = reply.strip()
    observation.acknowledged_by_id = actor.id
    observation.acknowledged_at = utcnow()
    db.session.add(ClientEvent(client_id=observation.client_id, kind="observation",
                               action="observation_acknowledged", actor_id=actor.id,
                               observation_id=observation.id))
    audit.record(actor, "observation.acknowledged", observation, office_id=observation.office_id)
    if observation.author.active:
        notify(observation.author, "observation_answered",
               link_to("partner_clients.observation", public_id=observation.public_id))
    if follow_up:
        record_follow_up(actor, observation, follow_up, note)


def record_follow_up(actor: User, observation: Observation, follow_up: str, note: str | None) -> None:
    """What the officer did about it (a revocation case is opened in the complaints module)."""
    OBSERVATION_WORKFLOW.check("record_follow_up", observation.status, actor.role,
                               {"follow_up": follow_up}, actor=actor, subject=observation)
    if follow_up in VISIT_FOLLOW_UPS:
        raise Refused(_l("Plan the home visit with the visit form: the observation stays open "
                         "until the visit is recorded."), "follow_up")
    observation.status = "followed_up"
    observation.follow_up = follow_up
    observation.follow_up_note = (note or "").strip() or None
    observation.followed_up_at = utcnow()
    db.session.add(ClientEvent(client_id=observation.client_id, kind="observation",
                               action="observation_followed_up", actor_id=actor.id,
                               observation_id=observation.id, to_status=follow_up,
                               note=observation.follow_up_note))
    audit.record(actor, "observation.followed_up", observation, office_id=observation.office_id,
                 follow_up=follow_up)


def check_plan_visit(actor: User, observation: Observation) -> None:
    """Refuse, in words, a home visit about an observation the table does not let `actor`
    plan one about now (a new one is answered first, so the partner has the reply)."""
    try:
        OBSERVATION_WORKFLOW.check("plan_visit", observation.status, actor.role, actor=actor,
                                   subject=observation)
    except InvalidTransition:
        if observation.status != "submitted":
            raise
        raise Refused(_l("Answer the partner first: a home visit is planned about an observation "
                         "once you have replied to it."), "answer_first") from None


def visit_planned(actor: User, observation: Observation, visit_id: int) -> None:
    """A home visit was planned about the answered observation: it stays open until the
    visit's record (portal/visits) closes it."""
    check_plan_visit(actor, observation)
    observation.follow_up = "home_visit_planned"
    db.session.add(ClientEvent(client_id=observation.client_id, kind="observation",
                               action="observation_visit_planned", actor_id=actor.id,
                               observation_id=observation.id, to_status="home_visit_planned"))
    audit.record(actor, "observation.visit_planned", observation, office_id=observation.office_id,
                 visit_id=visit_id)


def closed_by_visit(actor: User, observation: Observation, findings: str, visit_id: int) -> None:
    """The planned visit was made: the observation is followed up, with its findings."""
    OBSERVATION_WORKFLOW.check("close_by_visit", observation.status, actor.role,
                               {"findings": findings}, actor=actor, subject=observation)
    observation.status = "followed_up"
    observation.follow_up = "home_visit_done"
    observation.follow_up_note = findings.strip()
    observation.followed_up_at = utcnow()
    db.session.add(ClientEvent(client_id=observation.client_id, kind="observation",
                               action="observation_followed_up", actor_id=actor.id,
                               observation_id=observation.id, to_status="home_visit_done",
                               note=observation.follow_up_note))
    audit.record(actor, "observation.closed_by_visit", observation, office_id=observation.office_id,
                 visit_id=visit_id)


def send_digests() -> tuple[int, int]:
    """One email per officer with the routine observations not yet digested."""
    rows = db.session.scalars(select(Observation).where(
        Observation.digested_at.is_(None)).order_by(Observation.id)).all()
    by_officer: dict[int, tuple[User, list[Observation]]] = {}
    for observation in rows:
        for officer in _officer_recipients(observation.client):
            by_officer.setdefault(officer.id, (officer, []))[1].append(observation)
        observation.digested_at = utcnow()
    for officer, items in by_officer.values():
        pending = sum(1 for o in items if o.status == "submitted")
        notices.tell(officer, "observation_digest", count=len(items),
                   pending=pending)
    return len(by_officer), len(rows)
