"""The form that hands a client or a case to another PK: the officer, a reason, the version seen."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from ..forms import Form


class ReassignForm(Form):
    """Choose the new PK and say why (the reason goes on the record's timeline)."""

    officer = SelectField(_l("New officer (PK)"), validators=[DataRequired(_l("Choose the new officer."))])
    reason = TextAreaField(_l("Reason"), validators=[
        DataRequired(_l("Say why the record changes hands.")), Length(min=5, max=1000)])
    version = HiddenField()
