"""Issued PDFs carry a verification code; a changed PDF fails verification."""
from __future__ import annotations

import datetime as dt
import io
import re

from sqlalchemy import select

from portal.complaints.models import IssuedDocument
from portal.extensions import db

from .support import OFFICE_B, login_client, make_complaint

TODAY = dt.date.today()


def _bap(app, users, clients):
    officer = users.make("officer")
    complaint = make_complaint(app, status="examination", officer=officer, client=clients.make())
    session = login_client(app, officer)
    session.post(f"/staf/pengaduan/{complaint.reference}/bap", content_type="multipart/form-data", data={
        "version": complaint.version, "subject": "client", "subject_name": "Klien Yang Diperiksa",
        "examined_on": TODAY.isoformat(), "place": "Ruang konseling Bapas",
        "qa-0-q": "Apakah Anda pindah alamat?", "qa-0-a": "Tidak, saya hanya menginap di rumah saudara.",
        "qa-1-q": "Sejak kapan?", "qa-1-a": "Dua minggu."})
    with app.app_context():
        document = db.session.scalar(select(IssuedDocument))
        return session, complaint, document.id, document.code


def test_bap_pdf_is_issued_with_a_code_and_verifies(app, users, clients):
    session, complaint, document_id, code = _bap(app, users, clients)
    assert re.fullmatch(r"[0-9A-F]{4}(-[0-9A-F]{4}){3}", code)
    response = session.get(f"/staf/pengaduan/{complaint.reference}/dokumen/{document_id}")
    pdf = response.data
    assert response.mimetype == "application/pdf" and pdf.startswith(b"%PDF")
    assert response.headers["Content-Disposition"].startswith("attachment")
    ok = session.post("/verifikasi", content_type="multipart/form-data",
                      data={"code": code.lower(), "document": (io.BytesIO(pdf), "bap.pdf")})
    assert "alert-success" in ok.get_data(as_text=True)
    tampered = bytearray(pdf)
    tampered[len(tampered) // 2] ^= 0x01
    bad = session.post("/verifikasi", content_type="multipart/form-data",
                       data={"code": code, "document": (io.BytesIO(bytes(tampered)), "bap.pdf")})
    assert "alert-danger" in bad.get_data(as_text=True) and "alert-success" not in bad.get_data(as_text=True)
    unknown = session.post("/verifikasi", data={"code": "0000-0000-0000-0000"})
    assert "alert-danger" in unknown.get_data(as_text=True)
    code_only = session.post("/verifikasi", data={"code": code})
    assert "alert-info" in code_only.get_data(as_text=True)


def test_pdf_metadata_names_the_record_and_the_code(app, users, clients):
    session, complaint, document_id, code = _bap(app, users, clients)
    pdf = session.get(f"/staf/pengaduan/{complaint.reference}/dokumen/{document_id}").data
    assert f"Kode verifikasi {code}".encode() in pdf
    assert f"Berita Acara Pemeriksaan Klien {complaint.reference}".encode() in pdf
    assert pdf.count(b"/Type /Page") >= 1 and pdf.rstrip().endswith(b"%%EOF")


def test_documents_are_out_of_reach_for_other_bapas(app, users, clients):
    session, complaint, document_id, code = _bap(app, users, clients)
    other = login_client(app, users.make("officer", office_code=OFFICE_B))
    assert other.get(f"/staf/pengaduan/{complaint.reference}/dokumen/{document_id}").status_code == 404
    partner = login_client(app, users.make("partner"))
    assert partner.get(f"/staf/pengaduan/{complaint.reference}/dokumen/{document_id}").status_code == 404


def test_the_signed_scan_of_the_clients_bap_stays_with_those_who_may_not_see_the_complainant(
        app, users, clients, orgs):
    """DESIGN §2 hides the complainant, not the case: the signed scan of the complainant's BAP
    names the complainant and is withheld from an officer not assigned to the case; the signed
    scan of the client's own BAP names no complainant and stays in the file that officer reads."""
    from portal import uploads
    from portal.complaints.models import Complaint, ExaminationRecord

    from .files import pdf_bytes
    from .scene import Scene
    scene = Scene(app, users, clients, orgs)
    scene.complaint("proposed", documents=True)
    with app.test_request_context():
        record = db.session.scalar(select(ExaminationRecord).where(ExaminationRecord.subject == "client"))
        scan = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "bap-klien-ttd.pdf"),
                             record, "signed_scan")
        db.session.commit()
        client_scan = f"/staf/pengaduan/{scene.values['ref']}/berkas/{scan.id}"
        assert db.session.get(Complaint, scene.values["complaint_id"]).status == "proposed"
    complainant_scan = f"/staf/pengaduan/{scene.values['ref']}/berkas/{scene.values['bap_scan']}"
    colleague = login_client(app, users.make("officer"))   # of the Bapas, not assigned
    page = colleague.get(f"/staf/pengaduan/{scene.values['ref']}").get_data(as_text=True)
    assert client_scan in page and complainant_scan not in page
    assert colleague.get(client_scan).status_code == 200
    assert colleague.get(complainant_scan).status_code == 404


def test_a_case_lists_only_its_own_files(app, users, clients, orgs):
    """The files of a case are its own and its BAPs' — never a BAP scan of another case, nor a
    file of another kind of record that happens to carry the same number."""
    from portal import uploads
    from portal.complaints.models import ExaminationRecord

    from .files import pdf_bytes
    from .scene import Scene
    scene = Scene(app, users, clients, orgs)
    scene.complaint("examination", baps=True)
    this = scene.values["ref"]
    other = make_complaint(app, status="examination", client=scene.client, officer=scene.officer)
    with app.test_request_context():
        from portal.complaints.models import Complaint
        stored_other = db.session.get(Complaint, other.id)
        record = ExaminationRecord(subject="witness", subject_name="Saksi Lain", examiner_id=scene.officer.id,
                                   examined_on=TODAY, place="Bapas", questions=[{"q": "?", "a": "."}])
        stored_other.examinations.append(record)
        db.session.flush()
        other_scan = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "bap-lain.pdf"),
                                   record, "signed_scan")
        ours = db.session.scalars(select(ExaminationRecord).join(Complaint).where(
            Complaint.reference == this).order_by(ExaminationRecord.id)).all()
        our_scan = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "bap-kita.pdf"),
                                 ours[0], "signed_scan")
        lookalike = uploads.store(uploads.CheckedFile(pdf_bytes(), "application/pdf", "akta.pdf"),
                                  ours[1], "signed_scan")
        lookalike.owner_type = "PartnerOrg"   # another kind of record, the same number
        db.session.commit()
        ids = (our_scan.id, other_scan.id, lookalike.id)
    page = login_client(app, scene.supervisor).get(f"/staf/pengaduan/{this}").get_data(as_text=True)
    listed = {int(i) for i in re.findall(rf"/staf/pengaduan/{this}/berkas/(\d+)", page)}
    assert ids[0] in listed and not {ids[1], ids[2]} & listed
