"""Password reset and staff invitations: single-use, expiring links sent by real SMTP."""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

import time_machine

from .support import PASSWORD, login_client

NEW_PASSWORD = "sawah-hijau-di-lembang-77"


def path_of(link: str) -> str:
    return urlsplit(link).path


def test_reset_link_by_email_sets_a_new_password_once(app, users, mailbox):
    user = users.make("officer")
    client = app.test_client()
    response = client.post("/lupa-sandi", data={"email": user.email})
    assert response.status_code == 200
    [message] = mailbox.to(user.email)
    assert "kata sandi" in message["Subject"].lower()
    [link] = mailbox.links(message)
    page = client.get(path_of(link))
    assert page.status_code == 200
    done = client.post(path_of(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.headers["Location"] == "/masuk"
    assert client.post("/masuk", data={"email": user.email, "password": NEW_PASSWORD}).status_code == 302
    assert app.test_client().post("/masuk", data={"email": user.email, "password": PASSWORD}).status_code == 200
    again = app.test_client().get(path_of(link))
    assert again.status_code == 404


def test_reset_ends_existing_sessions(app, users, mailbox):
    user = users.make("officer")
    old_session = login_client(app, user)
    assert old_session.get("/akun/").status_code == 200
    app.test_client().post("/lupa-sandi", data={"email": user.email})
    [link] = mailbox.links(mailbox.to(user.email)[0])
    app.test_client().post(path_of(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert old_session.get("/akun/").status_code == 302


def test_unknown_email_gets_the_same_page_and_no_email(app, mailbox):
    known_page = app.test_client().post("/lupa-sandi", data={"email": "nobody@test.example"})
    assert known_page.status_code == 200
    assert mailbox.flush() == []


def test_reset_link_expires_after_an_hour(app, users, mailbox):
    user = users.make("officer")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        app.test_client().post("/lupa-sandi", data={"email": user.email})
    [link] = mailbox.links(mailbox.to(user.email)[0])
    with time_machine.travel(start + dt.timedelta(minutes=61), tick=False):
        assert app.test_client().get(path_of(link)).status_code == 404


def test_a_newer_link_replaces_the_older_one(app, users, mailbox):
    user = users.make("officer")
    app.test_client().post("/lupa-sandi", data={"email": user.email})
    app.test_client().post("/lupa-sandi", data={"email": user.email})
    first, second = mailbox.to(user.email)
    assert app.test_client().get(path_of(mailbox.links(first)[0])).status_code == 404
    assert app.test_client().get(path_of(mailbox.links(second)[0])).status_code == 200


def test_weak_password_is_refused_on_the_link_page(app, users, mailbox):
    user = users.make("officer")
    app.test_client().post("/lupa-sandi", data={"email": user.email})
    [link] = mailbox.links(mailbox.to(user.email)[0])
    response = app.test_client().post(path_of(link), data={"password": "password1234",
                                                           "confirm": "password1234"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.get_data(as_text=True)
    assert app.test_client().get(path_of(link)).status_code == 200  # not used up


def test_admin_invites_staff_who_sets_a_password_and_signs_in(app, users, mailbox):
    admin = users.make("admin")
    client = login_client(app, admin)
    with app.app_context():
        from .support import office
        office_id = office().id
    response = client.post("/admin/pengguna/baru", data={
        "name": "Rina Marlina", "email": "rina.marlina@test.example", "role": "officer",
        "office_id": str(office_id), "region_id": "", "locale": "en"})
    assert response.status_code == 302
    [message] = mailbox.to("rina.marlina@test.example")
    assert message["Subject"] == "Your POKMAS LIPAS account"  # in the invitee's language
    [link] = mailbox.links(message)
    staff = app.test_client()
    staff.post(path_of(link), data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    signed = staff.post("/masuk", data={"email": "rina.marlina@test.example",
                                        "password": NEW_PASSWORD})
    assert signed.headers["Location"] == "/beranda/"
