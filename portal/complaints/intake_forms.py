"""Forms of intake: the triage page (find or create the client, assign the officer) and the
confirmation of a case the Bapas opens from its own supervision."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..clients.labels import PROGRAMME_LABELS
from ..db import today
from ..forms import Form
from ..validators import after

LATER = "later"  # the triage radio: link the client later


def _not_in_future(form, field) -> None:
    if field.data and field.data > today():
        raise ValidationError(_l("The date cannot be in the future."))


class ClientSearchForm(Form):
    """Find the client in the register of the case's Bapas (sent by POST: no name or birth
    date in a URL)."""

    version = HiddenField()
    name = StringField(_l("Name (or part of it)"), validators=[Optional(), Length(max=120)])
    register_number = StringField(_l("Register number (or part of it)"),
                                  validators=[Optional(), Length(max=60)])
    birth_on = DateField(_l("Date of birth"), validators=[Optional(), _not_in_future])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if not (self.name.data or self.register_number.data or self.birth_on.data):
            self.name.errors = [_l("Give a name, a register number or a date of birth.")]
            return False
        return True


class TriageForm(Form):
    """Pick the client from the list (or link later) and assign the officer."""

    version = HiddenField()
    client = RadioField(_l("The client"), validators=[DataRequired(_l("Choose the client, or "
                                                                       "“link later”."))])
    officer_id = SelectField(_l("Officer (PK) to assign"),
                             validators=[DataRequired(_l("Choose the officer to assign."))])
    note = TextAreaField(_l("Note for the case (optional)"), validators=[Optional(), Length(max=2000)])


class NewClientForm(Form):
    """The client is not in the register yet: the minimal record, then the officer."""

    version = HiddenField()
    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    register_number = StringField(_l("Register number"), validators=[DataRequired(), Length(max=60)])
    programme = SelectField(_l("Programme"), choices=list(PROGRAMME_LABELS.items()))
    supervision_start_on = DateField(_l("Supervision starts"), validators=[DataRequired()])
    supervision_end_on = DateField(_l("Supervision ends"), validators=[
        DataRequired(), after("supervision_start_on", _l("The end must come after the start."))])
    birth_on = DateField(_l("Date of birth"), validators=[Optional(), _not_in_future])
    officer_id = SelectField(_l("Officer (PK) to assign"),
                             validators=[DataRequired(_l("Choose the officer to assign."))])


class OpenCaseForm(Form):
    """The confirmation of a case opened from the Bapas's own supervision."""

    submission_key = HiddenField()
    account = TextAreaField(_l("Your account of what was found"), validators=[
        DataRequired(_l("Give your account of what was found.")), Length(min=20, max=5000)],
        description=_l("What you know and how: it opens the case's record, as a complainant's "
                       "account would."))
