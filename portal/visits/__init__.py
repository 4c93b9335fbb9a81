"""Home visits: planned from a client, an observation or the officer's home; recorded or missed."""
from flask import Blueprint

bp = Blueprint("visits", __name__, url_prefix="/staf/kunjungan")

from . import views  # noqa: E402,F401
