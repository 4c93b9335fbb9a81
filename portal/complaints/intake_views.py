"""Intake pages (issue 10 point 7): the triage page of a case, and the confirmation pages of a
revocation case the Bapas opens from a suspected-violation observation or from the alert of
three missed check-ins in a row."""
from __future__ import annotations

import uuid

from flask import flash, redirect, render_template, request, url_for
from flask_babel import format_date, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..boundary import return_to
from ..clients import queries as client_queries
from ..observations import queries as observation_queries
from ..observations.workflow import GROUND_LABELS
from ..security import EDITORS, roles_required
from ..workflow import InvalidTransition
from . import bp, intake, queries, services
from .intake_forms import LATER, ClientSearchForm, NewClientForm, OpenCaseForm, TriageForm
from .workflow import COMPLAINT_WORKFLOW, STATUS_LABELS


def _case_url(complaint) -> str:
    return url_for("complaints.case", reference=complaint.reference)


def _officers(field) -> None:
    field.choices = [("", "—")] + [(str(u.id), u.name) for u in queries.officers_of(current_user)]


def _may_triage(complaint) -> None:
    if not any(t.action == "triage" for t in COMPLAINT_WORKFLOW.allowed(
            complaint.status, current_user.role, current_user, complaint)):
        raise InvalidTransition("triage", complaint.status, STATUS_LABELS.get(complaint.status))


def _first_candidates(complaint) -> list:
    """What the complaint itself says about the client, looked up in the register."""
    found = []
    if complaint.client_register_number:
        found = client_queries.find_clients(current_user, complaint.office_id,
                                            register_number=complaint.client_register_number)
    if not found and complaint.client_name:
        found = client_queries.find_clients(current_user, complaint.office_id,
                                            name=complaint.client_name)
    return found


def _triage_page(complaint, candidates, search=None, pick=None, new=None, status=200):
    version = complaint.version
    search = search or ClientSearchForm(formdata=None, prefix="find", version=version,
                                        name=complaint.client_name,
                                        register_number=complaint.client_register_number)
    pick = pick or TriageForm(formdata=None, version=version,
                              client=complaint.client.public_id if complaint.client else None)
    new = new or NewClientForm(formdata=None, prefix="new", version=version, full_name=complaint.client_name,
                               register_number=complaint.client_register_number)
    linked = [complaint.client] if complaint.client and complaint.client not in candidates else []
    shown = linked + list(candidates)
    pick.client.choices = [(c.public_id, c.full_name) for c in shown] + [(LATER, _("Link the client later"))]
    for form in (pick, new):
        officers = form.officer_id.data
        _officers(form.officer_id)
        form.officer_id.data = officers
    if shown:
        audit.record(current_user, "client.searched", complaint, office_id=complaint.office_id,
                     found=len(shown))
    return render_template("complaints/triage.html", complaint=complaint, candidates=shown,
                           search=search, pick=pick, new=new), status


@bp.route("/staf/pengaduan/<reference>/triase", methods=["GET", "POST"])
@roles_required("supervisor")
def triage(reference: str):
    """Find the client (name, register number, birth date) or register them, then assign."""
    complaint = queries.get_case_or_404(current_user, reference)
    return_to(_case_url(complaint))
    _may_triage(complaint)
    step = request.form.get("step") if request.method == "POST" else None
    if step == "find":
        search = ClientSearchForm(prefix="find")
        if not search.validate_on_submit():
            return _triage_page(complaint, [], search=search, status=400)
        found = client_queries.find_clients(current_user, complaint.office_id, search.name.data,
                                            search.register_number.data, search.birth_on.data)
        if not found:
            flash(_("No client of this Bapas matches. Search again, or register the client "
                    "below."), "warning")
        return _triage_page(complaint, found, search=search)
    if step == "pick":
        pick = TriageForm()
        chosen = client_queries.find_client_by_public_id(current_user, complaint.office_id,
                                                         pick.client.data)
        pick.client.choices = [(pick.client.data, "")] if chosen or pick.client.data == LATER else []
        _officers(pick.officer_id)
        if not pick.validate_on_submit():
            return _triage_page(complaint, [chosen] if chosen else _first_candidates(complaint),
                                pick=pick, status=400)
        services.check_version(complaint, pick.version.data)
        intake.triage(current_user, complaint, chosen, pick.officer_id.data, pick.note.data or None)
        flash(_("Triage saved: the officer is assigned."), "success")
        return redirect(_case_url(complaint))
    if step == "create":
        new = NewClientForm(prefix="new")
        _officers(new.officer_id)
        if not new.validate_on_submit():
            return _triage_page(complaint, _first_candidates(complaint), new=new, status=400)
        services.check_version(complaint, new.version.data)
        intake.create_client_and_triage(current_user, complaint, new.data, new.officer_id.data)
        flash(_("Client registered and triage saved: the officer is assigned."), "success")
        return redirect(_case_url(complaint))
    return _triage_page(complaint, _first_candidates(complaint))


# ---------------------------------------------------------------- cases from supervision

def _open_page(title_lines, to_whom, action, back, form, status=200):
    confirm = {"title": _("Open a revocation case"), "danger": True, "lines": title_lines,
               "to_whom": to_whom, "action": action, "back": back,
               "button": _("Open the revocation case")}
    return render_template("confirm.html", confirm=confirm, form=form), status


def _common_lines(client) -> list[str]:
    return [_("A revocation case is opened at %(office)s, filed by the Bapas itself (channel: "
              "supervision finding) and recorded by you.", office=client.office.name),
            _("The supervisors are told of the new case; it then goes through triage like any "
              "complaint.")]


def _who(client) -> str:
    return _("%(name)s, register number %(number)s", name=client.full_name,
             number=client.register_number)


def _grounds(codes) -> str:
    return ", ".join(str(GROUND_LABELS.get(c, c)) for c in codes)


def _opened(complaint, created: bool):
    if created:
        flash(_("The revocation case %(reference)s was opened.", reference=complaint.reference), "success")
    else:
        flash(_("This revocation case was already opened; nothing was created a second time."), "info")
    return redirect(_case_url(complaint))


@bp.route("/staf/pengaduan/dari-pengamatan/<public_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
def open_from_observation(public_id: str):
    """Open a revocation case from a suspected-violation observation (confirmation page)."""
    observation = observation_queries.get_observation_for_staff_or_404(current_user, public_id)
    return_to(url_for("observations.detail", public_id=observation.public_id))
    form = OpenCaseForm() if request.method == "POST" else OpenCaseForm(submission_key=uuid.uuid4().hex)
    existing = intake.case_from_observation(observation) or (
        services.find_by_submission_key(form.submission_key.data) if request.method == "POST" else None)
    if existing is not None and existing.office_id == current_user.office_id:
        return _opened(existing, False)
    intake.check_observation(observation)
    client = observation.client
    lines = _common_lines(client) + [
        _("Linked to the observation of %(date)s from %(org)s.", date=format_date(observation.observed_on),
          org=observation.partner_org.name),
        _("Grounds: %(grounds)s", grounds=_grounds(observation.grounds))]
    if request.method == "POST":
        if form.validate_on_submit():
            complaint, created = intake.open_from_observation(
                current_user, observation, form.account.data, form.submission_key.data)
            return _opened(complaint, created)
        status = 400
    else:
        status = 200
    return _open_page(lines, _who(client), request.path, url_for(
        "observations.detail", public_id=observation.public_id), form, status)


@bp.route("/staf/pengaduan/dari-peringatan/<public_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
def open_from_alert(public_id: str):
    """Open a revocation case from the alert of three missed check-ins (confirmation page)."""
    client = client_queries.get_client_for_staff_or_404(current_user, public_id)
    return_to(url_for("clients.alerts"))
    form = OpenCaseForm() if request.method == "POST" else OpenCaseForm(submission_key=uuid.uuid4().hex)
    existing = intake.open_missed_reporting_case(client) or (
        services.find_by_submission_key(form.submission_key.data) if request.method == "POST" else None)
    if existing is not None and existing.office_id == current_user.office_id:
        return _opened(existing, False)
    months = intake.check_alert(client)
    lines = _common_lines(client) + [
        _("Ground: %(ground)s", ground=_grounds(["MISSED_REPORTING"])),
        _("The missed months that count: %(months)s", months=intake.months_in_words(
            months, str(get_locale())))]
    if request.method == "POST":
        if form.validate_on_submit():
            complaint, created = intake.open_from_alert(current_user, client, form.account.data,
                                                        form.submission_key.data)
            return _opened(complaint, created)
        status = 400
    else:
        status = 200
    return _open_page(lines, _who(client), request.path, url_for("clients.alerts"), form, status)
