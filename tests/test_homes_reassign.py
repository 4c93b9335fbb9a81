"""Issue 11: the Kasi (or the Kepala) hands a client or a case to another PK from the home —
with a reason, audited, on the timeline, both PKs told (the email holds a link only); bad
input is answered on the form's page; a race with the old PK's own step loses nothing."""
from __future__ import annotations

import pytest
import requests
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.clients.models import Client, ClientEvent
from portal.complaints.models import Complaint, ComplaintEvent
from portal.extensions import db
from portal.notifications import Notification

from .support import OFFICE_B, login_client, make_complaint, prefixed, t
from .test_boundary import at_once, serving

REASON = "Beban kerja PK Ahmad terlalu berat bulan ini."
STALE = ("Someone else changed this record while you were working on it. Nothing was saved; check the "
         "current state and try again.")


@pytest.fixture
def team(app, users, clients):
    old, new, supervisor = users.make("officer"), users.make("officer"), users.make("supervisor")
    client = clients.make(officer=old, full_name="Klien Dialihkan Satu")
    return old, new, supervisor, client


def _version(app, model, row_id):
    with app.app_context():
        return db.session.get(model, row_id).version


def test_the_kasi_hands_a_client_to_another_pk(app, team, mailbox):
    old, new, supervisor, client = team
    session = login_client(app, supervisor)
    form = session.get(f"/beranda/klien/{client.public_id}/alihkan").get_data(as_text=True)
    assert "Klien Dialihkan Satu" in form and old.name in form and f'value="{new.id}"' in form
    assert f'<option value="{old.id}"' not in form  # not to the PK who has the client already
    response = session.post(f"/beranda/klien/{client.public_id}/alihkan", data={
        "version": _version(app, Client, client.id), "officer": str(new.id), "reason": REASON})
    assert response.status_code == 302 and response.headers["Location"] == f"/staf/klien/{client.public_id}"
    with app.app_context():
        assert db.session.get(Client, client.id).officer_id == new.id
        event = db.session.scalars(select(ClientEvent).where(ClientEvent.client_id == client.id)).one()
        assert (event.kind, event.action, event.note, event.actor_id) == ("record", "reassigned", REASON,
                                                                           supervisor.id)
        audit = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "client.reassigned")).one()
        assert audit.details == {"officer_id": new.id, "from_officer_id": old.id, "reason_given": True}
        told = db.session.scalars(select(Notification.user_id).where(Notification.kind == "client_reassigned"))
        assert sorted(told) == sorted([old.id, new.id])
    detail = session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert "Dialihkan ke PK lain" in detail and REASON in detail
    for officer in (old, new):
        (email,) = mailbox.to(officer.email)
        body = mailbox.body(email)
        assert f"/staf/klien/{client.public_id}" in body
        for secret in ("Klien Dialihkan Satu", REASON, old.name, new.name, client.register_number):
            assert secret not in body and secret not in email["Subject"]


def test_the_kepala_hands_a_case_to_another_pk(app, users, team, mailbox):
    old, new, _supervisor, client = team
    head = users.make("head")
    case = make_complaint(app, status="in_review", client=client, officer=old)
    response = login_client(app, head).post(f"/beranda/pengaduan/{case.reference}/alihkan", data={
        "version": _version(app, Complaint, case.id), "officer": str(new.id), "reason": "PK sedang cuti panjang."})
    assert response.headers["Location"] == f"/staf/pengaduan/{case.reference}"
    with app.app_context():
        stored = db.session.get(Complaint, case.id)
        assert stored.assigned_officer_id == new.id
        assert [(e.action, e.body) for e in stored.events if e.kind == "note"] == [
            ("reassigned", "PK sedang cuti panjang.")]
        assert db.session.scalar(select(AuditEvent.object_id).where(
            AuditEvent.action == "complaint.reassigned")) == str(case.id)
    for officer in (old, new):
        (email,) = mailbox.to(officer.email)
        assert f"/staf/pengaduan/{case.reference}" in mailbox.body(email)
        assert "Klien Dialihkan Satu" not in mailbox.body(email) and "cuti" not in mailbox.body(email)


def test_bad_input_is_answered_on_the_form_with_what_was_typed(app, team):
    old, new, supervisor, client = team
    session = login_client(app, supervisor)
    url = f"/beranda/klien/{client.public_id}/alihkan"
    version = _version(app, Client, client.id)
    no_reason = session.post(url, data={"version": version, "officer": str(new.id), "reason": ""})
    assert no_reason.status_code == 400
    assert t(app, "Say why the record changes hands.") in no_reason.get_data(as_text=True)
    assert f'<option selected value="{new.id}"' in no_reason.get_data(as_text=True)
    no_officer = session.post(url, data={"version": version, "officer": "", "reason": "Alasan yang diketik."})
    assert no_officer.status_code == 400
    page = no_officer.get_data(as_text=True)
    assert t(app, "Choose the new officer.") in page and "Alasan yang diketik." in page
    with app.app_context():
        assert db.session.get(Client, client.id).officer_id == old.id


def test_the_rules_of_the_table_are_kept(app, users, team):
    old, new, supervisor, client = team
    stranger = users.make("officer", office_code=OFFICE_B)
    session = login_client(app, supervisor)
    url = f"/beranda/klien/{client.public_id}/alihkan"
    for officer_id in (stranger.id, old.id):  # a PK of another Bapas; the PK who has it already
        response = session.post(url, data={"version": _version(app, Client, client.id),
                                           "officer": str(officer_id), "reason": REASON})
        assert response.status_code in (302, 400)
        with app.app_context():
            assert db.session.get(Client, client.id).officer_id == old.id
    assert login_client(app, old).get(url).status_code == 404  # a PK does not hand over
    assert login_client(app, users.make("supervisor", office_code=OFFICE_B)).get(url).status_code == 404


def test_a_forged_choice_gets_the_tables_reason(app, team):
    """The form only offers officers of the Bapas; a forged one is refused by the workflow's guard."""
    from portal.homes import services
    from portal.workflow import NotPermitted
    old, new, supervisor, client = team
    with app.test_request_context():
        from portal.auth.models import User
        actor, record = db.session.get(User, supervisor.id), db.session.get(Client, client.id)
        with pytest.raises(NotPermitted) as refused:
            services.reassign_client(actor, record, old.id, REASON, record.version)
        assert str(refused.value.message) == t(app, "Choose another active probation officer (PK) of this Bapas.")


def test_an_old_version_is_refused_with_the_someone_else_message(app, team):
    old, new, supervisor, client = team
    session = login_client(app, supervisor)
    response = session.post(f"/beranda/klien/{client.public_id}/alihkan", data={
        "version": "999", "officer": str(new.id), "reason": REASON})
    assert response.status_code == 302
    assert t(app, STALE) in session.get(response.headers["Location"]).get_data(as_text=True)


def _post_at_once(app, calls):
    """POST each (user, path, data) through a real threaded server at the same moment; the final pages."""
    with serving(app) as base:
        def send(user, path, data):
            cookie = login_client(app, user).get_cookie("pokmas_session").value

            def post():
                sent = requests.post(f"{base}{path}", data=data, cookies={"pokmas_session": cookie},
                                     allow_redirects=False, timeout=60)
                assert sent.status_code == 302, sent.status_code
                after = sent.cookies.get("pokmas_session") or cookie  # it carries the flashed message
                return requests.get(f"{base}{sent.headers['Location']}", cookies={"pokmas_session": after},
                                    timeout=60).text
            return post
        return at_once([send(*call) for call in calls])


def test_a_reassignment_racing_the_old_pks_status_change(app, team):
    old, new, supervisor, client = team
    version = _version(app, Client, client.id)
    pages = _post_at_once(app, [
        (supervisor, f"/beranda/klien/{client.public_id}/alihkan",
         {"version": version, "officer": str(new.id), "reason": REASON}),
        (old, f"/staf/klien/{client.public_id}/status",
         {"version": version, "action": "intensify", "note": "Tiga kali tidak di rumah saat dikunjungi."})])
    stale = t(app, STALE)
    assert sum(stale in page for page in pages) == 1, "exactly one of the two is told someone else changed it"
    with app.app_context():
        stored = db.session.get(Client, client.id)
        events = [e.action for e in db.session.scalars(select(ClientEvent).where(ClientEvent.client_id == client.id))]
        if stale in pages[1]:  # the reassignment won
            assert (stored.officer_id, stored.status, events) == (new.id, "active", ["reassigned"])
        else:
            assert (stored.officer_id, stored.status, events) == (old.id, "intensive", ["intensify"])
        assert stored.version == version + 1


def test_a_case_reassignment_racing_the_old_pks_step(app, team):
    old, new, supervisor, client = team
    case = make_complaint(app, status="in_review", client=client, officer=old)
    version = _version(app, Complaint, case.id)
    pages = _post_at_once(app, [
        (supervisor, f"/beranda/pengaduan/{case.reference}/alihkan",
         {"version": version, "officer": str(new.id), "reason": REASON}),
        (old, f"/staf/pengaduan/{case.reference}/langkah/start_examination",
         prefixed("start_examination", {"version": version}))])
    stale = t(app, STALE)
    assert sum(stale in page for page in pages) == 1
    with app.app_context():
        stored = db.session.get(Complaint, case.id)
        notes = db.session.scalars(select(ComplaintEvent.action).where(
            ComplaintEvent.complaint_id == case.id,
            ComplaintEvent.action.in_(("reassigned", "start_examination")))).all()
        if stale in pages[1]:
            assert (stored.assigned_officer_id, stored.status, notes) == (new.id, "in_review", ["reassigned"])
        else:
            assert (stored.assigned_officer_id, stored.status, notes) == (old.id, "examination", ["start_examination"])


