"""Home-visit verbs: plan (from a client, an observation or the officer's home), record the
visit made or missed; a visit made closes the observation that caused it."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import update

from .. import audit
from ..auth.models import User
from ..clients.models import Client, ClientEvent
from ..db import add_once, find_submitted, submission_digest, utcnow
from ..extensions import db
from ..observations import services as observation_services
from ..observations.models import Observation
from ..workflow import Refused
from .models import HomeVisit
from .workflow import VISIT_WORKFLOW

ALREADY_RECORDED = _l("This home visit is already recorded; nothing was changed a second time.")


def find_by_submission_key(key: str | None) -> HomeVisit | None:
    """The visit already planned from this form, if it was sent twice."""
    return find_submitted(HomeVisit, key)


def plan_subject(client: Client) -> HomeVisit:
    """A visit not yet stored, for asking the table who may plan one for `client`."""
    return HomeVisit(client_id=client.id, office_id=client.office_id, status="new", client=client)


def may(actor: User, action: str, visit: HomeVisit) -> bool:
    """Whether the table lets `actor` make `action` on the visit at all (role and guard; the
    state and the form's contents are checked by the verb)."""
    state = "new" if action == "plan" else "planned"
    return VISIT_WORKFLOW.blocked(action, state, actor.role, actor=actor, subject=visit) is not None


def _text(value: object) -> str:
    return str(value or "").strip()


def plan(actor: User, client: Client, data: Mapping[str, Any],
         observation: Observation | None = None) -> HomeVisit:
    """Plan a home visit (date, purpose); planned about an observation, it leaves the
    observation open until the visit is recorded."""
    given = {"planned_on": data.get("planned_on"), "purpose": _text(data.get("purpose"))}
    VISIT_WORKFLOW.check("plan", "new", actor.role, given, actor=actor, subject=plan_subject(client))
    if not client.under_supervision:
        raise Refused(_l("Home visits are planned only for clients under supervision."), "client")
    visit = HomeVisit(submission_key=submission_digest(data.get("submission_key")),
                      client_id=client.id, office_id=client.office_id,
                      observation_id=observation.id if observation is not None else None,
                      planned_by_id=actor.id, planned_on=given["planned_on"],
                      purpose=given["purpose"], status="planned")
    visit, created = add_once(visit)
    if not created:
        return visit  # the same form sent twice: the first plan stands
    db.session.add(ClientEvent(client_id=client.id, kind="visit", action="visit_planned",
                               actor_id=actor.id, to_status="planned", observation_id=visit.observation_id))
    audit.record(actor, "visit.planned", visit, office_id=client.office_id,
                 from_observation=observation is not None)
    if observation is not None:
        observation_services.visit_planned(actor, observation, visit.id)
    return visit


def _claim(visit: HomeVisit, status: str, values: dict[str, Any]) -> None:
    """Move the planned visit to `status` only if nobody recorded it meanwhile: a second
    record (a double submit, two tabs, two people at once) gets ALREADY_RECORDED."""
    result = db.session.execute(
        update(HomeVisit).where(HomeVisit.id == visit.id, HomeVisit.status == "planned")
        .values(status=status, version=HomeVisit.version + 1, updated_at=utcnow(), **values)
        .execution_options(synchronize_session=False))
    if getattr(result, "rowcount", 0) != 1:
        raise Refused(ALREADY_RECORDED, "already_recorded")
    db.session.refresh(visit)


def record_done(actor: User, visit: HomeVisit, data: Mapping[str, Any]) -> None:
    """The visit was made: date, who was met, findings, next step. It closes the observation
    it was planned about."""
    if visit.status != "planned":
        raise Refused(ALREADY_RECORDED, "already_recorded")
    given = {"visited_on": data.get("visited_on"), "met_whom": _text(data.get("met_whom")),
             "findings": _text(data.get("findings")), "next_step": _text(data.get("next_step"))}
    VISIT_WORKFLOW.check("record_done", visit.status, actor.role, given, actor=actor, subject=visit)
    visited_on: dt.date = given["visited_on"]  # type: ignore[assignment]
    _claim(visit, "done", {**given, "visited_on": visited_on, "recorded_by_id": actor.id,
                           "recorded_at": utcnow()})
    db.session.add(ClientEvent(client_id=visit.client_id, kind="visit", action="visit_done",
                               actor_id=actor.id, from_status="planned", to_status="done",
                               note=given["findings"], observation_id=visit.observation_id))
    audit.record(actor, "visit.record_done", visit, office_id=visit.office_id)
    observation = visit.observation
    if (observation is not None and observation.status == "acknowledged"
            and observation.follow_up == "home_visit_planned"):
        observation_services.closed_by_visit(actor, observation, str(given["findings"]), visit.id)


def record_missed(actor: User, visit: HomeVisit, data: Mapping[str, Any]) -> None:
    """The visit did not take place, and why; the observation it was planned about stays open."""
    if visit.status != "planned":
        raise Refused(ALREADY_RECORDED, "already_recorded")
    given = {"missed_reason": _text(data.get("missed_reason"))}
    VISIT_WORKFLOW.check("record_missed", visit.status, actor.role, given, actor=actor, subject=visit)
    _claim(visit, "missed", {**given, "recorded_by_id": actor.id, "recorded_at": utcnow()})
    db.session.add(ClientEvent(client_id=visit.client_id, kind="visit", action="visit_missed",
                               actor_id=actor.id, from_status="planned", to_status="missed",
                               note=given["missed_reason"], observation_id=visit.observation_id))
    audit.record(actor, "visit.record_missed", visit, office_id=visit.office_id)


def set_intervals(actor: User, office: Any, intensive_days: int, regular_days: int) -> None:
    """The Kasi or the Kepala sets the days between home visits by intensity."""
    if actor.role not in ("supervisor", "head") or actor.office_id != office.id:
        raise Refused(_l("Only the Kasi or the Kepala of the Bapas sets the visit rule."), "role")
    before = [office.visit_interval_intensive_days, office.visit_interval_regular_days]
    office.visit_interval_intensive_days = intensive_days
    office.visit_interval_regular_days = regular_days
    audit.record(actor, "office.visit_intervals_set", office, office_id=office.id,
                 before=before, after=[intensive_days, regular_days])
