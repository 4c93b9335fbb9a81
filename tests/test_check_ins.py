"""Monthly check-ins (wajib lapor) and the three-missed-reports alert."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from portal.clients.models import Client
from portal.extensions import db
from portal.notifications import Notification

from .support import login_client


def record(session, client, month, outcome, reason=""):
    return session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                        data={"month": month, "outcome": outcome, "reason": reason})


def test_three_misses_in_a_row_raise_the_alert(app, users, clients):
    officer = users.make("officer")
    supervisor = users.make("supervisor")
    client = clients.make(officer=officer)
    session = login_client(app, officer)
    record(session, client, "2026-06", "attended")
    record(session, client, "2026-07", "missed")
    record(session, client, "2026-08", "missed")
    assert client.full_name not in session.get("/staf/klien/peringatan").get_data(as_text=True)
    record(session, client, "2026-09", "missed")
    for person in (officer, supervisor):
        page = login_client(app, person).get("/staf/klien/peringatan").get_data(as_text=True)
        assert client.full_name in page and "MISSED_REPORTING" in page
    with app.app_context():
        kinds = db.session.scalars(select(Notification.kind).where(
            Notification.user_id.in_([officer.id, supervisor.id]))).all()
        assert kinds.count("missed_reporting") == 2
    other_officer = users.make("officer")
    assert client.full_name not in login_client(app, other_officer).get("/staf/klien/peringatan").get_data(as_text=True)
    history = session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert history.count("table-danger") == 3


def test_a_gap_or_an_attended_month_breaks_the_run(app, users, clients):
    officer = users.make("officer")
    client = clients.make(officer=officer)
    session = login_client(app, officer)
    for month in ("2026-03", "2026-05", "2026-06"):
        record(session, client, month, "missed")
    with app.app_context():
        assert db.session.get(Client, client.id).consecutive_misses == 2
    record(session, client, "2026-04", "missed")  # filling the gap completes the run
    with app.app_context():
        assert db.session.get(Client, client.id).consecutive_misses == 4
    record(session, client, "2026-07", "remote")
    with app.app_context():
        assert db.session.get(Client, client.id).consecutive_misses == 0


def test_correcting_a_month_replaces_it(app, users, clients):
    officer = users.make("officer")
    client = clients.make(officer=officer)
    session = login_client(app, officer)
    record(session, client, "2026-06", "missed")
    record(session, client, "2026-06", "excused", "Sakit, ada surat dokter.")
    page = session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert "Sakit, ada surat dokter." in page and page.count("table-danger") == 0


def test_bad_check_ins_are_refused(app, users, clients):
    officer = users.make("officer")
    client = clients.make(officer=officer)
    session = login_client(app, officer)
    future = (dt.date.today().replace(day=1) + dt.timedelta(days=40)).strftime("%Y-%m")
    for month, outcome, reason in ((future, "attended", ""), ("2026-13", "attended", ""),
                                   ("juni", "attended", ""), ("2026-05", "excused", "")):
        response = record(session, client, month, outcome, reason)
        assert response.status_code == 302
    page = session.get(f"/staf/klien/{client.public_id}").get_data(as_text=True)
    assert "table-danger" not in page
    with app.app_context():
        from portal.clients.models import CheckIn
        assert db.session.scalar(select(CheckIn)) is None
