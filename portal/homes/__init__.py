"""Work homes: the page each role lands on after signing in (issue 11)."""
from flask import Blueprint

bp = Blueprint("homes", __name__, url_prefix="/beranda")

from . import admin, casework, escalation, leads, partner, regional, views  # noqa: E402,F401
