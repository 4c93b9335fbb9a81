"""In chromium (issue 11): the partner files a concern → the PK writes in the thread, answers the
concern (the partner gets the reply) and plans a home visit → the observation is still open →
the partner answers in the thread → the PK records the visit made → the observation is followed
up with the visit's findings."""
from __future__ import annotations

import datetime as dt

import pytest

from ..support import ClientFactory, UserFactory
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser

REPLY = "Terima kasih atas laporannya. Saya akan memeriksa keadaan klien di rumahnya."
FINDINGS = "Klien tinggal bersama ibunya, sedang sakit flu, dan akan kembali bekerja Senin."


def test_concern_thread_and_home_visit(live_server, page, checker):
    app, base = live_server.app, live_server.url
    users = UserFactory(app)
    officer = users.make("officer")
    partner = users.make("partner")
    clients = ClientFactory(app)
    record = clients.make(officer=officer, full_name="Hendra Wijayakusuma")
    clients.assign(record, partner.partner_org_id, starts_on=dt.date.today() - dt.timedelta(days=30))

    # the partner files a concern
    sign_in(page, base, partner, "/beranda/")
    page.get_by_role("link", name="Klien", exact=True).click()
    page.get_by_role("link", name="Hendra Wijayakusuma", exact=True).click()
    page.get_by_role("link", name="Laporkan pengamatan").first.click()
    page.get_by_label("Kategori").select_option("concern")
    page.get_by_label("Apa yang terjadi").fill(
        "Tiga hari klien tidak datang ke bengkel dan telepon tidak diangkat.")
    page.get_by_role("button", name="Kirim ke PK").click()
    page.wait_for_url("**/mitra/klien/pengamatan/**")
    observation_url = page.url
    sign_out(page)

    # the PK sees it, replies in the thread and plans a home visit
    sign_in(page, base, officer, "/beranda/")
    page.get_by_role("link", name="Pengamatan", exact=True).click()
    page.get_by_role("link", name="Kekhawatiran").first.click()
    staff_observation = page.url
    page.get_by_label("Pesan", exact=True).fill("Terima kasih. Saya akan berkunjung ke rumah klien besok.")
    checker.check(page, "observation-thread-staff")
    page.get_by_role("button", name="Kirim", exact=True).click()
    assert "Saya akan berkunjung ke rumah klien besok." in page.content()
    # a new concern is answered before a visit is planned about it
    assert page.get_by_role("link", name="Rencanakan kunjungan rumah").count() == 0
    page.get_by_label("Tanggapan untuk mitra").fill(REPLY)
    page.get_by_role("button", name="Kirim tanggapan").click()
    assert REPLY in page.content()
    page.get_by_role("link", name="Rencanakan kunjungan rumah").click()
    page.get_by_label("Tanggal rencana").fill((dt.date.today() + dt.timedelta(days=1)).isoformat())
    page.get_by_label("Tujuan kunjungan").fill("Memastikan keadaan klien yang tidak masuk kerja.")
    checker.check(page, "plan-visit")
    page.get_by_role("button", name="Rencanakan kunjungan").click()
    page.wait_for_url("**/staf/kunjungan/**")
    visit_url = page.url
    checker.check(page, "visit-planned")
    page.goto(staff_observation)
    assert "Sudah ditanggapi" in page.content() and "Sudah ditindaklanjuti" not in page.content()
    sign_out(page)

    # the observation is still open; the partner answers in the thread
    sign_in(page, base, partner, "/beranda/")
    page.goto(observation_url)
    assert "Sudah ditanggapi" in page.content() and "Sudah ditindaklanjuti" not in page.content()
    assert "Saya akan berkunjung ke rumah klien besok." in page.content()
    assert REPLY in page.content()
    page.get_by_label("Pesan", exact=True).fill("Baik. Ibunya bilang klien sedang sakit.")
    checker.check(page, "observation-thread-partner")
    page.get_by_role("button", name="Kirim", exact=True).click()
    assert "Ibunya bilang klien sedang sakit." in page.content()
    sign_out(page)

    # the PK records the visit made
    sign_in(page, base, officer, "/beranda/")
    page.get_by_role("link", name="Kunjungan rumah", exact=True).click()
    checker.check(page, "visits")
    page.goto(visit_url)
    page.get_by_label("Siapa yang ditemui").fill("Klien dan ibunya")
    page.get_by_label("Temuan", exact=True).fill(FINDINGS)
    page.get_by_label("Langkah berikutnya").fill("Kunjungan ulang dua minggu lagi.")
    page.get_by_role("button", name="Catat kunjungan").click()
    assert "Kunjungan rumah telah dicatat." in page.content()
    checker.check(page, "visit-recorded")

    # the observation shows followed up, with the visit's findings
    page.goto(staff_observation)
    assert "Sudah ditindaklanjuti" in page.content() and FINDINGS in page.content()
    assert "Kunjungan rumah dilakukan" in page.content()
    assert "Ibunya bilang klien sedang sakit." in page.content()
    checker.check(page, "observation-closed")
