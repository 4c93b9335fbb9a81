"""Demo revocation cases, one at each stage of the procedure (issue 10 §9), worked through the
same services the pages call, so every screen and every document of the procedure can be seen:
from a case waiting for clarification to a revoked client still not returned (overdue)."""
from __future__ import annotations

import datetime as dt
from typing import Any

from flask import current_app
from sqlalchemy import select

from .auth.models import User
from .clients.models import Client, ClientEvent
from .db import today
from .extensions import db
from .offices.models import Office

# Demo staff's NIP and jabatan (18 digits: birth date, appointment month, sex, sequence).
DEMO_SIGNERS = {
    "kepala.bandung@pokmas.example": ("197206142000032001", "Kepala Balai Pemasyarakatan"),
    "kasi.bandung@pokmas.example": ("197811052003121002", "Kepala Seksi Bimbingan Klien Dewasa"),
    "pk.bandung@pokmas.example": ("198604232010122003", "Pembimbing Kemasyarakatan Ahli Muda"),
    "kanwil.jabar@pokmas.example": ("196909171994031001", "Kepala Bidang Pembinaan, Bimbingan dan "
                                                          "Teknologi Informasi"),
}
DEMO_OFFICE_CONTACT = ("Jl. Jakarta No. 29, Kebonwaru, Batununggal, Kota Bandung 40272",
                       "(022) 7207561", "bapasbandung@pokmas.example")

# (stage, register number, client name, grounds, what the complainant wrote)
STAGES: list[tuple[str, str, str, list[str], str]] = [
    ("needs_info", "PB.301/BDG/2026", "Cecep Hidayat", ["PUBLIC_UNREST"],
     "Cecep sering berteriak dan memukul pintu tetangga pada malam hari."),
    ("in_review", "PB.302/BDG/2026", "Dadang Kurnia", ["MOVED_WITHOUT_NOTICE"],
     "Dadang sudah dua bulan tidak tinggal di rumah kontrakannya di Antapani."),
    ("tpp_hearing", "PB.303/BDG/2026", "Eko Prasetyo", ["PROGRAMME_NONCOMPLIANCE"],
     "Eko tidak lagi datang ke pelatihan las dan terlihat berkumpul dengan bekas komplotannya."),
    ("not_pursued", "PB.304/BDG/2026", "Fajar Nugraha", ["PUBLIC_UNREST"],
     "Fajar bertengkar dengan tetangga soal parkir motor."),
    ("warning_issued", "PB.305/BDG/2026", "Gilang Ramadhan", ["PROGRAMME_NONCOMPLIANCE"],
     "Gilang menolak pekerjaan yang disepakati di bengkel mitra."),
    ("temporarily_revoked", "PB.306/BDG/2026", "Hendra Wijaya", ["PUBLIC_UNREST"],
     "Hendra mengancam pedagang pasar dengan senjata tajam."),
    ("proposed", "PB.307/BDG/2026", "Irfan Maulana", ["NEW_OFFENCE"],
     "Irfan ditangkap polisi karena pencurian sepeda motor."),
    ("forwarded", "PB.308/BDG/2026", "Joko Susilo", ["NEW_OFFENCE"],
     "Joko ditetapkan sebagai tersangka penganiayaan oleh Polsek Cicendo."),
    ("revoked_waiting", "PB.309/BDG/2026", "Kurniawan Saputra", ["NEW_OFFENCE", "PUBLIC_UNREST"],
     "Kurniawan ditetapkan sebagai tersangka pengeroyokan dan menghilang dari rumahnya."),
    ("returned", "PB.310/BDG/2026", "Lukman Hakim", ["MISSED_REPORTING"],
     "Lukman tidak datang wajib lapor sejak tiga bulan."),
    ("not_revoked", "PB.311/BDG/2026", "Mulyadi Rahman", ["PUBLIC_UNREST"],
     "Mulyadi disebut membuat keributan di acara warga."),
    ("cancelled", "PB.312/BDG/2026", "Nanang Suherman", ["NEW_OFFENCE"],
     "Nanang ditangkap karena penipuan sebelum bebas bersyarat berjalan sebulan."),
    ("withdrawn", "PB.313/BDG/2026", "Oki Firmansyah", ["PUBLIC_UNREST"],
     "Oki memutar musik keras setiap malam."),
]
GROUNDS_TEXT = "Keterangan pelapor, saksi dan klien dalam BAP saling menguatkan."
RETURN_WAIT_DAYS = 12  # the revoked client still at large: past the default 7 days


def _user(email: str) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    assert user is not None, email  # load_demo_users() ran first
    return user


def _client(office: Office, officer: User, number: str, name: str, index: int) -> Client:
    client = db.session.scalar(select(Client).where(Client.register_number == number))
    if client is not None:
        return client
    start = today() - dt.timedelta(days=240)
    client = Client(office_id=office.id, officer_id=officer.id, register_number=number, full_name=name,
                    programme="PB", supervision_start_on=start,
                    supervision_end_on=today() + dt.timedelta(days=300), risk_level="medium",
                    area="Kota Bandung", nik=f"32730{index:02d}507880001",
                    birth_on=dt.date(1985 + index % 10, 1 + index % 12, 5 + index),
                    decree_number=f"PAS-{2300 + index}.PK.01.05.06/2026",
                    general_conditions="Wajib lapor ke Bapas setiap bulan. Tidak melakukan tindak pidana.")
    db.session.add(client)
    db.session.flush()
    db.session.add(ClientEvent(client_id=client.id, kind="record", action="created"))
    return client


def _bap(actor: User, complaint: Any, subject: str, name: str, answer: str) -> None:
    from .complaints import records
    records.record_examination(actor, complaint, {
        "subject": subject, "subject_name": name, "examined_on": today() - dt.timedelta(days=9),
        "place": "Ruang pemeriksaan Bapas Bandung",
        "questions": [{"q": "Apakah Anda dalam keadaan sehat dan bersedia diperiksa?", "a": "Ya, bersedia."},
                      {"q": "Apa yang Anda ketahui tentang kejadian yang diadukan?", "a": answer}],
        "birth_place": "Bandung", "sex": "Laki-laki" if subject == "client" else "Perempuan",
        "occupation": "Wiraswasta", "address": "Kota Bandung"}, None)


def _decide(head: User, complaint: Any, action: str, **extra: Any) -> None:
    from .complaints import services
    grounds = ["OTHER_CASE"] if action == "record_cancelled" else list(complaint.grounds)
    services.move(head, complaint, action, grounds=grounds, grounds_text=GROUNDS_TEXT, **extra)


def _work(stage: str, complaint: Any, client: Client, people: dict[str, User]) -> None:
    """Take one case from `submitted` to its stage, step by step, as the pages would."""
    from .complaints import intake, procedure, records, services
    head, kasi, pk, kanwil = people["head"], people["supervisor"], people["officer"], people["regional"]
    if stage == "withdrawn":
        services.move(None, complaint, "withdraw", role="complainant",
                      grounds_text="Masalahnya sudah selesai secara kekeluargaan.")
        return
    intake.triage(kasi, complaint, client, pk.id)
    if stage == "needs_info":
        services.move(pk, complaint, "request_info",
                      message="Mohon sebutkan tanggal kejadian dan nama tetangga yang melihat.")
        return
    if stage == "in_review":
        return
    services.move(pk, complaint, "start_examination")
    _bap(pk, complaint, "complainant", "Pelapor", "Saya melihat sendiri kejadiannya.")
    _bap(pk, complaint, "client", client.full_name, "Saya mengakui sebagian, tetapi tidak bermaksud mengancam.")
    services.move(pk, complaint, "refer_to_tpp")
    recommendation = {"not_pursued": "not_pursued", "warning_issued": "warning"}.get(stage, "temporary_revocation")
    records.record_hearing(kasi, complaint, {
        "held_on": today() - dt.timedelta(days=5), "kind": "regular", "place": "Aula Bapas Bandung",
        "chair": kasi.id, "secretary": pk.id, "member_ids": [head.id], "team_size": 3,
        "recommendation": recommendation,
        "minutes": "Tim menilai keterangan pelapor dan klien, lalu bermusyawarah hingga mufakat."})
    if stage == "tpp_hearing":
        return
    if stage == "not_pursued":
        _decide(head, complaint, "decide_not_pursued", reason="not_violation")
        return
    if stage == "warning_issued":
        # a summons whose day has passed without the client: on the PK's and Kasi's lists
        _decide(head, complaint, "decide_summons", appear_on=today() + dt.timedelta(days=1),
                appear_time="10:00", appear_place="Kantor Bapas Bandung, ruang PK")
        for sanction in complaint.sanctions:
            sanction.appear_on = today() - dt.timedelta(days=3)
        return
    _decide(head, complaint, "decide_temporary_revocation")
    if stage == "temporarily_revoked":
        return
    _decide(head, complaint, "propose")
    if stage == "proposed":
        return
    _decide(kanwil, complaint, "forward")
    if stage == "forwarded":
        return
    decree = {"decree_number": f"PAS-{complaint.id:04d}.PK.01.05.06 TAHUN {today().year}",
              "decree_on": today() - dt.timedelta(days=RETURN_WAIT_DAYS)}
    outcome = {"not_revoked": "record_not_revoked", "cancelled": "record_cancelled"}.get(stage, "record_revoked")
    _decide(kanwil, complaint, outcome, **decree)
    if complaint.execution is not None:
        complaint.execution.since_on = today() - dt.timedelta(days=RETURN_WAIT_DAYS)
        procedure.record_aph_letter(head, complaint, "Kepala Kepolisian Resor Kota Besar Bandung",
                                    today() - dt.timedelta(days=RETURN_WAIT_DAYS - 1))
    if stage == "returned":
        procedure.record_return(pk, complaint, today() - dt.timedelta(days=2), "Lapas Kelas I Sukamiskin")
    elif stage == "revoked_waiting":
        procedure.record_at_large(pk, complaint, "Polrestabes Bandung masih mencari; keluarga tidak "
                                                 "tahu keberadaannya.")


def load_demo_procedure(office_code: str) -> int:
    """The cases of STAGES (idempotent: a stage whose client has a case is skipped); returns how
    many cases were made. Runs inside a request context (documents carry the verification URL)."""
    from .complaints import services
    from .complaints.models import Complaint
    office = db.session.scalar(select(Office).where(Office.code == office_code))
    assert office is not None
    if not office.address:
        office.address, office.phone, office.email = DEMO_OFFICE_CONTACT
    for email, (nip, position) in DEMO_SIGNERS.items():
        user = _user(email)
        user.nip, user.position = user.nip or nip, user.position or position
    people = {role: _user(email) for role, email in (
        ("head", "kepala.bandung@pokmas.example"), ("supervisor", "kasi.bandung@pokmas.example"),
        ("officer", "pk.bandung@pokmas.example"), ("regional", "kanwil.jabar@pokmas.example"))}
    made = 0
    for index, (stage, number, name, grounds, narrative) in enumerate(STAGES):
        client = _client(office, people["officer"], number, name, index)
        if db.session.scalar(select(Complaint.id).where(Complaint.client_id == client.id)):
            continue
        receipt = services.file_by_staff(people["officer"], {
            "channel": "oral", "client_register_number": number, "client_name": name,
            "grounds": grounds, "narrative": narrative, "complainant_name": f"Pelapor {index + 1}",
            "complainant_phone": f"08122{index:03d}4455", "complainant_relationship": "tetangga",
            "incident_from_on": today() - dt.timedelta(days=30), "incident_place": "Kota Bandung",
            "submission_key": f"demo-procedure-{number}"}, [])
        _work(stage, receipt.complaint, client, people)
        db.session.flush()
        made += 1
    current_app.logger.info("demo procedure cases made: %d", made)
    return made
