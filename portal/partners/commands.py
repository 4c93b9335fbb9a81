"""`flask partners daily`: PKS reminders and expiry, retention of application data."""
from __future__ import annotations

import datetime as dt

import click
from flask.cli import with_appcontext

from ..extensions import db
from .services import daily


@click.group("partners", help="POKMAS partners.")
def partners_cli() -> None:
    """Group for partner commands."""


@partners_cli.command("daily")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Run as if today were this date (WIB).")
@with_appcontext
def daily_command(on: dt.datetime | None) -> None:
    """Send PKS reminders (60/30/7 days), end lapsed partnerships, purge old applications.
    Safe to run more than once a day."""
    report = daily(on.date() if on else None)
    db.session.commit()
    click.echo(f"{len(report.reminders)} reminder(s), {len(report.ended)} partnership(s) ended, "
               f"{report.purged_unconfirmed} unconfirmed application(s) purged, "
               f"{report.purged_documents} old document(s) deleted")
