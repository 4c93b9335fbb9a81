"""Password policy and hashing."""
from __future__ import annotations

import pytest

from portal.auth.passwords import hash_password, password_problems, verify_password


@pytest.mark.parametrize("password, ok", [
    ("a" * 11 + "Z", True),
    ("short-pass1", False),                 # 11 characters
    ("x7" * 64, True),                      # 128 characters
    ("x7" * 64 + "y", False),               # 129 characters
    ("password1234", False),                # common
    ("PASSWORD1234", False),                # common, other case
    ("correct horse battery staple", True),
])
def test_policy(app, password, ok):
    with app.test_request_context():
        assert (password_problems(password) == []) is ok


def test_password_may_not_contain_the_email_name(app):
    with app.test_request_context():
        assert password_problems("budi.santoso-2026-xyz", email="budi.santoso@test.example")


def test_hash_is_argon2id_and_long_passwords_are_not_truncated(app):
    with app.app_context():
        long_password = "k9" * 64
        hashed = hash_password(long_password)
        assert hashed.startswith("$argon2id$")
        assert verify_password(hashed, long_password)
        assert not verify_password(hashed, long_password[:-1] + "X")
        assert not verify_password(hashed, long_password[:72])
        assert not verify_password(None, long_password)
