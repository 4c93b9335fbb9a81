"""Demo supervision data: conditions on the demo clients under supervision, a partner sheet for each active
assignment, one travel request waiting for the PK. Written through the services (audited,
on the timeline), once: running the demo again adds nothing."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from ..auth.models import User
from ..clients.models import Assignment, Client
from ..db import today
from ..extensions import db
from . import services
from .models import Condition, PartnerSheet, TravelNotice

GENERAL = "Wajib lapor ke Bapas setiap bulan dan tidak melakukan tindak pidana."
# register number → the special conditions of that demo client (code, text)
SPECIAL: dict[str, list[tuple[str, str | None]]] = {
    "PB.101/BDG/2026": [("stay_in_area", None), ("work_or_study", "Magang di konveksi mitra.")],
    "PB.102/BDG/2026": [("no_drugs_alcohol", None), ("no_criminal_associates", None)],
    "CB.033/BDG/2026": [("stay_in_area", None)],
    "CMB.018/BDG/2026": [("rehabilitation", "Konseling di klinik BNN Kota Bandung tiap dua minggu.")],
    "AS.007/BDG/2026": [("other", "Tidak mendatangi rumah korban di Kec. Antapani.")],
}


def _conditions(officer: User, client: Client) -> None:
    start = client.supervision_start_on
    services.add_condition(officer, client, {"kind": "general", "text": GENERAL, "starts_on": start})
    for code, text in SPECIAL.get(client.register_number, []):
        services.add_condition(officer, client, {
            "kind": "special", "code": code, "text": text, "starts_on": start,
            "review_on": today() + dt.timedelta(days=60)})


def load_demo_supervision(office_code: str, officer_email: str) -> None:
    """Conditions, partner sheets and one waiting travel request for the demo officer's clients."""
    from ..offices.models import Office
    office = db.session.scalar(select(Office).where(Office.code == office_code))
    officer = db.session.scalar(select(User).where(User.email == officer_email))
    if office is None or officer is None:
        return
    clients = db.session.scalars(select(Client).where(Client.office_id == office.id,
                                                      Client.officer_id == officer.id)
                                 .order_by(Client.id)).all()
    for client in (c for c in clients if c.under_supervision):  # the table refuses the others
        if db.session.scalar(select(Condition.id).where(Condition.client_id == client.id).limit(1)) is None:
            _conditions(officer, client)
    assignments = db.session.scalars(select(Assignment).join(Client).where(
        Client.office_id == office.id, Assignment.status == "active").order_by(Assignment.id)).all()
    for assignment in assignments:
        if db.session.scalar(select(PartnerSheet.id).where(PartnerSheet.assignment_id == assignment.id)):
            continue
        chosen = list(db.session.scalars(select(Condition).where(
            Condition.client_id == assignment.client_id, Condition.kind == "special",
            Condition.status == "in_force")))
        services.write_sheet(
            officer, assignment, None, chosen,
            watch_for="Tidak masuk kerja tanpa kabar, terlihat bersama orang yang tidak dikenal, "
                      "atau mengatakan akan pergi ke luar kota.",
            contact="Hubungi PK Siti Rahmawati lewat telepon Bapas pada jam kerja (08.00–16.00). "
                    "Dalam keadaan darurat hubungi polisi terlebih dahulu.")
    if assignments and db.session.scalar(select(TravelNotice.id).limit(1)) is None:
        assignment = assignments[0]
        partner = db.session.scalar(select(User).where(
            User.partner_org_id == assignment.partner_org_id, User.active.is_(True)).order_by(User.id))
        services.record_travel(partner or officer, assignment.client, {
            "destination": "Kabupaten Garut", "from_on": today() + dt.timedelta(days=7),
            "to_on": today() + dt.timedelta(days=9),
            "purpose": "Menghadiri pernikahan adik kandung di kampung halaman."},
            assignment=assignment if partner else None)
    db.session.flush()
