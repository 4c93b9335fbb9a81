"""The supervision lists cost a fixed number of queries whatever the data size: the waiting
travel requests (the work homes' list), the inbox grouped by condition, the travel page."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event

from portal.auth.models import User
from portal.clients.models import Assignment, Client
from portal.extensions import db
from portal.observations.models import Observation
from portal.supervision.models import Condition, TravelNotice
from portal.supervision.queries import conditions_under_review, travel_waiting

from .support import UserFactory, login_client, office

TODAY = dt.date.today()


def _fill(app, officer, partner, n: int) -> None:
    """n clients of the officer, each with a condition under review, an observation about it
    and a travel request waiting for the PK."""
    with app.app_context():
        office_id = office().id
        for i in range(n):
            client = Client(office_id=office_id, officer_id=officer.id, register_number=f"S-{n}-{i}",
                            full_name=f"Klien {n}-{i}", programme="PB",
                            supervision_start_on=dt.date(2026, 1, 1),
                            supervision_end_on=dt.date(2027, 12, 31))
            db.session.add(client)
            db.session.flush()
            assignment = Assignment(client_id=client.id, partner_org_id=partner.partner_org_id,
                                    relationship_kind="employer", starts_on=dt.date(2026, 1, 1),
                                    ends_on=dt.date(2027, 12, 31), status="active")
            condition = Condition(client_id=client.id, kind="special", code="stay_in_area",
                                  starts_on=dt.date(2026, 1, 1), review_on=TODAY, status="in_force")
            db.session.add_all([assignment, condition])
            db.session.flush()
            db.session.add(Observation(client_id=client.id, office_id=office_id, assignment_id=assignment.id,
                                       partner_org_id=partner.partner_org_id, author_id=partner.id,
                                       observed_on=TODAY, category="routine", narrative="<p>Baik.</p>",
                                       condition_id=condition.id))
            db.session.add(TravelNotice(client_id=client.id, office_id=office_id,
                                        partner_org_id=partner.partner_org_id, requested_by_id=partner.id,
                                        destination=f"Kota {i}", from_on=TODAY, to_on=TODAY,
                                        purpose="Menjenguk keluarga.", status="requested"))
        db.session.commit()


class Counter:
    """Counts the statements sent to the database while it is open."""

    def __init__(self):
        self.statements: list[str] = []

    def __call__(self, *args, **kwargs):
        self.statements.append(args[2])


def _count_page(app, session, url: str) -> int:
    counter = Counter()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", counter)
        try:
            response = session.get(url)
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)
    assert response.status_code == 200
    return len(counter.statements)


@pytest.mark.parametrize("n", [3, 40])
def test_travel_waiting_and_conditions_under_review_take_one_query_each(make_app, n):
    app = make_app()
    users = UserFactory(app)
    officer, partner = users.make("officer"), users.make("partner")
    _fill(app, officer, partner, n)
    with app.test_request_context():
        user = db.session.get(User, officer.id)
        counter = Counter()
        event.listen(db.engine, "before_cursor_execute", counter)
        try:
            count, notices = travel_waiting(user)
            shown = [(x.client.full_name, x.client.officer.name, x.requested_by.name) for x in notices]
            waiting_queries = len(counter.statements)
            review = conditions_under_review(user, TODAY)
            names = [c.client.full_name for c in review]
        finally:
            event.remove(db.engine, "before_cursor_execute", counter)
    assert count == n and len(shown) == n and len(names) == n
    assert waiting_queries == 1
    assert len(counter.statements) == 2


@pytest.mark.parametrize("url", ["/staf/pengamatan/?by=condition", "/staf/bepergian/"])
def test_same_query_count_with_3_and_40_rows(make_app, url):
    counts = []
    for n in (3, 40):
        app = make_app()
        users = UserFactory(app)
        officer, partner = users.make("officer"), users.make("partner")
        _fill(app, officer, partner, n)
        counts.append(_count_page(app, login_client(app, officer), url))
    assert counts[0] == counts[1], counts
