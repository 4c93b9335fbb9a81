"""Template globals: role-aware navigation, labels and date formatting."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .security import ROLE_LABELS, endpoint_access

# (endpoint, label); shown when the endpoint exists and the user's role may open it.
NAVIGATION = [
    ("partner.dashboard", _l("My organisation")),
    ("partner_clients.index", _l("Clients")),
    ("clients.index", _l("Clients")),
    ("observations.inbox", _l("Observations")),
    ("clients.alerts", _l("Alerts")),
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
    for endpoint, label in NAVIGATION:
        access = endpoint_access(current_app, endpoint)
        if access and current_user.role in access:
            items.append((endpoint, label, request.endpoint == endpoint))
    return items


def role_label(role: str) -> str:
    """Translated name of a role."""
    return str(ROLE_LABELS.get(role, role))


BADGES = {"active": "text-bg-success", "rejected": "text-bg-secondary", "ended": "text-bg-secondary",
          "suspended": "text-bg-danger", "info_requested": "text-bg-warning",
          "vetted": "text-bg-info"}
DOCUMENT_LABELS = {
    "id_document": _l("Identity card (KTP)"),
    "legal_document": _l("Legal document"),
    "profile_document": _l("Profile or CV"),
    "additional": _l("Additional document"),
    "pks": _l("Signed PKS"),
}


def _partner_helpers() -> dict:
    from .partners.labels import FIELD_LABELS, KIND_LABELS
    from .partners.workflow import ACTION_LABELS, PARTNER_WORKFLOW, STATUS_LABELS
    return {
        "partner_statuses": lambda: [(s, STATUS_LABELS[s]) for s in PARTNER_WORKFLOW.states],
        "partner_status": lambda s: STATUS_LABELS.get(s, s),
        "partner_badge": lambda s: BADGES.get(s, "text-bg-light border"),
        "partner_action": lambda a: ACTION_LABELS.get(a, a),
        "kind_label": lambda k: KIND_LABELS.get(k, k),
        "field_label": lambda f: FIELD_LABELS.get(f, f),
        "document_label": lambda p: DOCUMENT_LABELS.get(p, p),
    }


def _client_helpers() -> dict:
    from .clients.labels import (
        CHECKIN_LABELS,
        OFFENCE_LABELS,
        PROGRAMME_LABELS,
        RELATIONSHIP_LABELS,
        RISK_LABELS,
        TIMELINE_LABELS,
    )
    from .clients.workflow import ASSIGNMENT_STATUS_LABELS, CLIENT_ACTION_LABELS, CLIENT_STATUS_LABELS, END_REASONS
    from .observations.workflow import CATEGORY_LABELS, FOLLOW_UP_LABELS, GROUND_LABELS, STATUS_LABELS
    label = lambda table: (lambda key: table.get(key, key) if key else "—")  # noqa: E731
    return {
        "changed_fields": _changed_fields,
        "client_status": label(CLIENT_STATUS_LABELS),
        "client_action": label(CLIENT_ACTION_LABELS),
        "programme_label": label(PROGRAMME_LABELS),
        "risk_label": label(RISK_LABELS),
        "relationship_label": label(RELATIONSHIP_LABELS),
        "checkin_label": label(CHECKIN_LABELS),
        "assignment_status": label(ASSIGNMENT_STATUS_LABELS),
        "end_reason": label(END_REASONS),
        "category_label": label(CATEGORY_LABELS),
        "ground_label": label(GROUND_LABELS),
        "follow_up_label": label(FOLLOW_UP_LABELS),
        "observation_status": label(STATUS_LABELS),
        "timeline_label": label(TIMELINE_LABELS),
        "offence_label": label(OFFENCE_LABELS),
        **_job_helpers(label),
        **_complaint_helpers(label),
    }


def _changed_fields(codes: str | None) -> str:
    """Labels of the fields an edit changed (the timeline stores their codes, comma-separated)."""
    from .clients.services import FIELD_LABELS
    return ", ".join(str(FIELD_LABELS.get(code, code))
                     for code in (c.strip() for c in (codes or "").split(",")) if code)


def _complaint_helpers(label) -> dict:
    from .complaints.workflow import (
        ACTION_LABELS,
        CANCELLATION_GROUNDS,
        CLOSING_LABELS,
        RECOMMENDATION_LABELS,
        SANCTION_LABELS,
        STATUS_LABELS,
    )
    from .documents.kinds import KIND_LABELS as DOCUMENT_KIND_LABELS
    channels = {"portal": _l("Partner, through the portal"), "public": _l("Public form"),
                "oral": _l("Oral report"), "letter": _l("Letter"),
                "monitoring": _l("Supervision finding")}
    subjects = {"complainant": _l("Complainant"), "client": _l("Client (right of reply)"),
                "witness": _l("Witness")}
    purposes = {"evidence": _l("Evidence"), "letter": _l("The complainant's letter (scan)"),
                "signed_scan": _l("Signed BAP (scan)")}
    return {
        "complaint_status": label(STATUS_LABELS),
        "complaint_action": label(ACTION_LABELS),
        "closing_label": label(CLOSING_LABELS),
        "recommendation_label": label(RECOMMENDATION_LABELS),
        "channel_label": label(channels),
        "subject_label": label(subjects),
        "file_purpose": label(purposes),
        "document_kind": label(DOCUMENT_KIND_LABELS),
        "sanction_label": label(SANCTION_LABELS),
        "cancellation_label": label(CANCELLATION_GROUNDS),
    }


def _job_helpers(label) -> dict:
    from .jobs.labels import CONSENT_METHODS, KIND_LABELS, SECTOR_LABELS
    from .jobs.workflow import POSTING_LABELS, REFERRAL_ACTION_LABELS, REFERRAL_LABELS
    return {
        "job_kind": label(KIND_LABELS),
        "sector_label": label(SECTOR_LABELS),
        "posting_status": label(POSTING_LABELS),
        "referral_status": label(REFERRAL_LABELS),
        "referral_action": label(REFERRAL_ACTION_LABELS),
        "consent_method": label(CONSENT_METHODS),
    }


def unread_notifications() -> int:
    """Unread notifications of the signed-in user (0 when signed out)."""
    if not current_user.is_authenticated:
        return 0
    from .notifications import unread_count
    return unread_count(current_user)


def _workflows() -> dict:
    from .clients.workflow import ASSIGNMENT_WORKFLOW, CLIENT_WORKFLOW
    from .complaints.workflow import COMPLAINT_WORKFLOW
    from .jobs.workflow import POSTING_WORKFLOW, REFERRAL_WORKFLOW
    from .observations.workflow import OBSERVATION_WORKFLOW
    from .partners.workflow import PARTNER_WORKFLOW
    return {"assignment": ASSIGNMENT_WORKFLOW, "client": CLIENT_WORKFLOW,
            "complaint": COMPLAINT_WORKFLOW, "posting": POSTING_WORKFLOW,
            "referral": REFERRAL_WORKFLOW, "observation": OBSERVATION_WORKFLOW,
            "partner": PARTNER_WORKFLOW}


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
                                 **_partner_helpers(), **_client_helpers())
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else "—")
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt) if value else "—"
    from .html import sanitize_html
    app.jinja_env.filters["sanitize"] = sanitize_html
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
