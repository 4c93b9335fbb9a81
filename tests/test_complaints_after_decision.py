"""Issue 10 §2, §3: the sanctions ladder (warning, summons with its day, intensified
supervision), the execution after the decree (days counted, overdue after the Bapas's period,
closed on the client's return), the client's other complaints closed, and partners told only
that their support ended. Expected words are the catalogue's Indonesian, written out here."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.clients.models import Client
from portal.complaints.models import Complaint, ComplaintEvent, Sanction
from portal.extensions import db
from portal.offices.models import Office

from .scene import Scene
from .support import GROUNDS, login_client, make_complaint, prefixed
from .test_complaints_decisions import IN_90_DAYS, IN_A_WEEK, _case, _page, _state
from .test_complaints_steps import _prepared

TODAY = dt.date.today()


def test_summons_unanswered_on_the_lists_until_the_answer(app, users, clients):
    officer, head, supervisor = users.make("officer"), users.make("head"), users.make("supervisor")
    complaint, version = _prepared(app, clients, "tpp_hearing", officer)
    url = f"/staf/pengaduan/{complaint.reference}/langkah/decide_summons"
    kepala = login_client(app, head)
    past = kepala.post(url, data=prefixed("decide_summons", {
        **GROUNDS, "version": version, "appear_on": (TODAY - dt.timedelta(days=1)).isoformat(),
        "appear_place": "Kantor Bapas"}))
    assert past.status_code == 200 and "Hari menghadap tidak boleh sudah lewat." in _page(past)
    kepala.post(url, data=prefixed("decide_summons", {
        **GROUNDS, "version": version, "appear_on": IN_A_WEEK, "appear_time": "10:30",
        "appear_place": "Kantor Bapas, ruang PK"}))
    with app.app_context():
        summons = db.session.scalar(select(Sanction))
        assert (summons.kind, summons.appear_on.isoformat(), summons.appear_time, summons.appear_place) == \
            ("summons", IN_A_WEEK, "10:30", "Kantor Bapas, ruang PK")
        letters = db.session.scalars(select(ComplaintEvent.body).where(
            ComplaintEvent.action == "letter_recorded")).all()
        assert any(b.startswith("Surat panggilan kepada klien") for b in letters)
        summons.appear_on = TODAY - dt.timedelta(days=2)  # the day passes with no answer
        db.session.commit()
        sanction_id, name = summons.id, summons.client.full_name
    for person in (officer, supervisor):
        alerts = _page(login_client(app, person).get("/staf/klien/peringatan"))
        assert "Panggilan yang tidak dipenuhi" in alerts and name in alerts
        queue = _page(login_client(app, person).get("/staf/pengaduan/?summons=y"))
        assert complaint.reference in queue and "panggilan tidak dipenuhi" in queue
    with app.app_context():
        version = db.session.get(Complaint, complaint.id).version
    answered = login_client(app, officer).post(
        f"/staf/pengaduan/{complaint.reference}/panggilan/{sanction_id}",
        data={"version": version, "appeared": "yes", "answered_on": TODAY.isoformat()})
    assert answered.status_code == 302
    assert name not in _page(login_client(app, officer).get("/staf/klien/peringatan"))
    assert complaint.reference not in _page(login_client(app, officer).get("/staf/pengaduan/?summons=y"))


def test_warning_with_intensified_supervision_needs_its_period(app, users, clients):
    officer, head = users.make("officer"), users.make("head")
    complaint, version = _prepared(app, clients, "tpp_hearing", officer)
    url = f"/staf/pengaduan/{complaint.reference}/langkah/decide_warning"
    kepala = login_client(app, head)
    refused = kepala.post(url, data=prefixed("decide_warning", {**GROUNDS, "version": version,
                                                               "also_intensive": "y"}))
    assert refused.status_code == 200 and "Isi tanggal berakhirnya pengawasan intensif." in _page(refused)
    assert _state(app, complaint.id, "decide_warning")[0] == "tpp_hearing"
    kepala.post(url, data=prefixed("decide_warning", {
        **GROUNDS, "version": version, "also_intensive": "y", "period_end_on": IN_90_DAYS,
        "review_on": IN_A_WEEK}))
    with app.app_context():
        kinds = sorted(s.kind for s in db.session.scalars(select(Sanction)))
        stored = db.session.get(Complaint, complaint.id)
        assert kinds == ["intensive", "warning"]
        assert (stored.status, stored.client.status) == ("warning_issued", "intensive")


def test_execution_waits_counts_days_and_closes_on_return(app, users, clients):
    officer, head, regional = users.make("officer"), users.make("head"), users.make("regional")
    complaint = _case(app, users, clients, "forwarded")
    with app.app_context():
        version = db.session.get(Complaint, complaint.id).version
    login_client(app, regional).post(
        f"/staf/pengaduan/{complaint.reference}/langkah/record_revoked",
        data=prefixed("record_revoked", {**GROUNDS, "version": version,
                                         "decree_number": "PAS-9.PK.05.09/2026",
                                         "decree_on": TODAY.isoformat()}))
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.status == "revoked" and stored.closed_at is None  # open for execution
        stored.execution.since_on = TODAY - dt.timedelta(days=8)  # eight days, Bapas period 7
        db.session.commit()
    queue = _page(login_client(app, head).get("/staf/pengaduan/?waiting=y"))
    assert complaint.reference in queue and "menunggu pengembalian: 8 hari" in queue
    assert "pengembalian melewati batas" in queue
    per_bapas = _page(login_client(app, regional).get("/staf/pengaduan/"))
    assert "Klien yang dicabut dan belum dikembalikan, per Bapas" in per_bapas
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        db.session.get(Office, stored.office_id).return_overdue_days = 10
        db.session.commit()
    assert "pengembalian melewati batas" not in _page(login_client(app, head).get("/staf/pengaduan/?waiting=y"))
    # the officer of the case records the return; a date before the outcome is refused
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        stored.assigned_officer_id = officer.id
        db.session.commit()
        version = stored.version
    pk = login_client(app, officer)
    early = pk.post(f"/staf/pengaduan/{complaint.reference}/eksekusi/kembali", follow_redirects=True, data={
        "version": version, "returned_on": (TODAY - dt.timedelta(days=30)).isoformat(),
        "facility": "Lapas Kelas I Sukamiskin"})
    assert "Tanggal pengembalian harus di antara tanggal putusan dan hari ini." in _page(early)
    pk.post(f"/staf/pengaduan/{complaint.reference}/eksekusi/kembali", data={
        "version": version, "returned_on": TODAY.isoformat(), "facility": "Lapas Kelas I Sukamiskin"})
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.execution.returned_on == TODAY and stored.execution.facility == "Lapas Kelas I Sukamiskin"
        assert stored.closed_at is not None
    assert complaint.reference not in _page(login_client(app, head).get("/staf/pengaduan/?waiting=y"))


def test_revocation_closes_the_clients_other_open_complaints(app, users, clients):
    regional, supervisor = users.make("regional"), users.make("supervisor")
    deciding = _case(app, users, clients, "forwarded")
    with app.app_context():
        client = db.session.get(Complaint, deciding.id).client
        version = db.session.get(Complaint, deciding.id).version
    other = make_complaint(app, status="in_review", client=client)
    finished = make_complaint(app, status="not_pursued", client=client)
    confirm = _page(login_client(app, regional).get(
        f"/staf/pengaduan/{deciding.reference}/langkah/record_revoked"))
    assert other.reference in confirm and finished.reference not in confirm
    login_client(app, regional).post(
        f"/staf/pengaduan/{deciding.reference}/langkah/record_revoked",
        data=prefixed("record_revoked", {**GROUNDS, "version": version,
                                         "decree_number": "PAS-8.PK.05.09/2026",
                                         "decree_on": TODAY.isoformat()}))
    with app.app_context():
        closed = db.session.get(Complaint, other.id)
        assert (closed.status, closed.decided_in_id) == ("superseded", deciding.id)
        assert closed.events[0].action == "close_superseded"
        assert db.session.get(Complaint, finished.id).status == "not_pursued"
    page = _page(login_client(app, supervisor).get(f"/staf/pengaduan/{other.reference}"))
    assert "Ditutup: diputus dalam perkara lain" in page
    assert f'href="/staf/pengaduan/{deciding.reference}"' in page


def test_partners_are_told_only_that_support_ended(app, users, clients, orgs, mailbox):
    scene = Scene(app, users, clients, orgs)
    scene.referral("placed", disclosed=True)
    scene.complaint("tpp_hearing", baps=True, hearing=True)
    earlier = len(mailbox.to(scene.partner.email))  # the referral's own news came before
    response = login_client(app, scene.head).post(
        f"/staf/pengaduan/{scene.values['ref']}/langkah/decide_temporary_revocation",
        data=prefixed("decide_temporary_revocation", {
            **GROUNDS, "version": scene.values["complaint_version"],
            "grounds_text": "Klien mengancam warga dengan senjata tajam; pencabutan sementara."}))
    assert response.status_code == 302
    with app.app_context():
        from portal.clients.models import Assignment
        from portal.jobs.models import Referral
        from portal.notifications import Notification
        assert db.session.get(Assignment, scene.assignment.id).status == "ended"
        assert db.session.scalar(select(Referral.status)) == "ended"
        kinds = db.session.scalars(select(Notification.kind).where(
            Notification.user_id == scene.partner.id)).all()
        assert kinds == ["support_ended"]
        client_name = db.session.get(Client, scene.client.id).full_name
    told = mailbox.to(scene.partner.email)[earlier:]
    assert [m["Subject"] for m in told] == ["Pendampingan seorang klien telah berakhir"]
    body = mailbox.body(told[0])
    assert "telah berakhir" in body
    for never in ("cabut", "Cabut", "pencabutan", "revoc", "senjata", "pelanggaran", "alasan",
                  "TPP", "pengaduan", client_name):
        assert never not in body, never
    page = _page(login_client(app, scene.partner).get("/notifikasi/"))
    assert "Pendampingan organisasi Anda bagi seorang klien telah berakhir" in page
    assert "cabut" not in page.lower()


def test_records_after_a_decision_answer_bad_input(app, users, clients):
    """Each form of issue 10 §2, §3 refuses bad input in words and saves nothing."""
    officer, head = users.make("officer"), users.make("head")
    complaint, version = _prepared(app, clients, "tpp_hearing", officer)
    summons = login_client(app, head).post(
        f"/staf/pengaduan/{complaint.reference}/langkah/decide_summons",
        data=prefixed("decide_summons", {**GROUNDS, "version": version, "appear_on": IN_A_WEEK,
                                         "appear_time": "9 pagi", "appear_place": "Kantor Bapas"}))
    assert summons.status_code == 200
    assert "Tulis jam dengan format JJ:MM, misalnya 09:00." in _page(summons)
    assert 'value="9 pagi"' in _page(summons)
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        stored.status = "warning_issued"
        stored.sanctions.append(Sanction(client_id=stored.client_id, office_id=stored.office_id,
                                         kind="summons", issued_on=TODAY, appear_on=TODAY,
                                         appear_place="Kantor Bapas", grounds=[]))
        db.session.commit()
        version, sanction_id = stored.version, stored.sanctions[0].id
    pk = login_client(app, officer)
    answer = pk.post(f"/staf/pengaduan/{complaint.reference}/panggilan/{sanction_id}",
                     data={"version": version, "answered_on": TODAY.isoformat()}, follow_redirects=True)
    assert "Tidak ada yang disimpan" in _page(answer) and "Apakah klien hadir?" in _page(answer)
    with app.app_context():
        assert db.session.get(Sanction, sanction_id).appeared is None
        stored = db.session.get(Complaint, complaint.id)
        stored.status = "revoked"
        db.session.commit()
        version = stored.version
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    letter = login_client(app, head).post(
        f"/staf/pengaduan/{complaint.reference}/eksekusi/surat", follow_redirects=True,
        data={"version": version, "addressee": "Kepala Polres Bandung", "letter_on": tomorrow})
    assert "Tanggal tidak boleh di masa mendatang." in _page(letter)
    at_large = pk.post(f"/staf/pengaduan/{complaint.reference}/eksekusi/buron", follow_redirects=True,
                       data={"version": version, "body": ""})
    assert "Tidak ada yang disimpan" in _page(at_large) and "Isian ini wajib diisi." in _page(at_large)
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).execution is None


def test_the_head_sets_the_return_period(app, users):
    """Issue 10 §3: "an overdue mark after a period the Bapas sets (default 7 days)"."""
    head = users.make("head")
    kepala = login_client(app, head)
    page = _page(kepala.get("/staf/pengaduan/pengaturan"))
    assert 'value="7"' in page
    bad = kepala.post("/staf/pengaduan/pengaturan", data={"days": "0"})
    assert bad.status_code == 200 and 'value="0"' in _page(bad) and "invalid-feedback" in _page(bad)
    kepala.post("/staf/pengaduan/pengaturan", data={"days": "14"})
    with app.app_context():
        assert db.session.get(Office, head.office_id).return_overdue_days == 14
    assert login_client(app, users.make("supervisor")).get("/staf/pengaduan/pengaturan").status_code == 403
