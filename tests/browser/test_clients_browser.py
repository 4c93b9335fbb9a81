"""In chromium: assign a client → the partner accepts → reports a suspected violation →
the officer gets the email and answers → the partner reads the answer."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from ..support import ClientFactory, UserFactory
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser




def test_assignment_observation_and_reply(live_server, page, checker, smtp_server):
    smtp_server.messages.clear()
    app, base = live_server.app, live_server.url
    users = UserFactory(app)
    officer = users.make("officer")
    partner = users.make("partner")
    ClientFactory(app).make(officer=officer, full_name="Galih Ramadhan")

    # the officer assigns the client to the partner
    sign_in(page, base, officer, "/beranda/")
    page.get_by_role("link", name="Klien", exact=True).click()
    checker.check(page, "client-register")
    page.get_by_role("link", name="Galih Ramadhan", exact=True).click()
    page.get_by_text("Tugaskan kepada mitra").click()
    page.get_by_label("Sampai tanggal").fill((dt.date.today() + dt.timedelta(days=180)).isoformat())
    page.get_by_label("Bantuan yang diharapkan dari mitra").fill("Magang menjahit, tiga hari seminggu.")
    checker.check(page, "client-page")
    page.get_by_role("button", name="Usulkan penugasan").click()
    assert "Menunggu jawaban mitra" in page.content()
    sign_out(page)

    # the partner admin accepts, then reports a suspected violation
    sign_in(page, base, partner, "/beranda/")
    page.get_by_role("link", name="Organisasi saya").click()  # from the work home
    page.get_by_role("link", name="Tanggapi").first.click()
    checker.check(page, "proposals")
    page.get_by_role("button", name="Terima").click()
    page.get_by_role("link", name="Klien", exact=True).click()
    page.get_by_role("link", name="Galih Ramadhan", exact=True).click()
    checker.check(page, "partner-client")
    page.get_by_role("link", name="Laporkan pengamatan").first.click()
    page.get_by_label("Kategori").select_option("suspected_violation")
    page.get_by_label("Pindah alamat tanpa melapor").check()
    page.get_by_label("Apa yang terjadi").fill(
        "Sejak Senin klien tidak lagi tinggal di alamat terdaftar; tetangga bilang ia pindah ke Garut.")
    checker.check(page, "observation-form")
    page.get_by_role("button", name="Kirim ke PK").click()
    page.wait_for_url("**/mitra/klien/pengamatan/**")
    observation_url = page.url
    sign_out(page)

    # the officer got an email at once
    assert app.test_cli_runner().invoke(args=["outbox", "send"]).exit_code == 0
    mails = [m for m in smtp_server.messages if m["To"] == officer.email]
    assert mails and "Galih" not in mails[-1].get_content()
    link = re.search(r"https?://\S+", mails[-1].get_content()).group(0)

    # the officer opens it and answers
    sign_in(page, base, officer, "/beranda/")
    page.goto(base + "/" + link.split("/", 3)[3])
    assert "Garut" in page.content()
    checker.check(page, "observation-staff")
    page.get_by_label("Tanggapan untuk mitra").fill("Terima kasih. Kami akan mengunjungi alamat baru besok.")
    page.get_by_label("Tindak lanjut", exact=True).select_option("warning_issued")
    page.get_by_role("button", name="Kirim tanggapan").click()
    page.get_by_role("link", name="Pengamatan", exact=True).click()
    checker.check(page, "inbox")
    sign_out(page)

    # the partner reads the reply
    sign_in(page, base, partner, "/beranda/")
    page.goto(observation_url)
    assert "Kami akan mengunjungi alamat baru besok." in page.content()
    checker.check(page, "observation-partner")
