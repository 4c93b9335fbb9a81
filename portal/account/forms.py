"""Account settings forms."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import SelectField

from ..forms import Form

LANGUAGE_CHOICES = [("id", "Bahasa Indonesia"), ("en", "English")]


class LanguageForm(Form):
    """Preferred language for pages and email."""

    locale = SelectField(_l("Preferred language"), choices=LANGUAGE_CHOICES)
