"""The signed-in user's own account: profile, language, password, two-factor."""
from flask import Blueprint

bp = Blueprint("account", __name__, url_prefix="/akun")

from . import views  # noqa: E402,F401
