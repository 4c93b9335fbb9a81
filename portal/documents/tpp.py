"""The minutes of the TPP hearing (berita acara sidang TPP): date, place, regular or special
session, chair, secretary and members with NIP, the quorum, a summary of the case that never
names the complainant, the deliberation, the recommendation as its label, and the signatures
of every member present."""
from __future__ import annotations

from typing import Any

from ..auth.models import User
from ..db import today
from ..extensions import db
from . import numbering, store
from .dates import long_date, opening
from .kinds import TITLES, file_name
from .letterhead import for_office
from .pdf import OfficialPdf, Signer, nip_text
from .words import CHANNEL_WORDS, HEARING_KIND_WORDS, ground_words, programme_words, recommendation_words, signer

SUBJECT_WORDS = {"complainant": "pelapor", "client": "klien", "witness": "saksi"}


def members_of(hearing: Any) -> list[User]:
    """The other members present, in the order chosen."""
    ids = [int(i) for i in hearing.member_ids or []]
    found = {u.id: u for u in (db.session.get(User, i) for i in ids) if u is not None}
    return [found[i] for i in ids if i in found]


def quorum(present: int, team_size: int | None) -> bool:
    """More than two thirds of the TPP's members are present."""
    return bool(team_size) and present * 3 > (team_size or 0) * 2


def _summary(pdf: OfficialPdf, complaint: Any) -> None:
    client = complaint.client
    pdf.text_line("Ringkasan perkara:", bold=True)
    pdf.fields([
        ("Nama klien", client.full_name if client else (complaint.client_name or "-")),
        ("Nomor register", client.register_number if client else "-"),
        ("Program", programme_words(client.programme) if client else "-"),
        ("Masa pembimbingan", f"{long_date(client.supervision_start_on)} s.d. "
                              f"{long_date(client.supervision_end_on)}" if client else "-"),
        ("Keputusan pembebasan", (client.decree_number if client else None) or "-"),
    ], indent=6)
    pdf.text_line(f"Pengaduan nomor {complaint.reference} diterima pada "
                  f"{long_date(complaint.submitted_on)} melalui "
                  f"{CHANNEL_WORDS.get(complaint.channel, 'pengaduan')}, atas dugaan:")
    pdf.numbered(ground_words(complaint.grounds))
    records = [f"Pemeriksaan {SUBJECT_WORDS.get(e.subject, '-')} pada {long_date(e.examined_on)}"
               for e in complaint.examinations]
    if records:
        pdf.text_line("Hasil pemeriksaan (berita acara pemeriksaan terlampir):")
        pdf.numbered(records)


def issue_tpp_minutes(actor: User, complaint: Any, hearing: Any) -> Any:
    """The minutes as PDF, numbered in the Bapas's TPP register, kept for verification."""
    kind = "tpp_minutes"
    issued_on = today()
    number = numbering.assign(complaint.office, kind, issued_on.year)
    members = members_of(hearing)
    present = [u for u in (hearing.chair, hearing.secretary) if u is not None] + members
    title = TITLES[kind]
    code = store.verification_code({
        "kind": kind, "reference": complaint.reference, "number": number, "id": hearing.id,
        "on": hearing.held_on, "members": [u.id for u in present], "minutes": hearing.minutes,
        "recommendation": hearing.recommendation, "issued": issued_on})
    head = for_office(complaint.office)
    pdf = OfficialPdf(head, code, store.verify_url(code), f"{title} {complaint.reference}")
    pdf.title_block(title, number)
    session = HEARING_KIND_WORDS.get(hearing.kind or "", "")
    pdf.text_line(f"{opening(hearing.held_on)}, bertempat di {hearing.place or complaint.office.name}, "
                  f"telah dilaksanakan Sidang Tim Pengamat Pemasyarakatan {session.lower()} "
                  f"{complaint.office.name} dengan susunan:".replace("  ", " "))
    rows = [("Jenis sidang", session or "-")]
    if hearing.chair is not None:
        rows.append(("Ketua", f"{hearing.chair.name}, {nip_text(hearing.chair.nip)}"))
    if hearing.secretary is not None:
        rows.append(("Sekretaris", f"{hearing.secretary.name}, {nip_text(hearing.secretary.nip)}"))
    pdf.fields(rows, indent=6)
    if members:
        pdf.text_line("Anggota:")
        pdf.numbered([f"{u.name}, {nip_text(u.nip)}" for u in members])
    elif hearing.chair is None:
        pdf.text_line(f"Anggota yang hadir: {hearing.members}")
    if hearing.team_size:
        reached = "terpenuhi" if quorum(len(present), hearing.team_size) else "tidak terpenuhi"
        pdf.text_line(f"Kuorum: hadir {len(present)} dari {hearing.team_size} anggota TPP; kuorum "
                      f"(lebih dari dua pertiga anggota) {reached}.")
    pdf.text_line(f"Agenda: pembahasan pengaduan nomor {complaint.reference} tentang permohonan "
                  f"pencabutan pembebasan bersyarat.")
    pdf.ln(2)
    _summary(pdf, complaint)
    pdf.ln(2)
    pdf.text_line("Pembahasan:", bold=True)
    pdf.text_line(hearing.minutes)
    pdf.ln(2)
    pdf.text_line(f"Rekomendasi: Sidang TPP merekomendasikan kepada Kepala {complaint.office.name}: "
                  f"{recommendation_words(hearing.recommendation)}.", bold=True)
    pdf.text_line("Demikian berita acara sidang ini dibuat dengan sebenarnya untuk dipergunakan "
                  "sebagaimana mestinya.")
    signers: list[Signer] = []
    if hearing.chair is not None:
        signers.append(signer(hearing.chair, "Ketua TPP"))
    if hearing.secretary is not None:
        signers.append(signer(hearing.secretary, "Sekretaris TPP"))
    signers += [signer(u, "Anggota TPP") for u in members]
    pdf.signatures(signers, f"{head.city}, {long_date(hearing.held_on)}")
    pdf.verification()
    return store.keep(actor, complaint, kind, pdf.output_bytes(), code=code, number=number,
                      title=title, file_name=file_name(kind, complaint.reference),
                      issuer=head.issuer, signers=signers, hearing_id=hearing.id)
