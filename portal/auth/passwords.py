"""Password hashing (argon2id) and the password policy."""
from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app
from flask_babel import gettext as _

MIN_LENGTH = 12
MAX_LENGTH = 128
# A hash of a random password, verified when the email is unknown so both paths cost the same.
_DUMMY_PASSWORD = "dummy-password-for-timing"


def _hasher() -> PasswordHasher:
    app: Flask = current_app._get_current_object()  # type: ignore[attr-defined]  # Flask types the current_app proxy as Flask
    hasher = app.extensions.get("pokmas_hasher")
    if hasher is None:
        hasher = PasswordHasher(time_cost=app.config["ARGON2_TIME_COST"],
                                memory_cost=app.config["ARGON2_MEMORY_COST"])
        app.extensions["pokmas_hasher"] = hasher
        app.extensions["pokmas_dummy_hash"] = hasher.hash(_DUMMY_PASSWORD)
    return hasher


def hash_password(password: str) -> str:
    """Hash with argon2id."""
    return _hasher().hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password; with no hash, still spend the time of one check."""
    hasher = _hasher()
    if password_hash is None:
        try:
            hasher.verify(current_app.extensions["pokmas_dummy_hash"], password)
        except VerificationError:
            pass
        return False
    try:
        return hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the stored hash uses weaker parameters than the current ones."""
    return _hasher().check_needs_rehash(password_hash)


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The shipped list of about 20,000 common passwords (lower case)."""
    data = resources.files(__package__).joinpath("common-passwords.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("utf-8").split())


def password_problems(password: str, *, email: str = "", name: str = "") -> list[str]:
    """Translated reasons why `password` is not acceptable (empty when it is)."""
    problems = []
    if len(password) < MIN_LENGTH:
        problems.append(_("Use at least %(n)d characters.", n=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        problems.append(_("Use at most %(n)d characters.", n=MAX_LENGTH))
    lowered = password.lower()
    if lowered in common_passwords() or lowered.strip() in common_passwords():
        problems.append(_("This password is too common. Choose another."))
    local_part = email.split("@")[0].lower()
    if (local_part and len(local_part) >= 4 and local_part in lowered) or (
            name and name.lower().replace(" ", "") == lowered.replace(" ", "")):
        problems.append(_("The password must not contain your name or email address."))
    return problems
