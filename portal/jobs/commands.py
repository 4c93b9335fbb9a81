"""`flask jobs daily`: close postings past their closing date."""
from __future__ import annotations

import datetime as dt

import click
from flask.cli import with_appcontext

from ..extensions import db
from .services import close_expired


@click.group("jobs", help="Jobs and training.")
def jobs_cli() -> None:
    """Group for opportunity commands."""


@jobs_cli.command("daily")
@click.option("--date", "on", type=click.DateTime(formats=["%Y-%m-%d"]), default=None)
@with_appcontext
def daily_command(on: dt.datetime | None) -> None:
    """Close published postings whose closing date has passed. Safe to run twice."""
    closed = close_expired(on.date() if on else None)
    db.session.commit()
    click.echo(f"{closed} posting(s) closed")
