"""Deliberate decisions outside complaints (issue 10 point 1): the status moves staff make by
hand, releasing a client's name to an employer and suspending a partner. Each has a page
that restates what will happen and to whom, refuses without grounds, records the grounds in
the timeline and the audit log, works as a plain form POST, and does nothing twice."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from portal.audit import AuditEvent
from portal.clients.models import Assignment, Client, ClientEvent
from portal.extensions import db
from portal.jobs.models import Referral, ReferralEvent
from portal.partners.models import PartnerOrg

from .support import login_client, make_posting

GROUNDS = "Hasil sidang TPP tanggal 3 November: klien dua kali melanggar jam malam."


def _audits(app, action: str) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == action))


# ---------------------------------------------------------------- supervision status

@pytest.mark.parametrize("action, role, before, after, says", [
    ("intensify", "officer", "active", "intensive", "Status pembimbingan: Aktif → Pengawasan intensif"),
    ("relax", "supervisor", "intensive", "active", "Status pembimbingan: Pengawasan intensif → Aktif"),
    ("complete", "head", "active", "completed", "setiap penugasan mitra langsung berakhir"),
])
def test_a_status_move_goes_through_its_confirmation_page(app, users, clients, action, role, before,
                                                          after, says):
    client = clients.make(status=before, full_name="Hendra Gunawan")
    session = login_client(app, users.make(role))
    detail = session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert f'href="/staf/klien/{client.public_id}/status/{action}"' in detail
    page = session.get(f"/staf/klien/{client.public_id}/status/{action}").get_data(as_text=True)
    assert says in page and "Hendra Gunawan" in page
    assert f'<form method="post" action="/staf/klien/{client.public_id}/status"' in page
    data = {"version": client.version, "action": action}
    refused = session.post(f"/staf/klien/{client.public_id}/status", data={**data, "note": ""})
    assert refused.status_code == 400 and "Isi alasan keputusan ini." in refused.get_data(as_text=True)
    assert session.post(f"/staf/klien/{client.public_id}/status",
                        data={**data, "note": GROUNDS}).status_code == 302
    twice = session.post(f"/staf/klien/{client.public_id}/status", data={**data, "note": GROUNDS},
                         follow_redirects=True)
    assert "Ini sudah disimpan; tidak ada yang diubah untuk kedua kalinya." in twice.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Client, client.id).status == after
        events = db.session.scalars(select(ClientEvent).where(ClientEvent.kind == "status")).all()
        assert [(e.action, e.note) for e in events] == [(action, GROUNDS)]
    assert _audits(app, f"client.{action}") == 1
    assert GROUNDS in session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)


def test_a_move_the_role_may_not_make_shows_no_confirmation_page(app, users, clients):
    client = clients.make()
    response = login_client(app, users.make("head")).get(f"/staf/klien/{client.public_id}/status/intensify")
    assert response.status_code == 302 and response.headers["Location"] == f"/staf/klien/{client.public_id}"


# ---------------------------------------------------------------- releasing the name

def _referral(app, users, clients, status="interview"):
    officer = users.make("officer")
    partner = users.make("partner")
    client = clients.make(officer=officer, full_name="Yusuf Maulana")
    posting = make_posting(app, partner.partner_org_id, title="Operator jahit")
    session = login_client(app, officer)
    response = session.post(f"/staf/klien/{client.public_id}/rujuk", data={
        "opportunity": posting.public_id, "consent_on": dt.date.today().isoformat(),
        "consent_method": "in_person", "disclosure": "after", "submission_key": "confirm-referral",
        "summary": "Terampil menjahit, dua tahun di konveksi, siap bekerja pagi hari."})
    code = response.headers["Location"].rsplit("/", 1)[1]
    with app.app_context():
        referral = db.session.scalar(select(Referral).where(Referral.code == code))
        referral.status = status
        db.session.commit()
    return session, code


def test_releasing_the_name_goes_through_its_confirmation_page(app, users, clients):
    session, code = _referral(app, users, clients)
    detail = session.get(f"/staf/rujukan/{code}").get_data(as_text=True)
    assert f'href="/staf/rujukan/{code}/buka-identitas/konfirmasi"' in detail
    page = session.get(f"/staf/rujukan/{code}/buka-identitas/konfirmasi").get_data(as_text=True)
    assert "Yusuf Maulana" in page and "Operator jahit" in page
    assert "Nama yang sudah dibuka tidak dapat ditarik kembali." in page
    assert f'<form method="post" action="/staf/rujukan/{code}/buka-identitas"' in page
    refused = session.post(f"/staf/rujukan/{code}/buka-identitas", data={"grounds": ""})
    assert refused.status_code == 400 and "Isi alasan pembukaan nama." in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Referral.disclosed_at).where(Referral.code == code)) is None
    assert session.post(f"/staf/rujukan/{code}/buka-identitas", data={"grounds": GROUNDS}).status_code == 302
    twice = session.post(f"/staf/rujukan/{code}/buka-identitas", data={"grounds": GROUNDS},
                         follow_redirects=True)
    assert "Nama sudah dibuka; tidak ada yang diubah untuk kedua kalinya." in twice.get_data(as_text=True)
    with app.app_context():
        events = db.session.scalars(select(ReferralEvent).where(ReferralEvent.action == "disclose")).all()
        assert [e.note for e in events] == [GROUNDS]
    assert _audits(app, "referral.disclose") == 1


def test_the_name_cannot_be_released_before_the_interview(app, users, clients):
    session, code = _referral(app, users, clients, status="proposed")
    response = session.get(f"/staf/rujukan/{code}/buka-identitas/konfirmasi")
    assert response.status_code == 302 and response.headers["Location"] == f"/staf/rujukan/{code}"


# ---------------------------------------------------------------- suspending a partner

def test_suspending_a_partner_goes_through_its_confirmation_page(app, users, orgs, clients):
    org = orgs.make("active", name="Bengkel Las Sejahtera")
    client = clients.make()
    clients.assign(client, org.id)
    session = login_client(app, users.make("supervisor"))
    page = session.get(f"/staf/mitra/{org.public_id}/suspend/konfirmasi").get_data(as_text=True)
    assert "Bengkel Las Sejahtera" in page
    assert "langsung kehilangan akses ke portal" in page and "langsung berakhir" in page
    assert f'<form method="post" action="/staf/mitra/{org.public_id}/suspend"' in page
    with app.app_context():
        version = db.session.get(PartnerOrg, org.id).version
    refused = session.post(f"/staf/mitra/{org.public_id}/suspend",
                           data={"suspend-version": version, "suspend-reason": ""})
    assert refused.status_code == 400
    data = {"suspend-version": version, "suspend-reason": GROUNDS}
    assert session.post(f"/staf/mitra/{org.public_id}/suspend", data=data).status_code == 302
    session.post(f"/staf/mitra/{org.public_id}/suspend", data=data)  # sent twice
    with app.app_context():
        stored = db.session.get(PartnerOrg, org.id)
        assert stored.status == "suspended" and stored.decision_reason == GROUNDS
        assert db.session.scalar(select(Assignment.status)) == "ended"
    assert _audits(app, "partner.suspend") == 1


def test_ending_a_partnership_goes_through_its_confirmation_page(app, users, orgs, clients, mailbox):
    org = orgs.make("active", name="Koperasi Tani Makmur", pks_number="W11.PAS.9-PK.07/2026")
    client = clients.make()
    clients.assign(client, org.id)
    admin = users.make("partner", partner_org_id=org.id, org_admin=True)
    head = login_client(app, users.make("head"))
    detail = head.get(f"/staf/mitra/{org.public_id}").get_data(as_text=True)
    assert f'href="/staf/mitra/{org.public_id}/end/konfirmasi"' in detail
    page = head.get(f"/staf/mitra/{org.public_id}/end/konfirmasi").get_data(as_text=True)
    assert "Koperasi Tani Makmur" in page and "PKS W11.PAS.9-PK.07/2026" in page
    assert f'<form method="post" action="/staf/mitra/{org.public_id}/end"' in page
    with app.app_context():
        version = db.session.get(PartnerOrg, org.id).version
    refused = head.post(f"/staf/mitra/{org.public_id}/end", data={"end-version": version, "end-reason": ""})
    assert refused.status_code == 400
    data = {"end-version": version, "end-reason": GROUNDS}
    assert head.post(f"/staf/mitra/{org.public_id}/end", data=data).status_code == 302
    head.post(f"/staf/mitra/{org.public_id}/end", data=data)  # sent twice
    with app.app_context():
        stored = db.session.get(PartnerOrg, org.id)
        assert stored.status == "ended" and stored.decision_reason == GROUNDS
        assert [e.note for e in stored.events if e.action == "end"] == [GROUNDS]
        assert db.session.scalar(select(Assignment.end_reason)) == "partnership_ended"
    assert _audits(app, "partner.end") == 1
    told = mailbox.to(admin.email)
    assert len(told) == 1 and GROUNDS in mailbox.body(told[0])
    # a supervisor suspends but does not end a partnership
    supervisor = login_client(app, users.make("supervisor"))
    other = orgs.make("active")
    response = supervisor.get(f"/staf/mitra/{other.public_id}/end/konfirmasi")
    assert response.status_code == 302 and response.headers["Location"] == f"/staf/mitra/{other.public_id}"
