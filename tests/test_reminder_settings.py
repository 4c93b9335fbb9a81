"""Issue 11 §6: the reminder days are a setting of each Bapas, set by its Kasi or Kepala (whole
numbers 1–19, ascending); the complainant gets a status-only notice, with the tracking page's
link, when the clock pauses for a clarification and when it runs again."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.extensions import db
from portal.offices.models import Office
from portal.reminders.models import Reminder

from .support import login_client, make_complaint, office, prefixed

D = dt.date
PAGE = "/staf/pengaduan/pengingat"


def _days_of(app, user) -> str:
    with app.app_context():
        return db.session.get(Office, user.office_id).reminder_days


@pytest.mark.parametrize("role", ["supervisor", "head"])
def test_the_kasi_or_the_kepala_sets_the_reminder_days(app, users, role):
    lead = users.make(role)
    browser = login_client(app, lead)
    assert 'value="3, 10, 17"' in browser.get(PAGE).get_data(as_text=True)  # the default
    answer = browser.post(PAGE, data={"days": "5, 12"})
    assert answer.status_code == 302 and answer.headers["Location"] == PAGE
    assert _days_of(app, lead) == "5,12"
    with app.app_context():
        event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "office.reminder_days_set"))
        assert event.details == {"before": "3,10,17", "after": "5,12"}


@pytest.mark.parametrize(("typed", "error"), [
    ("12, 5", "Tulis hari-hari itu berurutan dari kecil ke besar, masing-masing sekali."),
    ("3, 3, 10", "Tulis hari-hari itu berurutan dari kecil ke besar, masing-masing sekali."),
    ("0, 10", "Setiap hari harus antara 1 dan 19 (hari ke-20 adalah batas waktu)."),
    ("3, 20", "Setiap hari harus antara 1 dan 19 (hari ke-20 adalah batas waktu)."),
    ("tiga, sepuluh", "Isi bilangan bulat yang dipisahkan koma, misalnya 3, 10, 17."),
    ("3,,10", "Isi bilangan bulat yang dipisahkan koma, misalnya 3, 10, 17."),
    ("", "Isi paling sedikit satu hari, misalnya 3, 10, 17."),
])
def test_bad_reminder_days_are_refused_and_the_typed_text_kept(app, users, typed, error):
    supervisor = users.make("supervisor")
    answer = login_client(app, supervisor).post(PAGE, data={"days": typed})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200 and error in page
    assert f'value="{typed}"' in page
    assert _days_of(app, supervisor) == "3,10,17"


def test_the_daily_job_follows_the_days_the_bapas_set(app, users):
    supervisor, officer = users.make("supervisor"), users.make("officer")
    login_client(app, supervisor).post(PAGE, data={"days": "5"})
    # filed Mon 1 Mar 2027: 2–5 Mar (4), 8 Nyepi, 9 Mar (5)
    complaint = make_complaint(app, status="in_review", officer=officer, submitted_on=D(2027, 3, 1),
                               due_on=D(2027, 4, 2))
    for day in (D(2027, 3, 4), D(2027, 3, 8), D(2027, 3, 9), D(2027, 3, 18)):
        app.test_cli_runner().invoke(args=["complaints", "daily", "--date", day.isoformat()])
    with app.app_context():
        assert [(r.kind, r.day, r.sent_on) for r in db.session.scalars(
            select(Reminder).where(Reminder.complaint_id == complaint.id))] == [("day", 5, D(2027, 3, 9))]


def _plain(mailbox, message) -> str:
    return mailbox.body(message).replace("\r\n", "\n")


def test_the_complainant_is_told_only_that_the_clock_paused_and_runs_again(make_app, mailbox):
    from .support import UserFactory
    app = make_app(VERIFY_BASE_URL="https://pokmas.example")
    mailbox.app = app
    officer = UserFactory(app).make("officer")
    complaint = make_complaint(app, status="in_review", officer=officer, submitted_on=D(2027, 3, 1),
                               due_on=D(2027, 4, 2))
    ref = complaint.reference
    with time_machine.travel(dt.datetime(2027, 3, 22, 3, tzinfo=dt.UTC), tick=False):
        login_client(app, officer).post(f"/staf/pengaduan/{ref}/langkah/request_info", data=prefixed(
            "request_info", {"version": complaint.version, "message": "Siapa saksinya?"}))
    [paused] = mailbox.to("pelapor@test.example")
    assert paused["Subject"] == f"Pengaduan {ref}: menunggu klarifikasi Anda"
    assert _plain(mailbox, paused) == (
        f"Bapas meminta klarifikasi dari Anda tentang pengaduan {ref}. Sampai Anda menjawab, hitungan "
        "20 hari kerja dihentikan sementara.\n\n"
        "Baca pertanyaannya dan jawab di halaman pelacakan dengan nomor referensi dan kode rahasia "
        "Anda.\nhttp://localhost/pengaduan/lacak\n")
    # no answer in ten working days (23–25 Mar, 26 Good Friday, 29 Mar–2 Apr, 5–6 Apr): the
    # daily job of 7 Apr returns the case to review
    app.test_cli_runner().invoke(args=["complaints", "daily", "--date", "2027-04-06"])
    assert len(mailbox.to("pelapor@test.example")) == 1
    app.test_cli_runner().invoke(args=["complaints", "daily", "--date", "2027-04-07"])
    [_, resumed] = mailbox.to("pelapor@test.example")
    assert resumed["Subject"] == f"Pengaduan {ref}: penanganan dilanjutkan"
    assert _plain(mailbox, resumed) == (
        f"Penanganan pengaduan Anda {ref} dilanjutkan: hitungan 20 hari kerja berjalan kembali.\n\n"
        "Ikuti perkembangan kasus di halaman pelacakan dengan nomor referensi dan kode rahasia Anda.\n"
        "https://pokmas.example/pengaduan/lacak\n")


def test_the_complainants_answer_restarts_the_clock_with_a_notice(app, users, mailbox):
    officer = users.make("officer")
    complaint = make_complaint(app, status="needs_info", officer=officer, submitted_on=D(2027, 3, 1),
                               due_on=D(2027, 4, 2), paused_since=D(2027, 3, 22),
                               info_due_on=D(2027, 4, 5))
    tracker = app.test_client()
    tracker.post("/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"})
    tracker.post("/pengaduan/kasus/balas", data={"body": "Saksinya Pak RT Slamet."},
                 content_type="multipart/form-data")
    [resumed] = mailbox.to("pelapor@test.example")
    assert resumed["Subject"] == f"Pengaduan {complaint.reference}: penanganan dilanjutkan"
    body = _plain(mailbox, resumed)
    assert body.endswith("kode rahasia Anda.\nhttp://localhost/pengaduan/lacak\n")
    for secret in ("Slamet", "rahasia-uji-1234", "Klien Diadukan", "Pelapor Rahasia"):
        assert secret not in body
    with app.app_context():
        assert office().reminder_days == "3,10,17"
