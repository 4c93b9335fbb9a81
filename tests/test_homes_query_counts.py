"""Issue 11: "Each home is at most a fixed number of queries whatever the data size (tested), and
the Kasi's workload table is one grouped query." Every home is read with 5 and with 500 clients
(every client with a check-in, an observation, a case, a referral; officers, partners, postings,
applications and accounts grow with them) and costs the same number of queries."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from sqlalchemy import event

from portal.auth.models import User
from portal.clients.models import Assignment, CheckIn, Client
from portal.complaints.models import Complaint, ComplaintEvent, Execution, Sanction
from portal.db import utcnow
from portal.extensions import db
from portal.homes.sections import Home
from portal.homes.workload import workload
from portal.jobs.models import Opportunity, Referral
from portal.observations.models import Observation
from portal.partners.models import PartnerOrg

from .homes_world import at_wib
from .support import OFFICE_B, UserFactory, login_client, office

DAY = dt.date(2026, 11, 18)
ROLES = ("officer", "supervisor", "head", "regional", "partner", "admin")
# The queries of each home, measured once and written down: the session's user, the unread
# notifications of the menu, the user's office (staff), one per list, and for the Kasi the
# leave days of the escalation and the workload table, for the Kepala the workload and the figures.
EXPECTED = {"officer": 12, "supervisor": 19, "head": 9, "regional": 6, "partner": 7, "admin": 5}


def _org(office_id: int, n: int, status: str, **fields) -> PartnerOrg:
    return PartnerOrg(office_id=office_id, status=status, applicant_type="organisation", kind="employer",
                      name=f"Mitra {n} {status}", fields=["work"], contact_name="Kontak",
                      email=f"m{n}{status}@t.example", phone="0811", address="Jl.", motivation="Bantu.",
                      consent_at=utcnow(), **fields)


def _fill(app, n: int) -> dict[str, User]:
    """n clients in Bapas Bandung and everything the homes list about them."""
    people = UserFactory(app)
    made = {role: people.make(role) for role in ROLES}
    with app.app_context():
        office_id, office_b = office().id, office(OFFICE_B).id
        officers = [db.session.get(User, made["officer"].id)]
        for i in range(n // 25 + 1):
            officers.append(User(email=f"pk{n}-{i}@t.example", name=f"PK {i}", role="officer", office_id=office_id))
        for i in range(n // 5 + 1):  # accounts waiting for enrolment, and locked ones
            db.session.add(User(email=f"baru{n}-{i}@t.example", name=f"Baru {i}", role="officer", office_id=office_id))
            db.session.add(User(email=f"kunci{n}-{i}@t.example", name=f"Kunci {i}", role="officer",
                                office_id=office_id, password_hash="x", locked_until=utcnow() + dt.timedelta(hours=1)))
        db.session.add_all(officers)
        org_id = made["partner"].partner_org_id
        for i in range(n // 5 + 1):
            db.session.add_all([_org(office_id, i, "applied"), _org(office_id, i, "vetted"),
                                _org(office_id, i, "active", pks_valid_until=DAY + dt.timedelta(days=i % 60))])
        db.session.flush()
        postings = []
        for i in range(n // 5 + 1):
            posting = Opportunity(partner_org_id=org_id, kind="job", title=f"Lowongan {i}", sector="trade",
                                  description="<p>x</p>", region_id=office().region_id, city="Bandung",
                                  closes_on=DAY + dt.timedelta(days=30), contact_method="Telepon.",
                                  status=("pending", "published", "draft")[i % 3])
            posting.offices = [office()]
            postings.append(posting)
        db.session.add_all(postings)
        db.session.flush()
        for i in range(n):
            officer = officers[i % len(officers)] if i % 2 else officers[0]
            client = Client(office_id=office_id, officer_id=officer.id, register_number=f"Q-{n}-{i}",
                            full_name=f"Klien {i}", programme="PB", supervision_start_on=dt.date(2026, 1, 1),
                            supervision_end_on=DAY + dt.timedelta(days=i % 90),
                            status="intensive" if i % 5 == 0 else "active", risk_level=("low", "medium", "high")[i % 3])
            db.session.add(client)
            db.session.flush()
            assignment = Assignment(client_id=client.id, partner_org_id=org_id, relationship_kind="employer",
                                    starts_on=DAY - dt.timedelta(days=i % 30), ends_on=dt.date(2027, 12, 31),
                                    status="active")
            db.session.add(assignment)
            db.session.flush()
            if i % 3:
                db.session.add(CheckIn(client_id=client.id, month=DAY.replace(day=1),
                                       outcome="missed" if i % 3 == 1 else "attended"))
            db.session.add(Observation(
                client_id=client.id, office_id=office_id, assignment_id=assignment.id, partner_org_id=org_id,
                author_id=made["partner"].id, observed_on=DAY, category=("routine", "concern")[i % 2],
                narrative="<p>x</p>", created_at=at_wib(DAY - dt.timedelta(days=i % 10)),
                status="acknowledged" if i % 4 == 0 else "submitted",
                acknowledged_at=at_wib(DAY - dt.timedelta(days=1)) if i % 4 == 0 else None))
            case_office = office_id if i % 6 else office_b
            status = ("in_review", "examination", "tpp_hearing", "submitted", "proposed", "forwarded",
                      "revoked")[i % 7]
            complaint = Complaint(secret_hash="x", channel="public", office_id=case_office, client_id=client.id,
                                  client_name=client.full_name, grounds=["PUBLIC_UNREST"], narrative="x",
                                  complainant_name="P", declaration_at=utcnow(), status=status,
                                  assigned_officer_id=officer.id, submitted_on=DAY - dt.timedelta(days=i % 40),
                                  due_on=DAY + dt.timedelta(days=i % 20 - 10))
            complaint.events.append(ComplaintEvent(kind="move", action="forward", to_status="forwarded",
                                                   at=utcnow() - dt.timedelta(days=i % 30)))
            complaint.sanctions.append(Sanction(client_id=client.id, office_id=case_office, kind="summons",
                                                issued_on=DAY - dt.timedelta(days=20),
                                                appear_on=DAY - dt.timedelta(days=i % 5), grounds=[]))
            if status == "revoked":
                complaint.execution = Execution(client_id=client.id, office_id=case_office,
                                                since_on=DAY - dt.timedelta(days=i % 15))
            db.session.add(complaint)
            db.session.add(Referral(opportunity_id=postings[i % len(postings)].id, client_id=client.id,
                                    office_id=office_id, officer_id=officer.id, consent_on=DAY,
                                    consent_method="in_person", summary="x", status=("interview", "proposed")[i % 2],
                                    code=f"R{n}-{i}"))
        db.session.commit()
    return made


def _count(app, session, url: str) -> int:
    seen = []
    with app.app_context():
        def listener(*args, **kwargs):
            seen.append(args[2])
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            response = session.get(url)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
    assert response.status_code == 200
    return len(seen)


@pytest.fixture(scope="module")
def measured():
    return {}


@pytest.mark.parametrize("n", [5, 500])
def test_each_home_costs_the_same_queries_with_5_and_500_clients(make_app, n, measured):
    app = make_app()
    with time_machine.travel(at_wib(DAY), tick=False):
        made = _fill(app, n)
        for role in ROLES:
            session = login_client(app, made[role])
            session.get("/beranda/")  # the first request of a session settles it
            measured[(role, n)] = _count(app, session, "/beranda/")
        if n == 500:
            html = login_client(app, made["supervisor"]).get("/beranda/").get_data(as_text=True)
            assert "Klien" in html
    counts = {role: measured[(role, n)] for role in ROLES}
    print(f"\nqueries per home with {n} clients: {counts}")
    assert counts == EXPECTED


def test_the_workload_table_is_one_grouped_query(app, users):
    supervisor = users.make("supervisor")
    for _ in range(3):
        users.make("officer")
    seen = []
    with time_machine.travel(at_wib(DAY), tick=False), app.test_request_context():
        user = db.session.get(User, supervisor.id)
        home = Home(user)
        home.routine_late_before  # noqa: B018 - the leave days are read once for the whole home
        def listener(*args, **kwargs):
            seen.append(args[2])
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            rows = workload(user, home)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
    assert len(rows) == 3
    assert len(seen) == 1 and "GROUP BY" in seen[0]
