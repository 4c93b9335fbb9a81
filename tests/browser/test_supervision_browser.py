"""In chromium (issue 11 §2, §5): the officer adds a condition and writes the partner sheet →
the partner reads it and records a travel request → the officer refuses it without a reason
(told what is missing), then with one. axe checks every page on the way."""
from __future__ import annotations

import datetime as dt

import pytest

from ..support import ClientFactory, UserFactory
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser


def test_condition_sheet_and_travel(live_server, page, checker):
    app, base = live_server.app, live_server.url
    users = UserFactory(app)
    officer = users.make("officer")
    partner = users.make("partner")
    clients = ClientFactory(app)
    record = clients.make(officer=officer, full_name="Hendra Wijaya")
    clients.assign(record, partner.partner_org_id, starts_on=dt.date.today() - dt.timedelta(days=5))

    sign_in(page, base, officer, "/beranda/")
    page.goto(f"{base}/staf/klien/{record.public_id}")
    page.get_by_role("link", name="Tambah syarat").click()
    page.get_by_role("radio", name="Syarat khusus").check()
    page.get_by_label("Syarat khusus yang mana").select_option("stay_in_area")
    checker.check(page, "condition-form")
    page.get_by_role("button", name="Simpan syarat").click()
    assert "Tetap tinggal di wilayah dan melaporkan setiap bepergian" in page.content()
    checker.check(page, "client-page-supervision")
    page.get_by_role("link", name="Tulis lembar mitra").click()
    page.get_by_label("Tetap tinggal di wilayah dan melaporkan setiap bepergian").check()
    page.get_by_label("Siapa yang dihubungi dan kapan").fill("Telepon PK pada jam kerja.")
    checker.check(page, "sheet-form")
    page.get_by_role("button", name="Simpan lembar mitra").click()
    sign_out(page)

    sign_in(page, base, partner, "/beranda/")
    page.goto(f"{base}/mitra/klien/{record.public_id}")
    assert "Telepon PK pada jam kerja." in page.content()
    checker.check(page, "partner-sheet")
    page.get_by_role("link", name="Catat permohonan izin bepergian").click()
    page.get_by_label("Tujuan").fill("Kota Bogor")
    page.get_by_label("Dari tanggal").fill((dt.date.today() + dt.timedelta(days=3)).isoformat())
    page.get_by_label("Sampai tanggal").fill((dt.date.today() + dt.timedelta(days=4)).isoformat())
    page.locator("textarea#purpose").fill("Menjenguk orang tua.")
    checker.check(page, "travel-form")
    page.get_by_role("button", name="Kirim ke PK").click()
    sign_out(page)

    sign_in(page, base, officer, "/beranda/")
    page.get_by_role("link", name="Izin bepergian", exact=True).click()
    checker.check(page, "travel-queue")
    page.get_by_role("link", name="Hendra Wijaya: Kota Bogor").click()
    page.get_by_label("Tolak").check()
    page.get_by_role("button", name="Simpan keputusan").click()
    assert "Isi alasan penolakan." in page.content()
    checker.check(page, "travel-decision-error")
    page.locator("textarea#note").fill("Bertepatan dengan jadwal wajib lapor.")
    page.get_by_role("button", name="Simpan keputusan").click()
    assert "Izin bepergian ditolak." in page.content()
