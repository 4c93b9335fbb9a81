"""Partner vetting through the application's page: every staff action from every state, by
every kind of person, with what is legal taken from the rules written in workflow_rules.py
(issue 3). A legal action moves the application to the written target; a refused one leaves
it as it was and the person reads why, in Indonesian, on the application's page."""
from __future__ import annotations

import datetime as dt
import html
import io
import itertools

import pytest

from portal.extensions import db
from portal.partners.models import PartnerOrg

from .files import pdf_bytes
from .support import OFFICE_B, login_client, t
from .workflow_rules import PARTNER, PARTNER_STATES, PARTNER_VETTING_READERS

# The action in the URL → (the move of the table, the prefix of its form).
URL_ACTIONS = {
    "checklist": ("update_checklist", "checklist"), "request_info": ("request_info", "info"),
    "reject": ("reject", "reject"), "approve_vetting": ("approve_vetting", "approve"),
    "record_pks": ("record_pks", "pks"), "renew_pks": ("renew_pks", "renew"),
    "suspend": ("suspend", "suspend"), "reinstate": ("reinstate", "reinstate"),
    "end": ("end", "end"),
}
# The words the Bapas reads for each state (English msgids with the "partner status" context).
STATUS_MSGIDS = {
    "unconfirmed": "Email not confirmed", "applied": "Document check",
    "info_requested": "Information requested", "vetted": "Vetting approved, awaiting PKS",
    "active": "Active", "suspended": "Suspended", "ended": "Ended", "rejected": "Rejected",
}
WRONG_STATE = "This step is not possible while the status is “%(state)s”."
WRONG_ROLE = "Your role cannot take this step."
MISSING = "Something this step needs is missing: %(things)s."

# Who tries each action: (name, role, Bapas). Only the supervisors and the head of the
# application's Bapas reach it (issue 3 §3); to everyone else it does not exist.
PEOPLE = [
    ("supervisor", "supervisor", "A"), ("head", "head", "A"), ("officer", "officer", "A"),
    ("supervisor of another Bapas", "supervisor", "B"), ("head of another Bapas", "head", "B"),
    ("regional office", "regional", None), ("admin", "admin", None), ("partner", "partner", "A"),
]
CHECKLIST_DONE = {"documents_verified_at": dt.datetime.now(dt.UTC),
                  "visit_on": dt.date.today()}


def _form(url_action: str, version: int) -> dict:
    """The action's form, filled in (a fresh scan each time: a file is read once)."""
    p = URL_ACTIONS[url_action][1]
    today = dt.date.today()
    pks = lambda number: {  # noqa: E731
        f"{p}-pks_number": number, f"{p}-pks_signed_on": today.isoformat(),
        f"{p}-pks_valid_until": (today + dt.timedelta(days=730)).isoformat(),
        f"{p}-scan": (io.BytesIO(pdf_bytes()), "pks.pdf")}
    data = {f"{p}-version": str(version)}
    data.update({
        "checklist": {f"{p}-documents_verified": "y", f"{p}-visit_on": today.isoformat(),
                      f"{p}-visit_notes": "Kunjungan berjalan baik."},
        "request_info": {f"{p}-message": "Mohon lampirkan akta terbaru."},
        "reject": {f"{p}-reason": "Dokumen tidak sesuai persyaratan."},
        "suspend": {f"{p}-reason": "Melanggar kerahasiaan data klien."},
        "end": {f"{p}-reason": "Mitra menghentikan usahanya dan menyerahkan kembali PKS."},
        "record_pks": pks("W11.PAS.9-PK.01/2026"),
        "renew_pks": pks("W11.PAS.9-PK.02/2026"),
    }.get(url_action, {}))
    return data


def _expected(action: str, state: str, role: str, bapas: str | None):
    """From the written rules: None when the action is legal, else (kind, English msgid)."""
    rule = PARTNER.rows[action]
    if bapas != "A" or role not in PARTNER_VETTING_READERS or state == "unconfirmed":
        return ("404", None)
    if state not in rule.sources:
        return ("state", WRONG_STATE)
    if role not in rule.roles:
        return ("role", WRONG_ROLE)
    return None


def _now(app, org_id: int) -> tuple[str, int, list[str]]:
    with app.app_context():
        stored = db.session.get(PartnerOrg, org_id)
        return stored.status, stored.version, [e.action for e in stored.events]


@pytest.mark.parametrize("url_action", URL_ACTIONS)
@pytest.mark.parametrize("state", PARTNER_STATES)
def test_each_action_from_each_state_by_each_person(app, users, orgs, state, url_action):
    action = URL_ACTIONS[url_action][0]
    people = {name: users.make(role, office_code="BAPAS-BDG" if bapas != "B" else OFFICE_B)
              for name, role, bapas in PEOPLE}
    org = orgs.make(state, **CHECKLIST_DONE)
    wrong = []
    for name, role, bapas in PEOPLE:
        session = login_client(app, people[name])
        url = f"/staf/mitra/{org.public_id}"
        response = session.post(f"{url}/{url_action}", data=_form(url_action, org.version),
                                content_type="multipart/form-data")
        status, version, events = _now(app, org.id)
        expected = _expected(action, state, role, bapas)
        if expected is None:
            target = PARTNER.rows[action].target or state
            if response.status_code != 302 or status != target or events[0] != action:
                wrong.append(f"{name}: may take the action, expected {target}; got HTTP "
                             f"{response.status_code}, status {status}, last event {events[0]}")
            org = orgs.make(state, **CHECKLIST_DONE)  # a fresh application
            continue
        if status != state or version != org.version:
            wrong.append(f"{name}: may not take the action ({expected[0]}), yet it went to "
                         f"{status}")
            org = orgs.make(state, **CHECKLIST_DONE)
            continue
        kind, msgid = expected
        if kind == "404":
            if response.status_code != 404:
                wrong.append(f"{name}: the application is outside their reach, expected 404, "
                             f"got {response.status_code}")
            continue
        if response.status_code != 302 or response.headers["Location"] != url:
            wrong.append(f"{name}: expected a redirect to the application's page, got "
                         f"{response.status_code} {response.headers.get('Location')}")
            continue
        params = {"state": t(app, STATUS_MSGIDS[state], context="partner status")} \
            if kind == "state" else {}
        message = t(app, msgid, **params)
        if message not in html.unescape(session.get(url).get_data(as_text=True)):
            wrong.append(f"{name}: refused ({kind}), but the page does not say {message!r}")
    if wrong:
        pytest.fail(f"{url_action} from {state}:\n  " + "\n  ".join(wrong), pytrace=False)


def test_approval_names_what_the_checklist_still_lacks(app, users, orgs):
    org = orgs.make("applied")
    session = login_client(app, users.make("supervisor"))
    url = f"/staf/mitra/{org.public_id}"
    response = session.post(f"{url}/approve_vetting", data={"approve-version": org.version})
    assert (response.status_code, response.headers["Location"]) == (302, url)
    assert _now(app, org.id)[:2] == ("applied", org.version)
    labels = ["the checked documents (tick “documents verified” in the checklist)",
              "the date of the vetting visit (in the checklist)"]
    page = html.unescape(session.get(url).get_data(as_text=True))
    said = [t(app, MISSING, things=", ".join(t(app, label) for label in order))
            for order in itertools.permutations(labels)]
    assert any(message in page for message in said), said[0]


def test_a_stale_form_changes_nothing(app, users, orgs):
    org = orgs.make("applied")
    first = login_client(app, users.make("supervisor"))
    second = login_client(app, users.make("head"))
    ok = first.post(f"/staf/mitra/{org.public_id}/request_info",
                    data={"info-version": org.version, "info-message": "Mohon lengkapi NIB."})
    assert ok.status_code == 302
    late = second.post(f"/staf/mitra/{org.public_id}/reject", follow_redirects=True,
                       data={"reject-version": org.version,
                             "reject-reason": "Tidak memenuhi syarat."})
    with app.app_context():
        assert db.session.get(PartnerOrg, org.id).status == "info_requested"
    page = late.get_data(as_text=True)
    assert "Orang lain mengubah" in page or "Someone else changed" in page
