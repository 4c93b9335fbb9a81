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
    ("vetting.queue", _l("Partners")),
    ("account.index", _l("My account")),
    ("admin.users", _l("Users")),
    ("admin.audit_log", _l("Audit log")),
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


def init_app(app: Flask) -> None:
    """Register globals and filters."""
    app.jinja_env.globals.update(navigation=navigation, role_label=role_label,
                                 **_partner_helpers())
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else "—")
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt) if value else "—"
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
