"""Scoped reads of the reminder pages: the signed-in lead's own Bapas."""
from __future__ import annotations

from flask import abort

from ..auth.models import User
from ..extensions import db
from ..offices.models import Office
from ..security import LEADS


def own_office_or_404(user: User) -> Office:
    """The Bapas of a Kasi or Kepala (404 for anyone else: there is no other office to set)."""
    office = db.session.get(Office, user.office_id) if user.office_id else None
    if office is None or user.role not in LEADS:
        abort(404)
    return office
