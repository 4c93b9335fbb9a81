"""In chromium: public pages, then apply → confirm by email → vetting → PKS → partner dashboard."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from ..files import jpeg_with_gps, pdf_bytes
from ..support import UserFactory
from .helpers import sign_in, sign_out

pytestmark = pytest.mark.browser

PUBLIC_PAGES = [("/tentang-pokmas", "about"), ("/cara-bergabung", "how-to-join"),
                ("/tanya-jawab", "faq"), ("/privasi", "privacy"), ("/aksesibilitas", "accessibility"),
                ("/bapas", "directory"), ("/angka-mitra", "figures"), ("/gabung", "apply-form")]


def test_public_pages_pass_axe_in_both_languages(live_server, page, checker):
    for path, name in PUBLIC_PAGES:
        for lang in ("id", "en"):
            page.goto(f"{live_server.url}{path}?lang={lang}")
            checker.check(page, f"{name}-{lang}")
    assert len(checker.pages_checked) == 16




def _flush_mail(app, smtp_server):
    assert app.test_cli_runner().invoke(args=["outbox", "send"]).exit_code == 0
    return list(smtp_server.messages)


def test_from_application_to_partner_dashboard(live_server, page, checker, smtp_server):
    smtp_server.messages.clear()
    app, base = live_server.app, live_server.url
    factory = UserFactory(app)
    supervisor = factory.make("supervisor")
    head = factory.make("head")

    # 1. the public applies
    page.goto(base + "/bapas?q=bandung")
    page.get_by_role("link", name=re.compile("Balai Pemasyarakatan Kelas I Bandung")).first.click()
    page.get_by_label("Organisasi", exact=True).check()
    page.get_by_label("Jenis mitra").select_option("employer")
    page.get_by_label("Nama organisasi").fill("CV Sinar Jaya Mandiri")
    page.get_by_label("Pekerjaan", exact=True).check()
    page.get_by_label("Narahubung").fill("Sri Wahyuni")
    page.get_by_label("Email", exact=True).fill("sri@sinarjaya.example")
    page.get_by_label("Telepon").fill("0813 2222 3333")
    page.get_by_label("Alamat", exact=True).fill("Jl. Asia Afrika 8, Bandung")
    page.get_by_label("Mengapa").fill("Kami membuka lowongan penjahit untuk klien yang sudah terlatih.")
    page.get_by_label("KTP").set_input_files(
        files=[{"name": "ktp.jpg", "mimeType": "image/jpeg", "buffer": jpeg_with_gps()}]
    )
    page.get_by_label("Dokumen legalitas").set_input_files(
        files=[{"name": "nib.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.get_by_label("Saya telah membaca").check()
    checker.check(page, "apply-filled")
    page.get_by_role("button", name="Kirim permohonan").click()
    page.wait_for_url("**/gabung/terkirim")
    reference = re.search(r"PKM-[A-Z0-9]{4}-[A-Z0-9]{4}", page.content()).group(0)
    checker.check(page, "apply-sent")

    # 2. the confirmation link from the email
    [confirm] = [m for m in _flush_mail(app, smtp_server) if m["To"] == "sri@sinarjaya.example"]
    link = re.search(r"https?://\S+", confirm.get_content()).group(0)
    page.goto(base + "/" + link.split("/", 3)[3])
    assert reference in page.content()
    checker.check(page, "apply-confirmed")

    # 3. the supervisor checks documents, records the visit, approves
    sign_in(page, base, supervisor, "/beranda/")
    page.get_by_role("link", name="Mitra", exact=True).click()
    page.get_by_role("link", name=reference).click()
    checker.check(page, "vetting-detail")
    page.get_by_label("Dokumen lengkap").check()
    page.get_by_label("Tanggal kunjungan").fill(dt.date.today().isoformat())
    page.get_by_label("Catatan kunjungan").fill("Tempat usaha sesuai, pemilik kooperatif.")
    page.get_by_role("button", name="Simpan daftar periksa").click()
    page.get_by_role("button", name="Setujui penjajakan").click()
    assert "Penjajakan disetujui" in page.content()
    sign_out(page)

    # 4. the head records the signed PKS
    sign_in(page, base, head, "/beranda/")
    page.goto(base + "/staf/mitra/")
    page.get_by_role("link", name=reference).click()
    page.get_by_label("Nomor PKS").fill("W11.PAS.9-PK.01.05/2026/17")
    page.get_by_label("Tanggal penandatanganan").fill(dt.date.today().isoformat())
    page.get_by_label("Berlaku sampai").fill((dt.date.today() + dt.timedelta(days=730)).isoformat())
    page.get_by_label("Pindaian PKS", exact=False).set_input_files(
        files=[{"name": "pks.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}]
    )
    page.get_by_role("button", name="Catat PKS dan aktifkan").click()
    assert "W11.PAS.9-PK.01.05/2026/17" in page.content()
    checker.check(page, "vetting-active")
    sign_out(page)

    # 5. the contact person sets a password and lands on the partner dashboard
    invitation = [m for m in _flush_mail(app, smtp_server) if m["To"] == "sri@sinarjaya.example"][-1]
    link = re.search(r"https?://\S+", invitation.get_content()).group(0)
    page.goto(base + "/" + link.split("/", 3)[3])
    checker.check(page, "set-password")
    page.get_by_label("Kata sandi baru", exact=True).fill("mesin-jahit-sinar-jaya")
    page.get_by_label("Ulangi kata sandi baru", exact=True).fill("mesin-jahit-sinar-jaya")
    page.get_by_role("button", name="Simpan kata sandi").click()
    page.get_by_label("Email").fill("sri@sinarjaya.example")
    page.get_by_label("Kata sandi", exact=True).fill("mesin-jahit-sinar-jaya")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url("**/beranda/")
    page.get_by_role("link", name="Organisasi saya").click()
    page.wait_for_url("**/mitra/")
    assert "CV Sinar Jaya Mandiri" in page.content()
    checker.check(page, "partner-dashboard")
    page.get_by_role("link", name="Kelola anggota").click()
    checker.check(page, "partner-members")
