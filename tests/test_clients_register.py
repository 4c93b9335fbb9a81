"""The client register: records, scope, search, status workflow, the staff client page."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import event, select

from portal.audit import AuditEvent
from portal.clients.models import Assignment, Client
from portal.extensions import db

from .support import OFFICE_B, login_client, office, t


def client_data(**overrides):
    data = {"full_name": "Andi Pratama", "register_number": "PB.17/BDG/2026", "programme": "PB",
            "supervision_start_on": "2026-02-01", "supervision_end_on": "2027-08-01",
            "officer_id": "", "risk_level": "high", "area": "Kec. Coblong, Kota Bandung",
            "general_conditions": "Wajib lapor setiap bulan.", "special_conditions": "",
            "nik": "3273011203900004", "decree_number": "PAS-1234.PK.01.04/2026",
            "offence_category": "narcotics"}
    data.update(overrides)
    return data


def test_officer_registers_a_client_with_an_opaque_url(app, users):
    officer = users.make("officer")
    client = login_client(app, officer)
    response = client.post("/staf/klien/baru", data=client_data(officer_id=str(officer.id)))
    location = response.headers["Location"]
    assert re.fullmatch(r"/staf/klien/[A-Za-z0-9_-]{16}", location)
    for secret in ("Andi", "PB.17", "3273011203900004", "PAS-1234"):
        assert secret not in location
    page = client.get(location).get_data(as_text=True)
    assert "Andi Pratama" in page and "3273011203900004" in page
    with app.app_context():
        stored = db.session.scalar(select(Client))
        assert stored.office_id == office().id and stored.officer_id == officer.id
        assert "client.viewed" in db.session.scalars(select(AuditEvent.action)).all()


@pytest.mark.parametrize("overrides, message", [
    ({"nik": "12345"}, "NIK"),
    ({"supervision_end_on": "2026-01-01"}, None),
    ({"full_name": ""}, None),
    ({"programme": "XX"}, None),
])
def test_bad_records_are_refused_with_the_typed_values_kept(app, users, overrides, message):
    client = login_client(app, users.make("officer"))
    response = client.post("/staf/klien/baru", data=client_data(**overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'aria-invalid="true"' in page
    assert 'value="PB.17/BDG/2026"' in page
    with app.app_context():
        assert db.session.scalar(select(Client)) is None


def test_register_number_is_unique_within_the_bapas(app, users, clients):
    clients.make(register_number="PB.17/BDG/2026")
    clients.make(office_code=OFFICE_B, register_number="PB.18/BDG/2026")
    client = login_client(app, users.make("officer"))
    assert client.post("/staf/klien/baru", data=client_data()).status_code == 200
    other_office = client.post("/staf/klien/baru", data=client_data(register_number="PB.18/BDG/2026"))
    assert other_office.status_code == 302  # another Bapas may use the same number


def test_search_filters_and_own_caseload_first(app, users, clients):
    me = users.make("officer")
    colleague = users.make("officer")
    clients.make(full_name="Zainal Abidin", officer=me)
    clients.make(full_name="Ahmad Dahlan", officer=colleague, programme="CB")
    clients.make(full_name="Budi Tabuti", officer=colleague, register_number="CMB.99/2026", programme="CMB")
    clients.make(office_code=OFFICE_B, full_name="Orang Semarang")
    page = login_client(app, me).get("/staf/klien/").get_data(as_text=True)
    assert page.index("Zainal Abidin") < page.index("Ahmad Dahlan") < page.index("Budi Tabuti")
    assert "Orang Semarang" not in page
    session = login_client(app, me)
    assert "Budi Tabuti" in session.get("/staf/klien/?q=cmb.99").get_data(as_text=True)
    only_cb = session.get("/staf/klien/?programme=CB").get_data(as_text=True)
    assert "Ahmad Dahlan" in only_cb and "Budi Tabuti" not in only_cb
    mine = session.get(f"/staf/klien/?officer={me.id}").get_data(as_text=True)
    assert "Zainal Abidin" in mine and "Ahmad Dahlan" not in mine


def test_register_list_uses_a_bounded_number_of_queries(app, users, clients):
    officer = users.make("officer")
    session = login_client(app, officer)

    def statements_for_page():
        seen = []
        with app.app_context():
            listener = lambda *a, **k: seen.append(1)  # noqa: E731
            event.listen(db.engine, "before_cursor_execute", listener)
            try:
                assert session.get("/staf/klien/").status_code == 200
            finally:
                event.remove(db.engine, "before_cursor_execute", listener)
        return len(seen)

    for _ in range(3):
        clients.make(officer=officer)
    few = statements_for_page()
    for _ in range(22):
        clients.make(officer=users.make("officer"))
    many = statements_for_page()
    assert many <= few + 1, (few, many)


@pytest.mark.parametrize("role, office_code", [("officer", OFFICE_B), ("head", OFFICE_B),
                                                ("partner", "BAPAS-BDG"), ("regional", "BAPAS-BDG"),
                                                ("admin", "BAPAS-BDG")])
def test_client_page_is_404_outside_the_bapas(app, users, clients, role, office_code):
    record = clients.make()
    session = login_client(app, users.make(role, office_code=office_code))
    assert session.get(f"/staf/klien/{record.public_id}").status_code == 404


GROUNDS = "Keputusan dengan alasan yang tercatat."
STATUS_CASES = [("intensify", "active", "officer", "intensive"),
                ("relax", "intensive", "supervisor", "active"),
                ("complete", "active", "officer", None),
                ("complete", "intensive", "supervisor", "completed"),
                ("transfer", "active", "head", "transferred"),
                ("temporarily_revoke", "active", "supervisor", None),
                ("temporarily_revoke", "active", "head", None),  # only through a complaint
                ("intensify", "completed", "officer", None)]


@pytest.mark.parametrize("action, state, role, expected", STATUS_CASES)
def test_status_changes_through_the_page(app, users, clients, action, state, role, expected):
    record = clients.make(status=state)
    session = login_client(app, users.make(role))
    with app.app_context():
        target = str(office(OFFICE_B).id)
    session.post(f"/staf/klien/{record.public_id}/status", data={
        "version": record.version, "action": action, "transfer_office_id": target,
        "note": GROUNDS})
    with app.app_context():
        after = db.session.get(Client, record.id)
        assert after.status == (expected or state)
        if expected == "transferred":
            assert after.transferred_to.code == OFFICE_B


def test_transfer_needs_the_receiving_bapas(app, users, clients):
    record = clients.make()
    session = login_client(app, users.make("supervisor"))
    session.post(f"/staf/klien/{record.public_id}/status",
                 data={"version": record.version, "action": "transfer", "transfer_office_id": "",
                       "note": GROUNDS})
    with app.app_context():
        assert db.session.get(Client, record.id).status == "active"


def test_end_of_supervision_ends_every_assignment(app, users, clients):
    partner = users.make("partner")
    record = clients.make()
    clients.assign(record, partner.partner_org_id)
    partner_session = login_client(app, partner)
    assert partner_session.get(f"/mitra/klien/{record.public_id}").status_code == 200
    login_client(app, users.make("supervisor")).post(
        f"/staf/klien/{record.public_id}/status",
        data={"version": record.version, "action": "complete", "note": GROUNDS})
    assert partner_session.get(f"/mitra/klien/{record.public_id}").status_code == 404
    with app.app_context():
        assignment = db.session.scalar(select(Assignment))
        assert assignment.status == "ended" and assignment.end_reason == "supervision_ended"


def test_a_stale_status_form_changes_nothing(app, users, clients):
    record = clients.make()
    session = login_client(app, users.make("officer"))
    session.post(f"/staf/klien/{record.public_id}/status",
                 data={"version": record.version, "action": "intensify", "note": GROUNDS})
    session.post(f"/staf/klien/{record.public_id}/status",
                 data={"version": record.version, "action": "relax", "note": GROUNDS})
    with app.app_context():
        assert db.session.get(Client, record.id).status == "intensive"


def test_edit_keeps_a_timeline_entry(app, users, clients):
    record = clients.make(full_name="Nama Lama", register_number="PB.98/BDG/2026", programme="PB",
                          supervision_start_on=dt.date(2026, 2, 1),
                          supervision_end_on=dt.date(2027, 8, 1), risk_level="high",
                          area="Kec. Coblong, Kota Bandung",
                          general_conditions="Wajib lapor setiap bulan.",
                          nik="3273011203900004", decree_number="PAS-1234.PK.01.04/2026",
                          offence_category="narcotics")
    session = login_client(app, users.make("officer"))
    # only the name and the register number differ from the record
    data = client_data(full_name="Nama Baru", register_number="PB.99/BDG/2026")
    assert session.post(f"/staf/klien/{record.public_id}/ubah", data=data).status_code == 302
    page = session.get(f"/staf/klien/{record.public_id}?kind=record").get_data(as_text=True)
    assert "Nama Baru" in page and t(app, "Record changed") in page
    changed = t(app, "Fields changed: %(fields)s",
                fields=f"{t(app, 'Full name')}, {t(app, 'Register number')}")
    assert changed == "Data yang diubah: Nama lengkap, Nomor register"
    assert changed in page
    assert "full_name" not in page and "register_number" not in page


def test_register_search_by_name_or_number_and_by_status(app, users, clients):
    """The register's search matches a part of the name or of the register number, whatever
    its case, the officer's own caseload first, then by name; the status filter shows one
    status."""
    me = users.make("officer")
    clients.make(full_name="Yanto Rahman", register_number="PB.04/BDG/2026")
    clients.make(full_name="Rahmat Hidayat", register_number="PB.01/BDG/2026", officer=me)
    clients.make(full_name="Sri Wahyuni", register_number="CB.02/BDG/2026", status="intensive")
    clients.make(full_name="Tono Rahmadi", register_number="PB.03/BDG/2026", status="completed")
    session = login_client(app, me)

    def listed(query):
        page = session.get(f"/staf/klien/{query}").get_data(as_text=True)
        return re.findall(r'<a href="/staf/klien/[A-Za-z0-9_-]+">([^<]+)</a>', page)

    # by name; my own caseload first, then by name
    assert listed("?q=RAHMA") == ["Rahmat Hidayat", "Tono Rahmadi", "Yanto Rahman"]
    assert listed("?q=cb.02") == ["Sri Wahyuni"]                          # by number only
    assert listed("?q=wahyuni") == ["Sri Wahyuni"]                        # by name only
    assert listed("?status=intensive") == ["Sri Wahyuni"]
    assert listed("?status=completed&q=pb.") == ["Tono Rahmadi"]


def _options(page: str, name: str) -> list[str]:
    select_html = re.search(rf'<select[^>]*name="{name}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [label for value, label in re.findall(r'<option[^>]*value="([^"]*)"[^>]*>([^<]*)</option>',
                                                 select_html) if value]


def test_the_pickers_offer_active_officers_and_partners_of_this_bapas_by_name(app, users, orgs, clients):
    """Issue 4 §1–2: a client's PK is an active officer or supervisor of the same Bapas; a
    client is assigned to an active partner of the same Bapas; both listed by name."""
    named = {}
    for key, role, fields in (("wati", "officer", {}), ("agus", "supervisor", {}),
                              ("lina", "officer", {"active": False}), ("hadi", "head", {}),
                              ("budi", "officer", {"office_code": OFFICE_B})):
        named[users.make(role, **fields).id] = {"wati": "Wati Susanti", "agus": "Agus Wirawan",
                                                "lina": "Lina Marlina", "hadi": "Hadi Kepala",
                                                "budi": "Budi Semarang"}[key]
    with app.app_context():
        from portal.auth.models import User
        for user_id, name in named.items():
            db.session.get(User, user_id).name = name
        db.session.commit()
    for status, office_code, name in (("active", "BAPAS-BDG", "Yayasan Zamrud"),
                                      ("active", "BAPAS-BDG", "Bengkel Amanah"),
                                      ("suspended", "BAPAS-BDG", "Koperasi Ditangguhkan"),
                                      ("applied", "BAPAS-BDG", "Pemohon Baru"),
                                      ("active", OFFICE_B, "Mitra Semarang")):
        orgs.make(status, office_code=office_code, name=name)
    supervisor = users.make("supervisor")
    with app.app_context():
        from portal.auth.models import User
        db.session.get(User, supervisor.id).name = "Maya Kasi"
        db.session.commit()
    session = login_client(app, supervisor)
    assert _options(session.get("/staf/klien/baru").get_data(as_text=True), "officer_id") == [
        "Agus Wirawan", "Maya Kasi", "Wati Susanti"]
    record = clients.make()
    page = session.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert _options(page, "partner_org_id") == ["Bengkel Amanah", "Yayasan Zamrud"]


def test_the_client_page_lists_its_own_check_ins_assignments_and_timeline_newest_first(app, users, clients,
                                                                                        orgs):
    """The staff client page: this client's check-ins, newest month first; its partner
    assignments, newest first; its timeline, newest first — nothing of another client."""
    from portal.clients.models import CheckIn, ClientEvent
    from portal.db import utcnow
    officer = users.make("officer")
    record, other = clients.make(officer=officer), clients.make(officer=officer)
    for name in ("Mitra Lama", "Mitra Baru"):
        clients.assign(record, orgs.make("active", name=name).id)
    clients.assign(other, orgs.make("active", name="Mitra Klien Lain").id)
    with app.app_context():
        for month in (3, 5, 4):
            db.session.add(CheckIn(client_id=record.id, month=dt.date(2026, month, 1), outcome="attended"))
        db.session.add(CheckIn(client_id=other.id, month=dt.date(2026, 6, 1), outcome="missed"))
        for action in ("created", "updated"):
            db.session.add(ClientEvent(client_id=record.id, kind="record", action=action, at=utcnow()))
        db.session.add(ClientEvent(client_id=other.id, kind="status", action="intensify", at=utcnow(),
                                   from_status="active", to_status="intensive"))
        db.session.commit()
    page = login_client(app, officer).get(f"/staf/klien/{record.public_id}?lang=en").get_data(as_text=True)
    check_ins = page.split('id="checkins"')[1].split("</table>")[0]
    assert re.findall(r"<td>([A-Z][a-z]+ 2026)</td>", check_ins) == ["May 2026", "April 2026", "March 2026"]
    assert re.findall(r'<li class="border rounded p-2 mb-2">\s*<strong>([^<]+)</strong>', page) == [
        "Mitra Baru", "Mitra Lama"]
    timeline = page.split('id="timeline-h"')[1]
    assert re.findall(r'<div class="fw-semibold">([^<]+)</div>', timeline) == [
        "Record changed", "Client registered"]
