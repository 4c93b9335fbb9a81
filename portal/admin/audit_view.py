"""The audit log in words: an event's action, its object by public reference (never a name or
case content: DESIGN §2) and its small facts, each code printed as its label."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from flask_babel import format_date
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from ..audit import AuditEvent
from ..extensions import db
from ..labels import label, labels, registry

# The status table of each kind of object (from_status / to_status of its events).
STATUS_TABLES = {"Complaint": "complaint_status", "Client": "client_status",
                 "Assignment": "assignment_status", "Opportunity": "posting_status",
                 "Referral": "referral_status", "PartnerOrg": "partner_status"}
# The table of a detail whose value is a code (the same for every kind of object).
VALUE_TABLES = {"role": "role", "outcome": "checkin_outcome", "from_outcome": "checkin_outcome",
                "recommendation": "recommendation", "category": "observation_category", "channel": "channel",
                "follow_up": "follow_up", "kind": "partner_kind", "subject": "bap_subject",
                "method": "login_method", "how": "password_way", "via": "created_via",
                "locale": "language"}
DATES = ("month", "day", "visit_on", "letter_on", "returned_on")
PAGES = {"edit": _l("the edit form")}


def _reference_columns() -> dict[str, Any]:
    from ..auth.models import User
    from ..clients.models import Assignment, Client
    from ..complaints.models import Complaint
    from ..jobs.models import Opportunity, Referral
    from ..observations.models import Observation
    from ..offices.models import Office
    from ..partners.models import PartnerOrg
    return {"User": (User, User.email), "Client": (Client, Client.public_id),
            "Complaint": (Complaint, Complaint.reference),
            "Observation": (Observation, Observation.public_id),
            "Assignment": (Assignment, Assignment.id),
            "PartnerOrg": (PartnerOrg, PartnerOrg.reference),
            "Opportunity": (Opportunity, Opportunity.public_id),
            "Referral": (Referral, Referral.code), "Office": (Office, Office.name)}


def object_references(events: Iterable[AuditEvent]) -> dict[tuple[str, str], str]:
    """(object type, object id) → the object's public reference, one query per kind of object."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for event in events:
        if event.object_type and (event.object_id or "").isdigit():
            wanted[event.object_type].add(int(event.object_id or 0))
    columns = _reference_columns()
    found: dict[tuple[str, str], str] = {}
    for kind, ids in wanted.items():
        if kind not in columns:
            continue
        model, column = columns[kind]
        for row_id, reference in db.session.execute(select(model.id, column).where(model.id.in_(ids))):
            found[(kind, str(row_id))] = f"#{reference}" if kind == "Assignment" else str(reference)
    return found


def describe_object(event: AuditEvent, references: dict[tuple[str, str], str]) -> str:
    """“Complaint ADU-K7Q2-M9XD”, “Client <public id>”, or the kind alone once deleted."""
    if not event.object_type:
        return ""
    kind = label("audit_object", event.object_type)
    reference = references.get((event.object_type, event.object_id or ""))
    return f"{kind} {reference}" if reference else kind


def _value(event: AuditEvent, key: str, value: object) -> str:
    if isinstance(value, bool):
        return label("yes_no", "yes" if value else "no")
    if key in ("from_status", "to_status"):
        table = STATUS_TABLES.get(event.object_type or "")
        return label(table, value) if table else ("—" if value is None else str(value))
    if key == "fields":
        table = "client_field" if event.object_type == "Client" else "user_field"
        return labels(table, value if isinstance(value, list) else [value])
    if key == "reason":
        return label("login_failure" if event.action.startswith("login.") else "assignment_end_reason", value)
    if key == "grounds":  # a revocation's legal grounds, or a cancellation's
        codes = value if isinstance(value, list) else [value]
        return ", ".join(label("ground" if code in registry()["ground"] else "cancellation_ground", code)
                         for code in codes)
    if key == "page":
        return str(PAGES.get(str(value), value))
    if key in VALUE_TABLES:
        table = VALUE_TABLES[key]
        return labels(table, value) if isinstance(value, list) else label(table, value)
    if key == "months" and isinstance(value, list):
        return ", ".join(_value(event, "month", month) for month in value)
    if key in DATES and isinstance(value, str):
        try:
            return format_date(dt.date.fromisoformat(value[:10]), "long" if key != "month" else "MMMM yyyy")
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "—" if value is None else str(value)


def describe_details(event: AuditEvent) -> list[tuple[str, str]]:
    """The event's small facts as (label, value in words)."""
    return [(label("audit_detail", key), _value(event, key, value))
            for key, value in (event.details or {}).items()]
