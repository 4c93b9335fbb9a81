"""Home visits planned from an observation (issue 11 review §3, §4): a new observation is
answered before a visit is planned about it, the page offers planning only to whom the visit
table lets plan, and no other follow-up closes an observation while its visit is planned."""
from __future__ import annotations

import html

from sqlalchemy import func, select

from portal.extensions import db
from portal.observations.models import Observation
from portal.visits.models import HomeVisit

from .support import login_client, t
from .test_visits import DONE, _answer, _concern, _plan, _setup, _visit

REPLY = "Terima kasih, saya akan berkunjung ke rumah klien."


def _shown(app, msgid: str) -> str:
    return html.escape(t(app, msgid), quote=True)


def test_planning_a_visit_on_a_new_observation_still_lets_the_officer_reply(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    staff = login_client(app, officer)
    # Planning first is refused in words (back to the observation), and nothing is planned …
    refused = _plan(staff, record, observation)
    assert refused.status_code == 302
    assert refused.headers["Location"] == f"/staf/pengamatan/{observation}"
    page = staff.get(refused.headers["Location"]).get_data(as_text=True)
    assert _shown(app, "Answer the partner first: a home visit is planned about an observation "
                       "once you have replied to it.") in page
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(HomeVisit)) == 0
        assert db.session.scalar(select(Observation.status)) == "submitted"
    # … so the officer's reply is still possible, and the partner gets it.
    _answer(app, staff, observation, REPLY)
    with app.app_context():
        assert db.session.scalar(select(Observation)).reply == REPLY
    partner_page = login_client(app, partner).get(
        f"/mitra/klien/pengamatan/{observation}").get_data(as_text=True)
    assert REPLY in partner_page
    # Then the visit is planned about the answered observation.
    assert _plan(staff, record, observation).headers["Location"].startswith("/staf/kunjungan/")
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert (item.status, item.reply, item.follow_up) == ("acknowledged", REPLY, "home_visit_planned")


def test_the_observation_page_offers_plan_a_visit_only_to_the_clients_officer(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    _answer(app, login_client(app, officer), observation)
    other_officer = users.make("officer")
    session = login_client(app, other_officer)
    page = session.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    refused = _plan(session, record, observation).status_code
    assert refused == 403  # the visit table's guard refuses this officer …
    assert t(app, "Plan a home visit") not in page  # … so the page does not offer the button
    own = login_client(app, officer).get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Plan a home visit") in own


def test_no_other_follow_up_while_a_visit_is_planned_and_the_visit_closes_it(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    staff = login_client(app, officer)
    _answer(app, staff, observation)
    _plan(staff, record, observation)
    page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Record the follow-up") not in page  # the table refuses it, so no form
    with app.app_context():
        version = db.session.scalar(select(Observation.version))
    refused = staff.post(f"/staf/pengamatan/{observation}/tindak-lanjut", data={
        "version": str(version), "follow_up": "warning_issued", "note": "Teguran lisan."})
    assert refused.status_code == 302
    shown = staff.get(refused.headers["Location"]).get_data(as_text=True)
    assert _shown(app, "A home visit is planned about this observation: record the visit, made or "
                       "missed, first. The visit made closes the observation with its findings.") in shown
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert (item.status, item.follow_up) == ("acknowledged", "home_visit_planned")
    # The visit made closes the observation with its findings.
    visit = _visit(app)
    assert staff.post(f"/staf/kunjungan/{visit.public_id}/dilakukan", data=DONE).status_code == 302
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert (item.status, item.follow_up, item.follow_up_note) == (
            "followed_up", "home_visit_done", "Klien tinggal di alamat terdaftar dan sudah bekerja lagi.")


def test_after_a_missed_visit_the_officer_may_record_another_follow_up(app, users, clients):
    officer, partner, record = _setup(app, users, clients)
    observation = _concern(app, partner, record)
    staff = login_client(app, officer)
    _answer(app, staff, observation)
    _plan(staff, record, observation)
    staff.post(f"/staf/kunjungan/{_visit(app).public_id}/batal",
               data={"missed_reason": "Rumah kosong, tetangga bilang klien ke luar kota."})
    page = staff.get(f"/staf/pengamatan/{observation}").get_data(as_text=True)
    assert t(app, "Record the follow-up") in page
    with app.app_context():
        version = db.session.scalar(select(Observation.version))
    staff.post(f"/staf/pengamatan/{observation}/tindak-lanjut", data={
        "version": str(version), "follow_up": "warning_issued", "note": "Teguran lisan."})
    with app.app_context():
        item = db.session.scalar(select(Observation))
        assert (item.status, item.follow_up, item.follow_up_note) == (
            "followed_up", "warning_issued", "Teguran lisan.")
