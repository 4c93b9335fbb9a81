"""Demo partners and applications, and a small generated PDF to stand in for scans."""
from __future__ import annotations

import datetime as dt
import io

from sqlalchemy import select

from . import uploads
from .auth.models import User
from .db import today, utcnow
from .extensions import db
from .offices.models import Office
from .partners.models import PartnerEvent, PartnerOrg


def sample_pdf(text: str = "POKMAS LIPAS demo document") -> bytes:
    """A minimal valid one-page PDF."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
    ]
    stream = f"BT /F1 12 Tf 20 100 Td ({text}) Tj ET".encode()
    objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
                   + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def _office(code: str) -> Office:
    office = db.session.scalar(select(Office).where(Office.code == code))
    if office is None:
        raise LookupError(f"no office {code!r}: load the reference data first")
    return office


def _user(email: str) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    if user is None:
        raise LookupError(f"no account {email!r}: load the demo users first")
    return user


DEMO_ORGS = [
    # name, kind, status, contact, email, fields
    ("Yayasan Bina Harapan", "ngo", "active", "Dewi Lestari", "mitra@pokmas.example",
     ["work", "education"]),
    ("CV Maju Bersama Konveksi", "employer", "applied", "Hendra Gunawan", "hendra@konveksi.example",
     ["work"]),
    ("Pondok Pesantren Al-Ikhlas", "religious", "info_requested", "K.H. Ahmad Fauzi",
     "alikhlas@pesantren.example", ["mental_spiritual", "education"]),
]


def load_demo_partners(office_code: str) -> None:
    """Create the demo partner organisations once; attach the demo partner account."""
    office = _office(office_code)
    for name, kind, status, contact, email, fields in DEMO_ORGS:
        if db.session.scalar(select(PartnerOrg).where(PartnerOrg.name == name)):
            continue
        org = PartnerOrg(applicant_type="organisation", kind=kind, name=name, fields=fields,
                         office_id=office.id, contact_name=contact, email=email,
                         phone="081234567890", address="Jl. Soekarno Hatta, Bandung",
                         motivation="Kami ingin membantu klien Bapas kembali ke masyarakat.",
                         consent_at=utcnow(), email_confirmed_at=utcnow(), status=status,
                         listed_publicly=status == "active")
        if status == "active":
            org.pks_number = "W11.PAS.PAS.9-PK.01.05/2026"
            org.pks_signed_on = today() - dt.timedelta(days=300)
            org.pks_valid_until = today() + dt.timedelta(days=45)
            org.public_description = "Pelatihan kerja dan pendampingan usaha kecil."
        db.session.add(org)
        org.events.append(PartnerEvent(action="applied", to_status=status))
        if status == "info_requested":
            org.events.append(PartnerEvent(action="request_info", from_status="applied",
                                           to_status=status,
                                           note="Mohon lampirkan SK pendirian pondok pesantren."))
        db.session.flush()
        uploads.store(uploads.CheckedFile(sample_pdf(f"KTP {contact}"), "application/pdf",
                                          "ktp.pdf"), org, "id_document")
        uploads.store(uploads.CheckedFile(sample_pdf(f"Akta {name}"), "application/pdf",
                                          "akta.pdf"), org, "legal_document")
        if status == "active":
            partner = db.session.scalar(select(User).where(User.email == email))
            if partner is not None:
                partner.partner_org_id = org.id
                partner.org_admin = True
    db.session.flush()


DEMO_CLIENTS = [
    # name, register number, programme, months of supervision left, risk, area
    ("Andi Pratama", "PB.101/BDG/2026", "PB", 14, "medium", "Kec. Coblong, Kota Bandung"),
    ("Budi Santoso", "PB.102/BDG/2026", "PB", 9, "high", "Kec. Cicendo, Kota Bandung"),
    ("Cahya Nugraha", "CB.033/BDG/2026", "CB", 4, "low", "Kec. Lembang, Kab. Bandung Barat"),
    ("Dedi Kurniawan", "CMB.018/BDG/2026", "CMB", 2, "medium", "Kec. Sukajadi, Kota Bandung"),
    ("Eko Saputra", "AS.007/BDG/2026", "asimilasi", 6, "low", "Kec. Antapani, Kota Bandung"),
]


def load_demo_clients(office_code: str, officer_email: str) -> None:
    """Demo clients of the demo officer: one supported by the demo partner, one who missed
    reporting three months in a row."""
    from .clients.models import Assignment, CheckIn, Client, ClientEvent

    office = _office(office_code)
    officer = _user(officer_email)
    partner_org = db.session.scalar(select(PartnerOrg).where(PartnerOrg.status == "active",
                                                             PartnerOrg.office_id == office.id))
    start = today() - dt.timedelta(days=200)
    for index, (name, number, programme, months, risk, area) in enumerate(DEMO_CLIENTS):
        if db.session.scalar(select(Client).where(Client.register_number == number)):
            continue
        client = Client(office_id=office.id, officer_id=officer.id, register_number=number,
                        full_name=name, programme=programme, supervision_start_on=start,
                        supervision_end_on=today() + dt.timedelta(days=30 * months),
                        risk_level=risk, area=area, nik=f"3273{index:02d}1203900004",
                        decree_number=f"PAS-{1200 + index}.PK.01.04/2026",
                        general_conditions="Wajib lapor ke Bapas setiap bulan. Tidak melakukan "
                                           "tindak pidana. Tidak keluar kota tanpa izin.")
        db.session.add(client)
        db.session.flush()
        db.session.add(ClientEvent(client_id=client.id, kind="record", action="created"))
        if index == 0 and partner_org is not None:
            assignment = Assignment(client_id=client.id, partner_org_id=partner_org.id,
                                    relationship_kind="employer", starts_on=start,
                                    ends_on=client.supervision_end_on, status="active",
                                    note="Pelatihan menjahit dan magang di konveksi.")
            db.session.add(assignment)
            db.session.flush()
            db.session.add(ClientEvent(client_id=client.id, kind="assignment", action="proposed",
                                       assignment_id=assignment.id, to_status="active"))
        outcomes = ["attended", "missed", "missed", "missed"] if index == 1 else \
            ["attended", "remote", "attended", "attended"]
        month = today().replace(day=1)
        for outcome in reversed(outcomes):
            month = (month - dt.timedelta(days=1)).replace(day=1)
            check_in = CheckIn(client_id=client.id, month=month, outcome=outcome,
                               recorded_by_id=officer.id)
            db.session.add(check_in)
            db.session.flush()
            db.session.add(ClientEvent(client_id=client.id, kind="checkin", action="checkin_recorded",
                                       check_in_id=check_in.id, to_status=outcome,
                                       actor_id=officer.id))
        if index == 1:
            client.consecutive_misses = 3
    db.session.flush()


DEMO_COMPLAINT_REFERENCE = "ADU-DEMO-0001"
DEMO_COMPLAINT_SECRET = "rahasiademo2026a"


def load_demo_complaints(office_code: str, officer_email: str) -> None:
    """Two demo complaints: one waiting for triage (trackable with the demo receipt), one in
    examination about the client who missed reporting."""
    from .auth.passwords import hash_password
    from .clients.models import Client
    from .complaints.calendar import SERVICE_STANDARD_DAYS, add_working_days
    from .complaints.models import Complaint, ComplaintEvent

    if db.session.scalar(select(Complaint).where(Complaint.reference == DEMO_COMPLAINT_REFERENCE)):
        return
    office = _office(office_code)
    officer = _user(officer_email)
    budi = db.session.scalar(select(Client).where(Client.register_number == "PB.102/BDG/2026"))
    submitted = today() - dt.timedelta(days=3)
    first = Complaint(reference=DEMO_COMPLAINT_REFERENCE, secret_hash=hash_password(DEMO_COMPLAINT_SECRET),
                      channel="public", office_id=office.id, client_name="Andi", client_area="Coblong",
                      grounds=["PUBLIC_UNREST"], narrative="Andi beberapa kali membuat keributan di "
                      "warung dekat rumah dan mengancam pemilik warung pada malam hari.",
                      complainant_name="Ibu Sari", complainant_phone="081233334444",
                      complainant_relationship="pemilik warung", declaration_at=utcnow(),
                      submitted_on=submitted, due_on=add_working_days(submitted, SERVICE_STANDARD_DAYS))
    first.events.append(ComplaintEvent(kind="move", action="submitted", to_status="submitted",
                                       visibility="complainant", by_complainant=True))
    second = Complaint(secret_hash=hash_password(DEMO_COMPLAINT_SECRET + "x"), channel="oral",
                       office_id=office.id, client_id=getattr(budi, "id", None), client_name="Budi Santoso",
                       grounds=["MISSED_REPORTING"], missed_visits=3,
                       narrative="Keluarga melaporkan Budi tidak pernah datang wajib lapor sejak tiga bulan.",
                       complainant_name="Pak Hadi", complainant_relationship="paman",
                       complainant_phone="081255556666", declaration_at=utcnow(), recorded_by_id=officer.id,
                       status="examination", assigned_officer_id=officer.id,
                       submitted_on=today() - dt.timedelta(days=12),
                       due_on=add_working_days(today() - dt.timedelta(days=12), SERVICE_STANDARD_DAYS))
    second.events.append(ComplaintEvent(kind="move", action="submitted", to_status="submitted",
                                        visibility="complainant"))
    second.events.append(ComplaintEvent(kind="move", action="start_examination", from_status="in_review",
                                        to_status="examination", actor_id=officer.id))
    db.session.add_all([first, second])
    db.session.flush()
