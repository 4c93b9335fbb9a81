"""Jobs and training: postings by partners, moderation and referrals by the Bapas."""
from flask import Blueprint

bp = Blueprint("jobs", __name__)

from . import partner_views, staff_views, views  # noqa: E402,F401
