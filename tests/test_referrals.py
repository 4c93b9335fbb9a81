"""Referrals: consent, eligibility, disclosure, placement → assignment (what a partner never
sees of a candidate: test_promises_confidentiality.py)."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.clients.models import Assignment
from portal.extensions import db
from portal.jobs.models import Opportunity, Referral
from portal.notifications import Notification
from portal.partners.models import PartnerOrg

from .support import OFFICE_B, login_client, make_posting

TODAY = dt.date.today()


@pytest.fixture
def world(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, partner.partner_org_id).kind = "employer"
        db.session.commit()
    client = clients.make(officer=officer, full_name="Hendra Wirawan", offence_category="theft")
    posting = make_posting(app, partner.partner_org_id, excluded_offences=["sexual"])
    return officer, partner, client, posting


def refer(app, officer, client, posting, **overrides):
    data = {"opportunity": posting.public_id, "consent_on": TODAY.isoformat(),
            "consent_method": "in_person", "disclosure": "after", "consent_assignment": "y",
            "summary": "Terampil menjahit, pernah bekerja di konveksi dua tahun, siap bekerja pagi.",
            "submission_key": "ref-1"}
    data.update(overrides)
    return login_client(app, officer).post(f"/staf/klien/{client.public_id}/rujuk", data=data)


def code_of(app):
    with app.app_context():
        return db.session.scalar(select(Referral.code))


def test_excluded_offence_is_not_eligible_without_saying_why(app, users, clients, world):
    officer, partner, _, posting = world
    excluded = clients.make(officer=officer, offence_category="sexual")
    page = login_client(app, officer).get(f"/staf/klien/{excluded.public_id}/rujuk").get_data(as_text=True)
    assert "Tidak memenuhi syarat" in page or "Not eligible" in page
    assert "sexual" not in page.lower().split("<main")[1] and "seksual" not in page.lower()
    response = refer(app, officer, excluded, posting)
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Referral)) is None


def test_consent_is_required(app, world):
    officer, _, client, posting = world
    response = refer(app, officer, client, posting, consent_on="")
    assert response.status_code == 200 and 'aria-invalid="true"' in response.get_data(as_text=True)
    future = refer(app, officer, client, posting, consent_on=(TODAY + dt.timedelta(days=2)).isoformat())
    assert future.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Referral)) is None


def test_same_referral_form_twice_is_one(app, world):
    officer, _, client, posting = world
    refer(app, officer, client, posting)
    refer(app, officer, client, posting)
    with app.app_context():
        assert len(db.session.scalars(select(Referral)).all()) == 1


def test_disclosure_now_names_the_client_at_once(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now")
    page = login_client(app, partner).get(f"/mitra/kandidat/{code_of(app)}").get_data(as_text=True)
    assert client.full_name in page


def _answer(app, partner, code, answer, **data):
    with app.app_context():
        version = db.session.scalar(select(Referral.version).where(Referral.code == code))
    return login_client(app, partner).post(f"/mitra/kandidat/{code}/{answer}", data={"version": version, **data})


def test_placement_creates_an_assignment_and_fills_the_places(app, world, users, clients):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now")
    code = code_of(app)
    _answer(app, partner, code, "undang", on=TODAY.isoformat())
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    with app.app_context():
        referral = db.session.scalar(select(Referral))
        assert referral.status == "placed"
        assignment = db.session.get(Assignment, referral.assignment_id)
        assert assignment.status == "active" and assignment.partner_org_id == partner.partner_org_id
        kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == officer.id)).all()
        assert kinds.count("referral_update") == 2
    partner_session = login_client(app, partner)
    assert client.full_name in partner_session.get("/mitra/klien/").get_data(as_text=True)
    assert partner_session.post(f"/mitra/klien/{client.public_id}/pengamatan", data={
        "observed_on": TODAY.isoformat(), "category": "progress", "submission_key": "o1",
        "narrative": "Hari pertama bekerja berjalan baik dan tepat waktu."}).status_code == 302
    # a second placement fills the two places and closes the posting
    second = clients.make(officer=officer)
    refer(app, officer, second, posting, disclosure="now", submission_key="ref-2")
    with app.app_context():
        code2 = db.session.scalar(select(Referral.code).where(Referral.client_id == second.id))
    _answer(app, partner, code2, "tawarkan")
    _answer(app, partner, code2, "mulai", on=TODAY.isoformat())
    with app.app_context():
        stored = db.session.get(Opportunity, posting.id)
        assert stored.status == "closed" and stored.closed_reason == "filled"
    _answer(app, partner, code, "selesai", on=TODAY.isoformat())
    with app.app_context():
        referral = db.session.scalar(select(Referral).where(Referral.code == code))
        assert referral.status == "completed"
        assert db.session.get(Assignment, referral.assignment_id).status == "ended"


def test_placement_waits_for_disclosure(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting)
    code = code_of(app)
    _answer(app, partner, code, "tawarkan")
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "offered"


def test_no_assignment_without_the_clients_consent(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now", consent_assignment="")
    code = code_of(app)
    _answer(app, partner, code, "tawarkan")
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    with app.app_context():
        assert db.session.scalar(select(Referral.assignment_id)) is None
    assert login_client(app, partner).get(f"/mitra/klien/{client.public_id}").status_code == 404


def test_decline_needs_a_reason_and_officer_can_withdraw(app, world, users):
    officer, partner, client, posting = world
    refer(app, officer, client, posting)
    code = code_of(app)
    _answer(app, partner, code, "tolak", reason="")
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "proposed"
    login_client(app, officer).post(f"/staf/rujukan/{code}/tarik")
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "withdrawn"
    _answer(app, partner, code, "undang", on=TODAY.isoformat())
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "withdrawn"


def test_other_partners_and_other_bapas_see_nothing(app, world, users):
    officer, partner, client, posting = world
    refer(app, officer, client, posting)
    code = code_of(app)
    assert login_client(app, users.make("partner")).get(f"/mitra/kandidat/{code}").status_code == 404
    outsider = login_client(app, users.make("officer", office_code=OFFICE_B))
    assert outsider.get(f"/staf/rujukan/{code}").status_code == 404
    assert login_client(app, users.make("officer")).get(f"/staf/rujukan/{code}").status_code == 200


def test_staff_and_partner_figures(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now")
    code = code_of(app)
    own = login_client(app, partner).get("/mitra/lowongan/").get_data(as_text=True)
    assert '<p class="display-6 mb-0">1</p><p class="mb-0">' in own  # one published, one waiting
    _answer(app, partner, code, "tawarkan")
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    staff = login_client(app, officer).get("/staf/lowongan/").get_data(as_text=True)
    assert '<p class="display-6 mb-0">1</p>' in staff
