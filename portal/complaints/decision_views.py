"""The confirmation pages of the deliberate decisions (GET restates, POST decides) and the
records after a decision: the summons answered, the letter to APH, the client's return."""
from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.wrappers import Response

from ..boundary import return_to
from ..clients.workflow import CLIENT_STATUS_LABELS, CLIENT_WORKFLOW, PROCEDURE
from ..extensions import db
from ..security import BAPAS_STAFF as CASEWORKERS
from ..security import roles_required
from ..workflow import MissingFields, Refused
from . import bp, procedure, queries, services
from .decision_forms import (
    AphLetterForm,
    AtLargeForm,
    DecisionForm,
    ReturnForm,
    ReturnPeriodForm,
    SummonsAnswerForm,
)
from .models import Complaint, Sanction
from .workflow import CASE_PREREQUISITES, COMPLAINT_WORKFLOW, PREREQUISITE_HINTS, STATUS_LABELS

# What each decision asks for besides its grounds and reasons.
FIELDS = {
    "close": ("reason",), "decide_not_pursued": ("reason",),
    "decide_warning": ("also_intensive", "period_end_on", "review_on"),
    "decide_summons": ("appear_on", "appear_time", "appear_place", "also_intensive",
                       "period_end_on", "review_on"),
    "decide_intensive": ("period_end_on", "review_on"),
    "record_revoked": ("decree_number", "decree_on"), "record_cancelled": ("decree_number", "decree_on"),
    "record_not_revoked": ("decree_number", "decree_on"),
}


def already_taken(complaint: Complaint, action: str) -> bool:
    """A second submit of a decision: the case already holds that move."""
    return any(e.kind == "move" and e.action == action for e in complaint.events)


def mark(form: Any, exc: MissingFields | Refused) -> None:
    """Put a refusal under the field it concerns (or at the top when no field of the form)."""
    names = exc.fields if isinstance(exc, MissingFields) else (exc.code,)
    placed = False
    for name in names:
        field = getattr(form, name, None)
        if field is not None and hasattr(field, "errors"):
            field.errors = list(field.errors) + [str(exc.message)]
            placed = True
    if not placed:
        form.form_errors.append(str(exc.message))


def _client_change(complaint: Complaint, action: str) -> tuple[Any, Any] | None:
    client, move = complaint.client, procedure.CLIENT_MOVES.get(action)
    if action in ("decide_warning", "decide_summons"):
        move = "intensify"  # when the head adds intensified supervision
    if client is None or move is None:
        return None
    target = next((t.target for t in CLIENT_WORKFLOW.allowed(client.status, PROCEDURE)
                   if t.action == move), None)
    return (CLIENT_STATUS_LABELS.get(client.status), CLIENT_STATUS_LABELS.get(target)) if target else None


def _page(complaint: Complaint, action: str, form: DecisionForm, blocked: list[Any]) -> str:
    others = []
    if action in ("record_revoked", "record_cancelled") and complaint.client_id is not None:
        others = queries.open_others(current_user, complaint)
    return render_template(
        "complaints/confirm.html", complaint=complaint, action=action, form=form,
        fields=FIELDS.get(action, ()), target=STATUS_LABELS[COMPLAINT_WORKFLOW.get(action).target or ""],
        client_change=_client_change(complaint, action), told=procedure.TOLD.get(action, ()),
        letters=procedure.LETTERS.get(action, ()), others=others,
        others_note=procedure.OTHER_COMPLAINTS if others else None, blocked=blocked)


def confirm(complaint: Complaint, action: str) -> Any:
    """GET: what the decision will do, to whom, with the grounds; POST: take it."""
    back = url_for("complaints.case", reference=complaint.reference)
    posted = request.method == "POST"
    form = DecisionForm(prefix=action) if posted else DecisionForm(
        prefix=action, version=complaint.version,
        grounds=[g for g in complaint.grounds if action != "record_cancelled"])
    form.grounds.choices = procedure.ground_choices(action)
    return_to(back)
    if posted and str(form.version.data) != str(complaint.version):
        if already_taken(complaint, action):
            flash(_("This step was already taken; nothing was done a second time."), "info")
            return redirect(back)
        services.check_version(complaint, form.version.data)
    given = services.case_facts(complaint)
    blocked = COMPLAINT_WORKFLOW.blocked(action, complaint.status, current_user.role, given,
                                         actor=current_user, subject=complaint, only=CASE_PREREQUISITES)
    if blocked is None:  # not open to this person now: the table says why, on the case page
        services._check(current_user, complaint, action, given=given)
        abort(404)  # pragma: no cover - the check above always refuses here
    hints = [PREREQUISITE_HINTS[f] for f in CASE_PREREQUISITES if COMPLAINT_WORKFLOW.field_labels[f] in blocked]
    if posted and form.validate_on_submit():
        services.check_version(complaint, form.version.data)
        try:
            with db.session.begin_nested():
                services.move(current_user, complaint, action, **_inputs(form))
        except (MissingFields, Refused) as exc:
            mark(form, exc)
        else:
            flash(_("Saved."), "success")
            return redirect(back)
    return _page(complaint, action, form, hints)


def _inputs(form: DecisionForm) -> dict[str, Any]:
    return {"grounds": list(form.grounds.data or []), "grounds_text": form.grounds_text.data,
            "reason": form.reason.data or None, "appear_on": form.appear_on.data,
            "appear_time": form.appear_time.data, "appear_place": form.appear_place.data,
            "also_intensive": bool(form.also_intensive.data),
            "period_end_on": form.period_end_on.data, "review_on": form.review_on.data,
            "decree_number": form.decree_number.data, "decree_on": form.decree_on.data}


# ---------------------------------------------------------------- records after a decision

def _posted(form: Any, complaint: Complaint) -> bool:
    return_to(url_for("complaints.case", reference=complaint.reference))
    if not form.validate_on_submit():
        from ..forms import error_summary
        raise Refused(_("Nothing was saved: %(errors)s", errors=error_summary(form)), "form")
    services.check_version(complaint, form.version.data)
    return True


@bp.route("/staf/pengaduan/<reference>/panggilan/<int:sanction_id>", methods=["POST"])
@roles_required(*CASEWORKERS)
def summons_answer(reference: str, sanction_id: int) -> Response:
    """Whether the client appeared as summoned."""
    complaint = queries.get_case_or_404(current_user, reference)
    sanction = db.session.get(Sanction, sanction_id)
    if sanction is None or sanction.complaint_id != complaint.id:
        abort(404)
    form = SummonsAnswerForm()
    _posted(form, complaint)
    procedure.record_summons_answer(current_user, complaint, sanction, form.appeared.data == "yes",
                                    form.answered_on.data)
    flash(_("Saved."), "success")
    return redirect(url_for("complaints.case", reference=reference))


@bp.route("/staf/pengaduan/<reference>/eksekusi/<any(surat, kembali, buron):step>", methods=["POST"])
@roles_required(*CASEWORKERS)
def execution(reference: str, step: str) -> Response:
    """After the decree: the letter to APH, the client's return, or still at large."""
    complaint = queries.get_case_or_404(current_user, reference)
    if step == "surat":
        letter = AphLetterForm()
        _posted(letter, complaint)
        procedure.record_aph_letter(current_user, complaint, letter.addressee.data, letter.letter_on.data)
    elif step == "kembali":
        returned = ReturnForm()
        _posted(returned, complaint)
        procedure.record_return(current_user, complaint, returned.returned_on.data, returned.facility.data)
    else:
        at_large = AtLargeForm()
        _posted(at_large, complaint)
        procedure.record_at_large(current_user, complaint, at_large.body.data)
    flash(_("Saved."), "success")
    return redirect(url_for("complaints.case", reference=reference))


@bp.route("/staf/pengaduan/pengaturan", methods=["GET", "POST"])
@roles_required("head")
def return_period() -> Any:
    """The Kepala Bapas sets when a revoked client's return counts as overdue (issue 10 §3)."""
    from ..offices.models import Office
    office = db.session.get(Office, current_user.office_id)
    if office is None:
        abort(404)
    form = ReturnPeriodForm(days=office.return_overdue_days)
    if form.validate_on_submit():
        procedure.set_return_period(current_user, office, form.days.data)
        flash(_("Saved."), "success")
        return redirect(url_for("complaints.return_period"))
    return render_template("complaints/return_period.html", form=form, office=office)


def execution_forms(complaint: Complaint) -> dict[str, Any]:
    """The forms of the case page's records after a decision."""
    version = complaint.version
    return {"answer": SummonsAnswerForm(version=version), "aph": AphLetterForm(version=version),
            "returned": ReturnForm(version=version), "at_large": AtLargeForm(version=version)}
