"""The case's records and documents: the BAP and TPP hearing pages (their PDFs are issued on
saving), downloading an issued document, and the verification page."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..auth.queries import active_staff
from ..boundary import return_to
from ..extensions import db, limiter
from ..security import CASE_READERS as READERS
from ..security import LEADS, public, roles_required
from . import bp, documents, queries, records, services
from .forms import ExaminationForm, HearingForm, VerifyForm
from .models import ExaminationRecord, IssuedDocument
from .workflow import COMPLAINT_WORKFLOW

VERIFY_LIMIT = "60 per hour"  # checks with a file, per address: enough for a desk, not for a scan

TPP_ROLES = ("officer", "supervisor", "head")


def hearing_form(complaint, **values) -> HearingForm:
    """The hearing form with the Bapas's staff to choose the TPP members from."""
    form = HearingForm(**values)
    form.set_staff(active_staff(complaint.office_id, TPP_ROLES))
    return form


def _case_page(complaint) -> str:
    return url_for("complaints.case", reference=complaint.reference)


def _allowed_or_back(complaint, action: str):
    """The page of a record the table does not allow now goes back to the case."""
    allowed = COMPLAINT_WORKFLOW.allowed(complaint.status, current_user.role, current_user, complaint)
    if action not in {t.action for t in allowed}:
        flash(_("This step is not open for this case now."), "warning")
        return redirect(_case_page(complaint))
    return None


@bp.route("/staf/pengaduan/<reference>/bap", methods=["GET", "POST"])
@roles_required("officer")
def examination(reference: str):
    """Record a BAP (identity block, questions and answers); its PDF is issued on saving."""
    complaint = queries.get_case_or_404(current_user, reference)
    return_to(_case_page(complaint))
    form = ExaminationForm(version=complaint.version) if request.method == "GET" else ExaminationForm()
    if request.method == "GET":
        back = _allowed_or_back(complaint, "record_bap")
        if back is not None:
            return back
    elif request.form.get("more"):  # more rows for questions, nothing saved yet (works without JS)
        for _row in range(min(5, form.qa.max_entries - len(form.qa.entries))):
            form.qa.append_entry()
    elif form.validate_on_submit():
        services.check_version(complaint, form.version.data)
        data = {"subject": form.subject.data, "subject_name": form.subject_name.data,
                "examined_on": form.examined_on.data, "place": form.place.data,
                "questions": form.questions(), **form.identity()}
        records.record_examination(current_user, complaint, data, getattr(form.scan, "checked", None))
        flash(_("Saved."), "success")
        return redirect(_case_page(complaint))
    return render_template("complaints/bap.html", complaint=complaint, form=form)


@bp.route("/staf/pengaduan/<reference>/tpp", methods=["GET", "POST"])
@roles_required(*LEADS)
def hearing(reference: str):
    """Record the TPP hearing and its recommendation; its minutes are issued on saving."""
    complaint = queries.get_case_or_404(current_user, reference)
    return_to(_case_page(complaint))
    if request.method == "GET":
        back = _allowed_or_back(complaint, "record_hearing")
        if back is not None:
            return back
        form = hearing_form(complaint, version=complaint.version)
    else:
        form = hearing_form(complaint)
        if form.validate_on_submit():
            services.check_version(complaint, form.version.data)
            records.record_hearing(current_user, complaint, {
                "held_on": form.held_on.data, "kind": form.kind.data, "place": form.place.data,
                "chair": form.chair.data, "secretary": form.secretary.data,
                "member_ids": form.member_ids.data, "team_size": form.team_size.data,
                "recommendation": form.recommendation.data, "minutes": form.minutes.data})
            flash(_("Saved."), "success")
            return redirect(_case_page(complaint))
    return render_template("complaints/hearing.html", complaint=complaint, form=form)


@bp.route("/staf/pengaduan/<reference>/dokumen/<int:document_id>")
@roles_required(*READERS)
def document(reference: str, document_id: int):
    """Download an issued PDF under its own file name."""
    complaint = queries.get_case_or_404(current_user, reference)
    issued = db.session.get(IssuedDocument, document_id)
    if issued is None or issued.complaint_id != complaint.id:
        abort(404)
    examination = db.session.get(ExaminationRecord, issued.examination_id) if issued.examination_id else None
    identifies = examination is not None and examination.subject == "complainant"
    if identifies and not queries.may_see_complainant(current_user, complaint):
        abort(404)
    if identifies:
        audit.record(current_user, "complaint.complainant_viewed", complaint, office_id=complaint.office_id)
    audit.record(current_user, "document.downloaded", complaint, office_id=complaint.office_id,
                 document_code=issued.code)
    name = issued.file_name or f"{issued.kind}-{complaint.reference}.pdf"
    return Response(documents.read(issued), mimetype="application/pdf", headers={
        "Content-Disposition": f"attachment; filename={name}",
        "Content-Security-Policy": "default-src 'none'; sandbox"})


def _in_scope(complaint) -> bool:
    if current_user.role == "regional":
        return complaint.office.region_id == current_user.region_id
    return complaint.office_id == current_user.office_id


@bp.route("/verifikasi", methods=["GET", "POST"])
@limiter.limit(VERIFY_LIMIT, methods=["POST"])
@public
def verify():
    """Which document a code belongs to (title, number, issued when and by which office), and
    whether a presented PDF is that document, byte for byte — for anyone holding the letter
    (the client, the police, a court): the QR code on every document leads here. Staff of the
    issuing Bapas (or its Kanwil) also see the case it belongs to. Never a person's name."""
    form = VerifyForm()
    code = request.args.get("kode", "") if request.method == "GET" else None
    if code:
        form.code.data = code[:40]
    result = None
    if code or form.validate_on_submit():
        data = form.document.data.read() if form.document.data and form.document.data.filename else None
        issued, matches = documents.verify(form.code.data, data)
        staff = current_user.is_authenticated and current_user.role in READERS
        result = {"found": issued is not None, "matches": matches, "document": issued,
                  "show_case": issued is not None and staff and _in_scope(issued.complaint)}
        audit.record(current_user if current_user.is_authenticated else None, "document.verified", None,
                     found=issued is not None, matches=matches)
    return render_template("complaints/verify.html", form=form, result=result)
