"""The home visits and travel requests on the PK's and the Kasi's homes (issue 11 §1, §4, §5),
against fixtures computed by hand. The day is Wednesday 18 November 2026; the Bapas keeps the
default rule: a visit every 30 days in intensive supervision, every 90 days otherwise."""
from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from portal.extensions import db
from portal.supervision.models import TravelNotice
from portal.visits.models import HomeVisit

from .homes_world import add_client, at_wib, listed, user_with
from .support import login_client

DAY = dt.date(2026, 11, 18)


@pytest.fixture
def frozen():
    with time_machine.travel(at_wib(DAY), tick=False):
        yield


def _visit(client, officer, visited_on, status="done"):
    db.session.add(HomeVisit(client_id=client.id, office_id=client.office_id, planned_by_id=officer.id,
                             planned_on=visited_on, purpose="Kunjungan rutin.", status=status,
                             visited_on=visited_on if status == "done" else None,
                             missed_reason="Klien tidak di rumah." if status == "missed" else None,
                             recorded_by_id=officer.id))


def _travel(client, by, status="requested", destination="Surabaya"):
    db.session.add(TravelNotice(client_id=client.id, office_id=client.office_id, requested_by_id=by.id,
                                destination=destination, from_on=dt.date(2026, 12, 20),
                                to_on=dt.date(2026, 12, 27), purpose="Pernikahan kakak.", status=status))


@pytest.fixture
def world(app, users, frozen):
    pk_a = user_with(app, users, "officer", name="PK Ahmad")
    pk_b = user_with(app, users, "officer", name="PK Bunga")
    with app.app_context():
        ani = add_client("Ani Lama", pk_a)                           # last visit 1 Aug: due 30 Oct
        _visit(ani, pk_a, dt.date(2026, 8, 1))
        budi = add_client("Budi Segera", pk_a)                       # 25 Aug: due 23 Nov (in 14 days)
        _visit(budi, pk_a, dt.date(2026, 8, 25))
        cici = add_client("Cici Baru", pk_a)                         # 15 Sep: due 14 Dec (not yet)
        _visit(cici, pk_a, dt.date(2026, 9, 15))
        dedi = add_client("Dedi Intensif", pk_a, status="intensive")  # 10 Oct + 30: due 9 Nov
        _visit(dedi, pk_a, dt.date(2026, 10, 10))
        add_client("Euis Tanpa Kunjungan", pk_a)                     # start 1 Jan + 90: due 1 Apr
        fajar = add_client("Fajar Terlewat", pk_a)                   # a missed visit counts for nothing
        _visit(fajar, pk_a, dt.date(2026, 8, 1))
        _visit(fajar, pk_a, dt.date(2026, 11, 1), status="missed")
        hana = add_client("Hana Bulan Ini", pk_a)                    # visited this month: not due
        _visit(hana, pk_a, dt.date(2026, 10, 31))
        _visit(hana, pk_a, dt.date(2026, 11, 5))
        add_client("Gita Milik PK Lain", pk_b)                       # due 1 Apr, PK Bunga's
        add_client("Joko Selesai", pk_a, status="completed")         # not under supervision
        _travel(ani, pk_a)
        _travel(budi, pk_a, status="approved", destination="Medan")
        gita = add_client("Indra Milik PK Lain", pk_b)
        _visit(gita, pk_b, dt.date(2026, 11, 2))
        _visit(gita, pk_b, dt.date(2026, 11, 3))
        _travel(gita, pk_b, destination="Cirebon")
        db.session.commit()
    return pk_a, pk_b


def _home(app, user) -> str:
    response = login_client(app, user).get("/beranda/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_pk_home_lists_their_visits_due_or_overdue_soonest_first(app, world):
    html = _home(app, world[0])
    assert listed(html, "visits_due") == (5, ["Euis Tanpa Kunjungan", "Ani Lama", "Fajar Terlewat",
                                              "Dedi Intensif", "Budi Segera"])
    section = html.split('id="visits_due"')[1].split("</section>")[0]
    assert "terlambat sejak 30 Okt 2026" in section and "batas waktu 23 Nov 2026" in section
    assert "terlambat sejak 9 Nov 2026" in section  # intensive: 30 days after 10 October
    assert section.count("/staf/kunjungan/rencana/") == 5 and 'href="/staf/kunjungan/"' in section


def test_the_kasi_home_lists_the_visits_of_the_whole_bapas(app, users, world):
    html = _home(app, users.make("supervisor"))
    assert listed(html, "visits_due") == (6, ["Euis Tanpa Kunjungan", "Gita Milik PK Lain", "Ani Lama",
                                              "Fajar Terlewat", "Dedi Intensif", "Budi Segera"])


def test_the_workload_table_counts_the_visits_made_this_month(app, users, world):
    html = _home(app, users.make("supervisor"))
    table = html.split('id="workload"')[1].split("</table>")[0]
    assert "Kunjungan bulan ini" in table
    rows = table.split("<tr>")[2:]
    import re
    numbers = [[int(n) for n in re.findall(r'<td class="text-end">(?:<a [^>]*>)?(\d+)', row)] for row in rows]
    # PK Ahmad made one visit in November (5 Nov; 31 Oct is last month, 1 Nov was missed);
    # PK Bunga two (2 and 3 Nov).
    assert "PK Ahmad" in rows[0] and numbers[0][-1] == 1
    assert "PK Bunga" in rows[1] and numbers[1][-1] == 2


def test_travel_requests_waiting_for_a_decision(app, users, world):
    pk_home = _home(app, world[0])
    assert listed(pk_home, "travel") == (1, ["Ani Lama"])
    assert "ke Surabaya, 20 Des 2026 – 27 Des 2026" in pk_home.split('id="travel"')[1].split("</section>")[0]
    assert listed(_home(app, users.make("supervisor")), "travel") == (2, ["Ani Lama", "Indra Milik PK Lain"])
    assert 'id="travel"' not in _home(app, users.make("head"))
