"""Observations: the officer's inbox and answers (partners write them in clients.partner_views)."""
from flask import Blueprint

bp = Blueprint("observations", __name__, url_prefix="/staf/pengamatan")

from . import views  # noqa: E402,F401
