"""In chromium: home page in both languages, language switch, sign in and out as every demo role."""
from __future__ import annotations

import pyotp
import pytest

from portal.demo import DEMO_OFFICE, DEMO_PASSWORD, DEMO_USERS, load_demo_users
from portal.demo_data import load_demo_partners
from portal.extensions import db

pytestmark = pytest.mark.browser


def _load_demo(app):
    with app.app_context():
        load_demo_users()
        load_demo_partners(DEMO_OFFICE)
        db.session.commit()


def test_home_page_in_both_languages_and_switching(live_server, page, checker):
    page.goto(live_server.url + "/")
    assert page.get_attribute("html", "lang") == "id"
    assert page.locator("h1").inner_text().startswith("Membantu")
    checker.check(page, "home-id")
    page.locator("a[hreflang=en]").click()
    page.wait_for_url("**lang=en")
    assert page.get_attribute("html", "lang") == "en"
    assert "Helping people on parole" in page.locator("h1").inner_text()
    checker.check(page, "home-en")
    page.goto(live_server.url + "/masuk")
    assert page.get_attribute("html", "lang") == "en"  # the choice is remembered
    checker.check(page, "login-en")
    page.goto(live_server.url + "/tidak-ada")
    checker.check(page, "404-en")


def test_skip_link_is_first_and_reaches_main(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"


@pytest.mark.parametrize("role, email, name, secret", DEMO_USERS, ids=[u[0] for u in DEMO_USERS])
def test_each_demo_role_signs_in_and_out(live_server, page, checker, role, email, name, secret):
    _load_demo(live_server.app)
    page.goto(live_server.url + "/masuk")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Kata sandi").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    if secret:
        page.wait_for_url("**/masuk/kode**")
        checker.check(page, f"totp-{role}")
        page.get_by_label("Kode autentikasi").fill(pyotp.TOTP(secret).now())
        page.get_by_role("button", name="Lanjutkan").click()
    expected = "/beranda/"  # issue 11: every role lands on its work home
    page.wait_for_url(f"**{expected}")
    checker.check(page, f"landing-{role}")
    if role == "admin":
        page.get_by_role("link", name="Log audit").click()
        page.wait_for_url("**/admin/audit")
        checker.check(page, "audit-log")
        page.goto(live_server.url + "/admin/pengguna/baru")
        page.get_by_role("button", name="Buat dan kirim undangan").click()
        checker.check(page, "user-form-errors")
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_role("link", name="Masuk").count() >= 1
    page.goto(live_server.url + expected)
    assert "/masuk" in page.url
