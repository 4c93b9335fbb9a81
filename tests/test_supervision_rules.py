"""Supervision rules the tables decide (a client no longer under supervision, an assignment
that has ended, who may withdraw), the partner sheet's lost update and first writes at once, the
add-condition form sent twice, the PK's notes a partner reads, an earlier observation's condition."""
from __future__ import annotations

import datetime as dt
import re

import requests
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.extensions import db
from portal.notifications import Notification
from portal.observations.models import Observation, ObservationRevision
from portal.supervision.models import Condition, PartnerSheet, TravelNotice

from .support import UserFactory, login_client
from .test_boundary import at_once, serving
from .test_supervision import add_condition, people, request_travel, write_sheet  # noqa: F401

TODAY = dt.date.today()


def test_no_condition_is_added_to_a_client_whose_supervision_has_ended(app, users, clients):
    officer = users.make("officer")
    record = clients.make(officer=officer, status="completed")
    add_condition(login_client(app, officer), record, code="other", text="Tidak keluar kota.")
    with app.app_context():
        # The page offers no "Add a condition" button for this client; the POST must not either.
        assert db.session.scalar(select(Condition).where(Condition.client_id == record.id)) is None


def test_no_travel_request_is_recorded_for_a_client_whose_supervision_has_ended(app, users, clients):
    officer = users.make("officer")
    record = clients.make(officer=officer, status="revoked")
    request_travel(login_client(app, officer), f"/staf/klien/{record.public_id}/bepergian/baru",
                   "review-travel-revoked-1")
    with app.app_context():
        assert db.session.scalar(select(TravelNotice).where(TravelNotice.client_id == record.id)) is None


def test_no_partner_sheet_is_written_for_an_ended_assignment(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer)
    ended = clients.assign(record, partner.partner_org_id, status="ended")
    write_sheet(login_client(app, officer), record, ended, [])
    with app.app_context():
        # The client page hides the link for an ended assignment; the route must refuse too,
        # and the organisation that no longer supports the client is not told anything.
        assert db.session.scalar(select(PartnerSheet)) is None
        assert db.session.scalar(select(Notification).where(
            Notification.user_id == partner.id, Notification.kind == "partner_sheet_written")) is None


def test_a_stale_partner_sheet_form_does_not_overwrite_a_newer_sheet(app, people):  # noqa: F811
    officer, _, supervisor, _, record, assignment = people
    pk, kasi = login_client(app, officer), login_client(app, supervisor)
    assert write_sheet(pk, record, assignment, [], contact="Hubungi PK Sari pada jam kerja.",
                       version="").status_code == 302
    with app.app_context():
        first = db.session.scalar(select(PartnerSheet)).version
    # The Kasi and the PK both opened the form at this version; the Kasi saves first.
    assert write_sheet(kasi, record, assignment, [], contact="Hubungi Kasi Budi, 0812-3333-4444.",
                       version=str(first)).status_code == 302
    # The PK's older form is sent afterwards, with the version it was opened at.
    write_sheet(pk, record, assignment, [], contact="Hubungi PK Sari pada jam kerja (lama).",
                version=str(first))
    with app.app_context():
        assert db.session.scalar(select(PartnerSheet)).contact == "Hubungi Kasi Budi, 0812-3333-4444."


def test_the_partner_sheet_offers_withdraw_only_to_whom_the_table_lets_withdraw(app, people):  # noqa: F811
    officer, _, _, partner, record, _ = people
    other_member = UserFactory(app).make("partner", partner_org_id=partner.partner_org_id)
    assert request_travel(login_client(app, partner), f"/mitra/klien/{record.public_id}/bepergian",
                          "review-travel-colleague-1").status_code == 302
    with app.app_context():
        notice = db.session.scalar(select(TravelNotice))
        public_id = notice.public_id
    withdraw_url = f"/mitra/klien/bepergian/{public_id}/tarik"
    page = login_client(app, other_member).get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    # TRAVEL_WORKFLOW's REQUESTER guard refuses the colleague; the page must not offer the button.
    assert withdraw_url not in page


def test_the_add_condition_form_sent_twice_adds_one_condition(app, people):  # noqa: F811
    officer, _, _, _, record, _ = people
    pk = login_client(app, officer)
    page = pk.get(f"/staf/klien/{record.public_id}/syarat/baru").get_data(as_text=True)
    # A form that creates something carries a submission key (house rule), so a double click or
    # a resent POST stores one row.
    assert 'name="submission_key"' in page
    key = re.search(r'name="submission_key"[^>]*value="([^"]+)"', page).group(1)
    for _ in range(2):
        assert add_condition(pk, record, kind="general", code="", text="Wajib lapor setiap bulan.",
                             submission_key=key).status_code == 302
    with app.app_context():
        assert len(list(db.session.scalars(select(Condition).where(
            Condition.client_id == record.id)))) == 1


def test_the_table_refuses_and_the_page_does_not_offer_for_an_ended_supervision(app, users, clients):
    officer = users.make("officer")
    record = clients.make(officer=officer, status="completed")
    pk = login_client(app, officer)
    for form in ("syarat/baru", "bepergian/baru"):
        refused = pk.get(f"/staf/klien/{record.public_id}/{form}", follow_redirects=True)
        assert "Klien sudah tidak dalam pembimbingan." in refused.get_data(as_text=True)
    page = pk.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert f"/staf/klien/{record.public_id}/syarat/baru" not in page
    assert f"/staf/klien/{record.public_id}/bepergian/baru" not in page


def test_a_sheet_for_a_proposed_assignment_is_written_and_nobody_is_told_yet(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner", org_admin=True)
    record = clients.make(officer=officer)
    proposed = clients.assign(record, partner.partner_org_id, status="proposed")
    assert write_sheet(login_client(app, officer), record, proposed, []).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(PartnerSheet)).contact == \
            "Hubungi PK Sari di 0812-1111-2222 pada jam kerja; darurat: polisi."
        assert db.session.scalar(select(Notification).where(
            Notification.user_id == partner.id, Notification.kind == "partner_sheet_written")) is None


def test_two_first_sheets_sent_at_once_store_one_and_refuse_the_other(app, people):  # noqa: F811
    officer, _, supervisor, _, record, assignment = people
    cookies = [{"pokmas_session": login_client(app, who).get_cookie("pokmas_session").value}
               for who in (officer, supervisor)]
    url = f"/staf/klien/{record.public_id}/penugasan/{assignment.id}/lembar"
    contacts = ["Hubungi PK Sari pada jam kerja.", "Hubungi Kasi Budi, 0812-3333-4444."]
    with serving(app) as base:
        def send(i):
            return lambda: requests.post(f"{base}{url}", data={"contact": contacts[i], "version": ""},
                                         cookies=cookies[i], allow_redirects=False, timeout=60).status_code
        results = at_once([send(0), send(1)])
    with app.app_context():
        sheets = db.session.scalars(select(PartnerSheet)).all()
        written = db.session.scalars(select(AuditEvent).where(
            AuditEvent.action == "partner_sheet.written")).all()
    # Both answer with a redirect (the one refused says why); one sheet, audited once, no 500.
    assert results == [302, 302]
    assert len(sheets) == 1 and sheets[0].contact in contacts and len(written) == 1


def test_the_partner_reads_the_pks_note_only_on_its_own_requests(app, people):  # noqa: F811
    officer, _, _, partner, record, _ = people
    pk, mitra = login_client(app, officer), login_client(app, partner)
    request_travel(mitra, f"/mitra/klien/{record.public_id}/bepergian", "note-own-1",
                   destination="Kota Surabaya")
    request_travel(pk, f"/staf/klien/{record.public_id}/bepergian/baru", "note-pk-1",
                   destination="Kabupaten Garut")
    with app.app_context():
        notices = {n.destination: (n.public_id, n.version) for n in db.session.scalars(select(TravelNotice))}
    for place, note in (("Kota Surabaya", "Lapor ke Bapas sehari setelah kembali."),
                        ("Kabupaten Garut", "Menginap di rumah paman, Jl. Cempaka 3.")):
        public_id, version = notices[place]
        assert pk.post(f"/staf/bepergian/{public_id}", data={
            "version": version, "decision": "approve", "note": note}).status_code == 302
    page = mitra.get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert "Diizinkan bepergian ke Kota Surabaya" in page
    assert "Lapor ke Bapas sehari setelah kembali." in page
    assert "Diizinkan bepergian ke Kabupaten Garut" in page
    assert "Menginap di rumah paman, Jl. Cempaka 3." not in page


def test_a_corrected_observation_keeps_the_condition_of_its_earlier_version(app, people):  # noqa: F811
    officer, _, _, partner, record, assignment = people
    pk, mitra = login_client(app, officer), login_client(app, partner)
    add_condition(pk, record, code="other", text="Tidak mendatangi rumah korban.")
    write_sheet(pk, record, assignment, [_only_condition(app, record)])
    assert mitra.post(f"/mitra/klien/{record.public_id}/pengamatan", content_type="multipart/form-data",
                      data={"observed_on": TODAY.isoformat(), "category": "routine",
                            "narrative": "Klien terlihat di dekat rumah korban.",
                            "condition_id": str(_only_condition(app, record)),
                            "submission_key": "rev-cond-1"}).status_code == 302
    with app.app_context():
        public_id = db.session.scalar(select(Observation.public_id))
    assert mitra.post(f"/mitra/klien/pengamatan/{public_id}/ubah", data={
        "observed_on": TODAY.isoformat(), "category": "routine", "condition_id": "",
        "narrative": "Klien bekerja seperti biasa; laporan sebelumnya keliru."}).status_code == 302
    with app.app_context():
        [revision] = db.session.scalars(select(ObservationRevision)).all()
        assert revision.condition_id == _only_condition(app, record)
        assert db.session.scalar(select(Observation.condition_id)) is None
    page = pk.get(f"/staf/pengamatan/{public_id}").get_data(as_text=True)
    versions = page.split("Versi sebelumnya", 1)[1]
    assert "Syarat: Syarat lain: Tidak mendatangi rumah korban." in versions


def _only_condition(app, record) -> int:
    with app.app_context():
        return db.session.scalar(select(Condition.id).where(Condition.client_id == record.id))
