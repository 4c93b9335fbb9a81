"""Field validators and helpers shared by forms."""
from __future__ import annotations

import datetime as dt
import re

from flask_babel import lazy_gettext as _l
from wtforms import SelectMultipleField, widgets
from wtforms.validators import ValidationError

from .db import today
from .uploads import UploadRejected, check_upload

PHONE_RE = re.compile(r"^(?:08[1-9]\d{6,10}|\+62[1-9]\d{7,11})$")


def normalise_phone(value: str | None) -> str:
    """Drop spaces, dots, dashes and brackets; 62… becomes +62…"""
    value = re.sub(r"[\s.\-()]", "", value or "")
    if value.startswith("62"):
        value = "+" + value
    return value


def indonesian_phone(form, field) -> None:
    """An Indonesian number: 08… (mobile) or +62…"""
    value = normalise_phone(field.data)
    if not PHONE_RE.match(value):
        raise ValidationError(_l("Enter an Indonesian phone number starting with 08 or +62, "
                                 "for example 0812 3456 7890."))
    field.data = value


def not_in_future(form, field) -> None:
    """A date that has already happened (in WIB)."""
    if field.data and field.data > today():
        raise ValidationError(_l("The date cannot be in the future."))


def upload(required: bool = False):
    """Check an uploaded file by content and size; the checked file lands in field.checked."""
    def validate(form, field) -> None:
        field.checked = None
        storage = field.data
        if not storage or not getattr(storage, "filename", ""):
            if required:
                raise ValidationError(_l("Choose a file."))
            return
        try:
            field.checked = check_upload(storage)
        except UploadRejected as exc:
            raise ValidationError(exc.message) from None
    return validate


class MultiCheckboxField(SelectMultipleField):
    """Several checkboxes for one multi-choice field."""

    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def after(other: str, message):
    """The date must come after the date in field `other`."""
    def validate(form, field) -> None:
        first = getattr(form, other).data
        if field.data and isinstance(first, dt.date) and field.data <= first:
            raise ValidationError(message)
    return validate
