"""Forms of supervision: a condition, the partner sheet, a travel request, the decision on it."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import DateField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..db import today
from ..forms import Form
from ..validators import MultiCheckboxField, after
from .workflow import KIND_LABELS, SPECIAL_LABELS


class ConditionForm(Form):
    """A general or special condition of the supervision, with its dates."""

    version = HiddenField()
    kind = RadioField(_l("Kind"), choices=list(KIND_LABELS.items()), default="general",
                      validators=[DataRequired(_l("Choose the kind of condition."))])
    code = SelectField(_l("Which special condition"),
                       choices=[("", "—")] + list(SPECIAL_LABELS.items()),
                       description=_l("Only for a special condition."))
    text = TextAreaField(_l("Wording"), validators=[Length(max=2000)],
                         description=_l("As written in the supervision contract. Required for a "
                                        "general condition and for “Other condition”."))
    starts_on = DateField(_l("In force from"), validators=[
        DataRequired(_l("Give the date the condition starts."))], default=today)
    review_on = DateField(_l("Review on"), validators=[
        Optional(), after("starts_on", _l("The review must come after the start."))])
    submission_key = HiddenField()

    def validate_code(self, field) -> None:
        if self.kind.data == "special" and not field.data:
            raise ValidationError(_l("Choose which special condition this is."))

    def validate_text(self, field) -> None:
        needs_text = self.kind.data == "general" or self.code.data == "other"
        if needs_text and not (field.data or "").strip():
            raise ValidationError(_l("Write the condition's wording."))


class SheetForm(Form):
    """What this partner needs to know, chosen field by field."""

    version = HiddenField()
    conditions = MultiCheckboxField(_l("Conditions this partner helps with"), choices=[],
                                    validators=[Optional()])
    watch_for = TextAreaField(_l("What to watch for"), validators=[Optional(), Length(max=3000)],
                              description=_l("Signs the partner should tell the officer about. "
                                             "Never write the offence, NIK, risk or court data here."))
    contact = TextAreaField(_l("Whom to call and when"), validators=[
        DataRequired(_l("Write whom the partner calls, and when.")), Length(max=2000)])


class TravelForm(Form):
    """A client's request to travel outside the area."""

    destination = StringField(_l("Where to"), validators=[
        DataRequired(_l("Write where the client wants to go.")), Length(max=200)])
    from_on = DateField(_l("From"), validators=[DataRequired(_l("Give the first day."))])
    to_on = DateField(_l("Until"), validators=[DataRequired(_l("Give the last day."))])
    purpose = TextAreaField(_l("Why"), validators=[
        DataRequired(_l("Write why the client wants to travel.")), Length(min=5, max=2000)])
    submission_key = HiddenField()

    def validate_from_on(self, field) -> None:
        if field.data and field.data < today():
            raise ValidationError(_l("The first day cannot be in the past."))

    def validate_to_on(self, field) -> None:
        if field.data and self.from_on.data and field.data < self.from_on.data:
            raise ValidationError(_l("The last day cannot come before the first."))


class DecisionForm(Form):
    """The officer's decision on a travel request."""

    version = HiddenField()
    decision = RadioField(_l("Decision"), choices=[("approve", _l("Approve")),
                                                   ("refuse", _l("Refuse"))],
                          validators=[DataRequired(_l("Choose approve or refuse."))])
    note = TextAreaField(_l("Reason for a refusal, or conditions of the approval"),
                         validators=[Length(max=2000)])

    def validate_note(self, field) -> None:
        if self.decision.data == "refuse" and not (field.data or "").strip():
            raise ValidationError(_l("Give the reason for the refusal."))
