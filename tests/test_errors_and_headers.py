"""Error pages are translated and show no traceback; every response carries the headers."""
from __future__ import annotations

import re

from flask import abort

from .support import login_client


def test_404_is_translated_in_both_languages(client):
    page = client.get("/tidak-ada").get_data(as_text=True)
    assert "Halaman tidak ditemukan" in page
    page = client.get("/tidak-ada?lang=en").get_data(as_text=True)
    assert "Page not found" in page and '<html lang="en">' in page


def test_403_for_a_signed_in_user_of_the_wrong_role(app, users):
    client = login_client(app, users.make("officer"))
    response = client.get("/admin/pengguna")
    assert response.status_code == 403
    assert "Tidak diizinkan" in response.get_data(as_text=True)


def test_405_page(client):
    assert client.get("/keluar").status_code in (302, 405)


def test_413_page_when_the_body_is_too_large(make_app):
    app = make_app(MAX_CONTENT_LENGTH=1000)
    response = app.test_client().post("/lupa-sandi", data={"email": "x" * 5000})
    assert response.status_code == 413
    assert "terlalu besar" in response.get_data(as_text=True)


def test_500_page_has_no_traceback(make_app):
    app = make_app(PROPAGATE_EXCEPTIONS=False)

    @app.route("/boom-for-test")
    def boom():  # pragma: no cover - body raises
        raise RuntimeError("secret internal detail")

    boom._access = "public"
    response = app.test_client().get("/boom-for-test")
    text = response.get_data(as_text=True)
    assert response.status_code == 500
    assert "Terjadi kesalahan" in text
    assert "Traceback" not in text and "secret internal detail" not in text


def test_400_page(make_app):
    app = make_app()

    @app.route("/bad-for-test")
    def bad():
        abort(400)

    bad._access = "public"
    response = app.test_client().get("/bad-for-test")
    assert response.status_code == 400
    assert "Permintaan tidak valid" in response.get_data(as_text=True)


def test_security_headers_on_public_pages(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    for part in ("script-src 'self'", "object-src 'none'", "base-uri 'none'",
                 "frame-ancestors 'none'", "style-src 'self'"):
        assert part in csp
    assert "unsafe-inline" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response.headers  # only in production


def test_authenticated_pages_are_not_stored(app, users):
    client = login_client(app, users.make("officer"))
    response = client.get("/akun/")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_session_cookie_flags(app, users):
    from .support import PASSWORD
    user = users.make("officer")
    response = app.test_client().post("/masuk", data={"email": user.email, "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_pages_have_no_inline_script_or_style(app, users):
    client = login_client(app, users.make("admin"))
    for url in ("/", "/masuk", "/akun/", "/admin/pengguna", "/admin/audit", "/akun/sandi"):
        page = client.get(url).get_data(as_text=True)
        assert "<script>" not in page and "style=" not in page and "<style" not in page, url
        assert re.search(r"\son[a-z]+=", page) is None, url  # no inline event handlers


# The whole policy, written out: a change to any header is a decision, taken here too.
POLICY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
                               "form-action 'self'; object-src 'none'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
                          "interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def test_every_page_carries_the_whole_policy_and_is_not_stored(app, users):
    """Pages (public or signed in) carry the policy and are never stored by a browser or a
    proxy (Cache-Control no-store, varying by cookie); static files carry the policy and may
    be cached."""
    signed_in = login_client(app, users.make("officer"))
    for session, url in ((app.test_client(), "/"), (signed_in, "/akun/")):
        response = session.get(url)
        assert {name: response.headers.get(name) for name in POLICY_HEADERS} == POLICY_HEADERS, url
        assert (response.headers["Cache-Control"], response.headers["Vary"]) == ("no-store", "Cookie"), url
    static = app.test_client().get("/static/css/portal.css")
    assert static.status_code == 200
    assert {name: static.headers.get(name) for name in POLICY_HEADERS} == POLICY_HEADERS
    assert "no-store" not in static.headers.get("Cache-Control", "")
