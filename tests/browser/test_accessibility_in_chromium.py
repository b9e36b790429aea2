"""axe-core (the engine behind most accessibility checkers) on the portal's pages, as each
role sees them with the demo data: labels, headings, landmarks, contrast, table headers, ARIA.
Any violation fails the test with the rule, the element and axe's own explanation."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from django.db import connections

from meetings.models import Meeting
from monitoring.models import AnalysisRun
from offers.models import Offer
from submissions.models import ReportingRound, Submission
from tariffs.models import FinancingScheme

from .support import BROWSER_MARKS

pytestmark = BROWSER_MARKS
DEMO_PASSWORD = "socialaftale-demo"


@pytest.fixture
def demo(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_data", stdout=io.StringIO())


def pages_by_role() -> dict[str, list[str]]:
    offer = Offer.objects.order_by("pk").first().pk
    closed_round = ReportingRound.objects.get(year=2013).pk
    hjorring = Submission.objects.get(round=closed_round, unit__code="860").pk
    run = AnalysisRun.objects.order_by("pk").first().pk
    scheme = FinancingScheme.objects.order_by("pk").first().pk
    kkr = Meeting.objects.get(body__short_name="KKR")
    kkr_item = kkr.items.get(title="Udgiftsanalyse 2019").pk
    return {
        "anonymous": [
            "/",
            "/tilbud/",
            f"/tilbud/{offer}/",
            "/tilbud/pladser/2018/",
            "/kommuner/",
            "/kommuner/851/",
            "/takster/socialtilsyn-nord/2019/",
            "/takster/takstbilag/2019/",
            "/konto/login/",
        ],
        "sekretariat": [
            "/",
            f"/tilbud/{offer}/rediger/",
            "/tilbud/import/",
            "/takster/",
            "/takster/fordeling/",
            f"/takster/ordninger/{scheme}/",
            "/takster/blandet-finansiering/",
            "/indberetninger/",
            "/indberetninger/runder/ny/",
            f"/indberetninger/runder/{closed_round}/",
            f"/indberetninger/runder/{closed_round}/opsummering/",
            f"/indberetninger/{hjorring}/",
            "/monitorering/",
            "/monitorering/borgerlister/upload/",
            f"/monitorering/analyser/{run}/",
            "/moeder/",
            "/moeder/ny/",
            "/moeder/DAS-2019-05-21/",
            f"/moeder/{kkr.reference}/referat/",  # DAS's minutes are approved
            f"/moeder/{kkr.reference}/punkter/{kkr_item}/",
            f"/moeder/{kkr.reference}/deltagere/",
            f"/moeder/{kkr.reference}/forhaandsvisning/",
            "/konto/password_change/",
        ],
        "hjorring": ["/", "/indberetninger/", f"/indberetninger/{hjorring}/", "/monitorering/"],
        "aalborg-drift": ["/", f"/takster/tilbud/{offer}/2019/"],
        "das-medlem": ["/moeder/", "/moeder/DAS-2019-05-21/"],
        "ekspertpanel": ["/", "/moeder/", "/moeder/Ekspertpanelet-2019-04-24/"],
    }


def log_in(page, base_url, username) -> None:
    page.goto(f"{base_url}/konto/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("main form [type=submit]").click()
    page.locator("form[action='/konto/logout/']").wait_for()


def describe(path: str, violations: list[dict]) -> str:
    lines = [path]
    for violation in violations:
        node = violation["nodes"][0]
        lines.append(
            f"  {violation['id']} ({violation['impact']}, {len(violation['nodes'])}x): "
            f"{node['target']} {node.get('failureSummary', '')[:200]}"
        )
    return "\n".join(lines)


def test_every_roles_pages_pass_axe(live_server, demo, browser_page):
    pages = pages_by_role()
    axe = Axe()
    found = []
    page = browser_page
    for role, paths in pages.items():
        page.context.clear_cookies()
        if role != "anonymous":
            log_in(page, live_server.url, role)
        for path in paths:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, (role, path, response.status)
            violations = axe.run(page).response["violations"]
            if violations:
                found.append(describe(f"{role} {path}", violations))
    connections.close_all()
    assert not found, "\n".join(found)
