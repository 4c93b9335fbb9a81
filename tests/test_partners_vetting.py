"""Vetting in the Bapas of the application: queue, scope, documents, the full path to a partner."""
from __future__ import annotations

import datetime as dt
import io
import re
from urllib.parse import urlsplit

from sqlalchemy import select

from portal import uploads
from portal.audit import AuditEvent
from portal.auth.models import User
from portal.extensions import db
from portal.partners.models import PartnerOrg

from .files import pdf_bytes
from .support import OFFICE_B, login_client

NEW_PASSWORD = "gunung-tangkuban-perahu-9"


def _add_document(app, org):
    with app.app_context():
        stored = db.session.get(PartnerOrg, org.id)
        checked = uploads.CheckedFile(pdf_bytes(), "application/pdf", "ktp.pdf")
        attachment = uploads.store(checked, stored, "id_document")
        db.session.commit()
        return attachment.id


def test_queue_is_oldest_first_and_filters(app, users, orgs):
    old = orgs.make("applied", kind="employer", created_at=dt.datetime(2026, 9, 1, tzinfo=dt.UTC))
    new = orgs.make("applied", kind="ngo")
    orgs.make("unconfirmed")
    client = login_client(app, users.make("supervisor"))
    page = client.get("/staf/mitra/").get_data(as_text=True)
    assert page.index(old.reference) < page.index(new.reference)
    assert client.get("/staf/mitra/?kind=ngo").get_data(as_text=True).count("PKM-") == 1
    aged = client.get("/staf/mitra/?age=30").get_data(as_text=True)
    assert old.reference in aged and new.reference not in aged
    assert client.get("/staf/mitra/?status=active").get_data(as_text=True).count("PKM-") == 0


def test_other_bapas_sees_neither_application_nor_document(app, users, orgs):
    org = orgs.make("applied")
    attachment_id = _add_document(app, org)
    other_staff = login_client(app, users.make("supervisor", office_code=OFFICE_B))
    assert org.reference not in other_staff.get("/staf/mitra/").get_data(as_text=True)
    assert other_staff.get(f"/staf/mitra/{org.public_id}").status_code == 404
    assert other_staff.get(f"/staf/mitra/{org.public_id}/dokumen/{attachment_id}").status_code == 404
    partner = login_client(app, users.make("partner"))
    assert partner.get(f"/staf/mitra/{org.public_id}").status_code == 404
    assert partner.get(f"/staf/mitra/{org.public_id}/dokumen/{attachment_id}").status_code == 404
    own = login_client(app, users.make("supervisor"))
    assert own.get(f"/staf/mitra/{org.public_id}").status_code == 200
    response = own.get(f"/staf/mitra/{org.public_id}/dokumen/{attachment_id}")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.data == pdf_bytes()
    with app.app_context():
        actions = list(db.session.scalars(select(AuditEvent.action)))
    assert "partner.document_downloaded" in actions and "partner.viewed" in actions


def test_document_of_another_application_is_404(app, users, orgs):
    org = orgs.make("applied")
    other = orgs.make("applied")
    attachment_id = _add_document(app, other)
    client = login_client(app, users.make("supervisor"))
    assert client.get(f"/staf/mitra/{org.public_id}/dokumen/{attachment_id}").status_code == 404


def test_request_information_and_the_single_use_answer_link(app, users, orgs, mailbox):
    org = orgs.make("applied")
    client = login_client(app, users.make("supervisor"))
    client.post(f"/staf/mitra/{org.public_id}/request_info",
                data={"info-version": org.version, "info-message": "Mohon kirim NIB organisasi."})
    [email] = mailbox.to(org.email)
    assert "Mohon kirim NIB organisasi." in mailbox.body(email)
    path = urlsplit(mailbox.links(email)[0]).path
    public = app.test_client()
    page = public.get(path).get_data(as_text=True)
    assert "Mohon kirim NIB organisasi." in page
    bad = public.post(path, data={"answer": ""}, content_type="multipart/form-data")
    assert bad.status_code == 200
    done = public.post(path, data={"answer": "NIB terlampir.",
                                   "document_1": (io.BytesIO(pdf_bytes()), "nib.pdf")},
                       content_type="multipart/form-data")
    assert done.status_code == 200
    assert public.get(path).status_code == 404
    with app.app_context():
        stored = db.session.get(PartnerOrg, org.id)
        assert stored.status == "applied"
        assert stored.events[0].note == "NIB terlampir."
        assert [a.purpose for a in uploads.attachments_of(stored)] == ["additional"]


def test_reject_emails_the_reason(app, users, orgs, mailbox):
    org = orgs.make("applied")
    login_client(app, users.make("head")).post(
        f"/staf/mitra/{org.public_id}/reject",
        data={"reject-version": org.version, "reject-reason": "Alamat di luar wilayah Bapas Bandung."})
    [email] = mailbox.to(org.email)
    assert "Alamat di luar wilayah Bapas Bandung." in mailbox.body(email)


def test_from_vetting_to_an_active_partner_who_signs_in(app, users, orgs, mailbox):
    org = orgs.make("applied")
    supervisor = login_client(app, users.make("supervisor"))
    head_user = users.make("head")
    head = login_client(app, head_user)
    today = dt.date.today()
    supervisor.post(f"/staf/mitra/{org.public_id}/checklist", data={
        "checklist-version": org.version, "checklist-documents_verified": "y",
        "checklist-visit_on": today.isoformat(), "checklist-visit_notes": "Kantor yayasan layak."})
    with app.app_context():
        version = db.session.get(PartnerOrg, org.id).version
    # the head may not approve the vetting: that is the supervisor's
    head.post(f"/staf/mitra/{org.public_id}/approve_vetting", data={"approve-version": version})
    with app.app_context():
        assert db.session.get(PartnerOrg, org.id).status == "applied"
    supervisor.post(f"/staf/mitra/{org.public_id}/approve_vetting", data={"approve-version": version})
    assert mailbox.to(head_user.email), "the head hears that a PKS can be signed"
    with app.app_context():
        stored = db.session.get(PartnerOrg, org.id)
        assert stored.status == "vetted"
        version = stored.version
    # a PKS form with an end date before the signing date is refused, and nothing changes
    bad = head.post(f"/staf/mitra/{org.public_id}/record_pks", content_type="multipart/form-data", data={
        "pks-version": version, "pks-pks_number": "W11/PKS/1", "pks-pks_signed_on": today.isoformat(),
        "pks-pks_valid_until": (today - dt.timedelta(days=1)).isoformat(),
        "pks-scan": (io.BytesIO(pdf_bytes()), "pks.pdf")})
    assert bad.status_code == 400
    head.post(f"/staf/mitra/{org.public_id}/record_pks", content_type="multipart/form-data", data={
        "pks-version": version, "pks-pks_number": "W11/PKS/1", "pks-pks_signed_on": today.isoformat(),
        "pks-pks_valid_until": (today + dt.timedelta(days=365)).isoformat(),
        "pks-scan": (io.BytesIO(pdf_bytes()), "pks.pdf")})
    with app.app_context():
        stored = db.session.get(PartnerOrg, org.id)
        assert stored.status == "active" and stored.pks_number == "W11/PKS/1"
        contact = db.session.scalar(select(User).where(User.email == org.email))
        assert contact.role == "partner" and contact.org_admin and contact.partner_org_id == org.id
        assert contact.password_hash is None
        timeline = [e.action for e in stored.events]
    assert timeline[:4] == ["record_pks", "approve_vetting", "update_checklist", "applied"]
    invitation = mailbox.to(org.email)[-1]
    path = urlsplit(mailbox.links(invitation)[0]).path
    partner = app.test_client()
    partner.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    signed = partner.post("/masuk", data={"email": org.email, "password": NEW_PASSWORD})
    assert signed.headers["Location"] == "/beranda/"
    dashboard = partner.get("/mitra/").get_data(as_text=True)
    assert org.name in dashboard and "W11/PKS/1" in dashboard
    detail = supervisor.get(f"/staf/mitra/{org.public_id}").get_data(as_text=True)
    suspend = f'href="/staf/mitra/{org.public_id}/suspend/konfirmasi"'
    assert "W11/PKS/1" in detail and suspend in detail  # suspend is offered


def test_queue_lists_exactly_what_each_filter_asks_and_counts_each_status(app, users, orgs):
    """Issue 3 §3: the queue of the Bapas, oldest first (unconfirmed applications not yet in
    it), filtered by status, kind and waiting time; above it, how many are in each status."""
    now = dt.datetime.now(dt.UTC)

    def made(status, kind, days_ago, office_code="BAPAS-BDG"):
        org = orgs.make(status, kind=kind, office_code=office_code,
                        created_at=now - dt.timedelta(days=days_ago))
        return org.reference

    ngo_20 = made("applied", "ngo", 20)
    employer_10 = made("applied", "employer", 10)
    active_40 = made("active", "ngo", 40)
    made("unconfirmed", "ngo", 50)
    rejected_2 = made("rejected", "employer", 2)
    made("applied", "ngo", 60, office_code=OFFICE_B)
    client = login_client(app, users.make("supervisor"))

    def listed(query=""):
        page = client.get(f"/staf/mitra/{query}").get_data(as_text=True)
        return re.findall(r">(PKM-[A-Z0-9-]+)</a>", page)

    assert listed() == [active_40, ngo_20, employer_10, rejected_2]
    assert listed("?status=applied") == [ngo_20, employer_10]
    assert listed("?kind=employer") == [employer_10, rejected_2]
    assert listed("?age=14") == [active_40, ngo_20]
    assert listed("?status=applied&kind=ngo&age=7") == [ngo_20]
    page = client.get("/staf/mitra/").get_data(as_text=True)
    counts = dict(re.findall(r'<a href="/staf/mitra/\?status=([a-z_]+)">[^<]+</a>: <strong>(\d+)</strong>',
                             page))
    assert counts == {"applied": "2", "info_requested": "0", "vetted": "0", "active": "1",
                      "suspended": "0", "ended": "0", "rejected": "1"}


def test_a_document_that_does_not_exist_is_404(app, users, orgs):
    org = orgs.make("applied")
    session = login_client(app, users.make("supervisor"))
    assert session.get(f"/staf/mitra/{org.public_id}/dokumen/999999").status_code == 404
