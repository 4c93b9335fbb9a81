"""In chromium: an employer posts a job → a supervisor publishes it → an officer refers a
client with consent → the employer invites, starts a placement, then reports an observation."""
from __future__ import annotations

import datetime as dt

import pytest

from portal.extensions import db
from portal.partners.models import PartnerOrg

from ..support import ClientFactory, UserFactory
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser




def test_post_publish_refer_place_observe(live_server, page, checker):
    app, base = live_server.app, live_server.url
    users = UserFactory(app)
    employer = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, employer.partner_org_id).kind = "employer"
        db.session.commit()
    supervisor = users.make("supervisor")
    officer = users.make("officer")
    ClientFactory(app).make(officer=officer, full_name="Irfan Maulana", offence_category="theft")

    # 1. the employer posts a job and submits it
    sign_in(page, base, employer, "/beranda/")
    page.get_by_role("link", name="Lowongan kerja dan pelatihan").first.click()
    checker.check(page, "own-postings-empty")
    page.get_by_role("link", name="Lowongan baru").click()
    page.get_by_label("Judul").fill("Operator mesin jahit")
    page.get_by_label("Deskripsi").fill(
        "Menjahit pakaian kerja di bengkel kami. Pelatihan diberikan pada minggu pertama."
    )
    page.get_by_label("Sektor").select_option("garment")
    page.get_by_label("Kota atau kabupaten").fill("Bandung")
    page.get_by_label("Pendaftaran ditutup pada").fill((dt.date.today() + dt.timedelta(days=20)).isoformat())
    page.get_by_label("Cara menghubungi kandidat").fill("PK menelepon bagian personalia, wawancara di bengkel.")
    checker.check(page, "posting-form")
    page.get_by_role("button", name="Simpan draf").click()
    page.get_by_role("button", name="Ajukan untuk moderasi").click()
    checker.check(page, "posting-pending")
    sign_out(page)

    # 2. the supervisor publishes it
    sign_in(page, base, supervisor, "/beranda/")
    page.get_by_role("link", name="Lowongan kerja dan pelatihan").first.click()
    checker.check(page, "staff-jobs")
    page.get_by_role("link", name="Operator mesin jahit").click()
    page.get_by_role("button", name="Terbitkan").click()
    sign_out(page)

    # 3. the officer refers the client, who agreed to be named now
    sign_in(page, base, officer, "/beranda/")
    page.get_by_role("link", name="Klien", exact=True).click()
    page.get_by_role("link", name="Irfan Maulana").click()
    page.get_by_role("link", name="Rujuk ke peluang").click()
    checker.check(page, "refer-choose")
    page.get_by_role("link", name="Pilih").first.click()
    page.get_by_label("Klien memberikan persetujuan pada").fill(dt.date.today().isoformat())
    page.get_by_label("Sekarang, bersama rujukan").check()
    page.locator("#consent_assignment").check()
    page.get_by_label("Ringkasan kandidat untuk mitra").fill(
        "Rajin, pernah menjahit di lapas selama dua tahun, siap kerja pagi."
    )
    checker.check(page, "refer-form")
    page.get_by_role("button", name="Kirim rujukan").click()
    page.wait_for_url("**/staf/rujukan/**")
    checker.check(page, "referral-staff")
    sign_out(page)

    # 4. the employer invites, then starts the placement
    sign_in(page, base, employer, "/beranda/")
    page.get_by_role("link", name="Lowongan kerja dan pelatihan").first.click()
    page.get_by_role("link", name="Operator mesin jahit").click()
    page.get_by_role("link", name="Irfan Maulana").click()
    checker.check(page, "candidate")
    page.locator("#on-undang").fill(dt.date.today().isoformat())
    page.get_by_role("button", name="Undang wawancara").click()
    page.locator("#on-mulai").fill(dt.date.today().isoformat())
    page.get_by_role("button", name="Penempatan dimulai").click()
    assert "Sedang penempatan" in page.content()

    # 5. the client is now among the employer's clients; the employer reports
    page.get_by_role("link", name="Klien", exact=True).click()
    page.get_by_role("link", name="Irfan Maulana", exact=True).click()
    page.get_by_role("link", name="Laporkan pengamatan").first.click()
    page.get_by_label("Kategori").select_option("progress")
    page.get_by_label("Apa yang terjadi").fill("Hari pertama penempatan: datang tepat waktu dan cepat belajar.")
    page.get_by_role("button", name="Kirim ke PK").click()
    page.wait_for_url("**/mitra/klien/pengamatan/**")
    checker.check(page, "placement-observation")
