"""Forms for managing user accounts and filtering the audit log."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from wtforms import DateField, EmailField, SelectField, StringField
from wtforms.validators import DataRequired, Email, Length, Optional, Regexp, ValidationError

from ..account.forms import LANGUAGE_CHOICES
from ..extensions import db
from ..forms import Form
from ..labels import choices, registry
from ..offices.models import Office, Region
from ..security import BAPAS_STAFF, ROLE_LABELS

# Partner accounts are created by the partner onboarding flow, not by hand.
from ..security import STAFF_ROLES as ADMIN_ROLES  # noqa: E402


def _office_choices() -> list[tuple[str, str]]:
    offices = db.session.execute(select(Office.id, Office.name).order_by(Office.name)).all()
    return [("", _l("— none —"))] + [(str(i), n) for i, n in offices]


def _region_choices() -> list[tuple[str, str]]:
    regions = db.session.execute(select(Region.id, Region.name).order_by(Region.name)).all()
    return [("", _l("— none —"))] + [(str(i), n) for i, n in regions]


class UserForm(Form):
    """Create or edit a staff account."""

    name = StringField(_l("Full name"), validators=[DataRequired(), Length(max=120)])
    email = EmailField(_l("Email"), validators=[DataRequired(), Email(), Length(max=254)])
    role = SelectField(_l("Role"), choices=[(r, ROLE_LABELS[r]) for r in ADMIN_ROLES])
    office_id = SelectField(_l("Bapas office"),
                            description=_l("Required for officers, supervisors and heads."))
    region_id = SelectField(_l("Region (Kanwil)"),
                            description=_l("Required for regional office users."))
    locale = SelectField(_l("Language for email"), choices=LANGUAGE_CHOICES)
    nip = StringField(_l("NIP"), validators=[Optional(), Regexp(r"^\d{18}$", message=_l(
        "The NIP has 18 digits, without spaces."))],
        description=_l("Printed under the person's signature on official documents."))
    position = StringField(_l("Position (jabatan)"), validators=[Optional(), Length(max=120)],
                           description=_l("For example: Pembimbing Kemasyarakatan Ahli Muda."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.office_id.choices = _office_choices()
        self.region_id.choices = _region_choices()

    def validate_office_id(self, field) -> None:
        if self.role.data in BAPAS_STAFF and not field.data:
            raise ValidationError(_l("Choose the Bapas this person works in."))

    def validate_region_id(self, field) -> None:
        if self.role.data == "regional" and not field.data:
            raise ValidationError(_l("Choose the region this person works for."))


class UserFilterForm(Form):
    """Filters on the user list (GET)."""

    class Meta:
        csrf = False

    q = StringField(_l("Name or email"), validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), validators=[Optional()],
                       choices=[("", _l("All roles"))] + list(ROLE_LABELS.items()))
    status = SelectField(_l("Status"), validators=[Optional()],
                         choices=[("", _l("All")), ("active", _l("Active")),
                                  ("inactive", _l("Deactivated")),
                                  ("waiting", _l("Waiting for enrolment")), ("locked", _l("Locked"))])


class AuditFilterForm(Form):
    """Filters on the audit log (GET)."""

    class Meta:
        csrf = False

    action = SelectField(_l("Action"), validators=[Optional()])
    actor = StringField(_l("Actor email"), validators=[Optional(), Length(max=254)])
    object_type = SelectField(_l("Object type"), validators=[Optional()])
    date_from = DateField(_l("From"), validators=[Optional()])
    date_to = DateField(_l("To"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every action in words, by label; a group's prefix ("complaint.") still filters.
        actions = sorted(registry()["audit_action"].items(), key=lambda item: str(item[1]))
        self.action.choices = [("", _l("All actions"))] + actions
        self.object_type.choices = [("", _l("All objects"))] + choices("audit_object")
