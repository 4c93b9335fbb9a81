"""Helpers shared by the tests: an in-process SMTP server, users, sign-in."""
from __future__ import annotations

import email
import itertools
import re
from email.message import EmailMessage

import pyotp
from aiosmtpd.controller import Controller
from sqlalchemy import select

from portal.auth.models import User
from portal.auth.passwords import hash_password
from portal.db import utcnow
from portal.extensions import db
from portal.offices.models import Office, Region

PASSWORD = "tanjung-priok-lighthouse-42"
OFFICE_A = "BAPAS-BDG"   # Bandung, Jawa Barat
OFFICE_B = "BAPAS-SMG"   # Semarang, Jawa Tengah
_counter = itertools.count(1)


class _Handler:
    def __init__(self, messages: list):
        self.messages = messages

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, _class=EmailMessage,
                                           policy=email.policy.default)
        self.messages.append(message)
        return "250 Message accepted"


class SMTPCollector:
    """aiosmtpd on 127.0.0.1 collecting every message it receives."""

    def __init__(self, port: int):
        self.port = port
        self.messages: list[EmailMessage] = []
        self.controller = Controller(_Handler(self.messages), hostname="127.0.0.1", port=port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()


class Mailbox:
    """What reached the SMTP server in this test."""

    def __init__(self, server: SMTPCollector, app):
        self.server = server
        self.app = app

    def flush(self) -> list[EmailMessage]:
        """Run the outbox worker (as `flask outbox send` does) and return all messages so far."""
        result = self.app.test_cli_runner().invoke(args=["outbox", "send"])
        assert result.exit_code == 0, result.output
        return list(self.server.messages)

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.flush() if m["To"] == address]

    @staticmethod
    def body(message: EmailMessage) -> str:
        return message.get_content()

    @staticmethod
    def links(message: EmailMessage) -> list[str]:
        return re.findall(r"https?://\S+", message.get_content())


def office(code: str = OFFICE_A) -> Office:
    return db.session.scalar(select(Office).where(Office.code == code))


def region(name: str = "Jawa Barat") -> Region:
    return db.session.scalar(select(Region).where(Region.name == name))


_hashes: dict[tuple, str] = {}


def _password_hash() -> str:
    """The hash of PASSWORD, computed once per hashing cost (every test user shares it)."""
    from flask import current_app
    cost = (current_app.config["ARGON2_TIME_COST"], current_app.config["ARGON2_MEMORY_COST"])
    if cost not in _hashes:
        _hashes[cost] = hash_password(PASSWORD)
    return _hashes[cost]


class UserFactory:
    """Create users with a known password; roles that need it get TOTP."""

    def __init__(self, app):
        self.app = app

    def make(self, role: str, *, office_code: str = OFFICE_A, region_name: str = "Jawa Barat",
             totp: bool | None = None, email: str | None = None, **fields) -> User:
        with self.app.app_context():
            return self._make(role, office_code, region_name, totp, email, **fields)

    def _make(self, role, office_code, region_name, totp, email, **fields) -> User:
        n = next(_counter)
        user = User(email=email or f"{role}{n}@test.example", name=f"{role.title()} Tester {n}",
                    role=role, password_hash=_password_hash(), **{"locale": "id", **fields})
        if role in ("officer", "supervisor", "head"):
            user.office_id = office(office_code).id
        if role == "regional":
            user.region_id = region(region_name).id
        if role == "partner" and "partner_org_id" not in fields:
            org = _make_org(office_code=office_code, status="active")
            user.partner_org_id = org.id
            user.org_admin = True
        if totp if totp is not None else role in ("head", "regional", "admin"):
            user.totp_secret = pyotp.random_base32()
        db.session.add(user)
        db.session.commit()
        db.session.refresh(user)
        db.session.expunge(user)  # usable after the context closes (columns only)
        return user


def login_client(app, user: User):
    """A test client whose session is signed in as `user` (bypassing the forms)."""
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["_user_id"] = user.get_id()
        sess["_fresh"] = True
        sess["_auth_at"] = utcnow().timestamp()
        sess["_seen"] = utcnow().timestamp()
    return client


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, "no CSRF token in page"
    return match.group(1)


def totp_now(user: User, at=None) -> str:
    totp = pyotp.TOTP(user.totp_secret)
    return totp.at(at or utcnow())


def t(app, msgid: str, lang: str = "id", context: str | None = None, **params) -> str:
    """The catalogue's translation of `msgid` (what a user of that language reads); with
    `context`, of the msgid marked with that context (pgettext, e.g. "complaint status")."""
    from flask_babel import force_locale, gettext, pgettext
    with app.test_request_context(), force_locale(lang):
        return pgettext(context, msgid, **params) if context else gettext(msgid, **params)


def _make_org(office_code: str = OFFICE_A, status: str = "active", **fields):
    from portal.partners.models import PartnerEvent, PartnerOrg
    n = next(_counter)
    values = dict(applicant_type="organisation", kind="ngo", name=f"Yayasan Uji {n}",
                  fields=["work"], contact_name=f"Kontak {n}", email=f"org{n}@test.example",
                  phone="081234567890", address="Jl. Uji No. 1", motivation="Ingin membantu klien.",
                  consent_at=utcnow(), locale="id")
    if status in ("active", "suspended", "ended"):
        import datetime as dt
        signed = dt.date.today() - dt.timedelta(days=60)  # valid for a year from today, so the
        values.update(pks_number=f"PKS/{n}/{signed.year}", pks_signed_on=signed,  # suite never
                      pks_valid_until=signed + dt.timedelta(days=425))  # expires by itself
    values.update(fields)
    org = PartnerOrg(office_id=office(office_code).id, status=status, **values)
    org.events.append(PartnerEvent(action="applied", to_status=status))
    db.session.add(org)
    db.session.flush()
    return org


class OrgFactory:
    """Create partner organisations in a given state."""

    def __init__(self, app):
        self.app = app

    def make(self, status: str = "applied", office_code: str = OFFICE_A, **fields):
        with self.app.app_context():
            org = _make_org(office_code, status, **fields)
            db.session.commit()
            db.session.refresh(org)
            db.session.expunge(org)
            return org


class ClientFactory:
    """Create clients and assignments directly in the database."""

    def __init__(self, app):
        self.app = app

    def make(self, office_code: str = OFFICE_A, officer=None, **fields):
        import datetime as dt

        from portal.clients.models import Client
        n = next(_counter)
        values = dict(register_number=f"PAS-{n:04d}/2026", full_name=f"Klien Uji {n}",
                      programme="PB", supervision_start_on=dt.date(2026, 1, 1),
                      supervision_end_on=dt.date(2027, 12, 31), risk_level="medium",
                      status="active", nik=f"32730{n:011d}", decree_number=f"PAS-{n}.PK.01.04/2026",
                      offence_category="theft", area="Kota Bandung")
        values.update(fields)
        with self.app.app_context():
            client = Client(office_id=office(office_code).id,
                            officer_id=getattr(officer, "id", None), **values)
            db.session.add(client)
            db.session.commit()
            db.session.refresh(client)
            db.session.expunge(client)
            return client

    def assign(self, client, org_id: int, status: str = "active", **fields):
        import datetime as dt

        from portal.clients.models import Assignment
        values = dict(relationship_kind="employer", starts_on=dt.date(2026, 1, 1),
                      ends_on=dt.date(2027, 12, 31))
        values.update(fields)
        with self.app.app_context():
            assignment = Assignment(client_id=client.id, partner_org_id=org_id, status=status,
                                    **values)
            db.session.add(assignment)
            db.session.commit()
            db.session.refresh(assignment)
            db.session.expunge(assignment)
            return assignment


def make_posting(app, org_id: int, *, status: str = "published", office_codes=(OFFICE_A,), **fields):
    """A posting of a partner organisation, open to the given Bapas offices."""
    import datetime as dt

    from portal.jobs.models import Opportunity
    values = dict(kind="job", title="Penjahit konveksi", sector="garment",
                  description="<p>Menjahit seragam sekolah di bengkel kami.</p>", city="Bandung",
                  places=2, closes_on=dt.date.today() + dt.timedelta(days=30),
                  contact_method="PK menghubungi bagian personalia.", excluded_offences=[])
    values.update(fields)
    with app.app_context():
        offices = [office(code) for code in office_codes]
        opportunity = Opportunity(partner_org_id=org_id, status=status, region_id=offices[0].region_id,
                                  **values)
        opportunity.offices = offices
        db.session.add(opportunity)
        db.session.commit()
        db.session.refresh(opportunity)
        _public_id, _opportunity_id = opportunity.public_id, opportunity.id
        db.session.expunge(opportunity)
        return opportunity


def make_complaint(app, *, status: str = "submitted", office_code: str = OFFICE_A, client=None,
                   officer=None, **fields):
    """A complaint in any state, with a known secret ("rahasia-uji-1234")."""
    import datetime as dt

    from portal.auth.passwords import hash_password
    from portal.complaints.models import Complaint, ComplaintEvent
    values = dict(channel="public", grounds=["PUBLIC_UNREST"], client_name="Klien Diadukan",
                  narrative="Klien berkelahi di pasar dua kali minggu ini dan mengancam pedagang.",
                  complainant_name="Pelapor Rahasia", complainant_phone="081299990000",
                  complainant_email="pelapor@test.example", complainant_relationship="tetangga",
                  submitted_on=dt.date.today(), due_on=dt.date.today() + dt.timedelta(days=28))
    values.update(fields)
    with app.app_context():
        complaint = Complaint(secret_hash=hash_password("rahasia-uji-1234"), status=status,
                              office_id=office(office_code).id, client_id=getattr(client, "id", None),
                              assigned_officer_id=getattr(officer, "id", None),
                              declaration_at=utcnow(), **values)
        complaint.events.append(ComplaintEvent(kind="move", action="submitted", to_status="submitted",
                                               visibility="complainant", by_complainant=True))
        db.session.add(complaint)
        db.session.commit()
        db.session.refresh(complaint)
        db.session.expunge(complaint)
        return complaint


# Issue 10 §1: a deliberate decision states its grounds (the legal ground codes) and its
# reasons in words; the confirmation page refuses it without them.
GROUNDS = {"grounds": ["PUBLIC_UNREST"],
           "grounds_text": "Keterangan pelapor dan klien dalam BAP menunjukkan pelanggaran."}


def prefixed(action: str, data: dict) -> dict:
    """Form fields of one complaint procedure step (each step's form has the action as prefix)."""
    return {f"{action}-{key}": value for key, value in data.items()}
