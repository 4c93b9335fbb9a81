"""A real world for the access walk: one set of objects on each of two sides.

Side A is in scope for every actor who walks: Bapas Bandung (Jawa Barat) and partner
organisation A, with officer A assigned to the client and the case. Side B is the same set of
objects in Bapas Semarang (Jawa Tengah) with partner organisation B: out of scope for every
actor who walks. Objects are made with the factories where one exists, and through the pages
(as their users would) where the object needs the real procedure: the observation, the
referral, the partner's complaint, and the revocation case up to the proposal to the Kanwil
(BAP documents and the proposal letter are issued on the way).
"""
from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

from sqlalchemy import select

from portal import uploads
from portal.complaints.calendar import CollectiveLeave
from portal.complaints.models import Complaint, ExaminationRecord, IssuedDocument, Sanction
from portal.conversations.models import Message
from portal.extensions import db
from portal.observations.models import Observation
from portal.partners.models import PartnerOrg
from portal.supervision.models import Condition, TravelNotice

from .files import pdf_bytes, png_bytes
from .support import (
    GROUNDS,
    OFFICE_A,
    OFFICE_B,
    ClientFactory,
    OrgFactory,
    UserFactory,
    login_client,
    make_complaint,
    make_posting,
    prefixed,
)

TODAY = dt.date.today()

# Text that identifies each object; every value is unique across both sides.
TEXT = {
    "A": {
        "org": "Konveksi Anggrek Bandung",
        "client": "Asep Kurniawanto",
        "client_nik": "3273016502880007",
        "client_decree": "PAS-7701.PK.01.04/2026",
        "case_client": "Cecep Gunawijaya",
        "observation": "Pengamatan rahasia Anggrek: klien datang terlambat tiga kali.",
        "posting": "Penjahit seragam Anggrek",
        "partner_complaint": "Aduan mitra Flamboyan: klien sering mabuk di tempat kerja kami.",
        "complaint": "Aduan rahasia Cempaka: klien mengancam pedagang di pasar Kosambi.",
        "complainant": "Pelapor Kenanga Wulandari",
        "internal_note": "Catatan internal Anggrek: cek ulang alamat klien.",
    },
    "B": {
        "org": "Konveksi Bougenvil Semarang",
        "client": "Bagus Prasetyanto",
        "client_nik": "3374012208910004",
        "client_decree": "PAS-8802.PK.01.04/2026",
        "case_client": "Dimas Haryokusumo",
        "observation": "Pengamatan rahasia Bougenvil: klien tidak ada di rumah.",
        "posting": "Penjahit seragam Bougenvil",
        "partner_complaint": "Aduan mitra Gardenia: klien mengancam rekan kerja di gudang.",
        "complaint": "Aduan rahasia Dahlia: klien berkelahi di terminal Terboyo.",
        "complainant": "Pelapor Melati Sukmawati",
        "internal_note": "Catatan internal Bougenvil: klien pernah pindah kos.",
    },
}


def _last(app, column, *where):
    """The newest value of `column` among the rows matching `where`."""
    with app.app_context():
        return db.session.scalar(select(column).where(*where).order_by(column.desc()).limit(1))


def _store(app, model, object_id: int, data: bytes, content_type: str, name: str, purpose: str) -> int:
    """A stored file owned by a row (the upload checks are tested elsewhere)."""
    with app.app_context():
        owner = db.session.get(model, object_id)
        attachment = uploads.store(uploads.CheckedFile(data, content_type, name), owner, purpose)
        db.session.commit()
        return attachment.id


def _posted(response, prefix: str) -> str:
    """The object key in the Location of a page's redirect after a successful POST."""
    assert response.status_code == 302, response.status_code
    location = response.headers["Location"]
    assert location.startswith(prefix), location
    return location[len(prefix):]


def _procedure(app, complaint, supervisor, officer, head) -> None:
    """Drive a case from submitted to proposed through the pages."""
    sup, pk, kabapas = (login_client(app, u) for u in (supervisor, officer, head))
    base = f"/staf/pengaduan/{complaint.reference}"

    def version():
        return _last(app, Complaint.version, Complaint.id == complaint.id)

    def act(session, action, **data):
        response = session.post(f"{base}/langkah/{action}",
                                data=prefixed(action, {"version": version(), **GROUNDS, **data}))
        assert response.status_code == 302, (action, response.status_code)

    act(sup, "triage", officer_id=str(officer.id))
    act(pk, "start_examination")
    for subject, name in (("complainant", complaint.complainant_name),
                          ("client", complaint.client_name)):
        response = pk.post(f"{base}/bap", content_type="multipart/form-data", data={
            "version": version(), "subject": subject, "subject_name": name,
            "examined_on": TODAY.isoformat(), "place": "Ruang pemeriksaan Bapas",
            "qa-0-q": "Apa yang terjadi?", "qa-0-a": "Keterangan yang diperiksa."})
        assert response.status_code == 302
    act(pk, "refer_to_tpp")
    response = sup.post(f"{base}/tpp", data={
        "version": version(), "held_on": TODAY.isoformat(), "kind": "regular", "place": "Aula Bapas",
        "chair": str(supervisor.id), "secretary": str(officer.id), "member_ids": [str(head.id)],
        "team_size": "3", "recommendation": "temporary_revocation",
        "minutes": "TPP merekomendasikan pencabutan sementara."})
    assert response.status_code == 302
    act(kabapas, "decide_temporary_revocation")
    act(kabapas, "propose")
    with app.app_context():
        assert db.session.get(Complaint, complaint.id).status == "proposed"


def _side(app, name: str, office_code: str, region_name: str) -> SimpleNamespace:
    """Every kind of object a URL rule names, in one Bapas and one partner organisation."""
    users, orgs, clients = UserFactory(app), OrgFactory(app), ClientFactory(app)
    text = TEXT[name]
    org = orgs.make("active", office_code, name=text["org"], kind="employer")
    partner = users.make("partner", office_code=office_code, partner_org_id=org.id, org_admin=True)
    member = users.make("partner", office_code=office_code, partner_org_id=org.id, org_admin=False)
    officer = users.make("officer", office_code=office_code)
    supervisor = users.make("supervisor", office_code=office_code)
    head = users.make("head", office_code=office_code)
    regional = users.make("regional", region_name=region_name)

    client = clients.make(office_code, officer=officer, full_name=text["client"],
                          nik=text["client_nik"], decree_number=text["client_decree"])
    assignment = clients.assign(client, org.id, starts_on=TODAY - dt.timedelta(days=30))
    pending_client = clients.make(office_code, officer=officer)
    pending = clients.assign(pending_client, org.id, status="proposed")
    case_client = clients.make(office_code, officer=officer, full_name=text["case_client"])

    partner_session = login_client(app, partner)
    observation = _posted(partner_session.post(
        f"/mitra/klien/{client.public_id}/pengamatan", content_type="multipart/form-data", data={
            "observed_on": TODAY.isoformat(), "category": "concern", "narrative": text["observation"],
            "submission_key": f"world-{name}-observation",
            "attachment": (io.BytesIO(png_bytes()), "foto.png")}), "/mitra/klien/pengamatan/")
    observation_id = _last(app, Observation.id, Observation.public_id == observation)
    observation_file = _last(app, uploads.Attachment.id, uploads.Attachment.owner_type == "Observation",
                             uploads.Attachment.owner_id == observation_id)
    partner_complaint = _posted(partner_session.post(f"/mitra/klien/{client.public_id}/pengaduan", data={
        "grounds": ["PUBLIC_UNREST"], "narrative": text["partner_complaint"], "declaration": "y",
        "submission_key": f"world-{name}-partner-complaint"}), "/mitra/pengaduan/")

    # issue 11: a planned home visit, a partner's message with a file, a staff's internal note
    officer_session = login_client(app, officer)
    visit = _posted(officer_session.post(f"/staf/kunjungan/rencana/{client.public_id}", data={
        "planned_on": TODAY.isoformat(), "purpose": "Memeriksa keadaan klien di rumah.",
        "submission_key": f"world-{name}-visit"}), "/staf/kunjungan/")
    assert partner_session.post(f"/percakapan/pengamatan/{observation}", content_type="multipart/form-data",
                                data={"body": "Foto rumah klien terlampir.",
                                      "submission_key": f"world-{name}-message",
                                      "attachment": (io.BytesIO(pdf_bytes("Foto")), "foto.pdf")}
                                ).status_code == 302
    assert officer_session.post(f"/percakapan/pengamatan/{observation}", content_type="multipart/form-data",
                                data={"body": text["internal_note"], "internal": "y",
                                      "submission_key": f"world-{name}-note",
                                      "attachment": (io.BytesIO(pdf_bytes("Catatan")), "catatan.pdf")}
                                ).status_code == 302
    with app.app_context():
        shared, internal = db.session.scalars(select(Message).order_by(Message.id.desc()).limit(2)).all()[::-1]
        message, message_file = shared.public_id, uploads.attachments_of(shared)[0].id
        note, note_file = internal.public_id, uploads.attachments_of(internal)[0].id
    # supervision (issue 11 §2, §5): a condition, the assignment's partner sheet, a travel
    # request the partner recorded (waiting for the PK)
    officer_session = login_client(app, officer)
    assert officer_session.post(f"/staf/klien/{client.public_id}/syarat/baru", data={
        "kind": "special", "code": "stay_in_area", "text": "", "starts_on": TODAY.isoformat(),
        "review_on": ""}).status_code == 302
    condition = _last(app, Condition.id, Condition.client_id == client.id)
    assert officer_session.post(f"/staf/klien/{client.public_id}/penugasan/{assignment.id}/lembar", data={
        "conditions": [str(condition)], "watch_for": "", "contact": "Hubungi PK pada jam kerja."}
    ).status_code == 302
    assert partner_session.post(f"/mitra/klien/{client.public_id}/bepergian", data={
        "destination": f"Kota tujuan {name}", "from_on": (TODAY + dt.timedelta(days=2)).isoformat(),
        "to_on": (TODAY + dt.timedelta(days=4)).isoformat(), "purpose": "Menjenguk keluarga.",
        "submission_key": f"world-{name}-travel"}).status_code == 302
    travel = _last(app, TravelNotice.public_id, TravelNotice.client_id == client.id)

    org_document = _store(app, PartnerOrg, org.id, pdf_bytes("Akta pendirian"), "application/pdf",
                          "akta.pdf", "legal_document")
    posting = make_posting(app, org.id, office_codes=(office_code,), title=text["posting"])
    draft = make_posting(app, org.id, status="draft", office_codes=(office_code,),
                         title=f"{text['posting']} (draf)")
    referral = _posted(login_client(app, officer).post(f"/staf/klien/{client.public_id}/rujuk", data={
        "opportunity": posting.public_id, "consent_on": TODAY.isoformat(),
        "consent_method": "in_person", "disclosure": "after",
        "summary": "Terampil menjahit, dua tahun di konveksi, siap bekerja pagi hari.",
        "submission_key": f"world-{name}-referral"}), "/staf/rujukan/")

    complaint = make_complaint(app, office_code=office_code, client=case_client,
                               client_name=text["case_client"], narrative=text["complaint"],
                               complainant_name=text["complainant"])
    complaint_file = _store(app, Complaint, complaint.id, png_bytes(), "image/png", "bukti.png",
                            "evidence")
    _procedure(app, complaint, supervisor, officer, head)
    complainant_bap = _last(app, IssuedDocument.id, IssuedDocument.complaint_id == complaint.id,
                            IssuedDocument.examination_id == ExaminationRecord.id,
                            ExaminationRecord.subject == "complainant")
    with app.app_context():  # a summons of the case (issue 10 §2), for its answer's rule
        stored = db.session.get(Complaint, complaint.id)
        summons = Sanction(client_id=stored.client_id, office_id=stored.office_id, kind="summons",
                           issued_on=TODAY, appear_on=TODAY, appear_place="Kantor Bapas", grounds=[])
        stored.sanctions.append(summons)
        db.session.commit()
        sanction = summons.id

    return SimpleNamespace(
        text=text, users=SimpleNamespace(partner=partner, officer=officer, supervisor=supervisor,
                                         head=head, regional=regional),
        org=org.public_id, org_document=org_document, member=member.id,
        client=client.public_id, assignment=assignment.id, pending_assignment=pending.id,
        pending_client=pending_client.public_id,
        observation=observation, observation_file=observation_file,
        posting=posting.public_id, draft=draft.public_id, referral=referral,
        partner_complaint=partner_complaint, complaint=complaint.reference,
        complaint_file=complaint_file, complainant_bap=complainant_bap, sanction=sanction,
        visit=visit, message=message, message_file=message_file, note=note, note_file=note_file,
        condition=condition, travel=travel)


def build_world(app) -> SimpleNamespace:
    """Side A (in scope), side B (out of scope), and the users who walk."""
    a = _side(app, "A", OFFICE_A, "Jawa Barat")
    b = _side(app, "B", OFFICE_B, "Jawa Tengah")
    users = UserFactory(app)
    officer_unassigned = users.make("officer", office_code=OFFICE_A)
    admin = users.make("admin")
    with app.app_context():
        leave = CollectiveLeave(day=dt.date(TODAY.year, 12, 24), name="Cuti bersama Natal")
        db.session.add(leave)
        db.session.commit()
        a.leave_day = leave.id
    a.account = officer_unassigned.id
    a.text = {**a.text, "account": officer_unassigned.email}
    actors = {
        "partner": a.users.partner,
        "partner_other_org": users.make("partner", office_code=OFFICE_A),  # its own org, also Bandung
        "officer": a.users.officer,
        "officer_unassigned": officer_unassigned,
        "supervisor": a.users.supervisor,
        "head": a.users.head,
        "regional": a.users.regional,
        "admin": admin,
    }
    return SimpleNamespace(a=a, b=b, actors=actors)
