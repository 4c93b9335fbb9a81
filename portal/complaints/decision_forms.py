"""Forms of the deliberate decisions (issue 10 §1–§3): the confirmation page's grounds and
reasons with what each decision needs, the public withdrawal, and the records after a
decision (the summons answered, the letter to APH, the client's return)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from ..forms import Form
from ..validators import MultiCheckboxField, not_in_future
from .workflow import CLOSING_LABELS


class DecisionForm(Form):
    """A decision restated and confirmed: its grounds (checkboxes, labels) and the reasons in
    words, both required, plus what the decision itself needs."""

    version = HiddenField()
    grounds = MultiCheckboxField(_l("Legal grounds"), validators=[DataRequired(_l("Choose at least one ground."))])
    grounds_text = TextAreaField(
        _l("The reasons, in words"), validators=[DataRequired(_l("Write the reasons for this decision.")),
                                   Length(min=10, max=3000)],
        description=_l("In your own words: the facts the decision rests on. They are kept in the "
                       "case timeline and the audit log."))
    reason = SelectField(_l("Closing reason"), validators=[Optional()],
                         choices=[("", "—")] + list(CLOSING_LABELS.items()))
    appear_on = DateField(_l("Day to appear"), validators=[Optional()])
    appear_time = StringField(_l("Time to appear (HH:MM)"), validators=[
        Optional(), Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", message=_l("Write the time as HH:MM, e.g. 09:00."))])
    appear_place = StringField(_l("Place to appear"), validators=[Optional(), Length(max=200)])
    also_intensive = BooleanField(_l("Also intensify the supervision"))
    period_end_on = DateField(_l("Intensified supervision until"), validators=[Optional()])
    review_on = DateField(_l("Review date"), validators=[Optional()])
    decree_number = StringField(_l("Decree number"), validators=[Optional(), Length(max=80)])
    decree_on = DateField(_l("Decree date"), validators=[Optional(), not_in_future])


class WithdrawForm(Form):
    """The complainant withdraws the complaint, saying why."""

    version = HiddenField()
    grounds_text = TextAreaField(
        _l("Why do you withdraw the complaint?"),
        validators=[DataRequired(_l("Write why you withdraw the complaint.")), Length(min=10, max=3000)])


class SummonsAnswerForm(Form):
    """Whether the client appeared as summoned."""

    version = HiddenField()
    appeared = RadioField(_l("Did the client appear?"), validators=[DataRequired()],
                          choices=[("yes", _l("Yes, the client appeared")),
                                   ("no", _l("No, the client did not appear"))])
    answered_on = DateField(_l("Date"), validators=[DataRequired(), not_in_future])


class AphLetterForm(Form):
    """The letter to the police or prosecutor asking for the client's return."""

    version = HiddenField()
    addressee = StringField(_l("Addressed to (police or prosecutor's office)"),
                            validators=[DataRequired(), Length(max=200)])
    letter_on = DateField(_l("Date of the letter"), validators=[DataRequired(), not_in_future])


class ReturnForm(Form):
    """The client was taken back to a Lapas/Rutan."""

    version = HiddenField()
    returned_on = DateField(_l("Date taken back"), validators=[DataRequired(), not_in_future])
    facility = StringField(_l("Receiving Lapas/Rutan"), validators=[DataRequired(), Length(max=200)])


class AtLargeForm(Form):
    """The client is still at large."""

    version = HiddenField()
    body = TextAreaField(_l("What is known"), validators=[DataRequired(), Length(min=5, max=3000)])


class ReturnPeriodForm(Form):
    """The days a revoked client may stay out before the return counts as overdue."""

    days = IntegerField(_l("Days before a return counts as overdue"),
                        validators=[DataRequired(), NumberRange(min=1, max=90)],
                        description=_l("Counted from the day the outcome was recorded."))
