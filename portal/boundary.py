"""The request boundary, as Indico's RH.process: a view loads and authorizes through a scoped
getter, calls a service (the workflow table decides, audit, outbox) and returns; here the
request commits once, rolls back on any error, turns the services' typed errors into
translated messages, and runs side effects (file deletion, email delivery) only after the
commit. No view commits.

Flash messages a view set before a failed commit are taken back, so nobody reads "saved"
about something that was not."""
from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from flask import (
    Flask,
    current_app,
    flash,
    g,
    has_request_context,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from sqlalchemy import event
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from .extensions import db
from .security import safe_next
from .workflow import StaleObject, WorkflowError

log = logging.getLogger(__name__)

# Form fields never sent back to the browser on the "try again" page.
SECRET_FIELDS = ("password", "current", "code", "secret", "confirm")
CHOICE_FIELDS = ("SelectField", "SelectMultipleField", "RadioField", "MultiCheckboxField",
                 "QuerySelectField")
RETRY_AFTER_SECONDS = 60


# ---------------------------------------------------------------- side effects

def after_commit(action: Callable[[], None]) -> None:
    """Run `action` once the current transaction has committed (never if it rolls back)."""
    db.session.info.setdefault("after_commit", []).append(action)


def after_rollback(action: Callable[[], None]) -> None:
    """Run `action` if the current transaction rolls back (undo a file written early)."""
    db.session.info.setdefault("after_rollback", []).append(action)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    session.info.pop("after_rollback", None)
    for action in session.info.pop("after_commit", []):
        try:
            action()
        except Exception:  # noqa: BLE001 - the data is committed; a side effect must not undo it
            log.exception("side effect after commit failed")


@event.listens_for(Session, "after_soft_rollback")
def _run_after_rollback(session: Session, previous_transaction: Any) -> None:
    if getattr(previous_transaction, "parent", None) is not None:
        return  # a savepoint; the outer transaction may still commit
    session.info.pop("after_commit", None)
    for action in session.info.pop("after_rollback", []):
        try:
            action()
        except Exception:  # noqa: BLE001
            log.exception("undo after rollback failed")


# ---------------------------------------------------------------- one commit per request

def commit() -> None:
    """Commit the request's unit of work; a concurrent change becomes StaleObject."""
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        raise StaleObject("commit") from None
    if current_app.config.get("OUTBOX_SEND_IMMEDIATELY"):
        from .mail import send_pending
        send_pending()


def rollback() -> None:
    """Roll back; when the database is gone, forget the session instead."""
    try:
        db.session.rollback()
    except DBAPIError:
        db.session.close()


class PortalFlask(Flask):
    """Flask with the boundary around every view."""

    def dispatch_request(self) -> Any:  # type: ignore[override]
        if request.endpoint == "static" or request.routing_exception is not None:
            return super().dispatch_request()
        flashes = list(session.get("_flashes", []))
        try:
            result = super().dispatch_request()
            commit()
        except BaseException:
            rollback()
            if flashes:
                session["_flashes"] = flashes
            else:
                session.pop("_flashes", None)
            raise
        return result

    def log_exception(self, exc_info: Any) -> None:
        """Flask's own log line would print the error's message; log type and place only."""
        log_unexpected(exc_info[1])


def return_to(url: str) -> str:
    """Where the user goes back to when the step is refused (the page the form was on)."""
    g.return_to = url
    return url


def _back() -> str:
    if g.get("return_to"):
        return str(g.return_to)
    referrer = request.referrer or ""
    host = request.host_url.rstrip("/")
    if referrer.startswith(host + "/"):
        target = safe_next(referrer[len(host):])
        if target:
            return target
    return url_for("public.home")


def _refused(exc: WorkflowError):
    """A typed workflow error: nothing was saved; say why, in words, on the page before."""
    flash(str(exc.message), "warning" if isinstance(exc, StaleObject) else "danger")
    return redirect(_back())


# ---------------------------------------------------------------- failures that lose nothing

def _typed_fields() -> list[dict[str, Any]]:
    """What the person typed, to send back with a "try again" button; never secrets or files."""
    forms = g.get("forms") or []
    labelled = {}
    for form in forms:
        for field in form:
            labelled[field.name] = field
    rows = []
    for name in request.form:
        if any(secret in name.lower() for secret in SECRET_FIELDS):
            continue
        values = request.form.getlist(name)
        field = labelled.get(name)
        kind = getattr(field, "type", "")
        label = str(field.label.text) if field is not None else ""
        hidden = (name in ("csrf_token", "submission_key", "version")
                  or kind in ("HiddenField", "CSRFTokenField")
                  or not any(v.strip() for v in values))  # kept, but nothing to show
        choice = kind in CHOICE_FIELDS
        shown = values
        if kind == "BooleanField":
            choice, shown = True, ["✓"]
        elif choice:
            choices = getattr(field, "choices", None)
            names = {}
            if isinstance(choices, (list, tuple)):
                names = {str(c[0]): str(c[1]) for c in choices if isinstance(c, (list, tuple))}
            shown = [names.get(v, "✓") for v in values]  # never a raw code
        rows.append({"name": name, "values": values, "shown": shown, "label": label,
                     "hidden": hidden, "choice": choice,
                     "long": any(len(v) > 60 or "\n" in v for v in values)})
    return rows


def _database_unavailable(exc: Exception):
    """The database does not answer: 503, Retry-After, and nothing the person typed is lost."""
    from flask_login import AnonymousUserMixin
    rollback()
    g._login_user = AnonymousUserMixin()  # do not ask the database again while answering
    log.warning("database unavailable: %s", type(exc).__name__)
    fields = _typed_fields() if request.method == "POST" else []
    files = [name for name, storage in request.files.items() if storage and storage.filename] \
        if request.method == "POST" else []
    body = render_template("errors/unavailable.html", fields=fields, files=files,
                           action=request.path, retry_seconds=RETRY_AFTER_SECONDS)
    return body, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}


def log_unexpected(exc: BaseException) -> None:
    """Log an unexpected error by type and place only: its message may hold what a person
    typed (a database error quotes the row), so it never reaches the log."""
    detail = ""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        diag = getattr(exc.orig, "diag", None)
        constraint = getattr(diag, "constraint_name", None)
        detail = f" ({type(exc.orig).__name__}{', constraint ' + constraint if constraint else ''})"
    where = "".join(traceback.format_tb(exc.__traceback__)) if exc.__traceback__ else ""
    endpoint = request.endpoint if has_request_context() else "-"
    log.error("unexpected %s%s in %s\n%s", type(exc).__name__, detail, endpoint, where)


def register_forms(form: Any) -> None:
    """Forms built in this request, so the unavailable page can label what was typed."""
    if has_request_context():
        g.setdefault("forms", []).append(form)


def _stale_in_flush(exc: StaleDataError):
    """A concurrent change met while the view was still working (an autoflush before a query):
    the same answer as at the commit — nothing saved, someone else changed it."""
    return _refused(StaleObject("flush"))


def init_app(app: Flask) -> None:
    """Register the handlers of the boundary."""
    app.register_error_handler(WorkflowError, _refused)
    app.register_error_handler(StaleDataError, _stale_in_flush)
    for error in (OperationalError, InterfaceError, PoolTimeout):
        app.register_error_handler(error, _database_unavailable)

