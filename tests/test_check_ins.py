"""Monthly check-ins (wajib lapor) and the alert of DESIGN §3: three misses in a row raise an
alert (the revocation ground MISSED_REPORTING: "failed to report to Bapas 3 times in a row").
Every month is recorded the way staff do it: the check-in form on the client page."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from portal.clients.models import CheckIn
from portal.extensions import db
from portal.notifications import Notification

from .support import OFFICE_B, login_client, t

NO_ALERT = "No client has missed reporting three times in a row."
NOTIFICATION = "A client missed reporting three times in a row"


def record(app, session, client, month: str, outcome: str, reason: str = "") -> None:
    """Post one month through the form and check the page says it was recorded."""
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                            data={"month": month, "outcome": outcome, "reason": reason})
    assert response.status_code == 302
    assert t(app, "Check-in recorded.") in session.get(response.headers["Location"]).get_data(as_text=True)


def notified(app, user) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(Notification.id)).where(
            Notification.user_id == user.id, Notification.kind == "missed_reporting"))


@pytest.fixture
def bapas(app, users, clients):
    officer = users.make("officer")
    supervisors = [users.make("supervisor"), users.make("supervisor")]
    others = [users.make("officer"), users.make("supervisor", office_code=OFFICE_B)]
    client = clients.make(officer=officer, full_name="Bambang Sutrisno")
    return officer, supervisors, others, client


# months in the order staff record them | on the alerts page and notified?
CASES = [
    ("three consecutive missed months",
     [("2026-06", "missed"), ("2026-07", "missed"), ("2026-08", "missed")], True),
    ("three misses after an attended month",
     [("2026-05", "attended"), ("2026-06", "missed"), ("2026-07", "missed"), ("2026-08", "missed")], True),
    ("two missed months",
     [("2026-07", "missed"), ("2026-08", "missed")], False),
    ("missed, attended, missed, missed",
     [("2026-06", "missed"), ("2026-07", "attended"), ("2026-08", "missed"), ("2026-09", "missed")], False),
    ("missed, missed, excused, missed: the excused month breaks the run",
     [("2026-06", "missed"), ("2026-07", "missed"), ("2026-08", "excused", "Rawat inap, surat dokter."),
      ("2026-09", "missed")], False),
    ("missed, excused, missed, missed",
     [("2026-06", "missed"), ("2026-07", "excused", "Sakit, ada surat dokter."), ("2026-08", "missed"),
      ("2026-09", "missed")], False),
    ("missed, reported remotely, missed, missed",
     [("2026-06", "missed"), ("2026-07", "remote"), ("2026-08", "missed"), ("2026-09", "missed")], False),
    ("a month not yet recorded is no miss: March, May, June missed",
     [("2026-03", "missed"), ("2026-05", "missed"), ("2026-06", "missed")], False),
    ("April recorded as missed later completes the run",
     [("2026-03", "missed"), ("2026-05", "missed"), ("2026-06", "missed"), ("2026-04", "missed")], True),
    ("recorded out of order: August, June, July missed",
     [("2026-08", "missed"), ("2026-06", "missed"), ("2026-07", "missed")], True),
    ("June to August missed, recorded after September was recorded as attended",
     [("2026-09", "attended"), ("2026-06", "missed"), ("2026-07", "missed"), ("2026-08", "missed")], True),
    ("three misses, then the client reports again: the ground has happened, the alert stays",
     [("2026-06", "missed"), ("2026-07", "missed"), ("2026-08", "missed"), ("2026-09", "attended")], True),
]


@pytest.mark.parametrize("months, alert", [pytest.param(m, a, id=i) for i, m, a in CASES])
def test_the_three_missed_check_ins_rule(app, bapas, months, alert):
    officer, supervisors, others, client = bapas
    session = login_client(app, officer)
    for month in months:
        record(app, session, client, *month)
    for person in [officer, *supervisors]:
        page = login_client(app, person).get("/staf/klien/peringatan").get_data(as_text=True)
        if alert:
            assert client.full_name in page
            assert "Tidak melapor ke Bapas tiga kali berturut-turut" in page  # the ground, in words
            assert "MISSED_REPORTING" not in page
            assert notified(app, person) == 1
            inbox = login_client(app, person).get("/notifikasi/").get_data(as_text=True)
            assert t(app, NOTIFICATION) in inbox
        else:
            assert client.full_name not in page and t(app, NO_ALERT) in page
            assert notified(app, person) == 0
    for person in others:  # another officer's client, another Bapas
        assert notified(app, person) == 0


def test_correcting_a_missed_month_to_attended_removes_the_alert(app, bapas):
    officer, supervisors, _, client = bapas
    session = login_client(app, officer)
    for month in ("2026-06", "2026-07", "2026-08"):
        record(app, session, client, month, "missed")
    supervisor = login_client(app, supervisors[0])
    assert client.full_name in supervisor.get("/staf/klien/peringatan").get_data(as_text=True)
    # the July record was wrong: recording it again asks for the correction's reason
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                            data={"month": "2026-07", "outcome": "attended"})
    assert response.status_code == 200 and "Tidak hadir → Hadir" in response.get_data(as_text=True)
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor/koreksi", data={
        "month": "2026-07", "outcome": "attended", "correction": "Daftar hadir Juli menunjukkan hadir."})
    assert response.status_code == 302
    for viewer in (session, supervisor):
        page = viewer.get("/staf/klien/peringatan").get_data(as_text=True)
        assert client.full_name not in page and t(app, NO_ALERT) in page
    with app.app_context():
        outcomes = dict(db.session.execute(select(CheckIn.month, CheckIn.outcome)).all())
    assert sorted(outcomes.values()) == ["attended", "missed", "missed"]  # corrected, not added


@pytest.mark.parametrize("month, outcome, reason, message", [
    ("2099-01", "attended", "", "The month cannot be in the future."),
    ("2026-13", "attended", "", "Use the form YYYY-MM."),
    ("juni", "attended", "", "Use the form YYYY-MM."),
    ("2026-05", "excused", "", "Give the reason for the excuse."),
    # The client's supervision runs from 2026-01-01 to 2027-12-31 (tests/support.py).
    ("2025-12", "missed", "", "The month lies outside the client's supervision period."),
])
def test_bad_check_ins_are_refused_with_the_reason(app, bapas, month, outcome, reason, message):
    officer, _, _, client = bapas
    session = login_client(app, officer)
    response = session.post(f"/staf/klien/{client.public_id}/wajib-lapor",
                            data={"month": month, "outcome": outcome, "reason": reason})
    assert response.status_code == 302
    page = session.get(response.headers["Location"]).get_data(as_text=True)
    assert t(app, message) in page and t(app, "Check-in recorded.") not in page
    with app.app_context():
        assert db.session.scalar(select(CheckIn)) is None


def test_the_alerts_page_lists_the_bapas_longest_runs_first(app, users, clients):
    """Who is on the alerts page: clients under supervision (active or intensive) with three
    or more missed months in a row; the officer's own clients, or the whole Bapas for the
    supervisor and the head; the longest run first, then by name."""
    officer, colleague = users.make("officer"), users.make("officer")
    for name, misses, office_code, who, status in (
            ("Citra Lestari", 3, "BAPAS-BDG", officer, "active"),
            ("Zainal Arifin", 5, "BAPAS-BDG", officer, "intensive"),
            ("Bima Sakti", 3, "BAPAS-BDG", colleague, "active"),
            ("Dewi Sartika", 4, "BAPAS-BDG", officer, "completed"),
            ("Eko Prasetyo", 2, "BAPAS-BDG", officer, "active"),
            ("Fajar Nugroho", 6, OFFICE_B, None, "active")):
        clients.make(office_code=office_code, officer=who, full_name=name, consecutive_misses=misses,
                     status=status)

    def listed(who) -> list[str]:
        page = login_client(app, who).get("/staf/klien/peringatan").get_data(as_text=True)
        return re.findall(r'#checkins">([^<]+)</a>', page)

    assert listed(users.make("supervisor")) == ["Zainal Arifin", "Bima Sakti", "Citra Lestari"]
    assert listed(users.make("head")) == ["Zainal Arifin", "Bima Sakti", "Citra Lestari"]
    assert listed(officer) == ["Zainal Arifin", "Citra Lestari"]
    assert listed(users.make("supervisor", office_code=OFFICE_B)) == ["Fajar Nugroho"]
