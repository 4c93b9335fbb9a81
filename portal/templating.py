"""Template globals: role-aware navigation, labels and date formatting."""
from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import format_date, format_datetime
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .security import ROLE_LABELS, endpoint_access

# (endpoint, label); shown when the endpoint exists and the user's role may open it.
NAVIGATION = [
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


def init_app(app: Flask) -> None:
    """Register globals and filters."""
    app.jinja_env.globals.update(navigation=navigation, role_label=role_label)
    app.jinja_env.filters["datetime"] = lambda value, fmt="medium": (
        format_datetime(value, fmt) if value else "—")
    app.jinja_env.filters["date"] = lambda value, fmt="medium": format_date(value, fmt) if value else "—"
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
