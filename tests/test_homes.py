"""Each role's work home lists exactly what issue 11 point 1 names, against fixtures computed by
hand: the day is Wednesday 18 November 2026 in Bandung."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from portal.clients.models import Assignment
from portal.db import utcnow
from portal.extensions import db
from portal.jobs.models import Opportunity, Referral
from portal.offices.models import Office

from .homes_world import add_case, add_check_in, add_client, add_observation, add_summons, at_wib, listed, user_with
from .support import OFFICE_B, PASSWORD, login_client, make_posting, office

DAY = dt.date(2026, 11, 18)
NOW = at_wib(DAY)
NOVEMBER = dt.date(2026, 11, 1)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def caseload(app, users, orgs, frozen):
    """PK A's three clients and PK B's one, with check-ins, observations, cases and a summons."""
    pk_a, pk_b = user_with(app, users, "officer", name="PK Ahmad"), user_with(app, users, "officer", name="PK Bunga")
    partner = users.make("partner")
    with app.app_context():
        ayu = add_client("Ayu Dua Sembilan", pk_a, ends_on=DAY + dt.timedelta(days=29))
        bima = add_client("Bima Tiga Satu", pk_a, ends_on=DAY + dt.timedelta(days=31))
        citra = add_client("Citra Intensif", pk_a, status="intensive", risk="high")
        dewi = add_client("Dewi Milik PK Lain", pk_b, ends_on=DAY + dt.timedelta(days=10))
        add_client("Eko Sudah Selesai", pk_a, status="completed", ends_on=DAY + dt.timedelta(days=5))
        add_check_in(ayu, NOVEMBER, "attended")
        add_check_in(bima, NOVEMBER, "missed")
        add_check_in(dewi, NOVEMBER, "attended")
        assignment = Assignment(client_id=ayu.id, partner_org_id=partner.partner_org_id, relationship_kind="employer",
                                starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2027, 12, 31), status="active")
        db.session.add(assignment)
        db.session.flush()
        add_observation(ayu, assignment, partner, at_wib(dt.date(2026, 11, 16)))
        add_observation(ayu, assignment, partner, at_wib(dt.date(2026, 11, 10)))
        add_observation(ayu, assignment, partner, at_wib(dt.date(2026, 11, 9)), status="acknowledged",
                        acknowledged_at=at_wib(dt.date(2026, 11, 11)), reply="Terima kasih.")
        open_case = add_case(bima, pk_a, due_on=dt.date(2026, 12, 1))
        late_case = add_case(citra, pk_a, due_on=dt.date(2026, 11, 16), status="examination")
        add_case(ayu, pk_a, status="not_pursued")
        add_case(dewi, pk_b)
        add_summons(open_case, dt.date(2026, 11, 10))
        add_summons(late_case, dt.date(2026, 11, 25))
        posting = Opportunity(partner_org_id=partner.partner_org_id, kind="job", title="Tukang las", sector="trade",
                              description="<p>Las.</p>", region_id=office().region_id, city="Bandung",
                              closes_on=dt.date(2026, 12, 30), contact_method="Telepon.", status="published")
        db.session.add(posting)
        db.session.flush()
        db.session.add_all([
            Referral(opportunity_id=posting.id, client_id=citra.id, office_id=citra.office_id, officer_id=pk_a.id,
                     consent_on=DAY, consent_method="in_person", summary="Siap kerja.", status="interview",
                     code="RJK-INTERVIEW"),
            Referral(opportunity_id=posting.id, client_id=bima.id, office_id=bima.office_id, officer_id=pk_a.id,
                     consent_on=DAY, consent_method="in_person", summary="Siap kerja.", status="proposed",
                     code="RJK-PROPOSED")])
        db.session.commit()
    return pk_a, pk_b


def _home(app, user) -> str:
    response = login_client(app, user).get("/beranda/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_pk_home_lists_their_own_caseload(app, caseload):
    html = _home(app, caseload[0])
    assert listed(html, "clients") == (3, ["Citra Intensif", "Ayu Dua Sembilan", "Bima Tiga Satu"])
    assert listed(html, "check_ins") == (2, ["Bima Tiga Satu", "Citra Intensif"])
    assert listed(html, "observations") == (2, ["Ayu Dua Sembilan", "Ayu Dua Sembilan"])
    assert "10 Nov 2026" in html.split('id="observations"')[1].split("</li>")[0]  # the oldest first
    count, cases = listed(html, "cases")
    assert count == 2 and [c.split(" · ")[1] for c in cases] == ["Citra Intensif", "Bima Tiga Satu"]
    assert listed(html, "referrals") == (1, ["RJK-INTERVIEW · Citra Intensif"])
    assert listed(html, "summonses") == (1, ["Bima Tiga Satu"])
    assert listed(html, "ending") == (1, ["Ayu Dua Sembilan"])  # 29 days yes, 31 days no
    assert 'id="workload"' not in html and 'id="escalated"' not in html


def test_each_count_links_to_the_filtered_list(app, caseload):
    pk_a = caseload[0]
    html = _home(app, pk_a)
    for link in (f'/staf/klien/?officer={pk_a.id}"', f"/staf/klien/?checkin=due&amp;officer={pk_a.id}",
                 f"/staf/klien/?ending=30&amp;officer={pk_a.id}", "/staf/pengamatan/?status=submitted",
                 f"/staf/pengaduan/?officer={pk_a.id}", f"/staf/pengaduan/?summons=y&amp;officer={pk_a.id}"):
        assert link in html, link
    session = login_client(app, pk_a)
    ending = session.get(f"/staf/klien/?ending=30&officer={pk_a.id}").get_data(as_text=True)
    assert "Ayu Dua Sembilan" in ending and "Bima Tiga Satu" not in ending
    due = session.get(f"/staf/klien/?checkin=due&officer={pk_a.id}").get_data(as_text=True)
    assert "Bima Tiga Satu" in due and "Citra Intensif" in due and "Ayu Dua Sembilan" not in due


def test_the_kasi_home_holds_the_same_lists_for_the_whole_bapas(app, users, caseload):
    html = _home(app, users.make("supervisor"))
    assert listed(html, "clients")[0] == 4
    assert listed(html, "ending") == (2, ["Dewi Milik PK Lain", "Ayu Dua Sembilan"])
    assert listed(html, "cases")[0] == 3
    assert html.count("Alihkan ke PK lain") >= 4  # clients and cases offer the handing over


def test_the_kasi_workload_table_counts_per_pk(app, users, caseload):
    pk_a, pk_b = caseload
    html = _home(app, users.make("supervisor"))
    table = html.split('id="workload"')[1].split("</table>")[0]
    rows = [r for r in table.split("<tr>")[2:]]
    # PK Ahmad: 3 under supervision, 1 intensive, 2 observations waiting, 2 open cases, overdue:
    # the examination case due 16 Nov, and both routine observations (Tuesday 10 Nov, and Monday
    # 16 Nov, whose 2 working days are Tuesday and today); no visits made this month.
    assert "PK Ahmad" in rows[0] and _numbers(rows[0]) == [3, 1, 2, 2, 3, 0]
    assert "PK Bunga" in rows[1] and _numbers(rows[1]) == [1, 0, 0, 1, 0, 0]
    assert f"/staf/klien/?officer={pk_a.id}&amp;status=intensive" in table


def _numbers(row: str) -> list[int]:
    import re
    return [int(n) for n in re.findall(r'<td class="text-end">(?:<a [^>]*>)?(\d+)', row)]


def test_the_kepala_home(app, users, orgs, frozen):
    head = users.make("head")
    officer = users.make("officer")
    orgs.make("vetted", name="Yayasan Siap PKS")
    orgs.make("active", name="Koperasi Lima Sembilan", pks_valid_until=DAY + dt.timedelta(days=59))
    orgs.make("active", name="Koperasi Enam Satu", pks_valid_until=DAY + dt.timedelta(days=61))
    with app.app_context():
        october = add_client("Klien Oktober", officer, supervision_start_on=dt.date(2026, 10, 5))
        add_client("Klien November 1", officer, supervision_start_on=dt.date(2026, 11, 2))
        add_client("Klien November 2", officer, supervision_start_on=dt.date(2026, 11, 3))
        add_case(october, officer, status="tpp_hearing")
        add_case(october, officer, status="in_review")
        db.session.commit()
    html = _home(app, head)
    count, lines = listed(html, "decisions")
    assert count == 1 and lines[0].endswith("Klien Oktober")
    assert listed(html, "to_sign") == (1, ["Yayasan Siap PKS"])
    assert listed(html, "pks_expiring") == (1, ["Koperasi Lima Sembilan"])
    figures = html.split('id="figures-h"')[1].split("</table>")[0]
    assert "Bimbingan dimulai</th><td class=\"text-end\">2</td><td class=\"text-end\">1</td>" in figures
    assert "Pengaduan pencabutan diterima</th><td class=\"text-end\">2</td><td class=\"text-end\">0</td>" in figures


def test_the_kanwil_home_counts_per_bapas_of_its_province_only(app, users, frozen):
    regional = users.make("regional")  # Jawa Barat
    with app.app_context():
        bandung, bogor, semarang = (office(c).id for c in ("BAPAS-BDG", "BAPAS-BGR", OFFICE_B))
        for office_id, status in ((bandung, "proposed"), (bandung, "proposed"), (bogor, "proposed"),
                                  (semarang, "proposed"), (bogor, "forwarded")):
            add_case(None, None, status=status, office_id=office_id)
        late = add_case(None, None, status="in_review", office_id=bogor, due_on=dt.date(2026, 11, 17)).reference
        db.session.commit()
        names = {i: db.session.get(Office, i).name for i in (bandung, bogor)}
    html = _home(app, regional)
    count, lines = listed(html, "proposals")
    assert count == 3 and lines == [names[bandung], names[bogor]]
    assert listed(html, "forwarded")[0] == 1
    assert listed(html, "overdue") == (1, [names[bogor]])
    assert late not in html  # counts only: the case itself stays with the Bapas


def test_the_partner_home(app, users, clients, frozen):
    partner = users.make("partner")
    officer = users.make("officer")
    quiet = clients.make(officer=officer, full_name="Klien Tenang")
    busy = clients.make(officer=officer, full_name="Klien Ada Balasan", nik="3273010101010001")
    for c in (quiet, busy):
        clients.assign(c, partner.partner_org_id, starts_on=dt.date(2026, 6, 1))
    make_posting(app, partner.partner_org_id, title="Lowongan Draf", status="draft")
    make_posting(app, partner.partner_org_id, title="Lowongan Tutup", status="closed")
    with app.app_context():
        assignment = db.session.query(Assignment).filter_by(client_id=busy.id).one()
        from portal.clients.models import Client
        add_observation(db.session.get(Client, busy.id), assignment, partner, at_wib(dt.date(2026, 11, 12)),
                        status="acknowledged", acknowledged_at=at_wib(dt.date(2026, 11, 13)), reply="Baik.")
        db.session.commit()
    html = _home(app, partner)
    assert listed(html, "partner_clients") == (2, ["Klien Ada Balasan", "Klien Tenang"])
    assert listed(html, "replies") == (1, ["Klien Ada Balasan"])
    assert listed(html, "postings") == (1, ["Lowongan Draf"])
    assert listed(html, "pks")[0] == 1
    assert "3273010101010001" not in html


def test_the_admin_home(app, users, frozen):
    admin = users.make("admin")
    user_with(app, users, "officer", email="belum.sandi@test.example", password_hash=None)
    users.make("officer", email="terkunci@test.example", locked_until=utcnow() + dt.timedelta(minutes=10))
    users.make("officer", email="sudah.buka@test.example", locked_until=utcnow() - dt.timedelta(minutes=1))
    html = _home(app, admin)
    assert listed(html, "enrolment") == (1, ["belum.sandi@test.example"])
    assert listed(html, "locked") == (1, ["terkunci@test.example"])
    with app.app_context():
        missing = db.session.query(Office).filter(Office.active.is_(True), Office.address.is_(None)).count()
    assert listed(html, "offices")[0] >= missing > 0
    users_page = login_client(app, admin).get("/admin/pengguna?status=locked").get_data(as_text=True)
    assert "terkunci@test.example" in users_page and "sudah.buka@test.example" not in users_page


@pytest.mark.parametrize("role", ["officer", "supervisor", "head", "regional", "partner", "admin"])
def test_every_role_lands_on_its_home_after_signing_in(app, users, role):
    user = users.make(role, totp=False) if role not in ("head", "regional", "admin") else users.make(role)
    browser = app.test_client()
    response = browser.post("/masuk", data={"email": user.email, "password": PASSWORD})
    if user.totp_secret:
        from .support import totp_now
        assert response.headers["Location"].startswith("/masuk/kode")
        response = browser.post("/masuk/kode", data={"code": totp_now(user)})
    assert response.status_code == 302 and response.headers["Location"] == "/beranda/"
    page = browser.get("/beranda/").get_data(as_text=True)
    menu = page.split('aria-label="Menu utama"')[1].split("</ul>")[0]
    assert menu.index("Beranda") < min(menu.index(w) for w in ("Akun saya", "Notifikasi"))




@pytest.mark.parametrize("url", ["/staf/klien/?ending=abc&checkin=zzz&officer=x",
                                 "/staf/pengamatan/?status=nope&late=maybe"])
def test_filters_behind_the_counts_answer_bad_values_without_an_error(app, users, url):
    assert login_client(app, users.make("supervisor")).get(url).status_code == 200


def test_the_admin_filters_answer_bad_values_without_an_error(app, users):
    assert login_client(app, users.make("admin")).get("/admin/pengguna?status=nope").status_code == 200
