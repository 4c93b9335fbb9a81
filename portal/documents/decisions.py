"""The Kepala Bapas's decisions after the TPP hearing: the written warning (surat teguran),
the summons (surat panggilan, from plain data: its move is built elsewhere) and the decision
on temporary revocation (keputusan pencabutan sementara)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, NotRequired, TypedDict

from flask import current_app

from ..auth.models import User
from .dates import long_date, weekday_date
from .letter import ClientFacts, Letter, head_signer
from .words import ground_words, in_sentence, kanwil, recommendation_words


def _hearing_line(complaint: Any) -> str:
    hearing = complaint.hearings[-1] if complaint.hearings else None
    if hearing is None:
        return ""
    return (f"rekomendasi Sidang Tim Pengamat Pemasyarakatan tanggal {long_date(hearing.held_on)} "
            f"({in_sentence([recommendation_words(hearing.recommendation)])})")


def issue_warning(actor: User, complaint: Any, grounds: Sequence[str] | None = None) -> Any:
    """The written warning to the client, with intensified supervision."""
    client = ClientFacts.of(complaint.client, complaint.client_name)
    codes = list(grounds or complaint.grounds)
    letter = Letter("warning", complaint.office, complaint, actor,
                    {"client": client.name, "grounds": codes})
    pdf = letter.begin()
    letter.header(to=f"Sdr. {client.name}", to_place=client.address if client.address != "-" else "Tempat",
                  sifat="Penting", lampiran="-", hal="Teguran tertulis")
    basis = _hearing_line(complaint)
    pdf.text_line(f"Berdasarkan hasil pemeriksaan atas pengaduan nomor {complaint.reference}"
                  f"{' dan ' + basis if basis else ''}, Saudara sebagai klien pemasyarakatan:")
    pdf.fields(client.rows(), indent=6)
    pdf.text_line("telah melanggar syarat pembebasan bersyarat, yaitu:")
    pdf.numbered(ground_words(codes))
    pdf.text_line(f"Dengan ini Kepala {complaint.office.name} memberikan TEGURAN TERTULIS kepada "
                  f"Saudara dan menempatkan Saudara dalam pengawasan intensif. Apabila Saudara "
                  f"mengulangi pelanggaran tersebut, pembebasan bersyarat Saudara dapat dicabut "
                  f"sesuai dengan ketentuan peraturan perundang-undangan.")
    return letter.finish([head_signer(actor)], copies=["Pembimbing Kemasyarakatan yang bersangkutan"])


class SummonsData(TypedDict):
    """What a summons says: the client (name, register number, address), when and where to
    appear (date, "09.00", place), the grounds (codes, printed as labels), and the officer the
    client reports to (name, phone)."""

    client_name: str
    register_number: str
    address: NotRequired[str]
    appear_on: dt.date
    appear_at: str
    appear_place: str
    grounds: list[str]
    officer_name: str
    officer_phone: NotRequired[str]


def issue_summons(actor: User, complaint: Any, data: SummonsData) -> Any:
    """The summons to the client to appear before the officer on a set day."""
    client = ClientFacts.given(complaint.client, data)
    letter = Letter("summons", complaint.office, complaint, actor, {
        "client": client.name, "on": data["appear_on"], "at": data["appear_at"],
        "place": data["appear_place"], "grounds": data["grounds"]})
    pdf = letter.begin()
    letter.header(to=f"Sdr. {client.name}", to_place=client.address if client.address != "-" else "Tempat",
                  sifat="Segera", lampiran="-", hal="Panggilan")
    pdf.text_line(f"Sehubungan dengan pengaduan nomor {complaint.reference} tentang dugaan "
                  f"pelanggaran syarat pembebasan bersyarat oleh Saudara:")
    pdf.numbered(ground_words(data["grounds"]))
    pdf.text_line("dengan ini Saudara dipanggil untuk hadir pada:")
    officer = data["officer_name"] + (f", telepon {data['officer_phone']}"
                                      if data.get("officer_phone") else "")
    pdf.fields([("Hari/tanggal", weekday_date(data["appear_on"])),
                ("Pukul", f"{data['appear_at']} WIB"), ("Tempat", data["appear_place"]),
                ("Menghadap", f"{officer} (Pembimbing Kemasyarakatan)")], indent=6)
    pdf.text_line("dengan membawa kartu identitas dan buku wajib lapor. Apabila Saudara tidak "
                  "memenuhi panggilan ini tanpa alasan yang sah, Kepala Bapas dapat mengusulkan "
                  "pencabutan pembebasan bersyarat Saudara.")
    return letter.finish([head_signer(actor)], copies=["Pembimbing Kemasyarakatan yang bersangkutan"])


def issue_temporary_revocation(actor: User, complaint: Any) -> Any:
    """The Kepala Bapas's decision: parole temporarily revoked, revocation to be proposed."""
    client = ClientFacts.of(complaint.client, complaint.client_name)
    office = complaint.office
    letter = Letter("temporary_revocation", office, complaint, actor,
                    {"client": client.name, "grounds": complaint.grounds})
    pdf = letter.begin()
    pdf.text_line(f"KEPUTUSAN KEPALA {office.name.upper()}", bold=True, size=11.5, align="C")
    pdf.text_line(f"Nomor: {letter.number}", align="C")
    pdf.text_line("TENTANG", bold=True, align="C")
    pdf.text_line(f"PENCABUTAN SEMENTARA PEMBEBASAN BERSYARAT ATAS NAMA {client.name.upper()}",
                  bold=True, align="C")
    pdf.ln(3)
    pdf.text_line(f"KEPALA {office.name.upper()},", bold=True, align="C")
    pdf.ln(2)
    basis = _hearing_line(complaint)
    pdf.text_line("Menimbang:", bold=True)
    pdf.numbered([
        f"bahwa berdasarkan pengaduan nomor {complaint.reference} dan hasil pemeriksaan, klien "
        f"diduga: {in_sentence(ground_words(complaint.grounds))};",
        f"bahwa {basis or 'Sidang Tim Pengamat Pemasyarakatan telah memberikan rekomendasi'};",
        "bahwa berdasarkan pertimbangan tersebut perlu menetapkan Keputusan Kepala Bapas tentang "
        "pencabutan sementara pembebasan bersyarat;"])
    pdf.text_line("Mengingat:", bold=True)
    pdf.numbered([f"{basis_};" for basis_ in current_app.config["LEGAL_BASES"]])
    pdf.text_line("MEMUTUSKAN:", bold=True, align="C")
    pdf.text_line("Menetapkan:", bold=True)
    pdf.text_line("KESATU: Mencabut sementara pembebasan bersyarat klien:")
    pdf.fields(client.rows(), indent=6)
    pdf.text_line(f"KEDUA: Mengusulkan pencabutan pembebasan bersyarat klien tersebut kepada "
                  f"Direktur Jenderal Pemasyarakatan melalui Kepala "
                  f"{kanwil(office.region)}.")
    pdf.text_line("KETIGA: Keputusan ini mulai berlaku pada tanggal ditetapkan.")
    pdf.ln(2)
    pdf.fields([("Ditetapkan di", letter.head.city), ("pada tanggal", long_date(letter.issued_on))],
               indent=85, label_width=28)
    return letter.finish([head_signer(actor)], closing="",
                         copies=[f"Kepala {kanwil(office.region)}", "Klien yang bersangkutan"])
