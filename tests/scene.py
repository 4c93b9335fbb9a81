"""A small world for promise tests: the people of Bapas Bandung (office A), a region user,
an admin, a partner organisation supporting one client, and builders that put a complaint,
an observation, a posting, a referral or an application into a given state."""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

from sqlalchemy import select

from portal import uploads
from portal.audit import AuditEvent
from portal.auth.models import User
from portal.clients.models import Client
from portal.complaints.calendar import CollectiveLeave
from portal.complaints.models import Complaint, ExaminationRecord, Hearing, IssuedDocument
from portal.extensions import db
from portal.jobs.models import Opportunity, Referral
from portal.observations.models import Observation
from portal.partners.models import PartnerOrg

from .files import pdf_bytes
from .support import OFFICE_A, OFFICE_B, login_client, make_complaint, make_posting, office

TODAY = dt.date.today()
SECRET = "rahasia-uji-1234"  # the receipt secret of make_complaint()


class Upload:
    """A file field value in a form table, made fresh for each request."""

    def __init__(self, name: str, data: Callable[[], bytes] = pdf_bytes):
        self.name, self.data = name, data

    def value(self):
        return (io.BytesIO(self.data()), self.name)


def fill(template, values: dict):
    """A form (or URL) with {placeholders} replaced by the scene's values."""
    if isinstance(template, str):
        return template.format(**values)
    if isinstance(template, Upload):
        return template.value()
    if isinstance(template, list):
        return [fill(v, values) for v in template]
    if isinstance(template, dict):
        return {k: fill(v, values) for k, v in template.items()}
    return template


class Scene:
    """The people and records a promise test starts from; `values` fills URLs and forms."""

    def __init__(self, app, users, clients, orgs):
        self.app, self.users, self.clients, self.orgs = app, users, clients, orgs
        self.officer = users.make("officer")
        self.supervisor = users.make("supervisor")
        self.head = users.make("head")
        self.regional = users.make("regional")  # Jawa Barat: the region of office A
        self.admin = users.make("admin")
        self.partner = users.make("partner")     # admin of an active employer organisation
        with app.app_context():
            db.session.get(PartnerOrg, self.partner.partner_org_id).kind = "employer"
            db.session.commit()
            self.office_ids = {"A": office(OFFICE_A).id, "B": office(OFFICE_B).id}
            self.region_a = office(OFFICE_A).region_id
        self.client = clients.make(officer=self.officer, full_name="Klien Audit Satu")
        self.assignment = clients.assign(self.client, self.partner.partner_org_id)
        self.sessions: dict = {}
        self.values = {
            "today": TODAY.isoformat(), "client": self.client.public_id,
            "client_id": self.client.id, "client_register": self.client.register_number,
            "assignment_id": self.assignment.id, "org_id": self.partner.partner_org_id,
            "officer_id": self.officer.id, "officer_name": self.officer.name,
            "officer_email": self.officer.email, "head_id": self.head.id, "office_a": self.office_ids["A"],
            "office_b": self.office_ids["B"], "region_a": self.region_a,
            "next_month": (TODAY + dt.timedelta(days=30)).isoformat(),
            "next_year": (TODAY + dt.timedelta(days=365)).isoformat()}
        self.refresh_client()

    # -- who

    def person(self, who: str) -> User | None:
        return getattr(self, who) if who in ("officer", "supervisor", "head", "regional",
                                             "admin", "partner") else None

    def session(self, who: str):
        if who not in self.sessions:
            person = self.person(who)
            self.sessions[who] = login_client(self.app, person) if person else self.app.test_client()
        return self.sessions[who]

    def last_audit_id(self) -> int:
        with self.app.app_context():
            return db.session.scalar(select(db.func.max(AuditEvent.id))) or 0

    # -- the client

    def refresh_client(self) -> None:
        with self.app.app_context():
            self.values["client_version"] = db.session.get(Client, self.client.id).version

    def set_client_status(self, status: str) -> None:
        with self.app.app_context():
            db.session.get(Client, self.client.id).status = status
            db.session.commit()
        self.refresh_client()

    def second_client_proposed(self) -> None:
        other = self.clients.make(officer=self.officer, full_name="Klien Audit Dua")
        proposal = self.clients.assign(other, self.partner.partner_org_id, status="proposed",
                                       proposed_by_id=self.officer.id)
        self.values.update(client2=other.public_id, proposal_id=proposal.id)

    def check_in(self, month: str, outcome: str) -> None:
        login_client(self.app, self.officer).post(
            f"/staf/klien/{self.client.public_id}/wajib-lapor", data={"month": month, "outcome": outcome})
        self.refresh_client()

    # -- accounts

    def deactivate_officer(self) -> None:
        with self.app.app_context():
            db.session.get(User, self.officer.id).active = False
            db.session.commit()

    def partner_member(self) -> None:
        member = self.users.make("partner", partner_org_id=self.partner.partner_org_id)
        self.values["member_id"] = member.id

    # -- complaints

    def complaint(self, status: str, *, assigned: bool = True, baps: bool = False,
                  hearing: bool = False, documents: bool = False, tracked: bool = False,
                  client_status: str | None = None, **fields) -> None:
        """A complaint about the client in `status` (assigned to the officer unless told)."""
        if client_status:
            self.set_client_status(client_status)
        made = make_complaint(self.app, status=status, client=self.client,
                              officer=self.officer if assigned else None, **fields)
        with self.app.test_request_context():
            from portal.complaints import documents as issued_docs
            stored = db.session.get(Complaint, made.id)
            head = db.session.get(User, self.head.id)
            records = {}
            if baps or documents:
                for subject, name in (("complainant", stored.complainant_name),
                                      ("client", self.client.full_name)):
                    record = ExaminationRecord(subject=subject, subject_name=name,
                                               examiner_id=self.officer.id, examined_on=TODAY,
                                               place="Ruang pemeriksaan Bapas",
                                               questions=[{"q": "Apa yang terjadi?", "a": "Keterangan."}])
                    stored.examinations.append(record)
                    records[subject] = record
                db.session.flush()
            if hearing or documents:
                stored.hearings.append(Hearing(held_on=TODAY, members="Kabapas, Kasi BK, PK senior",
                                               recommendation="temporary_revocation",
                                               minutes="TPP merekomendasikan pencabutan sementara.",
                                               recorded_by_id=self.head.id))
                db.session.flush()
            if documents:
                for subject, record in records.items():
                    issued = issued_docs.issue_bap(head, stored, record)
                    self.values[f"bap_{subject}"] = issued.id
                scan = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "bap-ttd.pdf"),
                                     records["complainant"], "signed_scan")
                db.session.flush()
                self.values["bap_scan"] = scan.id
                self.values["proposal"] = issued_docs.issue_proposal(head, stored).id
                for purpose in ("letter", "evidence"):
                    attachment = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf",
                                                                   f"{purpose}.pdf"), stored, purpose)
                    db.session.flush()
                    self.values[purpose] = attachment.id
            db.session.commit()
            self.values.update(ref=stored.reference, complaint_id=stored.id,
                               complaint_version=db.session.get(Complaint, made.id).version)
        if tracked:
            tracker = self.app.test_client()
            opened = tracker.post("/pengaduan/lacak", data={"reference": made.reference, "secret": SECRET})
            assert opened.headers["Location"] == "/pengaduan/kasus"
            self.sessions["public"] = tracker

    def document_ids(self) -> list[int]:
        with self.app.app_context():
            return list(db.session.scalars(select(IssuedDocument.id)))

    # -- observations

    def observation(self, acknowledged: bool = False) -> None:
        partner = login_client(self.app, self.partner)
        partner.post(f"/mitra/klien/{self.client.public_id}/pengamatan", content_type="multipart/form-data",
                     data={"observed_on": TODAY.isoformat(), "category": "concern",
                           "narrative": "Klien terlihat murung dan sering terlambat masuk kerja.",
                           "submission_key": "scene-observation",
                           "attachment": (io.BytesIO(pdf_bytes()), "catatan.pdf")})
        with self.app.app_context():
            item = db.session.scalar(select(Observation))
            self.values.update(obs=item.public_id, obs_id=item.id, obs_version=item.version,
                               obs_file=uploads.attachments_of(item)[0].id)
        if acknowledged:
            login_client(self.app, self.officer).post(f"/staf/pengamatan/{self.values['obs']}/tanggapi", data={
                "version": self.values["obs_version"], "reply": "Terima kasih, saya akan berkunjung."})
            with self.app.app_context():
                self.values["obs_version"] = db.session.get(Observation, self.values["obs_id"]).version

    # -- postings and referrals

    def posting(self, status: str, **fields) -> None:
        made = make_posting(self.app, self.partner.partner_org_id, status=status, **fields)
        with self.app.app_context():
            stored = db.session.get(Opportunity, made.id)
            self.values.update(posting=stored.public_id, posting_id=stored.id,
                               posting_version=stored.version)

    def referral(self, status: str = "proposed", disclosed: bool = False) -> None:
        self.posting("published")
        login_client(self.app, self.officer).post(f"/staf/klien/{self.client.public_id}/rujuk", data={
            "opportunity": self.values["posting"], "consent_on": TODAY.isoformat(),
            "consent_method": "in_person", "disclosure": "after", "consent_assignment": "y",
            "summary": "Terampil menjahit, pernah bekerja di konveksi dua tahun.",
            "submission_key": "scene-referral"})
        with self.app.app_context():
            referral = db.session.scalar(select(Referral))
            referral.status = status
            if disclosed:
                from portal.db import utcnow
                referral.disclosed_at = utcnow()
            db.session.commit()
            self.values.update(code=referral.code, referral_id=referral.id,
                               referral_version=db.session.get(Referral, referral.id).version)

    # -- partner applications

    def application(self, status: str, *, checked: bool = False, token: str | None = None,
                    **fields) -> None:
        if checked:
            from portal.db import utcnow
            fields.update(documents_verified_at=utcnow(), visit_on=TODAY - dt.timedelta(days=3))
        org = self.orgs.make(status, **fields)
        with self.app.test_request_context():
            stored = db.session.get(PartnerOrg, org.id)
            document = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "akta.pdf"),
                                     stored, "id_document")
            if token:
                from portal.auth import services as auth_services
                self.values["token"] = auth_services.issue_token(token, 72, org=stored).token
            db.session.commit()
            self.values.update(vet=stored.public_id, vet_id=stored.id, vet_version=stored.version,
                               vet_doc=document.id)

    # -- the calendar

    def leave_day(self) -> None:
        with self.app.app_context():
            leave = CollectiveLeave(day=dt.date(2027, 3, 9), name="Cuti bersama Idul Fitri")
            db.session.add(leave)
            db.session.commit()
            self.values["leave_id"] = leave.id
