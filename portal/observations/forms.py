"""The observation form (partners) and the officer's answer."""
from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateField, HiddenField, SelectField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..db import today
from ..forms import Form
from ..validators import MultiCheckboxField, not_in_future, upload
from .workflow import CATEGORY_LABELS, FOLLOW_UP_LABELS, GROUND_LABELS, VISIT_FOLLOW_UPS

# A home visit is planned with the visit form (portal/visits), not chosen here.
FOLLOW_UP_CHOICES = [(code, text) for code, text in FOLLOW_UP_LABELS.items()
                     if code not in VISIT_FOLLOW_UPS]


class ObservationForm(Form):
    """What the partner observed."""

    observed_on = DateField(_l("Date observed"), validators=[DataRequired(), not_in_future],
                            default=today)
    category = SelectField(_l("Category"), choices=list(CATEGORY_LABELS.items()))
    grounds = MultiCheckboxField(_l("Which conditions may have been broken?"),
                                 choices=list(GROUND_LABELS.items()),
                                 description=_l("Only for a suspected violation; choose one or more."))
    # The conditions of the partner's sheet (set by the view); optional.
    condition_id = SelectField(_l("Which condition does this concern?"), choices=[("", "—")],
                               validators=[Optional()])
    narrative = TextAreaField(_l("What happened"), validators=[DataRequired(), Length(min=10, max=10000)],
                              description=_l("Facts: what you saw or heard, when and where, who was "
                                             "there. Separate paragraphs with an empty line."))
    attachment = FileField(_l("Photo or document (optional)"), validators=[upload()],
                           description=_l("PDF, JPEG or PNG, at most 5 MB. Location data is removed from photos."))
    submission_key = HiddenField()

    # Set by the view: the assignment's period, within which the date must fall.
    period: tuple[dt.date, dt.date] | None = None

    def validate_grounds(self, field) -> None:
        if self.category.data == "suspected_violation" and not field.data:
            raise ValidationError(_l("Choose at least one condition for a suspected violation."))

    def validate_observed_on(self, field) -> None:
        if self.period and field.data and not (self.period[0] <= field.data <= self.period[1]):
            raise ValidationError(_l("The date must fall within the period you support this client."))

    def checked_files(self) -> list:
        return [self.attachment.checked] if getattr(self.attachment, "checked", None) else []


class AcknowledgeForm(Form):
    """The officer's reply (the partner sees it) and the follow-up (staff only)."""

    version = HiddenField()
    reply = TextAreaField(_l("Reply to the partner"), validators=[DataRequired(), Length(max=3000)])
    follow_up = SelectField(_l("Follow-up"), choices=[("", _l("Decide later"))] + FOLLOW_UP_CHOICES,
                            validators=[Optional()])
    note = TextAreaField(_l("Internal note on the follow-up"), validators=[Optional(), Length(max=3000)])


class FollowUpForm(Form):
    """Record the follow-up after the reply."""

    version = HiddenField()
    follow_up = SelectField(_l("Follow-up"), choices=FOLLOW_UP_CHOICES)
    note = TextAreaField(_l("Internal note on the follow-up"), validators=[Optional(), Length(max=3000)])
