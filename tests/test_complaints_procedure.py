"""The revocation procedure: the full path, confidentiality, concurrency, queue and forms.
(Each step by each person from each state: test_complaints_steps.py.)"""
from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from sqlalchemy import select

from portal.clients.models import Client
from portal.complaints.models import Complaint, IssuedDocument
from portal.extensions import db

from .support import GROUNDS, OFFICE_B, login_client, make_complaint, office, prefixed

TODAY = dt.date.today()


def test_the_whole_path_and_what_each_party_sees(app, users, clients, mailbox):
    supervisor, head = users.make("supervisor"), users.make("head")
    officer, _other_officer = users.make("officer"), users.make("officer")
    regional = users.make("regional")
    partner = users.make("partner")
    client = clients.make(officer=officer, register_number="PB.55/BDG/2026", full_name="Joko Susilo")
    clients.assign(client, partner.partner_org_id)
    # the public files (not knowing the record); the register number links it at triage
    public = app.test_client()
    response = public.post("/pengaduan/baru", data={
        "complainant_name": "Ibu Sari", "complainant_email": "sari@test.example",
        "complainant_relationship": "korban", "office_id": str(client.office_id), "client_name": "Joko",
        "client_area": "Coblong", "grounds": ["PUBLIC_UNREST", "MISSED_REPORTING"], "missed_visits": "3",
        "narrative": "Joko mengancam saya di warung dan sering mabuk di depan rumah warga.",
        "incident_from_on": (TODAY - dt.timedelta(days=10)).isoformat(), "incident_place": "Warung Bu Sari",
        "declaration": "y", "submission_key": "path-1",
        "evidence_1": (io.BytesIO(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"), "bukti.pdf")},
        content_type="multipart/form-data")
    receipt = public.get(response.headers["Location"]).get_data(as_text=True)
    reference = re.search(r"ADU-[A-Z0-9]{4}-[A-Z0-9]{4}", receipt).group(0)
    secret = re.search(r"<code>([a-z0-9]{16})</code>", receipt).group(1)
    assert public.get("/pengaduan/tanda-terima").get_data(as_text=True).count(secret) == 0  # shown once
    [emailed] = mailbox.to("sari@test.example")
    assert secret in mailbox.body(emailed)
    with app.app_context():
        stored = db.session.scalar(select(Complaint))
        assert secret not in stored.secret_hash and stored.secret_hash.startswith("$argon2")
        version = stored.version

    sup = login_client(app, supervisor)
    sup.post(f"/staf/pengaduan/{reference}/langkah/triage", data=prefixed('triage', {
        "version": version, "officer_id": str(officer.id), "register_number": "PB.55/BDG/2026"}))
    assert mailbox.to(officer.email), "the officer is told"
    with app.app_context():
        version = db.session.scalar(select(Complaint.version))
    sup.post(
        f"/staf/pengaduan/{reference}/catatan", data={"version": version, "body": "Catatan internal: cek CCTV pasar."}
    )
    with app.app_context():
        stored = db.session.scalar(select(Complaint))
        assert stored.client_id == client.id and stored.status == "in_review"
        version = stored.version

    pk = login_client(app, officer)
    pk.post(
        f"/staf/pengaduan/{reference}/langkah/start_examination",
        data=prefixed("start_examination", {"version": version}),
    )
    for subject, name in (("complainant", "Ibu Sari"), ("client", "Joko Susilo")):
        with app.app_context():
            version = db.session.scalar(select(Complaint.version))
        data = {
            "version": version,
            "subject": subject,
            "subject_name": name,
            "examined_on": TODAY.isoformat(),
            "place": "Ruang pemeriksaan Bapas",
            "qa-0-q": "Apa yang terjadi?",
            "qa-0-a": f"Keterangan {name}.",
        }
        assert (
            pk.post(f"/staf/pengaduan/{reference}/bap", data=data, content_type="multipart/form-data").status_code
            == 302
        )
    with app.app_context():
        version = db.session.scalar(select(Complaint.version))
    pk.post(f"/staf/pengaduan/{reference}/langkah/refer_to_tpp", data=prefixed("refer_to_tpp", {"version": version}))
    with app.app_context():
        version = db.session.scalar(select(Complaint.version))
    sup.post(
        f"/staf/pengaduan/{reference}/tpp",
        data={
            "version": version,
            "held_on": TODAY.isoformat(),
            "kind": "regular",
            "place": "Aula Bapas",
            "chair": str(supervisor.id),
            "secretary": str(officer.id),
            "member_ids": [str(head.id)],
            "team_size": "3",
            "recommendation": "temporary_revocation",
            "minutes": "TPP sepakat merekomendasikan pencabutan sementara.",
        },
    )
    assert mailbox.to(head.email), "the head hears of the recommendation"
    kepala = login_client(app, head)
    with app.app_context():
        version = db.session.scalar(select(Complaint.version))
    kepala.post(
        f"/staf/pengaduan/{reference}/langkah/decide_temporary_revocation",
        data=prefixed("decide_temporary_revocation", {**GROUNDS, "version": version}),
    )
    partner_session = login_client(app, partner)
    assert partner_session.get(f"/mitra/klien/{client.public_id}").status_code == 404  # assignments ended
    with app.app_context():
        assert db.session.get(Client, client.id).status == "temporarily_revoked"
        version = db.session.scalar(select(Complaint.version))
    kepala.post(f"/staf/pengaduan/{reference}/langkah/propose",
                data=prefixed("propose", {**GROUNDS, "version": version}))
    assert mailbox.to(regional.email), "the regional office is told"

    kanwil = login_client(app, regional)
    queue = kanwil.get("/staf/pengaduan/").get_data(as_text=True)
    assert reference in queue
    case_page = kanwil.get(f"/staf/pengaduan/{reference}").get_data(as_text=True)
    assert "cek CCTV" in case_page  # the file, internal notes included
    assert kanwil.get(f"/staf/pengaduan/{reference}/pelapor").status_code == 403  # DESIGN §2
    with app.app_context():
        version = db.session.scalar(select(Complaint.version))
    kanwil.post(f"/staf/pengaduan/{reference}/langkah/forward",
                data=prefixed("forward", {**GROUNDS, "version": version}))
    with app.app_context():
        version = db.session.scalar(select(Complaint.version))
    kanwil.post(
        f"/staf/pengaduan/{reference}/langkah/record_revoked",
        data=prefixed("record_revoked",
            {**GROUNDS, "version": version, "decree_number": "PAS-1.PK.05.09/2027", "decree_on": TODAY.isoformat()},
        ),
    )
    with app.app_context():
        assert db.session.get(Client, client.id).status == "revoked"
        assert db.session.scalar(select(Complaint.status)) == "revoked"
        issued = db.session.scalars(select(IssuedDocument.kind)).all()
        # Each step's document (issue 10, point 4): both BAPs, the TPP minutes, the
        # decision on temporary revocation, the proposal and the Kanwil's forwarding.
        assert sorted(issued) == ["bap_client", "bap_complainant", "forwarding", "proposal",
                                  "temporary_revocation", "tpp_minutes"]

    # the complainant follows with the receipt: status-level only
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": reference, "secret": secret})
    page = tracker.get("/pengaduan/kasus").get_data(as_text=True)
    assert "Dicabut" in page
    for hidden in ("cek CCTV", "Keterangan Joko Susilo", "Kabapas, Kasi BK", "PB.55/BDG/2026"):
        assert hidden not in page
    status_mails = [m for m in mailbox.to("sari@test.example") if reference in m["Subject"]]
    assert len(status_mails) >= 5
    for mail in status_mails:
        assert "Joko" not in mailbox.body(mail) and "CCTV" not in mailbox.body(mail)


def test_tracking_failures_are_counted_per_reference_not_per_shared_address(make_app):
    app = make_app(
        TRACK_FAILURES_PER_IP_AND_REFERENCE="3 per minute",
        TRACK_FAILURES_PER_REFERENCE="5 per minute",
        TRACK_LIMIT_PER_IP="10 per minute",
    )
    complaint = make_complaint(app)
    guesser, honest = app.test_client(), app.test_client()  # both behind one shared address
    for _ in range(3):
        assert (
            guesser.post("/pengaduan/lacak", data={"reference": "ADU-AAAA-AAAA", "secret": "x" * 16}).status_code == 200
        )
    # The guesser is stopped on that reference...
    assert guesser.post("/pengaduan/lacak", data={"reference": "ADU-AAAA-AAAA", "secret": "x" * 16}).status_code == 429
    # ...while the person holding another reference and its secret, from the same address, gets in.
    ok = honest.post("/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"})
    assert ok.status_code == 302 and ok.headers["Location"] == "/pengaduan/kasus"
    # Successful attempts do not count against the reference.
    for _ in range(4):
        assert (
            honest.post(
                "/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"}
            ).status_code
            == 302
        )
    # The address alone has a ceiling too (10 a minute here): 3 guesses and 5 successes counted so
    # far (a refused request does not count); two more attempts pass, the next is refused.
    for n in range(2):
        assert (
            guesser.post("/pengaduan/lacak", data={"reference": f"ADU-BBB{n}-BBBB", "secret": "y" * 16}).status_code
            == 200
        )
    assert guesser.post("/pengaduan/lacak", data={"reference": "ADU-CCCC-CCCC", "secret": "y" * 16}).status_code == 429


def test_complainant_withdraws_before_the_examination_only(app):
    complaint = make_complaint(app, status="in_review")
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"})
    # Issue 10 §1: the withdrawal is confirmed on its own page, with the reason.
    tracker.post("/pengaduan/kasus/tarik", data={"version": complaint.version,
                                                 "grounds_text": "Masalah sudah selesai secara kekeluargaan."})
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).status == "withdrawn"
    examined = make_complaint(app, status="examination")
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": examined.reference, "secret": "rahasia-uji-1234"})
    tracker.post("/pengaduan/kasus/tarik", data={"version": examined.version,
                                                 "grounds_text": "Masalah sudah selesai secara kekeluargaan."})
    with app.app_context():
        assert db.session.get(Complaint, examined.id).status == "examination"


def test_partner_files_about_an_assigned_client(app, users, clients):
    partner = users.make("partner")
    client = clients.make()
    clients.assign(client, partner.partner_org_id)
    session = login_client(app, partner)
    data = {
        "grounds": ["PROGRAMME_NONCOMPLIANCE"],
        "narrative": "Klien menolak datang ke tempat kerja tiga minggu berturut-turut.",
        "declaration": "y",
        "submission_key": "p-1",
    }
    first = session.post(f"/mitra/klien/{client.public_id}/pengaduan", data=data, content_type="multipart/form-data")
    second = session.post(f"/mitra/klien/{client.public_id}/pengaduan", data=data, content_type="multipart/form-data")
    assert first.headers["Location"] == second.headers["Location"]
    with app.app_context():
        [complaint] = db.session.scalars(select(Complaint)).all()
        assert complaint.client_id == client.id and complaint.channel == "portal"
    page = session.get(first.headers["Location"]).get_data(as_text=True)
    assert "Diajukan" in page
    stranger = clients.make()
    assert session.get(f"/mitra/klien/{stranger.public_id}/pengaduan").status_code == 404


def test_staff_transcribe_a_letter_with_its_scan(app, users):
    from .files import pdf_bytes

    session = login_client(app, users.make("officer"))
    base = {
        "channel": "letter",
        "complainant_name": "Pak RT",
        "complainant_phone": "081233334444",
        "complainant_relationship": "ketua RT",
        "client_name": "Budi",
        "grounds": ["MOVED_WITHOUT_NOTICE"],
        "narrative": "Sudah dua bulan tidak tinggal di alamat yang terdaftar di RT kami.",
        "declaration": "y",
        "submission_key": "s-1",
    }
    missing = session.post("/staf/pengaduan/baru", data=base, content_type="multipart/form-data")
    assert missing.status_code == 200 and 'aria-invalid="true"' in missing.get_data(as_text=True)
    done = session.post(
        "/staf/pengaduan/baru",
        data={**base, "evidence_1": (io.BytesIO(pdf_bytes()), "surat.pdf")},
        content_type="multipart/form-data",
    )
    page = done.get_data(as_text=True)
    assert re.search(r"<code>[a-z0-9]{16}</code>", page), "the secret is shown once to hand over"
    with app.app_context():
        complaint = db.session.scalar(select(Complaint))
        assert complaint.channel == "letter" and complaint.recorded_by_id is not None


def test_two_staff_at_once_nothing_overwritten(app, users):
    complaint = make_complaint(app)
    first, second = login_client(app, users.make("supervisor")), login_client(app, users.make("head"))
    officer_a, _officer_b = users.make("officer"), users.make("officer")
    first.post(
        f"/staf/pengaduan/{complaint.reference}/langkah/triage",
        data=prefixed("triage", {"version": complaint.version, "officer_id": str(officer_a.id)}),
    )
    late = second.post(
        f"/staf/pengaduan/{complaint.reference}/langkah/close",
        follow_redirects=True,
        data=prefixed("close", {**GROUNDS, "version": complaint.version, "reason": "insufficient"}),
    )
    assert "Orang lain mengubah data ini saat Anda sedang mengerjakannya. Tidak ada yang disimpan" in late.get_data(
        as_text=True
    )
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.status == "in_review" and stored.assigned_officer_id == officer_a.id


def test_queue_order_filters_and_overdue_csv(app, users, clients):
    officer = users.make("officer")
    late = make_complaint(app, status="in_review", officer=officer, due_on=TODAY - dt.timedelta(days=3))
    unassigned = make_complaint(app, due_on=TODAY + dt.timedelta(days=20))
    soon = make_complaint(
        app, status="in_review", officer=officer, due_on=TODAY + dt.timedelta(days=2), grounds=["NEW_OFFENCE"]
    )
    make_complaint(app, office_code=OFFICE_B)
    session = login_client(app, users.make("supervisor"))
    page = session.get("/staf/pengaduan/").get_data(as_text=True)
    assert page.index(unassigned.reference) < page.index(late.reference) < page.index(soon.reference)
    assert page.count(">ADU-") == 3 and "table-danger" in page
    overdue = session.get("/staf/pengaduan/?overdue=y").get_data(as_text=True)
    assert late.reference in overdue and soon.reference not in overdue
    by_ground = session.get("/staf/pengaduan/?ground=NEW_OFFENCE").get_data(as_text=True)
    assert soon.reference in by_ground and late.reference not in by_ground
    csv_text = session.get("/staf/pengaduan/ekspor.csv?overdue=y").get_data(as_text=True)
    assert late.reference in csv_text and soon.reference not in csv_text


def test_officer_claims_an_unassigned_case(app, users):
    officer = users.make("officer")
    complaint = make_complaint(app)
    login_client(app, officer).post(
        f"/staf/pengaduan/{complaint.reference}/tugaskan", data={"version": complaint.version}
    )
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).assigned_officer_id == officer.id
    other = users.make("officer")
    login_client(app, other).post(
        f"/staf/pengaduan/{complaint.reference}/tugaskan", data={"version": complaint.version + 1}
    )
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).assigned_officer_id == officer.id


def test_flag_as_possibly_malicious(app, users):
    officer, stranger = users.make("officer"), users.make("officer")
    complaint = make_complaint(app, officer=officer)
    reason = {"version": complaint.version, "reason": "Pelapor punya sengketa tanah dengan klien."}
    refused = login_client(app, stranger).post(
        f"/staf/pengaduan/{complaint.reference}/tandai", data=reason, follow_redirects=True
    )
    assert (
        "Hanya petugas yang ditugaskan pada kasus ini, kepala seksi atau kepala Bapas yang dapat melakukan langkah ini."
    ) in refused.get_data(as_text=True)
    with app.app_context():
        assert not db.session.get(Complaint, complaint.id).flagged_malicious
    login_client(app, officer).post(f"/staf/pengaduan/{complaint.reference}/tandai", data=reason)
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).flagged_malicious


def test_same_client_complaints_are_linked_with_context(app, users, clients):
    client = clients.make()
    first = make_complaint(app, status="in_review", client=client)
    second = make_complaint(app, client=client)
    page = login_client(app, users.make("supervisor")).get(f"/staf/pengaduan/{second.reference}").get_data(as_text=True)
    assert first.reference in page


def _public_data(app, **overrides):
    with app.app_context():
        office_id = office().id
    data = {
        "complainant_name": "Warga",
        "complainant_phone": "081211112222",
        "complainant_relationship": "tetangga",
        "office_id": str(office_id),
        "client_name": "Seseorang",
        "grounds": ["PUBLIC_UNREST"],
        "declaration": "y",
        "submission_key": "pub-1",
        "narrative": "Sering membuat keributan di gang pada malam hari dan mengancam warga.",
    }
    data.update(overrides)
    return data


def test_public_form_twice_is_one_complaint_and_the_honeypot_keeps_nothing(app):
    client = app.test_client()
    client.post("/pengaduan/baru", data=_public_data(app), content_type="multipart/form-data")
    client.post("/pengaduan/baru", data=_public_data(app), content_type="multipart/form-data")
    client.post(
        "/pengaduan/baru",
        data=_public_data(app, submission_key="bot", homepage="http://spam.example"),
        content_type="multipart/form-data",
    )
    with app.app_context():
        assert len(db.session.scalars(select(Complaint)).all()) == 1


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"grounds": []}, "grounds"),
        ({"declaration": ""}, "declaration"),
        ({"complainant_phone": "", "complainant_email": ""}, "complainant_email"),
        ({"complainant_phone": "12345"}, "complainant_phone"),
        ({"narrative": "pendek"}, "narrative"),
        ({"incident_from_on": "2030-01-01"}, "incident_from_on"),
    ],
)
def test_public_form_bad_input_keeps_what_was_typed(app, overrides, field):
    response = app.test_client().post(
        "/pengaduan/baru", data=_public_data(app, **overrides), content_type="multipart/form-data"
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'aria-invalid="true"' in page
    assert 'value="Seseorang"' in page
    with app.app_context():
        assert db.session.scalar(select(Complaint)) is None


def test_public_form_rate_limit(make_app):
    app = make_app(FORM_RATE_LIMIT="2 per hour")
    client = app.test_client()
    for n in range(2):
        client.post(
            "/pengaduan/baru", data=_public_data(app, submission_key=f"r{n}"), content_type="multipart/form-data"
        )
    assert (
        client.post(
            "/pengaduan/baru", data=_public_data(app, submission_key="r3"), content_type="multipart/form-data"
        ).status_code
        == 429
    )


def test_partner_withdraws_its_own_complaint(app, users, clients):
    partner = users.make("partner")
    client = clients.make()
    complaint = make_complaint(app, client=client, complainant_user_id=partner.id, channel="portal")
    login_client(app, partner).post(f"/mitra/pengaduan/{complaint.reference}/tarik", data={
        "version": complaint.version, "grounds_text": "Klien sudah kembali mengikuti program."})
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).status == "withdrawn"


def test_a_proposal_is_told_to_the_active_regional_office_of_the_province(app, users, clients, orgs,
                                                                         mailbox):
    """§5 "proposed — regional forwards": the head's proposal reaches the Kanwil of the Bapas's
    province — its active accounts, not a deactivated one, not another province."""
    from .scene import Scene
    scene = Scene(app, users, clients, orgs)
    second = users.make("regional")
    gone = users.make("regional", active=False)
    elsewhere = users.make("regional", region_name="Jawa Tengah")
    scene.complaint("temporarily_revoked", baps=True, hearing=True)
    mailbox.flush()
    response = login_client(app, scene.head).post(
        f"/staf/pengaduan/{scene.values['ref']}/langkah/propose",
        data=prefixed("propose", {**GROUNDS, "version": scene.values["complaint_version"]}))
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Complaint.status)) == "proposed"
        from portal.notifications import Notification
        told = set(db.session.scalars(select(Notification.user_id).where(
            Notification.kind == "complaint_proposed")))
    assert told == {scene.regional.id, second.id}
    mailed = {message["To"] for message in mailbox.flush()}
    assert {scene.regional.email, second.email} <= mailed
    assert not {gone.email, elsewhere.email} & mailed


def test_the_queue_counts_each_status_of_the_office_or_of_the_province(app, users):
    """The counts above the queue: Bapas staff count their own Bapas's cases; the regional
    office counts the cases of its province once they are proposed to it (issue 6 §4)."""
    for status, office_code in (("submitted", "BAPAS-BDG"), ("submitted", "BAPAS-BDG"),
                                ("in_review", "BAPAS-BDG"), ("not_pursued", "BAPAS-BDG"),
                                ("proposed", "BAPAS-BDG"), ("forwarded", "BAPAS-CBN"),
                                ("submitted", "BAPAS-CBN"), ("submitted", OFFICE_B),
                                ("revoked", OFFICE_B)):
        make_complaint(app, status=status, office_code=office_code)

    def counts(who) -> dict[str, str]:
        page = login_client(app, who).get("/staf/pengaduan/").get_data(as_text=True)
        return dict(re.findall(r'<a href="/staf/pengaduan/\?status=([a-z_]+)">[^<]+</a>: '
                               r"<strong>(\d+)</strong>", page))

    assert counts(users.make("supervisor")) == {"submitted": "2", "in_review": "1",
                                                "not_pursued": "1", "proposed": "1"}
    assert counts(users.make("officer", office_code=OFFICE_B)) == {"submitted": "1", "revoked": "1"}
    assert counts(users.make("regional")) == {"proposed": "1", "forwarded": "1"}
    assert counts(users.make("regional", region_name="Jawa Tengah")) == {"revoked": "1"}


def test_a_partner_lists_only_the_complaints_it_filed_newest_first(app, users):
    partner, colleague = users.make("partner"), users.make("partner")
    first = make_complaint(app, channel="portal", complainant_user_id=partner.id)
    make_complaint(app, channel="portal", complainant_user_id=colleague.id)
    make_complaint(app)
    second = make_complaint(app, channel="portal", complainant_user_id=partner.id)
    page = login_client(app, partner).get("/mitra/pengaduan/").get_data(as_text=True)
    assert re.findall(r'href="/mitra/pengaduan/(ADU-[A-Z0-9-]+)"', page) == [second.reference,
                                                                            first.reference]


def test_queue_filters_each_say_exactly_which_cases(app, users, clients):
    """The queue (issue 6 §3): unassigned cases first, then by due date; filters by status, by
    officer, overdue (open, the clock running — not while waiting for the complainant — and
    the due date passed), and by the client's name or register number, as the complainant
    wrote it or as the linked record holds it."""
    pk1, pk2 = users.make("officer"), users.make("officer")
    from portal.db import today as wib_today
    day, today = dt.timedelta(days=1), wib_today()  # the portal's day (WIB)
    linked = clients.make(officer=pk2, full_name="Hendra Gunawan", register_number="PB.77/BDG/2026")

    def case(status, officer, due_in_days, **fields):
        return make_complaint(app, status=status, officer=officer, due_on=today + due_in_days * day,
                              **fields).reference

    in_review = case("in_review", pk1, 10, client_name="Slamet Riyadi")
    waiting = case("needs_info", pk1, -5)
    late_unassigned = case("submitted", None, 20)
    late = case("examination", pk2, -1)
    due_today = case("in_review", pk2, 0)
    closed = case("not_pursued", pk1, -10)
    soon_unassigned = case("submitted", None, 5)
    hendra = case("in_review", pk2, 15, client=linked, client_name="")
    written = case("in_review", pk1, 12, client_name="", client_register_number="PB.99/BDG/2025")
    session = login_client(app, users.make("supervisor"))

    def listed(query=""):
        page = session.get(f"/staf/pengaduan/{query}").get_data(as_text=True)
        return re.findall(r">(ADU-[A-Z0-9]{4}-[A-Z0-9]{4})</a>", page)

    assert listed() == [soon_unassigned, late_unassigned, closed, waiting, late, due_today,
                        in_review, written, hendra]
    assert listed("?status=in_review") == [due_today, in_review, written, hendra]
    assert listed(f"?officer={pk1.id}") == [closed, waiting, in_review, written]
    assert listed("?overdue=y") == [late]
    assert listed("?client=SLAMET") == [in_review]                # as the complainant wrote it
    assert listed("?client=hendra%20gunawan") == [hendra]         # the linked record's name
    assert listed("?client=pb.77/bdg") == [hendra]                # the linked record's number
    assert listed("?client=PB.99") == [written]                   # the number the complainant gave
    assert listed(f"?status=in_review&officer={pk2.id}&client=gunawan") == [hendra]


def test_a_new_complaint_is_told_to_the_active_supervisors_of_its_bapas(app, users):
    """§5 "submitted — supervisor triages": a new complaint reaches the supervisors of the Bapas
    it was sent to — active ones only; not its head or officers, not another Bapas."""
    supervisor, second = users.make("supervisor"), users.make("supervisor")
    others = [users.make("supervisor", active=False), users.make("head"), users.make("officer"),
              users.make("supervisor", office_code=OFFICE_B)]
    response = app.test_client().post("/pengaduan/baru", data=_public_data(app),
                                      content_type="multipart/form-data")
    assert response.status_code == 302
    with app.app_context():
        from portal.notifications import Notification
        told = set(db.session.scalars(select(Notification.user_id).where(
            Notification.kind == "complaint_new")))
    assert told == {supervisor.id, second.id}
    assert not told & {person.id for person in others}


def test_the_case_page_shows_the_clients_context_newest_first(app, users, clients):
    """Issue 6 §3 (staff only): next to a case, the other complaints about the same client,
    the partners' recent observations of the client and the client's missed check-ins, newest
    first; nothing of other clients. A client now in another Bapas brings no context along."""
    from portal.clients.models import CheckIn
    from portal.observations.models import Observation
    partner = users.make("partner")
    record, stranger = clients.make(), clients.make()
    assignment = clients.assign(record, partner.partner_org_id)
    older = make_complaint(app, status="not_pursued", client=record)
    this = make_complaint(app, client=record)
    make_complaint(app, client=stranger)
    newer = make_complaint(app, status="in_review", client=record)
    with app.app_context():
        observed = []
        for day in (3, 1, 2):
            observation = Observation(client_id=record.id, office_id=record.office_id,
                                      assignment_id=assignment.id, partner_org_id=partner.partner_org_id,
                                      author_id=partner.id, observed_on=dt.date(2026, 5, day),
                                      category="routine", narrative="<p>Baik.</p>")
            db.session.add(observation)
            db.session.flush()
            observed.append(observation.public_id)
        for month, outcome in ((4, "missed"), (6, "missed"), (5, "attended"), (3, "missed")):
            db.session.add(CheckIn(client_id=record.id, month=dt.date(2026, month, 1), outcome=outcome))
        db.session.add(CheckIn(client_id=stranger.id, month=dt.date(2026, 7, 1), outcome="missed"))
        db.session.commit()
    session = login_client(app, users.make("supervisor", locale="en"))
    page = session.get(f"/staf/pengaduan/{this.reference}?lang=en").get_data(as_text=True)
    context = page.split("Context (staff only)")[1]
    others, rest = context.split("Recent observations from partners")
    observations, misses = rest.split("Missed check-ins")
    assert re.findall(r">(ADU-[A-Z0-9-]+)</a>", others) == [newer.reference, older.reference]
    assert re.findall(r'href="/staf/pengamatan/([^"]+)"', observations) == observed[::-1]
    assert re.findall(r"<li>([A-Za-z]+ 2026)</li>", misses) == ["June 2026", "April 2026", "March 2026"]

    with app.app_context():
        db.session.get(Client, record.id).office_id = office(OFFICE_B).id
        db.session.commit()
    moved = session.get(f"/staf/pengaduan/{this.reference}?lang=en").get_data(as_text=True)
    context = moved.split("Context (staff only)")[1].split("</div>")[0]
    assert context.count("None.") == 3 and older.reference not in context


def test_cases_are_assigned_to_the_active_officers_of_the_bapas_by_name(app, users):
    """§5 "in_review — assigned officer": the officer pickers of the queue and of triage offer
    the probation officers (PK) of this Bapas who are active, by name."""
    from portal.auth.models import User
    names = {}
    for name, role, fields in (("Wulan Sari", "officer", {}), ("Anton Wijaya", "officer", {}),
                               ("Dedi Nonaktif", "officer", {"active": False}),
                               ("Kasi Bukan PK", "supervisor", {}),
                               ("PK Semarang", "officer", {"office_code": OFFICE_B})):
        names[users.make(role, **fields).id] = name
    supervisor = users.make("supervisor")
    with app.app_context():
        for user_id, name in names.items():
            db.session.get(User, user_id).name = name
        db.session.commit()
    complaint = make_complaint(app)
    session = login_client(app, supervisor)

    def options(url, name):
        page = session.get(url).get_data(as_text=True)
        select_html = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
        return [label for value, label in re.findall(r'<option[^>]*value="(\d+)"[^>]*>([^<]*)</option>',
                                                     select_html)]

    assert options("/staf/pengaduan/", "officer") == ["Anton Wijaya", "Wulan Sari"]
    assert options(f"/staf/pengaduan/{complaint.reference}/triase", "officer_id") == ["Anton Wijaya",
                                                                                        "Wulan Sari"]
