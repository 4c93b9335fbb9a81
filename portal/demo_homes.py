"""Demo data for the work homes (issue 11): a heavy caseload for the demo PK (40+ clients in
Bapas Bandung), two more PKs, and something in every list of every role's home."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from . import audit
from .auth.models import User
from .auth.services import set_password
from .clients.models import Assignment, CheckIn, Client, ClientEvent
from .complaints.models import Complaint, Sanction
from .db import today, utcnow
from .demo_data import _office, _user
from .extensions import db
from .jobs.models import Opportunity, Referral
from .observations.models import Observation
from .partners.models import PartnerEvent, PartnerOrg

MARKER = "BDG-BEBAN-001"  # the first register number of the caseload: loaded once
FIRST = ("Ahmad", "Bayu", "Candra", "Dimas", "Enjang", "Firman", "Gugun", "Hari", "Iwan", "Jajang",
         "Kiki", "Lutfi", "Maman", "Nandang", "Opik", "Pepen", "Rizal", "Sandi", "Tatang", "Ujang",
         "Wawan", "Yayan", "Zaenal")
LAST = ("Permana", "Hidayat", "Gunawan", "Setiadi", "Suryana")
MORE_PKS = [("pk2.bandung@pokmas.example", "Rudi Hermawan"), ("pk3.bandung@pokmas.example", "Nining Suryani")]
PASSWORD = "pokmas-demo-2026"


def _pks() -> list[User]:
    office = _office("BAPAS-BDG")
    found = []
    for email, name in MORE_PKS:
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, name=name, role="officer", office_id=office.id, locale="id")
            db.session.add(user)
            db.session.flush()
            set_password(None, user, PASSWORD, how="demo")
            audit.record(None, "user.created", user, role="officer", via="demo")
        found.append(user)
    return found


def _caseload(office_id: int, officers: list[User], org: PartnerOrg | None) -> list[Client]:
    """48 clients: 40 of the demo PK, 8 of the others; varied risk, intensity and end dates."""
    made = []
    month = today().replace(day=1)
    for i in range(48):
        officer = officers[0] if i < 40 else officers[1 + i % 2]
        client = Client(office_id=office_id, officer_id=officer.id, register_number=f"BDG-BEBAN-{i + 1:03d}",
                        full_name=f"{FIRST[i % len(FIRST)]} {LAST[i % len(LAST)]}", programme=("PB", "CB")[i % 2],
                        supervision_start_on=today() - dt.timedelta(days=120 + i),
                        supervision_end_on=today() + dt.timedelta(days=12 + i * 9),
                        risk_level=("low", "medium", "high")[i % 3],
                        status="intensive" if i % 7 == 3 else "active", area="Kota Bandung")
        db.session.add(client)
        db.session.flush()
        db.session.add(ClientEvent(client_id=client.id, kind="record", action="created"))
        if i % 3 == 0:
            db.session.add(CheckIn(client_id=client.id, month=month, outcome="attended",
                                   recorded_by_id=officer.id))
        elif i % 5 == 1:
            db.session.add(CheckIn(client_id=client.id, month=month, outcome="missed", recorded_by_id=officer.id))
        previous = (month - dt.timedelta(days=1)).replace(day=1)
        db.session.add(CheckIn(client_id=client.id, month=previous, outcome="attended", recorded_by_id=officer.id))
        if org is not None and i < 6:
            assignment = Assignment(client_id=client.id, partner_org_id=org.id, relationship_kind="mentor",
                                    starts_on=today() - dt.timedelta(days=60 if i else 5),
                                    ends_on=client.supervision_end_on, status="active")
            db.session.add(assignment)
            db.session.flush()
            client.assignment = assignment  # type: ignore[attr-defined]  # kept for the observations
        made.append(client)
    return made


def _observations(clients: list[Client], org: PartnerOrg, author: User, pk: User) -> None:
    """Waiting (one from last week, one concern of today), and answered ones for the partner."""
    for days, category, answered, client in ((8, "routine", False, clients[1]), (1, "routine", False, clients[2]),
                                              (0, "concern", False, clients[3]), (10, "progress", True, clients[4]),
                                              (3, "routine", True, clients[5])):
        at = utcnow() - dt.timedelta(days=days, hours=2)
        observation = Observation(client_id=client.id, office_id=client.office_id,
                                  assignment_id=client.assignment.id,  # type: ignore[attr-defined]
                                  partner_org_id=org.id, author_id=author.id, observed_on=at.date(),
                                  category=category, narrative="<p>Klien mengikuti kegiatan pendampingan.</p>",
                                  created_at=at, status="acknowledged" if answered else "submitted")
        if answered:
            observation.reply, observation.acknowledged_by_id = "Terima kasih, kami catat.", pk.id
            observation.acknowledged_at = at + dt.timedelta(days=1)
        db.session.add(observation)


def _jobs(office_id: int, org: PartnerOrg, clients: list[Client], pk: User) -> None:
    """A published posting with a referral waiting for the PK and one waiting for the partner;
    a posting waiting for moderation and a draft."""
    office = _office("BAPAS-BDG")
    postings = []
    for title, status in (("Pendamping bengkel las", "published"), ("Asisten dapur katering", "pending"),
                          ("Pelatihan sablon", "draft")):
        posting = Opportunity(partner_org_id=org.id, kind="job", title=title, sector="trade",
                              description="<p>Pekerjaan untuk klien Bapas.</p>", region_id=office.region_id,
                              city="Bandung", places=2, closes_on=today() + dt.timedelta(days=40),
                              contact_method="PK menghubungi pengurus yayasan.", status=status)
        posting.offices = [office]
        postings.append(posting)
    db.session.add_all(postings)
    db.session.flush()
    for client, status, code in ((clients[6], "interview", "RJK-DEMO-01"), (clients[7], "proposed", "RJK-DEMO-02")):
        db.session.add(Referral(opportunity_id=postings[0].id, client_id=client.id, office_id=office_id,
                                officer_id=pk.id, consent_on=today(), consent_method="in_person",
                                summary="Terampil dan siap bekerja.", status=status, code=code,
                                interview_on=today() + dt.timedelta(days=3) if status == "interview" else None))


def _office_work(office_id: int, clients: list[Client], pk: User) -> None:
    """A summons not answered, an overdue case, a partner to sign a PKS with, and accounts the
    administrator must look after."""
    case = db.session.scalar(select(Complaint).where(Complaint.office_id == office_id,
                                                     Complaint.status == "examination"))
    if case is not None:
        case.sanctions.append(Sanction(client_id=case.client_id, office_id=office_id, kind="summons",
                                       issued_on=today() - dt.timedelta(days=10),
                                       appear_on=today() - dt.timedelta(days=3), appear_time="09:00",
                                       appear_place="Kantor Bapas Bandung", grounds=["MISSED_REPORTING"]))
    late = db.session.scalar(select(Complaint).where(Complaint.office_id == office_id,
                                                     Complaint.status == "in_review"))
    if late is not None:
        late.due_on = today() - dt.timedelta(days=2)
    org = PartnerOrg(applicant_type="organisation", kind="business", name="Koperasi Sejahtera Mandiri",
                     fields=["work"], office_id=office_id, contact_name="Asep Sunandar",
                     email="koperasi@sejahtera.example", phone="081277778888", address="Jl. Buah Batu, Bandung",
                     motivation="Kami membuka lapangan kerja bagi klien.", consent_at=utcnow(),
                     email_confirmed_at=utcnow(), status="vetted", decided_at=utcnow())
    org.events.append(PartnerEvent(action="applied", to_status="applied"))
    org.events.append(PartnerEvent(action="approve_vetting", from_status="applied", to_status="vetted"))
    db.session.add(org)
    db.session.add(User(email="pk.baru@pokmas.example", name="Yusuf Maulana", role="officer",
                        office_id=office_id, locale="id"))  # invited, no password yet
    locked = User(email="pk.terkunci@pokmas.example", name="Tini Rahayu", role="officer", office_id=office_id,
                  locale="id")
    db.session.add(locked)
    db.session.flush()
    set_password(None, locked, PASSWORD, how="demo")
    locked.failed_logins, locked.locked_until = 10, utcnow() + dt.timedelta(days=365)  # too many attempts


def load_demo_homes(office_code: str, officer_email: str, partner_email: str) -> None:
    """Load the work homes' demo data once (see the module's docstring)."""
    if db.session.scalar(select(func.count(Client.id)).where(Client.register_number == MARKER)):
        return
    office = _office(office_code)
    pk, partner = _user(officer_email), _user(partner_email)
    org = db.session.get(PartnerOrg, partner.partner_org_id) if partner.partner_org_id else None
    clients = _caseload(office.id, [pk, *_pks()], org)
    if org is not None:
        _observations(clients, org, partner, pk)
        _jobs(office.id, org, clients, pk)
    _office_work(office.id, clients, pk)
    db.session.flush()
