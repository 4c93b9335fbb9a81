"""Template globals: role-aware navigation, labels and date formatting."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .labels import label, labels
from .security import endpoint_access

# (endpoint, label); shown when the endpoint exists and the user's role may open it.
NAVIGATION = [
    ("homes.index", _l("Home")),
    ("partner.dashboard", _l("My organisation")),
    ("partner_clients.index", _l("Clients")),
    ("clients.index", _l("Clients")),
    ("observations.inbox", _l("Observations")),
    ("visits.index", _l("Home visits")),
    ("clients.alerts", _l("Alerts")),
    ("supervision.travel_queue", _l("Travel")),
    ("jobs.own", _l("Jobs and training")),
    ("jobs.staff_home", _l("Jobs and training")),
    ("complaints.queue", _l("Complaints")),
    ("complaints.partner_list", _l("Complaints")),
    ("vetting.queue", _l("Partners")),
    ("notifications.index", _l("Notifications")),
    ("account.index", _l("My account")),
    ("admin.users", _l("Users")),
    ("admin.audit_log", _l("Audit log")),
    ("complaints.leave_days", _l("Collective leave")),
]


def navigation() -> list[tuple[str, str, bool]]:
    """Menu entries for the current user: (endpoint, label, is_current)."""
    if not current_user.is_authenticated:
        return []
    items = []
    for endpoint, text in NAVIGATION:
        access = endpoint_access(current_app, endpoint)
        if access and current_user.role in access:
            items.append((endpoint, text, request.endpoint == endpoint))
    return items


def role_label(role: str) -> str:
    """Translated name of a role."""
    return label("role", role)


BADGES = {"active": "text-bg-success", "rejected": "text-bg-secondary", "ended": "text-bg-secondary",
          "suspended": "text-bg-danger", "info_requested": "text-bg-warning",
          "vetted": "text-bg-info"}

# Template helper → the label table it reads (portal/labels.py holds every table).
LABEL_HELPERS = {
    "partner_status": "partner_status", "partner_action": "partner_action",
    "kind_label": "partner_kind", "field_label": "partner_field",
    "document_label": "partner_document",
    "client_status": "client_status", "client_action": "client_action",
    "programme_label": "programme", "risk_label": "risk", "relationship_label": "relationship",
    "checkin_label": "checkin_outcome", "assignment_status": "assignment_status",
    "end_reason": "assignment_end_reason", "category_label": "observation_category",
    "ground_label": "ground", "follow_up_label": "follow_up",
    "observation_status": "observation_status", "timeline_label": "client_timeline",
    "offence_label": "offence",
    "job_kind": "job_kind", "sector_label": "sector", "posting_status": "posting_status",
    "referral_status": "referral_status", "referral_action": "referral_action",
    "consent_method": "consent_method",
    "complaint_status": "complaint_status", "complaint_action": "complaint_action",
    "closing_label": "closing_reason", "recommendation_label": "recommendation",
    "channel_label": "channel", "subject_label": "bap_subject", "file_purpose": "file_purpose",
    "issued_document_label": "issued_document", "document_kind": "issued_document",
    "audit_action": "audit_action",
    "sanction_label": "sanction", "cancellation_label": "cancellation_ground",
    "visit_status": "visit_status", "thread_visibility": "thread_visibility",
    "condition_kind": "condition_kind", "special_condition": "special_condition",
    "condition_status": "condition_status", "travel_status": "travel_status",
}


def _helper(table: str):
    return lambda code: label(table, code)


def _label_helpers() -> dict:
    from .partners.workflow import PARTNER_WORKFLOW
    from .supervision.sheet import condition_title
    helpers = {name: _helper(table) for name, table in LABEL_HELPERS.items()}
    helpers.update(
        label=label, labels=labels,
        partner_statuses=lambda: [(s, label("partner_status", s)) for s in PARTNER_WORKFLOW.states],
        partner_badge=lambda s: BADGES.get(s, "text-bg-light border"),
        changed_fields=_changed_fields, condition_title=condition_title,
    )
    return helpers


def _changed_fields(codes: str | None) -> str:
    """Labels of the fields an edit changed (the timeline stores their codes, comma-separated)."""
    return labels("client_field", [c for c in (c.strip() for c in (codes or "").split(",")) if c])


def unread_notifications() -> int:
    """Unread notifications of the signed-in user (0 when signed out)."""
    if not current_user.is_authenticated:
        return 0
    from .notifications import unread_count
    return unread_count(current_user)


def _workflows() -> dict:
    from .clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
    from .complaints.workflow import COMPLAINT_WORKFLOW
    from .conversations.workflow import THREAD_WORKFLOW
    from .jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
    from .observations.workflow import OBSERVATION_WORKFLOW
    from .partners.workflow import PARTNER_WORKFLOW
    from .supervision.workflow import CONDITION_WORKFLOW, SHEET_WORKFLOW, TRAVEL_WORKFLOW
    from .visits.workflow import VISIT_WORKFLOW
    return {"condition": CONDITION_WORKFLOW, "partner_sheet": SHEET_WORKFLOW,
            "travel": TRAVEL_WORKFLOW, "assignment": ASSIGNMENT_WORKFLOW, "client": CLIENT_WORKFLOW,
            "complaint": COMPLAINT_WORKFLOW, "posting": POSTING_WORKFLOW,
            "referral": REFERRAL_WORKFLOW, "observation": OBSERVATION_WORKFLOW,
            "partner": PARTNER_WORKFLOW, "visit": VISIT_WORKFLOW, "thread": THREAD_WORKFLOW}


def may(table: str, action: str, subject, role: str | None = None) -> bool:
    """Whether the workflow table lets the current user (or `role`, e.g. the complainant)
    make `action` on `subject` now: templates offer only what the table allows."""
    workflow = _workflows()[table]
    user = current_user if current_user.is_authenticated else None
    who = role or getattr(user, "role", None)
    return any(t.action == action for t in workflow.allowed(subject.status, who, user, subject))


def can_open(endpoint: str) -> bool:
    """Whether the current user's role may open `endpoint` (the guard's own answer)."""
    access = endpoint_access(current_app, endpoint)
    return bool(current_user.is_authenticated and access and current_user.role in access)


def init_app(app: Flask) -> None:
    """Register globals and filters."""
    app.jinja_env.globals.update(navigation=navigation, role_label=role_label,
                                 unread_notifications=unread_notifications, may=may,
                                 can_open=can_open,
                                 **_label_helpers())
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else "—")
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt) if value else "—"
    from .html import sanitize_html
    app.jinja_env.filters["sanitize"] = sanitize_html
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
