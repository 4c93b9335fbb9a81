"""In chromium: an officer chooses SMS with a wrong number, is told why and keeps what they
typed, then saves; a Kasi sets the reminder days of the Bapas (axe on every page)."""
from __future__ import annotations

import pytest

from ..support import UserFactory
from .conftest import LiveServer
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser


@pytest.fixture
def gateway_server(make_app):
    """The portal with a gateway configured (nothing is sent in this test)."""
    server = LiveServer(make_app(NOTIFY_GATEWAY_URL="http://127.0.0.1:9/send"))
    server.start()
    yield server
    server.stop()


def test_choosing_how_to_be_told_and_the_reminder_days(gateway_server, page, checker):
    app, base = gateway_server.app, gateway_server.url
    users = UserFactory(app)
    officer, supervisor = users.make("officer"), users.make("supervisor")

    sign_in(page, base, officer, "/beranda/")
    page.get_by_role("link", name="Akun saya").click()
    page.get_by_role("link", name="Ubah cara pemberitahuan").click()
    page.wait_for_url("**/akun/pemberitahuan")
    page.get_by_label("Lewat SMS (pemberitahuan singkat tanpa rincian)").check()
    page.get_by_label("Nomor ponsel").fill("0812-34")
    page.get_by_role("button", name="Simpan").click()
    assert "Masukkan nomor ponsel seperti 0812 3456 7890" in page.content()
    assert page.get_by_label("Nomor ponsel").input_value() == "0812-34"
    checker.check(page, "notices-error")
    page.get_by_label("Nomor ponsel").fill("0812 3456 7890")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url("**/akun/")
    assert "+6281234567890" in page.content()
    checker.check(page, "account-with-sms")
    sign_out(page)

    sign_in(page, base, supervisor)
    page.goto(base + "/staf/pengaduan/")
    page.get_by_role("link", name="Hari pengingat").click()
    page.wait_for_url("**/staf/pengaduan/pengingat")
    page.get_by_label("Hari pengingat").fill("10, 3")
    page.get_by_role("button", name="Simpan").click()
    assert "Tulis hari-hari itu berurutan dari kecil ke besar, masing-masing sekali." in page.content()
    checker.check(page, "reminder-days-error")
    page.get_by_label("Hari pengingat").fill("3, 10")
    page.get_by_role("button", name="Simpan").click()
    assert page.get_by_label("Hari pengingat").input_value() == "3, 10"
    checker.check(page, "reminder-days-saved")
