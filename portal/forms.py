"""The base form: WTForms' own messages translated through the portal's catalogue.

WTForms ships no Indonesian catalogue, so its built-in messages are listed here for
extraction and translated in translations/id like every other string.
"""
from __future__ import annotations

from flask_babel import get_translations, lazy_ngettext
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm


class _CatalogueTranslations:
    """What WTForms expects from Meta.get_translations(): gettext and ngettext."""

    def gettext(self, string: str) -> str:
        return get_translations().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return get_translations().ungettext(singular, plural, n)


class Form(FlaskForm):
    """Every form of the portal derives from this one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .boundary import register_forms
        register_forms(self)

    class Meta:
        def get_translations(self, form):
            return _CatalogueTranslations()


# WTForms' built-in messages, marked so that pybabel extracts them.
WTFORMS_MESSAGES = (
    _l("This field is required."),
    _l("Invalid input."),
    _l("Invalid email address."),
    _l("Invalid URL."),
    _l("Not a valid choice."),
    _l("Not a valid date value."),
    _l("Not a valid datetime value."),
    _l("Not a valid time value."),
    _l("Not a valid integer value."),
    _l("Not a valid decimal value."),
    _l("Field must be equal to %(other_name)s."),
    _l("Field must be between %(min)d and %(max)d characters long."),
    _l("Number must be at least %(min)s."),
    _l("Number must be at most %(max)s."),
    _l("Number must be between %(min)s and %(max)s."),
    _l("Date must be at least %(min)s."),
    _l("Date must be at most %(max)s."),
    _l("Invalid Choice: could not coerce."),
    _l("Invalid choice(s): one or more data inputs could not be coerced."),
    _l("File is required."),
    lazy_ngettext("Field must be at least %(min)d character long.",
                  "Field must be at least %(min)d characters long.", 1),
    lazy_ngettext("Field cannot be longer than %(max)d character.",
                  "Field cannot be longer than %(max)d characters.", 1),
    lazy_ngettext("Field must be exactly %(max)d character long.",
                  "Field must be exactly %(max)d characters long.", 1),
    lazy_ngettext("'%(value)s' is not a valid choice for this field.",
                  "'%(value)s' are not valid choices for this field.", 1),
)


def error_summary(form) -> str:
    """All field errors of a form in one line, each after its field's label (for a flash
    message)."""
    parts = []
    for field in form:
        for error in field.errors:
            parts.append(f"{field.label.text}: {error}" if field.label.text else str(error))
    parts.extend(str(e) for e in getattr(form, "form_errors", []))
    return "; ".join(parts)
