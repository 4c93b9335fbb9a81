"""Bapas and regional side: the review queue, transcription, the case page and the procedure,
CSV export, collective-leave days. BAPs, the TPP hearing, documents and their verification:
document_views."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from .. import audit, uploads
from ..boundary import return_to
from ..db import today
from ..exports import complaints_csv
from ..extensions import db
from ..forms import error_summary
from ..offices.models import Office
from ..pagination import paginate
from ..security import BAPAS_STAFF as CASEWORKERS
from ..security import CASE_READERS as READERS
from ..security import roles_required
from ..workflow import Refused
from . import bp, calendar, decision_views, procedure, queries, services
from .calendar import CollectiveLeave
from .forms import (
    ActionForm,
    FlagForm,
    LeaveDayForm,
    NoteForm,
    QueueFilterForm,
    StaffComplaintForm,
)
from .models import IssuedDocument
from .workflow import (
    CASE_PREREQUISITES,
    COMPLAINT_WORKFLOW,
    DECISIONS,
    PREREQUISITE_HINTS,
    PROCEDURE_STEPS,
    STATUS_LABELS,
)


def _officer_choices(field, blank):
    field.choices = [("", blank)] + [(str(u.id), u.name) for u in queries.officers_of(current_user)]


@bp.route("/staf/pengaduan/")
@roles_required(*READERS)
def queue():
    """Counts by status; unassigned first, then by due date; filters; overdue highlighted."""
    form = QueueFilterForm(request.args)
    form.status.choices = [("", _("All statuses"))] + list(STATUS_LABELS.items())
    _officer_choices(form.officer, _("All officers"))
    form.validate()
    officer_id = int(form.officer.data) if (form.officer.data or "").isdigit() else None
    stmt = queries.queue_query(current_user, form.status.data, form.ground.data, officer_id,
                               bool(form.overdue.data), form.client.data, bool(form.summons.data),
                               bool(form.waiting.data))
    page = paginate(stmt)
    return render_template(
        "complaints/queue.html", form=form, page=page, counts=queries.status_counts(current_user),
        is_overdue=services.is_overdue, days_waiting=procedure.days_waiting,
        return_overdue=procedure.return_overdue,
        summons_pending=queries.summons_pending_ids(current_user, [c.id for c in page.items]),
        per_bapas=queries.waiting_returns(current_user) if current_user.role == "regional" else None)


@bp.route("/staf/pengaduan/ekspor.csv")
@roles_required(*READERS)
def export():
    """The filtered queue as CSV — without the complainant's identity."""
    form = QueueFilterForm(request.args)
    form.status.choices = [("", "")] + list(STATUS_LABELS.items())
    _officer_choices(form.officer, "")
    form.validate()
    officer_id = int(form.officer.data) if (form.officer.data or "").isdigit() else None
    stmt = queries.queue_query(current_user, form.status.data, form.ground.data, officer_id,
                               bool(form.overdue.data), form.client.data)
    text = complaints_csv(db.session.scalars(stmt), services.is_overdue)
    audit.record(current_user, "complaint.exported", None)
    return Response(text, mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=pengaduan.csv"})


@bp.route("/staf/pengaduan/baru", methods=["GET", "POST"])
@roles_required(*CASEWORKERS)
def staff_new():
    """Transcribe an oral report or a letter on the complainant's behalf."""
    form = StaffComplaintForm()
    if request.method == "GET":
        import uuid
        form.submission_key.data = uuid.uuid4().hex
        form.office_id.data = str(current_user.office_id)
    if request.method == "POST":
        form.office_id.data = str(current_user.office_id)
        earlier = services.receipt_for(form.submission_key.data)
        if earlier is not None and earlier.complaint.office_id == current_user.office_id:
            return render_template("complaints/receipt.html", receipt={
                "reference": earlier.complaint.reference, "secret": earlier.secret}, staff=True)
    if form.validate_on_submit():
        receipt = services.file_by_staff(current_user, form.data, form.checked_files())
        return render_template("complaints/receipt.html", receipt={
            "reference": receipt.complaint.reference, "secret": receipt.secret}, staff=True)
    return render_template("complaints/staff_new.html", form=form)


def _action_form(complaint, action: str, posted: bool = False):
    # On POST the version must come from the form the user saw, never from the database.
    form = ActionForm(prefix=action) if posted else ActionForm(prefix=action, version=complaint.version)
    _officer_choices(form.officer_id, "—")
    form.office_id.choices = [("", "—")] + [(str(i), n) for i, n in db.session.execute(
        select(Office.id, Office.name).where(Office.id != complaint.office_id).order_by(Office.name))]
    return form


@bp.route("/staf/pengaduan/<reference>")
@roles_required(*READERS)
def case(reference: str):
    """The case: timeline (internal notes and messages apart), allowed actions, context."""
    complaint = queries.get_case_or_404(current_user, reference)
    audit.record(current_user, "complaint.viewed", complaint, office_id=complaint.office_id)
    allowed = {t.action for t in COMPLAINT_WORKFLOW.allowed(
        complaint.status, current_user.role, current_user, complaint)}
    given = services.case_facts(complaint)
    blocked = {}
    for action in PROCEDURE_STEPS:
        missing = COMPLAINT_WORKFLOW.blocked(action, complaint.status, current_user.role, given,
                                             actor=current_user, subject=complaint, only=CASE_PREREQUISITES)
        if missing is not None:
            blocked[action] = [PREREQUISITE_HINTS[f] for f in CASE_PREREQUISITES
                               if COMPLAINT_WORKFLOW.field_labels[f] in missing]
    issued = list(db.session.scalars(select(IssuedDocument).where(
        IssuedDocument.complaint_id == complaint.id).order_by(IssuedDocument.id)))
    return render_template(
        "complaints/case.html", complaint=complaint, allowed=allowed,
        forms={a: _action_form(complaint, a) for a in allowed},
        officers=queries.officers_of(current_user) if current_user.role != "regional" else [],
        note_form=NoteForm(version=complaint.version), flag_form=FlagForm(version=complaint.version),
        related=queries.related(current_user, complaint) if current_user.role != "regional" else None,
        may_see_complainant=queries.may_see_complainant(current_user, complaint),
        files=queries.case_files(current_user, complaint), issued=issued,
        overdue=services.is_overdue(complaint), blocked=blocked, decisions=DECISIONS,
        execution_forms=decision_views.execution_forms(complaint),
        days_waiting=procedure.days_waiting(complaint.execution), today=today(),
        return_overdue=procedure.return_overdue(complaint.execution))


@bp.route("/staf/pengaduan/<reference>/pelapor")
@roles_required(*READERS)
def complainant(reference: str):
    """The complainant's identity — only to the assigned officer, the supervisors and the head
    of the case's Bapas; every view is audited."""
    complaint = queries.get_case_or_404(current_user, reference)
    if not queries.may_see_complainant(current_user, complaint):
        abort(403)
    audit.record(current_user, "complaint.complainant_viewed", complaint, office_id=complaint.office_id)
    return render_template("complaints/complainant.html", complaint=complaint)


def _case_page(complaint) -> str:
    return return_to(url_for("complaints.case", reference=complaint.reference))


def _form_or_refuse(form) -> None:
    if not form.validate_on_submit():
        raise Refused(_l("Nothing was saved: %(errors)s", errors=error_summary(form)), "form")


@bp.route("/staf/pengaduan/<reference>/langkah/<action>", methods=["GET", "POST"])
@roles_required(*READERS)
def act(reference: str, action: str):
    """One move of the procedure; the table decides, the server checks again. A deliberate
    decision has its confirmation page (GET), which the POST answers."""
    complaint = queries.get_case_or_404(current_user, reference)
    if action not in PROCEDURE_STEPS:
        abort(404)
    if action in DECISIONS:
        return decision_views.confirm(complaint, action)
    if request.method == "GET":
        abort(404)
    back = _case_page(complaint)
    form = _action_form(complaint, action, posted=True)
    _form_or_refuse(form)
    services.check_version(complaint, form.version.data)
    services.move(current_user, complaint, action, note=form.message.data or form.note.data or None,
                  officer=form.officer_id.data, office=form.office_id.data,
                  message=form.message.data, register_number=form.register_number.data)
    flash(_("Saved."), "success")
    return redirect(back)


@bp.route("/staf/pengaduan/<reference>/catatan", methods=["POST"])
@roles_required(*CASEWORKERS)
def note(reference: str):
    """An internal note, or a message to the complainant."""
    complaint = queries.get_case_or_404(current_user, reference)
    back = _case_page(complaint)
    form = NoteForm()
    _form_or_refuse(form)
    services.check_version(complaint, form.version.data)
    services.add_note(current_user, complaint, form.body.data, form.to_complainant.data)
    flash(_("Saved."), "success")
    return redirect(back)


@bp.route("/staf/pengaduan/<reference>/tugaskan", methods=["POST"])
@roles_required(*CASEWORKERS)
def assign(reference: str):
    """Assign the case (supervisor, head) or claim it (an officer)."""
    complaint = queries.get_case_or_404(current_user, reference)
    back = _case_page(complaint)
    officer_id = request.form.get("officer_id", "")
    services.check_version(complaint, request.form.get("version"))
    services.assign(current_user, complaint, int(officer_id) if officer_id.isdigit() else None)
    flash(_("Saved."), "success")
    return redirect(back)


@bp.route("/staf/pengaduan/<reference>/tandai", methods=["POST"])
@roles_required(*CASEWORKERS)
def flag(reference: str):
    """Flag as possibly malicious or mistaken."""
    complaint = queries.get_case_or_404(current_user, reference)
    back = _case_page(complaint)
    form = FlagForm()
    _form_or_refuse(form)
    services.check_version(complaint, form.version.data)
    services.flag(current_user, complaint, form.reason.data)
    flash(_("Saved."), "success")
    return redirect(back)


@bp.route("/staf/pengaduan/<reference>/berkas/<int:attachment_id>")
@roles_required(*CASEWORKERS)
def attachment(reference: str, attachment_id: int):
    """Download evidence or the scanned letter."""
    complaint = queries.get_case_or_404(current_user, reference)
    found = next((a for a in queries.case_files(current_user, complaint) if a.id == attachment_id), None)
    if found is None:
        abort(404)
    if queries.identifies_complainant(complaint, found):
        audit.record(current_user, "complaint.complainant_viewed", complaint, office_id=complaint.office_id)
    audit.record(current_user, "complaint.file_downloaded", complaint, office_id=complaint.office_id)
    return uploads.send(found)


@bp.route("/admin/cuti-bersama", methods=["GET", "POST"])
@roles_required("admin")
def leave_days():
    """Collective-leave days (cuti bersama) that do not count as working days."""
    form = LeaveDayForm()
    if form.validate_on_submit():
        try:
            calendar.add_leave_day(current_user, form.day.data, form.name.data)
        except calendar.DayListed:
            form.day.errors.append(_("This day is already listed."))
        else:
            flash(_("Saved."), "success")
            return redirect(url_for("complaints.leave_days"))
    days = list(db.session.scalars(select(CollectiveLeave).order_by(CollectiveLeave.day.desc())))
    return render_template("complaints/leave_days.html", form=form, days=days)


@bp.route("/admin/cuti-bersama/<int:leave_id>/hapus", methods=["POST"])
@roles_required("admin")
def leave_day_delete(leave_id: int):
    """Remove a collective-leave day."""
    day = db.session.get(CollectiveLeave, leave_id)
    if day is None:
        abort(404)
    calendar.remove_leave_day(current_user, day)
    flash(_("Removed."), "success")
    return redirect(url_for("complaints.leave_days"))
