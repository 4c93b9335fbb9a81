"""Assignments: the only door through which a partner sees a client — and when it closes."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from sqlalchemy import select

from portal.clients.models import Assignment
from portal.extensions import db
from portal.notifications import Notification
from portal.partners.models import PartnerOrg

from .support import login_client


def test_propose_accept_and_see(app, users, clients, mailbox):
    officer = users.make("officer")
    admin = users.make("partner")
    record = clients.make(officer=officer)
    staff = login_client(app, officer)
    today = dt.date.today()
    response = staff.post(f"/staf/klien/{record.public_id}/penugasan", data={
        "partner_org_id": str(admin.partner_org_id), "relationship_kind": "employer",
        "starts_on": today.isoformat(), "ends_on": (today + dt.timedelta(days=90)).isoformat(),
        "note": "Pelatihan menjahit dua kali seminggu."})
    assert response.status_code == 302
    partner = login_client(app, admin)
    assert partner.get(f"/mitra/klien/{record.public_id}").status_code == 404  # not before accepting
    assert mailbox.to(admin.email), "the organisation admin is told by email"
    with app.app_context():
        assignment = db.session.scalar(select(Assignment))
        assert db.session.scalar(select(Notification).where(Notification.user_id == admin.id))
    proposals = partner.get("/mitra/klien/penugasan").get_data(as_text=True)
    assert record.full_name in proposals and "Pelatihan menjahit" in proposals
    partner.post(f"/mitra/klien/penugasan/{assignment.id}/terima")
    page = partner.get(f"/mitra/klien/{record.public_id}")
    assert page.status_code == 200
    assert record.full_name in partner.get("/mitra/klien/").get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Notification).where(
            Notification.user_id == officer.id, Notification.kind == "assignment_accepted"))


def test_decline_and_only_the_org_admin_decides(app, users, clients):
    admin = users.make("partner")
    member = users.make("partner", partner_org_id=admin.partner_org_id)
    record = clients.make()
    assignment = clients.assign(record, admin.partner_org_id, status="proposed")
    login_client(app, member).post(f"/mitra/klien/penugasan/{assignment.id}/terima")
    with app.app_context():
        assert db.session.get(Assignment, assignment.id).status == "proposed"
    login_client(app, admin).post(f"/mitra/klien/penugasan/{assignment.id}/tolak")
    with app.app_context():
        assert db.session.get(Assignment, assignment.id).status == "declined"
    assert login_client(app, admin).get(f"/mitra/klien/{record.public_id}").status_code == 404


def test_another_org_cannot_answer_or_see(app, users, clients):
    ours = users.make("partner")
    theirs = users.make("partner")
    record = clients.make()
    assignment = clients.assign(record, ours.partner_org_id, status="proposed")
    outsider = login_client(app, theirs)
    assert outsider.post(f"/mitra/klien/penugasan/{assignment.id}/terima").status_code == 404
    clients.assign(record, ours.partner_org_id)
    assert outsider.get(f"/mitra/klien/{record.public_id}").status_code == 404
    assert record.full_name not in outsider.get("/mitra/klien/").get_data(as_text=True)


def test_partner_loses_sight_at_the_end_date(app, users, clients):
    admin = users.make("partner")
    record = clients.make()
    clients.assign(record, admin.partner_org_id, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2026, 12, 15))
    last_day = dt.datetime(2026, 12, 15, 10, tzinfo=dt.UTC)
    with time_machine.travel(last_day, tick=False):
        assert login_client(app, admin).get(f"/mitra/klien/{record.public_id}").status_code == 200
    next_day = dt.datetime(2026, 12, 15, 18, tzinfo=dt.UTC)  # 01:00 WIB on the 16th
    with time_machine.travel(next_day, tick=False):
        assert login_client(app, admin).get(f"/mitra/klien/{record.public_id}").status_code == 404
        result = app.test_cli_runner().invoke(args=["clients", "daily"])
        assert "1 assignment(s) ended" in result.output
    with app.app_context():
        assert db.session.scalar(select(Assignment.end_reason)) == "end_date"


def test_staff_end_an_assignment(app, users, clients):
    admin = users.make("partner")
    record = clients.make()
    assignment = clients.assign(record, admin.partner_org_id)
    login_client(app, users.make("officer")).post(
        f"/staf/klien/{record.public_id}/penugasan/{assignment.id}/akhiri")
    assert login_client(app, admin).get(f"/mitra/klien/{record.public_id}").status_code == 404


def test_suspension_ends_the_organisations_assignments(app, users, clients):
    admin = users.make("partner")
    record = clients.make()
    clients.assign(record, admin.partner_org_id)
    with app.app_context():
        org = db.session.get(PartnerOrg, admin.partner_org_id)
        public_id, version = org.public_id, org.version
    login_client(app, users.make("supervisor")).post(
        f"/staf/mitra/{public_id}/suspend",
        data={"suspend-version": version, "suspend-reason": "Pelanggaran kerahasiaan data."})
    with app.app_context():
        assignment = db.session.scalar(select(Assignment))
        assert assignment.status == "ended" and assignment.end_reason == "partner_suspended"


def test_lapsed_pks_ends_the_assignments(app, users, clients):
    admin = users.make("partner")
    record = clients.make()
    clients.assign(record, admin.partner_org_id)
    with app.app_context():
        db.session.get(PartnerOrg, admin.partner_org_id).pks_valid_until = dt.date(2027, 1, 4)
        db.session.commit()
    with time_machine.travel(dt.datetime(2027, 1, 5, 3, tzinfo=dt.UTC), tick=False):
        app.test_cli_runner().invoke(args=["partners", "daily"])
    with app.app_context():
        assert db.session.scalar(select(Assignment.end_reason)) == "pks_ended"


def test_only_supervised_clients_can_be_assigned(app, users, clients):
    admin = users.make("partner")
    record = clients.make(status="completed")
    login_client(app, users.make("officer")).post(f"/staf/klien/{record.public_id}/penugasan", data={
        "partner_org_id": str(admin.partner_org_id), "relationship_kind": "family",
        "starts_on": "2026-11-01", "ends_on": "2027-01-01"})
    with app.app_context():
        assert db.session.scalar(select(Assignment)) is None


def test_a_partner_lists_its_own_clients_by_name_and_only_its_own_proposals(app, users, clients):
    """The client list shows the clients the organisation supports today, by name; the
    proposals page only the proposals made to this organisation, oldest first."""
    ours, theirs = users.make("partner"), users.make("partner")
    for name in ("Yusuf Halim", "Ani Rahma", "Maya Sari"):
        clients.assign(clients.make(full_name=name), ours.partner_org_id)
    clients.assign(clients.make(full_name="Budi Lain"), theirs.partner_org_id)
    for name in ("Usulan Kedua", "Usulan Pertama"):
        clients.assign(clients.make(full_name=name), ours.partner_org_id, status="proposed")
    clients.assign(clients.make(full_name="Usulan Lain"), theirs.partner_org_id, status="proposed")
    session = login_client(app, ours)
    listed = session.get("/mitra/klien/").get_data(as_text=True)
    assert re.findall(r'<h2 class="h5"><a href="/mitra/klien/[^"]+">([^<]+)</a>', listed) == [
        "Ani Rahma", "Maya Sari", "Yusuf Halim"]
    proposals = session.get("/mitra/klien/penugasan").get_data(as_text=True)
    assert re.findall(r'<h2 class="h5">([^<]+)</h2>', proposals) == ["Usulan Kedua", "Usulan Pertama"]


def test_a_proposal_is_told_to_the_organisations_active_admins_only(app, users, clients, mailbox):
    """Issue 4 §2: the organisation's admin answers a proposal, so the admins are told —
    not its other members, not a deactivated admin, not another organisation."""
    officer = users.make("officer")
    admin = users.make("partner")
    org_id = admin.partner_org_id
    second_admin = users.make("partner", partner_org_id=org_id, org_admin=True)
    member = users.make("partner", partner_org_id=org_id)
    gone = users.make("partner", partner_org_id=org_id, org_admin=True, active=False)
    stranger = users.make("partner")
    record = clients.make(officer=officer)
    today = dt.date.today()
    assert login_client(app, officer).post(f"/staf/klien/{record.public_id}/penugasan", data={
        "partner_org_id": str(org_id), "relationship_kind": "employer",
        "starts_on": today.isoformat(), "ends_on": (today + dt.timedelta(days=90)).isoformat(),
        "note": ""}).status_code == 302
    with app.app_context():
        told = set(db.session.scalars(select(Notification.user_id).where(
            Notification.kind == "assignment_proposed")))
    assert told == {admin.id, second_admin.id}
    mailed = {message["To"] for message in mailbox.flush()}
    assert mailed == {admin.email, second_admin.email}
    assert not {member.email, gone.email, stranger.email} & mailed


@pytest.mark.parametrize("starts_in_days, client_status, sees", [
    (0, "active", True),
    (0, "intensive", True),
    (1, "active", False),                 # the assignment has not started yet
    (0, "temporarily_revoked", False),    # supervision stopped: the door closes at once
    (0, "completed", False),
])
def test_a_partner_sees_a_client_only_from_the_start_and_while_supervised(app, users, clients,
                                                                          starts_in_days, client_status, sees):
    """DESIGN §2: "only clients assigned to their organisation, only while the assignment and
    PKS are active"; a client no longer under supervision is not shown even if the assignment's
    end has not been recorded yet."""
    partner = users.make("partner")
    record = clients.make(status=client_status, full_name="Klien Pintu")
    from portal.db import today as wib_today
    today = wib_today()  # the portal's day (WIB)
    clients.assign(record, partner.partner_org_id, starts_on=today + dt.timedelta(days=starts_in_days),
                   ends_on=today + dt.timedelta(days=60))
    session = login_client(app, partner)
    assert session.get(f"/mitra/klien/{record.public_id}").status_code == (200 if sees else 404)
    assert ("Klien Pintu" in session.get("/mitra/klien/").get_data(as_text=True)) is sees
