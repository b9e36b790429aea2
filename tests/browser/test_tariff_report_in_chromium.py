"""The demo operator reports a tariff of a base tariff and one service package in Chromium
(one more row added with "Tilføj række" and left empty), and the demo secretariat approves
it; each sees what the other did."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from offers.models import Offer
from tariffs.models import Tariff, TariffStatus

from .support import BROWSER_MARKS

pytestmark = BROWSER_MARKS
DEMO_PASSWORD = "socialaftale-demo"
YEAR = 2021
SCREENSHOTS = settings.BASE_DIR / "artifacts"


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


def log_in(page, base_url, username):
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.locator("form[action='/konto/logout/']").wait_for()


def log_out(page):
    page.locator("form[action='/konto/logout/'] button").click()


def test_operator_reports_base_and_one_package_and_the_secretariat_approves(
    live_server, demo, browser_page
):
    page, offer = browser_page, Offer.objects.get(name="Sødisbakke")
    log_in(page, live_server.url, "region-drift")
    page.goto(f"{live_server.url}/takster/tilbud/{offer.pk}/{YEAR}/")
    expect(page.locator("#tariff-summary")).to_contain_text("endnu ikke indberettet")
    page.locator("#id_form-0-kind").select_option("base")
    page.locator("#id_form-0-amount").fill("1.500,00")
    page.locator("#id_form-1-kind").select_option("service")
    page.locator("#id_form-1-package").fill("Pakke 1")
    page.locator("#id_form-1-amount").fill("812,50")
    page.get_by_role("button", name="Tilføj række").click()
    expect(page.locator("#id_form-2-kind")).to_be_focused()  # a third row, left empty
    expect(page.locator("#id_form-TOTAL_FORMS")).to_have_value("3")
    page.get_by_role("button", name="Indberet takst").click()

    expect(page).to_have_url(f"{live_server.url}/tilbud/{offer.pk}/")
    expect(page.locator("main")).to_contain_text("afventer godkendelse")
    row = page.locator("main table:not(.history-change) tr", has_text=str(YEAR))
    expect(row).to_contain_text("Basistakst: 1.500,00 kr.")
    expect(row).to_contain_text("Servicetakst (Pakke 1): 812,50 kr.")
    expect(row).to_contain_text("Foreløbig")
    reported = page.locator("table.history-change tr", has_text=f"Takst {YEAR}").first
    expect(reported).to_contain_text("Rikke Region")  # the offer's history, by name
    expect(reported).to_contain_text("Basistakst 1.500,00 kr.; Servicetakst (Pakke 1) 812,50 kr.")
    tariff = Tariff.objects.get(offer=offer, year=YEAR)
    assert tariff.components.count() == 2 and tariff.status == TariffStatus.PROVISIONAL
    page.goto(f"{live_server.url}/takster/tilbud/{offer.pk}/{YEAR}/")
    expect(page.locator("#tariff-summary")).to_contain_text("1 ydelsespakke")
    expect(page.locator("#tariff-summary")).to_contain_text("i alt 2.312,50 kr.")
    expect(page.get_by_role("button", name="Godkend som endelig")).to_have_count(0)
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "tariff-reported-by-operator.png", full_page=True)
    log_out(page)

    log_in(page, live_server.url, "sekretariat")
    page.goto(f"{live_server.url}/takster/")
    page.get_by_role("link", name=f"Sødisbakke {YEAR}").click()
    expect(page.locator("#tariff-summary")).to_contain_text("Pakke 1")
    page.get_by_role("button", name="Godkend som endelig").click()
    expect(page).to_have_url(f"{live_server.url}/takster/takstbilag/{YEAR}/")
    expect(page.locator("main")).to_contain_text("godkendt som endelig")
    appendix_row = page.locator("main table tr", has_text="Sødisbakke")
    expect(appendix_row).to_contain_text("2.312,50")
    expect(appendix_row).to_contain_text("Endelig")
    page.screenshot(path=SCREENSHOTS / "tariff-approved-by-secretariat.png", full_page=True)
    log_out(page)

    log_in(page, live_server.url, "region-drift")  # the operator sees the approval
    page.goto(f"{live_server.url}/tilbud/{offer.pk}/")
    tariffs = page.locator("main table:not(.history-change) tr", has_text=str(YEAR))
    expect(tariffs).to_contain_text("Endelig")
    approved = page.locator("table.history-change tr", has_text=f"Takst {YEAR}").first
    expect(approved).to_contain_text("Status: Foreløbig → Endelig")
    expect(approved).to_contain_text("Godkendt af: – → Sara Sekretariat")
