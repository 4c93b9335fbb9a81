"""What every letter shares: the issuer's letterhead and number, the verification code, the
Nomor/Sifat/Lampiran/Hal lines with the place and date, the addressee, the client's identity
block, the closing, signatures, copies and the QR code."""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..auth.models import User
from ..db import today
from ..offices.models import Office, Region
from . import numbering, store
from .dates import long_date
from .kinds import TITLES, file_name
from .letterhead import for_office, for_region
from .pdf import OfficialPdf, Signer
from .words import programme_words, signer


@dataclass
class ClientFacts:
    """The person a letter is about, as plain data (a Client record or a caller's dict)."""

    name: str
    register_number: str = "-"
    programme: str = "-"
    period: str = "-"
    address: str = "-"
    decree_number: str = "-"

    @classmethod
    def of(cls, client: Any, fallback_name: str | None = None) -> ClientFacts:
        if client is None:
            return cls(name=fallback_name or "-")
        return cls(name=client.full_name, register_number=client.register_number,
                   programme=programme_words(client.programme),
                   period=(f"{long_date(client.supervision_start_on)} s.d. "
                           f"{long_date(client.supervision_end_on)}"),
                   address=client.area or "-", decree_number=client.decree_number or "-")

    @classmethod
    def given(cls, client: Any, data: Mapping[str, Any]) -> ClientFacts:
        """The record's facts, with the name, register number and address the caller gives."""
        facts = cls.of(client, data["client_name"])
        facts.name, facts.register_number = data["client_name"], data["register_number"]
        facts.address = data.get("address") or facts.address
        return facts

    def rows(self) -> list[tuple[str, str]]:
        return [("Nama", self.name), ("Nomor register", self.register_number),
                ("Program", self.programme), ("Masa pembimbingan", self.period),
                ("Alamat", self.address), ("Keputusan pembebasan", self.decree_number)]


@dataclass
class Letter:
    """A letter being written: fill `pdf` between begin() and finish()."""

    kind: str
    issuer: Office | Region
    complaint: Any
    actor: User | None
    payload: dict[str, object]
    issued_on: dt.date = field(default_factory=today)

    def begin(self) -> OfficialPdf:
        self.number = numbering.assign(self.issuer, self.kind, self.issued_on.year)
        self.head = (for_region(self.issuer) if isinstance(self.issuer, Region)
                     else for_office(self.issuer))
        self.code = store.verification_code({**self.payload, "kind": self.kind,
                                             "number": self.number, "issued": self.issued_on,
                                             "reference": self.complaint.reference})
        self.title = TITLES[self.kind]
        self.pdf = OfficialPdf(self.head, self.code, store.verify_url(self.code),
                               f"{self.title} {self.complaint.reference}")
        return self.pdf

    @property
    def place_date(self) -> str:
        return f"{self.head.city}, {long_date(self.issued_on)}"

    def header(self, *, to: str, to_place: str, sifat: str, lampiran: str, hal: str) -> None:
        self.pdf.letter_header(self.number, self.place_date, sifat, lampiran, hal)
        self.pdf.addressee(to, to_place)

    def finish(self, signers: Sequence[Signer], copies: Sequence[str] = (),
               closing: str = "Demikian kami sampaikan. Atas perhatian dan kerja sama "
                              "Saudara, kami ucapkan terima kasih.",
               dated: bool = False) -> Any:
        """Closing sentence, signatures, copies (tembusan), the QR code; keep the PDF."""
        pdf = self.pdf
        if closing:
            pdf.ln(2)
            pdf.text_line(closing)
        pdf.signatures(signers, self.place_date if dated else None)
        if copies:
            pdf.text_line("Tembusan Yth.:", size=9.5)
            pdf.numbered(list(copies), indent=0)
            pdf.ln(2)
        pdf.verification()
        return store.keep(self.actor, self.complaint, self.kind, pdf.output_bytes(),
                          code=self.code, number=self.number, title=self.title,
                          file_name=file_name(self.kind, self.complaint.reference),
                          issuer=self.head.issuer, signers=signers)


def head_signer(actor: User) -> Signer:
    """The Kepala Bapas signs decisions and letters to others."""
    return signer(actor)



