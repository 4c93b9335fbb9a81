"""Sign-in, sign-out, two-factor step, password reset and invitation links."""
from flask import Blueprint

bp = Blueprint("auth", __name__)

from . import views  # noqa: E402,F401
