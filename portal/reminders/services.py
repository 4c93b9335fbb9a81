"""Reminder verbs: the reminder days of a Bapas, and the daily job that tells the assigned PK,
the Kasi(s) and the Kepala when a case reaches day N of its 20-working-day clock or becomes
overdue. Cases are read in batches by status (bounded memory); each reminder is sent once."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from flask import current_app, has_request_context, url_for
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .. import audit, notices
from ..auth.models import User
from ..auth.queries import active_staff
from ..complaints.calendar import SERVICE_STANDARD_DAYS, CollectiveLeave, is_working_day
from ..complaints.models import Complaint
from ..complaints.workflow import CLOCK_STATES, OPEN_STATES
from ..db import today
from ..extensions import db
from ..notifications import notify
from ..offices.models import Office
from ..security import LEADS
from ..workflow import NotPermitted, Refused
from .models import Reminder

DEFAULT_DAYS = (3, 10, 17)
BATCH = 200
# Overdue as the queue shows it: open, and not waiting for the complainant (the clock paused).
OVERDUE_STATES = tuple(s for s in OPEN_STATES if s != "needs_info")
LEAVE_WINDOW_DAYS = 120  # calendar days after today in which a running clock's due date lies


def parse_days(typed: str | None) -> tuple[int, ...]:
    """The reminder days typed as "3, 10, 17": whole numbers 1–19, ascending (Refused if not)."""
    parts = [p.strip() for p in (typed or "").replace(";", ",").split(",")]
    if not any(parts):
        raise Refused(_l("Enter at least one day, for example 3, 10, 17."), "days")
    if not all(p.isdigit() for p in parts):
        raise Refused(_l("Enter whole numbers separated by commas, for example 3, 10, 17."), "days")
    days = tuple(int(p) for p in parts)
    if any(d < 1 or d >= SERVICE_STANDARD_DAYS for d in days):
        raise Refused(_l("Each day must be between 1 and 19 (day 20 is the due date)."), "days")
    if any(a >= b for a, b in zip(days, days[1:], strict=False)):
        raise Refused(_l("Write the days in ascending order, each once."), "days")
    return days


def office_days(office: Office) -> tuple[int, ...]:
    """The office's reminder days (the default 3, 10, 17 if the stored value is unreadable)."""
    try:
        return parse_days(office.reminder_days)
    except Refused:
        return DEFAULT_DAYS


def set_reminder_days(actor: User, office: Office, typed: str) -> None:
    """The Kasi or the Kepala of the Bapas sets its reminder days."""
    if actor.role not in LEADS or actor.office_id != office.id:
        raise NotPermitted("set_reminder_days")
    days = parse_days(typed)
    before = office.reminder_days
    office.reminder_days = ",".join(str(d) for d in days)
    audit.record(actor, "office.reminder_days_set", office, office_id=office.id,
                 before=before, after=office.reminder_days)


def days_used(complaint: Complaint, on: dt.date, leave: set[dt.date]) -> int:
    """Working days of the clock used by `on`, counted as the due date is (pauses excluded:
    a restart moved the due date by the days waited): 20 minus the working days left."""
    left, day = 0, on
    while day < complaint.due_on:
        day += dt.timedelta(days=1)
        left += is_working_day(day, leave)
    return SERVICE_STANDARD_DAYS - left


def _batches(*conditions: ColumnElement[bool]) -> Iterator[list[Complaint]]:
    """Complaints matching `conditions`, BATCH at a time in id order (keyset)."""
    last_id = 0
    while True:
        batch = list(db.session.scalars(
            select(Complaint).where(Complaint.id > last_id, *conditions)
            .options(selectinload(Complaint.assigned_officer)).order_by(Complaint.id).limit(BATCH)))
        if not batch:
            return
        yield batch
        last_id = batch[-1].id


def _case_path(reference: str) -> str:
    """The case page's path, inside a request or in the daily job."""
    if has_request_context():
        return url_for("complaints.case", reference=reference)
    return current_app.url_map.bind("localhost").build("complaints.case", {"reference": reference})


class _Run:
    """One run of the daily job: its day, and the people of each office (looked up once)."""

    def __init__(self, on: dt.date):
        self.on = on
        self.sent = 0
        self.leads: dict[int, list[User]] = {}
        self.leave = set(db.session.scalars(select(CollectiveLeave.day).where(
            CollectiveLeave.day >= on, CollectiveLeave.day <= on + dt.timedelta(days=LEAVE_WINDOW_DAYS))))
        self.days = {o.id: office_days(o) for o in db.session.scalars(select(Office))}

    def people(self, complaint: Complaint) -> list[User]:
        """The assigned PK, then the Kasi(s) and the Kepala of the case's Bapas."""
        if complaint.office_id not in self.leads:
            self.leads[complaint.office_id] = active_staff(complaint.office_id, ("supervisor", "head"))
        officer = complaint.assigned_officer
        first = [officer] if officer is not None and officer.active else []
        return first + [p for p in self.leads[complaint.office_id] if p not in first]

    def send(self, complaint: Complaint, kind: str, day: int, used: int) -> None:
        """Record the reminder (once: a duplicate meets the constraint), then tell each person."""
        try:
            with db.session.begin_nested():
                db.session.add(Reminder(complaint_id=complaint.id, kind=kind, day=day, sent_on=self.on))
                db.session.flush()
        except IntegrityError:
            return  # already sent, by an earlier run or by another worker right now
        params = {"ref": complaint.reference, "used": used, "due": complaint.due_on.isoformat()}
        note_kind = "complaint_reminder" if kind == "day" else "complaint_overdue"
        link = _case_path(complaint.reference)
        for person in self.people(complaint):
            notify(person, note_kind, link, params=params)
            notices.tell(person, "complaint_reminder", link=notices.absolute("notifications.index"))
        self.sent += 1


def remind(on: dt.date | None = None) -> int:
    """Send the reminders due on `on` (today): day N of a running clock, and overdue cases.
    Returns how many reminders (cases) were sent; the caller commits."""
    run = _Run(on or today())
    for batch in _batches(Complaint.status.in_(CLOCK_STATES), Complaint.due_on >= run.on):
        sent = {(r.complaint_id, r.day) for r in db.session.scalars(select(Reminder).where(
            Reminder.kind == "day", Reminder.complaint_id.in_([c.id for c in batch])))}
        for complaint in batch:
            used = days_used(complaint, run.on, run.leave)
            reached = [d for d in run.days.get(complaint.office_id, DEFAULT_DAYS) if d <= used]
            if reached and (complaint.id, reached[-1]) not in sent:
                run.send(complaint, "day", reached[-1], used)
    already = exists().where(Reminder.complaint_id == Complaint.id, Reminder.kind == "overdue")
    for batch in _batches(Complaint.status.in_(OVERDUE_STATES), Complaint.due_on < run.on, ~already):
        for complaint in batch:
            run.send(complaint, "overdue", 0, SERVICE_STANDARD_DAYS)
    return run.sent
