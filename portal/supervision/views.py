"""Staff pages of supervision: conditions, partner sheets, travel requests and decisions."""
from __future__ import annotations

import uuid
from types import SimpleNamespace

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..boundary import return_to
from ..clients.queries import get_client_for_staff_or_404
from ..security import BAPAS_STAFF as STAFF
from ..security import EDITORS, roles_required
from . import bp, queries, services
from .forms import ConditionForm, DecisionForm, SheetForm, TravelForm
from .sheet import condition_title
from .workflow import CONDITION_WORKFLOW, SHEET_WORKFLOW, TRAVEL_WORKFLOW

TRAVEL_FIELDS = ("destination", "from_on", "to_on", "purpose")


def _client_page(client) -> str:
    return return_to(url_for("clients.detail", public_id=client.public_id) + "#supervision")


@bp.route("/klien/<public_id>/syarat/baru", methods=["GET", "POST"])
@roles_required(*EDITORS)
def condition_new(public_id: str):
    """Add a condition to the client's supervision."""
    client = get_client_for_staff_or_404(current_user, public_id)
    back = _client_page(client)
    CONDITION_WORKFLOW.check("add", "new", current_user.role, {"kind": "-", "starts_on": "-"},
                             actor=current_user, subject=SimpleNamespace(client=client))
    form = ConditionForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
    existing = services.find_condition_by_key(form.submission_key.data) \
        if request.method == "POST" else None
    if existing is not None and existing.client_id == client.id:
        return redirect(back)  # the same form sent twice: the first one stands
    if form.validate_on_submit():
        services.add_condition(current_user, client, form.data)
        flash(_("Condition added."), "success")
        return redirect(back)
    return render_template("supervision/condition_form.html", form=form, client=client, condition=None)


@bp.route("/klien/<public_id>/syarat/<int:condition_id>/ubah", methods=["GET", "POST"])
@roles_required(*EDITORS)
def condition_edit(public_id: str, condition_id: int):
    """Change a condition in force."""
    condition = queries.get_condition_or_404(current_user, public_id, condition_id)
    back = _client_page(condition.client)
    CONDITION_WORKFLOW.check("edit", condition.status, current_user.role,
                             {"kind": "-", "starts_on": "-"}, actor=current_user, subject=condition)
    form = ConditionForm(obj=condition)
    del form.submission_key  # only the form that adds a condition carries one
    if form.validate_on_submit():
        services.check_version(condition, form.version.data)
        changed = services.edit_condition(current_user, condition, form.data)
        flash(_("Saved.") if changed else _("Nothing changed."), "success")
        return redirect(back)
    return render_template("supervision/condition_form.html", form=form, client=condition.client,
                           condition=condition)


@bp.route("/klien/<public_id>/syarat/<int:condition_id>/akhiri", methods=["POST"])
@roles_required(*EDITORS)
def condition_end(public_id: str, condition_id: int):
    """End a condition; it stays on record."""
    condition = queries.get_condition_or_404(current_user, public_id, condition_id)
    back = _client_page(condition.client)
    services.end_condition(current_user, condition)
    flash(_("The condition was ended."), "success")
    return redirect(back)


@bp.route("/klien/<public_id>/penugasan/<int:assignment_id>/lembar", methods=["GET", "POST"])
@roles_required(*EDITORS)
def sheet_edit(public_id: str, assignment_id: int):
    """Write what this partner needs to know: conditions, what to watch for, whom to call."""
    assignment = queries.get_staff_assignment_or_404(current_user, public_id, assignment_id)
    client = assignment.client
    back = _client_page(client)
    sheet = queries.sheet_of(assignment)
    SHEET_WORKFLOW.check("write", sheet.status if sheet else "new", current_user.role,
                         {"contact": "-"}, actor=current_user,
                         subject=sheet or queries.blank_sheet(assignment))
    in_force = queries.conditions_of(current_user, client, include_ended=False)
    form = SheetForm(obj=sheet) if request.method == "GET" and sheet else SheetForm()
    form.conditions.choices = [(str(c.id), condition_title(c)) for c in in_force]
    if request.method == "GET" and sheet:
        form.conditions.data = [str(c.id) for c in sheet.conditions]
    if form.validate_on_submit():
        if sheet is not None:
            services.check_version(sheet, form.version.data)
        chosen = [c for c in in_force if str(c.id) in (form.conditions.data or [])]
        services.write_sheet(current_user, assignment, sheet, chosen, form.watch_for.data,
                             form.contact.data)
        flash(_("The partner sheet was saved. The partner sees it on their client page."), "success")
        return redirect(back)
    return render_template("supervision/sheet_form.html", form=form, client=client,
                           assignment=assignment)


@bp.route("/klien/<public_id>/bepergian/baru", methods=["GET", "POST"])
@roles_required(*EDITORS)
def travel_new(public_id: str):
    """The PK records the client's request to travel outside the area."""
    client = get_client_for_staff_or_404(current_user, public_id)
    _client_page(client)
    TRAVEL_WORKFLOW.check("record", "new", current_user.role, dict.fromkeys(TRAVEL_FIELDS, "-"),
                          actor=current_user, subject=SimpleNamespace(client=client, partner_org_id=None))
    form = TravelForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
    if form.validate_on_submit():
        notice = services.record_travel(current_user, client, form.data)
        flash(_("Travel request recorded."), "success")
        return redirect(url_for("supervision.travel_decide", public_id=notice.public_id))
    return render_template("supervision/travel_form.html", form=form, client=client,
                           cancel=url_for("clients.detail", public_id=client.public_id))


@bp.route("/bepergian/")
@roles_required(*STAFF)
def travel_queue():
    """Travel requests waiting for a decision."""
    count, notices = queries.travel_waiting(current_user)
    return render_template("supervision/travel_queue.html", count=count, notices=notices)


@bp.route("/bepergian/<public_id>", methods=["GET", "POST"])
@roles_required(*STAFF)
def travel_decide(public_id: str):
    """One travel request; the client's PK or the Kasi approves or refuses it."""
    notice = queries.get_travel_for_staff_or_404(current_user, public_id)
    if request.method == "GET":
        audit.record(current_user, "travel.viewed", notice, office_id=notice.office_id)
    form = DecisionForm(version=notice.version) if request.method == "GET" else DecisionForm()
    if request.method == "POST":
        return_to(url_for("supervision.travel_decide", public_id=notice.public_id))
        if form.validate_on_submit():
            services.check_version(notice, form.version.data)
            services.decide_travel(current_user, notice, form.decision.data == "approve",
                                   form.note.data)
            flash(_("Travel approved.") if notice.status == "approved" else _("Travel refused."),
                  "success")
            return redirect(url_for("clients.detail", public_id=notice.client.public_id) + "#supervision")
    return render_template("supervision/travel_decide.html", notice=notice, form=form,
                           actions=TRAVEL_WORKFLOW.allowed(notice.status, current_user.role,
                                                           current_user, notice))


@bp.route("/bepergian/<public_id>/tarik", methods=["POST"])
@roles_required(*EDITORS)
def travel_withdraw(public_id: str):
    """Whoever recorded the request withdraws it."""
    notice = queries.get_travel_for_staff_or_404(current_user, public_id)
    back = return_to(url_for("supervision.travel_decide", public_id=notice.public_id))
    services.withdraw_travel(current_user, notice)
    flash(_("The travel request was withdrawn."), "success")
    return redirect(back)
