"""Every document of the procedure in official form (issue 10, point 4; the conventions in
the tata naskah dinas reference): the Bapas letterhead, a letter number from the office's
register, dates with Indonesian month and weekday names (the BAP's opening in words), the
identity block, signers with NIP, "Halaman 1 dari 2", the verification code as text and as a
QR image — and never an internal code."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine

from .documents_world import ISSUED_AT, issue_everything, pdf_of
from .pdftext import pdf_text

BAPAS_HEAD = ["KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA",
              "KANTOR WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN JAWA BARAT",
              "BALAI PEMASYARAKATAN KELAS I BANDUNG",
              "Jl. Contoh Raya No. 1, Bandung 40000",
              "Telepon (022) 000-0000 | Pos-el bapas.bandung@contoh.go.id"]
HEAD = ("Dr. Hendra Wijaya", "NIP 19750101 200003 1 001")
OFFICER = ("Sri Lestari", "NIP 19850214 201012 2 002")
CODE_SHAPED = (re.compile(r"\b[A-Z]{2,}_[A-Z_]+\b"), re.compile(r"\b[a-z]+_[a-z_]+\b"))

# kind -> (file name stem, number, lines the document must show)
EXPECTED = {
    "bap_complainant": ("BAP-Pelapor", "W00.PAS.PAS0-PK.BAP-1", [
        "BERITA ACARA PEMERIKSAAN PELAPOR",
        "Pada hari ini Rabu tanggal dua bulan Desember tahun dua ribu dua puluh enam (02-12-2026)",
        "Wati Pelapor Rahasia", "Garut, 17 Mei 1990", "Perempuan", "Islam", "Wiraswasta",
        "Pertanyaan: Pertanyaan nomor 12?", "Jawaban: Jawaban nomor 12.",
        "Yang diperiksa,", "Yang memeriksa,", "Bandung, 2 Desember 2026", *OFFICER]),
    "bap_client": ("BAP-Klien", "W00.PAS.PAS0-PK.BAP-2", [
        "BERITA ACARA PEMERIKSAAN KLIEN", "Joko Prasetyo", "Laki-laki", "3273000000000001",
        "menimbulkan keresahan dalam masyarakat; tidak melapor ke Bapas tiga kali berturut-turut",
        *OFFICER]),
    "tpp_minutes": ("Berita-Acara-Sidang-TPP", "W00.PAS.PAS0-PK.TPP-1", [
        "BERITA ACARA SIDANG TIM PENGAMAT PEMASYARAKATAN",
        "Pada hari ini Selasa tanggal satu bulan Desember tahun dua ribu dua puluh enam (01-12-2026)",
        "bertempat di Aula Bapas Bandung", "Jenis sidang : Khusus",
        "Ketua : Bambang Sutrisno, NIP 19800303 200501 1 003",
        "Sekretaris : Rina Kartika, NIP 19900101 201503 2 004",
        "Agus Salim, NIP 19880707 201212 1 005", "Sri Lestari, NIP 19850214 201012 2 002",
        "Kuorum: hadir 4 dari 5 anggota TPP; kuorum (lebih dari dua pertiga anggota) terpenuhi.",
        "Nama klien : Joko Prasetyo", "Program : Pembebasan Bersyarat (PB)",
        "Menimbulkan keresahan dalam masyarakat",
        "Rekomendasi: Sidang TPP merekomendasikan kepada Kepala Balai Pemasyarakatan Kelas I "
        "Bandung: Pencabutan sementara dan usulan pencabutan.",
        "Ketua TPP,", "Sekretaris TPP,", "Anggota TPP,", "Bambang Sutrisno", "Rina Kartika",
        "Agus Salim"]),
    "warning": ("Surat-Teguran", "W00.PAS.PAS0-PK.TGR-1", [
        "Nomor : W00.PAS.PAS0-PK.TGR-1", "Bandung, 2 Desember 2026", "Sifat : Penting",
        "Lampiran : -", "Hal : Teguran tertulis", "Yth. Sdr. Joko Prasetyo",
        "Nomor register : PAS-UJI-0001/2026", "TEGURAN TERTULIS", "pengawasan intensif",
        "Kepala Balai Pemasyarakatan Kelas I Bandung,", *HEAD]),
    "summons": ("Surat-Panggilan", "W00.PAS.PAS0-PK.PGL-1", [
        "Hal : Panggilan", "Sifat : Segera", "Hari/tanggal : Rabu, 9 Desember 2026",
        "Pukul : 09.00 WIB", "Tempat : Kantor Bapas Kelas I Bandung",
        "Sri Lestari, telepon 0812-0000-0000 (Pembimbing Kemasyarakatan)",
        "Tidak melapor ke Bapas tiga kali berturut-turut", *HEAD]),
    "temporary_revocation": ("Keputusan-Pencabutan-Sementara", "W00.PAS.PAS0-PK.KEP-1 TAHUN 2026", [
        "KEPUTUSAN KEPALA BALAI PEMASYARAKATAN KELAS I BANDUNG",
        "Nomor: W00.PAS.PAS0-PK.KEP-1 TAHUN 2026",
        "PENCABUTAN SEMENTARA PEMBEBASAN BERSYARAT ATAS NAMA JOKO PRASETYO", "Menimbang:",
        "Mengingat:", "Undang-Undang Nomor 22 Tahun 2022 tentang Pemasyarakatan", "MEMUTUSKAN:",
        "KESATU: Mencabut sementara pembebasan bersyarat klien:", "Ditetapkan di : Bandung",
        "pada tanggal : 2 Desember 2026", "Tembusan Yth.:", *HEAD]),
    "proposal": ("Usulan-Pencabutan", "W00.PAS.PAS0-PK.USL-1", [
        "Sifat : Segera", "Lampiran : 1 (satu) berkas",
        "Hal : Usulan pencabutan pembebasan bersyarat a.n. Joko Prasetyo",
        "Yth. Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat",
        "Rekomendasi Sidang TPP: Pencabutan sementara dan usulan pencabutan.",
        "Keputusan Kepala Balai Pemasyarakatan Kelas I Bandung Nomor W00.PAS.PAS0-PK.KEP-1 TAHUN 2026",
        *HEAD]),
    "aph_letter": ("Surat-Pengembalian-Klien", "W00.PAS.PAS0-PK.APH-1", [
        "Yth. Kepala Kepolisian Resor Kota Besar Bandung", "di Bandung",
        "Keputusan Direktur Jenderal Pemasyarakatan Nomor PAS-CONTOH-0001 tanggal 30 November 2026",
        "Lapas Kelas I Bandung", "terakhir terlihat di Terminal Cicaheum", *HEAD]),
}


@pytest.fixture
def worked(app, users, clients):
    with time_machine.travel(ISSUED_AT, tick=False):
        return issue_everything(app, users, clients)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _check_common(data: bytes, row, text: str) -> None:
    assert f"Kode verifikasi: {row.code}" in text
    assert "Halaman 1 dari 2" in text or "Halaman 1 dari 1" in text
    assert re.search(rb"/Subtype\s*/Image", data), "the QR code is drawn as an image"
    assert f"verifikasi?kode={row.code}" in text
    for pattern in CODE_SHAPED:
        assert not pattern.findall(text), pattern.findall(text)


@pytest.mark.parametrize("kind", list(EXPECTED))
def test_each_document_in_official_form(app, worked, kind):
    stem, number, lines = EXPECTED[kind]
    data, row = pdf_of(app, worked["ids"][kind])
    text = _flat(pdf_text(data))
    for line in BAPAS_HEAD:
        assert line in text, line
    assert row.number == number and number in text
    assert row.file_name == f"{stem}-{worked['reference']}.pdf"
    for line in lines:
        assert _flat(line) in text, line
    _check_common(data, row, text)


def test_each_witness_has_a_numbered_bap_of_its_own(app, worked):
    witnesses = sorted(i for k, i in worked["ids"].items() if k.startswith("bap_witness_"))
    rows = [pdf_of(app, i) for i in witnesses]
    assert [r.file_name for _, r in rows] == [f"BAP-Saksi-1-{worked['reference']}.pdf",
                                             f"BAP-Saksi-2-{worked['reference']}.pdf"]
    assert [r.number for _, r in rows] == ["W00.PAS.PAS0-PK.BAP-3", "W00.PAS.PAS0-PK.BAP-4"]
    for data, row in rows:
        text = _flat(pdf_text(data))
        assert "BERITA ACARA PEMERIKSAAN SAKSI" in text and "sebagai saksi" in text
        _check_common(data, row, text)


def test_the_kanwil_forwarding_has_the_regional_letterhead_and_signer(app, worked):
    data, row = pdf_of(app, worked["ids"]["forwarding"])
    text = _flat(pdf_text(data))
    assert text.startswith("KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA KANTOR "
                           "WILAYAH DIREKTORAT JENDERAL PEMASYARAKATAN JAWA BARAT")
    assert row.number == "W00.PAS-PK.USL-1" and "Nomor : W00.PAS-PK.USL-1" in text
    assert "Bandung, 2 Desember 2026" in text  # the seat of the Kanwil Jawa Barat
    assert "Yth. Direktur Jenderal Pemasyarakatan di Jakarta" in text
    assert "usulan Kepala Balai Pemasyarakatan Kelas I Bandung Nomor W00.PAS.PAS0-PK.USL-1" in text
    assert "Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat," in text
    assert "Ir. Yusuf Maulana" in text and "NIP 19721212 200012 1 006" in text
    assert row.issuer == "Kanwil Ditjenpas Jawa Barat"
    _check_common(data, row, text)


def test_no_document_beyond_the_complainants_own_bap_names_the_complainant(app, worked):
    for kind, document_id in worked["ids"].items():
        text = _flat(pdf_text(pdf_of(app, document_id)[0]))
        assert ("Wati Pelapor Rahasia" in text) == (kind == "bap_complainant"), kind


def test_signers_are_kept_with_the_document(app, worked):
    _data, row = pdf_of(app, worked["ids"]["tpp_minutes"])
    assert [(s["role"], s["name"], s["nip"]) for s in row.signers] == [
        ("Ketua TPP,", "Bambang Sutrisno", "198003032005011003"),
        ("Sekretaris TPP,", "Rina Kartika", "199001012015032004"),
        ("Anggota TPP,", "Agus Salim", "198807072012121005"),
        ("Anggota TPP,", "Sri Lestari", "198502142010122002")]
    _data, row = pdf_of(app, worked["ids"]["bap_client"])
    assert [(s["role"], s["name"], s["nip"]) for s in row.signers] == [
        ("Yang diperiksa,", "Joko Prasetyo", ""), ("Yang memeriksa,", "Sri Lestari", "198502142010122002")]


def test_minutes_of_a_hearing_recorded_before_members_were_picked(app, users, clients):
    """A hearing recorded under 0005 names its members in free text: the minutes print it."""
    from portal.complaints import documents
    from portal.complaints.models import Complaint, Hearing
    from portal.extensions import db

    from .support import make_complaint
    officer = users.make("officer")
    case = make_complaint(app, status="tpp_hearing", officer=officer, client=clients.make())
    with time_machine.travel(ISSUED_AT, tick=False), app.test_request_context():
        complaint = db.session.get(Complaint, case.id)
        hearing = Hearing(held_on=dt.date(2026, 11, 30), members="Kabapas, Kasi BK, PK senior",
                          recommendation="warning", minutes="TPP merekomendasikan teguran.",
                          recorded_by_id=officer.id)
        complaint.hearings.append(hearing)
        db.session.flush()
        issued = documents.issue_tpp_minutes(officer, complaint, hearing)
        text = _flat(pdf_text(documents.read(issued)))
        db.session.rollback()
    assert "Pada hari ini Senin tanggal tiga puluh bulan November tahun dua ribu dua puluh enam (30-11-2026)" in text
    assert "Anggota yang hadir: Kabapas, Kasi BK, PK senior" in text and "Kuorum" not in text
    assert "Teguran atau surat panggilan disertai pengawasan intensif" in text
    for pattern in CODE_SHAPED:
        assert not pattern.findall(text)
