"""Lists keep a stable order when rows tie on their sort key (issue 9 point 4). On SQLite ties
come out in id order anyway; on PostgreSQL they follow the heap, so each test first rewrites
the earliest rows (an UPDATE of an indexed column, away and back): PostgreSQL then stores and
indexes them after the others, and only the query's tie-breaker keeps the expected order."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from portal.extensions import db

from .support import login_client, make_complaint, make_posting

TIE = dt.date(2026, 12, 30)


def _rewrite(model, ids, column: str, away, back) -> None:
    """UPDATE `column` of these rows to `away`, then back to `back`."""
    for value in (away, back):
        db.session.execute(update(model).where(model.id.in_(ids)).values({column: value}))
    db.session.commit()


def _in_page_order(page: str, marks) -> list[str]:
    """The marks (references, public ids, names) that the page shows, in its order."""
    return sorted((m for m in marks if m in page), key=page.index)


def test_the_register_lists_clients_of_the_same_name_in_the_order_they_were_registered(app, users, clients):
    from portal.clients.models import Client
    made = [clients.make(full_name="Budi Santoso", register_number=f"PB.{n}/TIE/2026") for n in (1, 2, 3)]
    with app.app_context():
        _rewrite(Client, [made[0].id, made[1].id], "consecutive_misses", 1, 0)
    page = login_client(app, users.make("supervisor")).get("/staf/klien/").get_data(as_text=True)
    assert _in_page_order(page, [c.public_id for c in made]) == [c.public_id for c in made]


def test_the_complaint_queue_lists_cases_due_the_same_day_in_the_order_they_came(app, users):
    from portal.complaints.models import Complaint
    made = [make_complaint(app, due_on=TIE) for _ in range(3)]
    with app.app_context():
        _rewrite(Complaint, [made[0].id, made[1].id], "status", "in_review", "submitted")
    page = login_client(app, users.make("supervisor")).get("/staf/pengaduan/").get_data(as_text=True)
    assert _in_page_order(page, [c.reference for c in made]) == [c.reference for c in made]


def test_the_job_board_lists_postings_closing_the_same_day_in_the_order_they_were_posted(app, users):
    from portal.jobs.models import Opportunity
    partner = users.make("partner")
    made = [make_posting(app, partner.partner_org_id, title=f"Lowongan Seri {n}", closes_on=TIE)
            for n in (1, 2, 3)]
    with app.app_context():
        _rewrite(Opportunity, [made[0].id, made[1].id], "closes_on", TIE + dt.timedelta(days=1), TIE)
    page = login_client(app, users.make("officer")).get("/lowongan/").get_data(as_text=True)
    assert _in_page_order(page, ["Lowongan Seri 1", "Lowongan Seri 2", "Lowongan Seri 3"]) == [
        "Lowongan Seri 1", "Lowongan Seri 2", "Lowongan Seri 3"]


def test_the_observation_inbox_lists_observations_sent_at_the_same_instant_in_their_order(app, users, clients):
    from portal.db import utcnow
    from portal.observations.models import Observation
    partner = users.make("partner")
    record = clients.make()
    assignment = clients.assign(record, partner.partner_org_id)
    at = utcnow().replace(microsecond=0)
    with app.app_context():
        made = []
        for day in (1, 2, 3):
            observation = Observation(client_id=record.id, office_id=record.office_id,
                                      assignment_id=assignment.id, partner_org_id=partner.partner_org_id,
                                      author_id=partner.id, observed_on=dt.date(2026, 5, day),
                                      category="routine", narrative="<p>Baik.</p>", created_at=at)
            db.session.add(observation)
            db.session.flush()
            made.append((observation.id, observation.public_id))
        db.session.commit()
        _rewrite(Observation, [made[0][0], made[1][0]], "status", "read", "submitted")
    page = login_client(app, users.make("supervisor")).get("/staf/pengamatan/").get_data(as_text=True)
    assert _in_page_order(page, [p for _, p in made]) == [p for _, p in made]


def test_the_proposals_to_a_partner_come_in_the_order_the_bapas_made_them(app, users, clients):
    from portal.clients.models import Assignment
    partner = users.make("partner")
    names = ["Klien Usulan Satu", "Klien Usulan Dua", "Klien Usulan Tiga"]
    made = [clients.assign(clients.make(full_name=name), partner.partner_org_id, status="proposed")
            for name in names]
    with app.app_context():
        _rewrite(Assignment, [made[0].id, made[1].id], "status", "active", "proposed")
    page = login_client(app, partner).get("/mitra/klien/penugasan").get_data(as_text=True)
    assert _in_page_order(page, names) == names


def test_who_gets_told_comes_in_the_order_the_accounts_were_made(app, users):
    """The recipients of a notification (Bapas staff, the province's Kanwil, a partner's
    members): the same people in the order their accounts were made."""
    from portal.auth.models import User
    from portal.auth.queries import active_regional, active_staff, org_members
    staff = [users.make(role) for role in ("supervisor", "head", "supervisor")]
    regional = [users.make("regional") for _ in range(3)]
    partner = users.make("partner")
    members = [partner] + [users.make("partner", partner_org_id=partner.partner_org_id) for _ in range(2)]
    with app.app_context():
        for user in staff[:2] + regional[:2] + members[:2]:
            _rewrite(User, [user.id], "role", "officer" if user.role != "officer" else "admin", user.role)
        office_id, region_id = staff[0].office_id, regional[0].region_id
        ids = {u.id for u in staff + regional + members}
        assert [u.id for u in active_staff(office_id, ("supervisor", "head")) if u.id in ids] == [
            u.id for u in staff]
        assert [u.id for u in active_regional(region_id) if u.id in ids] == [u.id for u in regional]
        assert [u.id for u in org_members(partner.partner_org_id)] == [u.id for u in members]


def test_public_job_figures_list_equal_counts_by_name(app, users):
    """/angka-mitra's opportunity figures: the largest count first, then sectors and
    provinces with equal counts alphabetically, whatever order the rows were stored in."""
    from portal.jobs.models import Opportunity
    from portal.jobs.queries import public_figures
    partner = users.make("partner")
    made = []
    for office_code, sector in (("BAPAS-SMG", "trade"), ("BAPAS-MKS", "food"), ("BAPAS-BDG", "garment"),
                                ("BAPAS-DPS", "construction"), ("BAPAS-MDN", "transport"),
                                ("BAPAS-KPG", "creative"), ("BAPAS-BDG", "garment")):
        made.append(make_posting(app, partner.partner_org_id, sector=sector, office_codes=(office_code,)).id)
    make_posting(app, partner.partner_org_id, sector="trade", status="pending")   # not published
    with app.app_context():
        _rewrite(Opportunity, made[:4], "status", "closed", "published")
        by_sector, by_province = public_figures()
    assert by_sector == [("garment", 2), ("construction", 1), ("creative", 1), ("food", 1), ("trade", 1),
                         ("transport", 1)]
    assert by_province == [("Jawa Barat", 2), ("Bali", 1), ("Jawa Tengah", 1), ("Nusa Tenggara Timur", 1),
                           ("Sulawesi Selatan", 1), ("Sumatera Utara", 1)]
