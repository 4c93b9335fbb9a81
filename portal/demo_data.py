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
    office = db.session.scalar(select(Office).where(Office.code == office_code))
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
