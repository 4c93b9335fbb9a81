"""Public pages: no sign-in needed."""
from flask import Blueprint

bp = Blueprint("public", __name__)

from . import joining, views  # noqa: E402,F401
