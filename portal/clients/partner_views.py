"""Partner pages: the clients the organisation supports, observations, proposals to answer."""
from __future__ import annotations

import uuid

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit
from ..boundary import return_to
from ..observations import queries as observation_queries
from ..observations import services as observation_services
from ..observations.forms import ObservationForm
from ..observations.workflow import OBSERVATION_WORKFLOW
from ..pagination import paginate
from ..security import roles_required
from ..supervision.sheet import condition_choices, partner_sheet_view
from . import partner_bp as bp
from . import queries, services


@bp.route("/")
@roles_required("partner")
def index():
    """The clients our organisation supports today."""
    page = paginate(queries.partner_assignments_query(current_user))
    pending = queries.pending_assignments(current_user) if current_user.org_admin else []
    return render_template("partner_clients/index.html", page=page, pending=pending)


@bp.route("/<public_id>")
@roles_required("partner")
def detail(public_id: str):
    """The minimum a partner needs about a client, and our own observations."""
    assignment = queries.get_assignment_for_partner_or_404(current_user, public_id)
    audit.record(current_user, "client.viewed_by_partner", assignment.client,
                 office_id=assignment.client.office_id)
    sheet = partner_sheet_view(current_user, assignment)
    if sheet.written:
        audit.record(current_user, "partner_sheet.viewed_by_partner", assignment.client,
                     office_id=assignment.client.office_id)
    from ..conversations.queries import unread_counts
    observations = observation_queries.partner_observations(current_user, assignment.client)
    return render_template("partner_clients/detail.html", assignment=assignment,
                           client=assignment.client, sheet=sheet, observations=observations,
                           unread=unread_counts(current_user, "observation", [o.id for o in observations]))


def _observation_form(assignment, **kwargs) -> ObservationForm:
    form = ObservationForm(**kwargs)
    form.period = (assignment.starts_on, assignment.ends_on)
    form.condition_id.choices = [("", "—")] + condition_choices(current_user, assignment)
    if request.method == "GET" and request.args.get("tanpa_izin") and not kwargs:
        # Travel without notice (a refused or unknown travel): a suspected violation.
        form.category.data, form.grounds.data = "suspected_violation", ["MOVED_WITHOUT_NOTICE"]
    return form


@bp.route("/<public_id>/pengamatan", methods=["GET", "POST"])
@roles_required("partner")
def observe(public_id: str):
    """Report an observation; sending the same form twice creates one."""
    assignment = queries.get_assignment_for_partner_or_404(current_user, public_id)
    form = _observation_form(assignment)
    if request.method == "GET":
        form.submission_key.data = uuid.uuid4().hex
    existing = observation_services.find_by_submission_key(form.submission_key.data) \
        if request.method == "POST" else None
    if existing is not None and existing.author_id == current_user.id:
        return redirect(url_for("partner_clients.observation", public_id=existing.public_id))
    if form.validate_on_submit():
        observation = observation_services.submit(current_user, assignment, form.data,
                                                  form.checked_files())
        flash(_("Thank you. The probation officer has received your observation."), "success")
        return redirect(url_for("partner_clients.observation", public_id=observation.public_id))
    return render_template("partner_clients/observe.html", form=form, assignment=assignment,
                           client=assignment.client, observation=None)


@bp.route("/pengamatan/<public_id>")
@roles_required("partner")
def observation(public_id: str):
    """One of our observations and the officer's reply."""
    item = observation_queries.get_observation_for_partner_or_404(current_user, public_id)
    from ..conversations.forms import thread_context
    return render_template("partner_clients/observation.html", observation=item,
                           **thread_context(current_user, item, "observation"))


@bp.route("/pengamatan/<public_id>/ubah", methods=["GET", "POST"])
@roles_required("partner")
def correct(public_id: str):
    """The author corrects the observation until the officer has answered it."""
    item = observation_queries.get_observation_for_partner_or_404(current_user, public_id)
    assignment = queries.get_assignment_for_partner_or_404(current_user, item.client.public_id)
    back = return_to(url_for("partner_clients.observation", public_id=item.public_id))
    if not any(t.action == "correct" for t in OBSERVATION_WORKFLOW.allowed(
            item.status, current_user.role, current_user, item)):
        # Say why on the observation's page instead of showing a form that cannot be sent.
        OBSERVATION_WORKFLOW.check("correct", item.status, current_user.role,
                                   {"narrative": item.narrative}, actor=current_user, subject=item)
    form = _observation_form(assignment, obj=item)
    if form.validate_on_submit():
        observation_services.correct(current_user, item, form.data)
        flash(_("Correction saved. The earlier version stays visible to the Bapas."), "success")
        return redirect(back)
    return render_template("partner_clients/observe.html", form=form, assignment=assignment,
                           client=item.client, observation=item)


@bp.route("/penugasan")
@roles_required("partner")
def assignments():
    """Proposals from the Bapas waiting for our answer."""
    return render_template("partner_clients/assignments.html",
                           pending=queries.pending_assignments(current_user))


@bp.route("/penugasan/<int:assignment_id>/<any(terima, tolak):answer>", methods=["POST"])
@roles_required("partner")
def decide(assignment_id: int, answer: str):
    """The organisation admin accepts or declines a proposal."""
    assignment = queries.get_pending_assignment_or_404(current_user, assignment_id)
    back = return_to(url_for("partner_clients.assignments"))
    services.decide_assignment(current_user, assignment, answer == "terima")
    flash(_("Accepted. The client now appears among your clients.") if answer == "terima"
          else _("Declined. The Bapas has been told."), "success")
    return redirect(back)
