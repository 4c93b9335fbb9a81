"""Applying to become a partner: the form, the email confirmation, answering a request."""
from __future__ import annotations

import uuid

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from ..extensions import limiter
from ..i18n import current_language
from ..partners import services
from ..partners.forms import ApplicationForm, InfoAnswerForm
from ..security import public
from . import bp


def _form_limit() -> str:
    return current_app.config["FORM_RATE_LIMIT"]


@bp.route("/gabung", methods=["GET", "POST"])
@limiter.limit(_form_limit, methods=["POST"])
@public
def apply():
    """The application form; a second submit of the same form creates nothing new."""
    form = ApplicationForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
        if request.args.get("kantor", "").isdigit():
            form.office_id.data = request.args["kantor"]
    if request.method == "POST" and form.homepage.data:
        session["applied_reference"] = None  # a bot: pretend all is well, keep nothing
        return redirect(url_for("public.apply_sent"))
    if request.method == "POST":
        existing = services.find_by_submission_key(form.submission_key.data)
        if existing is not None:
            session["applied_reference"] = existing.reference
            return redirect(url_for("public.apply_sent"))
    if form.validate_on_submit():
        org = services.submit_application(form.data, form.checked_files(), current_language())
        session["applied_reference"] = org.reference
        return redirect(url_for("public.apply_sent"))
    lost_files = form.files_to_choose_again() if request.method == "POST" else []
    return render_template("public/apply.html", form=form, lost_files=lost_files)


@bp.route("/gabung/terkirim")
@public
def apply_sent():
    """Check your email: the application waits for the address to be confirmed."""
    return render_template("public/apply_sent.html", reference=session.get("applied_reference"))


@bp.route("/gabung/konfirmasi/<token>")
@public
def apply_confirm(token: str):
    """The link from the confirmation email."""
    row = services.find_org_token(token, "partner_confirm")
    if row is None:
        return render_template("public/apply_link_invalid.html"), 404
    org = services.confirm_email(row)
    return render_template("public/apply_confirmed.html", org=org)


@bp.route("/gabung/lengkapi/<token>", methods=["GET", "POST"])
@limiter.limit(_form_limit, methods=["POST"])
@public
def apply_answer(token: str):
    """Answer the Bapas's request for more information (single-use link)."""
    row = services.find_org_token(token, "partner_info")
    if row is None or row.partner_org is None or row.partner_org.status != "info_requested":
        return render_template("public/apply_link_invalid.html"), 404
    org = row.partner_org
    form = InfoAnswerForm()
    if form.validate_on_submit():
        services.answer_info(row, form.answer.data, form.checked_files())
        flash(_("Thank you. Your answer was sent to the Bapas."), "success")
        return render_template("public/apply_answered.html", org=org)
    request_note = next((e.note for e in org.events if e.action == "request_info"), None)
    return render_template("public/apply_answer.html", form=form, org=org, request_note=request_note)
