"""Confidentiality promises of DESIGN §2: what a partner never sees, who alone sees a
complainant's identity, pseudonymous candidates, and tracking that needs the secret."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from sqlalchemy import select

from portal.complaints.models import Complaint
from portal.extensions import db
from portal.jobs.models import Referral
from portal.observations.models import Observation
from portal.partners.models import PartnerOrg

from .pdftext import pdf_text
from .scene import Scene
from .support import OFFICE_B, login_client, make_complaint, make_posting, office, t

TODAY = dt.date.today()
NOT_FOUND = "This page does not exist or is not available to you."
FORBIDDEN = "Your account does not have access to this page."


def text_of(response) -> str:
    """What a response shows a reader: the page, the CSV, or the words of a PDF."""
    if response.mimetype == "application/pdf":
        return " ".join(pdf_text(response.data).split())
    return response.get_data(as_text=True)


def refused(app, response, status: int) -> None:
    """The request was refused with `status` and the translated error page says why."""
    assert response.status_code == status
    message = t(app, {403: FORBIDDEN, 404: NOT_FOUND}[status])
    assert message in response.get_data(as_text=True)


def _employer(app, partner) -> None:
    with app.app_context():
        db.session.get(PartnerOrg, partner.partner_org_id).kind = "employer"
        db.session.commit()


def _rename(app, user, name: str) -> None:
    from portal.auth.models import User
    with app.app_context():
        db.session.get(User, user.id).name = name
        db.session.commit()


# ---------------------------------------------------------------- what a partner never sees

def test_partner_never_sees_nik_offence_decree_other_partners_or_complaints(app, users, clients, mailbox):
    officer = users.make("officer")
    ours, theirs = users.make("partner"), users.make("partner")
    _employer(app, ours)
    _rename(app, theirs, "Rahmat Hidayat")
    record = clients.make(officer=officer, full_name="Dewi Lestari", nik="3273011201900007",
                          decree_number="PAS-77.PK.01.04/2026", register_number="PB.77/BDG/2026",
                          offence_category="theft", special_conditions="Rahasia: terapi adiksi")
    proposed = clients.make(officer=officer, full_name="Agus Salim", nik="3273011201900008",
                            decree_number="PAS-78.PK.01.04/2026", register_number="PB.78/BDG/2026",
                            offence_category="theft")
    clients.assign(record, ours.partner_org_id)
    clients.assign(record, theirs.partner_org_id)
    staff, partner, other = (login_client(app, u) for u in (officer, ours, theirs))
    # the other organisation reports a concern and files a complaint about the client
    other.post(f"/mitra/klien/{record.public_id}/pengamatan", content_type="multipart/form-data", data={
        "observed_on": TODAY.isoformat(), "category": "concern", "submission_key": "theirs-1",
        "narrative": "Catatan organisasi lain: klien terlihat di warung tuak."})
    other.post(f"/mitra/klien/{record.public_id}/pengaduan", content_type="multipart/form-data", data={
        "grounds": ["PROGRAMME_NONCOMPLIANCE"], "declaration": "y", "submission_key": "theirs-2",
        "narrative": "Pengaduan organisasi lain: klien menolak datang bekerja."})
    public = make_complaint(app, client=record, status="in_review", officer=officer,
                            complainant_name="Sri Wahyuningsih", complainant_phone="081377771234",
                            complainant_email="sri.w@test.example",
                            narrative="Pengaduan warga: klien mengancam pedagang di pasar.")
    # our own observation, answered by the officer; a proposal for another client; a referral
    partner.post(f"/mitra/klien/{record.public_id}/pengamatan", content_type="multipart/form-data", data={
        "observed_on": TODAY.isoformat(), "category": "progress", "submission_key": "ours-1",
        "narrative": "Klien rajin bekerja dan tepat waktu."})
    with app.app_context():
        ours_obs = db.session.scalar(select(Observation).where(Observation.partner_org_id == ours.partner_org_id))
        theirs_complaint = db.session.scalar(select(Complaint.reference).where(Complaint.channel == "portal"))
    staff.post(f"/staf/pengamatan/{ours_obs.public_id}/tanggapi",
               data={"version": ours_obs.version, "reply": "Terima kasih atas laporannya."})
    staff.post(f"/staf/klien/{proposed.public_id}/penugasan", data={
        "partner_org_id": str(ours.partner_org_id), "relationship_kind": "mentor",
        "starts_on": TODAY.isoformat(), "ends_on": "2027-06-30"})
    posting = make_posting(app, ours.partner_org_id, excluded_offences=["sexual"])
    staff.post(f"/staf/klien/{record.public_id}/rujuk", data={
        "opportunity": posting.public_id, "consent_on": TODAY.isoformat(), "consent_method": "in_person",
        "disclosure": "now", "summary": "Terampil menjahit dan disiplin.", "submission_key": "r-1"})
    with app.app_context():
        code = db.session.scalar(select(Referral.code))

    pages = {}
    for url in ("/mitra/", "/mitra/klien/", f"/mitra/klien/{record.public_id}",
                f"/mitra/klien/{record.public_id}/pengamatan", f"/mitra/klien/pengamatan/{ours_obs.public_id}",
                "/mitra/klien/penugasan", f"/mitra/klien/{record.public_id}/pengaduan", "/mitra/pengaduan/",
                "/lowongan/", f"/lowongan/{posting.public_id}", "/mitra/lowongan/", f"/mitra/kandidat/{code}",
                "/mitra/kandidat.csv", "/notifikasi/"):
        response = partner.get(url)
        assert response.status_code == 200, url
        pages[url] = response.get_data(as_text=True)
    mails = mailbox.to(ours.email)
    assert len(mails) == 2  # the assignment proposal and the new candidate
    pages.update({f"email {m['Subject']}": m["Subject"] + "\n" + mailbox.body(m) for m in mails})

    # what the partner needs is there
    detail = pages[f"/mitra/klien/{record.public_id}"]
    assert "Dewi Lestari" in detail and officer.name in detail and "(022) 7534015" in detail
    assert "Terima kasih atas laporannya." in pages[f"/mitra/klien/pengamatan/{ours_obs.public_id}"]
    assert "Agus Salim" in pages["/mitra/klien/penugasan"]
    assert "Dewi Lestari" in pages[f"/mitra/kandidat/{code}"]  # released with the client's consent
    # what DESIGN §2 withholds is nowhere
    withheld = {
        "NIK": ("3273011201900007", "3273011201900008"),
        "offence": (t(app, "Theft or robbery"), "theft"),
        "SK / register numbers": ("PAS-77.PK.01.04/2026", "PAS-78.PK.01.04/2026", "PB.77/BDG/2026",
                                  "PB.78/BDG/2026"),
        "special conditions": ("Rahasia: terapi adiksi",),
        "other partner's observation": ("warung tuak",),
        "complaints about the client": (public.reference, theirs_complaint, "mengancam pedagang",
                                        "menolak datang bekerja"),
        "complainants": ("Sri Wahyuningsih", "081377771234", "sri.w@test.example", "Rahmat Hidayat",
                         theirs.email),
    }
    for where, text in pages.items():
        for what, values in withheld.items():
            for value in values:
                assert value not in text, f"{what} ({value}) shown on {where}"
    for reference in (public.reference, theirs_complaint):  # nor by typing the reference
        refused(app, partner.get(f"/mitra/pengaduan/{reference}"), 404)
        refused(app, partner.get(f"/staf/pengaduan/{reference}"), 404)


# ---------------------------------------------------------------- the complainant's identity

IDENTITY = ("Sri Wahyuningsih", "081377771234", "sri.w@test.example")

# who | case page | complainant page | complainant's BAP: PDF, signed scan | proposal letter |
# scanned letter | CSV
MAY_NOT_SEE = [
    ("unassigned officer of the Bapas", 200, 403, 404, 404, 200, 404, 200),
    ("officer of another Bapas", 404, 404, 404, 404, 404, 404, 200),
    ("supervisor of another Bapas", 404, 404, 404, 404, 404, 404, 200),
    ("head of another Bapas", 404, 404, 404, 404, 404, 404, 200),
    ("regional office of the province", 200, 403, 404, 404, 200, 404, 200),
    ("regional office of another province", 404, 404, 404, 404, 404, 404, 200),
    ("admin", 404, 404, 404, 404, 404, 404, 403),
    ("partner supporting the client", 404, 404, 404, 404, 404, 404, 403),
]


@pytest.fixture
def case(app, users, clients, orgs):
    """A proposed revocation case with its BAPs, proposal letter, scanned letter and evidence."""
    scene = Scene(app, users, clients, orgs)
    scene.complaint("proposed", documents=True, channel="letter", complainant_name=IDENTITY[0],
                    complainant_phone=IDENTITY[1], complainant_email=IDENTITY[2])
    people = {
        "assigned officer": scene.officer, "supervisor": scene.supervisor, "head": scene.head,
        "unassigned officer of the Bapas": users.make("officer"),
        "officer of another Bapas": users.make("officer", office_code=OFFICE_B),
        "supervisor of another Bapas": users.make("supervisor", office_code=OFFICE_B),
        "head of another Bapas": users.make("head", office_code=OFFICE_B),
        "regional office of the province": scene.regional,
        "regional office of another province": users.make("regional", region_name="Jawa Tengah"),
        "admin": scene.admin, "partner supporting the client": scene.partner}
    v = scene.values
    urls = {"case": f"/staf/pengaduan/{v['ref']}", "complainant": f"/staf/pengaduan/{v['ref']}/pelapor",
            "complainant_bap": f"/staf/pengaduan/{v['ref']}/dokumen/{v['bap_complainant']}",
            "bap_scan": f"/staf/pengaduan/{v['ref']}/berkas/{v['bap_scan']}",
            "proposal": f"/staf/pengaduan/{v['ref']}/dokumen/{v['proposal']}",
            "letter": f"/staf/pengaduan/{v['ref']}/berkas/{v['letter']}",
            "csv": "/staf/pengaduan/ekspor.csv"}
    return scene, people, urls


@pytest.mark.parametrize("who", ["assigned officer", "supervisor", "head"])
def test_the_assigned_officer_supervisors_and_head_see_the_complainant(app, case, who):
    scene, people, urls = case
    session = login_client(app, people[who])
    page = session.get(urls["case"]).get_data(as_text=True)
    assert t(app, "Show the identity (the view is recorded)") in page
    for link in ("complainant_bap", "bap_scan", "letter", "proposal"):
        assert urls[link] in page, link
    shown = session.get(urls["complainant"]).get_data(as_text=True)
    assert all(part in shown for part in IDENTITY)
    assert IDENTITY[0] in text_of(session.get(urls["complainant_bap"]))
    for url in (urls["case"], urls["proposal"], urls["csv"]):  # only where it is asked for
        assert not any(part in text_of(session.get(url)) for part in IDENTITY), url


@pytest.mark.parametrize("who, case_page, complainant, complainant_bap, bap_scan, proposal, letter, csv",
                         MAY_NOT_SEE)
def test_nobody_else_sees_the_complainant(app, case, who, case_page, complainant, complainant_bap, bap_scan,
                                         proposal, letter, csv):
    scene, people, urls = case
    session = login_client(app, people[who])
    expected = {"case": case_page, "complainant": complainant, "complainant_bap": complainant_bap,
                "bap_scan": bap_scan, "proposal": proposal, "letter": letter, "csv": csv}
    for name, status in expected.items():
        response = session.get(urls[name])
        if status == 200:
            assert response.status_code == 200, name
            text = text_of(response)
            for part in IDENTITY:
                assert part not in text, f"{part} on {name}"
        else:
            refused(app, response, status)
    if case_page == 200:
        page = session.get(urls["case"]).get_data(as_text=True)
        assert f">{t(app, 'Confidential')}</dd>" in page
        for hidden in ("complainant", "complainant_bap", "bap_scan", "letter"):
            assert urls[hidden] not in page, hidden
        assert urls["proposal"] in page
    if proposal == 200:  # the regional office still gets the proposal, without the complainant
        letter_text = text_of(session.get(urls["proposal"]))
        assert scene.client.full_name in letter_text and scene.client.register_number in letter_text


def test_the_audit_log_an_admin_reads_names_no_complainant(app, users):
    with app.app_context():
        office_id = office().id
    app.test_client().post("/pengaduan/baru", content_type="multipart/form-data", data={
        "complainant_name": IDENTITY[0], "complainant_phone": IDENTITY[1], "complainant_email": IDENTITY[2],
        "complainant_relationship": "tetangga", "office_id": str(office_id), "client_name": "Seseorang",
        "grounds": ["PUBLIC_UNREST"], "declaration": "y", "submission_key": "admin-log",
        "narrative": "Sering membuat keributan di gang pada malam hari dan mengancam warga."})
    supervisor = login_client(app, users.make("supervisor"))
    with app.app_context():
        reference = db.session.scalar(select(Complaint.reference))
    supervisor.get(f"/staf/pengaduan/{reference}/pelapor")
    page = login_client(app, users.make("admin")).get("/admin/audit").get_data(as_text=True)
    assert 'data-action="complaint.submitted"' in page
    assert 'data-action="complaint.complainant_viewed"' in page
    assert "Identitas pelapor dilihat" in page and f"Pengaduan {reference}" in page
    assert not any(part in page for part in IDENTITY)


def test_the_audit_log_hides_which_partner_filed_a_complaint(app, users, clients):
    """A partner who files, answers or withdraws is the complainant: the admin's log must not
    say which partner it was, not even through a search by the partner's email."""
    partner = users.make("partner", email="pelapor.mitra@contoh.example")
    record = clients.make()
    clients.assign(record, partner.partner_org_id)
    filed = login_client(app, partner).post(f"/mitra/klien/{record.public_id}/pengaduan", data={
        "grounds": ["PUBLIC_UNREST"], "declaration": "y", "submission_key": "partner-log",
        "narrative": "Klien mengancam rekan kerja di bengkel dua kali pekan ini."})
    assert filed.status_code == 302
    admin = login_client(app, users.make("admin"))
    page = admin.get("/admin/audit?action=complaint.").get_data(as_text=True)
    assert 'data-action="complaint.submitted"' in page
    assert "pelapor.mitra@contoh.example" not in page
    assert "pelapor (identitas disembunyikan)" in page
    searched = admin.get("/admin/audit?actor=pelapor.mitra@contoh.example").get_data(as_text=True)
    assert 'data-action="complaint.submitted"' not in searched


# ---------------------------------------------------------------- pseudonymous candidates

def test_a_candidate_stays_pseudonymous_until_the_officer_releases_the_name(app, users, clients, mailbox):
    officer, partner = users.make("officer"), users.make("partner")
    _employer(app, partner)
    record = clients.make(officer=officer, full_name="Hendra Wirawan", nik="3273011201900009",
                          offence_category="theft", decree_number="PAS-79.PK.01.04/2026")
    posting = make_posting(app, partner.partner_org_id, excluded_offences=["sexual"])
    staff = login_client(app, officer)
    staff.post(f"/staf/klien/{record.public_id}/rujuk", data={
        "opportunity": posting.public_id, "consent_on": TODAY.isoformat(), "consent_method": "in_person",
        "disclosure": "after", "summary": "Terampil menjahit, pernah bekerja di konveksi dua tahun.",
        "submission_key": "pseudo-1"})
    with app.app_context():
        code = db.session.scalar(select(Referral.code))
    session = login_client(app, partner)
    surfaces = {"candidate page": f"/mitra/kandidat/{code}", "opportunity page": f"/lowongan/{posting.public_id}",
                "CSV": "/mitra/kandidat.csv"}
    never = (record.nik, "PAS-79.PK.01.04/2026", record.register_number, t(app, "Theft or robbery"),
             record.public_id)

    def read_all() -> dict[str, str]:
        texts = {where: session.get(url).get_data(as_text=True) for where, url in surfaces.items()}
        texts.update({f"email {m['Subject']}": m["Subject"] + mailbox.body(m) for m in mailbox.to(partner.email)})
        return texts

    before = read_all()
    assert len(before) == 4  # three pages and the "new candidate" email
    for where, text in before.items():
        assert code in text, where
        assert "Hendra" not in text, where
        assert not any(value in text for value in never), where
    assert "Terampil menjahit" in before["candidate page"]
    csv_row = next(line for line in before["CSV"].splitlines() if code in line)
    assert csv_row.split(",")[3] == ""  # the name column stays empty
    # an interview does not release the name; only the officer does
    with app.app_context():
        version = db.session.scalar(select(Referral.version))
    session.post(f"/mitra/kandidat/{code}/undang", data={"version": version, "on": TODAY.isoformat()})
    assert not any("Hendra" in text for text in read_all().values())
    # the officer releases it on the confirmation page, with the grounds (issue 10 point 1)
    staff.post(f"/staf/rujukan/{code}/buka-identitas",
               data={"grounds": "Klien setuju namanya dibuka setelah undangan wawancara."})
    after = read_all()
    for where in surfaces:
        assert "Hendra Wirawan" in after[where], where
        assert not any(value in after[where] for value in never), where


# ---------------------------------------------------------------- tracking needs the secret

def _without_typed_values(html: str) -> str:
    return re.sub(r'value="[^"]*"', "", html)


def test_tracking_needs_the_secret_and_says_nothing_otherwise(app):
    complaint = make_complaint(app, status="in_review",
                               narrative="Klien berkelahi di pasar dan mengancam pedagang sayur.")
    with app.app_context():
        office_name = office().name
    no_data = (office_name, "berkelahi di pasar", t(app, "Received"))

    def attempt(reference, secret):
        client = app.test_client()
        response = client.post("/pengaduan/lacak", data={"reference": reference, "secret": secret})
        assert response.status_code == 200
        page = response.get_data(as_text=True)
        assert not any(part in page for part in no_data)
        follow = client.get("/pengaduan/kasus")  # nothing was opened
        assert follow.headers["Location"] == "/pengaduan/lacak"
        return _without_typed_values(page)

    wrong_secret = attempt(complaint.reference, "salah-salah-salah")
    unknown_reference = attempt("ADU-ZZZZ-ZZZZ", "rahasia-uji-1234")
    assert t(app, "The reference number and secret code do not match a complaint.") in wrong_secret
    assert wrong_secret == unknown_reference
    reference_alone = attempt(complaint.reference, "")
    unknown_alone = attempt("ADU-ZZZZ-ZZZZ", "")
    assert t(app, "This field is required.") in reference_alone
    assert reference_alone == unknown_alone  # whether the reference exists is not told either


def test_the_tracking_session_ends_after_thirty_minutes(app):
    complaint = make_complaint(app, status="in_review")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    tracker = app.test_client()
    with time_machine.travel(start, tick=False):
        opened = tracker.post("/pengaduan/lacak", data={"reference": complaint.reference.lower(),
                                                         "secret": "rahasia-uji-1234"})
        assert opened.headers["Location"] == "/pengaduan/kasus"
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        page = tracker.get("/pengaduan/kasus").get_data(as_text=True)
        assert complaint.reference in page
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        ended = tracker.get("/pengaduan/kasus")
        assert ended.headers["Location"] == "/pengaduan/lacak"
        landed = tracker.get("/pengaduan/lacak").get_data(as_text=True)
        assert t(app, "Enter your reference number and secret code again.") in landed
        reply = tracker.post("/pengaduan/kasus/balas", data={"body": "Masih ada?"},
                             content_type="multipart/form-data")
        assert reply.headers["Location"] == "/pengaduan/lacak"
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).events[0].kind == "move"  # no reply stored
