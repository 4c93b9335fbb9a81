"""The service standard (DESIGN §1, §5): a complaint is due 20 working days (hari kerja) after
it is filed — Monday to Friday, minus Indonesia's national holidays and the collective-leave
days (cuti bersama) an admin lists; the day of filing does not count. The clock stops while
the Bapas waits for the complainant's clarification.

Every expected date below was counted by hand on the calendar. National holidays relied on
(SKB 3 Menteri on national holidays 2025 and 2026):
  2025-12-25 Thu Christmas        2026-01-01 Thu New Year      (2026-01-16 Isra Mi'raj: after)
  2026-05-01 Fri Labour Day       2026-05-14 Thu Ascension     (2026-05-27 Idul Adha: after)
  2026-12-25 Fri Christmas        2027-01-01 Fri New Year      (2027-01-05 and later: not used)
No national holiday falls in October or November 2026. Cuti bersama count only once an admin
lists them (2025-12-26 and 2026-12-24, the Christmas cuti bersama, in the cases below)."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from sqlalchemy import select

from portal.complaints.models import Complaint
from portal.extensions import db

from .support import login_client, make_complaint, office, prefixed, t

D = dt.date


def at(day: dt.date, hour_utc: int = 3) -> dt.datetime:
    """A moment of `day` (03:00 UTC is 10:00 in Jakarta, WIB)."""
    return dt.datetime(day.year, day.month, day.day, hour_utc, tzinfo=dt.UTC)


def file_public(app, moment: dt.datetime) -> tuple[str, str]:
    """The public files a complaint through the form at `moment`: (reference, secret) from
    the receipt."""
    with app.app_context():
        office_id = office().id
    public = app.test_client()
    with time_machine.travel(moment, tick=False):
        response = public.post("/pengaduan/baru", content_type="multipart/form-data", data={
            "complainant_name": "Warga", "complainant_phone": "081211112222",
            "complainant_relationship": "tetangga", "office_id": str(office_id),
            "client_name": "Seseorang", "grounds": ["PUBLIC_UNREST"], "declaration": "y",
            "narrative": "Sering membuat keributan di gang pada malam hari dan mengancam warga.",
            "submission_key": "calendar"})
        assert response.headers["Location"] == "/pengaduan/tanda-terima"
        receipt = public.get("/pengaduan/tanda-terima").get_data(as_text=True)
    return (re.search(r"ADU-[A-Z0-9]{4}-[A-Z0-9]{4}", receipt).group(0),
            re.search(r"<code>([a-z0-9]{16})</code>", receipt).group(1))


def stored(app, reference: str) -> Complaint:
    with app.app_context():
        complaint = db.session.scalar(select(Complaint).where(Complaint.reference == reference))
        db.session.expunge(complaint)
        return complaint


FILED = [
    # case | filed at | cuti bersama listed by the admin | due on
    # 27–30 Apr (4), 1 May holiday, 4–8 (9), 11–13 (12), 14 May holiday, 15 (13), 18–22 (18), 25–26 (20)
    ("filed on a Friday, two holidays", at(D(2026, 4, 24)), [], D(2026, 5, 26)),
    # 12–16 Oct (5), 19–23 (10), 26–30 (15), 2–6 Nov (20)
    ("filed on a Friday", at(D(2026, 10, 9)), [], D(2026, 11, 6)),
    ("filed on a Saturday", at(D(2026, 10, 10)), [], D(2026, 11, 6)),
    # 01:00 WIB on Friday 9 October is still Thursday 8 October in UTC: the date in Jakarta counts
    ("filed just after midnight in Jakarta", dt.datetime(2026, 10, 8, 18, tzinfo=dt.UTC), [],
     D(2026, 11, 6)),
    # 4 Dec (1), 7–11 (6), 14–18 (11), 21–24 (15), 25 Christmas, 28–31 (19), 1 Jan New Year, 4 Jan (20)
    ("across the year-end", at(D(2026, 12, 3)), [], D(2027, 1, 4)),
    # 3–4 Dec (2), 7–11 (7), 14–18 (12), 21–24 (16), 25 Christmas, 28–31 (20)
    ("no cuti bersama listed", at(D(2026, 12, 2)), [], D(2026, 12, 31)),
    # the same, with 24 Dec not a working day: 21–23 (15), 28–31 (19), 4 Jan (20)
    ("cuti bersama 24 Dec listed: one working day later", at(D(2026, 12, 2)), [D(2026, 12, 24)], D(2027, 1, 4)),
    # 15–19 Dec (5), 22–24 (8), 25 Christmas, 26 (9), 29–31 (12), 1 Jan New Year, 2 Jan (13), 5–9 (18), 12–13 (20)
    ("filed on a Friday across the 2025 year-end", at(D(2025, 12, 12)), [], D(2026, 1, 13)),
    # the same, with 26 Dec not a working day: 29–31 (11), 2 Jan (12), 5–9 (17), 12–14 (20)
    ("cuti bersama 26 Dec 2025 listed", at(D(2025, 12, 12)), [D(2025, 12, 26)], D(2026, 1, 14)),
]


@pytest.mark.parametrize("filed_at, leave, due_on", [pytest.param(*row[1:], id=row[0]) for row in FILED])
def test_the_due_date_is_twenty_working_days_after_filing(app, users, filed_at, leave, due_on):
    admin = login_client(app, users.make("admin"))
    for day in leave:
        response = admin.post("/admin/cuti-bersama", data={"day": day.isoformat(), "name": "Cuti bersama Natal"})
        assert response.headers["Location"] == "/admin/cuti-bersama"
    reference, _ = file_public(app, filed_at)
    assert stored(app, reference).due_on == due_on


def test_the_clock_stops_while_waiting_for_the_complainant_and_runs_again_after_the_answer(app, users):
    officer, supervisor = users.make("officer"), users.make("supervisor")
    # filed Mon 23 Nov 2026: 24–27 Nov (4), 30 Nov–4 Dec (9), 7–11 (14), 14–18 (19), 21 Dec (20)
    reference, secret = file_public(app, at(D(2026, 11, 23)))
    assert stored(app, reference).due_on == D(2026, 12, 21)
    with time_machine.travel(at(D(2026, 11, 24)), tick=False):
        login_client(app, supervisor).post(f"/staf/pengaduan/{reference}/langkah/triage", data=prefixed(
            "triage", {"version": stored(app, reference).version, "officer_id": str(officer.id)}))
    with time_machine.travel(at(D(2026, 12, 15)), tick=False):
        login_client(app, officer).post(f"/staf/pengaduan/{reference}/langkah/request_info", data=prefixed(
            "request_info", {"version": stored(app, reference).version,
                             "message": "Kapan tepatnya kejadian kedua?"}))
    waiting = stored(app, reference)
    assert (waiting.status, waiting.paused_since) == ("needs_info", D(2026, 12, 15))
    # ten working days to answer: 16–18 (3), 21–24 (7), 25 Christmas, 28–30 Dec (10)
    assert waiting.info_due_on == D(2026, 12, 30)
    with time_machine.travel(at(D(2026, 12, 21)), tick=False):  # the first due date passes
        result = app.test_cli_runner().invoke(args=["complaints", "daily"])
        assert "0 request(s) lapsed, 0 digest(s) sent" in result.output  # paused: not overdue
        overdue = login_client(app, supervisor).get("/staf/pengaduan/?overdue=y").get_data(as_text=True)
        assert reference not in overdue
    with time_machine.travel(at(D(2026, 12, 22)), tick=False):
        tracker = app.test_client()
        tracker.post("/pengaduan/lacak", data={"reference": reference, "secret": secret})
        answered = tracker.post("/pengaduan/kasus/balas", data={"body": "Kejadian kedua Jumat malam."},
                                content_type="multipart/form-data")
        assert answered.headers["Location"] == "/pengaduan/kasus"
    resumed = stored(app, reference)
    assert (resumed.status, resumed.paused_since, resumed.info_due_on) == ("in_review", None, None)
    # waited 16, 17, 18, 21, 22 Dec: five working days; 21 Dec + 5: 22–24 (3), 25 Christmas, 28–29 (5)
    assert resumed.due_on == D(2026, 12, 29)


def test_an_unanswered_request_lapses_and_the_clock_runs_again(app, users):
    officer = users.make("officer")
    # filed Mon 5 Oct 2026: 6–9 (4), 12–16 (9), 19–23 (14), 26–30 (19), 2 Nov (20)
    complaint = make_complaint(app, status="in_review", officer=officer, submitted_on=D(2026, 10, 5),
                               due_on=D(2026, 11, 2))
    with time_machine.travel(at(D(2026, 10, 14)), tick=False):
        login_client(app, officer).post(f"/staf/pengaduan/{complaint.reference}/langkah/request_info",
                                        data=prefixed("request_info", {"version": complaint.version,
                                                                        "message": "Siapa saksinya?"}))
    # ten working days to answer: 15–16 (2), 19–23 (7), 26–28 Oct (10)
    assert stored(app, complaint.reference).info_due_on == D(2026, 10, 28)
    with time_machine.travel(at(D(2026, 10, 28)), tick=False):
        assert "0 request(s) lapsed" in app.test_cli_runner().invoke(args=["complaints", "daily"]).output
    with time_machine.travel(at(D(2026, 10, 29)), tick=False):
        assert "1 request(s) lapsed" in app.test_cli_runner().invoke(args=["complaints", "daily"]).output
    lapsed = stored(app, complaint.reference)
    assert (lapsed.status, lapsed.paused_since) == ("in_review", None)
    # waited 15–16, 19–23, 26–29 Oct: eleven working days; 2 Nov + 11: 3–6 (4), 9–13 (9), 16–17 (11)
    assert lapsed.due_on == D(2026, 11, 17)


def test_the_overdue_digest_names_only_cases_past_their_due_date(app, users, mailbox):
    supervisor = users.make("supervisor")
    late = make_complaint(app, status="in_review", submitted_on=D(2026, 10, 5), due_on=D(2026, 11, 2))
    due_today = make_complaint(app, status="in_review", submitted_on=D(2026, 10, 6), due_on=D(2026, 11, 3))
    waiting = make_complaint(app, status="needs_info", submitted_on=D(2026, 10, 5), due_on=D(2026, 11, 2),
                             paused_since=D(2026, 10, 27), info_due_on=D(2026, 11, 10))
    with time_machine.travel(at(D(2026, 11, 3)), tick=False):
        result = app.test_cli_runner().invoke(args=["complaints", "daily"])
        assert "0 request(s) lapsed, 1 digest(s) sent" in result.output
        queue = login_client(app, supervisor).get("/staf/pengaduan/?overdue=y").get_data(as_text=True)
    # the day-17 and overdue reminders of issue 11 §6 (tests/test_reminders.py) come as well
    [digest] = [m for m in mailbox.to(supervisor.email) if m["Subject"] == "Pengaduan melewati batas waktu"]
    body = mailbox.body(digest)
    assert late.reference in body and late.reference in queue and t(app, "overdue") in queue
    for on_time in (due_today, waiting):
        assert on_time.reference not in body and on_time.reference not in queue
