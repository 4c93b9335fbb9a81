"""A fully worked revocation case, built through the services as the people would build it:
a public complaint with evidence, triage, examination (BAPs of the complainant, the client
and a witness), the TPP hearing, temporary revocation, the proposal, the forwarding and the
revocation; a letter transcribed by staff and flagged; an observation of each category, three
missed check-ins raising the alert, a referral with an interview, notes and audit rows."""
from __future__ import annotations

import datetime as dt

from portal import uploads
from portal.auth.models import User
from portal.clients import services as client_services
from portal.clients.models import Assignment, Client
from portal.complaints import procedure, records
from portal.complaints import services as complaint_services
from portal.extensions import db
from portal.jobs import services as job_services
from portal.jobs.models import Opportunity
from portal.observations import services as observation_services

from .files import pdf_bytes
from .scene import Scene
from .support import make_posting

TODAY = dt.date.today()


def _pdf(name: str) -> uploads.CheckedFile:
    return uploads.CheckedFile(pdf_bytes(), "application/pdf", name)


NAMES = {"officer": "Dewi Lestari", "supervisor": "Bambang Sutrisno", "head": "Hendra Wijaya",
         "regional": "Sri Mulyani", "partner": "Agus Salim"}


def _people(scene: Scene) -> dict[str, User]:
    people = {who: db.session.get(User, getattr(scene, who).id) for who in NAMES}
    for who, person in people.items():
        person.name = NAMES[who]  # the factory's names ("Partner Tester 7") are English words
    return people


def _observations(p: dict[str, User], assignment: Assignment) -> list[str]:
    made = []
    for n, (category, grounds) in enumerate((
            ("progress", []), ("routine", []), ("concern", []),
            ("suspected_violation", ["PUBLIC_UNREST", "MOVED_WITHOUT_NOTICE"]))):
        item = observation_services.submit(p["partner"], assignment, {
            "observed_on": TODAY - dt.timedelta(days=10 - n), "category": category,
            "grounds": grounds, "submission_key": f"worked-observation-{n}",
            "narrative": "Klien terlihat di pasar pada malam hari bersama teman lamanya."},
            [_pdf("catatan-mitra.pdf")] if n == 3 else [])
        made.append(item)
        db.session.flush()
    observation_services.acknowledge(p["officer"], made[2], "Terima kasih, akan kami kunjungi.",
                                     None, None)
    observation_services.acknowledge(p["officer"], made[3], "Terima kasih atas laporannya.",
                                     "open_revocation_case", "Dibahas dalam sidang TPP.")
    return [o.public_id for o in made]


def _referral(posting_id: int, p: dict[str, User], client: Client) -> str:
    posting = db.session.get(Opportunity, posting_id)
    referral = job_services.refer(p["officer"], client, posting, {
        "consent_on": TODAY, "consent_method": "in_person", "disclosure": "after",
        "consent_assignment": True, "submission_key": "worked-referral",
        "summary": "Terampil menjahit, pernah bekerja di konveksi dua tahun."})
    db.session.flush()
    job_services.respond(p["partner"], referral, "invite", on=TODAY + dt.timedelta(days=7))
    return referral.code


def _complaint(p: dict[str, User], client: Client, office_id: int) -> tuple[str, str]:
    receipt = complaint_services.file_public({
        "office_id": office_id, "client_name": "Klien yang diadukan",
        "client_register_number": client.register_number, "submission_key": "worked-public",
        "grounds": ["PUBLIC_UNREST", "MISSED_REPORTING"], "missed_visits": 3,
        "narrative": "Klien berkelahi di pasar dua kali minggu ini dan mengancam pedagang.",
        "incident_from_on": TODAY - dt.timedelta(days=20), "incident_to_on": TODAY - dt.timedelta(days=14),
        "incident_place": "Pasar Kosambi", "witnesses": "Pak Asep, pedagang sayur",
        "complainant_name": "Ibu Ratna Pelapor", "complainant_phone": "081299990000",
        "complainant_email": "ratna.pelapor@contoh.example", "complainant_relationship": "tetangga"},
        [_pdf("foto-kejadian.pdf")], "id")
    case = receipt.complaint
    move = complaint_services.move
    move(p["supervisor"], case, "triage", officer=p["officer"].id)
    complaint_services.add_note(p["officer"], case, "Kasus ini diprioritaskan.", False)
    complaint_services.add_note(p["officer"], case, "Pengaduan Anda sedang kami periksa.", True)
    move(p["officer"], case, "start_examination")
    for subject, name in (("complainant", "Ibu Ratna Pelapor"), ("client", client.full_name),
                          ("witness", "Pak Asep")):
        records.record_examination(p["officer"], case, {
            "subject": subject, "subject_name": name, "examined_on": TODAY,
            "place": "Ruang pemeriksaan Bapas Bandung",
            "questions": [{"q": "Apa yang Anda ketahui tentang kejadian di pasar?",
                           "a": "Saya melihat klien mengancam pedagang."}]},
            _pdf("bap-ditandatangani.pdf") if subject == "complainant" else None)
    move(p["officer"], case, "refer_to_tpp")
    records.record_hearing(p["head"], case, {
        "held_on": TODAY, "kind": "regular", "place": "Aula Bapas Bandung", "team_size": 3,
        "chair": p["head"].id, "secretary": p["officer"].id, "member_ids": [p["supervisor"].id],
        "recommendation": "temporary_revocation",
        "minutes": "Sidang menilai ancaman terbukti dan merekomendasikan pencabutan sementara."})
    why = {"grounds": ["PUBLIC_UNREST", "MISSED_REPORTING"],
           "grounds_text": "Ancaman terhadap pedagang terbukti dari keterangan saksi."}
    move(p["head"], case, "decide_temporary_revocation", **why)
    move(p["head"], case, "propose", **why)
    move(p["regional"], case, "forward", note="Diteruskan dengan surat pengantar Kanwil.", **why)
    move(p["regional"], case, "record_revoked", decree_number="PAS-123.PK.05.09/2026",
         decree_on=TODAY, **why)
    # after the decree: the letter to the police, and the client still at large
    procedure.record_aph_letter(p["head"], case, "Kepala Kepolisian Resor Kota Bandung", TODAY)
    procedure.record_at_large(p["officer"], case, "Klien tidak ditemukan di alamat terdaftar.")
    return case.reference, receipt.secret


def _summons(p: dict[str, User], client: Client) -> str:
    """A second client's case decided with a summons to appear (the sanctions ladder)."""
    receipt = complaint_services.file_by_staff(p["officer"], {
        "channel": "oral", "client_register_number": client.register_number,
        "submission_key": "worked-oral", "grounds": ["PROGRAMME_NONCOMPLIANCE"],
        "narrative": "Klien terlihat memakai narkoba bersama teman lamanya di bengkel.",
        "complainant_name": "Pak Dedi"}, [])
    case = receipt.complaint
    complaint_services.move(p["supervisor"], case, "triage", officer=p["officer"].id)
    complaint_services.move(p["officer"], case, "start_examination")
    for subject, name in (("complainant", "Pak Dedi"), ("client", client.full_name)):
        records.record_examination(p["officer"], case, {
            "subject": subject, "subject_name": name, "examined_on": TODAY, "place": "Bapas Bandung",
            "questions": [{"q": "Apa yang terjadi?", "a": "Klien mengakui sekali memakai."}]}, None)
    complaint_services.move(p["officer"], case, "refer_to_tpp")
    records.record_hearing(p["head"], case, {
        "held_on": TODAY, "kind": "special", "place": "Aula Bapas Bandung", "team_size": 3,
        "chair": p["head"].id, "secretary": p["officer"].id, "member_ids": [p["supervisor"].id],
        "recommendation": "warning",
        "minutes": "Sidang merekomendasikan surat panggilan."})
    complaint_services.move(p["head"], case, "decide_summons", appear_on=TODAY + dt.timedelta(days=7),
                            appear_place="Ruang PK Bapas Bandung", grounds=["PROGRAMME_NONCOMPLIANCE"],
                            grounds_text="Klien mengakui memakai narkoba satu kali.")
    return case.reference


def _letter(p: dict[str, User], client: Client) -> str:
    receipt = complaint_services.file_by_staff(p["officer"], {
        "channel": "letter", "client_register_number": client.register_number,
        "submission_key": "worked-letter", "grounds": ["NEW_OFFENCE"],
        "narrative": "Surat dari ketua RT tentang penangkapan klien oleh polisi.",
        "complainant_name": "Ketua RT 05"}, [_pdf("surat-rt.pdf"), _pdf("lampiran-surat.pdf")])
    complaint_services.flag(p["supervisor"], receipt.complaint, "Isi surat bertentangan dengan laporan lain.")
    return receipt.complaint.reference


def build(app, scene: Scene) -> dict[str, str]:
    """Build the worked case; its references and ids for the crawl."""
    posting = make_posting(app, scene.partner.partner_org_id)
    second = scene.clients.make(officer=scene.officer, full_name="Klien Kedua")
    with app.test_request_context():
        p = _people(scene)
        client = db.session.get(Client, scene.client.id)
        assignment = db.session.get(Assignment, scene.assignment.id)
        observations = _observations(p, assignment)
        for month in (1, 2, 3):
            client_services.record_check_in(p["officer"], client, dt.date(2026, month, 1), "missed",
                                            "Tidak datang tanpa kabar.")
        client_services.record_check_in(p["officer"], client, dt.date(2026, 4, 1), "attended")
        code = _referral(posting.id, p, client)
        # staff open cases from the suspected violation and from the alert (both superseded
        # by the revocation below)
        from portal.complaints import intake
        from portal.observations.models import Observation
        suspected = db.session.scalar(db.select(Observation).where(
            Observation.category == "suspected_violation"))
        intake.open_from_observation(p["officer"], suspected, "Temuan pengawasan dari laporan mitra.",
                                     "worked-from-observation")
        intake.open_from_alert(p["officer"], client, "Tiga bulan berturut-turut tidak melapor.",
                               "worked-from-alert")
        letter = _letter(p, client)
        reference, secret = _complaint(p, client, client.office_id)
        summons = _summons(p, db.session.get(Client, second.id))
        db.session.commit()
        return {"ref": reference, "secret": secret, "letter": letter, "summons": summons,
                "client": client.public_id, "code": code, "observations": ",".join(observations)}
