"""Issue 11 §6, deadlines remind people: on the days a Bapas sets (default 3, 10 and 17) of the
20-working-day clock, and when a case becomes overdue, the daily job tells the assigned PK,
the Kasi(s) and the Kepala — each reminder once, even when the job runs twice or twice at once.

The calendar below was counted by hand. National holidays of March–April 2027 relied on (the
`holidays` package the portal's calendar uses): Mon 8 Mar Nyepi, Wed 10 and Thu 11 Mar Idul
Fitri, Fri 26 Mar Good Friday. No cuti bersama is listed."""
from __future__ import annotations

import datetime as dt
import re
import threading

import time_machine
from sqlalchemy import event, func, select

from portal.complaints.models import Complaint
from portal.extensions import db
from portal.mail import OutboxMessage
from portal.notifications import Notification
from portal.reminders.models import Reminder
from portal.reminders.services import remind

from .support import OFFICE_B, login_client, make_complaint, prefixed

D = dt.date
FILED_ON = D(2027, 3, 1)  # a Monday
# 2–5 Mar (4), 8 Nyepi, 9 (5), 10–11 Idul Fitri, 12 (6), 15–19 (11), 22–25 (15), 26 Good Friday,
# 29 Mar–1 Apr (19), 2 Apr (20)
DUE_ON = D(2027, 4, 2)
EXPECTED = {("day", 3): D(2027, 3, 4), ("day", 10): D(2027, 3, 18), ("day", 17): D(2027, 3, 30),
            ("overdue", 0): D(2027, 4, 3)}  # the day after the due date


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 3, tzinfo=dt.UTC)  # 10:00 in Jakarta


def _days(first: dt.date, last: dt.date):
    day = first
    while day <= last:
        yield day
        day += dt.timedelta(days=1)


def _daily(app, day: dt.date) -> str:
    result = app.test_cli_runner().invoke(args=["complaints", "daily", "--date", day.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def _sent(app, complaint) -> dict:
    with app.app_context():
        return {(r.kind, r.day): r.sent_on for r in db.session.scalars(
            select(Reminder).where(Reminder.complaint_id == complaint.id))}


def test_reminders_come_on_days_3_10_17_and_the_day_after_the_due_date(app, users):
    officer = users.make("officer")
    complaint = make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON,
                               due_on=DUE_ON)
    for day in _days(D(2027, 3, 2), D(2027, 4, 12)):
        _daily(app, day)
    assert _sent(app, complaint) == EXPECTED


def test_a_clarification_pause_moves_the_later_reminders_by_the_paused_working_days(app, users):
    officer = users.make("officer")
    complaint = make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON,
                               due_on=DUE_ON)
    for day in _days(D(2027, 3, 2), D(2027, 4, 12)):
        with time_machine.travel(_at(day), tick=False):
            if day == D(2027, 3, 22):  # day 12: the PK asks the complainant
                login_client(app, officer).post(
                    f"/staf/pengaduan/{complaint.reference}/langkah/request_info",
                    data=prefixed("request_info", {"version": _stored(app, complaint).version,
                                                   "message": "Siapa saksinya?"}))
            if day == D(2027, 3, 25):  # the answer comes (the staff record it from a letter)
                tracker = app.test_client()
                tracker.post("/pengaduan/lacak", data={"reference": complaint.reference,
                                                       "secret": "rahasia-uji-1234"})
                answered = tracker.post("/pengaduan/kasus/balas", data={"body": "Pak RT."},
                                        content_type="multipart/form-data")
                assert answered.headers["Location"] == "/pengaduan/kasus"
            _daily(app, day)
    # waited 23, 24, 25 Mar: three working days; 2 Apr + 3: 5, 6, 7 Apr
    assert _stored(app, complaint).due_on == D(2027, 4, 7)
    # day 17: 30 Mar + 3 working days (31 Mar, 1, 2 Apr); overdue: the day after 7 Apr
    assert _sent(app, complaint) == {("day", 3): D(2027, 3, 4), ("day", 10): D(2027, 3, 18),
                                     ("day", 17): D(2027, 4, 2), ("overdue", 0): D(2027, 4, 8)}


def _stored(app, complaint) -> Complaint:
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        db.session.expunge(stored)
        return stored


def test_the_pk_the_kasi_and_the_kepala_are_told_and_the_email_holds_no_details(make_app, mailbox):
    from .support import UserFactory
    app = make_app(VERIFY_BASE_URL="https://pokmas.example")
    users = UserFactory(app)
    mailbox.app = app
    officer, other_officer = users.make("officer"), users.make("officer")
    supervisor, head = users.make("supervisor"), users.make("head")
    elsewhere = users.make("supervisor", office_code=OFFICE_B)
    complaint = make_complaint(app, status="examination", officer=officer, submitted_on=FILED_ON,
                               due_on=DUE_ON)
    assert "1 reminder(s) sent" in _daily(app, D(2027, 3, 4))
    for person in (officer, supervisor, head):
        page = login_client(app, person).get("/notifikasi/").get_data(as_text=True)
        assert f"Kasus {complaint.reference}: 3 hari kerja terpakai, batas waktu 2 Apr 2027" in page
        assert f'href="/staf/pengaduan/{complaint.reference}"' in page
        [email] = mailbox.to(person.email)
        assert email["Subject"] == "Ada kasus pencabutan yang perlu Anda tangani"
        assert mailbox.body(email).replace("\r\n", "\n") == (
            "Ada kasus pencabutan yang Anda tangani atau awasi di Portal POKMAS LIPAS yang perlu "
            "perhatian. Masuk ke portal dan buka notifikasi Anda untuk melihat kasus yang dimaksud.\n"
            "https://pokmas.example/notifikasi/\n")
    for person in (other_officer, elsewhere):
        assert mailbox.to(person.email) == []
    _daily(app, D(2027, 4, 3))
    page = login_client(app, head).get("/notifikasi/").get_data(as_text=True)
    assert f"Kasus {complaint.reference} melewati batas waktu (2 Apr 2027)" in page


def test_the_reminder_reads_in_the_users_language(app, users):
    officer = users.make("officer", locale="en")
    complaint = make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON,
                               due_on=DUE_ON)
    _daily(app, D(2027, 3, 18))
    page = login_client(app, officer).get("/notifikasi/").get_data(as_text=True)
    assert f"Case {complaint.reference}: 10 working days used, due on Apr 2, 2027" in page


def _counts(app) -> tuple[int, int, int]:
    with app.app_context():
        return tuple(db.session.scalar(select(func.count()).select_from(model))
                     for model in (Reminder, Notification, OutboxMessage))


def test_running_the_daily_job_twice_sends_nothing_twice(app, users):
    officer, _ = users.make("officer"), users.make("supervisor")
    for _n in range(3):
        make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON, due_on=DUE_ON)
    assert "3 reminder(s) sent" in _daily(app, D(2027, 3, 4))
    assert _counts(app) == (3, 6, 6)  # three cases, each to the PK and the Kasi
    assert "0 reminder(s) sent" in _daily(app, D(2027, 3, 4))
    assert "0 reminder(s) sent" in _daily(app, D(2027, 3, 5))  # day 4: no reminder day
    assert _counts(app) == (3, 6, 6)


def test_two_daily_jobs_at_once_send_each_reminder_once(app, users):
    officer, _ = users.make("officer"), users.make("head")
    for _n in range(5):
        make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON, due_on=DUE_ON)
    barrier = threading.Barrier(2)
    sent: list[int] = []
    errors: list[BaseException] = []

    def job() -> None:
        try:
            with app.app_context():
                barrier.wait()
                sent.append(remind(D(2027, 3, 4)))
                db.session.commit()
                db.session.remove()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=job) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(sent) == 5
    assert _counts(app) == (5, 10, 10)


def _selects(app, day: dt.date) -> int:
    """How many SELECTs one run of the reminders takes."""
    statements: list[str] = []
    with app.app_context():
        def count(conn, cursor, statement, *args):
            statements.append(statement)
        event.listen(db.engine, "before_cursor_execute", count)
        try:
            remind(day)
            db.session.rollback()
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
    return len([s for s in statements if re.match(r"\s*SELECT", s)])


def test_the_daily_job_reads_a_bounded_number_of_times_whatever_the_number_of_cases(app, users):
    officer = users.make("officer")
    for _n in range(3):
        make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON, due_on=DUE_ON)
    few_quiet, few_due = _selects(app, D(2027, 3, 5)), _selects(app, D(2027, 3, 4))
    for _n in range(30):
        make_complaint(app, status="in_review", officer=officer, submitted_on=FILED_ON, due_on=DUE_ON)
    assert (_selects(app, D(2027, 3, 5)), _selects(app, D(2027, 3, 4))) == (few_quiet, few_due)
    assert few_due <= 9
