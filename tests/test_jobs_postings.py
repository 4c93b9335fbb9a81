"""Postings: draft → pending → moderated → published → closed; who sees what."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from sqlalchemy import func, select

from portal.extensions import db
from portal.jobs.models import Opportunity
from portal.partners.models import PartnerOrg

from .support import OFFICE_B, login_client, make_posting, office


def employer(users, app, kind="employer", **kw):
    partner = users.make("partner", **kw)
    with app.app_context():
        db.session.get(PartnerOrg, partner.partner_org_id).kind = kind
        db.session.commit()
    return partner


def posting_data(app, **overrides):
    with app.app_context():
        data = {"kind": "job", "title": "Penjahit konveksi", "sector": "garment",
                "description": "Menjahit seragam sekolah di bengkel kami, lima hari seminggu.",
                "region_id": str(office().region_id), "city": "Bandung",
                "office_ids": [str(office().id)], "places": "2", "requirements": "Bisa menjahit dasar.",
                "hours": "08.00–16.00", "pay": "UMK Kota Bandung", "starts_on": "",
                "closes_on": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
                "contact_method": "PK menghubungi bagian personalia.", "excluded_offences": ["sexual"],
                "submission_key": "posting-1"}
    data.update(overrides)
    return data


def test_create_twice_is_one_draft_then_submit_and_publish(app, users, mailbox):
    partner = employer(users, app)
    supervisor = users.make("supervisor")
    session = login_client(app, partner)
    first = session.post("/mitra/lowongan/baru", data=posting_data(app))
    again = session.post("/mitra/lowongan/baru", data=posting_data(app))
    assert first.headers["Location"] == again.headers["Location"]
    with app.app_context():
        assert db.session.scalar(select(func.count(Opportunity.id))) == 1
        public_id = db.session.scalar(select(Opportunity.public_id))
    officer_session = login_client(app, users.make("officer"))
    assert officer_session.get(f"/lowongan/{public_id}").status_code == 404  # a draft is private
    session.post(f"/mitra/lowongan/{public_id}/ajukan")
    assert mailbox.to(supervisor.email)
    staff = login_client(app, supervisor)
    assert "Penjahit konveksi" in staff.get("/staf/lowongan/").get_data(as_text=True)
    with app.app_context():
        version = db.session.scalar(select(Opportunity.version))
    staff.post(f"/staf/lowongan/{public_id}/terbitkan", data={"version": version})
    assert "Penjahit konveksi" in officer_session.get("/lowongan/").get_data(as_text=True)
    published = mailbox.to(partner.email)
    assert published


@pytest.mark.parametrize("overrides", [
    {"closes_on": "2020-01-01"}, {"office_ids": []}, {"description": "pendek"},
    {"places": "0"}, {"kind": "nope"}, {"title": ""}])
def test_bad_postings_are_refused(app, users, overrides):
    session = login_client(app, employer(users, app))
    response = session.post("/mitra/lowongan/baru", data=posting_data(app, **overrides))
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and 'aria-invalid="true"' in page
    assert "Menjahit seragam sekolah" in page or overrides.get("description")


def test_family_partners_do_not_post(app, users):
    session = login_client(app, employer(users, app, kind="family"))
    assert session.get("/mitra/lowongan/baru").status_code == 403


def test_moderation_only_by_a_supervisor_of_a_covered_bapas(app, users):
    partner = employer(users, app)
    posting = make_posting(app, partner.partner_org_id, status="pending")
    outsider = login_client(app, users.make("supervisor", office_code=OFFICE_B))
    assert outsider.get(f"/lowongan/{posting.public_id}").status_code == 404
    outsider.post(f"/staf/lowongan/{posting.public_id}/terbitkan", data={"version": posting.version})
    head = login_client(app, users.make("head"))
    assert head.post(
        f"/staf/lowongan/{posting.public_id}/terbitkan", data={"version": posting.version}
    ).status_code in (403, 404)
    with app.app_context():
        assert db.session.get(Opportunity, posting.id).status == "pending"


def test_ask_for_changes_needs_a_note_and_returns_a_draft(app, users, mailbox):
    partner = employer(users, app)
    posting = make_posting(app, partner.partner_org_id, status="pending")
    staff = login_client(app, users.make("supervisor"))
    staff.post(f"/staf/lowongan/{posting.public_id}/minta-perbaikan", data={"version": posting.version, "note": ""})
    with app.app_context():
        assert db.session.get(Opportunity, posting.id).status == "pending"
    staff.post(
        f"/staf/lowongan/{posting.public_id}/minta-perbaikan",
        data={"version": posting.version, "note": "Sebutkan upah per bulan."},
    )
    with app.app_context():
        stored = db.session.get(Opportunity, posting.id)
        assert stored.status == "draft" and stored.moderation_note == "Sebutkan upah per bulan."
    assert "Sebutkan upah per bulan." in mailbox.body(mailbox.to(partner.email)[-1])


def test_browse_shows_only_postings_open_to_my_bapas(app, users):
    partner = employer(users, app)
    make_posting(app, partner.partner_org_id, title="Untuk Bandung")
    make_posting(app, partner.partner_org_id, title="Untuk Semarang", office_codes=(OFFICE_B,))
    make_posting(app, partner.partner_org_id, title="Masih draf", status="draft")
    page = login_client(app, users.make("officer")).get("/lowongan/").get_data(as_text=True)
    assert "Untuk Bandung" in page and "Untuk Semarang" not in page and "Masih draf" not in page
    other_partner = login_client(app, users.make("partner"))
    assert "Untuk Bandung" in other_partner.get("/lowongan/").get_data(as_text=True)
    soon = login_client(app, users.make("officer")).get("/lowongan/?soon=y").get_data(as_text=True)
    assert "Untuk Bandung" not in soon


def test_closing_by_date_with_a_frozen_clock(app, users):
    partner = employer(users, app)
    posting = make_posting(app, partner.partner_org_id, closes_on=dt.date(2027, 2, 1))
    with time_machine.travel(dt.datetime(2027, 2, 1, 3, tzinfo=dt.UTC), tick=False):
        assert "0 posting(s) closed" in app.test_cli_runner().invoke(args=["jobs", "daily"]).output
    with time_machine.travel(dt.datetime(2027, 2, 2, 3, tzinfo=dt.UTC), tick=False):
        assert "1 posting(s) closed" in app.test_cli_runner().invoke(args=["jobs", "daily"]).output
        assert "0 posting(s) closed" in app.test_cli_runner().invoke(args=["jobs", "daily"]).output
    with app.app_context():
        stored = db.session.get(Opportunity, posting.id)
        assert stored.status == "closed" and stored.closed_reason == "date"


def test_partner_closes_by_hand(app, users):
    partner = employer(users, app)
    posting = make_posting(app, partner.partner_org_id)
    login_client(app, partner).post(f"/mitra/lowongan/{posting.public_id}/tutup")
    with app.app_context():
        assert db.session.get(Opportunity, posting.id).closed_reason == "by_hand"


def test_public_figures_count_published_postings_by_sector_and_province(app, users):
    partner = employer(users, app)
    make_posting(app, partner.partner_org_id, sector="garment")
    make_posting(app, partner.partner_org_id, sector="garment")
    make_posting(app, partner.partner_org_id, sector="food", status="draft")
    page = app.test_client().get("/angka-mitra?lang=en").get_data(as_text=True)
    section = page.split("Published jobs and training places")[1]
    assert 'Garment and tailoring</td><td class="text-end">2' in section
    assert "Food and hospitality" not in section and "Penjahit" not in section


def test_browse_filters_and_soonest_closing_first(app, users):
    """Issue 5 §2: published opportunities open to my Bapas, soonest closing first, filtered by
    kind, sector, province, city, and "closing within 14 days" (the 14th day included)."""
    partner = employer(users, app)
    from portal.db import today as wib_today
    today = wib_today()  # the portal's day (WIB)
    with app.app_context():
        central_java = office(OFFICE_B).region_id

    def post(title, kind, sector, city, closes_in, status="published", offices=("BAPAS-BDG",)):
        make_posting(app, partner.partner_org_id, title=title, kind=kind, sector=sector, city=city,
                     closes_on=today + dt.timedelta(days=closes_in), status=status,
                     office_codes=offices)

    post("Penjahit Seragam", "job", "garment", "Kota Bandung", 30)
    post("Pelatihan Barista", "training", "food", "Bandung", 15)
    post("Tukang Las", "job", "construction", "Cimahi", 14)
    post("Magang Bengkel", "apprenticeship", "manufacturing", "Semarang", 3,
         offices=(OFFICE_B, "BAPAS-BDG"))
    post("Hanya Semarang", "job", "garment", "Semarang", 5, offices=(OFFICE_B,))
    post("Masih Draf", "job", "garment", "Bandung", 5, status="draft")
    session = login_client(app, users.make("officer"))

    def listed(query=""):
        page = session.get(f"/lowongan/{query}").get_data(as_text=True)
        return re.findall(r'<h2 class="h5"><a href="/lowongan/[^"]+">([^<]+)</a></h2>', page)

    assert listed() == ["Magang Bengkel", "Tukang Las", "Pelatihan Barista", "Penjahit Seragam"]
    assert listed("?kind=training") == ["Pelatihan Barista"]
    assert listed("?sector=construction") == ["Tukang Las"]
    assert listed(f"?region={central_java}") == ["Magang Bengkel"]
    assert listed("?city=BANDUNG") == ["Pelatihan Barista", "Penjahit Seragam"]
    assert listed("?soon=y") == ["Magang Bengkel", "Tukang Las"]
    assert listed("?kind=job&soon=y") == ["Tukang Las"]


@pytest.mark.parametrize("status, readers", [
    # Issue 5 §1: the covered Bapas's supervisor moderates; the head of the Bapas reads what
    # its supervisors moderate; officers and other partners only what is published.
    ("published", {"officer", "supervisor", "head", "own partner", "other partner"}),
    ("pending", {"supervisor", "head", "own partner"}),
    ("closed", {"supervisor", "head", "own partner"}),
    ("rejected", {"supervisor", "head", "own partner"}),
    ("draft", {"own partner"}),
])
def test_who_reads_a_posting_in_each_state(app, users, status, readers):
    own = employer(users, app)
    posting = make_posting(app, own.partner_org_id, status=status)
    people = {"officer": users.make("officer"), "supervisor": users.make("supervisor"),
              "head": users.make("head"), "own partner": own, "other partner": users.make("partner"),
              "supervisor elsewhere": users.make("supervisor", office_code=OFFICE_B)}
    answers = {who: login_client(app, person).get(f"/lowongan/{posting.public_id}").status_code
               for who, person in people.items()}
    assert answers == {who: 200 if who in readers else 404 for who in people}


def test_a_partner_lists_its_own_postings_newest_first_with_zero_figures(app, users):
    partner = employer(users, app)
    make_posting(app, users.make("partner").partner_org_id, title="Milik Mitra Lain")
    for title in ("Lowongan Pertama", "Lowongan Kedua", "Lowongan Ketiga"):
        make_posting(app, partner.partner_org_id, title=title, status="draft")
    page = login_client(app, partner).get("/mitra/lowongan/?lang=en").get_data(as_text=True)
    assert re.findall(r'<td><a href="/lowongan/[^"]+">([^<]+)</a></td>', page) == [
        "Lowongan Ketiga", "Lowongan Kedua", "Lowongan Pertama"]
    assert re.findall(r'<p class="display-6 mb-0">(\d+)</p><p class="mb-0">([^<]+)</p>', page) == [
        ("0", "published postings"), ("0", "candidates waiting for your answer"),
        ("0", "active placements")]
