"""What a document says about people and codes, in Indonesian: every code through the
portal's own label tables (rendered in "id"), signers with their jabatan and NIP."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from flask_babel import force_locale

from ..auth.models import User
from .pdf import Signer

SEX_WORDS = {"male": "Laki-laki", "female": "Perempuan"}
HEARING_KIND_WORDS = {"regular": "Rutin", "special": "Khusus"}
CHANNEL_WORDS = {"portal": "portal POKMAS LIPAS (mitra)", "public": "formulir pengaduan publik",
                 "oral": "laporan lisan", "letter": "surat"}


def label(table: Mapping[str, object], code: str | None) -> str:
    """The Indonesian label of a code; "-" when empty. An unknown code is never printed."""
    if not code:
        return "-"
    with force_locale("id"):
        value = table.get(code)
        return str(value) if value is not None else "-"


def ground_words(codes: Iterable[str]) -> list[str]:
    """The legal grounds as their labels."""
    from ..observations.workflow import GROUND_LABELS
    return [label(GROUND_LABELS, code) for code in codes]


def in_sentence(labels: Iterable[str]) -> str:
    """Labels inside a sentence: "menimbulkan keresahan …; tidak melapor ke Bapas …"."""
    return "; ".join(text[:1].lower() + text[1:] for text in labels)


def recommendation_words(code: str | None) -> str:
    from ..complaints.workflow import RECOMMENDATION_LABELS
    return label(RECOMMENDATION_LABELS, code)


def programme_words(code: str | None) -> str:
    from ..clients.labels import PROGRAMME_LABELS
    return label(PROGRAMME_LABELS, code)


def kanwil(region: object) -> str:
    """"Kantor Wilayah Direktorat Jenderal Pemasyarakatan Jawa Barat"."""
    return f"Kantor Wilayah Direktorat Jenderal Pemasyarakatan {getattr(region, 'name', '')}"


def position(user: User) -> str:
    """The jabatan printed over a name: the account's own, else one from the role."""
    if user.position:
        return user.position
    office = user.office.name if user.office is not None else ""
    defaults = {
        "head": f"Kepala {office}".strip(),
        "supervisor": "Kepala Seksi Bimbingan Klien",
        "officer": "Pembimbing Kemasyarakatan",
        "regional": f"Kepala {kanwil(user.region)}" if user.region is not None else "",
    }
    return defaults.get(user.role, "")


def signer(user: User, role: str | None = None) -> Signer:
    """A signature block for a portal user ("<jabatan>," then name and NIP)."""
    return Signer(role=f"{role or position(user)},", name=user.name, nip=user.nip)
