"""Load regions and Bapas offices from CSV: validate every row, upsert by code."""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import TextIO

from sqlalchemy import select

from ..extensions import db
from .models import OFFICE_CLASSES, Office, Region

REQUIRED_COLUMNS = ("code", "name", "class", "province", "city", "address", "phone")
CODE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,31}$")
PHONE_RE = re.compile(r"^[0-9+()\- ]{5,40}$")


@dataclass
class ImportReport:
    """What an import found and did."""

    errors: list[tuple[int, str]] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def load_regions() -> int:
    """Create any missing province from the shipped regions.csv; return how many were added."""
    text = resources.files(__package__).joinpath("data/regions.csv").read_text("utf-8")
    existing = set(db.session.scalars(select(Region.code)))
    added = 0
    for row in csv.DictReader(io.StringIO(text)):
        if row["code"] not in existing:
            db.session.add(Region(code=row["code"], name=row["name"]))
            added += 1
    db.session.flush()
    return added


def shipped_offices() -> TextIO:
    """Open the Bapas list shipped with the package."""
    return io.StringIO(resources.files(__package__).joinpath("data/offices.csv").read_text("utf-8"))


def _validate(lineno: int, row: dict[str, str], regions: dict[str, Region], seen: set[str],
              report: ImportReport) -> dict | None:
    values = {k: (row.get(k) or "").strip() for k in row if k}
    problems = []
    code = values.get("code", "").upper()
    if not CODE_RE.match(code):
        problems.append("code must be 2-32 capital letters, digits or hyphens")
    elif code in seen:
        problems.append(f"code {code} appears twice in the file")
    if not values.get("name"):
        problems.append("name is empty")
    elif len(values["name"]) > 160:
        problems.append("name is longer than 160 characters")
    office_class = values.get("class", "")
    if office_class and office_class not in OFFICE_CLASSES:
        problems.append("class must be I, II or empty")
    region = regions.get(values.get("province", "").casefold())
    if region is None:
        problems.append(f"unknown province {values.get('province', '')!r}")
    phone = values.get("phone", "")
    if phone and not PHONE_RE.match(phone):
        problems.append("phone may hold only digits, spaces, +, -, ( and )")
    if problems or region is None:
        report.errors.extend((lineno, p) for p in problems)
        return None
    seen.add(code)
    return {
        "code": code,
        "name": values["name"],
        "office_class": office_class or None,
        "region_id": region.id,
        "city": values.get("city") or None,
        "address": values.get("address") or None,
        "phone": phone or None,
        "source": values.get("source") or None,
    }


def import_offices(stream: Iterable[str], dry_run: bool = False) -> ImportReport:
    """Validate every row; when all are valid (and not a dry run) create or update by code."""
    report = ImportReport()
    reader = csv.DictReader(stream)
    missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        report.errors.append((1, "missing columns: " + ", ".join(missing)))
        return report
    regions = {r.name.casefold(): r for r in db.session.scalars(select(Region))}
    seen: set[str] = set()
    rows = []
    for row in reader:
        parsed = _validate(reader.line_num, row, regions, seen, report)
        if parsed:
            rows.append(parsed)
    if report.errors:
        return report
    existing = {o.code: o for o in db.session.scalars(select(Office))}
    for values in rows:
        office = existing.get(values["code"])
        if office is None:
            report.created += 1
            if not dry_run:
                db.session.add(Office(**values))
            continue
        changed = {k: v for k, v in values.items() if getattr(office, k) != v}
        if not changed:
            report.unchanged += 1
            continue
        report.updated += 1
        if not dry_run:
            for key, value in changed.items():
                setattr(office, key, value)
    if not dry_run:
        db.session.flush()
    return report
