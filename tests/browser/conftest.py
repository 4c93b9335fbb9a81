"""Browser fixtures: the portal served on 127.0.0.1 and Debian's chromium via Playwright."""
from __future__ import annotations

import os
import re
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from ..conftest import skip_or_fail

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
WIDTHS = (390, 1280)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        skip_or_fail("playwright is not installed")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run", "--disable-sync"])
        yield browser
        browser.close()


class LiveServer:
    """The app served by werkzeug in a thread."""

    def __init__(self, app):
        self.app = app
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)


@pytest.fixture
def live_server(make_app):
    app = make_app()
    server = LiveServer(app)
    server.start()
    yield server
    server.stop()


class Checker:
    """Runs axe on pages and saves phone and desktop screenshots."""

    def __init__(self, test_name: str):
        from axe_playwright_python.sync_playwright import Axe
        self.axe = Axe()
        self.prefix = re.sub(r"[^a-z0-9]+", "-", test_name.lower()).strip("-")
        self.pages_checked: list[str] = []
        ARTIFACTS.mkdir(parents=True, exist_ok=True)

    def check(self, page, name: str) -> None:
        """axe: no serious or critical violation; then screenshots at 390 and 1280 px."""
        results = self.axe.run(page)
        bad = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        summary = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in bad]
        assert not bad, f"axe on {name} ({page.url}): {summary}"
        original = page.viewport_size
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=str(ARTIFACTS / f"{self.prefix}-{name}-{width}.png"), full_page=True)
        page.set_viewport_size(original)
        self.pages_checked.append(name)


@pytest.fixture
def checker(request):
    return Checker(request.node.name)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")
    page = context.new_page()
    page.set_default_timeout(10000)
    yield page
    context.close()
