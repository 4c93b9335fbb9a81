"""Visits due by the client's intensity (issue 11 §4 "monthly for intensive supervision; the
Bapas sets the rule"): who is due, from when, overdue, in a fixed number of queries; the
visits made per officer; the Bapas's rule page."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event, select

from portal.auth.models import User
from portal.clients.models import Client
from portal.extensions import db
from portal.offices.models import Office
from portal.visits.models import HomeVisit
from portal.visits.queries import visits_done_by_officer, visits_due

from .support import OFFICE_A, login_client, office, t

DAY = dt.date(2026, 12, 8)  # "today" of these tests


def _client(officer_id: int, name: str, start: dt.date, status: str = "active") -> Client:
    client = Client(office_id=office(OFFICE_A).id, officer_id=officer_id, register_number=f"V-{name}",
                    full_name=name, programme="PB", supervision_start_on=start,
                    supervision_end_on=dt.date(2028, 12, 31), status=status)
    db.session.add(client)
    db.session.flush()
    return client


def _visit(client: Client, status: str, on: dt.date, officer_id: int | None = None) -> HomeVisit:
    visit = HomeVisit(client_id=client.id, office_id=client.office_id, planned_on=on, purpose="Rutin",
                      status=status, visited_on=on if status == "done" else None,
                      recorded_by_id=officer_id if status != "planned" else None)
    db.session.add(visit)
    db.session.flush()
    return visit


@pytest.fixture
def bapas(app, users):
    """Two officers of Bandung and their clients, on the default rule (30 and 90 days)."""
    pk, other = users.make("officer"), users.make("officer")
    supervisor = users.make("supervisor")
    with app.app_context():
        # intensive, never visited, supervision since 1 Oct: due 31 Oct, overdue
        _client(pk.id, "Intensif Lama", dt.date(2026, 10, 1), "intensive")
        # regular, last visit 1 Sep: due 30 Nov, overdue; a visit is planned for 10 Dec
        late = _client(pk.id, "Biasa Terlambat", dt.date(2026, 1, 5))
        _visit(late, "done", dt.date(2026, 9, 1), pk.id)
        _visit(late, "missed", dt.date(2026, 11, 20), pk.id)
        planned = _visit(late, "planned", dt.date(2026, 12, 10))
        # regular, visited 15 Sep: due 14 Dec, within two weeks, not overdue
        soon = _client(pk.id, "Biasa Segera", dt.date(2026, 1, 5))
        _visit(soon, "done", dt.date(2026, 9, 15), pk.id)
        # regular, visited 1 Nov: due 30 Jan, not listed
        _visit(_client(pk.id, "Biasa Aman", dt.date(2026, 1, 5)), "done", dt.date(2026, 11, 1), pk.id)
        # supervision over: never due
        _client(pk.id, "Sudah Selesai", dt.date(2025, 1, 5), "completed")
        # another officer's intensive client, visited 1 Nov: due 1 Dec, overdue
        theirs = _client(other.id, "Klien Rekan", dt.date(2026, 6, 1), "intensive")
        _visit(theirs, "done", dt.date(2026, 11, 1), other.id)
        db.session.commit()
        return {"pk": pk, "other": other, "supervisor": supervisor, "planned": planned.id}


def _due(app, user) -> tuple[int, list[tuple]]:
    with app.app_context():
        who = db.session.get(User, user.id)
        total, items = visits_due(who, DAY)
        return total, [(i.client.full_name, i.due_on, i.overdue, i.planned.id if i.planned else None)
                       for i in items]


def test_the_officer_sees_their_clients_due_soonest_first(app, bapas):
    assert _due(app, bapas["pk"]) == (3, [
        ("Intensif Lama", dt.date(2026, 10, 31), True, None),
        ("Biasa Terlambat", dt.date(2026, 11, 30), True, bapas["planned"]),
        ("Biasa Segera", dt.date(2026, 12, 14), False, None),
    ])


def test_only_the_visits_already_due_when_nothing_ahead_is_asked(app, bapas):
    with app.app_context():
        total, items = visits_due(db.session.get(User, bapas["pk"].id), DAY, ahead_days=0)
    assert (total, [i.client.full_name for i in items]) == (2, ["Intensif Lama", "Biasa Terlambat"])


def test_the_supervisor_sees_the_whole_bapas(app, bapas):
    total, items = _due(app, bapas["supervisor"])
    assert total == 4
    assert [name for name, *_ in items] == ["Intensif Lama", "Biasa Terlambat", "Klien Rekan", "Biasa Segera"]


def test_the_bapas_rule_moves_the_due_dates(app, bapas):
    with app.app_context():
        db.session.get(Office, office(OFFICE_A).id).visit_interval_intensive_days = 60
        db.session.commit()
    assert _due(app, bapas["pk"])[1][0] == ("Biasa Terlambat", dt.date(2026, 11, 30), True, bapas["planned"])
    assert ("Intensif Lama", dt.date(2026, 11, 30), True, None) in _due(app, bapas["pk"])[1]


def test_visits_made_per_officer_in_a_period(app, bapas):
    with app.app_context():
        office_id = office(OFFICE_A).id
        assert visits_done_by_officer(office_id, dt.date(2026, 9, 1), dt.date(2026, 11, 30)) == {
            bapas["pk"].id: 3, bapas["other"].id: 1}
        assert visits_done_by_officer(office_id, dt.date(2026, 10, 1), dt.date(2026, 10, 31)) == {}


def _statements(app, call) -> int:
    seen: list[str] = []
    with app.app_context():
        engine = db.engine
        listener = lambda *args: seen.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            call()
        finally:
            event.remove(engine, "before_cursor_execute", listener)
    return len(seen)


@pytest.mark.parametrize("size", [5, 200])
def test_visits_due_costs_the_same_queries_at_5_and_200_clients(app, users, size):
    pk = users.make("officer")
    with app.app_context():
        for i in range(size):
            client = _client(pk.id, f"Klien {i}", dt.date(2026, 1, 5), "intensive" if i % 2 else "active")
            _visit(client, "done", dt.date(2026, 6, 1), pk.id)
            _visit(client, "planned", dt.date(2026, 12, 20))
        db.session.commit()

    def run():
        total, items = visits_due(db.session.get(User, pk.id), DAY)
        assert total == size
        [(i.client.officer.name, i.planned.planned_on) for i in items]

    assert _statements(app, run) == 3  # the user, the clients (with the total), their planned visits


def test_the_visits_page_costs_the_same_at_5_and_200_clients(app, users):
    pk = users.make("officer")
    session = login_client(app, pk)
    counts = []
    for size in (5, 200):
        with app.app_context():
            for i in range(len(counts) * 5, len(counts) * 5 + size):
                client = _client(pk.id, f"Klien {size}-{i}", dt.date(2026, 1, 5))
                _visit(client, "planned", dt.date(2027, 1, 20))
            db.session.commit()
        counts.append(_statements(app, lambda: session.get("/staf/kunjungan/").status_code == 200))
    assert counts[0] == counts[1] > 5


def test_the_kasi_sets_the_rule_and_bad_input_is_explained(app, users):
    kasi = login_client(app, users.make("supervisor"))
    page = kasi.get("/staf/kunjungan/aturan").get_data(as_text=True)
    assert 'value="30"' in page and 'value="90"' in page
    bad = kasi.post("/staf/kunjungan/aturan", data={"intensive_days": "0", "regular_days": "tiga"})
    assert bad.status_code == 400
    text = bad.get_data(as_text=True)
    assert t(app, "Number must be between %(min)s and %(max)s.", min=7, max=365) in text
    assert 'value="tiga"' in text
    assert kasi.post("/staf/kunjungan/aturan", data={"intensive_days": "14", "regular_days": "60"}).status_code == 302
    with app.app_context():
        stored = db.session.scalar(select(Office).where(Office.id == office(OFFICE_A).id))
        assert (stored.visit_interval_intensive_days, stored.visit_interval_regular_days) == (14, 60)


def test_due_visits_come_a_page_at_a_time_soonest_first(app, users):
    """27 clients due, 25 a page: the second page holds the last two; a page past the end shows
    the last page. Client i started supervision on 1 January 2026 + i days (regular: due 90 days
    later), so Klien 00 is due first."""
    from portal.visits.queries import due_page
    pk = users.make("officer")
    with app.app_context():
        for i in range(27):
            _client(pk.id, f"Klien {i:02d}", dt.date(2026, 1, 1) + dt.timedelta(days=i))
        db.session.commit()
        user = db.session.get(User, pk.id)
        first, second, past = due_page(user, DAY, 1), due_page(user, DAY, 2), due_page(user, DAY, 9)
        assert first.total == 27 and [i.client.full_name for i in first.items][:2] == ["Klien 00", "Klien 01"]
        assert len(first.items) == 25 and first.items[0].due_on == dt.date(2026, 4, 1)
        assert [i.client.full_name for i in second.items] == ["Klien 25", "Klien 26"]
        assert past.page == 2 and [i.client.full_name for i in past.items] == ["Klien 25", "Klien 26"]
