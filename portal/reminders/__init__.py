"""Reminders on the 20-working-day clock of revocation complaints (issue 11 §6)."""
from flask import Blueprint

bp = Blueprint("reminders", __name__)

from . import views  # noqa: E402,F401
