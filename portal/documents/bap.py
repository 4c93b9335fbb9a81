"""The examination record (berita acara pemeriksaan) of the complainant, the client or a
witness: its own title and file name, the day and year in words, the examiner with NIP and
jabatan, the identity block of the person examined, any number of questions, two signatures."""
from __future__ import annotations

from typing import Any

from ..auth.models import User
from ..db import today
from . import numbering, store
from .dates import long_date, opening
from .kinds import TITLES, file_name
from .letterhead import for_office
from .pdf import OfficialPdf, Signer, nip_text
from .words import SEX_WORDS, ground_words, in_sentence, position, signer

ROLE_WORDS = {"complainant": "pelapor", "client": "klien", "witness": "saksi"}


def _identity(record: Any, complaint: Any) -> list[tuple[str, str]]:
    client = complaint.client if record.subject == "client" else None
    born = ", ".join(part for part in (record.birth_place, long_date(record.birth_on)
                                       if record.birth_on else "") if part)
    return [("Nama", record.subject_name), ("Tempat/Tanggal Lahir", born or "-"),
            ("Jenis Kelamin", SEX_WORDS.get(record.sex or "", "-")),
            ("Agama", record.religion or "-"), ("Pekerjaan", record.occupation or "-"),
            ("Alamat", record.address or "-"),
            ("NIK", record.nik or (getattr(client, "nik", None) or "-"))]


def _about(record: Any, complaint: Any) -> str:
    client = complaint.client.full_name if complaint.client else (complaint.client_name or "-")
    grounds = in_sentence(ground_words(complaint.grounds))
    if record.subject == "client":
        return (f"sebagai klien pemasyarakatan, untuk didengar keterangannya mengenai pengaduan "
                f"nomor {complaint.reference} tentang dugaan pelanggaran syarat pembebasan "
                f"bersyarat: {grounds}.")
    return (f"sebagai {ROLE_WORDS[record.subject]}, sehubungan dengan pengaduan nomor "
            f"{complaint.reference} tentang permohonan pencabutan pembebasan bersyarat atas nama "
            f"klien {client}, atas dugaan: {grounds}.")


def issue_bap(actor: User, complaint: Any, record: Any) -> Any:
    """The BAP as PDF, numbered in the Bapas's BAP register, kept for verification."""
    kind = f"bap_{record.subject}"
    issued_on = today()
    number = numbering.assign(complaint.office, kind, issued_on.year)
    index = None
    if record.subject == "witness":
        witnesses = [e.id for e in complaint.examinations if e.subject == "witness"]
        index = witnesses.index(record.id) + 1 if record.id in witnesses else len(witnesses)
    title = TITLES[kind]
    examiner = record.examiner
    code = store.verification_code({
        "kind": kind, "reference": complaint.reference, "number": number, "id": record.id,
        "name": record.subject_name, "on": record.examined_on, "qa": record.questions,
        "examiner": examiner.id, "issued": issued_on})
    head = for_office(complaint.office)
    pdf = OfficialPdf(head, code, store.verify_url(code), f"{title} {complaint.reference}")
    pdf.title_block(title, number)
    pdf.text_line(f"{opening(record.examined_on)}, bertempat di {record.place}, saya:")
    pdf.fields([("Nama", examiner.name), ("NIP", nip_text(examiner.nip)[4:]),
                ("Jabatan", f"{position(examiner)} pada {complaint.office.name}")], indent=6)
    pdf.text_line("telah melakukan pemeriksaan terhadap:")
    pdf.fields(_identity(record, complaint), indent=6)
    pdf.text_line(_about(record, complaint))
    pdf.ln(2)
    for number_, item in enumerate(record.questions, start=1):
        pdf.text_line(f"{number_}. Pertanyaan: {item['q']}", bold=True)
        pdf.text_line(f"    Jawaban: {item['a'] or '-'}")
        pdf.ln(1)
    pdf.ln(2)
    pdf.text_line("Demikian berita acara pemeriksaan ini dibuat dengan sebenarnya atas kekuatan "
                  "sumpah jabatan, kemudian dibacakan kembali kepada yang diperiksa dan yang "
                  "bersangkutan menyatakan setuju, lalu dibubuhi tanda tangan.")
    signers = [Signer(role="Yang diperiksa,", name=record.subject_name, nip=""),
               signer(examiner, "Yang memeriksa")]
    pdf.signatures(signers, f"{head.city}, {long_date(record.examined_on)}")
    pdf.verification()
    return store.keep(actor, complaint, kind, pdf.output_bytes(), code=code, number=number,
                      title=title, file_name=file_name(kind, complaint.reference, index),
                      issuer=head.issuer, signers=signers, examination_id=record.id)
