"""Referrals: consent, eligibility, disclosure, placement → assignment (what a partner never
sees of a candidate: test_promises_confidentiality.py)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from portal.clients.models import Assignment
from portal.extensions import db
from portal.jobs.models import Opportunity, Referral
from portal.notifications import Notification
from portal.partners.models import PartnerOrg

from .support import OFFICE_B, login_client, make_posting, t

TODAY = dt.date.today()


@pytest.fixture
def world(app, users, clients):
    officer = users.make("officer")
    partner = users.make("partner")
    with app.app_context():
        db.session.get(PartnerOrg, partner.partner_org_id).kind = "employer"
        db.session.commit()
    client = clients.make(officer=officer, full_name="Hendra Wirawan", offence_category="theft")
    posting = make_posting(app, partner.partner_org_id, excluded_offences=["sexual"])
    return officer, partner, client, posting


def refer(app, officer, client, posting, **overrides):
    data = {"opportunity": posting.public_id, "consent_on": TODAY.isoformat(),
            "consent_method": "in_person", "disclosure": "after", "consent_assignment": "y",
            "summary": "Terampil menjahit, pernah bekerja di konveksi dua tahun, siap bekerja pagi.",
            "submission_key": "ref-1"}
    data.update(overrides)
    return login_client(app, officer).post(f"/staf/klien/{client.public_id}/rujuk", data=data)


def code_of(app):
    with app.app_context():
        return db.session.scalar(select(Referral.code))


def test_excluded_offence_is_not_eligible_without_saying_why(app, users, clients, world):
    officer, partner, _, posting = world
    excluded = clients.make(officer=officer, offence_category="sexual")
    page = login_client(app, officer).get(f"/staf/klien/{excluded.public_id}/rujuk").get_data(as_text=True)
    assert "Tidak memenuhi syarat" in page or "Not eligible" in page
    assert "sexual" not in page.lower().split("<main")[1] and "seksual" not in page.lower()
    response = refer(app, officer, excluded, posting)
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Referral)) is None


def test_consent_is_required(app, world):
    officer, _, client, posting = world
    response = refer(app, officer, client, posting, consent_on="")
    assert response.status_code == 200 and 'aria-invalid="true"' in response.get_data(as_text=True)
    future = refer(app, officer, client, posting, consent_on=(TODAY + dt.timedelta(days=2)).isoformat())
    assert future.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(Referral)) is None


def test_same_referral_form_twice_is_one(app, world):
    officer, _, client, posting = world
    refer(app, officer, client, posting)
    refer(app, officer, client, posting)
    with app.app_context():
        assert len(db.session.scalars(select(Referral)).all()) == 1


def test_disclosure_now_names_the_client_at_once(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now")
    page = login_client(app, partner).get(f"/mitra/kandidat/{code_of(app)}").get_data(as_text=True)
    assert client.full_name in page


def _answer(app, partner, code, answer, **data):
    with app.app_context():
        version = db.session.scalar(select(Referral.version).where(Referral.code == code))
    return login_client(app, partner).post(f"/mitra/kandidat/{code}/{answer}", data={"version": version, **data})


def test_placement_creates_an_assignment_and_fills_the_places(app, world, users, clients):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now")
    code = code_of(app)
    _answer(app, partner, code, "undang", on=TODAY.isoformat())
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    with app.app_context():
        referral = db.session.scalar(select(Referral))
        assert referral.status == "placed"
        assignment = db.session.get(Assignment, referral.assignment_id)
        assert assignment.status == "active" and assignment.partner_org_id == partner.partner_org_id
        kinds = db.session.scalars(select(Notification.kind).where(Notification.user_id == officer.id)).all()
        assert kinds.count("referral_update") == 2
    partner_session = login_client(app, partner)
    assert client.full_name in partner_session.get("/mitra/klien/").get_data(as_text=True)
    assert partner_session.post(f"/mitra/klien/{client.public_id}/pengamatan", data={
        "observed_on": TODAY.isoformat(), "category": "progress", "submission_key": "o1",
        "narrative": "Hari pertama bekerja berjalan baik dan tepat waktu."}).status_code == 302
    # a second placement fills the two places and closes the posting
    second = clients.make(officer=officer)
    refer(app, officer, second, posting, disclosure="now", submission_key="ref-2")
    with app.app_context():
        code2 = db.session.scalar(select(Referral.code).where(Referral.client_id == second.id))
    _answer(app, partner, code2, "tawarkan")
    _answer(app, partner, code2, "mulai", on=TODAY.isoformat())
    with app.app_context():
        stored = db.session.get(Opportunity, posting.id)
        assert stored.status == "closed" and stored.closed_reason == "filled"
    _answer(app, partner, code, "selesai", on=TODAY.isoformat())
    with app.app_context():
        referral = db.session.scalar(select(Referral).where(Referral.code == code))
        assert referral.status == "completed"
        assert db.session.get(Assignment, referral.assignment_id).status == "ended"


def test_placement_waits_for_disclosure(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting)
    code = code_of(app)
    _answer(app, partner, code, "tawarkan")
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "offered"


def test_no_assignment_without_the_clients_consent(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now", consent_assignment="")
    code = code_of(app)
    _answer(app, partner, code, "tawarkan")
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    with app.app_context():
        assert db.session.scalar(select(Referral.assignment_id)) is None
    assert login_client(app, partner).get(f"/mitra/klien/{client.public_id}").status_code == 404


def test_decline_needs_a_reason_and_officer_can_withdraw(app, world, users):
    officer, partner, client, posting = world
    refer(app, officer, client, posting)
    code = code_of(app)
    _answer(app, partner, code, "tolak", reason="")
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "proposed"
    login_client(app, officer).post(f"/staf/rujukan/{code}/tarik")
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "withdrawn"
    _answer(app, partner, code, "undang", on=TODAY.isoformat())
    with app.app_context():
        assert db.session.scalar(select(Referral.status)) == "withdrawn"


def test_other_partners_and_other_bapas_see_nothing(app, world, users):
    officer, partner, client, posting = world
    refer(app, officer, client, posting)
    code = code_of(app)
    assert login_client(app, users.make("partner")).get(f"/mitra/kandidat/{code}").status_code == 404
    outsider = login_client(app, users.make("officer", office_code=OFFICE_B))
    assert outsider.get(f"/staf/rujukan/{code}").status_code == 404
    assert login_client(app, users.make("officer")).get(f"/staf/rujukan/{code}").status_code == 200


def test_staff_and_partner_figures(app, world):
    officer, partner, client, posting = world
    refer(app, officer, client, posting, disclosure="now")
    code = code_of(app)
    own = login_client(app, partner).get("/mitra/lowongan/").get_data(as_text=True)
    assert '<p class="display-6 mb-0">1</p><p class="mb-0">' in own  # one published, one waiting
    _answer(app, partner, code, "tawarkan")
    _answer(app, partner, code, "mulai", on=TODAY.isoformat())
    staff = login_client(app, officer).get("/staf/lowongan/").get_data(as_text=True)
    assert '<p class="display-6 mb-0">1</p>' in staff


def _stored_referral(app, posting, client, status, started_on=None):
    """A referral put straight into the database (figures count what is stored)."""
    with app.app_context():
        db.session.add(Referral(opportunity_id=posting.id, client_id=client.id,
                                office_id=client.office_id, officer_id=client.officer_id,
                                consent_on=TODAY, consent_method="in_person", summary="Siap bekerja.",
                                status=status, placement_started_on=started_on))
        db.session.commit()


def test_the_figures_count_what_each_side_may_count(app, users, clients, orgs):
    """Staff of Bapas Bandung: referrals of their Bapas by status, placements started since the
    first of this month, and partners with published places open to their Bapas that are not
    yet taken (a place is taken by a placed or completed candidate, from any Bapas). A partner:
    its own published postings, candidates waiting for its answer, placements under way."""
    from portal.db import today as wib_today
    today = wib_today()  # the portal's day (WIB)
    month_start = today.replace(day=1)
    officer, partner = users.make("officer"), users.make("partner")
    here = [clients.make(officer=officer) for _ in range(9)]
    there = [clients.make(office_code=OFFICE_B) for _ in range(2)]
    own, p2, p3, p4 = partner.partner_org_id, orgs.make("active").id, orgs.make("active").id, \
        orgs.make("active").id

    def posting(org_id, places, status="published", offices=("BAPAS-BDG",)):
        return make_posting(app, org_id, status=status, places=places, office_codes=offices)

    x, y = posting(own, 3), posting(own, 1)
    posting(own, 4, status="draft")
    posting(own, 2, status="closed")
    z, w, t = posting(p2, 2), posting(p3, 1), posting(p4, 1)
    posting(p2, 5, status="closed")
    posting(p2, 4, offices=(OFFICE_B,))
    other = make_posting(app, p2, places=1, office_codes=("BAPAS-BDG", OFFICE_B))
    _stored_referral(app, x, here[0], "placed", started_on=month_start)
    _stored_referral(app, x, here[1], "completed", started_on=month_start - dt.timedelta(days=1))
    _stored_referral(app, x, here[2], "proposed")
    _stored_referral(app, y, here[3], "placed", started_on=today)
    _stored_referral(app, z, here[4], "declined")
    _stored_referral(app, z, there[0], "placed", started_on=today)   # Semarang's placement
    _stored_referral(app, w, here[5], "placed", started_on=month_start - dt.timedelta(days=40))
    _stored_referral(app, w, here[6], "placed", started_on=month_start - dt.timedelta(days=40))
    _stored_referral(app, t, here[7], "completed", started_on=month_start - dt.timedelta(days=40))
    _stored_referral(app, other, here[8], "proposed")
    _stored_referral(app, other, there[1], "proposed")
    # Free places open to Bandung: own 3-2 + 1-1 = 1; p2 2-1 + 1 = 2; p3 1-2 → none; p4 1-1 = 0.

    staff = login_client(app, officer).get("/staf/lowongan/?lang=en").get_data(as_text=True)
    big = re.findall(r'<p class="display-6 mb-0">(\d+)</p><p class="mb-0">([^<]+)</p>', staff)
    assert big == [("2", "placements started this month"),
                   ("2", "partners with open places (3 places)")]
    by_status = staff.split("Referrals by status")[1].split("</ul>")[0]
    assert sorted(re.findall(r"<li>([^<:]+): (\d+)</li>", by_status)) == [
        ("Completed", "2"), ("Declined", "1"), ("Placement under way", "4"),
        ("Waiting for the partner", "2")]

    mine = login_client(app, partner).get("/mitra/lowongan/?lang=en").get_data(as_text=True)
    assert re.findall(r'<p class="display-6 mb-0">(\d+)</p><p class="mb-0">([^<]+)</p>', mine) == [
        ("2", "published postings"), ("1", "candidates waiting for your answer"),
        ("2", "active placements")]


def test_a_new_candidate_is_told_to_every_active_member_of_the_partner(app, world, users, mailbox):
    """A referral reaches the people of the partner who handle candidates: all its active
    members (not only the admin), never a deactivated member or another organisation."""
    officer, partner, client, posting = world
    member = users.make("partner", partner_org_id=partner.partner_org_id)
    gone = users.make("partner", partner_org_id=partner.partner_org_id, active=False)
    stranger = users.make("partner")
    mailbox.flush()
    assert refer(app, officer, client, posting).status_code == 302
    mailed = {message["To"] for message in mailbox.flush()}
    assert {partner.email, member.email} <= mailed
    assert not {gone.email, stranger.email} & mailed


def test_the_candidates_csv_lists_ours_newest_first_named_only_once_released(app, users, clients):
    """Issue 5 §4: the partner's own candidates, newest first, each with the referring Bapas;
    the client's name only after the officer released it; another partner's candidates never."""
    import csv
    import io

    from portal.db import utcnow
    partner, other = users.make("partner"), users.make("partner")
    first = make_posting(app, partner.partner_org_id, title="Penjahit", office_codes=("BAPAS-BDG", OFFICE_B))
    second = make_posting(app, partner.partner_org_id, title="Barista", office_codes=("BAPAS-BDG", OFFICE_B))
    theirs = make_posting(app, other.partner_org_id, title="Lain")
    bandung = clients.make(full_name="Rudi Bandung")
    semarang = clients.make(office_code=OFFICE_B, full_name="Sari Semarang")
    codes = []
    for posting, record, status, disclosed in ((first, bandung, "proposed", False),
                                               (second, semarang, "interview", True),
                                               (theirs, bandung, "proposed", True)):
        with app.app_context():
            referral = Referral(opportunity_id=posting.id, client_id=record.id, office_id=record.office_id,
                                consent_on=TODAY, consent_method="in_person", summary="Siap bekerja.",
                                status=status, disclosed_at=utcnow() if disclosed else None)
            db.session.add(referral)
            db.session.commit()
            codes.append(referral.code)
    response = login_client(app, partner).get("/mitra/kandidat.csv")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    # headers and statuses in the partner's language (issue 10 §5), never a code
    assert rows[0] == ["Kode kandidat", "Peluang", "Status", "Nama (setelah dibuka)", "Bapas",
                       "Tanggal wawancara", "Penempatan dimulai", "Penempatan berakhir"]
    assert [row[:5] for row in rows[1:]] == [
        [codes[1], "Barista", t(app, "Invited to an interview", context="referral status"),
         "Sari Semarang", "Balai Pemasyarakatan Kelas I Semarang"],
        [codes[0], "Penjahit", t(app, "Waiting for the partner", context="referral status"), "",
         "Balai Pemasyarakatan Kelas I Bandung"]]


def test_the_staff_jobs_page_lists_the_bapas_referrals_own_clients_first_and_its_moderation(app, users, clients):
    """DESIGN §2: an officer sees their Bapas, "clients assigned to them first"; the referrals
    of the Bapas, newest first after that; another Bapas's never. Waiting for moderation: the
    pending postings open to this Bapas, the one waiting longest first."""
    from portal.db import utcnow
    officer, colleague = users.make("officer"), users.make("officer")
    mine, theirs = clients.make(officer=officer), clients.make(officer=colleague)
    elsewhere = clients.make(office_code=OFFICE_B)
    partner = users.make("partner")
    posting = make_posting(app, partner.partner_org_id, office_codes=("BAPAS-BDG", OFFICE_B))
    codes = {}
    for key, record in (("mine_old", mine), ("theirs", theirs), ("mine_new", mine),
                        ("elsewhere", elsewhere)):
        with app.app_context():
            referral = Referral(opportunity_id=posting.id, client_id=record.id, office_id=record.office_id,
                                consent_on=TODAY, consent_method="in_person", summary="Siap bekerja.")
            db.session.add(referral)
            db.session.commit()
            codes[key] = referral.code
    now = utcnow()
    for title, status, offices, minutes_ago in (("Menunggu Sebentar", "pending", ("BAPAS-BDG",), 5),
                                                ("Menunggu Lama", "pending", (OFFICE_B, "BAPAS-BDG"), 90),
                                                ("Hanya Semarang", "pending", (OFFICE_B,), 120),
                                                ("Sudah Terbit", "published", ("BAPAS-BDG",), 200),
                                                ("Masih Draf", "draft", ("BAPAS-BDG",), 300)):
        made = make_posting(app, partner.partner_org_id, title=title, status=status, office_codes=offices)
        with app.app_context():
            db.session.execute(db.update(Opportunity).where(Opportunity.id == made.id)
                               .values(updated_at=now - dt.timedelta(minutes=minutes_ago)))
            db.session.commit()

    def shown(who):
        page = login_client(app, who).get("/staf/lowongan/").get_data(as_text=True)
        waiting = page.split('id="mod-h"')[1].split("</section>")[0]
        return (re.findall(r'<a href="/staf/rujukan/([^"]+)">', page),
                re.findall(r'<a href="/lowongan/[^"]+">([^<]+)</a>', waiting))

    referrals, waiting = shown(officer)
    assert referrals == [codes["mine_new"], codes["mine_old"], codes["theirs"]]
    assert waiting == ["Menunggu Lama", "Menunggu Sebentar"]
    referrals, waiting = shown(users.make("supervisor"))
    assert referrals == [codes["mine_new"], codes["theirs"], codes["mine_old"]]
    assert waiting == ["Menunggu Lama", "Menunggu Sebentar"]


def test_a_bapas_without_referrals_shows_zero_figures(app, users):
    page = login_client(app, users.make("officer")).get("/staf/lowongan/?lang=en").get_data(as_text=True)
    assert re.findall(r'<p class="display-6 mb-0">(\d+)</p><p class="mb-0">([^<]+)</p>', page) == [
        ("0", "placements started this month"), ("0", "partners with open places (0 places)")]
    assert "<li>None yet</li>" in page.split("Referrals by status")[1]


def test_the_candidates_csv_costs_the_same_queries_with_2_and_6_released_candidates(make_app):
    """DESIGN §7: a bounded number of queries whatever the rows (the released name of each
    candidate was loaded one query per row)."""
    from sqlalchemy import event

    from portal.db import utcnow

    from .support import ClientFactory, UserFactory
    counts = []
    for n in (2, 6):
        app = make_app()
        partner = UserFactory(app).make("partner")
        posting = make_posting(app, partner.partner_org_id, title="Penjahit")
        for i in range(n):
            record = ClientFactory(app).make(full_name=f"Klien {i}", register_number=f"R-{n}-{i}")
            with app.app_context():
                db.session.add(Referral(opportunity_id=posting.id, client_id=record.id,
                                        office_id=record.office_id, consent_on=TODAY,
                                        consent_method="in_person", summary="Siap bekerja.",
                                        status="interview", disclosed_at=utcnow()))
                db.session.commit()
        session = login_client(app, partner)
        seen = []
        with app.app_context():
            listener = lambda *a, seen=seen, **k: seen.append(a[2])  # noqa: E731
            event.listen(db.engine, "before_cursor_execute", listener)
            try:
                response = session.get("/mitra/kandidat.csv")
            finally:
                event.remove(db.engine, "before_cursor_execute", listener)
        assert response.status_code == 200 and f"Klien {n - 1}" in response.get_data(as_text=True)
        counts.append(len(seen))
    assert counts[0] == counts[1], counts
