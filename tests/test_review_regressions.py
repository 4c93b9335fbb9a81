"""Regression tests for defects found in the security review."""
from __future__ import annotations

import datetime as dt

import time_machine
from sqlalchemy import select

from portal import mail
from portal.audit import AuditEvent
from portal.clients.models import Client
from portal.complaints.models import Complaint, IssuedDocument
from portal.extensions import db
from portal.mail import OutboxMessage
from portal.partners.models import PartnerOrg

from .support import OFFICE_B, PASSWORD, login_client, make_complaint, make_posting, office, prefixed

TODAY = dt.date.today()


def test_head_cannot_revoke_a_client_outside_the_procedure(app, users, clients):
    record = clients.make()
    login_client(app, users.make("head")).post(f"/staf/klien/{record.public_id}/status",
                                               data={"version": record.version, "action": "temporarily_revoke",
                                                     "note": "Keputusan dengan alasan yang tercatat."})
    with app.app_context():
        assert db.session.get(Client, record.id).status == "active"


def test_transfer_unlinks_the_client_of_the_old_bapas(app, users, clients):
    record = clients.make(full_name="Klien Bandung Rahasia")
    complaint = make_complaint(app, status="submitted", client=record)
    with app.app_context():
        target = office(OFFICE_B).id
    login_client(app, users.make("supervisor")).post(
        f"/staf/pengaduan/{complaint.reference}/langkah/transfer",
        data=prefixed("transfer", {"version": complaint.version, "office_id": str(target)}))
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.office_id == target and stored.client_id is None
    page = login_client(app, users.make("supervisor", office_code=OFFICE_B)).get(
        f"/staf/pengaduan/{complaint.reference}").get_data(as_text=True)
    assert "Klien Bandung Rahasia" not in page and record.register_number not in page


def test_a_bad_subject_never_blocks_the_outbox(app, mailbox):
    with app.test_request_context():
        opportunity = type("O", (), {"title": "Penjahit\rBcc: x@evil.example", "partner_org":
                                     type("P", (), {"name": "Org\nX"})()})()
        mail.queue("a@test.example", "opportunity_pending", "id", opportunity=opportunity)
        mail.queue("b@test.example", "password_changed", "id", user=type("U", (), {"name": "B"})())
        db.session.commit()
    sent = mailbox.flush()
    assert sorted(m["To"] for m in sent) == ["a@test.example", "b@test.example"]
    with app.app_context():
        subjects = db.session.scalars(select(OutboxMessage.subject)).all()
        assert all("\r" not in s and "\n" not in s for s in subjects)


def test_client_ip_comes_from_the_trusted_proxy(make_app, users):
    app = make_app(PROXY_FIX_X_FOR=1, LOGIN_RATE_LIMIT="2 per minute")
    client = app.test_client()
    for _ in range(2):
        client.post("/masuk", data={"email": "x@test.example", "password": "p"},
                    headers={"X-Forwarded-For": "203.0.113.5"})
    assert client.post("/masuk", data={"email": "x@test.example", "password": "p"},
                       headers={"X-Forwarded-For": "203.0.113.5"}).status_code == 429
    assert client.post("/masuk", data={"email": "x@test.example", "password": "p"},
                       headers={"X-Forwarded-For": "198.51.100.7"}).status_code == 200
    with app.app_context():
        assert "203.0.113.5" in db.session.scalars(select(AuditEvent.ip)).all()


def test_unassigned_officer_cannot_work_or_unmask_the_case(app, users, clients):
    assigned, other = users.make("officer"), users.make("officer")
    complaint = make_complaint(app, status="examination", officer=assigned, client=clients.make())
    session = login_client(app, assigned)
    session.post(f"/staf/pengaduan/{complaint.reference}/bap", content_type="multipart/form-data", data={
        "version": complaint.version, "subject": "complainant", "subject_name": "Nama Pelapor Rahasia",
        "examined_on": TODAY.isoformat(), "place": "Bapas", "qa-0-q": "Apa?", "qa-0-a": "Ini."})
    with app.app_context():
        document_id = db.session.scalar(select(IssuedDocument.id))
        version = db.session.get(Complaint, complaint.id).version
    intruder = login_client(app, other)
    page = intruder.get(f"/staf/pengaduan/{complaint.reference}").get_data(as_text=True)
    assert "Nama Pelapor Rahasia" not in page
    assert intruder.get(f"/staf/pengaduan/{complaint.reference}/dokumen/{document_id}").status_code == 404
    intruder.post(f"/staf/pengaduan/{complaint.reference}/langkah/request_info",
                  data=prefixed("request_info", {"version": version, "message": "Pertanyaan dari PK lain."}))
    intruder.post(f"/staf/pengaduan/{complaint.reference}/catatan", data={"version": version, "body": "Catatan"})
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.status == "examination" and stored.version == version


def test_a_form_without_a_version_is_stale(app, users, orgs):
    complaint = make_complaint(app)
    officer = users.make("officer")
    login_client(app, users.make("supervisor")).post(
        f"/staf/pengaduan/{complaint.reference}/langkah/triage",
        data=prefixed("triage", {"officer_id": str(officer.id)}),
    )
    org = orgs.make("applied")
    login_client(app, users.make("supervisor")).post(
        f"/staf/mitra/{org.public_id}/reject", data={"reject-reason": "Alasan yang cukup panjang."}
    )
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).status == "submitted"
        assert db.session.get(PartnerOrg, org.id).status == "applied"


def test_csv_exports_do_not_start_formulas(app, users):
    make_complaint(app, client_name='=HYPERLINK("http://evil.example","klik")')
    text = login_client(app, users.make("supervisor")).get("/staf/pengaduan/ekspor.csv").get_data(as_text=True)
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_verification_is_scoped_to_the_bapas(app, users, clients):
    officer = users.make("officer")
    complaint = make_complaint(app, status="examination", officer=officer, client=clients.make())
    login_client(app, officer).post(
        f"/staf/pengaduan/{complaint.reference}/bap",
        content_type="multipart/form-data",
        data={
            "version": complaint.version,
            "subject": "client",
            "subject_name": "K",
            "examined_on": TODAY.isoformat(),
            "place": "Bapas",
            "qa-0-q": "Apa?",
            "qa-0-a": "Ini.",
        },
    )
    with app.app_context():
        code = db.session.scalar(select(IssuedDocument.code))
    other = login_client(app, users.make("officer", office_code=OFFICE_B)).post("/verifikasi", data={"code": code})
    assert complaint.reference not in other.get_data(as_text=True)


def test_partner_access_ends_with_the_pks_even_before_the_daily_job(app, users):
    partner = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, partner.partner_org_id).pks_valid_until = dt.date(2027, 1, 4)
        db.session.commit()
    with time_machine.travel(dt.datetime(2027, 1, 5, 3, tzinfo=dt.UTC), tick=False):
        assert login_client(app, partner).get("/mitra/").status_code == 302


def test_admin_cannot_change_their_own_role(app, users):
    admin = users.make("admin")
    with app.app_context():
        office_id = office().id
    response = login_client(app, admin).post(
        f"/admin/pengguna/{admin.id}",
        data={
            "name": admin.name,
            "email": admin.email,
            "role": "head",
            "office_id": str(office_id),
            "region_id": "",
            "locale": "id",
        },
    )
    assert response.status_code == 200
    with app.app_context():
        from portal.auth.models import User

        assert db.session.get(User, admin.id).role == "admin"


def test_wrong_totp_codes_lock_the_account(make_app):
    from .support import UserFactory

    app = make_app(LOCKOUT_THRESHOLD=3)
    officer = UserFactory(app).make("officer", totp=True)
    client = app.test_client()
    client.post("/masuk", data={"email": officer.email, "password": PASSWORD})
    for _ in range(3):
        client.post("/masuk/kode", data={"code": "000000"})
    fresh = app.test_client()
    assert fresh.post("/masuk", data={"email": officer.email, "password": PASSWORD}).status_code == 200


def test_only_the_clients_officer_releases_the_name(app, users, clients):
    officer, other = users.make("officer"), users.make("officer")
    partner = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, partner.partner_org_id).kind = "employer"
        db.session.commit()
    client = clients.make(officer=officer)
    posting = make_posting(app, partner.partner_org_id)
    login_client(app, officer).post(
        f"/staf/klien/{client.public_id}/rujuk",
        data={
            "opportunity": posting.public_id,
            "consent_on": TODAY.isoformat(),
            "consent_method": "phone",
            "disclosure": "after",
            "summary": "Ringkasan kandidat yang cukup panjang untuk mitra.",
            "submission_key": "x",
        },
    )
    from portal.jobs.models import Referral

    with app.app_context():
        referral = db.session.scalar(select(Referral))
        referral.status = "interview"
        db.session.commit()
        code = referral.code
    login_client(app, other).post(f"/staf/rujukan/{code}/buka-identitas")
    with app.app_context():
        assert db.session.scalar(select(Referral.disclosed_at)) is None
