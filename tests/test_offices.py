"""Reference data: 38 provinces, the shipped Bapas list, `flask offices import`."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.extensions import db
from portal.offices.models import Office, Region


def test_reference_data_has_all_provinces_and_real_offices(app):
    with app.app_context():
        assert db.session.scalar(select(func.count(Region.id))) == 38
        assert db.session.scalar(select(func.count(Office.id))) >= 30
        provinces = db.session.scalar(select(func.count(func.distinct(Office.region_id))))
        assert provinces >= 10
        bandung = db.session.scalar(select(Office).where(Office.code == "BAPAS-BDG"))
        assert bandung.office_class == "I" and bandung.region.name == "Jawa Barat"
        assert bandung.phone == "(022) 7534015"


def _import(app, tmp_path, content, *extra):
    path = tmp_path / "offices.csv"
    path.write_text(content, encoding="utf-8")
    return app.test_cli_runner().invoke(args=["offices", "import", str(path), *extra])


HEADER = "code,name,class,province,city,address,phone\n"


def test_import_reports_every_bad_row_by_line_and_imports_nothing(app, tmp_path):
    result = _import(app, tmp_path, HEADER
                     + "BAPAS-NEW1,Balai Pemasyarakatan Baru,II,Jawa Barat,Kota Bogor,,\n"
                     + "bad code!,Nama,II,Jawa Barat,,,\n"
                     + "BAPAS-NEW2,,III,Atlantis,,,call me\n"
                     + "BAPAS-NEW1,Duplicate,I,Bali,,,\n")
    assert result.exit_code != 0
    assert "line 3: code must be" in result.output
    assert "line 4: name is empty" in result.output
    assert "line 4: class must be I, II or empty" in result.output
    assert "line 4: unknown province 'Atlantis'" in result.output
    assert "line 4: phone may hold only" in result.output
    assert "line 5: code BAPAS-NEW1 appears twice" in result.output
    with app.app_context():
        assert db.session.scalar(select(Office).where(Office.code == "BAPAS-NEW1")) is None


def test_import_is_idempotent_by_code_and_updates_changes(app, tmp_path):
    content = HEADER + "BAPAS-NEW1,Balai Pemasyarakatan Baru,II,Jawa Barat,Kota Bogor,Jl. Baru 1,(0251) 123456\n"
    first = _import(app, tmp_path, content)
    assert first.exit_code == 0 and "1 created" in first.output
    second = _import(app, tmp_path, content)
    assert "0 created, 0 updated, 1 unchanged" in second.output
    third = _import(app, tmp_path, content.replace("Jl. Baru 1", "Jl. Baru 2"))
    assert "0 created, 1 updated" in third.output
    with app.app_context():
        offices = db.session.scalars(select(Office).where(Office.code == "BAPAS-NEW1")).all()
        assert len(offices) == 1 and offices[0].address == "Jl. Baru 2"


def test_dry_run_changes_nothing(app, tmp_path):
    result = _import(app, tmp_path, HEADER + "BAPAS-NEW9,Balai Baru,I,Bali,Denpasar,,\n", "--dry-run")
    assert result.exit_code == 0 and "would be" in result.output
    with app.app_context():
        assert db.session.scalar(select(Office).where(Office.code == "BAPAS-NEW9")) is None


def test_missing_columns_are_reported(app, tmp_path):
    result = _import(app, tmp_path, "code,name\nX1,Y\n")
    assert result.exit_code != 0 and "missing columns: class, province" in result.output


def test_shipped_list_reimports_without_changes(app):
    from portal.offices.importer import import_offices, shipped_offices
    with app.app_context():
        report = import_offices(shipped_offices())
        assert report.ok and report.created == 0 and report.updated == 0
        assert report.unchanged >= 30
