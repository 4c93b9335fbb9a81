"""POKMAS partners: vetting of applications by the Bapas, and the partner's own pages."""
from flask import Blueprint

vetting_bp = Blueprint("vetting", __name__, url_prefix="/staf/mitra")
partner_bp = Blueprint("partner", __name__, url_prefix="/mitra")

from . import partner_views, vetting_views  # noqa: E402,F401
