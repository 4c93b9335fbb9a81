"""The home page and the health check."""
from __future__ import annotations

from flask import jsonify, render_template
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from ..security import public
from . import bp


@bp.route("/")
@public
def home():
    """What POKMAS LIPAS is, who it is for, where to start."""
    return render_template("public/home.html")


@bp.route("/healthz")
@public
def healthz():
    """200 after a database round trip; 503 when the database does not answer."""
    try:
        db.session.execute(text("SELECT 1")).scalar_one()
    except SQLAlchemyError:
        db.session.rollback()
        return jsonify(status="error", database="unreachable"), 503
    return jsonify(status="ok", database="ok")
