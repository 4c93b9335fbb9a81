"""The letterhead (kop surat) of a Bapas or of a regional office: the configured ministry and
directorate lines, the Kanwil line from the office's region, the office's name, then its
address, phone and email from the office record."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import current_app

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


def for_region(region: Region) -> Letterhead:
    """A regional office's letterhead (the forwarding to Ditjenpas)."""
    return Letterhead(lines=_top() + [_region_line(region)], contact=[], city=region.name,
                      issuer=region.kanwil_name)
