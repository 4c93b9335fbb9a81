"""The kinds of document the portal issues: their labels on screens, their official titles,
file names and letter-number classification codes."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

KIND_LABELS = {
    "bap_complainant": _l("Examination record (BAP) of the complainant"),
    "bap_client": _l("Examination record (BAP) of the client"),
    "bap_witness": _l("Examination record (BAP) of a witness"),
    "tpp_minutes": _l("Minutes of the TPP hearing"),
    "warning": _l("Written warning to the client"),
    "summons": _l("Summons to the client"),
    "temporary_revocation": _l("Decision on temporary revocation"),
    "proposal": _l("Revocation proposal to the regional office"),
    "forwarding": _l("Forwarding to Ditjenpas"),
    "aph_letter": _l("Letter to the police or prosecutor for the client's return"),
    # Issued before letter numbers existed (0005): still listed and verified.
    "bap": _l("Examination record (BAP)"),
}
KINDS = tuple(KIND_LABELS)

# The official title printed on the document (documents are issued in Indonesian).
TITLES = {
    "bap_complainant": "Berita Acara Pemeriksaan Pelapor",
    "bap_client": "Berita Acara Pemeriksaan Klien",
    "bap_witness": "Berita Acara Pemeriksaan Saksi",
    "tpp_minutes": "Berita Acara Sidang Tim Pengamat Pemasyarakatan",
    "warning": "Surat Teguran",
    "summons": "Surat Panggilan",
    "temporary_revocation": "Keputusan Pencabutan Sementara Pembebasan Bersyarat",
    "proposal": "Usulan Pencabutan Pembebasan Bersyarat",
    "forwarding": "Penerusan Usulan Pencabutan Pembebasan Bersyarat",
    "aph_letter": "Permohonan Bantuan Pengembalian Klien",
}

# File names: "<stem>-<complaint reference>.pdf"; a witness's BAP adds its number.
FILE_STEMS = {
    "bap_complainant": "BAP-Pelapor",
    "bap_client": "BAP-Klien",
    "bap_witness": "BAP-Saksi",
    "tpp_minutes": "Berita-Acara-Sidang-TPP",
    "warning": "Surat-Teguran",
    "summons": "Surat-Panggilan",
    "temporary_revocation": "Keputusan-Pencabutan-Sementara",
    "proposal": "Usulan-Pencabutan",
    "forwarding": "Penerusan-Usulan",
    "aph_letter": "Surat-Pengembalian-Klien",
}

# Placeholder classification codes (the archive classification for Kemenimipas is not
# confirmed): every value can be replaced through the LETTER_CLASSIFICATION setting.
CLASSIFICATION = {
    "bap_complainant": "PK.BAP",
    "bap_client": "PK.BAP",
    "bap_witness": "PK.BAP",
    "tpp_minutes": "PK.TPP",
    "warning": "PK.TGR",
    "summons": "PK.PGL",
    "temporary_revocation": "PK.KEP",
    "proposal": "PK.USL",
    "forwarding": "PK.USL",
    "aph_letter": "PK.APH",
}
# Decisions carry the year in their number ("… TAHUN 2026"), as decrees do.
DECISIONS = ("temporary_revocation",)


def file_name(kind: str, reference: str, index: int | None = None) -> str:
    """"BAP-Pelapor-ADU-K7Q2-M9XD.pdf", "BAP-Saksi-2-ADU-K7Q2-M9XD.pdf"."""
    stem = FILE_STEMS[kind] + (f"-{index}" if index else "")
    return f"{stem}-{reference}.pdf"
