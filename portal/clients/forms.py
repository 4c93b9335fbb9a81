"""Forms of the client register: the record, status, assignment, check-in, import."""
from __future__ import annotations

import datetime as dt

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp, ValidationError

from ..db import today
from ..forms import Form
from ..validators import after
from .labels import CHECKIN_LABELS, OFFENCE_LABELS, PROGRAMME_LABELS, RELATIONSHIP_LABELS, RISK_LABELS


def _not_in_future(form, field) -> None:
    if field.data and field.data > today():
        raise ValidationError(_l("The date cannot be in the future."))


class ClientForm(Form):
    """Create or edit a client record."""

    full_name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    register_number = StringField(_l("Register number"), validators=[DataRequired(), Length(max=60)])
    programme = SelectField(_l("Programme"), choices=list(PROGRAMME_LABELS.items()))
    supervision_start_on = DateField(_l("Supervision starts"), validators=[DataRequired()])
    supervision_end_on = DateField(_l("Supervision ends"), validators=[
        DataRequired(), after("supervision_start_on", _l("The end must come after the start."))])
    officer_id = SelectField(_l("Probation officer (PK)"), validators=[Optional()])
    risk_level = SelectField(_l("Risk level"), choices=list(RISK_LABELS.items()), default="medium")
    area = StringField(_l("Area (district, city)"), validators=[Optional(), Length(max=120)],
                       description=_l("Where the client lives; helps match reports from the public."))
    general_conditions = TextAreaField(_l("General conditions"), validators=[Length(max=4000)])
    special_conditions = TextAreaField(_l("Special conditions"), validators=[Length(max=4000)])
    nik = StringField(_l("NIK (staff only)"), validators=[
        Optional(), Regexp(r"^\d{16}$", message=_l("The NIK has 16 digits."))])
    birth_on = DateField(_l("Date of birth (staff only)"), validators=[Optional(), _not_in_future],
                         description=_l("Helps find the client when a complaint comes in."))
    decree_number = StringField(_l("Decree (SK) number (staff only)"),
                                validators=[Optional(), Length(max=80)])
    offence_category = SelectField(_l("Offence category (staff only)"), validators=[Optional()],
                                   choices=[("", "—")] + list(OFFENCE_LABELS.items()),
                                   description=_l("Used only to match opportunities; never shown to partners."))


class StatusForm(Form):
    """Change the supervision status."""

    version = HiddenField()
    action = HiddenField(validators=[DataRequired()])
    transfer_office_id = SelectField(_l("Receiving Bapas"), validators=[Optional()])
    # The grounds of the decision (issue 10 point 1): required, kept in the timeline.
    note = TextAreaField(_l("Grounds for this decision"), validators=[
        DataRequired(_l("Give the grounds for this decision.")), Length(max=2000)])


class AssignmentForm(Form):
    """Assign the client to an active partner organisation."""

    partner_org_id = SelectField(_l("Partner organisation"), validators=[DataRequired()])
    relationship_kind = SelectField(_l("Relationship"), choices=list(RELATIONSHIP_LABELS.items()))
    starts_on = DateField(_l("From"), validators=[DataRequired()], default=today)
    ends_on = DateField(_l("Until"), validators=[
        DataRequired(), after("starts_on", _l("The end must come after the start."))])
    note = TextAreaField(_l("What the partner should help with"),
                         validators=[Optional(), Length(max=2000)])


class CheckInForm(Form):
    """One month's reporting."""

    month = StringField(_l("Month"), validators=[
        DataRequired(), Regexp(r"^\d{4}-\d{2}$", message=_l("Use the form YYYY-MM."))],
        render_kw={"type": "month"})
    outcome = SelectField(_l("Outcome"), choices=list(CHECKIN_LABELS.items()))
    reason = TextAreaField(_l("Reason (required when excused)"), validators=[Length(max=1000)])

    def validate_month(self, field) -> None:
        try:
            month = dt.date(int(field.data[:4]), int(field.data[5:7]), 1)
        except (ValueError, TypeError):
            raise ValidationError(_l("Use the form YYYY-MM.")) from None
        if month > today().replace(day=1):
            raise ValidationError(_l("The month cannot be in the future."))
        field.month = month

    def validate_reason(self, field) -> None:
        if self.outcome.data == "excused" and not (field.data or "").strip():
            raise ValidationError(_l("Give the reason for the excuse."))


class CheckInCorrectionForm(Form):
    """Correct a recorded month: the new outcome and the reason for the correction."""

    month = HiddenField(validators=[DataRequired(), Regexp(r"^\d{4}-\d{2}$")])
    outcome = HiddenField(validators=[DataRequired()])
    reason = HiddenField()
    correction = TextAreaField(_l("Reason for the correction"), validators=[
        DataRequired(_l("Give the reason for the correction.")), Length(max=2000)],
        description=_l("For example: the attendance list of that day shows the client came."))

    def validate_outcome(self, field) -> None:
        if field.data not in CHECKIN_LABELS:
            raise ValidationError(_l("Not a valid choice."))

    def parsed_month(self) -> dt.date | None:
        try:
            return dt.date(int(self.month.data[:4]), int(self.month.data[5:7]), 1)
        except (ValueError, TypeError):
            return None


class ImportForm(Form):
    """Upload a CSV of clients."""

    csv_file = FileField(_l("CSV file"), validators=[DataRequired(_l("Choose a file."))])
    dry_run = BooleanField(_l("Only check the file (dry run)"), default=True)


class ClientFilterForm(Form):
    """Search and filters of the register (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or register number"), validators=[Optional(), Length(max=80)])
    officer = SelectField(_l("Officer"), validators=[Optional()])
    programme = SelectField(_l("Programme"), validators=[Optional()],
                            choices=[("", _l("All programmes"))] + list(PROGRAMME_LABELS.items()))
    status = SelectField(_l("Status"), validators=[Optional()])
    # From the work homes (issue 11): this month's check-in, supervision ending soon.
    checkin = SelectField(_l("Check-in this month"), validators=[Optional()],
                          choices=[("", _l("Any")), ("due", _l("Due or missed"))])
    ending = SelectField(_l("Supervision ends"), validators=[Optional()],
                         choices=[("", _l("Any time")), ("30", _l("Within 30 days"))])


class TimelineFilterForm(Form):
    """What to show on the client's timeline (GET)."""

    class Meta:
        csrf = False

    kind = SelectField(_l("Show"), validators=[Optional()], choices=[
        ("", _l("Everything")), ("observation", _l("Observations")), ("checkin", _l("Check-ins")),
        ("assignment", _l("Assignments")), ("status", _l("Status changes")),
        ("record", _l("Record changes")), ("visit", _l("Home visits")),
        ("supervision", _l("Conditions and travel"))])
