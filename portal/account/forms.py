"""Account settings forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import Length, ValidationError

from ..forms import Form

LANGUAGE_CHOICES = [("id", "Bahasa Indonesia"), ("en", "English")]


class LanguageForm(Form):
    """Preferred language for pages and email."""

    locale = SelectField(_l("Preferred language"), choices=LANGUAGE_CHOICES)


def _phone(form, field) -> None:
    """A mobile number in international form, or an Indonesian 08… number."""
    from ..notices import BadPhone, normalize_phone
    try:
        number = normalize_phone(field.data)
    except BadPhone:
        raise ValidationError(_l("Enter a mobile number such as 0812 3456 7890 or +62 812 3456 "
                                 "7890.")) from None
    texts = [f for f in (getattr(form, "sms", None), getattr(form, "whatsapp", None)) if f]
    if number is None and any(f.data for f in texts):
        raise ValidationError(_l("Enter your mobile number to be told by SMS or WhatsApp."))


class NoticesForm(Form):
    """How the user is told of news: email, and (with a gateway) SMS or WhatsApp."""

    email = BooleanField(_l("By email"))
    sms = BooleanField(_l("By SMS (a short notice without any details)"))
    whatsapp = BooleanField(_l("By WhatsApp (a short notice without any details)"))
    phone = StringField(_l("Mobile number"), validators=[Length(max=30), _phone],
                        description=_l("Only you and the administrator see it."))
