"""Complaint forms: the public form, the partner's, staff transcription, and the procedure."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    FieldList,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional, Regexp, ValidationError

from ..forms import Form
from ..observations.workflow import GROUND_LABELS
from ..partners.forms import office_choices
from ..validators import MultiCheckboxField, indonesian_phone, not_in_future, upload
from .workflow import RECOMMENDATION_LABELS


class _Incident(Form):
    """What happened: grounds, narrative, dates, place, witnesses, evidence, the declaration."""

    grounds = MultiCheckboxField(_l("Which conditions were broken?"), choices=list(GROUND_LABELS.items()),
                                 validators=[DataRequired(_l("Choose at least one ground."))])
    missed_visits = IntegerField(_l("How many reporting visits were missed (if you know)"),
                                 validators=[Optional(), NumberRange(min=1, max=60)])
    narrative = TextAreaField(_l("What happened"), validators=[DataRequired(), Length(min=30, max=10000)],
                              description=_l("Facts: what you saw or heard, when and where."))
    incident_from_on = DateField(_l("From (date)"), validators=[Optional(), not_in_future])
    incident_to_on = DateField(_l("Until (date)"), validators=[Optional(), not_in_future])
    incident_place = StringField(_l("Where"), validators=[Optional(), Length(max=200)])
    witnesses = TextAreaField(_l("Who else saw it (optional)"), validators=[Optional(), Length(max=2000)])
    evidence_1 = FileField(_l("Evidence (optional)"), validators=[upload()],
                           description=_l("PDF, JPEG or PNG, at most 5 MB. Location data is removed from photos."))
    evidence_2 = FileField(_l("More evidence (optional)"), validators=[upload()])
    declaration = BooleanField(_l("I declare that what I wrote is true to the best of my knowledge."),
                               validators=[DataRequired(_l("The declaration is required."))])
    submission_key = HiddenField()

    def validate_incident_to_on(self, field) -> None:
        if field.data and self.incident_from_on.data and field.data < self.incident_from_on.data:
            raise ValidationError(_l("The end date must not come before the start date."))

    def checked_files(self) -> list:
        return [f.checked for f in (self.evidence_1, self.evidence_2) if getattr(f, "checked", None)]


class PartnerComplaintForm(_Incident):
    """A partner about an assigned client (client and complainant already known)."""


class PublicComplaintForm(_Incident):
    """A complaint from the public (no account)."""

    complainant_name = StringField(_l("Your name"), validators=[DataRequired(), Length(max=120)])
    complainant_phone = StringField(_l("Phone"), validators=[Optional(), indonesian_phone],
                                    description=_l("08… or +62…"))
    complainant_email = EmailField(_l("Email"), validators=[Optional(), Email(), Length(max=254)],
                                   description=_l("We send your receipt and news of the status here."))
    complainant_relationship = StringField(_l("Your relationship to the client"),
                                           validators=[DataRequired(), Length(max=120)],
                                           description=_l("For example: neighbour, relative, employer, victim."))
    office_id = SelectField(_l("Bapas supervising the client"), validators=[DataRequired()])
    client_name = StringField(_l("Name of the client"), validators=[DataRequired(), Length(max=120)])
    client_area = StringField(_l("Where the client lives (area)"), validators=[Optional(), Length(max=120)])
    client_register_number = StringField(_l("Register number, if you know it"),
                                         validators=[Optional(), Length(max=60)])
    homepage = StringField(_l("Leave this field empty"), render_kw={"autocomplete": "off", "tabindex": "-1"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.office_id.choices = office_choices()

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        if not self.complainant_email.data and not self.complainant_phone.data:
            self.complainant_email.errors = list(self.complainant_email.errors) + [
                _l("Give a phone number or an email address so the Bapas can reach you.")]
            return False
        return ok


class StaffComplaintForm(PublicComplaintForm):
    """Staff transcribe an oral report or a letter."""

    channel = SelectField(_l("How the complaint came in"),
                          choices=[("oral", _l("Oral report at the Bapas")), ("letter", _l("Letter"))])
    declaration = BooleanField(_l("The complainant declared that the report is true."),
                               validators=[DataRequired(_l("The declaration is required."))])
    evidence_1 = FileField(_l("Scanned letter (required for a letter) or first evidence"),
                           validators=[upload()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.homepage

    def validate_evidence_1(self, field) -> None:
        if self.channel.data == "letter" and not getattr(field, "checked", None) and not field.errors:
            raise ValidationError(_l("Attach the scanned letter."))


class TrackForm(Form):
    """Reference and secret from the receipt."""

    reference = StringField(_l("Reference number"), validators=[DataRequired(), Length(max=20)],
                            render_kw={"autocomplete": "off"})
    secret = StringField(_l("Secret code"), validators=[DataRequired(), Length(max=40)],
                         render_kw={"autocomplete": "off", "type": "password"})


class ReplyForm(Form):
    """The complainant's reply and extra evidence."""

    body = TextAreaField(_l("Your message"), validators=[Optional(), Length(max=5000)])
    evidence_1 = FileField(_l("Evidence (optional)"), validators=[upload()])

    def validate_body(self, field) -> None:
        attached = self.evidence_1.data and getattr(self.evidence_1.data, "filename", "")
        if not (field.data or "").strip() and not attached:
            raise ValidationError(_l("Write a message or add a file."))


class ActionForm(Form):
    """A move of the procedure that is not a deliberate decision (those have their
    confirmation page, decision_forms.DecisionForm), with whatever it needs."""

    version = HiddenField()
    officer_id = SelectField(_l("Officer (PK)"), validators=[Optional()], validate_choice=False)
    register_number = StringField(_l("Client register number (to link the record)"),
                                  validators=[Optional(), Length(max=60)])
    office_id = SelectField(_l("Bapas to transfer to"), validators=[Optional()], validate_choice=False)
    message = TextAreaField(_l("Message to the complainant"), validators=[Optional(), Length(max=3000)])
    note = TextAreaField(_l("Internal note"), validators=[Optional(), Length(max=3000)])


class NoteForm(Form):
    """An internal note or a message to the complainant."""

    version = HiddenField()
    body = TextAreaField(_l("Text"), validators=[DataRequired(), Length(max=5000)])
    to_complainant = BooleanField(_l("Send to the complainant (they see it on the tracking page)"))


class FlagForm(Form):
    """Possibly malicious or mistaken complaint."""

    version = HiddenField()
    reason = TextAreaField(_l("Why"), validators=[DataRequired(), Length(min=10, max=2000)])


class QAForm(Form):
    """One question and its answer."""

    class Meta:
        csrf = False

    q = TextAreaField(_l("Question"), validators=[Optional(), Length(max=2000)])
    a = TextAreaField(_l("The answer given"), validators=[Optional(), Length(max=5000)])


class ExaminationForm(Form):
    """A BAP: of the complainant, the client (right of reply) or a witness, with the identity
    block of the person examined (each part optional where it is not known)."""

    version = HiddenField()
    subject = SelectField(_l("Who is examined"), choices=[
        ("complainant", _l("The complainant")), ("client", _l("The client (the client's own account)")),
        ("witness", _l("A witness"))])
    subject_name = StringField(_l("Name of the person examined"), validators=[DataRequired(), Length(max=120)])
    examined_on = DateField(_l("Date"), validators=[DataRequired(), not_in_future])
    place = StringField(_l("Place"), validators=[DataRequired(), Length(max=200)])
    birth_place = StringField(_l("Place of birth"), validators=[Optional(), Length(max=120)])
    birth_on = DateField(_l("Date of birth"), validators=[Optional(), not_in_future])
    sex = SelectField(_l("Sex"), validators=[Optional()],
                      choices=[("", _l("— not known —")), ("male", _l("Male")), ("female", _l("Female"))])
    religion = StringField(_l("Religion"), validators=[Optional(), Length(max=40)])
    occupation = StringField(_l("Occupation"), validators=[Optional(), Length(max=120)])
    address = TextAreaField(_l("Address"), validators=[Optional(), Length(max=500)])
    nik = StringField(_l("NIK (national identity number)"), validators=[
        Optional(), Regexp(r"^\d{16}$", message=_l("The NIK has 16 digits."))])
    qa = FieldList(FormField(QAForm), min_entries=5, max_entries=100)
    scan = FileField(_l("Scan of the signed copy (optional)"), validators=[upload()])

    def questions(self) -> list[dict]:
        return [{"q": e.q.data.strip(), "a": (e.a.data or "").strip()}
                for e in self.qa.entries if (e.q.data or "").strip()]

    def identity(self) -> dict:
        """The identity block: empty answers stored as unknown (None)."""
        values = {name: getattr(self, name).data for name in
                  ("birth_place", "birth_on", "sex", "religion", "occupation", "address", "nik")}
        return {k: (v.strip() if isinstance(v, str) else v) or None for k, v in values.items()}

    def validate_qa(self, field) -> None:
        if not self.questions():
            raise ValidationError(_l("Write at least one question and answer."))


class HearingForm(Form):
    """The TPP hearing: its session, the members present (staff of the Bapas, with their NIP on
    the minutes), the quorum, the deliberation and the recommendation."""

    version = HiddenField()
    held_on = DateField(_l("Date of the hearing"), validators=[DataRequired(), not_in_future])
    kind = SelectField(_l("Session"), choices=[("regular", _l("Regular session")),
                                               ("special", _l("Special session"))])
    place = StringField(_l("Place"), validators=[DataRequired(), Length(max=200)])
    chair = SelectField(_l("Chair"), validators=[DataRequired()], validate_choice=False)
    secretary = SelectField(_l("Secretary"), validators=[DataRequired()], validate_choice=False)
    member_ids = MultiCheckboxField(_l("Other members present"), validate_choice=False)
    team_size = IntegerField(_l("Number of members of the TPP"), validators=[
        DataRequired(), NumberRange(min=3, max=50)],
        description=_l("For the quorum: more than two thirds of the members must be present."))
    recommendation = SelectField(_l("Recommendation"), choices=list(RECOMMENDATION_LABELS.items()))
    minutes = TextAreaField(_l("Deliberation"), validators=[DataRequired(), Length(min=20, max=10000)])

    @property
    def members(self):
        """The member checkboxes, under the name the case page's short form uses."""
        return self.member_ids

    def set_staff(self, staff: list) -> None:
        """The staff of the Bapas to choose the members from (name and NIP)."""
        choices = [(str(u.id), f"{u.name} ({u.nip})" if u.nip else u.name) for u in staff]
        self.chair.choices = [("", "—")] + choices
        self.secretary.choices = [("", "—")] + choices
        self.member_ids.choices = choices

    def validate_secretary(self, field) -> None:
        if field.data and field.data == self.chair.data:
            raise ValidationError(_l("The chair and the secretary must be two different people."))

    def validate_team_size(self, field) -> None:
        present = len({self.chair.data, self.secretary.data, *(self.member_ids.data or [])} - {"", None})
        if field.data and present > field.data:
            raise ValidationError(_l("More members are present than the TPP has."))


class QueueFilterForm(Form):
    """Filters of the review queue (GET)."""

    class Meta:
        csrf = False

    status = SelectField(_l("Status"), validators=[Optional()])
    ground = SelectField(_l("Ground"), validators=[Optional()],
                         choices=[("", _l("All grounds"))] + list(GROUND_LABELS.items()))
    officer = SelectField(_l("Officer"), validators=[Optional()])
    overdue = BooleanField(_l("Only overdue"))
    summons = BooleanField(_l("Only unanswered summonses"))
    waiting = BooleanField(_l("Only waiting for the client's return"))
    client = StringField(_l("Client name or register number"), validators=[Optional(), Length(max=80)])


class VerifyForm(Form):
    """Check a document's verification code (and optionally the file itself)."""

    code = StringField(_l("Verification code"), validators=[DataRequired(), Length(max=40)])
    document = FileField(_l("The PDF you were given (optional)"))


class LeaveDayForm(Form):
    """A collective-leave day (cuti bersama)."""

    day = DateField(_l("Date"), validators=[DataRequired()])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=120)])
