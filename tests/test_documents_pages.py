"""The pages around the documents: the BAP page with the identity block, the TPP hearing page
with members picked from the Bapas's staff, the case's document list, downloads under their
own file names, the verification page, and NIP and jabatan in the admin user form."""
from __future__ import annotations

import datetime as dt
import io

import time_machine
from sqlalchemy import select

from portal.auth.models import User
from portal.complaints.models import Complaint, ExaminationRecord, Hearing, IssuedDocument
from portal.extensions import db

from .documents_world import ISSUED_AT, issue_everything
from .support import OFFICE_B, login_client, make_complaint, office, t

TODAY = dt.date.today()


def _version(app, complaint_id: int) -> int:
    with app.app_context():
        return db.session.get(Complaint, complaint_id).version


def _bap_form(version: int, **fields) -> dict:
    return {"version": version, "subject": "witness", "subject_name": "Saksi Warung",
            "examined_on": TODAY.isoformat(), "place": "Ruang pemeriksaan Bapas",
            "qa-0-q": "Apa yang Anda lihat?", "qa-0-a": "Klien mengancam pedagang.", **fields}


def test_the_bap_page_records_the_identity_block_and_issues_the_witness_bap(app, users, clients):
    officer = users.make("officer")
    complaint = make_complaint(app, status="examination", officer=officer, client=clients.make())
    session = login_client(app, officer)
    url = f"/staf/pengaduan/{complaint.reference}/bap"
    page = session.get(url).get_data(as_text=True)
    for label in ("Place of birth", "Date of birth", "Sex", "Religion", "Occupation", "Address",
                  "NIK (national identity number)"):
        assert t(app, label) in page
    response = session.post(url, content_type="multipart/form-data", data=_bap_form(
        _version(app, complaint.id), birth_place="Garut", birth_on="1990-05-17", sex="female",
        religion="Islam", occupation="Pedagang", address="Pasar Baru, Bandung",
        nik="3273000000000002"))
    assert response.status_code == 302
    with app.app_context():
        record = db.session.scalar(select(ExaminationRecord))
        assert (record.birth_place, record.birth_on, record.sex, record.religion, record.occupation,
                record.address, record.nik) == ("Garut", dt.date(1990, 5, 17), "female", "Islam",
                                                "Pedagang", "Pasar Baru, Bandung", "3273000000000002")
        document = db.session.scalar(select(IssuedDocument))
        assert document.kind == "bap_witness"
        assert document.file_name == f"BAP-Saksi-1-{complaint.reference}.pdf"
    download = session.get(f"/staf/pengaduan/{complaint.reference}/dokumen/{document.id}")
    assert download.headers["Content-Disposition"] == (
        f"attachment; filename=BAP-Saksi-1-{complaint.reference}.pdf")


def test_the_bap_page_refuses_bad_input_on_the_field_and_keeps_what_was_typed(app, users, clients):
    officer = users.make("officer")
    complaint = make_complaint(app, status="examination", officer=officer, client=clients.make())
    session = login_client(app, officer)
    url = f"/staf/pengaduan/{complaint.reference}/bap"
    response = session.post(url, content_type="multipart/form-data", data=_bap_form(
        _version(app, complaint.id), nik="3273-0000", birth_on=(TODAY + dt.timedelta(days=1)).isoformat()))
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert t(app, "The NIK has 16 digits.") in page
    assert t(app, "The date cannot be in the future.") in page
    assert 'aria-invalid="true"' in page and "Saksi Warung" in page and "Klien mengancam pedagang." in page
    with app.app_context():
        assert db.session.scalar(select(ExaminationRecord)) is None
        assert db.session.scalar(select(IssuedDocument)) is None


def test_more_questions_without_javascript_and_without_saving(app, users, clients):
    officer = users.make("officer")
    complaint = make_complaint(app, status="examination", officer=officer, client=clients.make())
    session = login_client(app, officer)
    url = f"/staf/pengaduan/{complaint.reference}/bap"
    response = session.post(url, content_type="multipart/form-data",
                            data={**_bap_form(_version(app, complaint.id)), "more": "1"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'name="qa-9-q"' in page and 'name="qa-10-q"' not in page
    assert "Apa yang Anda lihat?" in page
    with app.app_context():
        assert db.session.scalar(select(ExaminationRecord)) is None
    data = _bap_form(_version(app, complaint.id), **{"qa-9-q": "Pertanyaan kesepuluh?", "qa-9-a": "Ya."})
    assert session.post(url, content_type="multipart/form-data", data=data).status_code == 302
    with app.app_context():
        assert [q["q"] for q in db.session.scalar(select(ExaminationRecord)).questions] == [
            "Apa yang Anda lihat?", "Pertanyaan kesepuluh?"]


def test_a_bap_sent_twice_is_recorded_once(app, users, clients):
    officer = users.make("officer")
    complaint = make_complaint(app, status="examination", officer=officer, client=clients.make())
    session = login_client(app, officer)
    data = _bap_form(_version(app, complaint.id))
    url = f"/staf/pengaduan/{complaint.reference}/bap"
    assert session.post(url, content_type="multipart/form-data", data=dict(data)).status_code == 302
    assert session.post(url, content_type="multipart/form-data", data=dict(data)).status_code == 302
    with app.app_context():
        assert len(db.session.scalars(select(ExaminationRecord)).all()) == 1
        assert len(db.session.scalars(select(IssuedDocument)).all()) == 1


def _hearing(app, users, clients):
    supervisor, secretary, member = users.make("supervisor"), users.make("officer"), users.make("officer")
    with app.app_context():
        db.session.get(User, secretary.id).nip = "199001012015032004"
        db.session.commit()
    complaint = make_complaint(app, status="tpp_hearing", officer=secretary, client=clients.make())
    return login_client(app, supervisor), complaint, (supervisor, secretary, member)


def _hearing_form(version, chair, secretary, members, **fields) -> dict:
    return {"version": version, "held_on": TODAY.isoformat(), "kind": "special",
            "place": "Aula Bapas", "chair": str(chair.id), "secretary": str(secretary.id),
            "member_ids": [str(m.id) for m in members], "team_size": "3",
            "recommendation": "warning", "minutes": "TPP merekomendasikan teguran tertulis.", **fields}


def test_the_hearing_page_picks_members_among_the_staff_and_issues_the_minutes(app, users, clients):
    session, complaint, (chair, secretary, member) = _hearing(app, users, clients)
    outsider = users.make("officer", office_code=OFFICE_B)
    url = f"/staf/pengaduan/{complaint.reference}/tpp"
    page = session.get(url).get_data(as_text=True)
    assert f"{secretary.name} (199001012015032004)" in page and outsider.name not in page
    response = session.post(url, data=_hearing_form(_version(app, complaint.id), chair, secretary, [member]))
    assert response.status_code == 302
    with app.app_context():
        hearing = db.session.scalar(select(Hearing))
        assert (hearing.kind, hearing.place, hearing.chair_id, hearing.secretary_id, hearing.member_ids,
                hearing.team_size) == ("special", "Aula Bapas", chair.id, secretary.id, [member.id], 3)
        minutes = db.session.scalar(select(IssuedDocument))
        assert (minutes.kind, minutes.hearing_id) == ("tpp_minutes", hearing.id)
        assert minutes.file_name == f"Berita-Acara-Sidang-TPP-{complaint.reference}.pdf"


def test_the_hearing_page_refuses_bad_input(app, users, clients):
    session, complaint, (chair, secretary, member) = _hearing(app, users, clients)
    outsider = users.make("officer", office_code=OFFICE_B)
    url = f"/staf/pengaduan/{complaint.reference}/tpp"
    version = _version(app, complaint.id)
    same = session.post(url, data=_hearing_form(version, chair, chair, [member])).get_data(as_text=True)
    assert t(app, "The chair and the secretary must be two different people.") in same
    crowded = session.post(url, data=_hearing_form(version, chair, secretary, [member], team_size="2"))
    assert t(app, "More members are present than the TPP has.") in crowded.get_data(as_text=True)
    short = session.post(url, data=_hearing_form(version, chair, secretary, [], minutes="Pendek."))
    assert 'aria-invalid="true"' in short.get_data(as_text=True)
    # A member of another Bapas cannot be slipped in.
    foreign = session.post(url, data=_hearing_form(version, chair, secretary, [outsider]))
    assert foreign.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Hearing)) is None
        assert db.session.scalar(select(IssuedDocument)) is None


def test_the_case_lists_documents_by_title_and_number(app, users, clients):
    with time_machine.travel(ISSUED_AT, tick=False):
        world = issue_everything(app, users, clients)
    officer = world["people"]["officer"]
    page = login_client(app, officer).get(f"/staf/pengaduan/{world['reference']}").get_data(as_text=True)
    for label, number in (("Examination record (BAP) of the client", "W00.PAS.PAS0-PK.BAP-2"),
                          ("Minutes of the TPP hearing", "W00.PAS.PAS0-PK.TPP-1"),
                          ("Decision on temporary revocation", "W00.PAS.PAS0-PK.KEP-1 TAHUN 2026"),
                          ("Forwarding to Ditjenpas", "W00.PAS-PK.USL-1")):
        assert t(app, label) in page and t(app, "No. %(number)s", number=number) in page
    # An officer not assigned to the case does not see the complainant's BAP listed.
    colleague = login_client(app, users.make("officer"))
    listed = colleague.get(f"/staf/pengaduan/{world['reference']}").get_data(as_text=True)
    assert "W00.PAS.PAS0-PK.BAP-1" not in listed and "W00.PAS.PAS0-PK.BAP-2" in listed


def test_the_verification_page_names_the_document_never_the_people(app, users, clients):
    with time_machine.travel(ISSUED_AT, tick=False):
        world = issue_everything(app, users, clients)
    session = login_client(app, world["people"]["supervisor"])
    with app.app_context():
        document = db.session.get(IssuedDocument, world["ids"]["bap_complainant"])
        code, pdf = document.code, (app.config["STORAGE_DIR"], document.storage_key)
    from pathlib import Path
    data = (Path(pdf[0]) / pdf[1][:2] / pdf[1]).read_bytes()
    shown = session.get(f"/verifikasi?kode={code}").get_data(as_text=True)
    for words in ("Berita Acara Pemeriksaan Pelapor", "W00.PAS.PAS0-PK.BAP-1", world["reference"],
                  "Balai Pemasyarakatan Kelas I Bandung"):
        assert words in shown
    assert "Wati Pelapor Rahasia" not in shown and "Joko Prasetyo" not in shown
    matched = session.post("/verifikasi", content_type="multipart/form-data",
                           data={"code": code, "document": (io.BytesIO(data), "x.pdf")})
    assert t(app, "Authentic: this file is exactly the document on file.") in matched.get_data(as_text=True)
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x01  # one bit of the file
    refused = session.post("/verifikasi", content_type="multipart/form-data",
                           data={"code": code, "document": (io.BytesIO(bytes(changed)), "x.pdf")})
    assert t(app, "The code exists, but this file is NOT the document on file: it has been changed.") in \
        refused.get_data(as_text=True)
    # Anyone holding the letter (the client, the police) verifies it through its QR code: the
    # document, its number, date and issuing office — not the case, never a name.
    for holder in (app.test_client(), login_client(app, users.make("officer", office_code=OFFICE_B))):
        other = holder.get(f"/verifikasi?kode={code}").get_data(as_text=True)
        for words in ("Berita Acara Pemeriksaan Pelapor", "W00.PAS.PAS0-PK.BAP-1",
                      "Balai Pemasyarakatan Kelas I Bandung"):
            assert words in other
        assert world["reference"] not in other
        assert "Wati Pelapor Rahasia" not in other and "Joko Prasetyo" not in other
        checked = holder.post("/verifikasi", content_type="multipart/form-data",
                              data={"code": code, "document": (io.BytesIO(bytes(changed)), "x.pdf")})
        assert t(app, "The code exists, but this file is NOT the document on file: it has been changed.") in \
            checked.get_data(as_text=True)
    unknown = app.test_client().get("/verifikasi?kode=0000-0000-0000-0000").get_data(as_text=True)
    assert t(app, "No document with this code was issued by the portal.") in unknown


def test_the_admin_sets_nip_and_jabatan_and_a_bad_nip_is_refused(app, users):
    admin, officer = users.make("admin"), users.make("officer")
    with app.app_context():
        office_id = office().id
    session = login_client(app, admin)
    form = {"name": officer.name, "email": officer.email, "role": "officer", "office_id": str(office_id),
            "region_id": "", "locale": "id", "position": "Pembimbing Kemasyarakatan Ahli Muda"}
    for bad in ("19850214 201012 2 002", "1985021420101220", "19850214201012200X"):
        page = session.post(f"/admin/pengguna/{officer.id}", data={**form, "nip": bad})
        assert t(app, "The NIP has 18 digits, without spaces.") in page.get_data(as_text=True)
        with app.app_context():
            assert db.session.get(User, officer.id).nip is None
    assert session.post(f"/admin/pengguna/{officer.id}",
                        data={**form, "nip": "198502142010122002"}).status_code == 302
    with app.app_context():
        stored = db.session.get(User, officer.id)
        assert (stored.nip, stored.position) == ("198502142010122002", "Pembimbing Kemasyarakatan Ahli Muda")


def test_a_hearing_sent_twice_is_recorded_once(app, users, clients):
    session, complaint, (chair, secretary, member) = _hearing(app, users, clients)
    data = _hearing_form(_version(app, complaint.id), chair, secretary, [member])
    url = f"/staf/pengaduan/{complaint.reference}/tpp"
    assert session.post(url, data=dict(data)).status_code == 302
    assert session.post(url, data=dict(data)).status_code == 302
    with app.app_context():
        assert len(db.session.scalars(select(Hearing)).all()) == 1
        assert len(db.session.scalars(select(IssuedDocument)).all()) == 1


def test_the_heads_decisions_issue_their_letters_through_the_pages(app, users, clients):
    """The summons decided on its confirmation page is issued with the day to appear in words,
    and the warning with the grounds as labels (the procedure's call sites, issue 10 §2, §4)."""
    from .pdftext import pdf_text
    from .support import GROUNDS, prefixed
    from .test_complaints_steps import _prepared
    head = users.make("head")
    with time_machine.travel(ISSUED_AT, tick=False):
        session = login_client(app, head)  # signed in on the day the letters are issued
        summoned, version = _prepared(app, clients, "tpp_hearing", users.make("officer"))
        response = session.post(
            f"/staf/pengaduan/{summoned.reference}/langkah/decide_summons",
            data=prefixed("decide_summons", {**GROUNDS, "version": version, "appear_on": "2026-12-09",
                                             "appear_time": "09:00", "appear_place": "Ruang PK"}))
        assert response.status_code == 302
        warned, version = _prepared(app, clients, "tpp_hearing", users.make("officer"))
        response = session.post(f"/staf/pengaduan/{warned.reference}/langkah/decide_warning",
                                data=prefixed("decide_warning", {**GROUNDS, "version": version}))
        assert response.status_code == 302
    with app.app_context():
        letters = {d.kind: d for d in db.session.scalars(select(IssuedDocument))}
        assert sorted(letters) == ["summons", "warning"]
        from portal.complaints import documents
        summons = " ".join(pdf_text(documents.read(letters["summons"])).split())
        warning = " ".join(pdf_text(documents.read(letters["warning"])).split())
    assert "Hari/tanggal : Rabu, 9 Desember 2026" in summons and "Pukul : 09.00 WIB" in summons
    assert "Tempat : Ruang PK" in summons and "Menimbulkan keresahan dalam masyarakat" in summons
    assert "Hal : Teguran tertulis" in warning and "Menimbulkan keresahan dalam masyarakat" in warning
