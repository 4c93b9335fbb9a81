"""Due dates in working days across the 2027 Idul Fitri holidays and collective leave."""
from __future__ import annotations

import datetime as dt

import time_machine
from sqlalchemy import select

from portal.complaints.calendar import CollectiveLeave, add_working_days, working_days_between
from portal.complaints.models import Complaint
from portal.extensions import db

from .support import login_client, make_complaint, office, prefixed



SUBMITTED = dt.date(2027, 3, 1)  # a Monday; Nyepi 8 March, Idul Fitri 10–11 March, Good Friday 26 March


def test_twenty_working_days_across_idul_fitri(app):
    with app.app_context():
        assert add_working_days(SUBMITTED, 20) == dt.date(2027, 4, 2)
        db.session.add_all([CollectiveLeave(day=dt.date(2027, 3, 9), name="Cuti bersama Idul Fitri"),
                            CollectiveLeave(day=dt.date(2027, 3, 12), name="Cuti bersama Idul Fitri")])
        db.session.commit()
        assert add_working_days(SUBMITTED, 20) == dt.date(2027, 4, 6)
        assert working_days_between(dt.date(2027, 3, 5), dt.date(2027, 3, 15)) == 1


def test_public_complaint_gets_the_due_date_with_a_frozen_clock(app):
    with app.app_context():
        db.session.add(CollectiveLeave(day=dt.date(2027, 3, 9), name="Cuti bersama"))
        db.session.commit()
        office_id = office().id
    with time_machine.travel(dt.datetime(2027, 3, 1, 3, tzinfo=dt.timezone.utc), tick=False):
        response = app.test_client().post("/pengaduan/baru", data={
            "complainant_name": "Warga", "complainant_phone": "081211112222",
            "complainant_relationship": "tetangga", "office_id": str(office_id),
            "client_name": "Seseorang", "grounds": ["PUBLIC_UNREST"],
            "narrative": "Sering membuat keributan di gang pada malam hari dan mengancam warga.",
            "declaration": "y", "submission_key": "cal-1"}, content_type="multipart/form-data")
        assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(select(Complaint.due_on)) == dt.date(2027, 4, 5)


def test_the_clock_pauses_while_waiting_for_the_complainant(app, users):
    officer = users.make("officer")
    complaint = make_complaint(app, status="in_review", officer=officer,
                               submitted_on=SUBMITTED, due_on=dt.date(2027, 4, 2))
    with time_machine.travel(dt.datetime(2027, 3, 15, 3, tzinfo=dt.timezone.utc), tick=False):
        session = login_client(app, officer)
        session.post(f"/staf/pengaduan/{complaint.reference}/langkah/request_info",
                     data=prefixed('request_info', {"version": complaint.version, "message": "Kapan tepatnya kejadian kedua?"}))
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.status == "needs_info" and stored.paused_since == dt.date(2027, 3, 15)
    with time_machine.travel(dt.datetime(2027, 3, 22, 3, tzinfo=dt.timezone.utc), tick=False):
        client = app.test_client()
        client.post("/pengaduan/lacak", data={"reference": complaint.reference, "secret": "rahasia-uji-1234"})
        client.post("/pengaduan/kasus/balas", data={"body": "Kejadian kedua hari Jumat malam."},
                    content_type="multipart/form-data")
    with app.app_context():
        stored = db.session.get(Complaint, complaint.id)
        assert stored.status == "in_review" and stored.paused_since is None
        # five working days waited (16–19 and 22 March) move the due date by five working days
        assert stored.due_on == dt.date(2027, 4, 9)


def test_unanswered_request_lapses_and_overdue_digest(app, users, mailbox):
    supervisor = users.make("supervisor")
    waiting = make_complaint(app, status="needs_info", paused_since=dt.date(2027, 3, 1),
                             info_due_on=dt.date(2027, 3, 15), submitted_on=SUBMITTED,
                             due_on=dt.date(2027, 4, 2))
    late = make_complaint(app, status="in_review", submitted_on=dt.date(2027, 1, 4), due_on=dt.date(2027, 2, 1))
    with time_machine.travel(dt.datetime(2027, 3, 16, 3, tzinfo=dt.timezone.utc), tick=False):
        result = app.test_cli_runner().invoke(args=["complaints", "daily"])
    assert "1 request(s) lapsed, 1 digest(s) sent" in result.output
    with app.app_context():
        assert db.session.get(Complaint, waiting.id).status == "in_review"
    [digest] = mailbox.to(supervisor.email)
    assert late.reference in mailbox.body(digest)
