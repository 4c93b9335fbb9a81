"""committing(): the one way a view runs a state change — commit once, or roll back and
turn the services' typed errors into translated flash messages."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Callable

from flask import flash
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from .extensions import db
from .workflow import InvalidTransition, MissingFields, NotPermitted, StaleObject

STALE = _l("Someone else changed this record while you were working on it. Nothing was saved; "
           "check the current state and try again.")
REFUSED = _l("This action is not possible for you in the current state.")
MISSING = _l("Something the action needs is missing.")


@contextmanager
def committing(done=None, *, stale=STALE, refused=REFUSED,
               missing: object | Callable[[MissingFields], str] = MISSING):
    """Run the block, commit and flash `done`; on a workflow error roll back and say why."""
    try:
        yield
        db.session.commit()
        if done:
            flash(done, "success")
    except (StaleObject, StaleDataError):
        db.session.rollback()
        flash(stale, "warning")
    except (InvalidTransition, NotPermitted):
        db.session.rollback()
        flash(refused, "danger")
    except MissingFields as exc:
        db.session.rollback()
        flash(missing(exc) if callable(missing) else missing, "danger")
