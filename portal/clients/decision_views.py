"""Deliberate decisions about a client (issue 10 points 1 and 8): the supervision status
moves staff make by hand, and the correction of a recorded check-in. Each goes through a
confirmation page that restates what will happen and to whom and asks for the grounds; a
plain form POST (no JavaScript); a second submit of the same page changes nothing."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from ..boundary import return_to
from ..extensions import db
from ..forms import error_summary
from ..offices.models import Office
from ..security import BAPAS_STAFF as STAFF
from ..security import EDITORS, roles_required
from ..workflow import Refused
from . import bp, queries, services
from .forms import CheckInCorrectionForm, CheckInForm, StatusForm
from .labels import CHECKIN_LABELS
from .models import ClientEvent
from .workflow import CLIENT_ACTION_LABELS, CLIENT_STATUS_LABELS, CLIENT_WORKFLOW

STATUS_ACTIONS = ("intensify", "relax", "complete", "transfer")  # the moves staff make by hand
STATUS_EFFECTS = {
    "intensify": _l("The client is supervised more closely (intensive supervision)."),
    "relax": _l("The client returns to regular supervision."),
    "complete": _l("The supervision is recorded as completed: every partner assignment ends at "
                   "once and partners no longer see the client."),
    "transfer": _l("The client is transferred to the receiving Bapas: every partner assignment "
                   "ends at once and partners no longer see the client."),
}


def _detail(client, anchor: str = "") -> str:
    return url_for("clients.detail", public_id=client.public_id) + anchor


def _status_form(client, action: str | None = None) -> StatusForm:
    form = StatusForm() if action is None else StatusForm(version=client.version, action=action)
    form.transfer_office_id.choices = [("", "—")] + [(str(i), n) for i, n in db.session.execute(
        select(Office.id, Office.name).where(Office.id != client.office_id).order_by(Office.name))]
    return form


def _status_page(client, action: str, form: StatusForm, status: int = 200):
    transition = CLIENT_WORKFLOW.get(action)
    target = transition.target or client.status
    if action != "transfer":
        del form.transfer_office_id
    confirm = {
        "title": CLIENT_ACTION_LABELS[action], "danger": action in ("complete", "transfer"),
        "lines": [_("Supervision status: %(before)s → %(after)s",
                    before=CLIENT_STATUS_LABELS[client.status], after=CLIENT_STATUS_LABELS[target]),
                  str(STATUS_EFFECTS[action])],
        "to_whom": _("%(name)s, register number %(number)s", name=client.full_name,
                     number=client.register_number),
        "action": url_for("clients.status", public_id=client.public_id),
        "back": _detail(client), "button": CLIENT_ACTION_LABELS[action]}
    return render_template("confirm.html", confirm=confirm, form=form), status


@bp.route("/<public_id>/status/<action>")
@roles_required(*STAFF)
def status_confirm(public_id: str, action: str):
    """The confirmation page of a supervision status move."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    if action not in STATUS_ACTIONS:
        abort(404)
    return_to(_detail(client))
    CLIENT_WORKFLOW.check(action, client.status, current_user.role)
    return _status_page(client, action, _status_form(client, action))


def _just_done(client, action: str, version: object) -> bool:
    """This user's same move was just saved from the same page (a second submit)."""
    if str(version) != str(client.version - 1):
        return False
    last = db.session.scalar(select(ClientEvent).where(
        ClientEvent.client_id == client.id, ClientEvent.kind == "status")
        .order_by(ClientEvent.id.desc()).limit(1))
    return last is not None and last.action == action and last.actor_id == current_user.id


@bp.route("/<public_id>/status", methods=["POST"])
@roles_required(*STAFF)
def status(public_id: str):
    """Change the supervision status through the workflow table, with the grounds."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    back = return_to(_detail(client))
    form = _status_form(client)
    action = form.action.data
    if action not in STATUS_ACTIONS:  # an empty form, or a move only the procedure makes
        if not form.validate_on_submit():
            raise Refused(_l("Nothing was saved: %(errors)s", errors=error_summary(form)), "form")
        CLIENT_WORKFLOW.check(action, client.status, current_user.role)
        abort(404)
    if _just_done(client, action, form.version.data):
        flash(_("This was already saved; nothing was changed a second time."), "info")
        return redirect(back)
    if not form.validate_on_submit():
        return _status_page(client, action, form, 400)
    services.check_version(client, form.version.data)
    office = form.transfer_office_id.data
    services.change_status(current_user, client, action, note=form.note.data.strip(),
                           transfer_office_id=int(office) if office and office.isdigit() else None)
    flash(_("Status changed."), "success")
    return redirect(back)


# ---------------------------------------------------------------- check-ins

def _correction_page(client, form: CheckInCorrectionForm, before: str, status: int = 200):
    month = form.parsed_month()
    confirm = {
        "title": _("Correct a recorded check-in"), "danger": True,
        "lines": [_("Check-in %(month)s: %(before)s → %(after)s", month=format_date(month, "MMMM yyyy"),
                    before=CHECKIN_LABELS[before], after=CHECKIN_LABELS[form.outcome.data]),
                  _("The earlier value stays visible in the client's timeline, with your reason."),
                  _("Months recorded as missed count for the alert of three missed check-ins in a "
                    "row, a ground for revocation.")],
        "to_whom": _("%(name)s, register number %(number)s", name=client.full_name,
                     number=client.register_number),
        "action": url_for("clients.check_in_correct", public_id=client.public_id),
        "back": _detail(client, "#checkins"), "button": _("Correct the check-in")}
    return render_template("confirm.html", confirm=confirm, form=form), status


@bp.route("/<public_id>/wajib-lapor", methods=["POST"])
@roles_required(*EDITORS)
def check_in(public_id: str):
    """Record a month's check-in; a month already recorded goes to the correction page."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    back = return_to(_detail(client, "#checkins"))
    form = CheckInForm()
    if not form.validate_on_submit():
        raise Refused(_l("The check-in was not saved: %(errors)s", errors=error_summary(form)), "form")
    try:
        services.record_check_in(current_user, client, form.month.month, form.outcome.data,
                                 form.reason.data)
    except services.AlreadyRecorded as recorded:
        if recorded.check_in.outcome == form.outcome.data:
            flash(_("This month is already recorded as “%(outcome)s”; nothing was changed.",
                    outcome=CHECKIN_LABELS[form.outcome.data]), "info")
            return redirect(back)
        correction = CheckInCorrectionForm(formdata=None, month=form.month.data,
                                           outcome=form.outcome.data, reason=form.reason.data)
        return _correction_page(client, correction, recorded.check_in.outcome)
    flash(_("Check-in recorded."), "success")
    return redirect(back)


@bp.route("/<public_id>/wajib-lapor/koreksi", methods=["POST"])
@roles_required(*EDITORS)
def check_in_correct(public_id: str):
    """Correct a recorded month, with the reason for the correction."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    back = return_to(_detail(client, "#checkins"))
    form = CheckInCorrectionForm()
    month = form.parsed_month()
    recorded = services.check_in_of(client, month) if month else None
    if month is None or recorded is None or form.outcome.data not in CHECKIN_LABELS:
        raise Refused(_l("No check-in is recorded for this month; record it instead."), "month")
    if form.outcome.data == "excused" and not (form.reason.data or "").strip():
        raise Refused(_l("Give the reason for the excuse."), "reason")
    if not form.validate_on_submit():
        return _correction_page(client, form, recorded.outcome, 400)
    if services.correct_check_in(current_user, client, month, form.outcome.data,
                                 form.correction.data, form.reason.data):
        flash(_("Check-in corrected."), "success")
    else:
        flash(_("This month is already recorded as “%(outcome)s”; nothing was changed.",
                outcome=CHECKIN_LABELS[form.outcome.data]), "info")
    return redirect(back)
