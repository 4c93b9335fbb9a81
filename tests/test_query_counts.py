"""Lists cost the same number of queries with 5 rows as with 200 (item 8 of the clients issue)."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from sqlalchemy import event

from portal.clients.models import Assignment, CheckIn, Client, ClientEvent
from portal.db import utcnow
from portal.extensions import db
from portal.observations.models import Observation

from .support import login_client, office


def _fill(app, officer, partner, n: int):
    """n clients of the officer, each with an observation and a check-in; the first client
    gets n timeline entries of every kind."""
    with app.app_context():
        office_id = office().id
        first = None
        for i in range(n):
            client = Client(office_id=office_id, officer_id=officer.id, register_number=f"Q-{n}-{i}",
                            full_name=f"Klien {n}-{i}", programme="PB",
                            supervision_start_on=dt.date(2026, 1, 1),
                            supervision_end_on=dt.date(2027, 12, 31))
            db.session.add(client)
            db.session.flush()
            first = first or client
            assignment = Assignment(client_id=client.id, partner_org_id=partner.partner_org_id,
                                    relationship_kind="employer", starts_on=dt.date(2026, 1, 1),
                                    ends_on=dt.date(2027, 12, 31), status="active")
            db.session.add(assignment)
            db.session.flush()
            observation = Observation(client_id=client.id, office_id=office_id,
                                      assignment_id=assignment.id,
                                      partner_org_id=partner.partner_org_id, author_id=partner.id,
                                      observed_on=dt.date(2026, 6, 1), category="routine",
                                      narrative="<p>Baik.</p>")
            db.session.add(observation)
            db.session.flush()
            month = dt.date(2020 + i // 12, i % 12 + 1, 1)
            check_in = CheckIn(client_id=first.id, month=month, outcome="attended",
                               recorded_by_id=officer.id)
            db.session.add(check_in)
            db.session.flush()
            for kind, extra in (("observation", {"observation_id": observation.id, "action": "observation_submitted"}),
                                ("checkin", {"check_in_id": check_in.id, "to_status": "attended"}),
                                ("assignment", {"assignment_id": assignment.id, "action": "proposed"})):
                db.session.add(ClientEvent(client_id=first.id, kind=kind, actor_id=officer.id,
                                           action=extra.pop("action", f"{kind}_recorded"), at=utcnow(), **extra))
        db.session.commit()
        return first.public_id


def _count(app, session, url):
    seen = []
    with app.app_context():
        listener = lambda *a, **k: seen.append(a[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            response = session.get(url)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
    assert response.status_code == 200
    return len(seen)


@pytest.mark.parametrize("page", ["/staf/klien/", "/staf/pengamatan/", "timeline"])
def test_same_query_count_with_5_and_200_rows(make_app, page):
    from .support import UserFactory
    counts = []
    for n in (5, 200):
        app = make_app()
        factory = UserFactory(app)
        officer = factory.make("officer")
        partner = factory.make("partner")
        public_id = _fill(app, officer, partner, n)
        url = f"/staf/klien/{public_id}" if page == "timeline" else page
        session = login_client(app, officer)
        counts.append(_count(app, session, url))
    print(f"\nqueries for {page}: {counts}")
    assert counts[0] == counts[1], counts
    assert counts[0] <= 14, counts


# DESIGN §7: "a bounded number of queries per page whatever the data size" — here each row has
# its own related records (its own officer, client, partner organisation, province), so a row
# that loads one of them by itself shows as a query more per row.

def _rows_of_their_own(app, n: int):
    """n complaints, postings, referrals, pending postings, observations and missed-reporting
    alerts in Bapas Bandung, each with its own officer, client and partner organisation, and
    on one client's timeline an entry by each officer; returns the supervisor to read as and
    that client's page."""
    from portal.jobs.models import Referral

    from .support import OrgFactory, UserFactory, make_complaint, make_posting
    users, orgs = UserFactory(app), OrgFactory(app)
    provinces = ("BAPAS-SMG", "BAPAS-MDN", "BAPAS-DPS", "BAPAS-MKS", "BAPAS-KPG", "BAPAS-TNG")
    with app.app_context():
        office_id = office().id
        shared = Client(office_id=office_id, register_number=f"T-{n}", full_name=f"Klien Linimasa {n}",
                        programme="PB", supervision_start_on=dt.date(2026, 1, 1),
                        supervision_end_on=dt.date(2027, 12, 31))
        db.session.add(shared)
        db.session.commit()
        shared_id, shared_page = shared.id, f"/staf/klien/{shared.public_id}"
    for i in range(n):
        officer = users.make("officer")
        partner = users.make("partner")
        org = orgs.make("active", kind="employer")
        with app.app_context():
            client = Client(office_id=office_id, officer_id=officer.id, register_number=f"R-{n}-{i}",
                            full_name=f"Klien {n}-{i}", programme="PB", supervision_start_on=dt.date(2026, 1, 1),
                            supervision_end_on=dt.date(2027, 12, 31), consecutive_misses=3)
            db.session.add(client)
            db.session.commit()
            client_id = client.id
        make_complaint(app, status="in_review", officer=officer, client=SimpleNamespace(id=client_id))
        posting = make_posting(app, org.id, office_codes=(provinces[i % len(provinces)], "BAPAS-BDG"))
        make_posting(app, org.id, status="pending")
        with app.app_context():
            db.session.add(Referral(opportunity_id=posting.id, client_id=client_id, office_id=office_id,
                                    officer_id=officer.id, consent_on=dt.date(2026, 6, 1),
                                    consent_method="in_person", summary="Siap bekerja."))
            assignment = Assignment(client_id=client_id, partner_org_id=partner.partner_org_id,
                                    relationship_kind="employer", starts_on=dt.date(2026, 1, 1),
                                    ends_on=dt.date(2027, 12, 31), status="active")
            db.session.add(assignment)
            db.session.flush()
            db.session.add(Observation(client_id=client_id, office_id=office_id, assignment_id=assignment.id,
                                       partner_org_id=partner.partner_org_id, author_id=partner.id,
                                       observed_on=dt.date(2026, 6, 1), category="routine",
                                       narrative="<p>Baik.</p>"))
            db.session.add(ClientEvent(client_id=shared_id, kind="record", action="updated", note="area",
                                       actor_id=officer.id, at=utcnow()))
            db.session.commit()
    return users.make("supervisor"), shared_page


@pytest.mark.parametrize("page", ["/staf/pengaduan/", "/lowongan/", "/staf/lowongan/", "/staf/pengamatan/",
                                  "/staf/klien/peringatan", "timeline"])
def test_same_query_count_when_each_row_has_its_own_records(make_app, page):
    counts = []
    for n in (2, 6):
        app = make_app()
        reader, timeline = _rows_of_their_own(app, n)
        counts.append(_count(app, login_client(app, reader), timeline if page == "timeline" else page))
    assert counts[0] == counts[1], counts
