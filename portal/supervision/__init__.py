"""Supervision: conditions, the partner sheet of each assignment, travel notices."""
from flask import Blueprint

bp = Blueprint("supervision", __name__, url_prefix="/staf")
partner_bp = Blueprint("supervision_partner", __name__, url_prefix="/mitra/klien")

from . import partner_views, views  # noqa: E402,F401
