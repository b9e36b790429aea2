"""Helpers for tests that drive Debian's Chromium through Playwright."""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "hemmeligt-kodeord-1"  # set by tests.factories.UserFactory
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt install chromium)"
    ),
]


def log_in(page, base_url, user):
    # By id: the labels are translated, the ids are stable.
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    page.locator("form[action='/konto/logout/']").wait_for()
