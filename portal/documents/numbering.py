"""Letter numbers: a running number per issuer, year and kind of document that never repeats
and never skips, formatted from separate configurable fields (unit code, classification code,
sequence, year). Nothing here holds a real number: the unit code is the office's (admin-set),
the classification codes are configuration."""
from __future__ import annotations

from flask import current_app
from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..offices.models import Office, Region
from .kinds import CLASSIFICATION, DECISIONS
from .models import LetterSequence


def sequence_kind(kind: str) -> str:
    """The register a kind is numbered in: the three BAPs share one."""
    return "bap" if kind.startswith("bap_") else kind


def issuer_key(issuer: Office | Region) -> str:
    """"office-12" or "region-3": whose register the number comes from."""
    return f"{'region' if isinstance(issuer, Region) else 'office'}-{issuer.id}"


def _increment(issuer: str, year: int, kind: str) -> int | None:
    # One statement: on PostgreSQL the UPDATE locks the row until the issuing transaction
    # ends, so a concurrent issue waits and then reads the committed value.
    return db.session.execute(
        update(LetterSequence)
        .where(LetterSequence.issuer == issuer, LetterSequence.year == year,
               LetterSequence.kind == kind)
        .values(last=LetterSequence.last + 1)
        .returning(LetterSequence.last)).scalar()


def next_sequence(issuer: str, year: int, kind: str) -> int:
    """The next number of the register, taken inside the current transaction (a rollback
    gives it back). The first use inserts the row in a savepoint; if another transaction
    inserted it at the same moment, the unique key refuses ours and we increment theirs."""
    number = _increment(issuer, year, kind)
    if number is not None:
        return number
    try:
        with db.session.begin_nested():
            db.session.execute(insert(LetterSequence).values(issuer=issuer, year=year, kind=kind,
                                                              last=1))
        return 1
    except IntegrityError:
        number = _increment(issuer, year, kind)
        if number is None:  # the row was there a moment ago; it cannot have gone
            raise
        return number


def current(issuer: str, year: int, kind: str) -> int:
    """The last number given (0 when none): for tests and reports."""
    value = db.session.scalar(select(LetterSequence.last).where(
        LetterSequence.issuer == issuer, LetterSequence.year == year, LetterSequence.kind == kind))
    return value or 0


def format_number(kind: str, unit: str, sequence: int, year: int) -> str:
    """The printed number from its fields, by the configured pattern."""
    codes = {**CLASSIFICATION, **current_app.config.get("LETTER_CLASSIFICATION", {})}
    pattern = current_app.config["DECISION_NUMBER_FORMAT" if kind in DECISIONS
                                 else "LETTER_NUMBER_FORMAT"]
    return pattern.format(unit=unit, classification=codes[kind], sequence=sequence, year=year)


def unit_code(issuer: Office | Region) -> str:
    """The issuer's unit code; until an admin sets it, the portal's own office code."""
    return issuer.unit_code or issuer.code


def assign(issuer: Office | Region, kind: str, year: int) -> str:
    """Take the next number of `kind` for this issuer and year and format it."""
    sequence = next_sequence(issuer_key(issuer), year, sequence_kind(kind))
    return format_number(kind, unit_code(issuer), sequence, year)
