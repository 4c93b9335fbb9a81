"""Translated labels for partner kinds and fields."""
from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "individual": _l("Individual"),
    "family": _l("Family"),
    "educator": _l("Teacher or educator"),
    "employer": _l("Employer"),
    "ngo": _l("NGO or foundation"),
    "religious": _l("Religious or community leader"),
    "academic": _l("Academic"),
    "business": _l("Business"),
    "agency": _l("Government agency"),
}

FIELD_LABELS = {
    "education": _l("Education"),
    "work": _l("Work"),
    "health": _l("Health"),
    "mental_spiritual": _l("Mental and spiritual guidance"),
    "supervision": _l("Supervision"),
}
