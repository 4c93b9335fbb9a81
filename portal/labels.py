"""One registry of every label table (name → {code: lazy label}): statuses, grounds, actions,
channels, outcomes, audit actions and objects, CSV headers. Screens, CSV files, email and PDFs
print `label(table, code)`, never a code; an unknown code fails loudly under test."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

from flask import current_app, has_app_context
from flask_babel import lazy_gettext as _l

from .audit_labels import AUDIT_ACTIONS, AUDIT_DETAILS, AUDIT_OBJECTS

log = logging.getLogger(__name__)


class UnknownLabel(LookupError):
    """A code that its label table does not know (a bug: it would print as a code)."""


CHANNELS = {"portal": _l("Partner, through the portal"), "public": _l("Public form"),
            "oral": _l("Oral report"), "letter": _l("Letter"),
            "monitoring": _l("Supervision finding")}
BAP_SUBJECTS = {"complainant": _l("Complainant"), "client": _l("Client (right of reply)"),
                "witness": _l("Witness")}
# What an uploaded file is for (attachments of complaints, observations and examinations).
FILE_PURPOSES = {"evidence": _l("Evidence"), "letter": _l("The complainant's letter (scan)"),
                 "signed_scan": _l("Signed BAP (scan)"),
                 "message": _l("File sent in a conversation")}
PARTNER_DOCUMENTS = {
    "id_document": _l("Identity card (KTP)"),
    "legal_document": _l("Legal document"),
    "profile_document": _l("Profile or CV"),
    "additional": _l("Additional document"),
    "pks": _l("Signed PKS"),
}
YES_NO = {"yes": _l("yes"), "no": _l("no")}
LOGIN_FAILURES = {"unknown_email": _l("No account with this email"),
                  "inactive": _l("Account deactivated"), "bad_password": _l("Wrong password")}
LOGIN_METHODS = {"password": _l("Password"),
                 "password+totp": _l("Password and authenticator code")}
PASSWORD_WAYS = {"invite": _l("Invitation link"), "reset": _l("Password reset link"),
                 "change": _l("Changed by the user"), "cli": _l("Command line"),
                 "demo": _l("Demo data")}
CREATED_VIA = {"cli": _l("Command line"), "demo": _l("Demo data")}
USER_FIELDS = {"name": _l("Full name"), "email": _l("Email"), "role": _l("Role"),
               "office_id": _l("Bapas office"), "region_id": _l("Region (Kanwil)"),
               "locale": _l("Language for email")}
LANGUAGES = {"id": _l("Indonesian"), "en": _l("English")}

COMPLAINT_CSV = {
    "reference": _l("Reference"), "channel": _l("Channel"), "status": _l("Status"),
    "grounds": _l("Grounds for revocation"), "client": _l("Client"), "officer": _l("Officer"),
    "submitted_on": _l("Received on"), "due_on": _l("Due on"), "overdue": _l("Overdue"),
    "flagged": _l("Flagged as possibly malicious or mistaken"),
}
CANDIDATE_CSV = {
    "code": _l("Candidate code"), "opportunity": _l("Opportunity"), "status": _l("Status"),
    "name": _l("Name (once released)"), "bapas": _l("Bapas"),
    "interview_on": _l("Interview on"), "placement_started_on": _l("Placement started on"),
    "placement_ended_on": _l("Placement ended on"),
}


@cache
def registry() -> dict[str, Mapping[str, Any]]:
    """Every label table by name (the tables of the workflow modules included)."""
    from .clients import labels as client_labels
    from .clients import services as client_services
    from .clients import workflow as client_workflow
    from .complaints import workflow as complaint_workflow
    from .conversations import workflow as thread_workflow
    from .documents import kinds as document_kinds
    from .jobs import labels as job_labels
    from .jobs import workflow as job_workflow
    from .notifications import KIND_LABELS as NOTIFICATION_KINDS
    from .observations import workflow as observation_workflow
    from .partners import labels as partner_labels
    from .partners import workflow as partner_workflow
    from .security import ROLE_LABELS
    from .supervision import workflow as supervision_workflow
    from .visits import workflow as visit_workflow
    return {
        "role": ROLE_LABELS,
        "language": LANGUAGES,
        "yes_no": YES_NO,
        # partners
        "partner_status": partner_workflow.STATUS_LABELS,
        "partner_action": partner_workflow.ACTION_LABELS,
        "partner_kind": partner_labels.KIND_LABELS,
        "partner_field": partner_labels.FIELD_LABELS,
        "partner_document": PARTNER_DOCUMENTS,
        # clients
        "client_status": client_workflow.CLIENT_STATUS_LABELS,
        "client_action": client_workflow.CLIENT_ACTION_LABELS,
        "client_field": client_services.FIELD_LABELS,
        "programme": client_labels.PROGRAMME_LABELS,
        "risk": client_labels.RISK_LABELS,
        "relationship": client_labels.RELATIONSHIP_LABELS,
        "checkin_outcome": client_labels.CHECKIN_LABELS,
        "client_timeline": {**client_labels.TIMELINE_LABELS, **supervision_workflow.TIMELINE_LABELS},
        "offence": client_labels.OFFENCE_LABELS,
        "assignment_status": client_workflow.ASSIGNMENT_STATUS_LABELS,
        "assignment_end_reason": client_workflow.END_REASONS,
        # observations
        "observation_status": observation_workflow.STATUS_LABELS,
        "observation_category": observation_workflow.CATEGORY_LABELS,
        "ground": observation_workflow.GROUND_LABELS,
        "follow_up": observation_workflow.FOLLOW_UP_LABELS,
        # home visits and threads
        "visit_status": visit_workflow.STATUS_LABELS,
        "visit_action": visit_workflow.ACTION_LABELS,
        "visit_field": visit_workflow.FIELD_LABELS,
        "thread_visibility": thread_workflow.VISIBILITY_LABELS,
        "thread_kind": thread_workflow.KIND_LABELS,
        "thread_status": thread_workflow.STATUS_LABELS,
        "thread_action": thread_workflow.ACTION_LABELS,
        # supervision
        "condition_kind": supervision_workflow.KIND_LABELS,
        "special_condition": supervision_workflow.SPECIAL_LABELS,
        "condition_status": supervision_workflow.CONDITION_STATUS_LABELS,
        "condition_action": supervision_workflow.CONDITION_ACTION_LABELS,
        "partner_sheet_status": supervision_workflow.SHEET_STATUS_LABELS,
        "travel_status": supervision_workflow.TRAVEL_STATUS_LABELS,
        "travel_action": supervision_workflow.TRAVEL_ACTION_LABELS,
        # jobs
        "job_kind": job_labels.KIND_LABELS,
        "sector": job_labels.SECTOR_LABELS,
        "consent_method": job_labels.CONSENT_METHODS,
        "posting_status": job_workflow.POSTING_LABELS,
        "referral_status": job_workflow.REFERRAL_LABELS,
        "referral_action": job_workflow.REFERRAL_ACTION_LABELS,
        "candidate_csv": CANDIDATE_CSV,
        # complaints
        "complaint_status": complaint_workflow.STATUS_LABELS,
        "complaint_action": complaint_workflow.ACTION_LABELS,
        "complaint_field": complaint_workflow.FIELD_LABELS,
        "closing_reason": complaint_workflow.CLOSING_LABELS,
        "recommendation": complaint_workflow.RECOMMENDATION_LABELS,
        "sanction": complaint_workflow.SANCTION_LABELS,
        "cancellation_ground": complaint_workflow.CANCELLATION_GROUNDS,
        "channel": CHANNELS,
        "bap_subject": BAP_SUBJECTS,
        "file_purpose": FILE_PURPOSES,
        "issued_document": document_kinds.KIND_LABELS,
        "complaint_csv": COMPLAINT_CSV,
        # accounts, notifications and the audit log
        "notification": NOTIFICATION_KINDS,
        "login_failure": LOGIN_FAILURES,
        "login_method": LOGIN_METHODS,
        "password_way": PASSWORD_WAYS,
        "created_via": CREATED_VIA,
        "user_field": USER_FIELDS,
        "audit_action": {**{f"complaint.{move}": text for move, text
                            in complaint_workflow.ACTION_LABELS.items()
                            if move in complaint_workflow.COMPLAINT_WORKFLOW.transitions},
                         **{f"document.{kind}_issued": _l("Document issued: %(kind)s", kind=text)
                            for kind, text in document_kinds.KIND_LABELS.items()},
                         **AUDIT_ACTIONS},
        "audit_object": AUDIT_OBJECTS,
        "audit_detail": AUDIT_DETAILS,
    }


def _strict() -> bool:
    return has_app_context() and bool(current_app.config.get("LABELS_STRICT", current_app.testing))


def label(table: str, code: object, default: str = "—") -> str:
    """The translated label of `code` in `table`; `default` for no code at all. An unknown
    code raises UnknownLabel under test and shows as `default` (logged) in production."""
    if code is None or code == "":
        return default
    labels = registry()[table]
    try:
        return str(labels[code])  # type: ignore[index]
    except (KeyError, TypeError):
        if _strict():
            raise UnknownLabel(f"no label for {code!r} in table {table!r}") from None
        log.warning("no label for a code of table %s", table)
        return default


def labels(table: str, codes: Iterable[object] | None, sep: str = ", ") -> str:
    """The labels of several codes of one table, joined."""
    return sep.join(label(table, code) for code in (codes or ()))


def choices(table: str) -> list[tuple[str, Any]]:
    """(code, lazy label) pairs of a table, for a form's choices."""
    return list(registry()[table].items())
