"""The reminder-days form of a Bapas."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import ValidationError

from ..forms import Form
from ..workflow import Refused


def _reminder_days(form, field) -> None:
    """The days must read as whole numbers 1–19, ascending (the service's own rule)."""
    from .services import parse_days
    try:
        parse_days(field.data)
    except Refused as refusal:
        raise ValidationError(str(refusal.message)) from None


class ReminderDaysForm(Form):
    """On which working days of the 20-day clock the case's staff are reminded."""

    days = StringField(_l("Reminder days"), validators=[_reminder_days],
                       description=_l("Working days of the 20-day clock, separated by commas "
                                      "(for example 3, 10, 17). A reminder also goes out when a "
                                      "case becomes overdue."))
