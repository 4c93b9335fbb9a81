"""Benchmark: each role's work home (issue 11) against a bare Flask page of 50 rows, in the same
run and interleaved (one home request, one bare request, …), with p50/p99 and SQL statements.

    python bench/homes.py [--scale demo large] [--clients 20000] [--repeat 40]

`demo` is the data of `flask --app portal demo`; `large` adds N clients (default 20,000) to
Bapas Bandung, spread over 40 PKs, each client with a check-in, an observation and a case.
Builds throw-away SQLite databases (or uses BENCH_DATABASE_URL, an empty database you own).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's portal, not an installed one

from flask import Flask, render_template_string
from sqlalchemy import create_engine, event, insert, select, text

from portal import create_app
from portal.auth.models import User
from portal.clients.models import Assignment, CheckIn, Client
from portal.complaints.models import Complaint
from portal.db import today, utcnow
from portal.extensions import db
from portal.observations.models import Observation
from portal.offices.models import Office

DEMO_EMAILS = {"officer": "pk.bandung@pokmas.example", "supervisor": "kasi.bandung@pokmas.example",
               "head": "kepala.bandung@pokmas.example", "regional": "kanwil.jabar@pokmas.example",
               "partner": "mitra@pokmas.example", "admin": "admin@pokmas.example"}
BARE = """<!doctype html><title>50</title><table>{% for r in rows %}<tr><td>{{ r[0] }}</td>
<td>{{ r[1] }}</td><td>{{ r[2] }}</td></tr>{% endfor %}</table>"""


def build(url: str, clients: int):
    """The demo data, and `clients` more clients in Bapas Bandung (bulk insert)."""
    app = create_app({"ENV_NAME": "test", "SQLALCHEMY_DATABASE_URI": url, "STORAGE_DIR": tempfile.mkdtemp(),
                      "OUTBOX_SEND_IMMEDIATELY": False, "MAIL_BACKEND": "console", "SERVER_NAME": None})
    result = app.test_cli_runner().invoke(args=["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    if clients:
        with app.app_context():
            _grow(clients)
    return app


def _grow(n: int) -> None:
    office = db.session.scalar(select(Office).where(Office.code == "BAPAS-BDG"))
    partner = db.session.scalar(select(User).where(User.email == DEMO_EMAILS["partner"]))
    officers = [User(email=f"pk{i}@bench.example", name=f"PK Bench {i:02d}", role="officer", office_id=office.id)
                for i in range(40)]
    db.session.add_all(officers)
    db.session.flush()
    day, month = today(), today().replace(day=1)
    start = db.session.scalar(select(Client.id).order_by(Client.id.desc()).limit(1)) or 0
    db.session.execute(insert(Client), [
        {"id": start + i + 1, "public_id": f"bench{i:07d}", "office_id": office.id,
         "officer_id": officers[i % 40].id, "register_number": f"BENCH-{i}", "full_name": f"Klien Bench {i:05d}",
         "programme": "PB", "supervision_start_on": dt.date(2026, 1, 1),
         "supervision_end_on": day + dt.timedelta(days=i % 700), "risk_level": ("low", "medium", "high")[i % 3],
         "status": "intensive" if i % 9 == 0 else "active", "consecutive_misses": 0, "version": 1,
         "created_at": utcnow(), "updated_at": utcnow()} for i in range(n)])
    ids = range(start + 1, start + n + 1)
    db.session.execute(insert(CheckIn), [
        {"client_id": c, "month": month, "outcome": ("attended", "missed")[c % 2], "recorded_at": utcnow()}
        for c in ids if c % 3])
    db.session.execute(insert(Assignment), [
        {"client_id": c, "partner_org_id": partner.partner_org_id, "relationship_kind": "mentor",
         "starts_on": dt.date(2026, 1, 1), "ends_on": dt.date(2028, 1, 1), "status": "active",
         "created_at": utcnow()} for c in ids if c % 10 == 0])
    assignments = dict(db.session.execute(select(Assignment.client_id, Assignment.id).where(
        Assignment.client_id > start)).all())
    db.session.execute(insert(Observation), [
        {"public_id": f"obs{c:08d}", "client_id": c, "office_id": office.id, "assignment_id": a,
         "partner_org_id": partner.partner_org_id, "author_id": partner.id, "observed_on": day,
         "category": ("routine", "concern")[c % 2], "grounds": [], "narrative": "<p>x</p>",
         "status": "submitted", "version": 1, "created_at": utcnow() - dt.timedelta(days=c % 9),
         "updated_at": utcnow()} for c, a in assignments.items()])
    db.session.execute(insert(Complaint), [
        {"reference": f"ADU-B{c:07d}", "secret_hash": "x", "channel": "public", "office_id": office.id,
         "client_id": c, "grounds": ["PUBLIC_UNREST"], "narrative": "x", "complainant_name": "x",
         "declaration_at": utcnow(), "status": ("in_review", "examination", "submitted")[c % 3],
         "assigned_officer_id": officers[c % 40].id, "submitted_on": day - dt.timedelta(days=c % 30),
         "due_on": day + dt.timedelta(days=c % 40 - 20), "locale": "id", "version": 1,
         "flagged_malicious": False, "created_at": utcnow(), "updated_at": utcnow()}
        for c in ids if c % 4 == 0])
    db.session.commit()


def _bare(url: str) -> Flask:
    """A bare Flask app: one query for 50 client rows, rendered as a table."""
    bare = Flask("bare")
    engine = create_engine(url)

    @bare.route("/")
    def page():
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, full_name, status FROM client ORDER BY id LIMIT 50")).all()
        return render_template_string(BARE, rows=rows)
    return bare


def _signed_in(app, email: str):
    with app.app_context():
        user = db.session.scalar(select(User).where(User.email == email))
        session_id = user.get_id()
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["_user_id"] = session_id
        sess["_fresh"] = True
        sess["_auth_at"] = sess["_seen"] = utcnow().timestamp()
    return client


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] * 1000


def run(app, bare: Flask, repeat: int) -> list[tuple[str, float, float, float, float, int]]:
    rows = []
    plain = bare.test_client()
    for role, email in DEMO_EMAILS.items():
        client = _signed_in(app, email)
        client.get("/beranda/")
        statements: list[int] = []
        homes, bares = [], []
        with app.app_context():
            engine = db.engine  # no app context stays open: each request gets its own

        def listener(*args, seen=statements, **kwargs):
            seen.append(1)
        event.listen(engine, "before_cursor_execute", listener)
        for _ in range(repeat):
            statements.clear()
            start = time.perf_counter()
            response = client.get("/beranda/")
            homes.append(time.perf_counter() - start)
            assert response.status_code == 200, (role, response.status_code)
            queries = len(statements)
            start = time.perf_counter()
            assert plain.get("/").status_code == 200
            bares.append(time.perf_counter() - start)
        event.remove(engine, "before_cursor_execute", listener)
        rows.append((role, _pct(homes, 50), _pct(homes, 99), _pct(bares, 50), _pct(bares, 99), queries))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", nargs="+", default=["demo", "large"], choices=["demo", "large"])
    parser.add_argument("--clients", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()
    print(f"{'scale':<6} {'home':<11} {'p50 ms':>7} {'p99 ms':>7} {'bare p50':>9} {'bare p99':>9} {'queries':>8}")
    for scale in args.scale:
        folder = tempfile.mkdtemp()
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.db"
        built = time.perf_counter()
        app = build(url, args.clients if scale == "large" else 0)
        print(f"# {scale}: data built in {time.perf_counter() - built:.0f} s")
        for role, p50, p99, b50, b99, queries in run(app, _bare(url), args.repeat):
            print(f"{scale:<6} {role:<11} {p50:>7.1f} {p99:>7.1f} {b50:>9.1f} {b99:>9.1f} {queries:>8}")


if __name__ == "__main__":
    main()
