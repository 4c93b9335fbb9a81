"""Letter numbers come from a register per issuer, year and kind of document: issued at the
same moment from many sessions they never repeat, and an issue that is rolled back gives its
number back, so none is skipped (run with TEST_DATABASE_URL for PostgreSQL's row locks)."""
from __future__ import annotations

import threading
import time

from portal.documents import numbering
from portal.extensions import db

from .support import OFFICE_A, OFFICE_B, office

THREADS = 8


def _issue_at_once(app, office_code: str, kind: str, year: int, roll_back: set[int]) -> list[str]:
    """Each thread has its own app context (its own session and connection); all start
    together; the threads in `roll_back` take a number and then roll back."""
    barrier = threading.Barrier(THREADS)
    numbers: list[str | None] = [None] * THREADS
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            with app.app_context():
                issuer = office(office_code)
                barrier.wait()
                number = numbering.assign(issuer, kind, year)
                time.sleep(0.05)  # hold the number a moment, so the others must wait for it
                if index in roll_back:
                    db.session.rollback()
                else:
                    db.session.commit()
                    numbers[index] = number
        except BaseException as error:  # reported below, with the thread's failure
            errors.append(error)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return [n for n in numbers if n is not None]


def test_numbers_issued_at_once_never_repeat_and_never_skip(app):
    # The first use of the register is among the racing issues: its row is created once.
    issued = _issue_at_once(app, OFFICE_A, "warning", 2026, roll_back={2, 5})
    assert sorted(issued, key=lambda n: int(n.rsplit("-", 1)[1])) == [
        "BAPAS-BDG-PK.TGR-1", "BAPAS-BDG-PK.TGR-2", "BAPAS-BDG-PK.TGR-3",
        "BAPAS-BDG-PK.TGR-4", "BAPAS-BDG-PK.TGR-5", "BAPAS-BDG-PK.TGR-6"]
    more = _issue_at_once(app, OFFICE_A, "warning", 2026, roll_back=set())
    assert sorted(int(n.rsplit("-", 1)[1]) for n in more) == [7, 8, 9, 10, 11, 12, 13, 14]


def test_each_office_year_and_kind_has_its_own_register(app):
    with app.app_context():
        bandung, semarang = office(OFFICE_A), office(OFFICE_B)
        bandung.unit_code = "W00.PAS.PAS0"
        assert numbering.assign(bandung, "warning", 2026) == "W00.PAS.PAS0-PK.TGR-1"
        assert numbering.assign(bandung, "warning", 2026) == "W00.PAS.PAS0-PK.TGR-2"
        assert numbering.assign(bandung, "warning", 2027) == "W00.PAS.PAS0-PK.TGR-1"
        assert numbering.assign(bandung, "summons", 2026) == "W00.PAS.PAS0-PK.PGL-1"
        # The three BAPs share one register; a decision carries its year.
        assert numbering.assign(bandung, "bap_client", 2026) == "W00.PAS.PAS0-PK.BAP-1"
        assert numbering.assign(bandung, "bap_witness", 2026) == "W00.PAS.PAS0-PK.BAP-2"
        assert numbering.assign(bandung, "temporary_revocation", 2026) == "W00.PAS.PAS0-PK.KEP-1 TAHUN 2026"
        # Without a unit code set by an admin, the portal's own office code stands in.
        assert numbering.assign(semarang, "warning", 2026) == "BAPAS-SMG-PK.TGR-1"
        db.session.rollback()


def test_the_number_pattern_and_codes_are_settings(make_app):
    app = make_app(LETTER_NUMBER_FORMAT="{sequence}/{unit}/{classification}/{year}",
                   LETTER_CLASSIFICATION={"warning": "KODE.X"})
    with app.app_context():
        assert numbering.assign(office(OFFICE_A), "warning", 2026) == "1/BAPAS-BDG/KODE.X/2026"
        db.session.rollback()


def test_the_unit_codes_are_set_from_the_command_line(app):
    from portal.offices.models import Region
    runner = app.test_cli_runner()
    assert runner.invoke(args=["offices", "unit-code", "bapas-bdg", "W00.PAS.PAS9"]).exit_code == 0
    assert runner.invoke(args=["offices", "unit-code", "--region", "Jawa Barat", "W00.PAS"]).exit_code == 0
    refused = runner.invoke(args=["offices", "unit-code", "BAPAS-BDG", "W00 PAS"])
    assert refused.exit_code != 0 and "without spaces" in refused.output
    assert runner.invoke(args=["offices", "unit-code", "BAPAS-NOWHERE", "W00"]).exit_code != 0
    with app.app_context():
        assert office(OFFICE_A).unit_code == "W00.PAS.PAS9"
        assert db.session.scalar(db.select(Region.unit_code).where(Region.name == "Jawa Barat")) == "W00.PAS"
