"""Benchmark: time and queries of the busiest list pages as the data grows.

    python bench/lists.py [--rows 200 2000 10000] [--repeat 20]

Builds a throw-away SQLite database (or uses BENCH_DATABASE_URL), fills one Bapas with N
clients, observations, complaints and timeline entries, then requests each page `repeat`
times as a signed-in officer and prints the median time and the number of SQL statements.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time

from sqlalchemy import event, select

from portal import create_app
from portal.auth.models import User
from portal.auth.passwords import hash_password
from portal.clients.models import Assignment, Client, ClientEvent
from portal.complaints.models import Complaint
from portal.db import utcnow
from portal.extensions import db
from portal.observations.models import Observation
from portal.offices.models import Office
from portal.partners.models import PartnerOrg


def build(rows: int, url: str):
    app = create_app({"ENV_NAME": "test", "SQLALCHEMY_DATABASE_URI": url,
                      "STORAGE_DIR": tempfile.mkdtemp()})
    with app.app_context():
        from flask_migrate import upgrade

        from portal.demo import load_reference_data
        upgrade()
        load_reference_data()
        office = db.session.scalar(select(Office).where(Office.code == "BAPAS-BDG"))
        officer = User(email="bench@pk.example", name="PK Bench", role="officer", office_id=office.id,
                       password_hash=hash_password("bench-password-123"))
        org = PartnerOrg(applicant_type="organisation", kind="ngo", name="Bench", fields=["work"],
                         office_id=office.id, contact_name="x", email="x@b.example", phone="0812345678",
                         address="x", motivation="x", consent_at=utcnow(), status="active")
        db.session.add_all([officer, org])
        db.session.flush()
        author = User(email="bench@mitra.example", name="Mitra", role="partner", partner_org_id=org.id)
        db.session.add(author)
        db.session.flush()
        first = None
        for i in range(rows):
            client = Client(office_id=office.id, officer_id=officer.id, register_number=f"B-{i}",
                            full_name=f"Klien {i:05d}", programme="PB",
                            supervision_start_on=dt.date(2026, 1, 1), supervision_end_on=dt.date(2028, 1, 1))
            db.session.add(client)
            db.session.flush()
            first = first or client
            assignment = Assignment(client_id=client.id, partner_org_id=org.id, relationship_kind="ngo",
                                    starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2028, 1, 1), status="active")
            db.session.add(assignment)
            db.session.flush()
            observation = Observation(client_id=client.id, office_id=office.id, assignment_id=assignment.id,
                                      partner_org_id=org.id, author_id=author.id, observed_on=dt.date(2026, 6, 1),
                                      category=("routine", "concern")[i % 2], narrative="<p>x</p>")
            db.session.add(observation)
            db.session.flush()
            db.session.add(ClientEvent(client_id=first.id, kind="observation", action="observation_submitted",
                                       observation_id=observation.id))
            db.session.add(Complaint(secret_hash="x", channel="public", office_id=office.id, client_id=client.id,
                                     grounds=["PUBLIC_UNREST"], narrative="x", complainant_name="x",
                                     declaration_at=utcnow(), submitted_on=dt.date(2026, 11, 1),
                                     due_on=dt.date(2026, 11, 30)))
        db.session.commit()
        return app, officer.get_id(), first.public_id


def measure(app, session_id: str, url: str, repeat: int) -> tuple[float, int]:
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["_user_id"] = session_id
        sess["_auth_at"] = sess["_seen"] = utcnow().timestamp()
    statements = []
    with app.app_context():
        listener = lambda *a, **k: statements.append(1)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        timings = []
        for _ in range(repeat):
            statements.clear()
            start = time.perf_counter()
            assert client.get(url).status_code == 200, url
            timings.append(time.perf_counter() - start)
        event.remove(db.engine, "before_cursor_execute", listener)
    return statistics.median(timings) * 1000, len(statements)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    print(f"{'rows':>6} {'page':<28} {'median ms':>10} {'queries':>8}")
    for rows in args.rows:
        folder = tempfile.mkdtemp()
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.db"
        app, session_id, public_id = build(rows, url)
        pages = {"client register": "/staf/klien/", "observation inbox": "/staf/pengamatan/",
                 "complaint queue": "/staf/pengaduan/", "client timeline": f"/staf/klien/{public_id}"}
        for name, page in pages.items():
            ms, queries = measure(app, session_id, page, args.repeat)
            print(f"{rows:>6} {name:<28} {ms:>10.1f} {queries:>8}")


if __name__ == "__main__":
    main()
