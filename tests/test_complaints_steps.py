"""The revocation procedure through the case page: every staff step from every state, by
every kind of person, with what is legal taken from the rules written in workflow_rules.py
(DESIGN §5, issue 6). A legal step moves the case to the written target; a refused step
leaves it as it was and the person reads why, in Indonesian, on the case page."""
from __future__ import annotations

import datetime as dt
import html
import itertools

import pytest
from sqlalchemy import select

from portal.complaints.models import Complaint, ComplaintEvent, ExaminationRecord, Hearing
from portal.extensions import db

from .support import GROUNDS, OFFICE_B, login_client, make_complaint, office, prefixed, t
from .workflow_rules import ASSIGNED, COMPLAINT, COMPLAINT_REGIONAL_SEES, COMPLAINT_STATES, COMPLAINT_STATUS_ID

TODAY = dt.date.today()
PEOPLE_ROLES = {"officer", "supervisor", "head", "regional"}
# The steps made on the case page: the moves of the written table that staff or the regional
# office make (the complainant and the daily job have their own ways in).
STEPS = [action for action, rule in COMPLAINT.rows.items()
         if rule.target is not None and rule.roles & PEOPLE_ROLES]

# What the person reads when a step is refused (English msgids; the page shows the catalogue's
# Indonesian).
WRONG_STATE = "This step is not possible while the status is “%(state)s”."
WRONG_ROLE = "Your role cannot take this step."
GUARD_MESSAGES = {
    ASSIGNED: "Only the officer assigned to this case, a supervisor or the head can take this "
              "step.",
}
MISSING = "Something this step needs is missing: %(things)s."

# Who tries each step: (name, role, how they relate to the case).
#   "assigned": the case's officer; "office": staff of the case's Bapas; "region": the
#   regional office of its province; "outside": anyone else, to whom the case does not exist.
PEOPLE = [
    ("assigned officer", "officer", "assigned"),
    ("another officer of the Bapas", "officer", "office"),
    ("supervisor", "supervisor", "office"),
    ("head", "head", "office"),
    ("regional office of the province", "regional", "region"),
    ("supervisor of another Bapas", "supervisor", "outside"),
    ("head of another Bapas", "head", "outside"),
    ("regional office of another province", "regional", "outside"),
    ("partner", "partner", "outside"),
    ("admin", "admin", "outside"),
]


def _make_people(users) -> dict:
    made = {}
    for name, role, relation in PEOPLE:
        if relation == "outside" and role in ("officer", "supervisor", "head"):
            made[name] = users.make(role, office_code=OFFICE_B)
        elif relation == "outside" and role == "regional":
            made[name] = users.make(role, region_name="Jawa Tengah")
        else:
            made[name] = users.make(role)
    return made


def _prepared(app, clients, state: str, officer, *, client=True, baps=("complainant", "client"),
              hearing=True) -> tuple[Complaint, int]:
    """A case of Bapas A in `state`, assigned to `officer`, with what the steps from there need
    (a linked client, the two BAPs, the TPP hearing) unless told otherwise."""
    record = clients.make() if client else None
    complaint = make_complaint(app, status=state, client=record, officer=officer)
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        for subject in baps:
            stored.examinations.append(ExaminationRecord(
                subject=subject, subject_name="Saksi", examiner_id=officer.id, examined_on=TODAY,
                place="Bapas", questions=[{"q": "Apa yang terjadi?", "a": "Keterangan."}]))
        if hearing:
            stored.hearings.append(Hearing(
                held_on=TODAY, members="Kabapas, Kasi BK", recommendation="temporary_revocation",
                minutes="Notulen sidang TPP.", recorded_by_id=officer.id))
        db.session.commit()
        return complaint, db.session.get(Complaint, complaint.id).version


def _form(app, action: str, version: int, officer, **overrides) -> dict:
    """Everything any step's form may ask for, filled in."""
    with app.app_context():
        other_bapas = office(OFFICE_B).id
    data = {"version": version, "officer_id": str(officer.id), "reason": "not_violation",
            "office_id": str(other_bapas), "message": "Mohon jelaskan tanggal kejadian.",
            "note": "Catatan.", "decree_number": "PAS-99.PK.01.04/2027",
            "decree_on": TODAY.isoformat(), **GROUNDS,
            # issue 10 §2: the summons' day and place, the intensified supervision's period
            "appear_on": (TODAY + dt.timedelta(days=7)).isoformat(), "appear_time": "09:00",
            "appear_place": "Kantor Bapas, ruang PK", "period_end_on": (TODAY + dt.timedelta(days=90)).isoformat(),
            "review_on": (TODAY + dt.timedelta(days=30)).isoformat()}
    if action == "record_cancelled":
        data["grounds"] = ["CONDITIONS_NOT_MET"]
    data.update(overrides)
    return prefixed(action, data)


def _expected(action: str, state: str, role: str, relation: str):
    """From the written rules: None when the step is legal, else (kind, English msgid)."""
    rule = COMPLAINT.rows[action]
    if relation == "outside" or (relation == "region" and state not in COMPLAINT_REGIONAL_SEES):
        return ("404", None)
    if state not in rule.sources:
        return ("state", WRONG_STATE)
    if role not in rule.roles:
        return ("role", WRONG_ROLE)
    if ASSIGNED in rule.guards and role == "officer" and relation != "assigned":
        return (ASSIGNED, GUARD_MESSAGES[ASSIGNED])
    return None


def _status_and_moves(app, complaint_id: int, action: str) -> tuple[str, int, int]:
    with app.app_context():
        stored = db.session.get(Complaint, complaint_id)
        moves = db.session.scalars(select(ComplaintEvent).where(
            ComplaintEvent.complaint_id == complaint_id, ComplaintEvent.kind == "move",
            ComplaintEvent.action == action)).all()
        return stored.status, stored.version, len(moves)


def _page_text(session, url: str) -> str:
    return html.unescape(session.get(url).get_data(as_text=True))


@pytest.mark.parametrize("action", STEPS)
@pytest.mark.parametrize("state", COMPLAINT_STATES)
def test_each_step_from_each_state_by_each_person(app, users, clients, state, action):
    people = _make_people(users)
    officer = people["assigned officer"]
    complaint, version = _prepared(app, clients, state, officer)
    wrong = []
    for name, role, relation in PEOPLE:
        session = login_client(app, people[name])
        url = f"/staf/pengaduan/{complaint.reference}"
        response = session.post(f"{url}/langkah/{action}",
                                data=_form(app, action, version, officer))
        status, after_version, moves = _status_and_moves(app, complaint.id, action)
        expected = _expected(action, state, role, relation)
        if expected is None:
            target = COMPLAINT.rows[action].target
            if response.status_code != 302 or status != target or moves != 1:
                wrong.append(f"{name}: may take the step, expected {target}; got HTTP "
                             f"{response.status_code}, status {status}, {moves} move(s) recorded")
            complaint, version = _prepared(app, clients, state, officer)  # a fresh case
            continue
        if status != state or after_version != version or moves:
            wrong.append(f"{name}: may not take the step ({expected[0]}), yet the case went to "
                         f"{status}")
            complaint, version = _prepared(app, clients, state, officer)
            continue
        kind, msgid = expected
        if kind == "404":
            if response.status_code != 404:
                wrong.append(f"{name}: the case is outside their reach, expected 404, got "
                             f"{response.status_code}")
            continue
        if response.status_code != 302 or response.headers["Location"] != url:
            wrong.append(f"{name}: expected a redirect to the case page, got "
                         f"{response.status_code} {response.headers.get('Location')}")
            continue
        params = {"state": COMPLAINT_STATUS_ID[state]} if kind == "state" else {}
        message = t(app, msgid, **params)
        if message not in _page_text(session, url):
            wrong.append(f"{name}: refused ({kind}), but the page does not say {message!r}")
    if wrong:
        pytest.fail(f"{action} from {state}:\n  " + "\n  ".join(wrong), pytrace=False)


def _any_order(app, labels) -> list[str]:
    return [t(app, MISSING, things=", ".join(t(app, label) for label in order))
            for order in itertools.permutations(labels)]


# (step, state, who, what the case lacks or the form leaves empty, the labels the page names)
MISSING_CASES = [
    ("triage", "submitted", "supervisor", {"officer_id": ""}, ["the officer to assign"]),
    ("close", "submitted", "supervisor", {"reason": ""}, ["the reason"]),
    ("transfer", "submitted", "supervisor", {"office_id": ""}, ["the receiving Bapas"]),
    ("request_info", "in_review", "assigned officer", {"message": ""},
     ["the message to the complainant"]),
    ("start_examination", "in_review", "assigned officer", {"client": False},
     ["the client's record in the register (link it at triage)"]),
    ("refer_to_tpp", "examination", "assigned officer", {"baps": ()},
     ["the examination record (BAP) of the complainant",
      "the examination record (BAP) of the client"]),
    ("refer_to_tpp", "examination", "assigned officer", {"baps": ("complainant",)},
     ["the examination record (BAP) of the client"]),
    ("decide_temporary_revocation", "tpp_hearing", "head", {"hearing": False},
     ["the record of the TPP hearing"]),
    # DESIGN §5: not_pursued — reason required, also when the head decides it after the hearing.
    ("decide_not_pursued", "tpp_hearing", "head", {"reason": ""}, ["the reason"]),
    ("record_revoked", "forwarded", "regional office of the province",
     {"decree_number": "", "decree_on": ""},
     ["the number of the decree", "the date of the decree"]),
    # Issue 10 §2: a summons names the day and place; intensified supervision its period.
    ("decide_summons", "tpp_hearing", "head", {"appear_on": "", "appear_place": ""},
     ["the date the client must appear", "the place where the client must appear"]),
    ("decide_intensive", "tpp_hearing", "head", {"period_end_on": "", "review_on": ""},
     ["the end of the intensified supervision", "the review date"]),
    ("record_cancelled", "forwarded", "regional office of the province", {"decree_on": ""},
     ["the date of the decree"]),
]


@pytest.mark.parametrize("action, state, who, lacking, labels", MISSING_CASES,
                         ids=[f"{c[0]}-{'-'.join(c[3])}" for c in MISSING_CASES])
def test_a_step_names_what_it_is_missing(app, users, clients, action, state, who, lacking, labels):
    people = _make_people(users)
    officer = people["assigned officer"]
    case_parts = {k: lacking[k] for k in ("client", "baps", "hearing") if k in lacking}
    form_parts = {k: v for k, v in lacking.items() if k not in case_parts}
    complaint, version = _prepared(app, clients, state, officer, **case_parts)
    session = login_client(app, people[who])
    url = f"/staf/pengaduan/{complaint.reference}"
    response = session.post(f"{url}/langkah/{action}",
                            data=_form(app, action, version, officer, **form_parts))
    status, after_version, moves = _status_and_moves(app, complaint.id, action)
    if (status, after_version, moves) != (state, version, 0):
        pytest.fail(f"{action} from {state} by the {who} without {', '.join(labels)}: the step "
                    f"must be refused, yet the case went to {status}", pytrace=False)
    if "grounds" in COMPLAINT.rows[action].requires:
        # Issue 10 §6: a decision's confirmation page comes back with the refusal on it.
        assert response.status_code == 200
        page = html.unescape(response.get_data(as_text=True))
        assert "invalid-feedback" in page or "alert-danger" in page
    else:
        assert (response.status_code, response.headers.get("Location")) == (302, url)
        page = _page_text(session, url)
    assert any(message in page for message in _any_order(app, labels)), \
        f"the page does not name what is missing: {_any_order(app, labels)[0]!r}"
