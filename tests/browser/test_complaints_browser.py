"""In chromium: the public files a complaint → triage → BAPs → TPP → temporary revocation and
proposal (each decision on its confirmation page, issue 10 §1) → the regional office records
"revoked" → the client's return to a Lapas is recorded (§3) → the complainant sees "Dicabut"."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from ..support import ClientFactory, UserFactory
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser
TODAY = dt.date.today().isoformat()




def _open_case(page, base, reference):
    page.goto(base + "/staf/pengaduan/")
    page.get_by_role("link", name=reference).click()


def _step(page, label, open_first=True):
    if open_first:
        page.locator("summary", has_text=label).first.click()
    page.get_by_role("button", name=label).click()


def _decide(page, checker, link, action, shot=None, **fields):
    """The case page links to the confirmation page: reasons written, grounds prefilled."""
    page.get_by_role("link", name=link).click()
    page.wait_for_url(f"**/langkah/{action}")
    assert "Yang akan terjadi" in page.content()
    page.locator(f"#{action}-grounds_text").fill("Keterangan saksi dan klien dalam BAP saling menguatkan.")
    for name, value in fields.items():
        page.locator(f"#{action}-{name}").fill(value)
    if shot:
        checker.check(page, shot)
    page.get_by_role("button", name=re.compile("^Konfirmasi:")).click()
    page.wait_for_url("**/staf/pengaduan/ADU-*")


def _bap(page, subject, name):
    page.get_by_role("link", name="Catat pemeriksaan (BAP)").first.click()  # the BAP's own page
    page.locator("#subject").select_option(subject)
    page.locator("#subject_name").fill(name)
    page.locator("#examined_on").fill(TODAY)
    page.locator("#place").fill("Ruang pemeriksaan Bapas Bandung")
    page.locator("#qa-0-q").fill("Apa yang Anda ketahui tentang kejadian di pasar?")
    page.locator("#qa-0-a").fill(f"Keterangan dari {name}.")
    page.get_by_role("button", name="Simpan BAP dan terbitkan PDF").click()


def test_public_complaint_to_revocation(live_server, page, checker):
    app, base = live_server.app, live_server.url
    users = UserFactory(app)
    supervisor, officer = users.make("supervisor"), users.make("officer")
    head, regional = users.make("head"), users.make("regional")
    ClientFactory(app).make(officer=officer, full_name="Rudi Hermawan", register_number="PB.77/BDG/2026")

    # 1. the public files the complaint
    page.goto(base + "/pengaduan/baru")
    page.get_by_label("Nama Anda").fill("Ibu Ratna")
    page.get_by_label("Hubungan Anda dengan klien").fill("tetangga")
    page.get_by_label("Telepon", exact=True).fill("0812 7777 8888")
    page.get_by_label("Bapas yang membimbing klien").select_option(label="Balai Pemasyarakatan Kelas I Bandung")
    page.get_by_label("Nama klien").fill("Rudi")
    page.locator("#client_register_number").fill("PB.77/BDG/2026")
    page.get_by_label("Menimbulkan keresahan dalam masyarakat").check()
    page.locator("#narrative").fill("Rudi mengancam pedagang di pasar dengan senjata tajam pada Sabtu malam.")
    page.get_by_label("Saya menyatakan").check()
    checker.check(page, "complaint-form")
    page.get_by_role("button", name="Kirim laporan").click()
    page.wait_for_url("**/pengaduan/tanda-terima")
    content = page.content()
    reference = re.search(r"ADU-[A-Z0-9]{4}-[A-Z0-9]{4}", content).group(0)
    secret = re.search(r"<code>([a-z0-9]{16})</code>", content).group(1)
    checker.check(page, "receipt")

    # 2. the supervisor triages: links the record, assigns the officer
    sign_in(page, base, supervisor)
    _open_case(page, base, reference)
    checker.check(page, "case-submitted")
    page.get_by_role("link", name="Penelaahan awal: cari klien dan tugaskan PK").click()
    checker.check(page, "triage")
    page.get_by_label("Rudi Hermawan").check()  # listed by the register number the complaint gives
    page.locator("#officer_id").select_option(str(officer.id))
    page.get_by_role("button", name="Simpan penelaahan awal", exact=True).click()
    sign_out(page)

    # 3. the officer examines the complainant and the client
    sign_in(page, base, officer)
    _open_case(page, base, reference)
    page.get_by_role("button", name="Mulai pemeriksaan").click()
    _bap(page, "complainant", "Ibu Ratna")
    _bap(page, "client", "Rudi Hermawan")
    checker.check(page, "case-examination")
    _step(page, "Ajukan ke sidang TPP")
    sign_out(page)

    # 4. the TPP hearing (recorded by the supervisor) recommends temporary revocation
    sign_in(page, base, supervisor)
    _open_case(page, base, reference)
    page.get_by_role("link", name="Catat sidang TPP").first.click()
    page.locator("#held_on").fill(TODAY)
    page.locator("#kind").select_option("regular")
    page.locator("#place").fill("Aula Bapas Bandung")
    page.locator("#chair").select_option(str(supervisor.id))
    page.locator("#secretary").select_option(str(officer.id))
    page.get_by_label(head.name).check()
    page.locator("#team_size").fill("3")
    page.locator("#recommendation").select_option("temporary_revocation")
    page.locator("#minutes").fill("Sidang menilai ancaman terbukti dan merekomendasikan pencabutan sementara.")
    checker.check(page, "tpp-hearing")
    page.get_by_role("button", name="Simpan sidang dan terbitkan berita acara").click()
    sign_out(page)

    # 5. the head orders temporary revocation and proposes revocation
    sign_in(page, base, head)
    _open_case(page, base, reference)
    _decide(page, checker, "Putuskan: pencabutan sementara", "decide_temporary_revocation",
            shot="confirm-temporary-revocation")
    assert "Dicabut sementara" in page.content()
    _decide(page, checker, "Usulkan pencabutan ke Kanwil", "propose", shot="confirm-propose")
    assert "Diusulkan ke Kanwil" in page.content()
    checker.check(page, "case-proposed")
    sign_out(page)

    # 6. the regional office forwards and records the outcome
    sign_in(page, base, regional)
    _open_case(page, base, reference)
    _decide(page, checker, "Catat penerusan ke Ditjenpas", "forward")
    _decide(page, checker, "Hasil: dicabut", "record_revoked", shot="confirm-revoked",
            decree_number="PAS-12.PK.05.09/2027", decree_on=TODAY)
    checker.check(page, "case-revoked")
    sign_out(page)

    # 6b. after the decree: the officer records the client's return to a Lapas
    sign_in(page, base, officer)
    _open_case(page, base, reference)
    page.locator("#returned_on").fill(TODAY)
    page.locator("#facility").fill("Lapas Kelas I Sukamiskin")
    page.get_by_role("button", name="Simpan dan tutup perkara").click()
    assert "Lapas Kelas I Sukamiskin" in page.content()
    checker.check(page, "case-returned")
    sign_out(page)

    # 7. the complainant, with the receipt, sees "Dicabut"
    page.goto(base + "/pengaduan/lacak")
    page.get_by_label("Nomor registrasi").fill(reference)
    page.get_by_label("Kode rahasia").fill(secret)
    page.get_by_role("button", name="Buka").click()
    page.wait_for_url("**/pengaduan/kasus")
    assert page.locator(".badge", has_text="Dicabut").count() == 1
    assert "Rudi Hermawan" not in page.content() and "Keterangan dari" not in page.content()
    checker.check(page, "case-public")
