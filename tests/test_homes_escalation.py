"""Issue 11 point 6: observations unanswered after 2 working days reach the Kasi's home;
concerns and suspected violations the same day. Working days skip weekends, public holidays
(Christmas, Friday 25 December 2026) and the collective-leave days an admin lists."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from portal.clients.models import Assignment, Client
from portal.complaints.calendar import CollectiveLeave
from portal.extensions import db

from .homes_world import add_client, add_observation, at_wib, listed
from .support import login_client


@pytest.fixture
def scene(app, users):
    officer, partner, supervisor = users.make("officer"), users.make("partner"), users.make("supervisor")
    with app.app_context():
        client = add_client("Klien Pengamatan", officer)
        assignment = Assignment(client_id=client.id, partner_org_id=partner.partner_org_id,
                                relationship_kind="employer", starts_on=dt.date(2026, 1, 1),
                                ends_on=dt.date(2027, 12, 31), status="active")
        db.session.add(assignment)
        db.session.commit()
        ids = client.id, assignment.id

    def observe(at: dt.datetime, category: str = "routine") -> None:
        with app.app_context():
            add_observation(db.session.get(Client, ids[0]), db.session.get(Assignment, ids[1]), partner, at,
                            category=category)
            db.session.commit()

    def escalated_on(day: dt.date, hour: int = 16) -> int:
        with time_machine.travel(at_wib(day, hour), tick=False):
            html = login_client(app, supervisor).get("/beranda/").get_data(as_text=True)
            late = login_client(app, supervisor).get("/staf/pengamatan/?status=submitted&late=y")
        count = listed(html, "escalated")[0]
        assert late.get_data(as_text=True).count("Klien Pengamatan") == count  # the count's list says the same
        return count

    return observe, escalated_on, officer


def test_a_routine_observation_from_friday_reaches_the_kasi_on_tuesday(scene):
    observe, escalated_on, _officer = scene
    observe(at_wib(dt.date(2026, 11, 13), 15))  # Friday afternoon
    assert escalated_on(dt.date(2026, 11, 13)) == 0
    assert escalated_on(dt.date(2026, 11, 16)) == 0  # Monday: one working day
    assert escalated_on(dt.date(2026, 11, 17), hour=8) == 1  # Tuesday morning: two


def test_a_concern_reaches_the_kasi_the_same_day(scene):
    observe, escalated_on, _officer = scene
    observe(at_wib(dt.date(2026, 11, 13), 9), category="concern")
    observe(at_wib(dt.date(2026, 11, 13), 10), category="suspected_violation")
    assert escalated_on(dt.date(2026, 11, 13), hour=11) == 2


def test_christmas_does_not_count(scene):
    observe, escalated_on, _officer = scene
    observe(at_wib(dt.date(2026, 12, 24), 11))  # Thursday; Friday 25 is Christmas
    assert escalated_on(dt.date(2026, 12, 28)) == 0  # Monday: one working day
    assert escalated_on(dt.date(2026, 12, 29)) == 1


def test_a_collective_leave_day_does_not_count(app, scene):
    observe, escalated_on, _officer = scene
    observe(at_wib(dt.date(2026, 12, 23), 11))  # Wednesday
    assert escalated_on(dt.date(2026, 12, 28)) == 1  # Thursday 24 and Monday 28
    with app.app_context():
        db.session.add(CollectiveLeave(day=dt.date(2026, 12, 24), name="Cuti bersama Natal"))
        db.session.commit()
    assert escalated_on(dt.date(2026, 12, 28)) == 0  # now only Monday 28
    assert escalated_on(dt.date(2026, 12, 29)) == 1


def test_an_answered_observation_is_not_escalated_and_the_pk_has_no_such_list(app, scene):
    observe, escalated_on, officer = scene
    observe(at_wib(dt.date(2026, 11, 2), 9))
    with app.app_context():
        from portal.observations.models import Observation
        db.session.query(Observation).update({"status": "acknowledged"})
        db.session.commit()
    assert escalated_on(dt.date(2026, 11, 17)) == 0
    with time_machine.travel(at_wib(dt.date(2026, 11, 17)), tick=False):
        assert 'id="escalated"' not in login_client(app, officer).get("/beranda/").get_data(as_text=True)
