"""Staff pages of the client register: list, record, timeline, status, assignments,
check-ins, alerts and CSV import."""
from __future__ import annotations

import io

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy import select

from .. import audit
from ..boundary import return_to
from ..extensions import db
from ..forms import error_summary
from ..offices.models import Office
from ..pagination import paginate
from ..security import BAPAS_STAFF as STAFF
from ..security import EDITORS, LEADS, roles_required
from ..supervision.queries import staff_panel as supervision_panel
from ..workflow import Refused
from . import bp, queries, services
from .forms import AssignmentForm, CheckInForm, ClientFilterForm, ClientForm, ImportForm, StatusForm, TimelineFilterForm
from .importer import import_clients, template_csv
from .workflow import CLIENT_STATUS_LABELS, CLIENT_WORKFLOW


def _officer_choices(form_field, blank) -> None:
    form_field.choices = [("", blank)] + [(str(u.id), u.name) for u in queries.officers_of(current_user)]


@bp.route("/")
@roles_required(*STAFF)
def index():
    """The register: search, filters, the officer's own caseload first."""
    form = ClientFilterForm(request.args)
    _officer_choices(form.officer, _("All officers"))
    form.status.choices = [("", _("All statuses"))] + list(CLIENT_STATUS_LABELS.items())
    form.validate()
    officer_id = int(form.officer.data) if (form.officer.data or "").isdigit() else None
    stmt = queries.clients_query(current_user, form.q.data, officer_id, form.programme.data,
                                 form.status.data, form.checkin.data == "due",
                                 int(form.ending.data) if form.ending.data == "30" else None)
    return render_template("clients/index.html", form=form, page=paginate(stmt))


@bp.route("/baru", methods=["GET", "POST"])
@roles_required(*EDITORS)
def new():
    """Register a client."""
    form = ClientForm()
    _officer_choices(form.officer_id, _("— not yet assigned —"))
    if request.method == "GET" and current_user.role == "officer":
        form.officer_id.data = str(current_user.id)
    if form.validate_on_submit():
        try:
            client = services.create_client(current_user, form.data)
        except services.DuplicateRegisterNumber:
            form.register_number.errors.append(_("Another client of this Bapas has this register number."))
        else:
            flash(_("Client registered."), "success")
            return redirect(url_for("clients.detail", public_id=client.public_id))
    return render_template("clients/form.html", form=form, client=None)


@bp.route("/<public_id>")
@roles_required(*STAFF)
def detail(public_id: str):
    """The client page: record, assignments, check-ins and the timeline. Every view is audited."""
    from ..visits import queries as visit_queries
    from ..visits.services import plan_subject
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    audit.record(current_user, "client.viewed", client)
    filter_form = TimelineFilterForm(request.args)
    filter_form.validate()
    timeline = paginate(queries.timeline_query(current_user, client, filter_form.kind.data or None))
    status_form = StatusForm(version=client.version)
    status_form.transfer_office_id.choices = [("", "—")] + [
        (str(i), n) for i, n in db.session.execute(
            select(Office.id, Office.name).where(Office.id != client.office_id).order_by(Office.name))]
    assign_form = AssignmentForm(ends_on=client.supervision_end_on)
    assign_form.partner_org_id.choices = [
        (str(o.id), o.name) for o in queries.active_partner_choices(current_user)]
    return render_template(
        "clients/detail.html", client=client, timeline=timeline, filter_form=filter_form,
        status_form=status_form, assign_form=assign_form, checkin_form=CheckInForm(),
        actions=CLIENT_WORKFLOW.allowed(client.status, current_user.role),
        assignments=queries.assignments_of(current_user, client),
        check_ins=queries.check_ins_of(current_user, client),
        supervision=supervision_panel(current_user, client),
        visits=visit_queries.visits_of_client(current_user, client),
        plan_subject=plan_subject(client))


@bp.route("/<public_id>/ubah", methods=["GET", "POST"])
@roles_required(*EDITORS)
def edit(public_id: str):
    """Edit the record."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    if request.method == "GET":
        audit.record(current_user, "client.viewed", client, page="edit")
    form = ClientForm(obj=client)
    _officer_choices(form.officer_id, _("— not yet assigned —"))
    if request.method == "GET":
        form.officer_id.data = str(client.officer_id or "")
    if form.validate_on_submit():
        try:
            changed = services.update_client(current_user, client, form.data)
        except services.DuplicateRegisterNumber:
            form.register_number.errors.append(_("Another client of this Bapas has this register number."))
        else:
            flash(_("Saved.") if changed else _("Nothing changed."), "success")
            return redirect(url_for("clients.detail", public_id=client.public_id))
    return render_template("clients/form.html", form=form, client=client)


@bp.route("/<public_id>/penugasan", methods=["POST"])
@roles_required(*EDITORS)
def assign(public_id: str):
    """Propose that an active partner organisation supports the client."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    form = AssignmentForm()
    choices = {o.id: o for o in queries.active_partner_choices(current_user)}
    form.partner_org_id.choices = [(str(i), o.name) for i, o in choices.items()]
    back = return_to(url_for("clients.detail", public_id=client.public_id))
    if not form.validate_on_submit():
        raise Refused(_l("The assignment was not saved: %(errors)s", errors=error_summary(form)), "form")
    org = choices[int(form.partner_org_id.data)]
    services.propose_assignment(current_user, client, org, form.relationship_kind.data,
                                form.starts_on.data, form.ends_on.data, form.note.data)
    flash(_("Proposed to %(org)s; the assignment starts when they accept.", org=org.name), "success")
    return redirect(back)


@bp.route("/<public_id>/penugasan/<int:assignment_id>/<any(tarik, akhiri):change>", methods=["POST"])
@roles_required(*EDITORS)
def end_assignment(public_id: str, assignment_id: int, change: str):
    """Withdraw a proposal or end an active assignment."""
    client = queries.get_client_for_staff_or_404(current_user, public_id)
    assignment = next((a for a in queries.assignments_of(current_user, client) if a.id == assignment_id), None)
    if assignment is None:
        abort(404)
    back = return_to(url_for("clients.detail", public_id=client.public_id))
    if change == "tarik":
        services.withdraw_assignment(current_user, assignment)
    else:
        services.end_assignment(current_user, assignment, "by_staff")
    flash(_("The assignment was ended."), "success")
    return redirect(back)


@bp.route("/peringatan")
@roles_required(*STAFF)
def alerts():
    """Clients who missed reporting three times in a row, and summonses not answered."""
    from ..complaints.queries import unanswered_summons
    page = paginate(queries.alerts_query(current_user))
    return render_template("clients/alerts.html", page=page,
                           runs=queries.missed_runs(current_user, page.items),
                           summonses=unanswered_summons(current_user))


@bp.route("/impor", methods=["GET", "POST"])
@roles_required(*LEADS)
def import_csv():
    """Import the register from CSV, with a dry run first."""
    form = ImportForm()
    report = None
    if form.validate_on_submit():
        text = form.csv_file.data.read().decode("utf-8-sig", errors="replace")
        report = import_clients(current_user, current_user.office_id, io.StringIO(text),
                                dry_run=form.dry_run.data)
    return render_template("clients/import.html", form=form, report=report)


@bp.route("/impor/templat.csv")
@roles_required(*LEADS)
def import_template():
    """The CSV template."""
    return Response(template_csv(), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=klien-templat.csv"})
