"""Work homes: the page each role lands on after signing in (issue 11)."""
from flask import Blueprint

bp = Blueprint("homes", __name__, url_prefix="/beranda")

# Lists and columns other packages add to the homes (issue 11 §4, §5).
from ..supervision import home as _travel  # noqa: E402,F401
from ..visits import home as _visits  # noqa: E402,F401
from . import admin, casework, escalation, leads, partner, regional, views  # noqa: E402,F401
