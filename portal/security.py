"""Roles, the deny-by-default guard, session rules and security headers."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlsplit

from flask import Flask, Response, abort, current_app, flash, g, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, logout_user
from werkzeug.wrappers import Response as BaseResponse

from .db import utcnow

# The one set of role constants; every module takes its groups from here.
ROLES = ("partner", "officer", "supervisor", "head", "regional", "admin")
BAPAS_STAFF = ("officer", "supervisor", "head")   # staff of one Bapas
EDITORS = ("officer", "supervisor")               # keep the register, refer clients, record BAPs
LEADS = ("supervisor", "head")                    # triage, vetting, hearings: the office's leads
CASE_READERS = BAPAS_STAFF + ("regional",)        # read revocation cases
JOB_READERS = BAPAS_STAFF + ("partner",)          # browse published jobs and training
STAFF_ROLES = BAPAS_STAFF + ("regional", "admin")
TOTP_REQUIRED_ROLES = ("head", "regional", "admin")
ROLE_LABELS = {
    "partner": _l("Partner"),
    "officer": _l("Probation officer (PK)"),
    "supervisor": _l("Supervisor"),
    "head": _l("Head of Bapas"),
    "regional": _l("Regional office (Kanwil)"),
    "admin": _l("Administrator"),
}
PUBLIC = "public"
ANY_USER = ROLES

# Endpoints a signed-in user who still has to enrol two-factor authentication may reach.
ENROLMENT_ENDPOINTS = {"account.totp_setup", "auth.logout", "static"}

# What a view is marked with: PUBLIC or the tuple of roles that may open it.
Access = str | tuple[str, ...]
ACCESS_ATTR = "_access"
View = TypeVar("View", bound=Callable[..., object])


def _mark(view: View, access: Access) -> View:
    setattr(view, ACCESS_ATTR, access)
    return view


def public(view: View) -> View:
    """Mark a view as open to everyone, signed in or not (the public allow-list)."""
    return _mark(view, PUBLIC)


def roles_required(*roles: str) -> Callable[[View], View]:
    """Mark a view as open to signed-in users holding one of `roles`."""
    unknown = set(roles) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")

    def decorate(view: View) -> View:
        return _mark(view, tuple(roles))

    return decorate


def signed_in(view: View) -> View:
    """Mark a view as open to any signed-in user."""
    return _mark(view, ANY_USER)


def endpoint_access(app: Flask, endpoint: str | None) -> Access | None:
    """Return PUBLIC, a tuple of roles, or None (nobody) for an endpoint."""
    if endpoint == "static":
        return PUBLIC
    view = app.view_functions.get(endpoint) if endpoint else None
    access: Access | None = getattr(view, ACCESS_ATTR, None)
    return access


def safe_next(target: str | None) -> str | None:
    """Accept only a relative path on this site as a redirect target."""
    if not target:
        return None
    target = target.strip().replace("\\", "/")
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return None  # browsers drop tabs and newlines: "/\t/host" would lead to another site
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


def _session_expired() -> bool:
    now = utcnow().timestamp()
    cfg = current_app.config
    auth_at = session.get("_auth_at", 0)
    seen = session.get("_seen", 0)
    idle = cfg["STAFF_IDLE_MINUTES"] if current_user.role in STAFF_ROLES else cfg["PARTNER_IDLE_MINUTES"]
    if now - auth_at > cfg["SESSION_ABSOLUTE_HOURS"] * 3600 or now - seen > idle * 60:
        return True
    if now - seen > 60:  # refresh the idle clock at most once a minute
        session["_seen"] = now
    return False


def _guard() -> BaseResponse | None:
    endpoint = request.endpoint
    if endpoint is None:
        return None  # no such route: the 404 handler answers
    access = endpoint_access(current_app, endpoint)
    if current_user.is_authenticated and _session_expired():
        logout_user()
        session.clear()
        flash(_l("Your session has ended. Please sign in again."), "warning")
        if access != PUBLIC:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
    if access == PUBLIC:
        return None
    if not current_user.is_authenticated:
        target = request.full_path.rstrip("?") if request.method == "GET" else None
        return redirect(url_for("auth.login", next=target))
    if current_user.role == "partner" and not current_user.partner_org_active:
        logout_user()
        session.clear()
        flash(_l("Your organisation is not an active partner at the moment, so its accounts "
                 "cannot sign in. Contact your Bapas."), "warning")
        return redirect(url_for("auth.login"))
    g.must_enrol_totp = current_user.must_enrol_totp
    if g.must_enrol_totp and endpoint not in ENROLMENT_ENDPOINTS:
        flash(_l("Your role requires two-factor authentication. Set it up to continue."), "warning")
        return redirect(url_for("account.totp_setup"))
    if access is None or current_user.role not in access:
        # A URL that names an object answers as if the object did not exist.
        abort(404 if request.view_args else 403)
    return None


def _headers(response: Response) -> Response:
    csp = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
           "font-src 'self'; connect-src 'self'; form-action 'self'; object-src 'none'; "
           "base-uri 'none'; frame-ancestors 'none'")
    response.headers.setdefault("Content-Security-Policy", csp)  # downloads keep their sandbox
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = (
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    if current_app.config.get("HSTS"):
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
    if request.endpoint != "static":
        response.headers["Cache-Control"] = "no-store"
        response.headers["Vary"] = "Cookie"
    return response


def init_app(app: Flask) -> None:
    """Install the guard and the header hook."""
    from .extensions import login_manager

    login_manager.login_view = "auth.login"
    login_manager.session_protection = None  # the session nonce does this job
    app.before_request(_guard)
    app.after_request(_headers)

