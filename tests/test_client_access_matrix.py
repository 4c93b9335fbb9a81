"""The cross-organisation and cross-office matrix: everyone outside answers 404 and never
sees the other party's data."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from portal.extensions import db
from portal.observations.models import Observation

from .support import OFFICE_B, login_client

ACTORS = ("partner_a", "partner_b", "partner_a_ended", "officer_x", "officer_y", "supervisor_y",
          "regional", "admin")
RESOURCES = ("partner_client", "partner_observation", "staff_client", "staff_observation")
ALLOWED = {("partner_a", "partner_client"), ("partner_a", "partner_observation"),
           ("officer_x", "staff_client"), ("officer_x", "staff_observation")}


@pytest.fixture
def world(app, users, clients):
    officer_x = users.make("officer")
    partner_a = users.make("partner")
    partner_a_ended = users.make("partner")
    record = clients.make(officer=officer_x, full_name="Rahasia Wijayakusuma")
    clients.assign(record, partner_a.partner_org_id, starts_on=dt.date.today() - dt.timedelta(days=30))
    clients.assign(record, partner_a_ended.partner_org_id, status="ended")
    login_client(app, partner_a).post(f"/mitra/klien/{record.public_id}/pengamatan", data={
        "observed_on": dt.date.today().isoformat(), "category": "concern", "submission_key": "m",
        "narrative": "Isi laporan yang sangat rahasia sekali."})
    with app.app_context():
        observation_id = db.session.scalar(select(Observation.public_id))
    actors = {
        "partner_a": partner_a, "partner_b": users.make("partner"),
        "partner_a_ended": partner_a_ended, "officer_x": officer_x,
        "officer_y": users.make("officer", office_code=OFFICE_B),
        "supervisor_y": users.make("supervisor", office_code=OFFICE_B),
        "regional": users.make("regional"), "admin": users.make("admin"),
    }
    urls = {
        "partner_client": f"/mitra/klien/{record.public_id}",
        "partner_observation": f"/mitra/klien/pengamatan/{observation_id}",
        "staff_client": f"/staf/klien/{record.public_id}",
        "staff_observation": f"/staf/pengamatan/{observation_id}",
    }
    return actors, urls


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("resource", RESOURCES)
def test_matrix(app, world, actor, resource):
    actors, urls = world
    response = login_client(app, actors[actor]).get(urls[resource])
    page = response.get_data(as_text=True)
    if (actor, resource) in ALLOWED:
        assert response.status_code == 200
        assert "Rahasia Wijayakusuma" in page
    else:
        assert response.status_code == 404, (actor, resource, response.status_code)
        assert "Rahasia Wijayakusuma" not in page and "sangat rahasia" not in page


@pytest.mark.parametrize("actor", ["partner_b", "partner_a_ended", "officer_y", "supervisor_y"])
def test_lists_never_show_the_other_partys_client(app, world, actor):
    actors, _ = world
    session = login_client(app, actors[actor])
    for url in ("/mitra/klien/", "/mitra/", "/staf/klien/", "/staf/pengamatan/", "/staf/klien/peringatan"):
        page = session.get(url).get_data(as_text=True)
        assert "Rahasia Wijayakusuma" not in page and "sangat rahasia" not in page, url
