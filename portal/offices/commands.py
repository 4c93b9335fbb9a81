"""`flask offices …`: load the national Bapas list."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from .. import audit
from ..extensions import db
from .importer import import_offices, load_regions


@click.group("offices", help="Regions and Bapas offices.")
def offices_cli() -> None:
    """Group for office commands."""


@offices_cli.command("import")
@click.argument("csv_file", type=click.File("r", encoding="utf-8-sig"))
@click.option("--dry-run", is_flag=True, help="Check every row; change nothing.")
@with_appcontext
def import_command(csv_file, dry_run: bool) -> None:
    """Create or update Bapas offices from CSV_FILE (columns: code,name,class,province,city,address,phone)."""
    load_regions()
    report = import_offices(csv_file, dry_run=dry_run)
    if not report.ok:
        for line, problem in report.errors:
            click.echo(f"line {line}: {problem}", err=True)
        db.session.rollback()
        raise click.ClickException(f"{len(report.errors)} problem(s); nothing was imported")
    if dry_run:
        db.session.rollback()
    else:
        audit.record(None, "offices.import", None, created=report.created, updated=report.updated)
        db.session.commit()
    verb = "would be" if dry_run else "were"
    click.echo(f"{report.created} created, {report.updated} updated, {report.unchanged} unchanged "
               f"({verb} applied)")


@offices_cli.command("unit-code")
@click.argument("office_code")
@click.argument("unit_code")
@click.option("--region", is_flag=True, help="OFFICE_CODE names a province (its Kanwil), not a Bapas.")
@with_appcontext
def unit_code_command(office_code: str, unit_code: str, region: bool) -> None:
    """Set the unit code a Bapas (or, with --region, a Kanwil) prints in its letter numbers."""
    from sqlalchemy import func, select

    from .models import Office, Region
    value = unit_code.strip()
    if not value or len(value) > 60 or any(ch.isspace() for ch in value):
        raise click.ClickException("the unit code is 1-60 characters without spaces")
    target = (db.session.scalar(select(Region).where(func.lower(Region.name) == office_code.lower()))
              if region else db.session.scalar(select(Office).where(Office.code == office_code.upper())))
    if target is None:
        raise click.ClickException(f"no {'province' if region else 'office'} {office_code!r}")
    target.unit_code = value
    audit.record(None, "offices.unit_code", target, unit_code=value)
    db.session.commit()
    click.echo(f"{target.name}: letters are numbered {value}-…")
