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
