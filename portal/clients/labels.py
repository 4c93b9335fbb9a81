"""Translated labels for client fields."""
from flask_babel import lazy_gettext as _l

PROGRAMME_LABELS = {
    "PB": _l("Parole (PB)"),
    "CB": _l("Conditional leave (CB)"),
    "CMB": _l("Leave before release (CMB)"),
    "asimilasi": _l("Assimilation"),
}
RISK_LABELS = {"low": _l("Low"), "medium": _l("Medium"), "high": _l("High")}
RELATIONSHIP_LABELS = {
    "family": _l("Family"),
    "employer": _l("Employer"),
    "educator": _l("Teacher or educator"),
    "mentor": _l("Mentor"),
    "religious": _l("Religious leader"),
    "community": _l("Community leader"),
    "ngo": _l("NGO"),
}
CHECKIN_LABELS = {
    "attended": _l("Attended"),
    "remote": _l("Attended remotely"),
    "excused": _l("Excused"),
    "missed": _l("Missed"),
}

TIMELINE_LABELS = {
    "created": _l("Client registered"),
    "updated": _l("Record changed"),
    "observation_submitted": _l("Observation from a partner"),
    "observation_corrected": _l("Observation corrected by the partner"),
    "observation_acknowledged": _l("Observation answered"),
    "observation_followed_up": _l("Follow-up recorded"),
    "assignment_proposed": _l("Assignment proposed"),
    "assignment_accept": _l("Assignment accepted"),
    "assignment_decline": _l("Assignment declined"),
    "assignment_withdraw": _l("Assignment withdrawn"),
    "assignment_end": _l("Assignment ended"),
    "assignment_start_placement": _l("Placement assignment started"),
    "checkin_recorded": _l("Check-in recorded"),
    "checkin_corrected": _l("Check-in corrected"),
    "referral_made": _l("Referred to an opportunity"),
    "observation_visit_planned": _l("Home visit planned about an observation"),
    "visit_planned": _l("Home visit planned"),
    "visit_done": _l("Home visit made"),
    "visit_missed": _l("Home visit missed"),
    "reassigned": _l("Handed to another officer"),
}

# Offence categories: staff only; used for matching with opportunities that exclude some.
OFFENCE_LABELS = {
    "theft": _l("Theft or robbery"),
    "fraud": _l("Fraud or embezzlement"),
    "violence": _l("Violence"),
    "sexual": _l("Sexual offence"),
    "narcotics": _l("Narcotics"),
    "corruption": _l("Corruption"),
    "traffic": _l("Traffic offence"),
    "other": _l("Other"),
}
