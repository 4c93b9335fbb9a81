"""Forms: the public application, vetting actions, the PKS, the partner's own pages."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from sqlalchemy import select
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
    URLField,
)
from wtforms.validators import URL, DataRequired, Email, Length, Optional, ValidationError

from ..db import today
from ..extensions import db
from ..forms import Form
from ..offices.models import Office, Region
from ..validators import MultiCheckboxField, after, indonesian_phone, not_in_future, upload
from .labels import FIELD_LABELS, KIND_LABELS


def office_choices() -> dict[str, list[tuple[str, str]]]:
    """Bapas offices grouped by province (an <optgroup> per province)."""
    rows = db.session.execute(select(Office.id, Office.name, Region.name)
                              .join(Region, Office.region_id == Region.id)
                              .where(Office.active.is_(True))
                              .order_by(Region.name, Office.name)).all()
    grouped: dict[str, list[tuple[str, str]]] = {}
    for office_id, name, province in rows:
        grouped.setdefault(province, []).append((str(office_id), name))
    return grouped


class VersionedForm(Form):
    """A staff action on a record: carries the version the user saw."""

    version = HiddenField()


class ApplicationForm(Form):
    """Apply to become a POKMAS partner (no account needed)."""

    applicant_type = RadioField(_l("I apply as"), choices=[
        ("individual", _l("An individual")), ("organisation", _l("An organisation"))],
        validators=[DataRequired()])
    kind = SelectField(_l("Kind of partner"), choices=list(KIND_LABELS.items()))
    name = StringField(_l("Name of the organisation (or your full name)"),
                       validators=[DataRequired(), Length(max=160)])
    fields = MultiCheckboxField(_l("Fields where you can help"), choices=list(FIELD_LABELS.items()),
                                validators=[DataRequired(_l("Choose at least one field."))])
    office_id = SelectField(_l("Bapas you want to work with"), validators=[DataRequired()],
                            description=_l("Choose the Bapas for the area where you live or work."))
    contact_name = StringField(_l("Contact person"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)],
                       description=_l("We send a confirmation link to this address."))
    phone = StringField(_l("Phone"), validators=[DataRequired(), indonesian_phone],
                        description=_l("08… or +62…"), render_kw={"autocomplete": "tel", "inputmode": "tel"})
    address = TextAreaField(_l("Address"), validators=[DataRequired(), Length(max=500)])
    motivation = TextAreaField(_l("Why do you want to become a partner?"),
                               validators=[DataRequired(), Length(min=30, max=3000)],
                               description=_l("How you would like to help, and your experience."))
    id_document = FileField(_l("Identity card (KTP) of the applicant or the organisation's leader"),
                            validators=[upload(required=True)],
                            description=_l("PDF, JPEG or PNG, at most 5 MB."))
    legal_document = FileField(_l("Legal document of the organisation (deed, NIB or decree)"),
                               validators=[upload()],
                               description=_l("Required for organisations. PDF, JPEG or PNG, at most 5 MB."))
    profile_document = FileField(_l("Profile of the organisation or a short CV (optional)"),
                                 validators=[upload()],
                                 description=_l("PDF, JPEG or PNG, at most 5 MB."))
    consent = BooleanField(_l("I have read the privacy notice and agree that the Bapas processes "
                              "my data to assess this application."),
                           validators=[DataRequired(_l("Your consent is needed to process the "
                                                       "application."))])
    # Honeypot: hidden from people by CSS; bots fill it in.
    homepage = StringField(_l("Leave this field empty"), render_kw={"autocomplete": "off", "tabindex": "-1"})
    submission_key = HiddenField()

    FILE_FIELDS = ("id_document", "legal_document", "profile_document")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.office_id.choices = office_choices()

    def validate_legal_document(self, field) -> None:
        if self.applicant_type.data == "organisation" and not getattr(field, "checked", None):
            if not field.errors:
                raise ValidationError(_l("Organisations must add a legal document."))

    def checked_files(self) -> dict:
        return {name: getattr(self, name).checked for name in self.FILE_FIELDS
                if getattr(getattr(self, name), "checked", None)}

    def files_to_choose_again(self) -> list[str]:
        """Labels of chosen files that are lost when the form is shown again."""
        return [getattr(self, n).label.text for n in self.FILE_FIELDS
                if getattr(self, n).data and getattr(getattr(self, n).data, "filename", "")]


class InfoAnswerForm(Form):
    """The applicant's answer to a request for more information."""

    answer = TextAreaField(_l("Your answer"), validators=[DataRequired(), Length(max=3000)])
    document_1 = FileField(_l("Additional document (optional)"), validators=[upload()])
    document_2 = FileField(_l("Another additional document (optional)"), validators=[upload()])

    def checked_files(self) -> list:
        return [f.checked for f in (self.document_1, self.document_2) if getattr(f, "checked", None)]


class ChecklistForm(VersionedForm):
    """Document check and vetting visit."""

    documents_verified = BooleanField(_l("The documents are complete and verified"))
    visit_on = DateField(_l("Date of the vetting visit"), validators=[Optional(), not_in_future])
    visit_notes = TextAreaField(_l("Notes of the vetting visit"), validators=[Length(max=3000)])


class RequestInfoForm(VersionedForm):
    """Ask the applicant for more information."""

    message = TextAreaField(_l("What is missing or unclear?"),
                            validators=[DataRequired(), Length(min=10, max=2000)],
                            description=_l("The applicant receives this text by email."))


class ReasonForm(VersionedForm):
    """A decision with a reason (reject, suspend)."""

    reason = TextAreaField(_l("Reason"), validators=[DataRequired(), Length(min=10, max=2000)])


class ConfirmForm(VersionedForm):
    """A decision without further fields."""


class PksForm(VersionedForm):
    """The signed cooperation agreement."""

    pks_number = StringField(_l("PKS number"), validators=[DataRequired(), Length(max=80)])
    pks_signed_on = DateField(_l("Signed on"), validators=[DataRequired(), not_in_future])
    pks_valid_until = DateField(_l("Valid until"), validators=[
        DataRequired(), after("pks_signed_on", _l("The end date must come after the signing date."))])
    scan = FileField(_l("Scan of the signed PKS"), validators=[upload(required=True)],
                     description=_l("PDF, JPEG or PNG, at most 5 MB."))

    def validate_pks_valid_until(self, field) -> None:
        if field.data and field.data <= today():
            raise ValidationError(_l("The agreement must still be valid after today."))


class MemberForm(Form):
    """Invite a member of the organisation."""

    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])


class ProfileForm(Form):
    """The organisation's public profile."""

    public_description = TextAreaField(_l("Short public description"),
                                       validators=[Optional(), Length(max=1000)])
    website = URLField(_l("Website"), validators=[Optional(), URL(), Length(max=200)])
    listed_publicly = BooleanField(_l("Show our name on the public list of partners"),
                                   description=_l("Otherwise the public sees only figures, "
                                                  "never your name."))


class QueueFilterForm(Form):
    """Filters of the vetting queue (GET)."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), validators=[Optional()])
    kind = SelectField(_l("Kind"), validators=[Optional()],
                       choices=[("", _l("All kinds"))] + list(KIND_LABELS.items()))
    age = SelectField(_l("Waiting"), validators=[Optional()], choices=[
        ("", _l("Any time")), ("7", _l("More than 7 days")), ("14", _l("More than 14 days")),
        ("30", _l("More than 30 days"))])
