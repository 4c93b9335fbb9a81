"""Partner side of jobs: our postings, candidates and their answers, CSV export."""
from __future__ import annotations

import uuid

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import audit, exports
from ..boundary import return_to
from ..forms import error_summary
from ..security import roles_required
from ..workflow import Refused
from . import bp, queries, services
from .forms import PostingForm, ResponseForm
from .models import POSTING_KINDS, Opportunity
from .workflow import POSTING_WORKFLOW


def _require_poster():
    org = current_user.partner_org
    if org is None or org.kind not in POSTING_KINDS:
        abort(403)
    return org


@bp.route("/mitra/lowongan/")
@roles_required("partner")
def own():
    """Our postings, candidates waiting for an answer and active placements."""
    return render_template("jobs/own.html", postings=queries.own_postings(current_user),
                           figures=queries.partner_figures(current_user),
                           can_post=current_user.partner_org.kind in POSTING_KINDS)


@bp.route("/mitra/lowongan/baru", methods=["GET", "POST"])
@roles_required("partner")
def new():
    """A new posting, saved as a draft; sending the same form twice creates one."""
    org = _require_poster()
    form = PostingForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
        form.office_ids.data = [str(org.office_id)]
        form.region_id.data = str(org.office.region_id)
    existing = services.find_by_submission_key(Opportunity, form.submission_key.data) \
        if request.method == "POST" else None
    if existing is not None and existing.partner_org_id == org.id:
        return redirect(url_for("jobs.detail", public_id=existing.public_id))
    if form.validate_on_submit():
        opportunity = services.create_posting(current_user, form.data)
        flash(_("Draft saved. Submit it for moderation when it is ready."), "success")
        return redirect(url_for("jobs.detail", public_id=opportunity.public_id))
    return render_template("jobs/form.html", form=form, opportunity=None)


@bp.route("/mitra/lowongan/<public_id>/ubah", methods=["GET", "POST"])
@roles_required("partner")
def edit(public_id: str):
    """Edit a draft."""
    _require_poster()
    opportunity = queries.get_own_posting_or_404(current_user, public_id)
    return_to(url_for("jobs.detail", public_id=public_id))
    POSTING_WORKFLOW.check("edit", opportunity.status, current_user.role, actor=current_user,
                           subject=opportunity)
    form = PostingForm(obj=opportunity)
    if request.method == "GET":
        form.region_id.data = str(opportunity.region_id)
        form.office_ids.data = [str(o.id) for o in opportunity.offices]
    if form.validate_on_submit():
        services.update_posting(current_user, opportunity, form.data)
        flash(_("Saved."), "success")
        return redirect(url_for("jobs.detail", public_id=public_id))
    return render_template("jobs/form.html", form=form, opportunity=opportunity)


@bp.route("/mitra/lowongan/<public_id>/<any(ajukan, tutup):change>", methods=["POST"])
@roles_required("partner")
def change(public_id: str, change: str):
    """Submit a draft for moderation, or close a published posting by hand."""
    _require_poster()
    opportunity = queries.get_own_posting_or_404(current_user, public_id)
    back = return_to(url_for("jobs.detail", public_id=public_id))
    services.move_posting(current_user, opportunity, "submit" if change == "ajukan" else "close")
    flash(_("Submitted for moderation by the Bapas.") if change == "ajukan"
          else _("The posting is closed."), "success")
    return redirect(back)


RESPONSES = {"undang": "invite", "tawarkan": "offer", "tolak": "decline", "mulai": "start",
             "akhiri": "end", "selesai": "complete"}


@bp.route("/mitra/kandidat/<code>")
@roles_required("partner")
def candidate(code: str):
    """A candidate: code, the officer's summary, the Bapas — the name only after disclosure."""
    referral = queries.get_referral_for_partner_or_404(current_user, code)
    if referral.disclosed:
        audit.record(current_user, "referral.viewed_by_partner", referral, office_id=referral.office_id)
    from ..conversations.forms import thread_context
    return render_template("jobs/candidate.html", referral=referral,
                           candidate=services.candidate_view(referral),
                           form=ResponseForm(version=referral.version),
                           **thread_context(current_user, referral, "referral"))


@bp.route("/mitra/kandidat/<code>/<any(undang, tawarkan, tolak, mulai, akhiri, selesai):answer>",
          methods=["POST"])
@roles_required("partner")
def respond(code: str, answer: str):
    """Invite, offer, decline, start, end or complete; the officer is told each step."""
    referral = queries.get_referral_for_partner_or_404(current_user, code)
    back = return_to(url_for("jobs.candidate", code=code))
    form = ResponseForm()
    if not form.validate_on_submit():
        raise Refused(_l("Nothing was saved: %(errors)s", errors=error_summary(form)), "form")
    services.check_version(referral, form.version.data)
    services.respond(current_user, referral, RESPONSES[answer], on=form.on.data,
                     reason=form.reason.data)
    flash(_("Saved. The probation officer has been told."), "success")
    return redirect(back)


@bp.route("/mitra/kandidat.csv")
@roles_required("partner")
def candidates_csv():
    """Our candidates as CSV (names only where disclosed)."""
    referrals = list(queries.referrals_for_partner(current_user))
    text = exports.candidates_csv(referrals, services.candidate_view)
    audit.record(current_user, "referral.exported", None,
                 office_id=current_user.partner_org.office_id, rows=len(referrals))
    return Response(text, mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=kandidat.csv"})
