"""A real browser on the real service: Debian's Chromium driven by Playwright, screenshots kept as artefacts.

Playwright's own browser downloads are never used (`playwright install` fetches from outside the registries):
the browser is the system package `chromium`. Where it is missing the tests are skipped with that reason, except
in CI (env CI set), where a missing browser is a failure: CI's machine must install it (.ci/run does).

This is a helper module, not a conftest.py: a second conftest.py would take the module name `conftest` from the
root one, which other test folders import helpers from. Test modules bind its fixtures by name
(`browser = browser_session.browser`).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "browser"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The pages only call the API, whose backends are compared elsewhere: one backend is enough here.
EMBEDDED_ONLY = pytest.mark.parametrize("live_server", ["embedded"], indirect=True)


def missing(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must provide it: see .ci/run)", pytrace=False)
    pytest.skip(reason)


@contextmanager
def chromium() -> Iterator:
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        missing("the Python package playwright is not installed (pip install -e '.[test]')")
    if not CHROMIUM.exists():
        missing(f"{CHROMIUM} not found: install the Debian package chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        except Error as error:
            missing(f"the Debian package chromium is installed but does not start: {error}")
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def open_page(browser, test_name: str, viewport: dict) -> Iterator:
    """A fresh page; afterwards its screenshot goes to tests/artifacts/browser/<test>.png, and any uncaught
    script error fails the test (the pages must never break silently)."""
    context = browser.new_context(viewport=viewport, locale="en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^A-Za-z0-9_.-]+", "-", test_name).strip("-")
        try:
            page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        finally:
            context.close()
    assert not page_errors, f"uncaught script errors on the page: {page_errors}"


@pytest.fixture(scope="module")
def browser() -> Iterator:
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser, request) -> Iterator:
    with open_page(browser, request.node.name, DESKTOP) as opened:
        yield opened


@pytest.fixture
def phone_page(browser, request) -> Iterator:
    with open_page(browser, request.node.name, PHONE) as opened:
        yield opened


@pytest.fixture
def base_url(live_server) -> str:
    return live_server.url
