"""Import clients from CSV: every row validated, errors by line, idempotent by register number."""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from .. import audit
from ..auth.models import User
from ..extensions import db
from ..security import EDITORS
from .labels import OFFENCE_LABELS
from .models import PROGRAMMES, RISK_LEVELS, Client
from .services import create_client, update_client

COLUMNS = ("register_number", "full_name", "programme", "supervision_start_on",
           "supervision_end_on", "officer_email", "risk_level", "area", "nik", "decree_number",
           "offence_category", "general_conditions", "special_conditions")
REQUIRED = ("register_number", "full_name", "programme", "supervision_start_on",
            "supervision_end_on")
TEMPLATE_ROW = ("PAS-BDG-2026-0001", "Nama Lengkap Klien", "PB", "2026-01-15", "2027-06-30",
                "pk@bapas.example", "medium", "Kec. Cibeunying, Kota Bandung", "", "", "",
                "Wajib lapor sebulan sekali", "Tidak keluar kota tanpa izin")
NIK_RE = re.compile(r"^\d{16}$")


@dataclass
class ImportReport:
    """The outcome of an import (or a dry run)."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def template_csv() -> str:
    """The downloadable template: the header and one example row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerow(TEMPLATE_ROW)
    return out.getvalue()


def _date(value: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _parse(row: dict, officers: dict[str, int], seen: set[str]) -> tuple[dict | None, list[str]]:
    values = {k: (row.get(k) or "").strip() for k in COLUMNS}
    problems = [_("%(column)s is empty", column=c) for c in REQUIRED if not values[c]]
    if values["register_number"] in seen:
        problems.append(_("register number %(number)s appears twice in the file",
                          number=values["register_number"]))
    if values["programme"] and values["programme"] not in PROGRAMMES:
        problems.append(_("programme must be one of %(values)s", values=", ".join(PROGRAMMES)))
    start, end = _date(values["supervision_start_on"]), _date(values["supervision_end_on"])
    for column, parsed in (("supervision_start_on", start), ("supervision_end_on", end)):
        if values[column] and parsed is None:
            problems.append(_("%(column)s is not a date (use YYYY-MM-DD)", column=column))
    if start and end and end <= start:
        problems.append(_("supervision_end_on must come after supervision_start_on"))
    risk = values["risk_level"] or "medium"
    if risk not in RISK_LEVELS:
        problems.append(_("risk_level must be one of %(values)s", values=", ".join(RISK_LEVELS)))
    officer_id = None
    if values["officer_email"]:
        officer_id = officers.get(values["officer_email"].lower())
        if officer_id is None:
            problems.append(_("no active officer of this Bapas has the email %(email)s",
                              email=values["officer_email"]))
    if values["offence_category"] and values["offence_category"] not in OFFENCE_LABELS:
        problems.append(_("offence_category must be one of %(values)s", values=", ".join(OFFENCE_LABELS)))
    if values["nik"] and not NIK_RE.match(values["nik"]):
        problems.append(_("nik must have 16 digits"))
    if len(values["full_name"]) > 120:
        problems.append(_("full_name is longer than 120 characters"))
    if problems:
        return None, problems
    seen.add(values["register_number"])
    data = {k: values[k] or None for k in ("register_number", "full_name", "programme", "area",
                                           "nik", "decree_number", "offence_category",
                                           "general_conditions", "special_conditions")}
    data.update(supervision_start_on=start, supervision_end_on=end, risk_level=risk,
                officer_id=officer_id)
    return data, []


def import_clients(actor: User, office_id: int, stream: Iterable[str], dry_run: bool = False,
                   progress: Callable[[int], None] | None = None) -> ImportReport:
    """Validate every row; unless it is a dry run or a row is wrong, create or update
    clients by register number (the same file twice changes nothing)."""
    report = ImportReport()
    reader = csv.DictReader(stream)
    missing = [c for c in REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        report.errors.append((1, _("missing columns: %(columns)s", columns=", ".join(missing))))
        return report
    officers = {email.lower(): uid for uid, email in db.session.execute(
        select(User.id, User.email).where(User.office_id == office_id,
                                          User.role.in_(EDITORS),
                                          User.active.is_(True)))}
    parsed: list[dict] = []
    seen: set[str] = set()
    for row in reader:
        report.rows += 1
        data, problems = _parse(row, officers, seen)
        report.errors.extend((reader.line_num, p) for p in problems)
        if data:
            parsed.append(data)
        if progress:
            progress(1)
    if report.errors:
        return report
    existing = {c.register_number: c for c in db.session.scalars(
        select(Client).where(Client.office_id == office_id))}
    for data in parsed:
        client = existing.get(data["register_number"])
        if client is None:
            report.created += 1
            if not dry_run:
                create_client(actor, data, office_id=office_id)
        elif dry_run:
            changed = [k for k, v in data.items() if getattr(client, k) != v]
            report.updated += bool(changed)
            report.unchanged += not changed
        elif update_client(actor, client, data):
            report.updated += 1
        else:
            report.unchanged += 1
    if not dry_run:
        audit.record(actor, "client.imported", None, office_id=office_id, created=report.created,
                     updated=report.updated)
        db.session.flush()
    return report
