"""The demo of issue 11: one client overdue for a home visit, one unanswered concern, and a
short thread whose internal note the partner never sees; running the demo twice adds nothing."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.auth.models import User
from portal.conversations.models import Message
from portal.db import today
from portal.extensions import db
from portal.observations.models import Observation
from portal.visits.models import HomeVisit
from portal.visits.queries import visits_due

from .support import login_client


def _user(email: str) -> User:
    user = db.session.scalar(select(User).where(User.email == email))
    db.session.expunge(user)
    return user


def test_the_demo_has_one_overdue_visit_one_unanswered_concern_and_a_thread(app):
    runner = app.test_cli_runner()
    for _ in range(2):
        assert runner.invoke(args=["demo", "--no-serve"]).exit_code == 0
    with app.app_context():
        kasi = db.session.scalar(select(User).where(User.email == "kasi.bandung@pokmas.example"))
        _, due = visits_due(kasi, today())
        assert [(item.client.full_name, item.overdue) for item in due if item.overdue] == [("Andi Pratama", True)]
        concerns = db.session.scalars(select(Observation).where(Observation.category == "concern")).all()
        # One concern nobody has answered for days (the visits' demo) and one of today (the
        # homes' demo: the Kasi's list of observations late shows concerns the same day).
        assert sorted((o.client.full_name, o.status) for o in concerns) == [
            ("Andi Pratama", "submitted"), ("Dimas Setiadi", "submitted")]
        assert sorted(db.session.scalars(select(Message.visibility))) == ["internal", "shared", "shared"]
        thread = db.session.scalar(select(Message.observation_id).limit(1))
        observation = db.session.get(Observation, thread).public_id
        visits = db.session.scalar(select(func.count(HomeVisit.id)))
        partner = _user("mitra@pokmas.example")
    assert visits > 0
    page = login_client(app, partner).get(f"/mitra/klien/pengamatan/{observation}").get_data(as_text=True)
    assert "Ya, Sabtu ia ikut kelas tambahan sampai siang." in page
    assert "pertimbangkan klien untuk rujukan kerja" not in page
