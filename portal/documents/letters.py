"""Letters to other offices: the proposal to the Kanwil (never names the complainant), the
Kanwil's forwarding to Ditjenpas (signed by the regional user), and the letter to the police
or prosecutor (APH) asking for the client's return (from plain data: its move is built
elsewhere)."""
from __future__ import annotations

import datetime as dt
from typing import Any, NotRequired, TypedDict

from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..workflow import MissingFields
from .dates import long_date
from .letter import ClientFacts, Letter, head_signer
from .words import ground_words, kanwil, recommendation_words, signer


def _issued(complaint: Any, kind: str) -> Any:
    from ..complaints.models import IssuedDocument
    return db.session.scalar(select(IssuedDocument).where(
        IssuedDocument.complaint_id == complaint.id, IssuedDocument.kind == kind)
        .order_by(IssuedDocument.id.desc()).limit(1))


def issue_proposal(actor: User, complaint: Any) -> Any:
    """The Kepala Bapas proposes revocation to the Kanwil. It never names the complainant:
    the regional office may not see who reported (DESIGN §2)."""
    from ..complaints.workflow import FIELD_LABELS
    if complaint.client is None:  # the examination, before any decision, needs the client's record
        raise MissingFields(["client"], [FIELD_LABELS["client"]])
    client = ClientFacts.of(complaint.client)
    office = complaint.office
    hearing = complaint.hearings[-1] if complaint.hearings else None
    decision = _issued(complaint, "temporary_revocation")
    letter = Letter("proposal", office, complaint, actor,
                    {"client": client.name, "grounds": complaint.grounds,
                     "hearing": hearing.held_on if hearing else None})
    pdf = letter.begin()
    letter.header(to=f"Kepala {kanwil(office.region)}", to_place="Tempat", sifat="Segera",
                  lampiran="1 (satu) berkas",
                  hal=f"Usulan pencabutan pembebasan bersyarat a.n. {client.name}")
    held = f" tanggal {long_date(hearing.held_on)}" if hearing else ""
    pdf.text_line(f"Berdasarkan pengaduan nomor {complaint.reference} tanggal "
                  f"{long_date(complaint.submitted_on)}, hasil pemeriksaan terhadap pelapor dan "
                  f"klien, serta Sidang Tim Pengamat Pemasyarakatan{held}, dengan ini kami "
                  f"mengusulkan pencabutan pembebasan bersyarat atas nama:")
    pdf.fields(client.rows(), indent=6)
    pdf.text_line("dengan alasan:")
    pdf.numbered(ground_words(complaint.grounds))
    if hearing is not None:
        pdf.text_line(f"Rekomendasi Sidang TPP: {recommendation_words(hearing.recommendation)}.")
    if decision is not None:
        pdf.text_line(f"Pembebasan bersyarat klien telah dicabut sementara dengan Keputusan Kepala "
                      f"{office.name} Nomor {decision.number}.")
    pdf.text_line("Sebagai bahan pertimbangan, bersama ini kami lampirkan berita acara pemeriksaan "
                  "pelapor dan klien, berita acara sidang TPP, dan keputusan pencabutan sementara.")
    return letter.finish([head_signer(actor)], copies=["Direktur Jenderal Pemasyarakatan"])


def issue_forwarding(actor: User, complaint: Any) -> Any:
    """The Kanwil forwards the Bapas's proposal to the Director General; signed by the
    regional user who forwards it."""
    client = ClientFacts.of(complaint.client, complaint.client_name)
    office = complaint.office
    proposal = _issued(complaint, "proposal")
    letter = Letter("forwarding", office.region, complaint, actor,
                    {"client": client.name, "proposal": getattr(proposal, "number", None)})
    pdf = letter.begin()
    letter.header(to="Direktur Jenderal Pemasyarakatan", to_place="Jakarta", sifat="Segera",
                  lampiran="1 (satu) berkas",
                  hal=f"Penerusan usulan pencabutan pembebasan bersyarat a.n. {client.name}")
    reference = (f" Nomor {proposal.number} tanggal {long_date(proposal.issued_at.date())}"
                 if proposal is not None and proposal.number else "")
    pdf.text_line(f"Bersama ini kami teruskan usulan Kepala {office.name}{reference} tentang "
                  f"pencabutan pembebasan bersyarat atas nama:")
    pdf.fields(client.rows(), indent=6)
    pdf.text_line("dengan alasan:")
    pdf.numbered(ground_words(complaint.grounds))
    pdf.text_line("Kantor Wilayah telah meneliti kelengkapan berkas usulan tersebut dan mohon "
                  "Direktur Jenderal Pemasyarakatan berkenan menetapkan keputusan.")
    return letter.finish([signer(actor)], copies=[f"Kepala {office.name}"])


class AphLetterData(TypedDict):
    """What the letter to APH says: the addressee (e.g. "Kepala Kepolisian Resor …") and its
    place, the client (name, register number, last known address), the revocation decree
    (number, date), the Lapas/Rutan the client is to be returned to, and what is known of the
    client's whereabouts."""

    addressee: str
    addressee_place: str
    client_name: str
    register_number: str
    address: NotRequired[str]
    decree_number: str
    decree_on: dt.date
    facility: str
    whereabouts: NotRequired[str]


def issue_aph_letter(actor: User, complaint: Any, data: AphLetterData) -> Any:
    """The Kepala Bapas asks the police or prosecutor to return the client to a Lapas/Rutan."""
    client = ClientFacts.given(complaint.client, data)
    letter = Letter("aph_letter", complaint.office, complaint, actor, {
        "client": client.name, "to": data["addressee"], "decree": data["decree_number"],
        "facility": data["facility"]})
    pdf = letter.begin()
    letter.header(to=data["addressee"], to_place=data["addressee_place"], sifat="Segera",
                  lampiran="1 (satu) berkas",
                  hal="Permohonan bantuan pengembalian klien ke lembaga pemasyarakatan")
    pdf.text_line(f"Berdasarkan Keputusan Direktur Jenderal Pemasyarakatan Nomor "
                  f"{data['decree_number']} tanggal {long_date(data['decree_on'])}, pembebasan "
                  f"bersyarat klien berikut telah dicabut:")
    pdf.fields(client.rows(), indent=6)
    if data.get("whereabouts"):
        pdf.text_line(f"Keberadaan klien yang diketahui: {data['whereabouts']}")
    pdf.text_line(f"Sehubungan dengan hal tersebut, kami mohon bantuan Saudara untuk menghadirkan "
                  f"dan menyerahkan klien tersebut ke {data['facility']} guna menjalani sisa "
                  f"pidananya. Salinan keputusan pencabutan kami lampirkan.")
    return letter.finish([head_signer(actor)],
                         copies=[f"Kepala {kanwil(complaint.office.region)}", data["facility"]])
