"""Screenshots of each role's work home (issue 11) from the demo data, at 390 and 1280 px:
docs/screens/issue-11/home-<role>-<width>.png.

    python bench/home_screens.py

Loads the demo into a throw-away SQLite database, serves it on 127.0.0.1, signs in as each demo
account through the sign-in form (with the TOTP code where the role needs one) in Debian's
chromium (Playwright), and saves the full page.
"""
from __future__ import annotations

import os
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout's portal, not an installed one

import pyotp  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from portal import create_app  # noqa: E402
from portal.demo import DEMO_PASSWORD, DEMO_USERS  # noqa: E402

OUT = ROOT / "docs" / "screens" / "issue-11"
WIDTHS = (390, 1280)
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def main() -> None:
    folder = tempfile.mkdtemp()
    app = create_app({"ENV_NAME": "test", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/demo.db",
                      "STORAGE_DIR": folder, "SERVER_NAME": None, "OUTBOX_SEND_IMMEDIATELY": False,
                      "WTF_CSRF_ENABLED": True})
    result = app.test_cli_runner().invoke(args=["demo", "--no-serve"])
    assert result.exit_code == 0, result.output
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        for role, email, _name, secret in DEMO_USERS:
            page = browser.new_page(viewport={"width": WIDTHS[0], "height": 900})
            page.goto(f"{base}/masuk")
            page.fill("input[name=email]", email)
            page.fill("input[name=password]", DEMO_PASSWORD)
            page.click("main button[type=submit]")
            if secret:  # one sign-in per role: a TOTP code is accepted once
                page.fill("input[name=code]", pyotp.TOTP(secret).now())
                page.click("main button[type=submit]")
            assert page.url.endswith("/beranda/"), (role, page.url)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 900})
                page.reload()
                page.screenshot(path=str(OUT / f"home-{role}-{width}.png"), full_page=True)
            page.close()
        browser.close()
    server.shutdown()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
