"""The revocation procedure as one table: the legal moves, who may make each, what each needs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

from ..security import BAPAS_STAFF as CASEWORKERS
from ..security import LEADS
from ..workflow import Guard, Transition, Workflow

if TYPE_CHECKING:
    from ..auth.models import User
    from .models import Complaint

COMPLAINANT = "complainant"
OFFICER, SUPERVISOR = "officer", "supervisor"
SYSTEM = "system"

STATES = ("submitted", "in_review", "needs_info", "examination", "tpp_hearing", "not_pursued",
          "warning_issued", "temporarily_revoked", "proposed", "forwarded", "revoked",
          "not_revoked", "withdrawn", "cancelled", "superseded")
OPEN_STATES = ("submitted", "in_review", "needs_info", "examination", "tpp_hearing",
               "temporarily_revoked", "proposed", "forwarded")
CLOCK_STATES = ("submitted", "in_review", "examination", "tpp_hearing")  # the 20-day clock runs
# DESIGN §5: after the decree the case stays open for execution until the client's return.
EXECUTION_STATES = ("revoked", "cancelled")

STATUS_LABELS = {
    "submitted": lazy_pgettext("complaint status", "Submitted"),
    "in_review": lazy_pgettext("complaint status", "In review"),
    "needs_info": lazy_pgettext("complaint status", "Clarification needed"),
    "examination": lazy_pgettext("complaint status", "Examination (BAP)"),
    "tpp_hearing": lazy_pgettext("complaint status", "TPP hearing"),
    "not_pursued": lazy_pgettext("complaint status", "Not pursued"),
    "warning_issued": lazy_pgettext("complaint status", "Warning / intensive supervision"),
    "temporarily_revoked": lazy_pgettext("complaint status", "Temporarily revoked"),
    "proposed": lazy_pgettext("complaint status", "Proposed to the regional office"),
    "forwarded": lazy_pgettext("complaint status", "Forwarded to Ditjenpas"),
    "revoked": lazy_pgettext("complaint status", "Revoked"),
    "not_revoked": lazy_pgettext("complaint status", "Not revoked"),
    "withdrawn": lazy_pgettext("complaint status", "Withdrawn"),
    "cancelled": lazy_pgettext("complaint status", "Cancelled (parole annulled)"),
    "superseded": lazy_pgettext("complaint status", "Closed: decided in another case"),
}

ACTION_LABELS = {
    "triage": _l("Triage: officer assigned"),
    "close": _l("Closed as not pursued"),
    "transfer": _l("Transferred to another Bapas"),
    "request_info": _l("Clarification asked from the complainant"),
    "info_received": _l("The complainant answered"),
    "info_lapsed": _l("No answer in time; review continues"),
    "start_examination": _l("Examination started"),
    "refer_to_tpp": _l("Referred to the TPP hearing"),
    "decide_not_pursued": _l("Head's decision: not pursued"),
    "decide_warning": _l("Head's decision: written warning (surat teguran)"),
    "decide_summons": _l("Head's decision: summons to appear (surat panggilan)"),
    "decide_intensive": _l("Head's decision: intensified supervision"),
    "decide_temporary_revocation": _l("Head's decision: temporary revocation"),
    "propose": _l("Revocation proposed to the regional office"),
    "forward": _l("Forwarded to Ditjenpas"),
    "record_revoked": _l("Outcome: parole revoked"),
    "record_not_revoked": _l("Outcome: parole not revoked"),
    "record_cancelled": _l("Outcome: parole cancelled (pembatalan)"),
    "close_superseded": _l("Closed: the client's case was decided in another complaint"),
    "record_summons_answer": _l("Summons: whether the client appeared"),
    "record_aph_letter": _l("Letter to the police or prosecutor (APH) sent"),
    "record_return": _l("The client was taken back to a Lapas/Rutan"),
    "record_at_large": _l("The client is still at large"),
    "letter_recorded": _l("Letter issued"),
    "withdraw": _l("Withdrawn by the complainant"),
    "bap_complainant": _l("Examination record (BAP) of the complainant"),
    "bap_client": _l("Examination record (BAP) of the client: the client's own account"),
    "bap_witness": _l("Examination record (BAP) of a witness"),
    "tpp_recorded": _l("TPP hearing recorded"),
    "assigned": _l("Officer assigned"),
    "reassigned": _l("Handed to another officer"),
    "flagged": _l("Flagged as possibly malicious or mistaken"),
}

FIELD_LABELS = {
    "officer": _l("the officer to assign"),
    "reason": _l("the reason"),
    "office": _l("the receiving Bapas"),
    "message": _l("the message to the complainant"),
    "client": _l("the client's record in the register (link it at triage)"),
    "complainant_bap": _l("the examination record (BAP) of the complainant"),
    "client_bap": _l("the examination record (BAP) of the client"),
    "hearing": _l("the record of the TPP hearing"),
    "decree_number": _l("the number of the decree"),
    "decree_on": _l("the date of the decree"),
    "body": _l("the text"),
    "grounds": _l("the grounds"),
    "grounds_text": _l("the reasons in your own words"),
    "appear_on": _l("the date the client must appear"),
    "appear_place": _l("the place where the client must appear"),
    "period_end_on": _l("the end of the intensified supervision"),
    "review_on": _l("the review date"),
    "deciding_case": _l("the case that decided"),
    "answer": _l("whether the client appeared"),
    "addressee": _l("the addressee of the letter"),
    "letter_on": _l("the date of the letter"),
    "returned_on": _l("the date the client was taken back"),
    "facility": _l("the receiving Lapas or Rutan"),
}
# What a case lacks, said as the next thing to do (issue 10 §6: "Rekam BAP klien terlebih
# dahulu"); shown next to a step that cannot be taken yet.
PREREQUISITE_HINTS = {
    "client": _l("Link the client's record first"),
    "complainant_bap": _l("Record the complainant's BAP first"),
    "client_bap": _l("Record the client's BAP first"),
    "hearing": _l("Record the TPP hearing first"),
}
CASE_PREREQUISITES = tuple(PREREQUISITE_HINTS)


def _staff_of_office(actor: User, complaint: Complaint) -> bool:
    return actor.role not in CASEWORKERS or actor.office_id == complaint.office_id


def _assigned_if_officer(actor: User, complaint: Complaint) -> bool:
    return actor.role != "officer" or complaint.assigned_officer_id == actor.id


def _in_region(actor: User, complaint: Complaint) -> bool:
    return actor.role != "regional" or actor.region_id == complaint.office.region_id


def _unassigned(actor: User, complaint: Complaint) -> bool:
    return complaint.assigned_officer_id is None


OWN_OFFICE, ASSIGNED, OWN_REGION, UNASSIGNED = "own_office", "assigned", "own_region", "unassigned"
GUARDS = (
    Guard(OWN_OFFICE, _staff_of_office, _l("This case belongs to another Bapas.")),
    Guard(ASSIGNED, _assigned_if_officer,
          _l("Only the officer assigned to this case, a supervisor or the head can take this step.")),
    Guard(OWN_REGION, _in_region, _l("This case belongs to a Bapas outside your province.")),
    Guard(UNASSIGNED, _unassigned, _l("This case already has an officer.")),
)
CASEWORK = (OWN_OFFICE, ASSIGNED)
DECISION = ("grounds", "grounds_text")  # every deliberate decision states its grounds

COMPLAINT_WORKFLOW = Workflow(STATES, [
    # Triage (DESIGN §5 "submitted — supervisor triages"): link and assign, close, transfer.
    Transition("triage", ("submitted",), "in_review", (SUPERVISOR,), requires=("officer",),
               guards=(OWN_OFFICE,)),
    Transition("close", ("submitted",), "not_pursued", (SUPERVISOR,),
               requires=("reason",) + DECISION, guards=(OWN_OFFICE,)),
    Transition("transfer", ("submitted",), "submitted", (SUPERVISOR,), requires=("office",),
               guards=(OWN_OFFICE,)),
    # Review and examination (§5 "assigned officer", "officer records BAPs").
    Transition("request_info", ("in_review", "examination"), "needs_info", (OFFICER,),
               requires=("message",), guards=CASEWORK),
    Transition("info_received", ("needs_info",), "in_review", (COMPLAINANT,)),
    Transition("info_lapsed", ("needs_info",), "in_review", (SYSTEM,)),
    Transition("start_examination", ("in_review",), "examination", (OFFICER,),
               requires=("client",), guards=CASEWORK),
    Transition("refer_to_tpp", ("examination",), "tpp_hearing", (OFFICER,),
               requires=("complainant_bap", "client_bap"), guards=CASEWORK),
    # The head's decisions after the TPP hearing (issue 10 §1, §2): each deliberate, with its
    # grounds (legal ground codes and the reasons in words); "not pursued" gives its reason (§5).
    Transition("decide_not_pursued", ("tpp_hearing",), "not_pursued", ("head",),
               requires=("hearing", "reason") + DECISION, guards=(OWN_OFFICE,)),
    Transition("decide_warning", ("tpp_hearing",), "warning_issued", ("head",),
               requires=("hearing",) + DECISION, guards=(OWN_OFFICE,)),
    Transition("decide_summons", ("tpp_hearing",), "warning_issued", ("head",),
               requires=("hearing", "appear_on", "appear_place") + DECISION, guards=(OWN_OFFICE,)),
    Transition("decide_intensive", ("tpp_hearing",), "warning_issued", ("head",),
               requires=("hearing", "period_end_on", "review_on") + DECISION, guards=(OWN_OFFICE,)),
    Transition("decide_temporary_revocation", ("tpp_hearing",), "temporarily_revoked", ("head",),
               requires=("hearing",) + DECISION, guards=(OWN_OFFICE,)),
    Transition("propose", ("temporarily_revoked",), "proposed", ("head",), requires=DECISION,
               guards=(OWN_OFFICE,)),
    Transition("forward", ("proposed",), "forwarded", ("regional",), requires=DECISION,
               guards=(OWN_REGION,)),
    Transition("record_revoked", ("forwarded",), "revoked", ("regional",),
               requires=("decree_number", "decree_on") + DECISION, guards=(OWN_REGION,)),
    Transition("record_cancelled", ("forwarded",), "cancelled", ("regional",),
               requires=("decree_number", "decree_on") + DECISION, guards=(OWN_REGION,)),
    Transition("record_not_revoked", ("forwarded",), "not_revoked", ("regional",),
               requires=("decree_number", "decree_on") + DECISION, guards=(OWN_REGION,)),
    Transition("withdraw", ("submitted", "in_review", "needs_info"), "withdrawn", (COMPLAINANT,),
               requires=("grounds_text",)),
    # A revocation closes every other open complaint about the client (issue 10 §3).
    Transition("close_superseded", OPEN_STATES, "superseded", (SYSTEM,), requires=("deciding_case",)),
    # The sanctions ladder and the execution after the decree (issue 10 §2, §3; DESIGN §5).
    Transition("record_summons_answer", ("warning_issued",), None, CASEWORKERS,
               requires=("answer",), guards=CASEWORK),
    Transition("record_aph_letter", EXECUTION_STATES, None, ("head",),
               requires=("addressee", "letter_on"), guards=(OWN_OFFICE,)),
    Transition("record_return", EXECUTION_STATES, None, CASEWORKERS,
               requires=("returned_on", "facility"), guards=CASEWORK),
    Transition("record_at_large", EXECUTION_STATES, None, CASEWORKERS, requires=("body",),
               guards=CASEWORK),
    # Records and notes that do not move the case:
    Transition("reply", OPEN_STATES, None, (COMPLAINANT,)),
    Transition("record_bap", ("examination",), None, (OFFICER,), guards=CASEWORK),
    Transition("record_hearing", ("tpp_hearing",), None, LEADS, guards=(OWN_OFFICE,)),
    Transition("note", STATES, None, CASEWORKERS, requires=("body",), guards=CASEWORK),
    Transition("message", STATES, None, CASEWORKERS, requires=("body",), guards=CASEWORK),
    Transition("assign", OPEN_STATES, None, LEADS, requires=("officer",), guards=(OWN_OFFICE,)),
    Transition("claim", OPEN_STATES, None, ("officer",), guards=(OWN_OFFICE, UNASSIGNED)),
    Transition("flag", STATES, None, CASEWORKERS, requires=("reason",), guards=CASEWORK),
], state_labels=STATUS_LABELS, field_labels=FIELD_LABELS, guards=GUARDS)
# Moves shown as buttons of the procedure (the rest have their own forms or belong to others).
PROCEDURE_STEPS = ("triage", "close", "transfer", "request_info", "start_examination",
                   "refer_to_tpp", "decide_not_pursued", "decide_warning", "decide_summons",
                   "decide_intensive", "decide_temporary_revocation", "propose", "forward",
                   "record_revoked", "record_cancelled", "record_not_revoked")
# The deliberate decisions: a confirmation page (GET) restates them, the POST makes them.
DECISIONS = tuple(a for a in PROCEDURE_STEPS
                  if "grounds" in COMPLAINT_WORKFLOW.transitions[a].requires)

GROUND_HELP = {
    "NEW_OFFENCE": _l("For example: the client was arrested, named a suspect or convicted for a "
                      "new crime. Useful evidence: a police letter, a news report, a court notice."),
    "PUBLIC_UNREST": _l("For example: repeated fights, threats or intimidation of neighbours. "
                        "Useful evidence: dated photos, statements of neighbours or the RT/RW head."),
    "MISSED_REPORTING": _l("The client did not report to the Bapas three times in a row. Tell us "
                           "how many visits you know were missed and when."),
    "MOVED_WITHOUT_NOTICE": _l("The client no longer lives at the registered address and did not "
                               "tell the Bapas. Useful evidence: a statement of the landlord or RT."),
    "PROGRAMME_NONCOMPLIANCE": _l("For example: drug use, meeting criminal associates, refusing "
                                  "the agreed work or training. Useful evidence: what you saw, "
                                  "when, and who else saw it."),
}
CLOSING_LABELS = {
    "not_violation": _l("Not a violation of the parole conditions"),
    "insufficient": _l("Insufficient information"),
    "duplicate": _l("Duplicate of another complaint"),
    "outside": _l("Outside this Bapas (transferred)"),
}
RECOMMENDATION_LABELS = {
    "not_pursued": _l("Not pursued"),
    "warning": _l("Warning or summons with intensive supervision"),
    "temporary_revocation": _l("Temporary revocation and proposal to revoke"),
}

SANCTION_LABELS = {
    "warning": _l("Written warning (surat teguran)"),
    "summons": _l("Summons to appear (surat panggilan)"),
    "intensive": _l("Intensified supervision"),
}
# Pembatalan (cancellation) grounds: the regulation's triggers are not settled (naskah-dinas
# §4 [U]); the Kanwil picks from this table, which the Bapas may extend.
CANCELLATION_GROUNDS = {
    "CONDITIONS_NOT_MET": _l("The conditions for the parole were not met when it was granted"),
    "FALSE_DOCUMENTS": _l("The parole was granted on false or incomplete documents"),
    "OTHER_CASE": _l("Another criminal case of the client was pending when it was granted"),
    "OTHER": _l("Another ground stated in the decree"),
}
