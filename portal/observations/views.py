"""The officer's side of observations: inbox, detail with earlier versions, reply, follow-up."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from .. import audit, uploads
from ..boundary import return_to
from ..forms import error_summary
from ..pagination import paginate
from ..security import BAPAS_STAFF as STAFF
from ..security import roles_required
from ..supervision.queries import by_condition
from ..workflow import Refused
from . import bp, queries, services
from .forms import AcknowledgeForm, FollowUpForm


@bp.route("/")
@roles_required(*STAFF)
def inbox():
    """Observations waiting for an answer: urgent ones first, then the oldest."""
    status = request.args.get("status", "submitted")
    if status not in ("submitted", "acknowledged", "followed_up"):
        status = "submitted"
    from ..conversations.queries import unread_counts
    late = request.args.get("late") == "y"
    page = paginate(queries.inbox_query(current_user, status, late))
    grouped = request.args.get("by") == "condition"
    return render_template("observations/inbox.html", status=status, page=page, grouped=grouped, late=late,
                           groups=by_condition(current_user, page.items) if grouped else None,
                           unread=unread_counts(current_user, "observation", [o.id for o in page.items]))


@bp.route("/<public_id>")
@roles_required(*STAFF)
def detail(public_id: str):
    """One observation with every earlier version, its files, the reply and follow-up."""
    from ..conversations.forms import thread_context
    from ..visits import queries as visit_queries
    from ..visits.services import plan_subject
    item = queries.get_observation_for_staff_or_404(current_user, public_id)
    audit.record(current_user, "observation.viewed", item, office_id=item.office_id)
    return render_template("observations/detail.html", observation=item,
                           ack_form=AcknowledgeForm(version=item.version),
                           follow_form=FollowUpForm(version=item.version),
                           files=uploads.attachments_of(item),
                           visits=visit_queries.visits_of_observation(current_user, item),
                           plan_subject=plan_subject(item.client),
                           **thread_context(current_user, item, "observation"))


@bp.route("/<public_id>/berkas/<int:attachment_id>")
@roles_required(*STAFF)
def attachment(public_id: str, attachment_id: int):
    """Download a file of the observation (audited)."""
    item = queries.get_observation_for_staff_or_404(current_user, public_id)
    found = next((a for a in uploads.attachments_of(item) if a.id == attachment_id), None)
    if found is None:
        from flask import abort
        abort(404)
    audit.record(current_user, "observation.file_downloaded", item, office_id=item.office_id)
    return uploads.send(found)


@bp.route('/<public_id>/<any(tanggapi, "tindak-lanjut"):step>', methods=["POST"])
@roles_required(*STAFF)
def answer(public_id: str, step: str):
    """Reply to the partner (and record the follow-up), or record the follow-up later."""
    item = queries.get_observation_for_staff_or_404(current_user, public_id)
    back = return_to(url_for("observations.detail", public_id=item.public_id))
    form = AcknowledgeForm() if step == "tanggapi" else FollowUpForm()
    if not form.validate_on_submit():
        raise Refused(_l("Nothing was saved: %(errors)s", errors=error_summary(form)), "form")
    services.check_version(item, form.version.data)
    if step == "tanggapi":
        services.acknowledge(current_user, item, form.reply.data, form.follow_up.data or None,
                             form.note.data)
    else:
        services.record_follow_up(current_user, item, form.follow_up.data, form.note.data)
    flash(_("Saved."), "success")
    return redirect(back)
