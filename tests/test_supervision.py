"""Issue 11 points 2 and 5 through the pages: conditions, the partner sheet, the observation's
condition and the inbox grouped by it, travel requests recorded by the partner and the PK and
decided by the PK (a refusal needs its reason)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.notifications import Notification
from portal.observations.models import Observation
from portal.supervision.models import Condition, PartnerSheet, TravelNotice

from .support import login_client

TODAY = dt.date.today()
SOON = TODAY + dt.timedelta(days=10)
LATER = TODAY + dt.timedelta(days=14)


@pytest.fixture
def people(app, users, clients):
    officer = users.make("officer")
    other_officer = users.make("officer")
    supervisor = users.make("supervisor")
    partner = users.make("partner")
    record = clients.make(officer=officer, full_name="Klien Syarat Satu")
    assignment = clients.assign(record, partner.partner_org_id, starts_on=TODAY - dt.timedelta(days=30))
    return officer, other_officer, supervisor, partner, record, assignment


def add_condition(session, record, **fields):
    data = {"kind": "special", "code": "stay_in_area", "text": "", "starts_on": TODAY.isoformat(),
            "review_on": ""}
    data.update(fields)
    return session.post(f"/staf/klien/{record.public_id}/syarat/baru", data=data)


def condition_ids(app, record) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(select(Condition.id).where(Condition.client_id == record.id)
                                       .order_by(Condition.id)))


def write_sheet(session, record, assignment, ids, **fields):
    data = {"conditions": [str(i) for i in ids], "watch_for": "Klien pulang larut malam.",
            "contact": "Hubungi PK Sari di 0812-1111-2222 pada jam kerja; darurat: polisi."}
    data.update(fields)
    return session.post(f"/staf/klien/{record.public_id}/penugasan/{assignment.id}/lembar", data=data)


def request_travel(session, url, key, **fields):
    data = {"destination": "Kota Surabaya", "from_on": SOON.isoformat(), "to_on": LATER.isoformat(),
            "purpose": "Menghadiri pernikahan kakak kandung.", "submission_key": key}
    data.update(fields)
    return session.post(url, data=data)


def only_notice(app) -> TravelNotice:
    with app.app_context():
        notice = db.session.scalar(select(TravelNotice).order_by(TravelNotice.id.desc()))
        db.session.expunge(notice)
        return notice


def test_conditions_are_added_changed_and_ended_on_the_client_page(app, people):
    officer, _, _, _, record, _ = people
    pk = login_client(app, officer)
    assert add_condition(pk, record, kind="general", code="",
                         text="Wajib lapor setiap bulan ke Bapas.").status_code == 302
    assert add_condition(pk, record, code="other", text="Tidak mendatangi rumah korban.").status_code == 302
    general, other = condition_ids(app, record)
    page = pk.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)
    assert "Wajib lapor setiap bulan ke Bapas." in page
    assert "Syarat lain: Tidak mendatangi rumah korban." in page
    with app.app_context():
        version = db.session.get(Condition, other).version
    response = pk.post(f"/staf/klien/{record.public_id}/syarat/{other}/ubah", data={
        "version": version, "kind": "special", "code": "other",
        "text": "Tidak mendatangi rumah korban di Cicadas.", "starts_on": TODAY.isoformat(),
        "review_on": (TODAY + dt.timedelta(days=90)).isoformat()})
    assert response.status_code == 302
    assert pk.post(f"/staf/klien/{record.public_id}/syarat/{general}/akhiri").status_code == 302
    with app.app_context():
        assert db.session.get(Condition, general).status == "ended"
        assert db.session.get(Condition, other).text == "Tidak mendatangi rumah korban di Cicadas."
    page = pk.get(f"/staf/klien/{record.public_id}?kind=supervision").get_data(as_text=True)
    timeline = page[page.index('id="timeline-h"'):]
    assert '<option selected value="supervision">Syarat dan izin bepergian</option>' in page
    for entry in ("Syarat pembimbingan ditambahkan", "Syarat pembimbingan diubah",
                  "Syarat pembimbingan diakhiri"):
        assert entry in timeline


def test_another_officer_cannot_add_a_condition(app, people):
    _, other_officer, supervisor, _, record, _ = people
    response = add_condition(login_client(app, other_officer), record)
    assert response.status_code == 302
    assert condition_ids(app, record) == []
    assert add_condition(login_client(app, supervisor), record).status_code == 302  # the Kasi may
    assert len(condition_ids(app, record)) == 1


@pytest.mark.parametrize("fields, message", [
    ({"kind": "general", "code": "", "text": "  "}, "Tulis rumusan syarat."),
    ({"code": "", "text": "Menjauhi terminal Cicaheum."}, "Pilih syarat khusus yang dimaksud."),
    ({"code": "other", "text": ""}, "Tulis rumusan syarat."),
    ({"starts_on": "kemarin", "text": "Menjauhi terminal Cicaheum."}, "Isi tanggal syarat mulai berlaku."),
    ({"review_on": (TODAY - dt.timedelta(days=1)).isoformat(), "text": "Menjauhi terminal Cicaheum."},
     "Tanggal peninjauan harus setelah tanggal mulai."),
])
def test_condition_form_bad_input(app, people, fields, message):
    officer, _, _, _, record, _ = people
    response = add_condition(login_client(app, officer), record, **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page or message in _unescape(page)
    if fields.get("text", "").strip():
        assert fields["text"] in page
    assert condition_ids(app, record) == []


def _unescape(html: str) -> str:
    return html.replace("&#39;", "'").replace("&quot;", '"').replace("&amp;", "&")


def test_sheet_form_needs_whom_to_call(app, people):
    officer, _, _, _, record, assignment = people
    pk = login_client(app, officer)
    add_condition(pk, record)
    response = write_sheet(pk, record, assignment, condition_ids(app, record), contact="")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Tulis siapa yang dihubungi mitra, dan kapan." in page
    assert "Klien pulang larut malam." in page  # what was typed stays
    with app.app_context():
        assert db.session.scalar(select(PartnerSheet)) is None


def test_the_partner_reads_the_chosen_conditions_only(app, people):
    officer, _, _, partner, record, assignment = people
    pk = login_client(app, officer)
    add_condition(pk, record)
    add_condition(pk, record, kind="general", code="", text="Tidak melakukan tindak pidana lagi.")
    chosen, not_chosen = condition_ids(app, record)
    assert write_sheet(pk, record, assignment, [chosen]).status_code == 302
    page = login_client(app, partner).get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert "Tetap tinggal di wilayah dan melaporkan setiap bepergian" in page
    assert "Tidak melakukan tindak pidana lagi." not in page
    assert "Klien pulang larut malam." in page
    assert "Hubungi PK Sari di 0812-1111-2222 pada jam kerja; darurat: polisi." in page
    with app.app_context():
        kinds = set(db.session.scalars(select(Notification.kind).where(Notification.user_id == partner.id)))
    assert kinds == {"partner_sheet_written"}


def test_travel_requested_by_the_partner_refused_then_approved(app, people, mailbox):
    officer, _, _, partner, record, _ = people
    mitra, pk = login_client(app, partner), login_client(app, officer)
    url = f"/mitra/klien/{record.public_id}/bepergian"
    assert "Catat permohonan izin bepergian" in mitra.get(url).get_data(as_text=True)
    assert request_travel(mitra, url, "travel-one").status_code == 302
    request_travel(mitra, url, "travel-one")  # sent twice: one request
    with app.app_context():
        assert db.session.scalar(select(db.func.count(TravelNotice.id))) == 1
    notice = only_notice(app)
    assert notice.status == "requested"
    queue = pk.get("/staf/bepergian/").get_data(as_text=True)
    assert "1 permohonan menunggu keputusan." in queue and "Kota Surabaya" in queue

    decide = f"/staf/bepergian/{notice.public_id}"
    response = pk.post(decide, data={"version": notice.version, "decision": "refuse", "note": ""})
    assert response.status_code == 200
    assert "Isi alasan penolakan." in response.get_data(as_text=True)
    assert only_notice(app).status == "requested"
    response = pk.post(decide, data={"version": notice.version, "decision": "refuse",
                                     "note": "Masih dalam masa pengawasan intensif."})
    assert response.status_code == 302
    assert only_notice(app).status == "refused"
    page = mitra.get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert "Ditolak" in page and "Alasan: Masih dalam masa pengawasan intensif." in page
    assert "Saat ini tidak ada izin bepergian." in page
    [email] = mailbox.to(partner.email)
    assert "PK telah memutuskan permohonan izin bepergian" in email["Subject"]

    assert request_travel(mitra, url, "travel-two", destination="Kabupaten Garut").status_code == 302
    second = only_notice(app)
    response = pk.post(f"/staf/bepergian/{second.public_id}", data={
        "version": second.version, "decision": "approve", "note": "Lapor ke Bapas sehari setelah kembali."})
    assert response.status_code == 302
    allowed = (f"Diizinkan bepergian ke Kabupaten Garut dari {_id_date(SOON)} sampai {_id_date(LATER)}")
    assert allowed in mitra.get(f"/mitra/klien/{record.public_id}").get_data(as_text=True)
    assert allowed in pk.get(f"/staf/klien/{record.public_id}").get_data(as_text=True)


def _id_date(day: dt.date) -> str:
    months = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"]
    return f"{day.day} {months[day.month - 1]} {day.year}"


def test_travel_recorded_by_the_pk_and_withdrawn(app, people):
    officer, other_officer, _, _, record, _ = people
    pk = login_client(app, officer)
    response = request_travel(pk, f"/staf/klien/{record.public_id}/bepergian/baru", "pk-travel")
    assert response.status_code == 302
    notice = only_notice(app)
    # another officer of the Bapas may read it but not decide
    page = login_client(app, other_officer).get(f"/staf/bepergian/{notice.public_id}").get_data(as_text=True)
    assert "Kota Surabaya" in page and "Simpan keputusan" not in page
    refused = login_client(app, other_officer).post(f"/staf/bepergian/{notice.public_id}", data={
        "version": notice.version, "decision": "approve", "note": ""})
    assert refused.status_code == 302 and only_notice(app).status == "requested"
    assert pk.post(f"/staf/bepergian/{notice.public_id}/tarik").status_code == 302
    assert only_notice(app).status == "withdrawn"


@pytest.mark.parametrize("fields, message", [
    ({"destination": ""}, "Tulis tujuan bepergian klien."),
    ({"from_on": (TODAY - dt.timedelta(days=1)).isoformat()}, "Hari pertama tidak boleh di masa lalu."),
    ({"to_on": (SOON - dt.timedelta(days=1)).isoformat()}, "Hari terakhir tidak boleh sebelum hari pertama."),
    ({"purpose": ""}, "Tulis alasan klien bepergian."),
    ({"to_on": "lusa"}, "Isi hari terakhir."),
])
def test_travel_form_bad_input(app, people, fields, message):
    _, _, _, partner, record, _ = people
    response = request_travel(login_client(app, partner), f"/mitra/klien/{record.public_id}/bepergian",
                              "bad", **fields)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and message in page
    if "purpose" not in fields:
        assert "Menghadiri pernikahan kakak kandung." in page  # what was typed stays
    with app.app_context():
        assert db.session.scalar(select(TravelNotice)) is None


def test_decision_form_needs_a_choice(app, people):
    officer, _, _, partner, record, _ = people
    request_travel(login_client(app, partner), f"/mitra/klien/{record.public_id}/bepergian", "choice")
    notice = only_notice(app)
    response = login_client(app, officer).post(f"/staf/bepergian/{notice.public_id}", data={
        "version": notice.version, "note": "Boleh, asal lapor."})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Pilih setujui atau tolak." in page
    assert "Boleh, asal lapor." in page


def test_travel_without_notice_opens_a_prefilled_observation(app, people):
    _, _, _, partner, record, _ = people
    page = login_client(app, partner).get(
        f"/mitra/klien/{record.public_id}/pengamatan?tanpa_izin=1").get_data(as_text=True)
    assert re.search(r'<option selected value="suspected_violation">', page)
    assert re.search(r'checked[^>]*value="MOVED_WITHOUT_NOTICE"|value="MOVED_WITHOUT_NOTICE"[^>]*checked', page)


def test_observation_names_a_condition_and_the_inbox_groups_by_it(app, people):
    officer, _, _, partner, record, assignment = people
    pk, mitra = login_client(app, officer), login_client(app, partner)
    add_condition(pk, record)
    [condition] = condition_ids(app, record)
    write_sheet(pk, record, assignment, [condition])
    form = mitra.get(f"/mitra/klien/{record.public_id}/pengamatan").get_data(as_text=True)
    assert "Syarat mana yang berkaitan dengan pengamatan ini?" in form
    for key, chosen, text in (("c1", str(condition), "Klien pergi ke luar kota tanpa pamit."),
                              ("c2", "", "Klien datang bekerja tepat waktu minggu ini.")):
        response = mitra.post(f"/mitra/klien/{record.public_id}/pengamatan", content_type="multipart/form-data",
                              data={"observed_on": TODAY.isoformat(), "category": "routine",
                                    "narrative": text, "condition_id": chosen, "submission_key": key})
        assert response.status_code == 302
    with app.app_context():
        assert sorted(db.session.scalars(select(Observation.condition_id)), key=str) == [condition, None] \
            or sorted(db.session.scalars(select(Observation.condition_id)), key=str) == [None, condition]
    page = pk.get("/staf/pengamatan/?by=condition").get_data(as_text=True)
    heading = page.index("Syarat: Tetap tinggal di wilayah dan melaporkan setiap bepergian")
    none_heading = page.index("Tanpa syarat yang disebut")
    assert heading < none_heading
    assert "Klien Syarat Satu" in page[heading:none_heading]
    with app.app_context():
        about = db.session.scalar(select(Observation.public_id).where(Observation.condition_id == condition))
    detail = pk.get(f"/staf/pengamatan/{about}").get_data(as_text=True)
    assert "Syarat: Tetap tinggal di wilayah dan melaporkan setiap bepergian" in detail


def test_an_observation_cannot_name_a_condition_off_the_sheet(app, people):
    officer, _, _, partner, record, _ = people
    add_condition(login_client(app, officer), record)
    [condition] = condition_ids(app, record)  # in force, but on no sheet of this partner
    response = login_client(app, partner).post(
        f"/mitra/klien/{record.public_id}/pengamatan", content_type="multipart/form-data",
        data={"observed_on": TODAY.isoformat(), "category": "routine", "condition_id": str(condition),
              "narrative": "Klien datang bekerja tepat waktu minggu ini.", "submission_key": "off"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Klien datang bekerja tepat waktu minggu ini." in page
    with app.app_context():
        assert db.session.scalar(select(Observation)) is None


def test_the_demo_has_conditions_sheets_and_one_waiting_travel_request(app):
    runner = app.test_cli_runner()
    for _ in range(2):  # a second run adds nothing
        result = runner.invoke(args=["demo", "--no-serve"])
        assert result.exit_code == 0, result.output
    with app.app_context():
        from portal.auth.models import User
        from portal.clients.models import Assignment
        from portal.supervision.queries import travel_waiting
        officer = db.session.scalar(select(User).where(User.email == "pk.bandung@pokmas.example"))
        count, waiting = travel_waiting(officer)
        assert count == 1 and [n.destination for n in waiting] == ["Kabupaten Garut"]
        assert waiting[0].requested_by.email == "mitra@pokmas.example"
        active = set(db.session.scalars(select(Assignment.id).where(Assignment.status == "active")))
        assert active and set(db.session.scalars(select(PartnerSheet.assignment_id))) == active
        from portal.clients.models import Client
        andi = db.session.scalar(select(Client).where(Client.register_number == "PB.101/BDG/2026"))
        assert sorted((c.kind, c.code or "") for c in db.session.scalars(
            select(Condition).where(Condition.client_id == andi.id))) == [
            ("general", ""), ("special", "stay_in_area"), ("special", "work_or_study")]
        without = db.session.scalars(select(Client.register_number).where(
            Client.officer_id == officer.id, Client.status.in_(("active", "intensive")),
            ~Client.id.in_(select(Condition.client_id)))).all()
        assert without == []  # every client the demo officer supervises has conditions
        ended = db.session.scalars(select(Condition.id).join(Client).where(
            Client.status.not_in(("active", "intensive")))).all()
        assert ended == []  # and none whose supervision has ended
