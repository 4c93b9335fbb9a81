"""Posting in a thread and downloading its files, for the partner and the Bapas staff alike
(the scoped getter decides whose thread it is)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template
from flask_babel import gettext as _
from flask_login import current_user

from .. import audit, uploads
from ..boundary import return_to
from ..security import BAPAS_STAFF, roles_required
from . import bp, queries, services
from .forms import message_form, thread_context

KINDS = {"pengamatan": "observation", "rujukan": "referral"}
WRITERS = ("partner",) + BAPAS_STAFF


@bp.route("/percakapan/<any(pengamatan, rujukan):kind>/<key>", methods=["POST"])
@roles_required(*WRITERS)
def post(kind: str, key: str):
    """Add a message (or, for staff, an internal note); sending it twice stores it once."""
    thread = queries.get_thread_or_404(current_user, KINDS[kind], key)
    back = return_to(services.page_of(thread))
    if not services.may_write(current_user, thread):
        abort(403)  # not a participant (the table's guard): e.g. another officer of the Bapas
    form = message_form(thread.side, thread.kind)
    existing = services.find_by_submission_key(form.submission_key.data)
    if existing is not None and existing.author_id == current_user.id:
        return redirect(back)
    if not form.validate_on_submit():
        context = thread_context(current_user, thread.owner, thread.kind, form=form)
        return render_template("conversations/reply.html", back=back, **context), 400
    services.post(current_user, thread, form.data, form.checked_files())
    flash(_("Internal note saved.") if thread.side == "staff" and form.data.get("internal")
          else _("Message sent."), "success")
    return redirect(back)


@bp.route("/percakapan/<any(pengamatan, rujukan):kind>/<key>/berkas/<message>/<int:attachment_id>")
@roles_required(*WRITERS)
def attachment(kind: str, key: str, message: str, attachment_id: int):
    """Download a file of a message the reader may see (audited)."""
    thread = queries.get_thread_or_404(current_user, KINDS[kind], key)
    found = queries.get_message_or_404(thread, message)
    stored = next((a for a in uploads.attachments_of(found) if a.id == attachment_id), None)
    if stored is None:
        abort(404)
    audit.record(current_user, "thread.file_downloaded", thread.owner, office_id=thread.office_id)
    return uploads.send(stored)
