"""A fully worked case and every document issued for it, for the document tests (and for
looking at the pages: `python -m tests.documents_world OUT_DIR` writes the PDFs)."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.extensions import db

from .support import OFFICE_A, office, region

ISSUED_AT = dt.datetime(2026, 12, 2, 3, 0, tzinfo=dt.UTC)  # Wednesday 2 December 2026, 10:00 WIB
EXAMINED_ON = dt.date(2026, 12, 2)      # a Wednesday
HELD_ON = dt.date(2026, 12, 1)          # a Tuesday
NIPS = {"head": "197501012000031001", "officer": "198502142010122002",
        "supervisor": "198003032005011003", "secretary": "199001012015032004",
        "member": "198807072012121005", "regional": "197212122000121006"}


def prepare_office() -> None:
    """Office A's record as an admin completes it (unit codes are placeholders, not real)."""
    bapas = office(OFFICE_A)
    bapas.unit_code, bapas.city = "W00.PAS.PAS0", "Kota Bandung"
    bapas.address = "Jl. Contoh Raya No. 1, Bandung 40000"
    bapas.phone, bapas.email = "(022) 000-0000", "bapas.bandung@contoh.go.id"
    region("Jawa Barat").unit_code = "W00.PAS"


def _person(app, users, role: str, name: str, nip: str, position: str | None = None):
    """A user of office A with a name, NIP and jabatan as an admin sets them."""
    from portal.auth.models import User
    made = users.make(role)
    with app.app_context():
        user = db.session.get(User, made.id)
        user.name, user.nip, user.position = name, nip, position
        db.session.commit()
        db.session.refresh(user)
        db.session.expunge(user)
        return user


def people(app, users) -> dict:
    """The signers: head, officer, supervisor (TPP chair), secretary, member, regional."""
    return {
        "head": _person(app, users, "head", "Dr. Hendra Wijaya", NIPS["head"],
                        "Kepala Balai Pemasyarakatan Kelas I Bandung"),
        "officer": _person(app, users, "officer", "Sri Lestari", NIPS["officer"]),
        "supervisor": _person(app, users, "supervisor", "Bambang Sutrisno", NIPS["supervisor"],
                              "Kepala Seksi Bimbingan Klien Dewasa"),
        "secretary": _person(app, users, "officer", "Rina Kartika", NIPS["secretary"]),
        "member": _person(app, users, "officer", "Agus Salim", NIPS["member"]),
        "regional": _person(app, users, "regional", "Ir. Yusuf Maulana", NIPS["regional"]),
    }


def issue_everything(app, users, clients) -> dict:
    """A case worked from the complaint to the letter to APH; returns {kind: document id}
    and the case's reference, with the signers."""
    from portal.complaints import documents
    from portal.complaints.models import Complaint, ExaminationRecord, Hearing

    from .support import make_complaint
    with app.app_context():
        prepare_office()
        db.session.commit()
    who = people(app, users)
    client = clients.make(officer=who["officer"], full_name="Joko Prasetyo",
                          register_number="PAS-UJI-0001/2026", area="Kelurahan Sukajadi, Bandung")
    case = make_complaint(app, status="examination", client=client, officer=who["officer"],
                          grounds=["PUBLIC_UNREST", "MISSED_REPORTING"],
                          complainant_name="Wati Pelapor Rahasia")
    ids: dict[str, int] = {}
    with app.test_request_context():
        complaint = db.session.get(Complaint, case.id)
        officer = db.session.get(type(who["officer"]), who["officer"].id)
        subjects = [("complainant", "Wati Pelapor Rahasia"), ("client", "Joko Prasetyo"),
                    ("witness", "Saksi Pertama"), ("witness", "Saksi Kedua")]
        for subject, name in subjects:
            record = ExaminationRecord(
                subject=subject, subject_name=name, examiner_id=officer.id, examined_on=EXAMINED_ON,
                place="Ruang pemeriksaan Bapas Bandung", birth_place="Garut",
                birth_on=dt.date(1990, 5, 17), sex="male" if subject != "complainant" else "female",
                religion="Islam", occupation="Wiraswasta", address="Jl. Contoh Gang 2, Bandung",
                nik="3273000000000001" if subject == "client" else None,
                questions=[{"q": f"Pertanyaan nomor {n}?", "a": f"Jawaban nomor {n}."}
                           for n in range(1, 13)])
            complaint.examinations.append(record)
            db.session.flush()
            ids[f"bap_{subject}" if subject != "witness" else f"bap_witness_{record.id}"] = \
                documents.issue_bap(officer, complaint, record).id
        hearing = Hearing(held_on=HELD_ON, members="", recommendation="temporary_revocation",
                          minutes="Klien dua kali berkelahi di pasar dan tiga kali tidak melapor.",
                          recorded_by_id=who["supervisor"].id, kind="special",
                          place="Aula Bapas Bandung", chair_id=who["supervisor"].id,
                          secretary_id=who["secretary"].id,
                          member_ids=[who["member"].id, who["officer"].id], team_size=5)
        complaint.hearings.append(hearing)
        db.session.flush()
        ids["tpp_minutes"] = documents.issue_tpp_minutes(who["supervisor"], complaint, hearing).id
        head = db.session.get(type(who["head"]), who["head"].id)
        ids["warning"] = documents.issue_warning(head, complaint).id
        ids["summons"] = documents.issue_summons(head, complaint, {
            "client_name": "Joko Prasetyo", "register_number": "PAS-UJI-0001/2026",
            "address": "Kelurahan Sukajadi, Bandung", "appear_on": dt.date(2026, 12, 9),
            "appear_at": "09.00", "appear_place": "Kantor Bapas Kelas I Bandung",
            "grounds": ["MISSED_REPORTING"], "officer_name": "Sri Lestari",
            "officer_phone": "0812-0000-0000"}).id
        ids["temporary_revocation"] = documents.issue_temporary_revocation(head, complaint).id
        ids["proposal"] = documents.issue_proposal(head, complaint).id
        regional = db.session.get(type(who["regional"]), who["regional"].id)
        ids["forwarding"] = documents.issue_forwarding(regional, complaint).id
        ids["aph_letter"] = documents.issue_aph_letter(head, complaint, {
            "addressee": "Kepala Kepolisian Resor Kota Besar Bandung", "addressee_place": "Bandung",
            "client_name": "Joko Prasetyo", "register_number": "PAS-UJI-0001/2026",
            "address": "Kelurahan Sukajadi, Bandung", "decree_number": "PAS-CONTOH-0001",
            "decree_on": dt.date(2026, 11, 30), "facility": "Lapas Kelas I Bandung",
            "whereabouts": "terakhir terlihat di Terminal Cicaheum"}).id
        db.session.commit()
    return {"ids": ids, "reference": case.reference, "complaint_id": case.id, "people": who}


def pdf_of(app, document_id: int) -> tuple[bytes, object]:
    """The stored bytes of an issued document and its row."""
    from portal.complaints import documents
    from portal.complaints.models import IssuedDocument
    with app.app_context():
        row = db.session.scalar(select(IssuedDocument).where(IssuedDocument.id == document_id))
        data = documents.read(row)
        db.session.expunge(row)
        return data, row
