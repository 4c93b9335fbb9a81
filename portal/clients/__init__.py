"""The client register (staff) and the clients a partner supports."""
from flask import Blueprint

bp = Blueprint("clients", __name__, url_prefix="/staf/klien")
partner_bp = Blueprint("partner_clients", __name__, url_prefix="/mitra/klien")

from . import decision_views, partner_views, views  # noqa: E402,F401
