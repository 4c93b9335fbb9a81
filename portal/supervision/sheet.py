"""What a partner reads about a client's supervision: built from explicit allow-lists of
fields, never from the Client object (no NIK, offence, risk, register or court data)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from flask import abort
from sqlalchemy import select

from ..auth.models import User
from ..clients.models import Assignment
from ..db import today
from ..extensions import db
from ..labels import label
from .models import Condition, TravelNotice
from .queries import current_permissions, sheet_of
from .workflow import TRAVEL_WORKFLOW

# The only fields of each record that reach a partner's page.
CONDITION_FIELDS = ("kind", "code", "text", "starts_on", "review_on")
SHEET_FIELDS = ("watch_for", "contact")
PERMISSION_FIELDS = ("destination", "from_on", "to_on")  # any permission: where and when
OWN_PERMISSION_FIELDS = PERMISSION_FIELDS + ("decision_note",)  # recorded by this organisation
OWN_REQUEST_FIELDS = ("public_id", "destination", "from_on", "to_on", "status", "decision_note")


def _pick(row: Any, fields: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in fields}


def _permission(user: User, notice: TravelNotice) -> dict[str, Any]:
    """Where and when; the PK's note only on a request this organisation recorded."""
    own = notice.partner_org_id is not None and notice.partner_org_id == user.partner_org_id
    return _pick(notice, OWN_PERMISSION_FIELDS if own else PERMISSION_FIELDS)


def _own_request(user: User, notice: TravelNotice) -> dict[str, Any]:
    """One of this organisation's requests, with whether the table lets this user withdraw it."""
    moves = TRAVEL_WORKFLOW.allowed(notice.status, user.role, user, notice)
    return {**_pick(notice, OWN_REQUEST_FIELDS),
            "can_withdraw": any(t.action == "withdraw" for t in moves)}


def condition_title(condition: Any) -> str:
    """A condition in words: the special condition's label and its text, or the text."""
    if condition.kind == "special" and condition.code:
        name = label("special_condition", condition.code)
        return f"{name}: {condition.text}" if condition.text else name
    return condition.text or label("condition_kind", condition.kind)


@dataclass(frozen=True)
class SheetView:
    """The partner sheet as the partner reads it."""

    written: bool
    conditions: tuple[dict[str, Any], ...]
    watch_for: str | None
    contact: str | None
    updated_on: dt.datetime | None
    permissions: tuple[dict[str, Any], ...]
    own_requests: tuple[dict[str, Any], ...]


def partner_sheet_view(user: User, assignment: Assignment) -> SheetView:
    """The sheet of an assignment the partner sees now (the caller loaded it in scope)."""
    if user.role != "partner" or assignment.partner_org_id != user.partner_org_id:
        abort(404)
    sheet = sheet_of(assignment)
    conditions = tuple({**_pick(c, CONDITION_FIELDS), "title": condition_title(c)}
                       for c in (sheet.conditions if sheet else []) if c.status == "in_force")
    own = db.session.scalars(select(TravelNotice).where(
        TravelNotice.client_id == assignment.client_id,
        TravelNotice.partner_org_id == user.partner_org_id,
        TravelNotice.status.in_(("requested", "refused")),
        TravelNotice.to_on >= today()).order_by(TravelNotice.id.desc()))
    values = _pick(sheet, SHEET_FIELDS) if sheet else dict.fromkeys(SHEET_FIELDS)
    return SheetView(
        written=sheet is not None, conditions=conditions, updated_on=sheet.updated_at if sheet else None,
        permissions=tuple(_permission(user, n) for n in current_permissions(assignment.client_id)),
        own_requests=tuple(_own_request(user, n) for n in own), **values)


def condition_choices(user: User, assignment: Assignment) -> list[tuple[str, str]]:
    """The conditions on this partner's sheet, for the observation form's select."""
    if user.role != "partner" or assignment.partner_org_id != user.partner_org_id:
        abort(404)
    sheet = sheet_of(assignment)
    return [(str(c.id), condition_title(c)) for c in (sheet.conditions if sheet else [])
            if c.status == "in_force"]


def sheet_condition_ids(conditions: list[Condition]) -> set[int]:
    """Ids of conditions (for the staff form's checked boxes)."""
    return {c.id for c in conditions}
