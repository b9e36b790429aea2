"""The catalogue in a real browser: Debian's Chromium driven by Playwright against a live server."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

from tests.factories import MunicipalityFactory, OfferFactory

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
SCREENSHOT = settings.BASE_DIR / "artifacts" / "catalogue-offer.png"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing (apt install chromium)"
    ),
]


@pytest.fixture(autouse=True)
def allow_orm_next_to_playwright(monkeypatch):
    # Playwright's sync API keeps an asyncio loop in this thread, so Django's async-safety
    # guard would refuse ORM calls made by the test (and its teardown) while a browser is open.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def thisted_offers(transactional_db):
    thisted = MunicipalityFactory(short_name="Thisted", name="Thisted Kommune")
    return [
        OfferFactory(
            name="Kridtsløjfen",
            operator=thisted,
            target_group_text="Døve med andre funktionsnedsættelser",
        ),
        OfferFactory(name="Aslundhjemmet", operator=thisted, target_group_text="Unge med autisme"),
        OfferFactory(name="Solbakken", operator=thisted, target_group_text="Voksne med ADHD"),
    ]


@pytest.fixture
def browser_page():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="da-DK")
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()


def test_the_secretariat_finds_an_offer_by_searching_and_opens_it(
    live_server, thisted_offers, secretariat, browser_page
):
    page = browser_page

    page.goto(f"{live_server.url}/konto/login/")
    # By id: the labels read "Username"/"Password" until the Danish translation lands.
    page.locator("#id_username").fill(secretariat.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form [type=submit]").click()
    expect(page.locator("form[action='/konto/logout/']")).to_have_count(1)

    page.goto(f"{live_server.url}/tilbud/")
    page.locator("#id_q").fill("Kridt")
    page.locator("form.filter-form [type=submit]").click()
    expect(page).to_have_url(re.compile(r"[?&]q=Kridt"))
    results = page.locator("section[aria-labelledby=result-heading] table tbody")
    expect(results.locator("tr")).to_have_count(1)
    expect(results).to_contain_text("Kridtsløjfen")
    expect(results).to_contain_text("Døve med andre funktionsnedsættelser")
    for other in ("Aslundhjemmet", "Solbakken"):
        expect(results).not_to_contain_text(other)

    results.get_by_role("link", name="Kridtsløjfen").click()
    expect(page).to_have_url(re.compile(rf"/tilbud/{thisted_offers[0].pk}/$"))
    expect(page.locator("h1")).to_have_text("Kridtsløjfen")

    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    assert SCREENSHOT.exists()
    assert SCREENSHOT.stat().st_size > 10_000
