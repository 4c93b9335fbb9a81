"""The home page and the health check."""
from __future__ import annotations

from flask import current_app, jsonify, render_template, request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from ..extensions import db
from ..pagination import paginate
from ..partners import queries as partner_queries
from ..security import public
from . import bp
from . import queries as public_queries
from .forms import DirectoryForm


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


@bp.route("/tentang-pokmas")
@public
def about():
    """What POKMAS LIPAS is, its legal basis, what partners do."""
    return render_template("public/about.html")


@bp.route("/cara-bergabung")
@public
def how_to_join():
    """The steps, documents, duration and commitments of joining."""
    return render_template("public/how_to_join.html")


@bp.route("/tanya-jawab")
@public
def faq():
    """Frequently asked questions."""
    return render_template("public/faq.html")


@bp.route("/privasi")
@public
def privacy():
    """The privacy notice (UU 27/2022)."""
    return render_template("public/privacy.html",
                           privacy_contact=current_app.config["PRIVACY_CONTACT_EMAIL"])


@bp.route("/aksesibilitas")
@public
def accessibility():
    """The accessibility statement."""
    return render_template("public/accessibility.html")


@bp.route("/bapas")
@public
def directory():
    """Bapas offices: search by name or city, filter by province; active partners per office."""
    form = DirectoryForm(request.args)
    form.validate()
    stmt = public_queries.offices_query(form.q.data, form.province.data, form.city.data)
    return render_template("public/directory.html", form=form, page=paginate(stmt, per_page=20),
                           counts=partner_queries.active_counts_by_office())


@bp.route("/angka-mitra")
@public
def figures():
    """Active partners by province and by kind; names only of partners who chose to be listed."""
    by_province = partner_queries.figures_by_province()
    from ..jobs.queries import public_figures
    jobs_by_sector, jobs_by_province = public_figures()
    return render_template("public/figures.html", by_province=by_province,
                           jobs_by_sector=jobs_by_sector, jobs_by_province=jobs_by_province,
                           by_kind=partner_queries.figures_by_kind(),
                           total=sum(n for _, n in by_province),
                           listed=partner_queries.listed_partners())
