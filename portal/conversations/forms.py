"""The message form of a thread (the staff's copy can make it an internal note)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import Form
from ..validators import upload


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
    import uuid
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
