"""At a phone's width (390 × 844) no page is wider than the window: a wide table scrolls
sideways in its own box ({% scrollbox %}), the page does not. Each main role's pages with the
demo data, in Chromium."""

import io

import pytest
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import sync_playwright

from meetings.models import Meeting
from monitoring.models import AnalysisRun
from offers.models import Offer
from submissions.models import ReportingRound, Submission
from tariffs.models import FinancingScheme

from .support import BROWSER_MARKS, CHROMIUM, CHROMIUM_ARGS

pytestmark = BROWSER_MARKS
DEMO_PASSWORD = "socialaftale-demo"
WIDTH = 390


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


@pytest.fixture
def phone():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": 844}, locale="da-DK")
            page.set_default_timeout(15_000)
            yield page
        finally:
            browser.close()


def pages_by_role() -> dict[str, list[str]]:
    offer = Offer.objects.order_by("pk").first().pk
    closed = ReportingRound.objects.get(year=2013).pk
    hjorring = Submission.objects.get(round=closed, unit__code="860").pk
    run = AnalysisRun.objects.order_by("pk").first().pk
    scheme = FinancingScheme.objects.order_by("pk").first().pk
    kkr = Meeting.objects.get(body__short_name="KKR").reference
    tables = [
        "/takster/socialtilsyn-nord/2019/",
        "/takster/takstbilag/2019/",
        "/takster/udvikling/2019/",
        "/takster/udviklingsbidrag/2019/",
        "/takster/blandet-finansiering/",
    ]
    return {
        "anonymous": [
            "/",
            "/tilbud/",
            f"/tilbud/{offer}/",
            "/tilbud/pladser/2018/",
            "/kommuner/",
            "/kommuner/851/",
            *tables,
        ],
        "sekretariat": [
            "/",
            f"/tilbud/{offer}/",
            "/tilbud/import/",
            "/takster/",
            "/takster/fordeling/",
            "/takster/ordninger/",
            f"/takster/ordninger/{scheme}/",
            "/indberetninger/",
            f"/indberetninger/runder/{closed}/",
            f"/indberetninger/runder/{closed}/opsummering/",
            f"/indberetninger/{hjorring}/",
            f"/indberetninger/{hjorring}/version/1/",
            "/indberetninger/forslag/",
            "/monitorering/",
            "/monitorering/borgerlister/",
            f"/monitorering/analyser/{run}/",
            "/moeder/",
            "/moeder/DAS-2019-05-21/",
            "/moeder/DAS-2019-05-21/referat/",
            f"/moeder/{kkr}/deltagere/",
            *tables,
        ],
        "hjorring": [
            "/",
            "/indberetninger/",
            f"/indberetninger/{hjorring}/",
            "/monitorering/",
            "/monitorering/borgerlister/upload/",
            f"/monitorering/analyser/{run}/kommune/",
        ],
        "aalborg-drift": ["/", "/tilbud/", f"/tilbud/{offer}/", f"/takster/tilbud/{offer}/2019/"],
        "das-medlem": ["/", "/moeder/", "/moeder/DAS-2019-05-21/"],
    }


def log_in(page, base_url, username) -> None:
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.locator("form[action='/konto/logout/']").wait_for(state="attached")  # menu folded


def test_no_page_of_any_role_is_wider_than_a_phone(live_server, demo, phone):
    too_wide = []
    for role, paths in pages_by_role().items():
        phone.context.clear_cookies()
        if role != "anonymous":
            log_in(phone, live_server.url, role)
        for path in paths:
            response = phone.goto(f"{live_server.url}{path}")
            assert response.status == 200, (role, path, response.status)
            width = phone.evaluate("document.documentElement.scrollWidth")
            if width > WIDTH:
                too_wide.append(f"{role} {path}: {width} px")
    connections.close_all()
    assert not too_wide, "\n".join(too_wide)
