"""`flask --app portal demo`: set up a local portal with demo data and serve it."""
from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade
from sqlalchemy import select
from werkzeug.serving import run_simple

from . import audit
from .auth.models import User
from .auth.services import set_password
from .demo_cases import load_demo_procedure
from .demo_data import (
    DEMO_COMPLAINT_REFERENCE,
    DEMO_COMPLAINT_SECRET,
    load_demo_clients,
    load_demo_complaints,
    load_demo_partners,
)
from .demo_homes import load_demo_homes
from .demo_visits import load_demo_visits
from .extensions import db
from .offices.importer import import_offices, load_regions, shipped_offices
from .offices.models import Office, Region
from .security import BAPAS_STAFF
from .supervision.demo import load_demo_supervision

DEMO_PASSWORD = "pokmas-demo-2026"
DEMO_OFFICE = "BAPAS-BDG"
DEMO_REGION = "Jawa Barat"

# role, email, name, TOTP secret (for roles that require two-factor authentication)
DEMO_USERS = [
    ("admin", "admin@pokmas.example", "Admin Portal", "CGKOYHCDBJ6XBME6ICCFXY42VWOKV5DG"),
    ("head", "kepala.bandung@pokmas.example", "Dr. Ratna Kusumawati", "WYPQN74CAAU2RQCS6GHDP4EGBK2FLTUD"),
    ("supervisor", "kasi.bandung@pokmas.example", "Agus Setiawan", None),
    ("officer", "pk.bandung@pokmas.example", "Siti Rahmawati", None),
    ("regional", "kanwil.jabar@pokmas.example", "Bambang Hartono", "LJ6NSSCZEISAO2QHTQKQLHA6H6UAXOEX"),
    ("partner", "mitra@pokmas.example", "Dewi Lestari", None),
]


def load_reference_data() -> None:
    """Provinces and the shipped Bapas list (idempotent)."""
    load_regions()
    report = import_offices(shipped_offices())
    if not report.ok:
        raise click.ClickException(f"shipped office list is invalid: {report.errors[:3]}")


def load_demo_users() -> list[User]:
    """Create the demo accounts that do not exist yet; return all of them."""
    office = db.session.scalar(select(Office).where(Office.code == DEMO_OFFICE))
    region = db.session.scalar(select(Region).where(Region.name == DEMO_REGION))
    if office is None or region is None:
        raise click.ClickException(f"the reference data has no {DEMO_OFFICE} office or {DEMO_REGION} province")
    users = []
    for role, email, name, secret in DEMO_USERS:
        user = db.session.scalar(select(User).where(User.email == email))
        if user is None:
            user = User(email=email, name=name, role=role, locale="id")
            if role in BAPAS_STAFF:
                user.office_id = office.id
            if role == "regional":
                user.region_id = region.id
            user.totp_secret = secret
            db.session.add(user)
            db.session.flush()
            set_password(None, user, DEMO_PASSWORD, how="demo")
            audit.record(None, "user.created", user, role=role, via="demo")
        users.append(user)
    return users


@click.command("demo")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--no-serve", is_flag=True, help="Prepare the data, print the logins, do not serve.")
@with_appcontext
def demo_command(host: str, port: int, no_serve: bool) -> None:
    """Create instance/, migrate, load reference and demo data, then serve the portal."""
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]  # Flask types the current_app proxy as Flask
    if app.config["ENV_NAME"] == "production":
        raise click.ClickException("the demo never runs with the production configuration")
    upgrade()
    load_reference_data()
    users = load_demo_users()
    load_demo_partners(DEMO_OFFICE)
    load_demo_clients(DEMO_OFFICE, "pk.bandung@pokmas.example")
    load_demo_complaints(DEMO_OFFICE, "pk.bandung@pokmas.example")
    with app.test_request_context("/"):  # the documents carry their verification address
        load_demo_procedure(DEMO_OFFICE)
    load_demo_homes(DEMO_OFFICE, "pk.bandung@pokmas.example", "mitra@pokmas.example")
    with app.test_request_context("/"):
        load_demo_supervision(DEMO_OFFICE, "pk.bandung@pokmas.example")
    load_demo_visits(DEMO_OFFICE, "pk.bandung@pokmas.example", "mitra@pokmas.example",
                     "kasi.bandung@pokmas.example")
    db.session.commit()
    click.echo(f"\nDatabase: {app.config['SQLALCHEMY_DATABASE_URI']}")
    click.echo(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
    for user in users:
        extra = f"  TOTP secret {user.totp_secret}" if user.totp_secret else ""
        click.echo(f"  {user.role:<11} {user.email}{extra}")
    click.echo(f"Demo complaint receipt: {DEMO_COMPLAINT_REFERENCE} / {DEMO_COMPLAINT_SECRET}")
    if no_serve:
        return
    click.echo(f"\nServing on http://{host}:{port}  (Ctrl+C to stop)\n")
    run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
