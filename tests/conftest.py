"""Fixtures: a migrated template database per session, a fresh copy and app per test,
an SMTP server in the test process, and sign-in helpers."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import socket
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from portal import create_app
from portal.extensions import db

from .support import ClientFactory, Mailbox, OrgFactory, SMTPCollector, UserFactory, login_client

IN_CI = bool(os.environ.get("CI"))
PG_URL = os.environ.get("TEST_DATABASE_URL")
SKIPPED_IN_CI: list[str] = []


def skip_or_fail(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where nothing may be skipped."""
    if IN_CI:
        pytest.fail(f"{reason} — CI must not skip this test")
    pytest.skip(reason)


def pytest_runtest_logreport(report):
    if report.skipped:
        SKIPPED_IN_CI.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if IN_CI and SKIPPED_IN_CI and session.exitstatus == 0:
        session.exitstatus = 1


def pytest_terminal_summary(terminalreporter):
    if IN_CI and SKIPPED_IN_CI:
        terminalreporter.write_line(
            f"CI: {len(SKIPPED_IN_CI)} test(s) skipped, which CI does not allow", red=True)


# ---------------------------------------------------------------- databases

class SQLiteDatabases:
    """A migrated template file, copied for each test."""

    dialect = "sqlite"

    def __init__(self, folder: Path):
        self.folder = folder
        self.template = folder / "template.db"

    def url(self, path: Path) -> str:
        return f"sqlite:///{path}"

    def template_url(self) -> str:
        return self.url(self.template)

    def clone(self, name: str, source: str | None = None) -> str:
        """A copy of the template, or of the database at `source`."""
        target = self.folder / f"{name}.db"
        shutil.copyfile(make_url(source).database if source else self.template, target)
        return self.url(target)

    def drop(self, url: str) -> None:
        Path(make_url(url).database).unlink(missing_ok=True)

    def close(self) -> None:
        pass


class PostgresDatabases:
    """A migrated template database, cloned with CREATE DATABASE … TEMPLATE for each test."""

    dialect = "postgresql"

    def __init__(self, server_url: str):
        self.server = make_url(server_url)
        if self.server.drivername == "postgresql":
            self.server = self.server.set(drivername="postgresql+psycopg")
        self.prefix = f"pokmas_test_{uuid.uuid4().hex[:8]}"
        self.admin = create_engine(self.server.set(database="postgres"), isolation_level="AUTOCOMMIT")
        self.created: list[str] = []
        self._create(f"{self.prefix}_tmpl")

    def _create(self, name: str, template: str | None = None) -> None:
        with self.admin.connect() as conn:
            suffix = f" TEMPLATE {template}" if template else ""
            conn.execute(text(f'CREATE DATABASE "{name}"{suffix}'))
        self.created.append(name)

    def template_url(self) -> str:
        return self.server.set(database=f"{self.prefix}_tmpl").render_as_string(hide_password=False)

    def clone(self, name: str, source: str | None = None) -> str:
        """A copy of the template, or of the database at `source` (nobody connected to it)."""
        db_name = f"{self.prefix}_{name}"[:63]
        self._create(db_name, template=make_url(source).database if source else f"{self.prefix}_tmpl")
        return self.server.set(database=db_name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if name in self.created:
            self.created.remove(name)

    def close(self) -> None:
        with self.admin.connect() as conn:
            for name in reversed(self.created):
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def base_config(url: str, smtp_port: int, storage: Path) -> dict:
    return {
        "ENV_NAME": "test",
        "SQLALCHEMY_DATABASE_URI": url,
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": smtp_port,
        "STORAGE_DIR": str(storage),
        "SERVER_NAME": None,
    }


@pytest.fixture(scope="session")
def smtp_server():
    """An SMTP server (aiosmtpd) running inside the test process."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = SMTPCollector(port)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def databases(tmp_path_factory, smtp_server):
    """Build the template database once per session: migrations, then reference data."""
    if PG_URL:
        dbs = PostgresDatabases(PG_URL)
    else:
        dbs = SQLiteDatabases(tmp_path_factory.mktemp("db"))
    app = create_app(base_config(dbs.template_url(), smtp_server.port,
                                 tmp_path_factory.mktemp("tmpl-storage")))
    with app.app_context():
        from flask_migrate import upgrade

        from portal.demo import load_reference_data
        upgrade()
        load_reference_data()
        db.session.commit()
        db.engine.dispose()
    yield dbs
    dbs.close()


@dataclass(frozen=True)
class Snapshot:
    """A database and its file storage, to start apps on copies of (see make_app)."""

    url: str
    storage: Path


@pytest.fixture
def make_app(databases, smtp_server, tmp_path, request):
    """Factory for an app on a fresh copy of the template database (one per test), or on a
    fresh copy of a Snapshot's database and files."""
    made = []

    def factory(copy_of: Snapshot | None = None, **overrides):
        name = f"t{uuid.uuid4().hex[:10]}"
        url = databases.clone(name, source=copy_of.url if copy_of else None)
        storage = tmp_path / f"storage-{name}"
        if copy_of is not None:
            shutil.copytree(copy_of.storage, storage)
        config = base_config(url, smtp_server.port, storage)
        config.update(overrides)
        app = create_app(config)
        made.append((app, url))
        return app

    yield factory
    for app, url in made:
        with app.app_context():
            db.session.remove()
            db.engine.dispose()
        databases.drop(url)


@pytest.fixture
def app(make_app):
    """The app for this test. No app context is held open: each request gets its own,
    as in production; tests open `with app.app_context():` to look at the database."""
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def mailbox(smtp_server, app):
    """Email sent during this test: call mailbox.flush() to run the outbox worker."""
    smtp_server.messages.clear()
    return Mailbox(smtp_server, app)


@pytest.fixture
def users(app):
    """Create users of any role in office A (Bandung) or B (Semarang)."""
    return UserFactory(app)


@pytest.fixture
def orgs(app):
    """Create partner organisations (applications) in any state."""
    return OrgFactory(app)


@pytest.fixture
def clients(app):
    """Create clients and partner assignments."""
    return ClientFactory(app)


@pytest.fixture
def login(app, users):
    """login(role, **kw) → a test client signed in as a new user of that role."""
    def do_login(role: str, **kwargs):
        user = users.make(role, **kwargs)
        return login_client(app, user), user
    return do_login


@pytest.fixture
def now():
    return dt.datetime.now(dt.UTC)
