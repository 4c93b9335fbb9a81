"""Importing the register from CSV: the template, a dry run, errors by line, idempotence."""
from __future__ import annotations

import io

from sqlalchemy import func, select

from portal.clients.importer import COLUMNS
from portal.clients.models import Client
from portal.extensions import db

from .support import OFFICE_A, login_client

HEADER = ",".join(COLUMNS) + "\n"


def row(number, name="Klien Impor", programme="PB", start="2026-01-10", end="2027-01-10",
        officer="", risk="low", nik=""):
    return f"{number},{name},{programme},{start},{end},{officer},{risk},Kota Bandung,{nik},,,,\n"


def cli_import(app, tmp_path, content, supervisor, *extra):
    path = tmp_path / "klien.csv"
    path.write_text(content, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["clients", "import", str(path), "--office", OFFICE_A,
                                              "--as", supervisor.email, *extra])


def test_template_download(app, users):
    session = login_client(app, users.make("supervisor"))
    response = session.get("/staf/klien/impor/templat.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data(as_text=True).splitlines()[0] == ",".join(COLUMNS)


def test_cli_reports_each_bad_row_and_imports_nothing(app, users, tmp_path):
    supervisor = users.make("supervisor")
    content = (HEADER + row("A-1") + row("A-2", programme="XX") + row("A-3", start="31-31-2026")
               + row("A-4", officer="nobody@test.example") + row("A-1") + row("A-5", nik="123")
               + row("A-6", start="2027-01-01", end="2026-01-01"))
    result = cli_import(app, tmp_path, content, supervisor)
    assert result.exit_code != 0
    for line in ("line 3: ", "line 4: ", "line 5: ", "line 6: ", "line 7: ", "line 8: "):
        assert line in result.output
    assert "line 2: " not in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Client.id))) == 0


def test_cli_is_idempotent_and_shows_progress(app, users, tmp_path):
    supervisor = users.make("supervisor")
    officer = users.make("officer")
    content = HEADER + "".join(row(f"B-{n}", officer=officer.email) for n in range(30))
    dry = cli_import(app, tmp_path, content, supervisor, "--dry-run")
    assert "30 created" in dry.output and "would be" in dry.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Client.id))) == 0
    first = cli_import(app, tmp_path, content, supervisor)
    assert first.exit_code == 0 and "30 created" in first.output and "Checking rows" in first.output
    again = cli_import(app, tmp_path, content, supervisor)
    assert "0 created, 0 updated, 30 unchanged" in again.output
    changed = cli_import(app, tmp_path, content.replace("B-7,Klien Impor", "B-7,Nama Diperbarui"), supervisor)
    assert "0 created, 1 updated, 29 unchanged" in changed.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Client.id))) == 30
        assert db.session.scalar(select(Client.officer_id).where(Client.register_number == "B-3")) == officer.id


def test_web_import_dry_run_then_import(app, users):
    session = login_client(app, users.make("supervisor"))
    content = (HEADER + row("C-1") + row("C-2")).encode()
    dry = session.post("/staf/klien/impor", content_type="multipart/form-data",
                       data={"csv_file": (io.BytesIO(content), "k.csv"), "dry_run": "y"})
    assert "2 baris" in dry.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Client.id))) == 0
    done = session.post("/staf/klien/impor", content_type="multipart/form-data",
                        data={"csv_file": (io.BytesIO(content), "k.csv")})
    assert done.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count(Client.id))) == 2
    bad = session.post("/staf/klien/impor", content_type="multipart/form-data",
                       data={"csv_file": (io.BytesIO((HEADER + row("C-3", programme="ZZ")).encode()), "k.csv")})
    assert "Baris 2: " in bad.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Client.id))) == 2


def test_officers_cannot_import(app, users):
    assert login_client(app, users.make("officer")).get("/staf/klien/impor").status_code == 403
