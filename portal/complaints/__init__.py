"""Revocation complaints: filing (public, partner, staff), tracking, the review procedure."""
from flask import Blueprint

bp = Blueprint("complaints", __name__)

from . import decision_views, document_views, intake_views, public_views, staff_views  # noqa: E402,F401
