"""Signing in and out in the browser, shared by the browser journeys."""
from __future__ import annotations

import pyotp

from ..support import PASSWORD


def sign_in(page, base: str, user, landing: str | None = None) -> None:
    """Sign in through the form (with a TOTP code when the user has one)."""
    page.goto(base + "/masuk")
    page.get_by_label("Email", exact=True).fill(user.email)
    page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    if user.totp_secret:
        page.get_by_label("Kode autentikasi").fill(pyotp.TOTP(user.totp_secret).now())
        page.get_by_role("button", name="Lanjutkan").click()
    if landing:
        page.wait_for_url(f"**{landing}")
    else:
        page.wait_for_load_state()
        assert "/masuk" not in page.url


def sign_out(page) -> None:
    """Sign out with the header button."""
    page.get_by_role("button", name="Keluar").click()
    page.wait_for_url("**/")
