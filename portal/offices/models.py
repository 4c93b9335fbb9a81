"""Region (Kanwil) and Office (Bapas) tables."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import UTCDateTime, utcnow
from ..extensions import Model

OFFICE_CLASSES = ("I", "II")


class Region(Model):
    """A province and its regional office (Kanwil Ditjenpas)."""

    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    # The regional office's unit code in letter numbers (configurable; see documents.numbering).
    unit_code: Mapped[str | None] = mapped_column(String(60))

    offices: Mapped[list[Office]] = relationship(back_populates="region")

    @property
    def kanwil_name(self) -> str:
        return f"Kanwil Ditjenpas {self.name}"

    def __repr__(self) -> str:
        return f"<Region {self.code}>"


class Office(Model):
    """A Bapas (or a Pos Bapas outpost of one)."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(160))
    office_class: Mapped[str | None] = mapped_column(String(4))
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("office.id"))
    city: Mapped[str | None] = mapped_column(String(120))
    address: Mapped[str | None] = mapped_column(Text)
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(254))
    # The Bapas's unit code in letter numbers (e.g. the Kanwil and UPT parts); set by an admin.
    unit_code: Mapped[str | None] = mapped_column(String(60))
    source: Mapped[str | None] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    # Days a revoked client may stay out before the return counts as overdue (issue 10 §3).
    return_overdue_days: Mapped[int] = mapped_column(default=7, server_default="7")
    # The working days of the 20-day clock on which the case's staff are reminded (issue 11 §6).
    reminder_days: Mapped[str] = mapped_column(String(40), default="3,10,17", server_default="3,10,17")
    # Days between home visits, by the client's supervision intensity (the Bapas sets them).
    visit_interval_intensive_days: Mapped[int] = mapped_column(default=30, server_default="30")
    visit_interval_regular_days: Mapped[int] = mapped_column(default=90, server_default="90")
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    region: Mapped[Region] = relationship(back_populates="offices")
    parent: Mapped[Office | None] = relationship(remote_side=[id])

    def __repr__(self) -> str:
        return f"<Office {self.code}>"
