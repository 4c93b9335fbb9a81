"""Conversations: a thread on an observation or a referral between the partner and the Bapas."""
from flask import Blueprint

bp = Blueprint("conversations", __name__)

from . import views  # noqa: E402,F401
