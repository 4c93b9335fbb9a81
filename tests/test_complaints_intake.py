"""Triage and intake (issue 10 point 7): the supervisor finds the client by name, register
number or birth date within the Bapas and picks them from a short list, or registers them
inside triage; a revocation case opened by the Bapas itself from a suspected-violation
observation or from the alert of three missed check-ins, through a confirmation page."""
from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from portal.clients.models import Client
from portal.complaints.models import Complaint
from portal.extensions import db
from portal.observations.models import Observation

from .support import OFFICE_B, login_client, make_complaint

TODAY = dt.date.today()
ACCOUNT = "Mitra melaporkan klien tertangkap tangan mencuri di gudang; saya sudah memeriksa laporannya."


def _case(app, reference: str) -> Complaint:
    with app.app_context():
        complaint = db.session.scalar(select(Complaint).where(Complaint.reference == reference))
        db.session.expunge(complaint)
        return complaint


def _listed(page: str) -> list[str]:
    """The names in the triage page's list of clients to pick from."""
    return re.findall(r'<label for="client-\d+">([^<]+)</label>', page)


def _world(app, users, clients):
    supervisor, officer = users.make("supervisor"), users.make("officer")
    ani = clients.make(full_name="Ani Rahmawati", register_number="PB.12/BDG/2026",
                       birth_on=dt.date(1990, 4, 2), officer=officer)
    clients.make(full_name="Rahmat Hidayat", register_number="PB.13/BDG/2026",
                 birth_on=dt.date(1985, 7, 9))
    clients.make(full_name="Ani Rahmawati Semarang", register_number="PB.12/SMG/2026",
                 birth_on=dt.date(1990, 4, 2), office_code=OFFICE_B)
    complaint = make_complaint(app, client_name="ani rahma", client_register_number=None)
    return supervisor, officer, ani, complaint


def test_the_case_page_links_to_the_triage_page(app, users, clients):
    supervisor, _, _, complaint = _world(app, users, clients)
    page = login_client(app, supervisor).get(f"/staf/pengaduan/{complaint.reference}").get_data(as_text=True)
    assert f'href="/staf/pengaduan/{complaint.reference}/triase"' in page
    assert 'name="triage-register_number"' not in page  # the old one-field form is gone


def test_triage_lists_the_clients_the_complaint_names_within_the_bapas(app, users, clients):
    supervisor, _, _, complaint = _world(app, users, clients)
    page = login_client(app, supervisor).get(f"/staf/pengaduan/{complaint.reference}/triase")
    assert page.status_code == 200
    # "ani rahma" matches by part of the name, any case; not the client of Bapas Semarang
    assert _listed(page.get_data(as_text=True)) == ["Ani Rahmawati"]


def test_triage_finds_by_register_number_and_by_birth_date(app, users, clients):
    supervisor, _, _, complaint = _world(app, users, clients)
    session = login_client(app, supervisor)
    url = f"/staf/pengaduan/{complaint.reference}/triase"
    by_number = session.post(url, data={"step": "find", "find-register_number": "pb.13"})
    assert _listed(by_number.get_data(as_text=True)) == ["Rahmat Hidayat"]
    by_birth = session.post(url, data={"step": "find", "find-birth_on": "1990-04-02"})
    page = by_birth.get_data(as_text=True)
    assert _listed(page) == ["Ani Rahmawati"]
    assert "PB.12/BDG/2026" in page and "2 Apr 1990" in page  # register number, birth date


def test_a_search_without_terms_is_refused_with_the_reason(app, users, clients):
    supervisor, _, _, complaint = _world(app, users, clients)
    response = login_client(app, supervisor).post(
        f"/staf/pengaduan/{complaint.reference}/triase", data={"step": "find", "find-name": ""})
    assert response.status_code == 400
    assert "Isi nama, nomor register, atau tanggal lahir." in response.get_data(as_text=True)


def test_picking_the_client_links_it_and_assigns_the_officer(app, users, clients):
    supervisor, officer, ani, complaint = _world(app, users, clients)
    response = login_client(app, supervisor).post(
        f"/staf/pengaduan/{complaint.reference}/triase",
        data={"step": "pick", "version": complaint.version, "client": ani.public_id,
              "officer_id": str(officer.id)})
    assert response.status_code == 302
    stored = _case(app, complaint.reference)
    assert (stored.status, stored.client_id, stored.assigned_officer_id) == ("in_review", ani.id, officer.id)


def test_picking_needs_a_client_or_later_and_an_officer(app, users, clients):
    supervisor, _, _, complaint = _world(app, users, clients)
    response = login_client(app, supervisor).post(
        f"/staf/pengaduan/{complaint.reference}/triase",
        data={"step": "pick", "version": complaint.version, "client": "", "officer_id": ""})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Pilih klien, atau “tautkan nanti”." in page and "Pilih PK yang ditugaskan." in page
    assert _case(app, complaint.reference).status == "submitted"


def test_a_client_of_another_bapas_cannot_be_picked(app, users, clients):
    supervisor, officer, _, complaint = _world(app, users, clients)
    other = clients.make(office_code=OFFICE_B, full_name="Klien Semarang")
    login_client(app, supervisor).post(
        f"/staf/pengaduan/{complaint.reference}/triase",
        data={"step": "pick", "version": complaint.version, "client": other.public_id,
              "officer_id": str(officer.id)})
    stored = _case(app, complaint.reference)
    assert stored.status == "submitted" and stored.client_id is None


def test_linking_later_assigns_the_officer_only(app, users, clients):
    supervisor, officer, _, complaint = _world(app, users, clients)
    login_client(app, supervisor).post(
        f"/staf/pengaduan/{complaint.reference}/triase",
        data={"step": "pick", "version": complaint.version, "client": "later",
              "officer_id": str(officer.id)})
    stored = _case(app, complaint.reference)
    assert (stored.status, stored.client_id, stored.assigned_officer_id) == ("in_review", None, officer.id)


NEW_CLIENT = {"step": "create", "new-full_name": "Dedi Kurniawan", "new-register_number": "PB.99/BDG/2026",
              "new-programme": "PB", "new-supervision_start_on": "2026-02-01",
              "new-supervision_end_on": "2027-01-31", "new-birth_on": "1992-11-20"}


def test_registering_the_client_inside_triage(app, users, clients):
    supervisor, officer, _, complaint = _world(app, users, clients)
    session = login_client(app, supervisor)
    response = session.post(f"/staf/pengaduan/{complaint.reference}/triase", data={
        **NEW_CLIENT, "new-version": complaint.version, "new-officer_id": str(officer.id)})
    assert response.status_code == 302
    with app.app_context():
        client = db.session.scalar(select(Client).where(Client.register_number == "PB.99/BDG/2026"))
        assert (client.full_name, client.birth_on, client.programme, client.officer_id) == (
            "Dedi Kurniawan", dt.date(1992, 11, 20), "PB", officer.id)
        assert client.office.code == "BAPAS-BDG"
    stored = _case(app, complaint.reference)
    assert (stored.status, stored.client_id, stored.assigned_officer_id) == ("in_review", client.id, officer.id)
    # a second submit of the same form creates nothing twice
    session.post(f"/staf/pengaduan/{complaint.reference}/triase", data={
        **NEW_CLIENT, "new-version": complaint.version, "new-officer_id": str(officer.id)})
    with app.app_context():
        assert len(db.session.scalars(select(Client).where(
            Client.register_number == "PB.99/BDG/2026")).all()) == 1


def test_registering_inside_triage_refuses_bad_input(app, users, clients):
    supervisor, officer, ani, complaint = _world(app, users, clients)
    session = login_client(app, supervisor)
    url = f"/staf/pengaduan/{complaint.reference}/triase"
    missing = session.post(url, data={**NEW_CLIENT, "new-full_name": "", "new-version": complaint.version,
                                      "new-officer_id": str(officer.id)})
    assert missing.status_code == 400 and "Isian ini wajib diisi." in missing.get_data(as_text=True)
    taken = session.post(url, data={**NEW_CLIENT, "new-register_number": ani.register_number,
                                    "new-version": complaint.version, "new-officer_id": str(officer.id)},
                         follow_redirects=True)
    assert "Klien lain di Bapas ini sudah memakai nomor register tersebut" in taken.get_data(as_text=True)
    assert _case(app, complaint.reference).status == "submitted"


def test_only_the_supervisor_triages(app, users, clients):
    _, officer, _, complaint = _world(app, users, clients)
    for who in (officer, users.make("head"), users.make("supervisor", office_code=OFFICE_B)):
        assert login_client(app, who).get(
            f"/staf/pengaduan/{complaint.reference}/triase").status_code in (403, 404)


# ---------------------------------------------------------------- cases from supervision

def _suspected_violation(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    client = clients.make(officer=officer, full_name="Joko Susilo")
    clients.assign(client, partner.partner_org_id)
    response = login_client(app, partner).post(
        f"/mitra/klien/{client.public_id}/pengamatan", content_type="multipart/form-data", data={
            "observed_on": TODAY.isoformat(), "category": "suspected_violation",
            "grounds": ["NEW_OFFENCE"], "submission_key": "intake-observation",
            "narrative": "Klien tertangkap tangan mengambil barang di gudang kami kemarin sore."})
    assert response.status_code == 302
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        return officer, client, observation.public_id, observation.id


def test_opening_a_case_from_a_suspected_violation(app, users, clients):
    officer, client, public_id, observation_id = _suspected_violation(app, users, clients)
    session = login_client(app, officer)
    detail = session.get(f"/staf/pengamatan/{public_id}").get_data(as_text=True)
    assert f'href="/staf/pengaduan/dari-pengamatan/{public_id}"' in detail
    url = f"/staf/pengaduan/dari-pengamatan/{public_id}"
    page = session.get(url).get_data(as_text=True)
    assert "Buka perkara pencabutan" in page and "Joko Susilo" in page
    assert "Temuan pengawasan".lower() in page.lower()
    assert "Dasar: " in page and "NEW_OFFENCE" not in page
    key = re.search(r'name="submission_key" type="hidden" value="([^"]+)"', page).group(1)
    # refused without the officer's account: nothing is created
    refused = session.post(url, data={"submission_key": key, "account": ""})
    assert refused.status_code == 400
    assert "Isi keterangan Anda tentang temuan tersebut." in refused.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(Complaint)) is None
    done = session.post(url, data={"submission_key": key, "account": ACCOUNT})
    assert done.status_code == 302
    twice = session.post(url, data={"submission_key": key, "account": ACCOUNT})
    again = session.post(url, data={"submission_key": "another-key-from-a-new-page", "account": ACCOUNT})
    with app.app_context():
        cases = db.session.scalars(select(Complaint)).all()
        assert len(cases) == 1
        case = cases[0]
        assert (case.channel, case.client_id, case.observation_id, case.grounds, case.status) == (
            "monitoring", client.id, observation_id, ["NEW_OFFENCE"], "submitted")
        assert case.narrative == ACCOUNT and case.recorded_by_id == officer.id
        assert case.incident_from_on == TODAY
    assert done.headers["Location"] == twice.headers["Location"] == again.headers["Location"] == \
        f"/staf/pengaduan/{case.reference}"
    case_page = session.get(f"/staf/pengaduan/{case.reference}").get_data(as_text=True)
    assert "Temuan pengawasan" in case_page


def test_a_concern_opens_no_case(app, users, clients):
    officer, client, _, _ = _suspected_violation(app, users, clients)
    with app.app_context():
        observation = db.session.scalar(select(Observation))
        observation.category, observation.grounds = "concern", []
        db.session.commit()
        public_id = observation.public_id
    session = login_client(app, officer)
    response = session.get(f"/staf/pengaduan/dari-pengamatan/{public_id}")
    assert response.status_code == 302 and response.headers["Location"] == f"/staf/pengamatan/{public_id}"
    assert session.post(f"/staf/pengaduan/dari-pengamatan/{public_id}",
                        data={"submission_key": "k", "account": ACCOUNT}).status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Complaint)) is None


def _three_misses(app, users, clients):
    officer = users.make("officer")
    client = clients.make(officer=officer, full_name="Slamet Riyadi")
    session = login_client(app, officer)
    for month in ("2026-06", "2026-07", "2026-08"):
        assert session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                            data={"month": month, "outcome": "missed"}).status_code == 302
    return officer, client, session


def test_the_alerts_page_names_the_months_and_opens_a_case(app, users, clients):
    officer, client, session = _three_misses(app, users, clients)
    alerts = session.get("/staf/klien/peringatan").get_data(as_text=True)
    assert "Juni 2026, Juli 2026, Agustus 2026" in alerts
    assert f'href="/staf/pengaduan/dari-peringatan/{client.public_id}"' in alerts
    url = f"/staf/pengaduan/dari-peringatan/{client.public_id}"
    page = session.get(url).get_data(as_text=True)
    assert "Bulan tidak melapor yang dihitung: Juni 2026, Juli 2026, Agustus 2026" in page
    assert "Tidak melapor ke Bapas tiga kali berturut-turut" in page and "Slamet Riyadi" in page
    key = re.search(r'name="submission_key" type="hidden" value="([^"]+)"', page).group(1)
    assert session.post(url, data={"submission_key": key, "account": "pendek"}).status_code == 400
    assert session.post(url, data={"submission_key": key, "account": ACCOUNT}).status_code == 302
    session.post(url, data={"submission_key": key, "account": ACCOUNT})
    session.post(url, data={"submission_key": "a-second-page", "account": ACCOUNT})
    with app.app_context():
        cases = db.session.scalars(select(Complaint)).all()
        assert len(cases) == 1
        case = cases[0]
        assert (case.channel, case.client_id, case.grounds, case.missed_visits) == (
            "monitoring", client.id, ["MISSED_REPORTING"], 3)
        assert case.narrative == ACCOUNT + "\n\nBulan tidak melapor: Juni 2026, Juli 2026, Agustus 2026."
        assert (case.incident_from_on, case.incident_to_on) == (dt.date(2026, 6, 1), dt.date(2026, 8, 31))


def test_no_alert_opens_no_case(app, users, clients):
    officer = users.make("officer")
    client = clients.make(officer=officer)
    response = login_client(app, officer).get(f"/staf/pengaduan/dari-peringatan/{client.public_id}")
    assert response.status_code == 302 and response.headers["Location"] == "/staf/klien/peringatan"


def test_the_birth_date_is_shown_to_staff_never_to_partners(app, users, clients):
    partner = users.make("partner")
    client = clients.make(full_name="Wati Lestari", birth_on=dt.date(1988, 3, 14))
    clients.assign(client, partner.partner_org_id)
    staff = login_client(app, users.make("officer")).get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert "14 Mar 1988" in staff
    seen = login_client(app, partner).get(f"/mitra/klien/{client.public_id}").get_data(as_text=True)
    assert "Wati Lestari" in seen and "1988" not in seen


def test_the_register_form_keeps_the_birth_date_and_refuses_a_future_one(app, users):
    session = login_client(app, users.make("supervisor"))
    form = {"full_name": "Tono Sugiarto", "register_number": "PB.55/BDG/2026", "programme": "PB",
            "supervision_start_on": "2026-01-05", "supervision_end_on": "2027-06-30", "officer_id": "",
            "risk_level": "medium", "birth_on": "2999-01-01"}
    refused = session.post("/staf/klien/baru", data=form)
    page = refused.get_data(as_text=True)
    assert refused.status_code == 200 and "Tanggal tidak boleh di masa mendatang." in page
    assert 'value="Tono Sugiarto"' in page
    assert session.post("/staf/klien/baru", data={**form, "birth_on": "1979-08-17"}).status_code == 302
    with app.app_context():
        client = db.session.scalar(select(Client).where(Client.register_number == "PB.55/BDG/2026"))
        assert client.birth_on == dt.date(1979, 8, 17)


def test_five_confirmation_pages_sent_at_once_open_one_case(app, users, clients):
    """The same observation confirmed from five pages (five submission keys) at the same
    moment: one case; every answer leads to it."""
    import requests

    from .test_boundary import at_once, serving
    officer, _, public_id, _ = _suspected_violation(app, users, clients)
    cookie = login_client(app, officer).get_cookie("pokmas_session").value
    with serving(app) as base:
        def send(key):
            response = requests.post(f"{base}/staf/pengaduan/dari-pengamatan/{public_id}",
                                     data={"submission_key": key, "account": ACCOUNT},
                                     cookies={"pokmas_session": cookie}, allow_redirects=False,
                                     timeout=60)
            return response.status_code, response.headers.get("Location")
        results = at_once([lambda k=k: send(f"race-open-{k}") for k in range(5)])
    with app.app_context():
        cases = db.session.scalars(select(Complaint)).all()
    assert len(cases) == 1
    assert results == [(302, f"/staf/pengaduan/{cases[0].reference}")] * 5


def test_triage_is_offered_only_while_the_case_waits_for_it(app, users, clients):
    supervisor, officer, _, _ = _world(app, users, clients)
    reviewed = make_complaint(app, status="in_review", officer=officer)
    response = login_client(app, supervisor).get(f"/staf/pengaduan/{reviewed.reference}/triase",
                                                 follow_redirects=True)
    assert response.request.path == f"/staf/pengaduan/{reviewed.reference}"
    assert "Langkah ini tidak dapat dilakukan selama status" in response.get_data(as_text=True)
