"""Translated labels for opportunities."""
from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "job": _l("Job"),
    "training": _l("Training"),
    "apprenticeship": _l("Apprenticeship"),
    "education": _l("Education programme"),
}
SECTOR_LABELS = {
    "agriculture": _l("Agriculture"),
    "fisheries": _l("Fisheries"),
    "manufacturing": _l("Manufacturing"),
    "garment": _l("Garment and tailoring"),
    "construction": _l("Construction"),
    "trade": _l("Trade and retail"),
    "food": _l("Food and hospitality"),
    "transport": _l("Transport and logistics"),
    "services": _l("Cleaning, security and other services"),
    "creative": _l("Creative work and crafts"),
    "technology": _l("Technology"),
    "health": _l("Health and care"),
    "education": _l("Education"),
    "other": _l("Other"),
}
CONSENT_METHODS = {
    "in_person": _l("In person, signed form"),
    "in_person_oral": _l("In person, oral"),
    "phone": _l("By phone"),
    "written": _l("In writing (letter or message)"),
}
