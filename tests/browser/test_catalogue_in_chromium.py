"""The catalogue in a real browser: Debian's Chromium driven by Playwright against a live server."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.factories import MunicipalityFactory, OfferFactory

from .support import BROWSER_MARKS, log_in

SCREENSHOT = settings.BASE_DIR / "artifacts" / "catalogue-offer.png"

pytestmark = BROWSER_MARKS


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


def test_the_secretariat_finds_an_offer_by_searching_and_opens_it(
    live_server, thisted_offers, secretariat, browser_page
):
    page = browser_page

    log_in(page, live_server.url, secretariat)

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
