"""PDF documents in Indonesian (BAP, proposal letter) with a verification code derived from
their content; verify() tells whether a presented PDF is the one on file."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from pathlib import Path

from flask import current_app
from fpdf import FPDF
from sqlalchemy import select

from .. import audit
from ..auth.models import User
from ..extensions import db
from ..workflow import MissingFields
from .models import Complaint, ExaminationRecord, IssuedDocument
from .workflow import FIELD_LABELS

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SUBJECT_WORDS = {"complainant": "Pelapor", "client": "Klien", "witness": "Saksi"}
GROUND_WORDS = {
    "NEW_OFFENCE": "ditetapkan sebagai tersangka/terpidana tindak pidana baru",
    "PUBLIC_UNREST": "menimbulkan keresahan dalam masyarakat",
    "MISSED_REPORTING": "tidak melapor ke Bapas tiga kali berturut-turut",
    "MOVED_WITHOUT_NOTICE": "pindah alamat tanpa melapor",
    "PROGRAMME_NONCOMPLIANCE": "tidak mengikuti program pembimbingan",
}
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


def _date(day: dt.date | None) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else "-"


class _Pdf(FPDF):
    def __init__(self, code: str):
        super().__init__(format="A4")
        self.code = code
        self.set_auto_page_break(True, margin=20)
        if (FONT_DIR / "DejaVuSans.ttf").exists():
            self.add_font("Body", "", str(FONT_DIR / "DejaVuSans.ttf"))
            self.add_font("Body", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
            self.family_name = "Body"
        else:  # core font: text limited to Latin-1
            self.family_name = "Helvetica"
        self.set_creator("POKMAS LIPAS Portal")
        self.set_subject(f"Kode verifikasi {code}")
        self.set_compression(False)

    def footer(self):
        self.set_y(-14)
        self.set_font(self.family_name, "", 8)
        self.cell(0, 6, f"Kode verifikasi: {self.code}  ·  halaman {self.page_no()}", align="C")

    def text_line(self, text: str, bold: bool = False, size: int = 10, height: float = 5.5):
        self.set_font(self.family_name, "B" if bold else "", size)
        if self.family_name == "Helvetica":
            text = text.encode("latin-1", "replace").decode("latin-1")
        self.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")


def _code(payload: Mapping[str, object]) -> str:
    """A verification code derived from the document's content (and the portal's key)."""
    body = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode()
    digest = hmac.new(current_app.config["SECRET_KEY"].encode(), body, hashlib.sha256).hexdigest()
    raw = digest[:16].upper()
    return "-".join(raw[i:i + 4] for i in range(0, 16, 4))


def _store(actor: User | None, complaint: Complaint, kind: str, pdf_bytes: bytes, code: str,
           examination: ExaminationRecord | None = None) -> IssuedDocument:
    key = secrets.token_hex(20)
    path = Path(current_app.config["STORAGE_DIR"]) / key[:2] / key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pdf_bytes)
    document = IssuedDocument(complaint_id=complaint.id, kind=kind, code=code,
                              examination_id=getattr(examination, "id", None),
                              sha256=hashlib.sha256(pdf_bytes).hexdigest(), storage_key=key,
                              issued_by_id=getattr(actor, "id", None))
    db.session.add(document)
    db.session.flush()
    audit.record(actor, f"document.{kind}_issued", complaint, office_id=complaint.office_id,
                 document_code=code)
    return document


def read(document: IssuedDocument) -> bytes:
    """The stored PDF."""
    return (Path(current_app.config["STORAGE_DIR"]) / document.storage_key[:2]
            / document.storage_key).read_bytes()


def issue_bap(actor: User, complaint: Complaint, record: ExaminationRecord) -> IssuedDocument:
    """The examination record (berita acara pemeriksaan) as PDF."""
    payload = {"kind": "bap", "reference": complaint.reference, "subject": record.subject,
               "name": record.subject_name, "on": record.examined_on, "place": record.place,
               "examiner": record.examiner.name, "qa": record.questions, "id": record.id}
    code = _code(payload)
    pdf = _Pdf(code)
    pdf.set_title(f"Berita Acara Pemeriksaan {complaint.reference}")
    pdf.add_page()
    pdf.text_line("BERITA ACARA PEMERIKSAAN", bold=True, size=14)
    pdf.text_line(f"{SUBJECT_WORDS[record.subject]} · Pengaduan {complaint.reference}")
    pdf.text_line(complaint.office.name)
    pdf.ln(3)
    pdf.text_line(f"Pada hari ini, {_date(record.examined_on)}, bertempat di {record.place}, "
                  f"saya {record.examiner.name}, Pembimbing Kemasyarakatan pada {complaint.office.name}, "
                  f"telah melakukan pemeriksaan terhadap {record.subject_name} sebagai "
                  f"{SUBJECT_WORDS[record.subject].lower()}.")
    pdf.ln(2)
    for number, item in enumerate(record.questions, start=1):
        pdf.text_line(f"{number}. Pertanyaan: {item['q']}", bold=True)
        pdf.text_line(f"    Jawaban: {item['a']}")
        pdf.ln(1)
    pdf.ln(6)
    pdf.text_line("Demikian berita acara ini dibuat dengan sebenarnya, dibacakan kembali, dan "
                  "ditandatangani oleh yang diperiksa dan pemeriksa.")
    pdf.ln(12)
    pdf.text_line(f"Yang diperiksa: {record.subject_name}          Pemeriksa: {record.examiner.name}")
    return _store(actor, complaint, "bap", bytes(pdf.output()), code, record)


def issue_proposal(actor: User, complaint: Complaint) -> IssuedDocument:
    """The head's letter proposing revocation to the regional office. It never names the
    complainant: the regional office may not see who reported (DESIGN §2)."""
    client = complaint.client
    if client is None:  # the examination, before any decision, needs the client's record
        raise MissingFields(["client"], [FIELD_LABELS["client"]])
    hearing = complaint.hearings[-1] if complaint.hearings else None
    payload = {"kind": "proposal", "reference": complaint.reference, "client": client.full_name,
               "register": client.register_number, "decree": client.decree_number,
               "grounds": complaint.grounds, "head": actor.name,
               "hearing": hearing.held_on if hearing else None, "issued": complaint.updated_at}
    code = _code(payload)
    pdf = _Pdf(code)
    pdf.set_title(f"Usulan pencabutan pembebasan bersyarat {complaint.reference}")
    pdf.add_page()
    pdf.text_line(complaint.office.name.upper(), bold=True, size=12)
    pdf.ln(2)
    pdf.text_line(f"Perihal: Usulan pencabutan pembebasan bersyarat a.n. {client.full_name}", bold=True)
    pdf.text_line(f"Kepada Yth. Kepala Kantor Wilayah Direktorat Jenderal Pemasyarakatan "
                  f"{complaint.office.region.name}")
    pdf.ln(3)
    pdf.text_line(f"Berdasarkan pengaduan nomor {complaint.reference} tanggal "
                  f"{_date(complaint.submitted_on)}, pemeriksaan (BAP) terhadap pelapor dan klien, "
                  f"serta sidang Tim Pengamat Pemasyarakatan tanggal "
                  f"{_date(hearing.held_on) if hearing else '-'}, kami mengusulkan pencabutan "
                  f"pembebasan bersyarat atas nama:")
    pdf.ln(1)
    pdf.text_line(f"Nama: {client.full_name}")
    pdf.text_line(f"Nomor register: {client.register_number}")
    pdf.text_line(f"Nomor SK: {client.decree_number or '-'}")
    pdf.text_line(f"Program: {client.programme}; masa pembimbingan {_date(client.supervision_start_on)} "
                  f"s.d. {_date(client.supervision_end_on)}")
    pdf.ln(1)
    pdf.text_line("Alasan pencabutan:", bold=True)
    for code_word in complaint.grounds:
        pdf.text_line(f"- {GROUND_WORDS.get(code_word, code_word)} ({code_word})")
    if hearing:
        pdf.text_line(f"Rekomendasi TPP: {hearing.recommendation}. Anggota: {hearing.members}")
    pdf.text_line("Klien telah dicabut sementara pembebasan bersyaratnya oleh Kepala Bapas dan "
                  "telah diberi kesempatan menyampaikan keterangannya (BAP klien terlampir).")
    pdf.ln(8)
    pdf.text_line(f"Kepala {complaint.office.name}")
    pdf.ln(10)
    pdf.text_line(actor.name)
    return _store(actor, complaint, "proposal", bytes(pdf.output()), code)


def verify(code: str, data: bytes | None) -> tuple[IssuedDocument | None, bool | None]:
    """(the document with this code or None, whether the presented bytes match the file)."""
    document = db.session.scalar(select(IssuedDocument).where(
        IssuedDocument.code == (code or "").strip().upper()))
    if document is None or data is None:
        return document, None
    return document, hmac.compare_digest(hashlib.sha256(data).hexdigest(), document.sha256)
