"""Review findings on supervision: rules the templates decide but the services do not (a client
no longer under supervision, an assignment that has ended) and the partner sheet's lost update."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from portal.extensions import db
from portal.notifications import Notification
from portal.supervision.models import Condition, PartnerSheet, TravelNotice

from .support import UserFactory, login_client
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
