"""Helpers for the work-home tests: objects written straight to the database, and reading one
list of a home page (its count and its lines)."""
from __future__ import annotations

import datetime as dt
import re

from portal.clients.models import CheckIn, Client
from portal.complaints.models import Complaint, ComplaintEvent, Sanction
from portal.extensions import db
from portal.observations.models import Observation

from .support import office

WIB = dt.timezone(dt.timedelta(hours=7))


def at_wib(day: dt.date, hour: int = 10) -> dt.datetime:
    """A moment of an office day in Bandung (WIB), as the aware UTC time the database keeps."""
    return dt.datetime.combine(day, dt.time(hour), WIB).astimezone(dt.UTC)


def user_with(app, users, role: str, **fields):
    """A user of the factory, then changed (the factory sets the name and the password itself)."""
    from portal.auth.models import User
    made = users.make(role)
    with app.app_context():
        stored = db.session.get(User, made.id)
        for key, value in fields.items():
            setattr(stored, key, value)
        db.session.commit()
        db.session.refresh(stored)
        db.session.expunge(stored)
        return stored


def add_client(name: str, officer, *, ends_on=dt.date(2027, 12, 31), status="active", risk="medium",
               office_code: str | None = None, **fields) -> Client:
    """A client of the officer's Bapas (inside an app context; flushed, not committed)."""
    office_id = office(office_code).id if office_code else officer.office_id
    values = {"supervision_start_on": dt.date(2026, 1, 1), **fields}
    client = Client(office_id=office_id, officer_id=officer.id if officer else None, full_name=name,
                    register_number=f"REG-{name}", programme="PB", supervision_end_on=ends_on,
                    status=status, risk_level=risk, **values)
    db.session.add(client)
    db.session.flush()
    return client


def add_check_in(client: Client, month: dt.date, outcome: str) -> None:
    db.session.add(CheckIn(client_id=client.id, month=month, outcome=outcome))


def add_observation(client: Client, assignment, author, created_at: dt.datetime, category="routine",
                    status="submitted", **fields) -> Observation:
    observation = Observation(client_id=client.id, office_id=client.office_id, assignment_id=assignment.id,
                              partner_org_id=assignment.partner_org_id, author_id=author.id,
                              observed_on=created_at.date(), category=category, narrative="<p>Catatan.</p>",
                              status=status, created_at=created_at, **fields)
    db.session.add(observation)
    db.session.flush()
    return observation


def add_case(client: Client | None, officer, *, status="in_review", due_on=dt.date(2026, 12, 1),
             office_id: int | None = None, **fields) -> Complaint:
    complaint = Complaint(secret_hash="x", channel="public", office_id=office_id or client.office_id,
                          client_id=getattr(client, "id", None), client_name=getattr(client, "full_name", None),
                          grounds=["PUBLIC_UNREST"], narrative="Aduan uji.", complainant_name="Pelapor Uji",
                          declaration_at=at_wib(dt.date(2026, 11, 2)), status=status,
                          assigned_officer_id=getattr(officer, "id", None),
                          submitted_on=dt.date(2026, 11, 2), due_on=due_on, **fields)
    complaint.events.append(ComplaintEvent(kind="move", action="submitted", to_status="submitted"))
    db.session.add(complaint)
    db.session.flush()
    return complaint


def add_summons(complaint: Complaint, appear_on: dt.date) -> None:
    complaint.sanctions.append(Sanction(client_id=complaint.client_id, office_id=complaint.office_id,
                                        kind="summons", issued_on=appear_on - dt.timedelta(days=7),
                                        appear_on=appear_on, appear_place="Kantor Bapas", grounds=[]))


def listed(html: str, key: str) -> tuple[int, list[str]]:
    """The count and the line texts of the list `key` (the section's id) on a home page."""
    match = re.search(rf'<section[^>]*id="{key}">(.*?)</section>', html, re.S)
    assert match, f"no list {key!r} on the page"
    body = match.group(1)
    count = int(re.search(r'badge[^>]*>(\d+)', body).group(1))
    line = r'<li class="py-2 border-top">\s*<a [^>]*class="fw-semibold">(.*?)</a>'
    lines = [re.sub(r"\s+", " ", text).strip() for text in re.findall(line, body, re.S)]
    return count, lines
