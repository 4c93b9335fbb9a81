"""The letter-number sequences: one running number per issuer, year and kind of document."""
from __future__ import annotations

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model


class LetterSequence(Model):
    """The last number given to a kind of document by one issuer (a Bapas, "office-<id>", or a
    regional office, "region-<id>") in one year. Incremented in the issuing transaction, so a
    rolled-back issue gives its number back: numbers never repeat and never skip."""

    __tablename__ = "letter_sequence"
    __table_args__ = (UniqueConstraint("issuer", "year", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    issuer: Mapped[str] = mapped_column(String(24))
    year: Mapped[int] = mapped_column()
    kind: Mapped[str] = mapped_column(String(30))
    last: Mapped[int] = mapped_column(default=0)
