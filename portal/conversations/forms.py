"""The message form of a thread (the staff's copy can make it an internal note), and what a
page that shows a thread needs."""
from __future__ import annotations

import uuid
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..auth.models import User
from ..forms import Form
from ..validators import upload
from . import queries, services


class MessageForm(Form):
    """A message in the conversation, with an optional file."""

    body = TextAreaField(_l("Message"), validators=[DataRequired(), Length(min=2, max=5000)])
    attachment = FileField(_l("File (optional)"), validators=[upload()],
                           description=_l("PDF, JPEG or PNG, at most 5 MB."))
    internal = BooleanField(_l("Internal note: staff only, never shown to the partner"))
    submission_key = HiddenField()

    def checked_files(self) -> list:
        return [self.attachment.checked] if getattr(self.attachment, "checked", None) else []


def message_form(side: str, kind: str, **kwargs) -> MessageForm:
    """A fresh form for the reader's side; a partner's has no internal-note box, and the
    staff's form on a referral warns that the partner must not learn the candidate's name."""
    form = MessageForm(**kwargs)
    if not form.submission_key.data:
        form.submission_key.data = uuid.uuid4().hex
    if side == "partner":
        del form.internal
    elif kind == "referral":
        form.body.description = _l("The partner sees the candidate code only: do not write the "
                                   "client's name, address or offence here until the name is "
                                   "released.")
    else:
        form.body.description = _l("Without the box below, the partner organisation reads it.")
    return form


def thread_context(user: User, owner: Any, kind: str, form: Any = None) -> dict[str, Any]:
    """The template context of the thread of `owner` (already loaded through its scoped
    getter): the messages its reader may see, the read marker before this visit (to mark the
    new ones) and the form; opening the page marks the thread read."""
    side = "partner" if user.role == "partner" else "staff"
    thread = queries.thread_of(owner, kind, side)
    shown = queries.messages(thread)
    before = queries.last_read_id(user, thread)
    if shown and shown[-1].id > before:
        services.mark_read(user, thread, shown[-1].id)
    return {"thread": thread, "thread_messages": shown, "thread_files": queries.files_of(shown),
            "thread_last_read": before,
            "thread_form": form if form is not None else message_form(side, kind)}
