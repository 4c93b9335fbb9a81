"""Forms for postings, moderation, referrals and the partner's answers."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
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
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from ..clients.labels import OFFENCE_LABELS
from ..db import today
from ..extensions import db
from ..forms import Form
from ..offices.models import Office, Region
from ..validators import MultiCheckboxField, not_in_future
from .labels import CONSENT_METHODS, KIND_LABELS, SECTOR_LABELS


class PostingForm(Form):
    """A posting (saved as a draft, then submitted for moderation)."""

    kind = SelectField(_l("Kind"), choices=list(KIND_LABELS.items()))
    title = StringField(_l("Title"), validators=[DataRequired(), Length(max=160)])
    description = TextAreaField(_l("Description"), validators=[DataRequired(), Length(min=30, max=8000)],
                                description=_l("What the work or programme is, what a day looks like. "
                                               "Separate paragraphs with an empty line."))
    sector = SelectField(_l("Sector"), choices=list(SECTOR_LABELS.items()))
    region_id = SelectField(_l("Province"), validators=[DataRequired()])
    city = StringField(_l("City or regency"), validators=[DataRequired(), Length(max=120)])
    office_ids = MultiCheckboxField(_l("Open to clients of these Bapas"),
                                    validators=[DataRequired(_l("Choose at least one Bapas."))])
    places = IntegerField(_l("Number of places"), validators=[DataRequired(), NumberRange(min=1, max=500)],
                          default=1)
    requirements = TextAreaField(_l("Requirements"), validators=[Optional(), Length(max=3000)])
    hours = StringField(_l("Working hours (jobs)"), validators=[Optional(), Length(max=200)])
    pay = StringField(_l("Pay (jobs)"), validators=[Optional(), Length(max=200)])
    starts_on = DateField(_l("Starts on"), validators=[Optional()])
    closes_on = DateField(_l("Applications close on"), validators=[DataRequired()])
    contact_method = TextAreaField(_l("How candidates are contacted"),
                                   validators=[DataRequired(), Length(max=1000)],
                                   description=_l("For example: the officer calls our HR officer; "
                                                  "interviews at our workshop."))
    excluded_offences = MultiCheckboxField(
        _l("Offence categories we cannot accept (optional)"), choices=list(OFFENCE_LABELS.items()),
        description=_l("Used only to match candidates. You will never learn a candidate's offence."))
    submission_key = HiddenField()

    def __init__(self, *args, office_region_id: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.region_id.choices = [(str(i), n) for i, n in db.session.execute(
            select(Region.id, Region.name).order_by(Region.name))]
        self.office_ids.choices = [(str(i), n) for i, n in db.session.execute(
            select(Office.id, Office.name).where(Office.active.is_(True)).order_by(Office.name))]

    def validate_closes_on(self, field) -> None:
        if field.data and field.data < today():
            raise ValidationError(_l("The closing date cannot be in the past."))


class ModerationForm(Form):
    """A supervisor's decision on a posting."""

    version = HiddenField()
    note = TextAreaField(_l("Note to the partner"), validators=[Optional(), Length(max=2000)],
                         description=_l("Required when asking for changes or rejecting."))


class ReferralForm(Form):
    """Refer a client who consented."""

    opportunity = HiddenField(validators=[DataRequired()])
    consent_on = DateField(_l("The client consented on"), validators=[DataRequired(), not_in_future])
    consent_method = SelectField(_l("How the consent was given"), choices=list(CONSENT_METHODS.items()))
    disclosure = RadioField(_l("The client agrees to be named to the partner"), choices=[
        ("now", _l("Now, with the referral")),
        ("after", _l("Only after the partner invites them or offers a place"))],
        validators=[DataRequired()], default="after")
    consent_assignment = BooleanField(_l("If placed, the client agrees that the partner reports "
                                         "observations during the placement"))
    summary = TextAreaField(_l("Candidate summary for the partner"),
                            validators=[DataRequired(), Length(min=30, max=2000)],
                            description=_l("Skills, experience, availability. Do not write the name, "
                                           "the offence or anything that identifies the client."))
    submission_key = HiddenField()


class ResponseForm(Form):
    """The partner's answer on a referral."""

    version = HiddenField()
    on = DateField(_l("Date"), validators=[Optional()])
    reason = TextAreaField(_l("Reason"), validators=[Optional(), Length(max=2000)])


class BrowseForm(Form):
    """Filters for the list of opportunities (GET)."""

    class Meta:
        csrf = False

    kind = SelectField(_l("Kind"), validators=[Optional()],
                       choices=[("", _l("All kinds"))] + list(KIND_LABELS.items()))
    sector = SelectField(_l("Sector"), validators=[Optional()],
                         choices=[("", _l("All sectors"))] + list(SECTOR_LABELS.items()))
    region = SelectField(_l("Province"), validators=[Optional()])
    city = StringField(_l("City or regency"), validators=[Optional(), Length(max=80)])
    soon = BooleanField(_l("Closing within 14 days"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.region.choices = [("", _l("All provinces"))] + [(str(i), n) for i, n in db.session.execute(
            select(Region.id, Region.name).order_by(Region.name))]


class DisclosureForm(Form):
    """The grounds for releasing a client's name to the partner."""

    grounds = TextAreaField(_l("Grounds for releasing the name"), validators=[
        DataRequired(_l("Give the grounds for releasing the name.")), Length(max=2000)],
        description=_l("For example: the client agreed on this date to be named for the interview."))
