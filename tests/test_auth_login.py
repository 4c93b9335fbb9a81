"""Signing in and out: credentials, lockout, rate limit, sessions, redirects."""
from __future__ import annotations

import datetime as dt

import time_machine
from sqlalchemy import select

from portal.audit import AuditEvent
from portal.extensions import db

from .support import PASSWORD, csrf_token


def sign_in(client, email, password=PASSWORD, **extra):
    return client.post("/masuk", data={"email": email, "password": password, **extra})


def actions(app, user_id=None):
    with app.app_context():
        stmt = select(AuditEvent.action).order_by(AuditEvent.id)
        if user_id:
            stmt = stmt.where(AuditEvent.object_id == str(user_id))
        return list(db.session.scalars(stmt))


def test_officer_signs_in_and_lands_on_account(app, users):
    user = users.make("officer")
    client = app.test_client()
    response = sign_in(client, user.email)
    assert response.status_code == 302
    assert response.headers["Location"] == "/beranda/"
    page = client.get("/akun/").get_data(as_text=True)
    assert user.email in page
    assert "login.success" in actions(app, user.id)


def test_email_is_case_insensitive(app, users):
    user = users.make("officer")
    response = sign_in(app.test_client(), "  " + user.email.upper())
    assert response.status_code == 302


def test_wrong_password_and_unknown_email_get_the_same_answer(app, users):
    user = users.make("officer")
    wrong = sign_in(app.test_client(), user.email, "not-the-password-123")
    unknown = sign_in(app.test_client(), "nobody@test.example", "not-the-password-123")
    assert wrong.status_code == unknown.status_code == 200
    assert "Email atau kata sandi salah." in wrong.get_data(as_text=True)
    assert "Email atau kata sandi salah." in unknown.get_data(as_text=True)
    assert "login.failure" in actions(app, user.id)


def test_typed_email_is_kept_after_a_failed_sign_in(app, users):
    user = users.make("officer")
    page = sign_in(app.test_client(), user.email, "wrong-password-xyz").get_data(as_text=True)
    assert f'value="{user.email}"' in page
    assert PASSWORD not in page


def test_lockout_after_ten_failures_leaves_other_accounts_alone(app, users):
    victim = users.make("officer")
    other = users.make("officer")
    client = app.test_client()
    for _ in range(10):
        sign_in(client, victim.email, "wrong-password-xyz")
    refused = sign_in(client, victim.email)  # the right password, but locked
    assert refused.status_code == 200
    assert "dihentikan sementara" in refused.get_data(as_text=True)
    assert sign_in(app.test_client(), other.email).status_code == 302
    assert "login.lockout" in actions(app, victim.id)
    assert "login.refused_locked" in actions(app, victim.id)


def test_lock_lifts_after_fifteen_minutes(app, users):
    user = users.make("officer")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        for _ in range(10):
            sign_in(app.test_client(), user.email, "wrong-password-xyz")
    with time_machine.travel(start + dt.timedelta(minutes=14), tick=False):
        assert sign_in(app.test_client(), user.email).status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=16), tick=False):
        assert sign_in(app.test_client(), user.email).status_code == 302


def test_login_rate_limit_per_ip_answers_429(make_app, users_factory=None):
    app = make_app(LOGIN_RATE_LIMIT="3 per minute")
    client = app.test_client()
    for _ in range(3):
        assert sign_in(client, "x@test.example", "whatever-password").status_code == 200
    response = sign_in(client, "x@test.example", "whatever-password")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.get_data(as_text=True)
    other_ip = client.post("/masuk", data={"email": "x@test.example", "password": "p"},
                           environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert other_ip.status_code == 200


def test_inactive_account_cannot_sign_in(app, users):
    user = users.make("officer", active=False)
    response = sign_in(app.test_client(), user.email)
    assert response.status_code == 200
    assert "Email atau kata sandi salah." in response.get_data(as_text=True)


def test_session_is_renewed_at_sign_in(app, users):
    user = users.make("officer")
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["planted"] = "by-an-attacker"
    sign_in(client, user.email)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess["_user_id"].startswith(f"{user.id}.")


def test_next_redirect_is_relative_only(app, users):
    user = users.make("officer")
    ok = sign_in(app.test_client(), user.email, next="/akun/sandi")
    assert ok.headers["Location"] == "/akun/sandi"
    # A browser reads "///host" and " //host" as another site too.
    for bad in ("https://evil.example/x", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "///evil.example/x", " //evil.example/x",
                # browsers drop tabs and newlines in a URL: "/<TAB>/host" is "//host" to them
                "/\t/evil.example/x", "/\n/evil.example/x", "/\r\n/evil.example/x",
                "akun/sandi"):  # not a path from the site's root
        response = sign_in(app.test_client(), user.email, next=bad)
        assert response.headers["Location"] == "/beranda/", bad


def test_staff_idle_timeout_is_thirty_minutes(app, users):
    user = users.make("officer")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    client = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(client, user.email)
    with time_machine.travel(start + dt.timedelta(minutes=29), tick=False):
        assert client.get("/akun/").status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=58), tick=False):
        assert client.get("/akun/").status_code == 200  # active 29 minutes ago: still in
    with time_machine.travel(start + dt.timedelta(minutes=89), tick=False):
        response = client.get("/akun/")
        assert response.status_code == 302 and response.headers["Location"].startswith("/masuk")


def test_partner_is_not_cut_off_after_thirty_idle_minutes(app, users):
    user = users.make("partner")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    client = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(client, user.email)
    with time_machine.travel(start + dt.timedelta(minutes=45), tick=False):
        assert client.get("/akun/").status_code == 200


def test_absolute_session_limit_is_twelve_hours(app, users):
    user = users.make("officer")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    client = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(client, user.email)
    for minutes in range(20, 12 * 60, 20):  # keep the session busy all day
        with time_machine.travel(start + dt.timedelta(minutes=minutes), tick=False):
            assert client.get("/akun/").status_code == 200
    with time_machine.travel(start + dt.timedelta(hours=12, minutes=1), tick=False):
        assert client.get("/akun/").status_code == 302


def test_logout_with_a_real_csrf_token(make_app, users_factory=None):
    app = make_app(WTF_CSRF_ENABLED=True)
    from .support import UserFactory
    user = UserFactory(app).make("officer")
    client = app.test_client()
    token = csrf_token(client.get("/masuk").get_data(as_text=True))
    assert sign_in(client, user.email, csrf_token=token).status_code == 302
    page = client.get("/akun/").get_data(as_text=True)
    assert client.post("/keluar", data={"csrf_token": csrf_token(page)}).status_code == 302
    assert client.get("/akun/").status_code == 302


def test_partner_idle_limit_is_two_hours(app, users):
    user = users.make("partner")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    client = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(client, user.email)
    with time_machine.travel(start + dt.timedelta(minutes=119), tick=False):
        assert client.get("/akun/").status_code == 200
    with time_machine.travel(start + dt.timedelta(minutes=240), tick=False):
        assert client.get("/akun/").status_code == 302  # 121 idle minutes


def test_an_ended_session_says_so_and_sends_back_to_the_page(app, users):
    """After the idle limit the next request signs the person out and says so; a public page
    is still shown (signed out), a private page leads to sign-in and back to where they were."""
    from urllib.parse import parse_qs, urlsplit

    from .support import t
    user = users.make("officer")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
    ended = t(app, "Your session has ended. Please sign in again.")
    public_first, private_first = app.test_client(), app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(public_first, user.email)
        sign_in(private_first, user.email)
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        home = public_first.get("/")
        assert home.status_code == 200 and ended in home.get_data(as_text=True)
        assert public_first.get("/akun/").status_code == 302          # signed out
        private = private_first.get("/staf/klien/?q=abc")
        assert private.status_code == 302
        location = urlsplit(private.headers["Location"])
        assert location.path == "/masuk"
        assert parse_qs(location.query) == {"next": ["/staf/klien/?q=abc"]}
        assert ended in private_first.get("/masuk").get_data(as_text=True)


def test_signing_in_first_keeps_the_page_asked_for_but_never_a_form_sent(app):
    from urllib.parse import parse_qs, urlsplit
    anonymous = app.test_client()
    asked = urlsplit(anonymous.get("/akun/").headers["Location"])
    assert (asked.path, parse_qs(asked.query)) == ("/masuk", {"next": ["/akun/"]})
    sent = anonymous.post("/staf/klien/baru", data={"full_name": "X"})
    assert sent.status_code == 302 and sent.headers["Location"] == "/masuk"


def test_a_head_without_two_factor_is_told_why_the_enrolment_page_comes_first(app, users):
    from .support import login_client, t
    client = login_client(app, users.make("head", totp=False))
    response = client.get("/staf/klien/")
    assert response.headers["Location"] == "/akun/2fa"
    page = client.get("/akun/2fa").get_data(as_text=True)
    assert t(app, "Your role requires two-factor authentication. Set it up to continue.") in page
    assert ('<div class="alert alert-warning">Peran Anda mewajibkan autentikasi dua faktor. Atur '
            'terlebih dahulu untuk melanjutkan.</div>') in page


def test_session_clocks_at_their_exact_limits(app, users):
    """Staff: idle 30:00 is still in and 30:01 is out; the working day ends after exactly 12 h;
    the idle clock moves at most once a minute (a request 30 s after the last one does not
    restart it)."""
    user = users.make("officer")
    start = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)

    def at(client, delta):
        with time_machine.travel(start + delta, tick=False):
            return client.get("/akun/").status_code

    idle = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(idle, user.email)
    assert at(idle, dt.timedelta(minutes=30)) == 200  # exactly 30 minutes idle: still in
    after = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(after, user.email)
    assert at(after, dt.timedelta(minutes=30, seconds=1)) == 302  # one second more: out
    with time_machine.travel(start + dt.timedelta(minutes=30, seconds=2), tick=False):
        told = after.get("/masuk").get_data(as_text=True)
    assert '<div class="alert alert-warning">Sesi Anda telah berakhir. Silakan masuk kembali.</div>' in told

    # seen at 0 s, again at 30 s (the clock stays at 0 s), then 30:10 after the start: out
    clock = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(clock, user.email)
    assert at(clock, dt.timedelta(seconds=30)) == 200
    assert at(clock, dt.timedelta(minutes=30, seconds=10)) == 302
    # seen at 61 s (the clock moves to 61 s): 30:30 after the start is still in
    moved = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(moved, user.email)
    assert at(moved, dt.timedelta(seconds=61)) == 200
    assert at(moved, dt.timedelta(minutes=30, seconds=30)) == 200

    day = app.test_client()
    with time_machine.travel(start, tick=False):
        sign_in(day, user.email)
    for minutes in range(20, 12 * 60, 20):
        assert at(day, dt.timedelta(minutes=minutes)) == 200
    assert at(day, dt.timedelta(hours=12)) == 200  # exactly twelve hours: still in
    assert at(day, dt.timedelta(hours=12, seconds=1)) == 302
