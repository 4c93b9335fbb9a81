"""Issue 11's demo: one PK with a heavy caseload, and each role's home has something in every list."""
from __future__ import annotations

import re

from sqlalchemy import func, select

from portal.auth.models import User
from portal.clients.models import Client
from portal.demo import DEMO_USERS
from portal.extensions import db

from .homes_world import listed
from .support import login_client


def test_the_demo_fills_every_list_of_every_home(app):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "--no-serve"]).exit_code == 0
    assert runner.invoke(args=["demo", "--no-serve"]).exit_code == 0  # loaded once
    with app.app_context():
        pk = db.session.scalar(select(User).where(User.email == "pk.bandung@pokmas.example"))
        assert db.session.scalar(select(func.count(Client.id)).where(Client.officer_id == pk.id)) >= 40
        beban = Client.register_number.like("BDG-BEBAN-%")
        assert db.session.scalar(select(func.count(Client.id)).where(beban)) == 48
        people = {role: db.session.scalar(select(User).where(User.email == email))
                  for role, email, _name, _secret in DEMO_USERS}
        for user in people.values():
            db.session.expunge(user)
    for role, user in people.items():
        html = login_client(app, user).get("/beranda/").get_data(as_text=True)
        keys = re.findall(r'<section class="card h-100" aria-labelledby="[^"]+" id="([^"]+)">', html)
        assert keys, role
        empty = [key for key in keys if listed(html, key)[0] == 0]
        assert empty == [], f"{role}: empty lists {empty}"
        if role in ("supervisor", "head"):
            assert 'id="workload"' in html and "Siti Rahmawati" in html
