"""The workflow rules, typed out by hand from the procedure — never read from portal/.

One table per workflow. Each row is a legal move:

    (action, from states, to state (None: the state stays), roles, required things, guards)

Sources, quoted in the comments: DESIGN.md §2 (roles), §3 (data and states), §5 (the
complaint procedure) and the issues that defined each workflow (issue 3 partners, issue 4
clients, assignments and observations, issue 5 jobs, issue 6 complaints). Where those texts
name no rule, the row copies the rule the issue's accepted closing note lists ("closing
note"); where that is silent too, the comment says "not specified" and the row holds the
rule as it stands, so that changing it is a decision taken in two places.

tests/test_workflow_tables.py compares these tables with the code's in both directions; the
page matrices (tests/test_complaints_steps.py, tests/test_partners_workflow.py) take what is
legal from here.
"""
from __future__ import annotations

from typing import NamedTuple


class Rule(NamedTuple):
    """One row of a literal table."""

    action: str
    sources: frozenset
    target: str | None
    roles: frozenset
    requires: frozenset
    guards: frozenset


class Rules(NamedTuple):
    """A workflow written out by hand: its states and its moves."""

    name: str
    states: frozenset
    rows: dict  # action -> Rule


def rules(name: str, states, rows) -> Rules:
    built = {}
    for action, sources, target, roles, requires, guards in rows:
        assert action not in built, f"{name}: {action} is written twice"
        built[action] = Rule(action, frozenset(sources), target, frozenset(roles),
                             frozenset(requires), frozenset(guards))
    return Rules(name, frozenset(states), built)


NONE: frozenset = frozenset()

# ---------------------------------------------------------------- complaints (DESIGN §5, issue 6)

COMPLAINT_STATES = ("submitted", "in_review", "needs_info", "examination", "tpp_hearing",
                    "not_pursued", "warning_issued", "temporarily_revoked", "proposed",
                    "forwarded", "revoked", "not_revoked", "withdrawn",
                    # Issue 10 §2 "pencabutan and pembatalan are distinct outcomes"; §3 the
                    # other open complaints are closed "with a link to the deciding case".
                    "cancelled", "superseded")
# §5 marks not_pursued, warning_issued, revoked / not_revoked as terminal, withdrawn ends it.
COMPLAINT_OPEN = {"submitted", "in_review", "needs_info", "examination", "tpp_hearing",
                  "temporarily_revoked", "proposed", "forwarded"}
COMPLAINT_ALL = set(COMPLAINT_STATES)
# Issue 6 §4: the Kanwil's regional users see a case in their province queue once it is
# proposed to them.
COMPLAINT_REGIONAL_SEES = {"proposed", "forwarded", "revoked", "not_revoked", "cancelled"}
# The Indonesian status words, DESIGN §5 "id label".
COMPLAINT_STATUS_ID = {
    "submitted": "Diajukan", "in_review": "Ditinjau", "needs_info": "Perlu klarifikasi",
    "examination": "Pemeriksaan (BAP)", "tpp_hearing": "Sidang TPP",
    "not_pursued": "Tidak ditindaklanjuti", "warning_issued": "Teguran / pengawasan intensif",
    "temporarily_revoked": "Dicabut sementara", "proposed": "Diusulkan ke Kanwil",
    "forwarded": "Diteruskan ke Ditjenpas", "revoked": "Dicabut", "not_revoked": "Tidak dicabut",
    "withdrawn": "Ditarik",
    # Issue 10: not in §5's table; the catalogue's words.
    "cancelled": "Dibatalkan (pembatalan PB)",
    "superseded": "Ditutup: diputus dalam perkara lain",
}
# Issue 10 §1: every decisive step "requires the grounds: the legal ground codes … plus
# required free text".
DECISION = {"grounds", "grounds_text"}
EXECUTION = {"revoked", "cancelled"}  # DESIGN §5 "after revoked the case stays open"
STAFF = {"officer", "supervisor", "head"}          # DESIGN §2: staff of one Bapas
OFFICE, ASSIGNED = "own_office", "assigned"        # §2 scope "their Bapas"; the assigned officer
REGION, UNASSIGNED = "own_region", "unassigned"    # §2 regional scope "their province"

COMPLAINT = rules("complaint", COMPLAINT_STATES, [
    # §5 "submitted — supervisor triages"; issue 6 §4 "triage: … set the officer".
    ("triage", {"submitted"}, "in_review", {"supervisor"}, {"officer"}, {OFFICE}),
    # Issue 6 §4 "triage: … or close as not pursued (reason …)"; §5 "not_pursued (reason
    # required)". Closing is a triage step: later states are moved on by others (§5).
    # Issue 10 §1: "close at triage" is a deliberate decision with its grounds.
    ("close", {"submitted"}, "not_pursued", {"supervisor"}, {"reason"} | DECISION, {OFFICE}),
    # Issue 6 §4 "outside this Bapas — with a transfer to the right Bapas" (a triage step);
    # the case arrives there as a new submission (closing note).
    ("transfer", {"submitted"}, "submitted", {"supervisor"}, {"office"}, {OFFICE}),
    # §5 "in_review — assigned officer"; issue 6 §4 "ask the complainant for more information
    # (needs_info; the clock pauses)". From examination too: not specified.
    ("request_info", {"in_review", "examination"}, "needs_info", {"officer"}, {"message"},
     {OFFICE, ASSIGNED}),
    # §5 "needs_info — complainant replies (or deadline lapses)"; back to review (closing note).
    ("info_received", {"needs_info"}, "in_review", {"complainant"}, NONE, NONE),
    ("info_lapsed", {"needs_info"}, "in_review", {"system"}, NONE, NONE),
    # §5 "in_review — assigned officer"; a linked client is needed (closing note).
    ("start_examination", {"in_review"}, "examination", {"officer"}, {"client"},
     {OFFICE, ASSIGNED}),
    # §5 "examination — officer records BAPs"; issue 6 §4 the BAPs of the complainant and of
    # the client (the client's right of reply) come before the hearing.
    ("refer_to_tpp", {"examination"}, "tpp_hearing", {"officer"},
     {"complainant_bap", "client_bap"}, {OFFICE, ASSIGNED}),
    # Issue 6 §4 "the head decides: not pursued, warning/summons …, or temporary revocation",
    # after the TPP hearing; §5 "not_pursued (reason required)".
    # Issue 10 §1: each decision with its grounds and reasons.
    ("decide_not_pursued", {"tpp_hearing"}, "not_pursued", {"head"},
     {"hearing", "reason"} | DECISION, {OFFICE}),
    # Issue 10 §2 "the head's decision after the TPP hearing can be a written warning (surat
    # teguran), a summons (surat panggilan) … with a date, time and place to appear, and
    # intensified supervision with its period and review date" (status §5 warning_issued).
    ("decide_warning", {"tpp_hearing"}, "warning_issued", {"head"}, {"hearing"} | DECISION,
     {OFFICE}),
    ("decide_summons", {"tpp_hearing"}, "warning_issued", {"head"},
     {"hearing", "appear_on", "appear_place"} | DECISION, {OFFICE}),
    ("decide_intensive", {"tpp_hearing"}, "warning_issued", {"head"},
     {"hearing", "period_end_on", "review_on"} | DECISION, {OFFICE}),
    ("decide_temporary_revocation", {"tpp_hearing"}, "temporarily_revoked", {"head"},
     {"hearing"} | DECISION, {OFFICE}),
    # §5 "temporarily_revoked — head only"; §1 the Kepala Bapas proposes via the Kanwil.
    ("propose", {"temporarily_revoked"}, "proposed", {"head"}, DECISION, {OFFICE}),
    # §5 "proposed — regional forwards", "forwarded — regional records outcome"; issue 6 §4
    # "final outcome (revoked / not revoked, decree number and date)"; issue 10 §2
    # "Revocation (pencabutan) and cancellation (pembatalan) are distinct outcomes recorded
    # by the Kanwil with their own grounds".
    ("forward", {"proposed"}, "forwarded", {"regional"}, DECISION, {REGION}),
    ("record_revoked", {"forwarded"}, "revoked", {"regional"},
     {"decree_number", "decree_on"} | DECISION, {REGION}),
    ("record_cancelled", {"forwarded"}, "cancelled", {"regional"},
     {"decree_number", "decree_on"} | DECISION, {REGION}),
    ("record_not_revoked", {"forwarded"}, "not_revoked", {"regional"},
     {"decree_number", "decree_on"} | DECISION, {REGION}),
    # §5 "withdrawn — complainant, before examination"; issue 6 §2; issue 10 §1 the
    # withdrawal is confirmed with its reason (the complainant cites no legal ground).
    ("withdraw", {"submitted", "in_review", "needs_info"}, "withdrawn", {"complainant"},
     {"grounds_text"}, NONE),
    # Issue 10 §3 "all other open complaints about that client are closed with a link to
    # the deciding case (a SYSTEM move with its own label)".
    ("close_superseded", COMPLAINT_OPEN, "superseded", {"system"}, {"deciding_case"}, NONE),
    # Issue 10 §2 "The officer records that the client appeared (answered) or not": staff of
    # the Bapas, an officer on the cases assigned to them.
    ("record_summons_answer", {"warning_issued"}, None, STAFF, {"answer"}, {OFFICE, ASSIGNED}),
    # Issue 10 §3 the execution: "letter to APH (addressee, date)" — a letter the head signs;
    # "the date the client was taken back and the receiving Lapas/Rutan, or still at large
    # with a note".
    ("record_aph_letter", EXECUTION, None, {"head"}, {"addressee", "letter_on"}, {OFFICE}),
    ("record_return", EXECUTION, None, STAFF, {"returned_on", "facility"}, {OFFICE, ASSIGNED}),
    ("record_at_large", EXECUTION, None, STAFF, {"body"}, {OFFICE, ASSIGNED}),
    # Records and notes; the state stays.
    # Issue 6 §2 "can reply and add evidence while the case is open".
    ("reply", COMPLAINT_OPEN, None, {"complainant"}, NONE, NONE),
    # §5 "examination — officer records BAPs".
    ("record_bap", {"examination"}, None, {"officer"}, NONE, {OFFICE, ASSIGNED}),
    # §5 "tpp_hearing — supervisor/head record the hearing".
    ("record_hearing", {"tpp_hearing"}, None, {"supervisor", "head"}, NONE, {OFFICE}),
    # Issue 6 §4 internal notes and messages to the complainant; not specified who writes
    # them: staff of the Bapas, an officer only on the cases assigned to them (closing note).
    ("note", COMPLAINT_ALL, None, STAFF, {"body"}, {OFFICE, ASSIGNED}),
    ("message", COMPLAINT_ALL, None, STAFF, {"body"}, {OFFICE, ASSIGNED}),
    # Issue 6 §3 "(supervisors, officers, head of the Bapas) … assign or claim".
    ("assign", COMPLAINT_OPEN, None, {"supervisor", "head"}, {"officer"}, {OFFICE}),
    ("claim", COMPLAINT_OPEN, None, {"officer"}, NONE, {OFFICE, UNASSIGNED}),
    # Issue 6 §4 "a 'possibly malicious or mistaken complaint' flag, with a reason, is
    # available to staff"; an officer only on their own cases (closing note).
    ("flag", COMPLAINT_ALL, None, STAFF, {"reason"}, {OFFICE, ASSIGNED}),
])

# ---------------------------------------------------------------- partners (issue 3)

# DESIGN §3 names applied → vetting → active …; issue 3 needs more resting states (the
# address is confirmed before the application enters the queue; information requested; the
# vetting approved while the PKS waits) — the issue wins (DESIGN, preface).
PARTNER_STATES = ("unconfirmed", "applied", "info_requested", "vetted", "active", "suspended",
                  "ended", "rejected")
PKS = {"pks_number", "pks_signed_on", "pks_valid_until", "scan"}
LEADS = {"supervisor", "head"}

PARTNER = rules("partner", PARTNER_STATES, [
    # Issue 3 §2 "The applicant confirms the email address by a link; only then does the
    # application enter the Bapas queue."
    ("confirm_email", {"unconfirmed"}, "applied", {"applicant"}, NONE, NONE),
    # Issue 3 §3 "A queue for supervisors and the head … a checklist (documents verified,
    # vetting visit date and notes)"; while the documents are checked (closing note).
    ("update_checklist", {"applied"}, None, LEADS, NONE, NONE),
    # Issue 3 §3 "request more information (… a single-use link to answer …)".
    ("request_info", {"applied"}, "info_requested", LEADS, {"message"}, NONE),
    ("answer_info", {"info_requested"}, "applied", {"applicant"}, {"answer"}, NONE),
    # Issue 3 §3 "reject with a reason"; until the PKS is signed (closing note).
    ("reject", {"applied", "info_requested", "vetted"}, "rejected", LEADS, {"reason"}, NONE),
    # Issue 3 §3 "approve the vetting (supervisor)", after the checklist (closing note).
    ("approve_vetting", {"applied"}, "vetted", {"supervisor"}, {"documents_verified", "visit_on"},
     NONE),
    # Issue 3 §3 "record the PKS (head only): number, signing date, valid-until date, scanned
    # signed copy → the partner organisation becomes active".
    ("record_pks", {"vetted"}, "active", {"head"}, PKS, NONE),
    # Issue 3 §5 "unless it was renewed (head records a renewal)" — a new PKS, so the same
    # things; also after it lapsed (closing note).
    ("renew_pks", {"active", "ended"}, "active", {"head"}, PKS, NONE),
    # Issue 3 §4 "Staff can suspend a partner (with reason) … and reinstate it" — the vetting
    # staff, supervisor and head (closing note).
    ("suspend", {"active"}, "suspended", LEADS, {"reason"}, NONE),
    ("reinstate", {"suspended"}, "active", LEADS, NONE, NONE),
    # Issue 3 §5 "the status turns to ended when the PKS lapses" — the daily job.
    ("lapse", {"active", "suspended"}, "ended", {"system"}, NONE, NONE),
    # Issue 10 §1 "ending a partnership" is a deliberate decision with its grounds; the head,
    # who records the PKS (issue 3 §3), ends it before it lapses.
    ("end", {"active", "suspended"}, "ended", {"head"}, {"reason"}, NONE),
])
# Issue 3 §3: the vetting queue and an application's page belong to the supervisors and the
# head of the application's Bapas; an unconfirmed application is not in the queue yet.
PARTNER_VETTING_READERS = LEADS

# ---------------------------------------------------------------- clients (DESIGN §3, issue 4)

CLIENT = rules("client", ("active", "intensive", "temporarily_revoked", "revoked", "completed",
                          "transferred"), [
    # §3 "active ⇄ intensive"; issue 4 §1 "Status changes (intensive supervision, transferred to
    # another Bapas, completed) go through a workflow table"; officer and supervisor, or the
    # procedure's warning (closing note; issue 6 §4 "warning/summons with intensified
    # supervision").
    ("intensify", {"active"}, "intensive", {"officer", "supervisor", "procedure"}, NONE, NONE),
    ("relax", {"intensive"}, "active", {"officer", "supervisor"}, NONE, NONE),
    # Supervisor and head; a transfer names the receiving Bapas (closing note).
    ("complete", {"active", "intensive"}, "completed", LEADS, NONE, NONE),
    ("transfer", {"active", "intensive"}, "transferred", LEADS, {"transfer_office"}, NONE),
    # §3 "→ temporarily_revoked → revoked"; issue 6 §4 the head's decision "sets the client's
    # status", the regional outcome — "the client's status follows": only the procedure.
    ("temporarily_revoke", {"active", "intensive"}, "temporarily_revoked", {"procedure"}, NONE,
     NONE),
    ("revoke", {"temporarily_revoked"}, "revoked", {"procedure"}, NONE, NONE),
    ("restore", {"temporarily_revoked"}, "active", {"procedure"}, NONE, NONE),
])

# ---------------------------------------------------------------- assignments (issue 4 §2)

ASSIGNMENT = rules("assignment", ("proposed", "active", "declined", "withdrawn", "ended"), [
    # Issue 4 §2 "An officer or supervisor assigns … the organisation's admin accepts or declines."
    ("accept", {"proposed"}, "active", {"partner"}, NONE, {"org_admin"}),
    ("decline", {"proposed"}, "declined", {"partner"}, NONE, {"org_admin"}),
    # Withdrawn by staff (closing note): those who assign.
    ("withdraw", {"proposed"}, "withdrawn", {"officer", "supervisor"}, NONE, NONE),
    # Issue 4 §2 "An assignment ends at its end date, when supervision ends, when the PKS ends,
    # or when the partner is suspended" (the system); by staff too (closing note).
    ("end", {"active"}, "ended", {"officer", "supervisor", "system"}, NONE, NONE),
    # Issue 5 §4 "A placement creates an assignment of the client to that partner … for the
    # placement's duration, if the client agreed."
    ("start_placement", {"proposed"}, "active", {"system"}, NONE, NONE),
])

# ---------------------------------------------------------------- observations (issue 4 §4–5)

OBSERVATION = rules("observation", ("submitted", "acknowledged", "followed_up", "archived"), [
    # Issue 4 §4 "The author can correct it until the officer has acknowledged it."
    ("correct", {"submitted"}, None, {"partner"}, {"narrative"}, {"author"}),
    # Issue 4 §5 "Acknowledge with a reply the partner sees, and record the follow-up";
    # officer, supervisor, head (closing note).
    ("acknowledge", {"submitted"}, "acknowledged", STAFF, {"reply"}, NONE),
    # Issue 11 review §3: no other follow-up while a home visit is planned about it (the
    # visit's record closes it, with the findings).
    ("record_follow_up", {"acknowledged"}, "followed_up", STAFF, {"follow_up"},
     {"no_visit_planned"}),
    # Issue 11 §4 "a planned visit does not close the observation that caused it — the visit's
    # record does": planning leaves it open; the visit made closes it with its findings.
    # Review §3: planned only once answered, so the partner always has the officer's reply.
    # Officer and Kasi, who plan and record visits (closing note).
    ("plan_visit", {"acknowledged"}, "acknowledged", {"officer", "supervisor"}, NONE, NONE),
    ("close_by_visit", {"acknowledged"}, "followed_up", {"officer", "supervisor"}, {"findings"}, NONE),
    # §3 "→ followed_up | archived"; supervisor and head archive (closing note).
    ("archive", {"acknowledged", "followed_up"}, "archived", LEADS, NONE, NONE),
])

# ---------------------------------------------------------------- jobs (issue 5)

POSTING = rules("posting", ("draft", "pending", "published", "closed", "rejected"), [
    # Issue 5 §1 "Draft → submitted → moderated by a supervisor of a covered Bapas (publish,
    # reject with reason, or ask for changes) → published → closed at the closing date, when
    # the places are filled, or by hand."
    ("edit", {"draft"}, None, {"partner"}, NONE, NONE),
    ("submit", {"draft"}, "pending", {"partner"}, NONE, NONE),
    ("publish", {"pending"}, "published", {"supervisor"}, NONE, {"open_to_office"}),
    ("request_changes", {"pending"}, "draft", {"supervisor"}, {"note"}, {"open_to_office"}),
    ("reject", {"pending"}, "rejected", {"supervisor"}, {"note"}, {"open_to_office"}),
    # By hand: the partner or a supervisor; by date or filled places: the system (closing note).
    ("close", {"published"}, "closed", {"partner", "supervisor", "system"}, NONE,
     {"open_to_office"}),
])

REFERRAL = rules("referral", ("proposed", "interview", "offered", "declined", "placed",
                              "completed", "ended", "withdrawn"), [
    # Issue 5 §4 "The partner responds: invite to interview (date), offer, decline (reason),
    # placement started (date), placement ended (date, reason) or completed."
    ("invite", {"proposed"}, "interview", {"partner"}, {"interview_on"}, NONE),
    ("offer", {"proposed", "interview"}, "offered", {"partner"}, NONE, NONE),
    ("decline", {"proposed", "interview", "offered"}, "declined", {"partner"}, {"reason"}, NONE),
    # A placement needs the client's name released (closing note; issue 5 §4 pseudonymous
    # "until the client's disclosure is released").
    ("start", {"interview", "offered"}, "placed", {"partner"}, {"on", "disclosed"}, NONE),
    # Issue 10 §3: on revocation "placements end" — the system ends a placement too.
    ("end", {"placed"}, "ended", {"partner", "system"}, {"on", "reason"}, NONE),
    ("complete", {"placed"}, "completed", {"partner"}, {"on"}, NONE),
    # Issue 5 §4 "the officer can withdraw the referral"; the officer releases the name; only
    # the client's own PK or a supervisor (closing note).
    ("withdraw", {"proposed", "interview", "offered"}, "withdrawn", {"officer", "supervisor"},
     NONE, {"case_officer"}),
    ("disclose", {"interview", "offered"}, None, {"officer", "supervisor"}, NONE,
     {"case_officer"}),
])

# ---------------------------------------------------------------- home visits (issue 11 §4)

VISIT = rules("visit", ("new", "planned", "done", "missed"), [
    # Issue 11 §4 "planned from a client page, an observation or the PK's home (date, purpose)";
    # the client's PK or a Kasi ("new": a visit not yet stored).
    ("plan", {"new"}, "planned", {"officer", "supervisor"}, {"planned_on", "purpose"},
     {"case_officer"}),
    # "recorded when done (date, who was met, findings, next step), or missed with a reason"
    ("record_done", {"planned"}, "done", {"officer", "supervisor"},
     {"visited_on", "met_whom", "findings", "next_step"}, {"case_officer"}),
    ("record_missed", {"planned"}, "missed", {"officer", "supervisor"}, {"missed_reason"},
     {"case_officer"}),
])

# ---------------------------------------------------------------- threads (issue 11 §3)

THREAD = rules("thread", ("open",), [
    # Issue 11 §3 "a thread between the partner organisation and the PK (and Kasi) … the partner
    # can answer and add a file"; the Kepala of the Bapas too (brief).
    ("post", {"open"}, None, {"partner", "officer", "supervisor", "head"}, {"body"},
     {"participant"}),
    # "internal staff notes stay apart and are never shown to the partner"
    ("note", {"open"}, None, {"officer", "supervisor", "head"}, {"body"}, {"participant"}),
])

# ---------------------------------------------------------------- supervision (issue 11 §2, §5)
# "new" is a record not yet saved: the first move of each table starts from it.

EDITORS = {"officer", "supervisor"}
# Issue 11 §2 "staff (officer of the client, Kasi) add, edit and end conditions"; the brief
# names kind general|special, a code for the special ones, text, starts_on, review_on, ended.
# Review of issue 11 §2: conditions are added and changed only while the client is under
# supervision (active or intensive); ending one stays possible afterwards.
CONDITION = rules("condition", ("new", "in_force", "ended"), [
    ("add", {"new"}, "in_force", EDITORS, {"kind", "starts_on"}, {"case_staff", "under_supervision"}),
    ("edit", {"in_force"}, None, EDITORS, {"kind", "starts_on"}, {"case_staff", "under_supervision"}),
    ("end", {"in_force"}, "ended", EDITORS, NONE, {"case_staff"}),
])

# Issue 11 §2 "For each assignment the PK writes a partner sheet: … whom to call and when"
# — "written by the client's PK (or Kasi)"; review: only for a proposed or active assignment.
PARTNER_SHEET = rules("partner_sheet", ("new", "current"), [
    ("write", {"new", "current"}, "current", EDITORS, {"contact"}, {"case_staff", "assignment_open"}),
])

# Issue 11 §5 "A partner or the PK records a client's request to travel outside the area
# (where, when, why); the PK approves or refuses with a reason" — "requested → approved |
# refused (and withdrawn by whoever requested)"; "approve/refuse by the client's PK or the
# Kasi of the Bapas, refusal needs a reason"; review: recorded only while the client is under
# supervision.
TRAVEL = rules("travel", ("new", "requested", "approved", "refused", "withdrawn"), [
    ("record", {"new"}, "requested", EDITORS | {"partner"},
     {"destination", "from_on", "to_on", "purpose"}, {"recorder", "under_supervision"}),
    ("approve", {"requested"}, "approved", EDITORS, NONE, {"case_staff"}),
    ("refuse", {"requested"}, "refused", EDITORS, {"reason"}, {"case_staff"}),
    ("withdraw", {"requested"}, "withdrawn", EDITORS | {"partner"}, NONE, {"requester"}),
])

# ---------------------------------------------------------------- handing over (issue 11)

# Issue 11, point 1 (the Kasi's home) "reassigning a client or a case to another PK from there
# (with a reason, audited, both PKs told)"; the brief: "Kasi and Kepala of the same Bapas; the
# new PK must be an active officer of that Bapas". Which client statuses: not specified — a
# client under supervision, or waiting for the decision on a temporary revocation. Which
# complaint statuses: the open ones (DESIGN §5).
CLIENT_REASSIGN = rules("client reassignment", ("active", "intensive", "temporarily_revoked", "revoked",
                                                "completed", "transferred"), [
    ("reassign_client", {"active", "intensive", "temporarily_revoked"}, None, LEADS,
     {"officer", "reason"}, {"same_office", "active_officer_of_office"}),
])
CASE_REASSIGN = rules("case reassignment", COMPLAINT_STATES, [
    ("reassign_case", COMPLAINT_OPEN, None, LEADS, {"officer", "reason"},
     {"same_office", "active_officer_of_office"}),
])
