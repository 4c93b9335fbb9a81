"""`flask clients …`: import the register from CSV; the daily job."""
from __future__ import annotations

import datetime as dt
import sys

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from ..auth.models import User
from ..extensions import db
from ..offices.models import Office
from .importer import import_clients
from .services import daily


@click.group("clients", help="The client register.")
def clients_cli() -> None:
    """Group for client commands."""


@clients_cli.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("--office", "office_code", required=True, help="Bapas code, e.g. BAPAS-BDG.")
@click.option("--as", "actor_email", required=True, help="Email of the supervisor importing.")
@click.option("--dry-run", is_flag=True, help="Check every row; change nothing.")
@with_appcontext
def import_command(csv_file: str, office_code: str, actor_email: str, dry_run: bool) -> None:
    """Create or update clients of a Bapas from CSV_FILE (see the template in the portal)."""
    office = db.session.scalar(select(Office).where(Office.code == office_code))
    actor = db.session.scalar(select(User).where(User.email == actor_email.lower()))
    if office is None or actor is None or actor.office_id != office.id:
        raise click.ClickException("unknown office, or the user does not work there")
    with open(csv_file, encoding="utf-8-sig", newline="") as fh:
        total = max(sum(1 for _ in fh) - 1, 0)
        fh.seek(0)
        with click.progressbar(length=total, label="Checking rows", file=sys.stderr) as bar:
            report = import_clients(actor, office.id, fh, dry_run=dry_run, progress=bar.update)
    if not report.ok:
        for line, problem in report.errors:
            click.echo(f"line {line}: {problem}", err=True)
        db.session.rollback()
        raise click.ClickException(f"{len(report.errors)} problem(s); nothing was imported")
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    verb = "would be" if dry_run else "were"
    click.echo(f"{report.rows} row(s): {report.created} created, {report.updated} updated, "
               f"{report.unchanged} unchanged ({verb} applied)")


@clients_cli.command("daily")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@with_appcontext
def daily_command(on: dt.datetime | None) -> None:
    """End assignments past their end date; email officers the digest of observations."""
    report = daily(on.date() if on else None)
    db.session.commit()
    click.echo(f"{report.assignments_ended} assignment(s) ended, {report.digests} digest(s) "
               f"with {report.observations_digested} observation(s)")
