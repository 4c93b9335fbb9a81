"""Translated error pages; never a traceback."""
from __future__ import annotations

from flask import Flask, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

MESSAGES = {
    400: (_l("Bad request"), _l("The request could not be understood. Go back and try again.")),
    403: (_l("Not allowed"), _l("Your account does not have access to this page.")),
    404: (_l("Page not found"), _l("This page does not exist or is not available to you.")),
    405: (_l("Not allowed"), _l("This page cannot be used this way.")),
    413: (_l("File too large"), _l("What you sent is too large. Each file may be at most 5 MB. "
                                    "Go back, choose smaller files and send again.")),
    429: (_l("Too many attempts"), _l("You have tried too often in a short time. Wait a few "
                                       "minutes, then try again.")),
    500: (_l("Something went wrong"), _l("An unexpected error happened on our side. It has been "
                                          "logged. Please try again later.")),
}


def render_error(code: int, message: str | None = None):
    """Render the error page for an HTTP status."""
    title, default = MESSAGES.get(code, MESSAGES[500])
    return render_template("errors/error.html", code=code, title=title,
                           message=message or default), code


def _http_error(exc: HTTPException):
    return render_error(exc.code or 500)


def _csrf_error(exc: CSRFError):
    return render_error(400, str(_l("The form expired or was sent from another page. "
                                    "Reload the page and send it again.")))


def _server_error(exc: Exception):
    from .boundary import rollback
    rollback()
    return render_error(500)


def init_app(app: Flask) -> None:
    """Register the handlers."""
    app.register_error_handler(CSRFError, _csrf_error)
    for code in MESSAGES:
        if code != 500:
            app.register_error_handler(code, _http_error)
    app.register_error_handler(InternalServerError, _server_error)
