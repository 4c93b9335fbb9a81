"""Two-factor authentication: required roles, enrolment, the second step, no code reuse."""
from __future__ import annotations

import datetime as dt
import re

import pyotp
import time_machine

from portal.auth.models import User
from portal.extensions import db

from .support import PASSWORD, login_client, totp_now

T0 = dt.datetime(2026, 11, 2, 8, 0, 5, tzinfo=dt.UTC)


def test_head_without_totp_must_enrol_before_anything_else(app, users):
    head = users.make("head", totp=False)
    client = app.test_client()
    response = client.post("/masuk", data={"email": head.email, "password": PASSWORD})
    assert response.headers["Location"] == "/akun/2fa"
    assert client.get("/akun/").headers["Location"] == "/akun/2fa"
    page = client.get("/akun/2fa").get_data(as_text=True)
    assert "<svg" in page
    secret = re.search(r'class="fs-5 totp-key">([A-Z2-7]+)<', page).group(1)
    wrong = client.post("/akun/2fa", data={"code": "000000"})
    assert wrong.status_code == 200
    ok = client.post("/akun/2fa", data={"code": pyotp.TOTP(secret).now()})
    assert ok.headers["Location"] == "/akun/"
    assert client.get("/akun/").status_code == 200
    with app.app_context():
        assert db.session.get(User, head.id).totp_secret == secret


def test_sign_in_with_totp_takes_two_steps(app, users):
    officer = users.make("officer", totp=True)
    client = app.test_client()
    with time_machine.travel(T0, tick=False):
        first = client.post("/masuk", data={"email": officer.email, "password": PASSWORD,
                                            "next": "/akun/sandi"})
        assert first.headers["Location"].startswith("/masuk/kode")
        assert client.get("/akun/").status_code == 302  # not signed in yet
        bad = client.post(first.headers["Location"], data={"code": "123456"})
        assert bad.status_code == 200
        good = client.post(first.headers["Location"], data={"code": totp_now(officer, T0)})
        assert good.headers["Location"] == "/akun/sandi"
        assert client.get("/akun/").status_code == 200


def test_a_code_cannot_be_used_twice(app, users):
    officer = users.make("officer", totp=True)
    with time_machine.travel(T0, tick=False):
        code = totp_now(officer, T0)
        first = app.test_client()
        first.post("/masuk", data={"email": officer.email, "password": PASSWORD})
        assert first.post("/masuk/kode", data={"code": code}).status_code == 302
        second = app.test_client()
        second.post("/masuk", data={"email": officer.email, "password": PASSWORD})
        again = second.post("/masuk/kode", data={"code": code})
        assert again.status_code == 200  # refused, form shown again
    with time_machine.travel(T0 + dt.timedelta(seconds=30), tick=False):
        fresh = second.post("/masuk/kode", data={"code": totp_now(officer, T0 + dt.timedelta(seconds=30))})
        assert fresh.status_code == 302


def test_second_step_expires_after_five_minutes(app, users):
    officer = users.make("officer", totp=True)
    client = app.test_client()
    with time_machine.travel(T0, tick=False):
        client.post("/masuk", data={"email": officer.email, "password": PASSWORD})
    later = T0 + dt.timedelta(minutes=6)
    with time_machine.travel(later, tick=False):
        response = client.post("/masuk/kode", data={"code": totp_now(officer, later)})
        assert response.headers["Location"] == "/masuk"


def test_officer_may_turn_totp_off_but_head_may_not(app, users):
    officer = users.make("officer", totp=True)
    with time_machine.travel(T0, tick=False):
        client = login_client(app, officer)
        response = client.post("/akun/2fa/nonaktif",
                               data={"password": PASSWORD, "code": totp_now(officer, T0)})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.get(User, officer.id).totp_secret is None
    head = users.make("head")
    with time_machine.travel(T0, tick=False):
        client = login_client(app, head)
        client.post("/akun/2fa/nonaktif", data={"password": PASSWORD, "code": totp_now(head, T0)})
    with app.app_context():
        assert db.session.get(User, head.id).totp_secret is not None


def test_turning_totp_off_needs_the_password(app, users):
    officer = users.make("officer", totp=True)
    with time_machine.travel(T0, tick=False):
        client = login_client(app, officer)
        client.post("/akun/2fa/nonaktif", data={"password": "wrong-one-entirely",
                                                "code": totp_now(officer, T0)})
    with app.app_context():
        assert db.session.get(User, officer.id).totp_secret is not None


def test_admin_reset_makes_the_user_enrol_again(app, users):
    admin = users.make("admin")
    head = users.make("head")
    head_client = login_client(app, head)
    assert head_client.get("/akun/").status_code == 200
    login_client(app, admin).post(f"/admin/pengguna/{head.id}/reset-2fa")
    with app.app_context():
        assert db.session.get(User, head.id).totp_secret is None
    # the reset ended the head's sessions
    assert head_client.get("/akun/").headers["Location"].startswith("/masuk")
