"""`flask complaints daily`: lapsed clarification requests, the overdue digest."""
from __future__ import annotations

import datetime as dt

import click
from flask.cli import with_appcontext

from ..extensions import db
from .services import daily


@click.group("complaints", help="Revocation complaints.")
def complaints_cli() -> None:
    """Group for complaint commands."""


@complaints_cli.command("daily")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@with_appcontext
def daily_command(on: dt.datetime | None) -> None:
    """Return lapsed clarification requests to review; email supervisors their overdue cases;
    remind the case's staff on the Bapas's reminder days and when a case becomes overdue."""
    from ..reminders.services import remind
    day = on.date() if on else None
    lapsed, digests = daily(day)
    db.session.commit()
    reminders = remind(day)
    db.session.commit()
    click.echo(f"{lapsed} request(s) lapsed, {digests} digest(s) sent, {reminders} reminder(s) sent")
