"""Forms of home visits: plan one, record it made or missed, and the Bapas's visit rule."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, IntegerField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, ValidationError

from ..db import today
from ..forms import Form
from ..validators import not_in_future


class PlanForm(Form):
    """When and why the officer will visit the client's home."""

    planned_on = DateField(_l("Planned date"), validators=[DataRequired()])
    purpose = TextAreaField(_l("Purpose of the visit"), validators=[DataRequired(), Length(min=5, max=2000)],
                            description=_l("What the visit should find out or settle."))
    observation = HiddenField()
    submission_key = HiddenField()

    def validate_planned_on(self, field) -> None:
        if field.data and field.data < today():
            raise ValidationError(_l("A visit is planned for today or a later day."))


class DoneForm(Form):
    """What the visit found."""

    version = HiddenField()
    visited_on = DateField(_l("Date of the visit"), validators=[DataRequired(), not_in_future],
                           default=today)
    met_whom = StringField(_l("Who was met"), validators=[DataRequired(), Length(max=300)],
                           description=_l("For example: the client and his mother."))
    findings = TextAreaField(_l("Findings"), validators=[DataRequired(), Length(min=5, max=5000)])
    next_step = TextAreaField(_l("Next step"), validators=[DataRequired(), Length(max=2000)])


class MissedForm(Form):
    """Why the visit did not take place."""

    version = HiddenField()
    missed_reason = TextAreaField(_l("Why the visit did not take place"),
                                  validators=[DataRequired(), Length(min=5, max=2000)])


class IntervalForm(Form):
    """Days between home visits by the client's supervision intensity."""

    intensive_days = IntegerField(_l("Intensive supervision: days between visits"),
                                  validators=[InputRequired(), NumberRange(min=7, max=365)])
    regular_days = IntegerField(_l("Regular supervision: days between visits"),
                                validators=[InputRequired(), NumberRange(min=7, max=365)])
