"""Demo data of issue 11: one client overdue for a home visit (the others visited lately), one
concern from the partner that nobody has answered, and a short thread with an internal note."""
from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from .auth.models import User
from .clients.models import SUPERVISED, Assignment, Client, ClientEvent
from .conversations.models import Message
from .db import today, utcnow
from .extensions import db
from .html import sanitize_html
from .observations.models import Observation
from .offices.models import Office
from .visits.models import HomeVisit

OVERDUE_CLIENT = "PB.101/BDG/2026"  # Andi Pratama, supported by the demo partner


def _observation(assignment: Assignment, author: User, category: str, narrative: str,
                 days_ago: int, status: str = "submitted") -> Observation:
    client = assignment.client
    observation = Observation(client_id=client.id, office_id=client.office_id, assignment_id=assignment.id,
                              partner_org_id=assignment.partner_org_id, author_id=author.id,
                              observed_on=today() - dt.timedelta(days=days_ago), category=category,
                              narrative=str(sanitize_html(narrative)), status=status,
                              digested_at=utcnow())
    db.session.add(observation)
    db.session.flush()
    db.session.add(ClientEvent(client_id=client.id, kind="observation", action="observation_submitted",
                               actor_id=author.id, observation_id=observation.id, to_status=category))
    return observation


def load_demo_visits(office_code: str, officer_email: str, partner_email: str,
                     supervisor_email: str) -> None:
    """Visits, a concern and a thread in the demo Bapas (once; running it again adds nothing)."""
    office = db.session.scalar(select(Office).where(Office.code == office_code))
    officer = db.session.scalar(select(User).where(User.email == officer_email))
    partner = db.session.scalar(select(User).where(User.email == partner_email))
    kasi = db.session.scalar(select(User).where(User.email == supervisor_email))
    if office is None or officer is None or partner is None or kasi is None:
        return
    if db.session.scalar(select(HomeVisit.id).where(HomeVisit.office_id == office.id).limit(1)):
        return
    visited_on = today() - dt.timedelta(days=12)
    for client in db.session.scalars(select(Client).where(
            Client.office_id == office.id, Client.status.in_(SUPERVISED),
            Client.register_number != OVERDUE_CLIENT)):
        visit = HomeVisit(client_id=client.id, office_id=office.id, planned_by_id=officer.id,
                          planned_on=visited_on, purpose="Kunjungan rutin pembimbingan.", status="done",
                          visited_on=visited_on, met_whom="Klien dan keluarga",
                          findings="Klien tinggal di alamat terdaftar; keluarga mendukung.",
                          next_step="Kunjungan rutin berikutnya.", recorded_by_id=officer.id,
                          recorded_at=utcnow())
        db.session.add(visit)
        db.session.flush()
        db.session.add(ClientEvent(client_id=client.id, kind="visit", action="visit_done", actor_id=officer.id,
                                   from_status="planned", to_status="done", note=visit.findings))
    assignment = db.session.scalar(select(Assignment).join(Client, Assignment.client_id == Client.id).where(
        Client.register_number == OVERDUE_CLIENT, Assignment.status == "active"))
    if assignment is None:
        return
    _observation(assignment, partner, "concern",
                 "Dua hari ini klien datang ke konveksi dalam keadaan mengantuk dan bau alkohol. "
                 "Ia menolak bicara dengan pembimbing kami.", days_ago=1)
    routine = _observation(assignment, partner, "routine",
                           "Klien mengikuti pelatihan menjahit setiap hari dan tepat waktu.", days_ago=9,
                           status="acknowledged")
    routine.reply, routine.acknowledged_by_id, routine.acknowledged_at = (
        "Terima kasih atas laporannya.", officer.id, utcnow())
    for author, side, visibility, body in (
            (officer, "staff", "shared", "Apakah klien juga datang pada hari Sabtu?"),
            (partner, "partner", "shared", "Ya, Sabtu ia ikut kelas tambahan sampai siang."),
            (kasi, "staff", "internal", "Catatan internal: pertimbangkan klien untuk rujukan kerja.")):
        db.session.add(Message(observation_id=routine.id, office_id=office.id, author_id=author.id,
                               side=side, visibility=visibility, body=str(sanitize_html(body))))
    db.session.flush()
