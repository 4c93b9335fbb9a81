"""The letterhead (kop surat) of a Bapas or of a regional office: the configured ministry and
directorate lines, the Kanwil line from the office's region, the office's name, then its
address, phone and email from the office record."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app
from sqlalchemy import select

from ..extensions import db
from ..offices.models import Office, Region


@dataclass
class Letterhead:
    """What the top of the first page prints, and the city for the place-and-date line."""

    lines: list[str]            # bold, centred, upper case
    contact: list[str] = field(default_factory=list)  # the address and contact lines
    city: str = ""
    issuer: str = ""            # the office's name, as the verification page says it


def _region_line(region: Region) -> str:
    return current_app.config["LETTERHEAD_REGION"].format(region=region.name.upper())


def _top() -> list[str]:
    config = current_app.config
    return [line for line in (config["LETTERHEAD_MINISTRY"], config["LETTERHEAD_DIRECTORATE"])
            if line]


def _city(office: Office) -> str:
    city = office.city or office.name.split()[-1]
    for prefix in ("Kota ", "Kabupaten "):
        city = city.removeprefix(prefix)
    return city


def for_office(office: Office) -> Letterhead:
    """A Bapas's letterhead."""
    contact = [office.address or ""]
    reach = [f"Telepon {office.phone}" if office.phone else "",
             f"Pos-el {office.email}" if office.email else ""]
    contact.append("  |  ".join(part for part in reach if part))
    return Letterhead(lines=_top() + [_region_line(office.region), office.name.upper()],
                      contact=[line for line in contact if line],
                      city=_city(office), issuer=office.name)


def _region_city(region: Region) -> str:
    """Where the Kanwil sits: the KANWIL_CITIES setting, else the city of the province's first
    Class I Bapas (the Kanwil's seat is not in the office list), else the province's name."""
    configured = current_app.config.get("KANWIL_CITIES", {}).get(region.name)
    if configured:
        return str(configured)
    seat = db.session.scalar(select(Office).where(
        Office.region_id == region.id, Office.office_class == "I", Office.parent_id.is_(None),
        Office.city.is_not(None)).order_by(Office.id).limit(1))
    return _city(seat) if seat is not None else region.name


def for_region(region: Region) -> Letterhead:
    """A regional office's letterhead (the forwarding to Ditjenpas)."""
    return Letterhead(lines=_top() + [_region_line(region)], contact=[], city=_region_city(region),
                      issuer=region.kanwil_name)
