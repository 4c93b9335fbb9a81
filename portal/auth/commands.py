"""`flask users …`: create the first administrator."""
from __future__ import annotations

import click
from flask.cli import with_appcontext

from .. import audit
from ..extensions import db
from .models import User
from .passwords import password_problems
from .services import find_user_by_email, normalise_email, set_password


@click.group("users", help="User accounts.")
def users_cli() -> None:
    """Group for user commands."""


@users_cli.command("create-admin")
@click.option("--email", prompt=True)
@click.option("--name", prompt=True)
@click.password_option(help="Prompted for when not given; never shown.")
@with_appcontext
def create_admin(email: str, name: str, password: str) -> None:
    """Create an administrator (two-factor enrolment is required at first sign-in)."""
    email = normalise_email(email)
    if "@" not in email:
        raise click.ClickException("that is not an email address")
    if find_user_by_email(email):
        raise click.ClickException("a user with this email already exists")
    problems = password_problems(password, email=email, name=name)
    if problems:
        raise click.ClickException(" ".join(str(p) for p in problems))
    user = User(email=email, name=name.strip(), role="admin")
    db.session.add(user)
    db.session.flush()
    set_password(None, user, password, how="cli")
    audit.record(None, "user.created", user, role="admin", via="cli")
    db.session.commit()
    click.echo(f"Administrator {email} created. Sign in and set up two-factor authentication.")
