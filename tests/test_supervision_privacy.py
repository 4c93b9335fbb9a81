"""Issue 11 §2: offence, NIK, risk scores and court data never reach the partner sheet —
checked on the rendered partner page, the partner's notifications and every email a partner
gets, after the whole supervision flow ran through the pages."""
from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from portal.clients.models import Assignment
from portal.extensions import db
from portal.supervision.models import Condition, TravelNotice
from portal.supervision.sheet import CONDITION_FIELDS, OWN_PERMISSION_FIELDS, PERMISSION_FIELDS, SHEET_FIELDS, SheetView

from .support import login_client

TODAY = dt.date.today()
# What the client's record holds that a partner must never read (hand-written, from the record).
NIK = "3273016502880007"
DECREE = "PAS-7701.PK.01.04/2026"
REGISTER = "REG-BDG-7788/2026"
SECRETS = {
    "NIK": NIK,
    "decree number": DECREE,
    "register number": REGISTER,
    "offence category label": "Pencurian atau perampokan",   # theft, in Indonesian
    "offence category label (en)": "Theft or robbery",
    "risk level label": "Tinggi",                             # high, in Indonesian
    "risk level label (en)": "High risk",
}


def _leaks(text: str) -> list[str]:
    return [name for name, value in SECRETS.items() if value in text]


def test_the_sheet_is_built_from_the_allow_list_only():
    assert CONDITION_FIELDS == ("kind", "code", "text", "starts_on", "review_on")
    assert SHEET_FIELDS == ("watch_for", "contact")
    assert PERMISSION_FIELDS == ("destination", "from_on", "to_on")
    assert OWN_PERMISSION_FIELDS == ("destination", "from_on", "to_on", "decision_note")
    assert {f.name for f in dataclasses.fields(SheetView)} == {
        "written", "conditions", "watch_for", "contact", "updated_on", "permissions", "own_requests"}


def test_partner_page_notifications_and_email_hold_no_offence_nik_risk_or_court_data(
        app, users, clients, mailbox):
    officer = users.make("officer")
    partner = users.make("partner")
    record = clients.make(officer=officer, full_name="Klien Rahasia Privasi", nik=NIK,
                          decree_number=DECREE, register_number=REGISTER, offence_category="theft",
                          risk_level="high")
    pk, mitra = login_client(app, officer), login_client(app, partner)
    # the PK proposes the assignment, the partner's admin accepts it (email + notification)
    assert pk.post(f"/staf/klien/{record.public_id}/penugasan", data={
        "partner_org_id": str(partner.partner_org_id), "relationship_kind": "employer",
        "starts_on": TODAY.isoformat(), "ends_on": (TODAY + dt.timedelta(days=120)).isoformat(),
        "note": "Pendampingan kerja di konveksi."}).status_code == 302
    with app.app_context():
        assignment = db.session.scalar(select(Assignment))
    assert mitra.post(f"/mitra/klien/penugasan/{assignment.id}/terima").status_code == 302
    # conditions and the sheet
    for data in ({"kind": "special", "code": "stay_in_area", "text": ""},
                 {"kind": "special", "code": "work_or_study", "text": "Bekerja di konveksi mitra."},
                 {"kind": "general", "code": "", "text": "Tidak melakukan pelanggaran hukum."}):
        assert pk.post(f"/staf/klien/{record.public_id}/syarat/baru", data={
            **data, "starts_on": TODAY.isoformat(), "review_on": ""}).status_code == 302
    with app.app_context():
        ids = [str(i) for i in db.session.scalars(select(Condition.id))]
    assert pk.post(f"/staf/klien/{record.public_id}/penugasan/{assignment.id}/lembar", data={
        "conditions": ids, "watch_for": "Klien sering pulang larut.",
        "contact": "Hubungi PK pada jam kerja."}).status_code == 302
    # two travel requests by the partner: one refused, one approved
    for key, approve in (("privasi-1", False), ("privasi-2", True)):
        assert mitra.post(f"/mitra/klien/{record.public_id}/bepergian", data={
            "destination": "Kota Cirebon", "from_on": (TODAY + dt.timedelta(days=3)).isoformat(),
            "to_on": (TODAY + dt.timedelta(days=5)).isoformat(), "purpose": "Menjenguk ibu yang sakit.",
            "submission_key": key}).status_code == 302
        with app.app_context():
            notice = db.session.scalar(select(TravelNotice).order_by(TravelNotice.id.desc()))
            public_id, version = notice.public_id, notice.version
        assert pk.post(f"/staf/bepergian/{public_id}", data={
            "version": version, "decision": "approve" if approve else "refuse",
            "note": "Lapor setelah kembali." if approve else "Jadwal wajib lapor bertepatan."}).status_code == 302

    staff_page = pk.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert set(_leaks(staff_page)) >= {"NIK", "decree number", "register number",
                                       "offence category label", "risk level label"}  # staff see them
    page = mitra.get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert "Klien sering pulang larut." in page and "Diizinkan bepergian ke Kota Cirebon" in page
    assert _leaks(page) == []
    english = mitra.get(f"/mitra/klien/{record.public_id}?lang=en").get_data(as_text=True)
    assert "Allowed to travel to Kota Cirebon" in english and _leaks(english) == []
    notifications = mitra.get("/notifikasi/?lang=id").get_data(as_text=True)
    assert "PK memperbarui hal yang perlu Anda ketahui tentang klien" in notifications
    assert _leaks(notifications) == []
    emails = mailbox.to(partner.email)
    subjects = sorted(e["Subject"] for e in emails)
    assert len(emails) == 3, subjects  # the proposal, and two decisions on travel
    for email in emails:
        assert _leaks(email["Subject"] + mailbox.body(email)) == []
