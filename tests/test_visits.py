"""Home visits (issue 11 §4, §8): planned from a client, an observation or the officer's home;
recorded as made or missed; a planned visit leaves the observation open and its record closes
it; a visit recorded twice, even at the same moment, is recorded once."""
from __future__ import annotations

import datetime as dt
import html

import requests
from sqlalchemy import func, select

from portal.audit import AuditEvent
from portal.clients.models import Client, ClientEvent
from portal.extensions import db
from portal.observations.models import Observation
from portal.visits.models import HomeVisit

from .support import PASSWORD, login_client, t
from .test_boundary import at_once, serving

TODAY = dt.date.today()
DONE = {"visited_on": TODAY.isoformat(), "met_whom": "Klien dan ibunya",
        "findings": "Klien tinggal di alamat terdaftar dan sudah bekerja lagi.",
        "next_step": "Kunjungan ulang bulan depan."}


def _concern(app, partner, record) -> str:
    response = login_client(app, partner).post(f"/mitra/klien/{record.public_id}/pengamatan", data={
        "observed_on": TODAY.isoformat(), "category": "concern", "submission_key": "concern-1",
        "narrative": "Klien terlihat mabuk di tempat kerja dua hari berturut-turut."},
        content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        return db.session.scalar(select(Observation.public_id))


def _plan(session, record, observation: str = "", key: str = "plan-1", **overrides):
    data = {"planned_on": TODAY.isoformat(), "purpose": "Memeriksa laporan mitra di rumah klien.",
            "submission_key": key, "observation": observation, **overrides}
    return session.post(f"/staf/kunjungan/rencana/{record.public_id}", data=data)


def _answer(app, session, observation: str, reply: str = "Terima kasih, saya akan berkunjung."):
    """The officer replies to the partner (a new observation is answered before a visit)."""
    with app.app_context():
        version = db.session.scalar(select(Observation.version))
    response = session.post(f"/staf/pengamatan/{observation}/tanggapi", data={
        "version": str(version), "reply": reply, "follow_up": "", "note": ""})
    assert response.status_code == 302
    return response


def _visit(app) -> HomeVisit:
    with app.app_context():
        visit = db.session.scalar(select(HomeVisit).order_by(HomeVisit.id.desc()))
        db.session.expunge(visit)
        return visit


def _setup(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer)
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=30))
    return officer, partner, record


def test_a_planned_visit_leaves_the_concern_open_and_its_record_closes_it(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    staff = login_client(app, officer)
    page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Plan a home visit") not in page  # the partner is answered first
    assert t(app, "Answer the partner first; then you can plan a home visit here.") in page
    _answer(app, staff, observation)
    page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Plan a home visit") in page
    response = _plan(staff, record, observation)
    assert response.status_code == 302 and response.headers["Location"].startswith("/staf/kunjungan/")
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert (item.status, item.follow_up, item.followed_up_at) == ("acknowledged", "home_visit_planned", None)
    partner_page = login_client(app, partner).get(f"/mitra/klien/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Answered", context="observation status") in partner_page

    visit = _visit(app)
    assert staff.post(f"/staf/kunjungan/{visit.public_id}/dilakukan", data=DONE).status_code == 302
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert item.status == "followed_up" and item.follow_up == "home_visit_done"
        assert item.follow_up_note == "Klien tinggal di alamat terdaftar dan sudah bekerja lagi."
        stored = db.session.get(HomeVisit, visit.id)
        assert (stored.status, stored.visited_on, stored.met_whom, stored.next_step) == (
            "done", TODAY, "Klien dan ibunya", "Kunjungan ulang bulan depan.")
        timeline = db.session.scalars(select(ClientEvent.action).where(
            ClientEvent.client_id == record.id).order_by(ClientEvent.id)).all()
    assert timeline[-4:] == ["visit_planned", "observation_visit_planned", "visit_done",
                             "observation_followed_up"]
    shown = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Followed up", context="observation status") in shown
    assert "Klien tinggal di alamat terdaftar dan sudah bekerja lagi." in shown


def test_a_missed_visit_keeps_the_observation_open(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    staff = login_client(app, officer)
    _answer(app, staff, observation)
    _plan(staff, record, observation)
    visit = _visit(app)
    assert staff.post(f"/staf/kunjungan/{visit.public_id}/batal",
                      data={"missed_reason": "Rumah kosong, tetangga bilang klien ke luar kota."}).status_code == 302
    with app.app_context():
        assert db.session.get(HomeVisit, visit.id).status == "missed"
        assert db.session.scalar(select(Observation.status)) == "acknowledged"


def test_home_visit_planned_is_no_longer_a_follow_up_that_closes(app, users, clients):
    """Regression: choosing "home visit planned" closed the observation and no visit existed."""
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    staff = login_client(app, officer)
    with app.app_context():
        version = db.session.scalar(select(Observation.version))
    staff.post(f"/staf/pengamatan/{observation}/tanggapi", data={
        "version": version, "reply": "Terima kasih, kami periksa.", "follow_up": "home_visit_planned"})
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert item.status == "submitted" and item.follow_up is None
    page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert 'value="home_visit_planned"' not in page


def test_recording_twice_keeps_one_record_and_says_so(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    staff = login_client(app, officer)
    _plan(staff, record)
    visit = _visit(app)
    url = f"/staf/kunjungan/{visit.public_id}/dilakukan"
    assert staff.post(url, data=DONE).status_code == 302
    again = staff.post(url, data={**DONE, "findings": "Catatan kedua yang tidak boleh menimpa."},
                       follow_redirects=True).get_data(as_text=True)
    assert html.escape(t(app, "This home visit is already recorded; nothing was changed a second time."),
                       quote=True) in again
    with app.app_context():
        assert db.session.get(HomeVisit, visit.id).findings == DONE["findings"]
        assert db.session.scalar(select(func.count(ClientEvent.id)).where(
            ClientEvent.action == "visit_done")) == 1


def test_a_visit_recorded_in_two_tabs_at_once_is_recorded_once(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    _plan(login_client(app, officer), record)
    visit = _visit(app)
    with serving(app) as base:
        tabs = []
        for _ in range(2):
            tab = requests.Session()
            assert tab.post(f"{base}/masuk", data={"email": officer.email, "password": PASSWORD},
                            timeout=30, allow_redirects=False).status_code == 302
            tabs.append(tab)
        findings = ["Temuan tab pertama: klien ada di rumah.", "Temuan tab kedua: klien ada di rumah."]
        results = at_once([lambda tab=tab, f=f: tab.post(
            f"{base}/staf/kunjungan/{visit.public_id}/dilakukan", data={**DONE, "findings": f},
            timeout=60) for tab, f in zip(tabs, findings, strict=True)])
    assert [r.status_code for r in results] == [200, 200]  # both land on the visit's page
    already = html.escape(t(app, "This home visit is already recorded; nothing was changed a second time."),
                          quote=True)
    recorded = html.escape(t(app, "The home visit is recorded."), quote=True)
    assert sorted(already in r.text for r in results) == [False, True]
    assert sorted(recorded in r.text for r in results) == [False, True]
    with app.app_context():
        stored = db.session.get(HomeVisit, visit.id)
        assert stored.status == "done" and stored.findings in findings
        assert db.session.scalar(select(func.count(ClientEvent.id)).where(
            ClientEvent.action == "visit_done")) == 1
        assert db.session.scalar(select(func.count(AuditEvent.id)).where(
            AuditEvent.action == "visit.record_done")) == 1


def test_a_plan_sent_twice_is_one_visit(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    staff = login_client(app, officer)
    first, second = _plan(staff, record, key="same"), _plan(staff, record, key="same")
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        assert db.session.scalar(select(func.count(HomeVisit.id))) == 1


def test_bad_input_is_explained_and_what_was_typed_stays(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    staff = login_client(app, officer)
    past = _plan(staff, record, planned_on=(TODAY - dt.timedelta(days=3)).isoformat(),
                 purpose="Tujuan yang diketik petugas.")
    assert past.status_code == 400
    page = past.get_data(as_text=True)
    assert t(app, "A visit is planned for today or a later day.") in page
    assert "Tujuan yang diketik petugas." in page
    _plan(staff, record)
    visit = _visit(app)
    half = staff.post(f"/staf/kunjungan/{visit.public_id}/dilakukan",
                      data={**DONE, "findings": "", "met_whom": "Pak RT Sukamaju"})
    assert half.status_code == 400
    page = half.get_data(as_text=True)
    assert "Pak RT Sukamaju" in page and t(app, "This field is required.") in page
    missed = staff.post(f"/staf/kunjungan/{visit.public_id}/batal", data={"missed_reason": ""})
    assert missed.status_code == 400 and t(app, "This field is required.") in missed.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(HomeVisit, visit.id).status == "planned"


def test_another_officer_may_not_plan_or_record(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    other = login_client(app, users.make("officer"))
    assert _plan(other, record).status_code == 403
    _plan(login_client(app, officer), record)
    visit = _visit(app)
    assert other.post(f"/staf/kunjungan/{visit.public_id}/dilakukan", data=DONE).status_code == 403
    supervisor = login_client(app, users.make("supervisor"))
    assert supervisor.post(f"/staf/kunjungan/{visit.public_id}/dilakukan", data=DONE).status_code == 302


def test_the_client_page_plans_and_lists_visits_and_the_timeline_shows_them(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    staff = login_client(app, officer)
    page = staff.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert f'href="/staf/kunjungan/rencana/{record.public_id}"' in page
    _plan(staff, record)
    staff.post(f"/staf/kunjungan/{_visit(app).public_id}/dilakukan", data=DONE)
    page = staff.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert t(app, "Visited", context="visit status") in page
    assert t(app, "Home visit made") in page and DONE["findings"] in page
    head = login_client(app, users.make("head")).get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert "/staf/kunjungan/rencana/" not in head  # the Kepala reads, the PK and the Kasi plan


def test_the_visits_page_lists_the_officers_own_clients(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    other = users.make("officer")
    clients.make(officer=other, full_name="Klien Rekan Sekantor",
                 supervision_start_on=TODAY - dt.timedelta(days=400))
    with app.app_context():
        db.session.get(Client, record.id).supervision_start_on = TODAY - dt.timedelta(days=400)
        db.session.commit()
        name = db.session.get(Client, record.id).full_name
    mine = login_client(app, officer).get("/staf/kunjungan/").get_data(as_text=True)
    assert name in mine and "Klien Rekan Sekantor" not in mine
    assert t(app, "Overdue") in mine
    kasi = login_client(app, users.make("supervisor")).get("/staf/kunjungan/").get_data(as_text=True)
    assert name in kasi and "Klien Rekan Sekantor" in kasi
