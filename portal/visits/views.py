"""Home-visit pages: the visits due and planned, planning one, recording it, the visit rule."""
from __future__ import annotations

import uuid
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..boundary import return_to
from ..clients import queries as client_queries
from ..db import today
from ..observations import queries as observation_queries
from ..observations import services as observation_services
from ..pagination import page_number, paginate
from ..security import BAPAS_STAFF as STAFF
from ..security import EDITORS, LEADS, roles_required
from . import bp, queries, services
from .forms import DoneForm, IntervalForm, MissedForm, PlanForm


@bp.route("/")
@roles_required(*STAFF)
def index():
    """Visits due or overdue by the Bapas's rule, and the visits planned."""
    planned_number = request.args.get("rencana", "1")
    return render_template("visits/index.html", today=today(),
                           due=queries.due_page(current_user, today(), page_number()), planned=paginate(
        queries.planned_query(current_user),
        page=max(1, int(planned_number)) if planned_number.isdigit() else 1))


@bp.route("/rencana/<public_id>", methods=["GET", "POST"])
@roles_required(*EDITORS)
def plan(public_id: str):
    """Plan a home visit for a client (from its page, an observation or the officer's home)."""
    client = client_queries.get_client_for_staff_or_404(current_user, public_id)
    back = return_to(url_for("clients.detail", public_id=client.public_id))
    form = PlanForm()
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
        form.observation.data = request.args.get("pengamatan", "")
    observation = None
    if form.observation.data:
        observation = observation_queries.get_observation_for_staff_or_404(current_user, form.observation.data)
        if observation.client_id != client.id:
            abort(404)
        back = return_to(url_for("observations.detail", public_id=observation.public_id))
    if not services.may(current_user, "plan", services.plan_subject(client)):
        abort(403)  # not the client's officer (the table's guard)
    if observation is not None:
        observation_services.check_plan_visit(current_user, observation)  # refused in words
    existing = services.find_by_submission_key(form.submission_key.data) \
        if request.method == "POST" else None
    if existing is not None and existing.client_id == client.id:
        return redirect(url_for("visits.detail", public_id=existing.public_id))
    if form.validate_on_submit():
        visit = services.plan(current_user, client, form.data, observation)
        flash(_("Home visit planned."), "success")
        return redirect(url_for("visits.detail", public_id=visit.public_id))
    return render_template("visits/plan.html", form=form, client=client, observation=observation,
                           back=back), 400 if request.method == "POST" else 200


def _detail(visit: Any, done: DoneForm, missed: MissedForm, status: int = 200):
    return render_template("visits/detail.html", visit=visit, done_form=done,
                           missed_form=missed), status


@bp.route("/<public_id>")
@roles_required(*STAFF)
def detail(public_id: str):
    """One home visit: the plan and, once recorded, what was found (audited)."""
    visit = queries.get_visit_for_staff_or_404(current_user, public_id)
    audit.record(current_user, "visit.viewed", visit, office_id=visit.office_id)
    return _detail(visit, DoneForm(version=visit.version), MissedForm(version=visit.version))


@bp.route("/<public_id>/<any(dilakukan, batal):outcome>", methods=["POST"])
@roles_required(*EDITORS)
def record(public_id: str, outcome: str):
    """Record the visit as made or missed; a second record is refused, saying so."""
    visit = queries.get_visit_for_staff_or_404(current_user, public_id)
    back = return_to(url_for("visits.detail", public_id=visit.public_id))
    if not services.may(current_user, "record_done", visit):
        abort(403)  # not the client's officer (the table's guard)
    if visit.status != "planned":
        flash(str(services.ALREADY_RECORDED), "info")
        return redirect(back)
    done, missed = DoneForm(), MissedForm()
    form = done if outcome == "dilakukan" else missed
    if not form.validate_on_submit():
        return _detail(visit, done if outcome == "dilakukan" else DoneForm(version=visit.version),
                       missed if outcome == "batal" else MissedForm(version=visit.version), 400)
    if outcome == "dilakukan":
        services.record_done(current_user, visit, form.data)
        flash(_("The home visit is recorded."), "success")
    else:
        services.record_missed(current_user, visit, form.data)
        flash(_("The missed visit is recorded."), "success")
    return redirect(back)


@bp.route("/aturan", methods=["GET", "POST"])
@roles_required(*LEADS)
def rule():
    """The Kasi or the Kepala sets the days between visits by supervision intensity."""
    office = queries.own_office_or_404(current_user)
    form = IntervalForm(intensive_days=office.visit_interval_intensive_days,
                        regular_days=office.visit_interval_regular_days)
    if form.validate_on_submit():
        services.set_intervals(current_user, office, form.intensive_days.data, form.regular_days.data)
        flash(_("Saved."), "success")
        return redirect(url_for("visits.rule"))
    return render_template("visits/rule.html", form=form, office=office), \
        400 if request.method == "POST" else 200
