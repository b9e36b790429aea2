"""The secretariat publishes the tariff appendix in Chromium (issue 15): version 1 of the
approved tariffs, then a tariff is changed and approved, the preview says what changed since
version 1, and version 2 is published; the public page shows version 2 with the change.
Screenshots go to artifacts/."""

from decimal import Decimal

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from tariffs.models import TariffAppendixVersion
from tariffs.services import tariff_approve, tariff_report
from tests.factories import OfferFactory, UsageFactory

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
ARTIFACTS = settings.BASE_DIR / "artifacts"
YEAR = 2026


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"tariff-appendix-{name}.png", full_page=True)


@pytest.fixture
def offer(aalborg, hjorring, secretariat):
    offer = OfferFactory(name="Kastanjebo", operator=aalborg)
    UsageFactory(offer=offer, acting_municipality=hjorring, year=YEAR)
    tariff = tariff_report(
        offer=offer,
        year=YEAR,
        unit="day",
        note="",
        user=None,
        components=[("base", "", Decimal("1500.00")), ("service", "Pakke 1", Decimal("812.50"))],
    )
    tariff_approve(tariff=tariff, user=secretariat)
    return offer


def accessible(page) -> None:
    violations = Axe().run(page).response["violations"]
    assert not violations, [(v["id"], v["nodes"][0]["target"]) for v in violations]


def publish(page, version: int) -> None:
    panel = page.locator("section[aria-labelledby=publish-heading]")
    expect(panel).to_contain_text(f"Offentliggør version {version}")
    panel.get_by_role("button", name="Publicér takstbilag").click()
    expect(page.locator("main")).to_contain_text(f"offentliggjort som version {version}")
    expect(page.locator("h1")).to_have_text(f"Takstbilag {YEAR}, version {version}")


def change_the_service_tariff(page, base, offer) -> None:
    page.goto(f"{base}/takster/tilbud/{offer.pk}/{YEAR}/")
    page.locator("#id_form-1-amount").fill("900,00")
    page.get_by_role("button", name="Indberet takst").click()
    expect(page.locator("main")).to_contain_text("afventer godkendelse")
    page.goto(f"{base}/takster/takstbilag/{YEAR}/")  # approval first: publishing is refused
    expect(page.locator("#appendix-refusal")).to_contain_text("afventer godkendelse (Kastanjebo)")
    page.goto(f"{base}/takster/tilbud/{offer.pk}/{YEAR}/")
    page.get_by_role("button", name="Godkend som endelig").click()
    expect(page).to_have_url(f"{base}/takster/takstbilag/{YEAR}/")


def test_the_secretariat_publishes_changes_and_publishes_again(
    live_server, browser_page, secretariat, offer
):
    page, base = browser_page, live_server.url
    log_in(page, base, secretariat)
    page.goto(f"{base}/takster/takstbilag/{YEAR}/")
    expect(page.locator("main")).to_contain_text("Ikke offentliggjort endnu")
    shot(page, "preview-1")
    publish(page, 1)
    expect(page.locator("#appendix-version")).to_contain_text("Den første offentliggjorte version")

    change_the_service_tariff(page, base, offer)
    expect(page.locator("#appendix-changes-summary")).to_contain_text("1 ændring siden version 1")
    changes = page.locator("#tariff_appendix_changes tbody tr")
    expect(changes).to_have_count(1)
    expect(changes).to_contain_text("Servicetakst (Pakke 1)")
    expect(changes).to_contain_text("812,50")
    expect(changes).to_contain_text("900,00")
    shot(page, "preview-2")
    accessible(page)
    publish(page, 2)
    assert list(TariffAppendixVersion.objects.values_list("version", flat=True)) == [2, 1]

    page.locator("form[action='/konto/logout/'] button").click()
    page.goto(f"{base}/takster/takstbilag/{YEAR}/")
    expect(page.locator("h1")).to_have_text(f"Takstbilag {YEAR}, version 2")
    expect(page.get_by_role("button", name="Publicér takstbilag")).to_have_count(0)
    row = page.locator("#tariff_appendix tbody tr", has_text="Kastanjebo")
    expect(row).to_contain_text("2.400,00")
    change = page.locator("#tariff_appendix_changes tbody tr")
    expect(change).to_contain_text("Ændret")
    expect(change).to_contain_text("812,50")
    expect(change).to_contain_text("900,00")
    expect(page.locator("#appendix-versions")).to_contain_text("Version 1")
    shot(page, "public-2")
    accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "public-2-390")

    page.get_by_role("link", name="Version 1").click()
    expect(page.locator("main")).to_contain_text("Dette er ikke den nyeste version.")
    expect(page.locator("#tariff_appendix tbody tr", has_text="Kastanjebo")).to_contain_text(
        "2.312,50"
    )
