"""Filing a complaint without an account, and following it with the receipt; partners file
about their assigned clients and follow their own complaints."""
from __future__ import annotations

import uuid

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from flask_login import current_user

from ..boundary import return_to
from ..clients import queries as client_queries
from ..db import utcnow
from ..extensions import db, limiter
from ..i18n import current_language
from ..security import public, roles_required
from . import bp, queries, services
from .decision_forms import WithdrawForm
from .forms import PartnerComplaintForm, PublicComplaintForm, ReplyForm, TrackForm
from .workflow import GROUND_HELP

TRACK_MINUTES = 30


def _form_limit() -> str:
    return current_app.config["FORM_RATE_LIMIT"]


def _track_ip_limit() -> str:
    return current_app.config["TRACK_LIMIT_PER_IP"]


def _track_reference_limit() -> str:
    return current_app.config["TRACK_FAILURES_PER_REFERENCE"]


def _track_ip_reference_limit() -> str:
    return current_app.config["TRACK_FAILURES_PER_IP_AND_REFERENCE"]


def _reference_key() -> str:
    """Failed attempts are counted per reference: guessing other references from a shared
    address does not lock out the person who holds this one."""
    return "reference:" + (request.form.get("reference") or "").strip().upper()[:20]


def _ip_reference_key() -> str:
    return f"{get_remote_address()}|{_reference_key()}"


def _failed(response) -> bool:
    """A tracking attempt failed when the form is shown again (success redirects)."""
    return response.status_code == 200


@bp.route("/pengaduan/baru", methods=["GET", "POST"])
@limiter.limit(_form_limit, methods=["POST"])
@public
def public_new():
    """The public complaint form."""
    form = PublicComplaintForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
    if request.method == "POST" and form.homepage.data:
        session["complaint_receipt"] = None
        return redirect(url_for("complaints.receipt"))
    earlier = services.receipt_for(form.submission_key.data) if request.method == "POST" else None
    if earlier is not None:  # the same form sent again: the first submission's receipt
        session["complaint_receipt"] = {"reference": earlier.complaint.reference, "secret": earlier.secret}
        return redirect(url_for("complaints.receipt"))
    if form.validate_on_submit():
        receipt = services.file_public(form.data, form.checked_files(), current_language())
        session["complaint_receipt"] = {"reference": receipt.complaint.reference, "secret": receipt.secret}
        return redirect(url_for("complaints.receipt"))
    lost = [f.label.text for f in (form.evidence_1, form.evidence_2)
            if request.method == "POST" and f.data and getattr(f.data, "filename", "")]
    return render_template("complaints/public_new.html", form=form, help=GROUND_HELP, lost_files=lost)


@bp.route("/pengaduan/tanda-terima")
@public
def receipt():
    """The receipt: shown once, then forgotten."""
    data = session.pop("complaint_receipt", None)
    return render_template("complaints/receipt.html", receipt=data)


@bp.route("/pengaduan/lacak", methods=["GET", "POST"])
@limiter.limit(_track_ip_limit, methods=["POST"])
@limiter.limit(_track_reference_limit, key_func=_reference_key, methods=["POST"], deduct_when=_failed)
@limiter.limit(_track_ip_reference_limit, key_func=_ip_reference_key, methods=["POST"],
               deduct_when=_failed)
@public
def track():
    """Follow a complaint with its reference and secret (attempts are throttled)."""
    form = TrackForm()
    if form.validate_on_submit():
        complaint = services.find_for_tracking(form.reference.data, form.secret.data)
        if complaint is not None:
            session["tracked"] = {"id": complaint.id, "at": utcnow().timestamp()}
            return redirect(url_for("complaints.case_public"))
        form.form_errors.append(_("The reference number and secret code do not match a complaint."))
    return render_template("complaints/track.html", form=form)


def _tracked():
    data = session.get("tracked")
    if not data or utcnow().timestamp() - data.get("at", 0) > TRACK_MINUTES * 60:
        session.pop("tracked", None)
        return None
    from .models import Complaint
    return db.session.get(Complaint, data["id"])


@bp.route("/pengaduan/kasus")
@public
def case_public():
    """The status-level view for the complainant."""
    complaint = _tracked()
    if complaint is None:
        flash(_("Enter your reference number and secret code again."), "warning")
        return redirect(url_for("complaints.track"))
    return render_template("complaints/case_public.html", complaint=complaint, form=ReplyForm())


@bp.route("/pengaduan/kasus/<any(balas, keluar):step>", methods=["POST"])
@limiter.limit(_form_limit)
@public
def case_public_step(step: str):
    """Reply (and add evidence), or leave the page."""
    complaint = _tracked()
    if complaint is None or step == "keluar":
        session.pop("tracked", None)
        return redirect(url_for("complaints.track"))
    back = return_to(url_for("complaints.case_public"))
    if step == "balas":
        form = ReplyForm()
        if not form.validate_on_submit():
            return render_template("complaints/case_public.html", complaint=complaint, form=form), 400
        services.complainant_reply(complaint, form.body.data or "",
                                   [form.evidence_1.checked] if getattr(form.evidence_1, "checked", None) else [])
        flash(_("Your message was sent to the Bapas."), "success")
    return redirect(back)


def _withdraw(complaint, user, back: str, cancel: str):
    """The withdrawal's confirmation page (GET), and the withdrawal with its reason (POST)."""
    posted = request.method == "POST"
    form = WithdrawForm() if posted else WithdrawForm(version=complaint.version)
    if posted and str(form.version.data) != str(complaint.version) and complaint.status == "withdrawn":
        flash(_("This step was already taken; nothing was done a second time."), "info")
        return redirect(back)
    return_to(back)
    services.check_withdrawable(user, complaint)
    if form.validate_on_submit():
        services.check_version(complaint, form.version.data)
        services.move(user, complaint, "withdraw", role="complainant",
                      grounds_text=form.grounds_text.data)
        flash(_("Your complaint is withdrawn."), "success")
        return redirect(back)
    return render_template("complaints/withdraw.html", complaint=complaint, form=form, cancel=cancel)


@bp.route("/pengaduan/kasus/tarik", methods=["GET", "POST"])
@limiter.limit(_form_limit, methods=["POST"])
@public
def withdraw_public():
    """“Withdraw my complaint”: what it means, why, then the withdrawal (before examination)."""
    complaint = _tracked()
    if complaint is None:
        return redirect(url_for("complaints.track"))
    page = url_for("complaints.case_public")
    return _withdraw(complaint, None, page, page)


# ---------------------------------------------------------------- partners

@bp.route("/mitra/klien/<public_id>/pengaduan", methods=["GET", "POST"])
@roles_required("partner")
def partner_new(public_id: str):
    """A partner files a written complaint about a client assigned to its organisation."""
    assignment = client_queries.get_assignment_for_partner_or_404(current_user, public_id)
    form = PartnerComplaintForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
    existing = services.find_by_submission_key(form.submission_key.data) if request.method == "POST" else None
    if existing is not None and existing.complainant_user_id == current_user.id:
        return redirect(url_for("complaints.partner_case", reference=existing.reference))
    if form.validate_on_submit():
        receipt = services.file_by_partner(current_user, assignment.client, form.data, form.checked_files())
        flash(_("Complaint %(ref)s was sent to the Bapas. You can follow it here.", ref=receipt.complaint.reference),
              "success")
        return redirect(url_for("complaints.partner_case", reference=receipt.complaint.reference))
    return render_template("complaints/partner_new.html", form=form, client=assignment.client, help=GROUND_HELP)


@bp.route("/mitra/pengaduan/")
@roles_required("partner")
def partner_list():
    """Complaints I filed."""
    return render_template("complaints/partner_list.html", complaints=queries.partner_complaints(current_user))


@bp.route("/mitra/pengaduan/<reference>", methods=["GET", "POST"])
@roles_required("partner")
def partner_case(reference: str):
    """The status-level view of a complaint I filed; I can reply and add evidence."""
    complaint = queries.get_partner_complaint_or_404(current_user, reference)
    back = return_to(url_for("complaints.partner_case", reference=reference))
    form = ReplyForm()
    if form.validate_on_submit():
        services.complainant_reply(complaint, form.body.data or "",
                                   [form.evidence_1.checked] if getattr(form.evidence_1, "checked", None) else [],
                                   user=current_user)
        flash(_("Your message was sent to the Bapas."), "success")
        return redirect(back)
    return render_template("complaints/case_public.html", complaint=complaint, form=form, partner=True)


@bp.route("/mitra/pengaduan/<reference>/tarik", methods=["GET", "POST"])
@roles_required("partner")
def partner_withdraw(reference: str):
    """A partner withdraws a complaint it filed, before the examination starts."""
    complaint = queries.get_partner_complaint_or_404(current_user, reference)
    page = url_for("complaints.partner_case", reference=reference)
    return _withdraw(complaint, current_user, page, page)
