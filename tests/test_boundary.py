"""The request boundary: one commit per request, nothing said about what was not saved, side
effects only after the commit, no personal data in the log, a database outage answered with
503 and the typed text kept, and racing duplicates answered with the first one's result."""
from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pyotp
import requests
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url
from werkzeug.serving import make_server

from portal import uploads
from portal.auth.models import User
from portal.clients.models import Client
from portal.complaints.models import Complaint
from portal.extensions import db
from portal.observations.models import Observation
from portal.offices.models import Office

from .files import pdf_bytes
from .support import OFFICE_A, PASSWORD, login_client, office

TODAY = dt.date.today()


# ---------------------------------------------------------------- helpers

def refuse_writes(app, table: str) -> None:
    """A real database trigger that refuses every insert or update of `table`."""
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            for event in ("INSERT", "UPDATE"):
                db.session.execute(text(
                    f'CREATE TRIGGER refuse_{table}_{event.lower()} BEFORE {event} ON "{table}" '
                    "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END"))
        else:
            db.session.execute(text(
                "CREATE OR REPLACE FUNCTION refuse_row() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused by the test trigger'; END $$ LANGUAGE plpgsql"))
            db.session.execute(text(
                f'CREATE TRIGGER refuse_{table} BEFORE INSERT OR UPDATE ON "{table}" '
                "FOR EACH ROW EXECUTE FUNCTION refuse_row()"))
        db.session.commit()


@contextmanager
def database_down(app, databases):
    """The database stops answering (SQLite: its file is gone; PostgreSQL: connections are
    refused and the open ones ended), then comes back."""
    with app.app_context():
        url = make_url(str(db.engine.url))
        db.session.remove()
        db.engine.dispose()
    if url.get_backend_name() == "sqlite":
        path = Path(url.database)
        aside = path.with_suffix(".aside")
        path.rename(aside)
        path.mkdir()  # a directory where the file was: "unable to open database file"
        try:
            yield
        finally:
            path.rmdir()
            aside.rename(path)
    else:
        name = url.database
        with databases.admin.connect() as conn:
            conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false'))
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = :name AND pid <> pg_backend_pid()"), {"name": name})
        try:
            yield
        finally:
            with databases.admin.connect() as conn:
                conn.execute(text(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true'))
    with app.app_context():
        db.engine.dispose()


def form_fields(html: str) -> dict:
    """The named inputs and textareas of the first POST form on a page, as a browser sends them."""
    form = re.search(r'<form method="post".*?</form>', html, re.S).group(0)
    data = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form):
        data[name] = unescape(value)
    for name, value in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        data[name] = unescape(value)
    return data


@contextmanager
def serving(app):
    """The app behind a real threaded HTTP server, for requests that really run at once."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


def at_once(calls):
    """Run the calls in threads that start together; return their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait()
        results[i] = call()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def public_complaint(office_id: int, key: str) -> dict:
    return {
        "office_id": str(office_id), "client_name": "Budi Diadukan", "client_area": "Kota Bandung",
        "grounds": ["PUBLIC_UNREST"], "narrative": "Kejadian rahasia di gang Melati nomor sembilan, "
        "klien mengancam pedagang pasar dua kali minggu ini.", "incident_from_on": TODAY.isoformat(),
        "complainant_name": "Siti Nurhaliza Zulkarnaen", "complainant_phone": "081377788899",
        "complainant_email": "zulkarnaen@contoh.example", "complainant_relationship": "tetangga",
        "witnesses": "Pak RT Wiryawan", "declaration": "y", "submission_key": key,
    }


PERSONAL = ("Siti Nurhaliza Zulkarnaen", "081377788899", "zulkarnaen@contoh.example",
            "gang Melati nomor sembilan", "Pak RT Wiryawan")


# ---------------------------------------------------------------- one commit, nothing overclaimed

def test_a_failed_commit_takes_back_the_success_message(app, users, clients):
    """Regression: a partner's correction that was not stored was reported as saved."""
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer with the 500 page, as in production
    partner = users.make("partner")
    record = clients.make()
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=30))
    session = login_client(app, partner)
    session.post(f"/mitra/klien/{record.public_id}/pengamatan", data={
        "observed_on": TODAY.isoformat(), "category": "routine", "submission_key": "k-1",
        "narrative": "Klien datang bekerja tepat waktu setiap hari."})
    with app.app_context():
        public_id = db.session.scalar(select(Observation.public_id))
    refuse_writes(app, "observation")
    failed = session.post(f"/mitra/klien/pengamatan/{public_id}/ubah", data={
        "observed_on": TODAY.isoformat(), "category": "routine",
        "narrative": "Versi baru yang tidak pernah tersimpan di basis data."})
    assert failed.status_code == 500
    after = session.get(f"/mitra/klien/pengamatan/{public_id}").get_data(as_text=True)
    assert "Koreksi disimpan" not in after and "Correction saved" not in after
    assert "Versi baru yang tidak pernah tersimpan" not in after


def test_an_invalid_status_form_says_what_is_wrong(app, users, clients):
    """Regression: every invalid status form was reported as "choose the receiving Bapas"."""
    officer = users.make("officer")
    record = clients.make(officer=officer)
    page = login_client(app, officer).post(
        f"/staf/klien/{record.public_id}/status", data={"version": record.version, "action": "",
                                                        "note": "x" * 2001}, follow_redirects=True)
    text_ = page.get_data(as_text=True)
    assert "Bapas penerima" not in text_
    assert ("Tidak ada yang disimpan: Tindakan: Isian ini wajib diisi.; "
            "Alasan keputusan: Isian tidak boleh lebih dari 2000 karakter.") in text_
    with app.app_context():
        assert db.session.get(Client, record.id).status == "active"


def test_the_complainant_is_not_told_sent_when_nothing_was_stored(make_app):
    """Regression: the tracking page flashed success before the commit."""
    from .support import make_complaint
    app = make_app(PROPAGATE_EXCEPTIONS=False)
    complaint = make_complaint(app, status="in_review")
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"})
    refuse_writes(app, "complaint_event")
    assert tracker.post("/pengaduan/kasus/balas", data={"body": "Tambahan keterangan saya."}).status_code == 500
    page = tracker.get("/pengaduan/kasus").get_data(as_text=True)
    assert "Pesan Anda telah dikirim" not in page and "Tambahan keterangan saya." not in page


def test_files_are_deleted_only_after_the_commit_and_orphans_after_a_rollback(app):
    """Regression: uploads.delete removed the file before the transaction committed."""
    checked = uploads.CheckedFile(pdf_bytes(), "application/pdf", "bukti.pdf")
    with app.test_request_context():
        owner = db.session.scalar(select(Office).where(Office.code == OFFICE_A))
        kept = uploads.store(checked, owner, "evidence")
        db.session.commit()
        kept_path = uploads._path(kept.storage_key)
        uploads.delete(kept)
        db.session.flush()
        assert kept_path.exists(), "the file must outlive an uncommitted delete"
        db.session.rollback()
        assert kept_path.exists()
        uploads.delete(db.session.get(uploads.Attachment, kept.id))
        db.session.commit()
        assert not kept_path.exists()
        orphan = uploads.store(checked, owner, "evidence")
        orphan_path = uploads._path(orphan.storage_key)
        assert orphan_path.exists()
        db.session.rollback()
        assert not orphan_path.exists(), "a file whose row was rolled back must not stay behind"


def test_downloads_keep_their_sandbox_policy(app, users):
    supervisor = users.make("supervisor")
    with app.test_request_context():
        from portal.partners.models import PartnerOrg

        from .support import _make_org
        org = _make_org(status="applied")
        stored = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "ktp.pdf"), org,
                               "id_document")
        db.session.commit()
        public_id, attachment_id = db.session.get(PartnerOrg, org.id).public_id, stored.id
    response = login_client(app, supervisor).get(f"/staf/mitra/{public_id}/dokumen/{attachment_id}")
    assert response.status_code == 200
    assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    response.close()


# ---------------------------------------------------------------- no personal data in the log

def test_database_errors_leave_no_personal_data_in_the_log(app, users, clients, caplog):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer with the 500 page, as in production
    with app.app_context():
        assert db.engine.hide_parameters is True
        office_id = office().id
    partner, officer = users.make("partner"), users.make("officer")
    record = clients.make(officer=officer)
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=30))
    for table in ("complaint", "observation", "client"):
        refuse_writes(app, table)
    caplog.set_level(logging.DEBUG)
    anonymous = app.test_client()
    assert anonymous.post("/pengaduan/baru", data=public_complaint(office_id, "log-1")).status_code == 500
    assert login_client(app, partner).post(f"/mitra/klien/{record.public_id}/pengamatan", data={
        "observed_on": TODAY.isoformat(), "category": "concern", "submission_key": "log-2",
        "narrative": "Kejadian rahasia di gang Melati nomor sembilan dilihat oleh Pak RT Wiryawan."},
    ).status_code == 500
    assert login_client(app, officer).post("/staf/klien/baru", data={
        "full_name": "Siti Nurhaliza Zulkarnaen", "register_number": "PAS-LOG/2026",
        "programme": "PB", "supervision_start_on": "2026-01-01", "supervision_end_on": "2027-12-31",
        "risk_level": "medium", "nik": "3273019988776655", "area": "Kota Bandung",
        "general_conditions": "Tinggal di gang Melati nomor sembilan."}).status_code == 500
    logged = "\n".join(f"{r.getMessage()}\n{r.exc_text or ''}" for r in caplog.records)
    assert logged.count("unexpected ") == 3, "each failure must be logged (by type and place)"
    for value in PERSONAL + ("3273019988776655",):
        assert value not in logged


# ---------------------------------------------------------------- a database outage

def test_outage_answers_503_and_keeps_what_the_public_typed(app, databases):
    with app.app_context():
        office_id = office().id
    client = app.test_client()
    data = public_complaint(office_id, "outage-1")
    with database_down(app, databases):
        response = client.post("/pengaduan/baru", data=data)
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "60"
        page = response.get_data(as_text=True)
        assert "Silakan coba lagi dalam satu menit" in page
        assert "Nama Anda" in page  # what was typed, under the field's own label
        for value in PERSONAL:
            assert value in page
        again = form_fields(page)
    assert again["submission_key"] == "outage-1"
    done = client.post("/pengaduan/baru", data={**again, "grounds": ["PUBLIC_UNREST"]})
    assert done.status_code == 302 and done.headers["Location"] == "/pengaduan/tanda-terima"
    with app.app_context():
        stored = db.session.scalar(select(Complaint))
        assert stored.complainant_name == "Siti Nurhaliza Zulkarnaen"
        assert stored.narrative.startswith("Kejadian rahasia di gang Melati nomor sembilan")


def test_outage_keeps_what_staff_typed_and_sending_again_saves_it(app, databases, users):
    officer = users.make("officer")
    session = login_client(app, officer)
    data = {"full_name": "Rahmat Hidayat", "register_number": "PAS-0503/2026", "programme": "PB",
            "supervision_start_on": "2026-01-01", "supervision_end_on": "2027-12-31",
            "risk_level": "medium", "area": "Kota Bandung",
            "general_conditions": "Wajib lapor setiap bulan; dilarang keluar kota tanpa izin."}
    with database_down(app, databases):
        response = session.post("/staf/klien/baru", data=data)
        assert response.status_code == 503 and response.headers["Retry-After"] == "60"
        page = response.get_data(as_text=True)
        assert "Rahmat Hidayat" in page and "dilarang keluar kota tanpa izin" in page
        again = form_fields(page)
    assert session.post("/staf/klien/baru", data=again).status_code == 302
    with app.app_context():
        stored = db.session.scalar(select(Client).where(Client.register_number == "PAS-0503/2026"))
        assert stored.full_name == "Rahmat Hidayat"


def test_outage_page_never_echoes_a_password(app, databases, users):
    user = users.make("officer")
    with database_down(app, databases):
        response = app.test_client().post("/masuk", data={"email": user.email, "password": PASSWORD})
        assert response.status_code == 503
        assert PASSWORD not in response.get_data(as_text=True)


# ---------------------------------------------------------------- races

def test_the_same_complaint_sent_five_times_at_once_is_stored_once(app):
    with app.app_context():
        office_id = office().id
    data = public_complaint(office_id, "race-key-0001")
    with serving(app) as base:
        def send():
            browser = requests.Session()
            response = browser.post(f"{base}/pengaduan/baru", data=data, timeout=60)
            return response.status_code, response.text
        results = at_once([send] * 5)
    assert [status for status, _ in results] == [200] * 5
    receipts = {re.search(r"(ADU-[A-Z0-9]{4}-[A-Z0-9]{4})", page).group(1) for _, page in results}
    secrets_ = {re.search(r"<code>([a-z0-9]{16})</code>", page).group(1) for _, page in results}
    assert len(receipts) == 1 and len(secrets_) == 1, "every answer is the first one's receipt"
    with app.app_context():
        assert db.session.scalar(select(func.count(Complaint.id))) == 1
        reference = db.session.scalar(select(Complaint.reference))
    assert receipts == {reference}
    tracked = app.test_client().post("/pengaduan/lacak", data={"reference": reference,
                                                               "secret": secrets_.pop()})
    assert tracked.headers["Location"] == "/pengaduan/kasus"


def test_the_same_observation_sent_five_times_at_once_is_stored_once(app, users, clients):
    partner = users.make("partner")
    record = clients.make()
    clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=30))
    signed_in = login_client(app, partner)
    cookie = signed_in.get_cookie("pokmas_session").value
    data = {"observed_on": TODAY.isoformat(), "category": "routine", "submission_key": "race-obs-1",
            "narrative": "Klien hadir bekerja dan mengikuti pengajian mingguan."}
    with serving(app) as base:
        def send():
            response = requests.post(f"{base}/mitra/klien/{record.public_id}/pengamatan", data=data,
                                     cookies={"pokmas_session": cookie}, allow_redirects=False,
                                     timeout=60)
            return response.status_code, response.headers.get("Location")
        results = at_once([send] * 5)
    with app.app_context():
        rows = db.session.scalars(select(Observation)).all()
    assert len(rows) == 1
    assert results == [(302, f"/mitra/klien/pengamatan/{rows[0].public_id}")] * 5


def test_one_totp_code_sent_by_four_sessions_at_once_is_accepted_once(app, users):
    head = users.make("head")
    with serving(app) as base:
        browsers = []
        for _ in range(4):
            browser = requests.Session()
            step = browser.post(f"{base}/masuk", data={"email": head.email, "password": PASSWORD},
                                allow_redirects=False, timeout=60)
            assert step.headers["Location"].startswith("/masuk/kode")
            browsers.append(browser)
        code = pyotp.TOTP(head.totp_secret).now()
        results = at_once([lambda b=b: b.post(f"{base}/masuk/kode", data={"code": code},
                                              allow_redirects=False, timeout=60).status_code
                           for b in browsers])
    assert sorted(results) == [200, 200, 200, 302]
    with app.app_context():
        assert db.session.get(User, head.id).totp_last_counter is not None
