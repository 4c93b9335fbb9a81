"""Issue 11 §7, notices where people read them: each user chooses email and/or SMS/WhatsApp;
the SMS/WhatsApp text goes through a configured HTTP gateway (here a real HTTP server in the
test process), through the same outbox as email (retried later, never sent twice), and holds
only the fixed content-free sentence."""
from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from sqlalchemy import select

from portal import mail, notices
from portal.auth.models import User
from portal.extensions import db
from portal.mail import OutboxMessage
from portal.notifications import Notification

from .gateway_server import GatewayServer
from .support import login_client, make_complaint

TOKEN = "gateway-token-uji-1234"
SENTENCE_ID = "Ada pembaruan di Portal POKMAS: buka portal untuk melihatnya"
SENTENCE_EN = "There is an update on the POKMAS Portal: open the portal to see it"
T0 = dt.datetime(2027, 3, 1, 3, 0, tzinfo=dt.UTC)


@pytest.fixture
def gateway():
    server = GatewayServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def app(make_app, gateway):
    return make_app(NOTIFY_GATEWAY_URL=gateway.url, NOTIFY_GATEWAY_TOKEN=TOKEN)


def _tell(app, user: User, template: str = "complaint_reminder") -> None:
    with app.test_request_context():
        notices.tell(db.session.get(User, user.id), template, link="")
        db.session.commit()


def _assign(app, supervisor: User, officer: User) -> str:
    complaint = make_complaint(app)
    answer = login_client(app, supervisor).post(
        f"/staf/pengaduan/{complaint.reference}/tugaskan",
        data={"version": str(complaint.version), "officer_id": str(officer.id)})
    assert answer.status_code == 302
    return complaint.reference


def test_the_gateway_receives_exactly_the_content_free_sentence(app, users, mailbox, gateway):
    supervisor = users.make("supervisor")
    officer = users.make("officer", notify_sms=True, notify_whatsapp=True, phone="+6281234567890")
    reference = _assign(app, supervisor, officer)
    emails = mailbox.to(officer.email)
    assert [m["Subject"] for m in emails] == [f"Pengaduan {reference} ditugaskan kepada Anda"]
    assert gateway.bodies() == [
        {"to": "+6281234567890", "channel": "sms", "text": SENTENCE_ID},
        {"to": "+6281234567890", "channel": "whatsapp", "text": SENTENCE_ID},
    ]
    for request in gateway.received:
        assert request["headers"]["Authorization"] == f"Bearer {TOKEN}"
        assert request["headers"]["Content-Type"] == "application/json"
    assert reference not in json.dumps(gateway.received)
    assert mailbox.flush() == emails and len(gateway.received) == 2  # nothing sent twice


def test_the_sentence_is_in_the_users_language(app, users, mailbox, gateway):
    officer = users.make("officer", locale="en", notify_sms=True, phone="+6281100002222")
    _tell(app, officer)
    mailbox.flush()
    assert gateway.bodies() == [{"to": "+6281100002222", "channel": "sms", "text": SENTENCE_EN}]


def test_a_500_from_the_gateway_is_retried_later_and_then_sent_once(app, users, gateway):
    officer = users.make("officer", notify_email=False, notify_sms=True, phone="+6281234567890")
    _tell(app, officer)
    gateway.answers = [500]
    with app.app_context():
        assert mail.send_pending(now=T0) == 0
        row = db.session.scalar(select(OutboxMessage))
        assert (row.channel, row.attempts, row.sent_at) == ("sms", 1, None)
        assert row.last_error == "gateway answered 500"
        assert row.next_attempt_at == T0 + dt.timedelta(seconds=60)
        assert mail.send_pending(now=T0 + dt.timedelta(seconds=30)) == 0  # not yet: it waits
        assert len(gateway.received) == 1
        assert mail.send_pending(now=T0 + dt.timedelta(seconds=61)) == 1
        assert mail.send_pending(now=T0 + dt.timedelta(hours=1)) == 0
        row = db.session.scalar(select(OutboxMessage))
        assert row.attempts == 2 and row.sent_at is not None
    assert gateway.bodies() == [{"to": "+6281234567890", "channel": "sms", "text": SENTENCE_ID}] * 2


def test_an_unreachable_gateway_leaves_the_message_queued(make_app):
    app = make_app(NOTIFY_GATEWAY_URL="http://127.0.0.1:1/send", NOTIFY_GATEWAY_TIMEOUT=2)
    with app.app_context():
        user = User(email="sms-only@test.example", name="Petugas SMS", role="officer",
                    notify_email=False, notify_sms=True, phone="+6281234567890")
        db.session.add(user)
        db.session.flush()
        notices.tell(user, "complaint_reminder", link="")
        db.session.commit()
        assert mail.send_pending(now=T0) == 0
        row = db.session.scalar(select(OutboxMessage))
        assert row.sent_at is None and row.attempts == 1 and row.last_error == "URLError"


def test_two_workers_at_once_send_each_message_once(app, users, gateway):
    officers = [users.make("officer", notify_email=False, notify_sms=True, phone=f"+62812000000{n}")
                for n in range(4)]
    for officer in officers:
        _tell(app, officer)
    gateway.delay = 0.2
    barrier = threading.Barrier(2)
    sent: list[int] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with app.app_context():
                barrier.wait()
                sent.append(mail.send_pending())
                db.session.remove()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(sent) == 4
    assert sorted(b["to"] for b in gateway.bodies()) == [
        "+628120000000", "+628120000001", "+628120000002", "+628120000003"]


def test_a_user_who_turned_email_off_gets_no_email(app, users, mailbox, gateway):
    supervisor = users.make("supervisor")
    officer = users.make("officer", notify_email=False)
    _assign(app, supervisor, officer)
    assert mailbox.to(officer.email) == []
    assert gateway.received == []
    with app.app_context():  # the portal's own notification is always there
        kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == officer.id))
        assert list(kinds) == ["complaint_assigned"]


def test_without_a_gateway_only_email_is_offered_and_sent(make_app, mailbox):
    from .support import UserFactory
    app = make_app()
    officer = UserFactory(app).make("officer", notify_sms=True, phone="+6281234567890")
    page = login_client(app, officer).get("/akun/pemberitahuan").get_data(as_text=True)
    assert 'name="email"' in page and 'name="sms"' not in page and 'name="whatsapp"' not in page
    _tell(app, officer)
    with app.app_context():
        assert list(db.session.scalars(select(OutboxMessage.channel))) == ["email"]


def test_the_account_page_saves_the_choices_and_the_number(app, users):
    officer = users.make("officer")
    browser = login_client(app, officer)
    page = browser.get("/akun/pemberitahuan").get_data(as_text=True)
    assert 'name="sms"' in page and 'name="whatsapp"' in page
    answer = browser.post("/akun/pemberitahuan", data={"sms": "y", "phone": "0812-3456-7890"})
    assert answer.status_code == 302 and answer.headers["Location"] == "/akun/"
    with app.app_context():
        user = db.session.get(User, officer.id)
        assert (user.notify_email, user.notify_sms, user.notify_whatsapp, user.phone) == (
            False, True, False, "+6281234567890")
    assert "+6281234567890" in browser.get("/akun/").get_data(as_text=True)


@pytest.mark.parametrize(("data", "error"), [
    ({"email": "y", "sms": "y", "phone": "12ab"},
     "Masukkan nomor ponsel seperti 0812 3456 7890 atau +62 812 3456 7890."),
    ({"email": "y", "phone": "+62 81"},
     "Masukkan nomor ponsel seperti 0812 3456 7890 atau +62 812 3456 7890."),
    ({"whatsapp": "y", "phone": ""},
     "Masukkan nomor ponsel Anda untuk menerima pemberitahuan lewat SMS atau WhatsApp."),
])
def test_a_bad_phone_number_is_refused_and_the_typed_text_kept(app, users, data, error):
    officer = users.make("officer")
    answer = login_client(app, officer).post("/akun/pemberitahuan", data=data)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200 and error in page
    assert f'value="{data["phone"]}"' in page
    with app.app_context():
        user = db.session.get(User, officer.id)
        assert (user.notify_email, user.notify_sms, user.notify_whatsapp, user.phone) == (
            True, False, False, None)


def test_the_number_is_shown_to_its_owner_and_the_administrator(app, users):
    officer = users.make("officer", notify_sms=True, phone="+6281234567890")
    assert "+6281234567890" in login_client(app, officer).get("/akun/").get_data(as_text=True)
    admin_page = login_client(app, users.make("admin")).get(f"/admin/pengguna/{officer.id}")
    assert admin_page.status_code == 200 and "+6281234567890" in admin_page.get_data(as_text=True)
    colleague = login_client(app, users.make("supervisor")).get("/akun/").get_data(as_text=True)
    assert "+6281234567890" not in colleague


def test_a_reminder_of_the_daily_job_reaches_the_pk_by_sms_without_details(app, users, mailbox, gateway):
    officer = users.make("officer", notify_email=False, notify_sms=True, phone="+6281234567890")
    complaint = make_complaint(app, status="in_review", officer=officer,
                               submitted_on=dt.date(2027, 3, 1), due_on=dt.date(2027, 4, 2))
    result = app.test_cli_runner().invoke(args=["complaints", "daily", "--date", "2027-03-04"])
    assert "1 reminder(s) sent" in result.output
    assert mailbox.to(officer.email) == []
    assert gateway.bodies() == [{"to": "+6281234567890", "channel": "sms", "text": SENTENCE_ID}]
    assert complaint.reference not in json.dumps(gateway.received)
