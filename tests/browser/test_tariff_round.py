"""The tariff round in Debian's Chromium (issue 15): Aalborg's operator opens the round, reports
the tariff of its covered offer from last year's tariff in this year's prices (the base tariff
is not reduced by the target, so the page asks for a reason in Danish and then takes one) and
hands in; the secretariat ticks the tariff on the review and approves it with "Godkend valgte",
and the tariff is final for the year; then the secretariat publishes the year's tariff appendix
and the public finds the approved tariff in version 1."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from organisations.models import Role
from submissions.models import SubmissionStatus
from tariffs.models import Tariff, TariffStatus
from tests.factories import MembershipFactory, MunicipalityFactory, UserFactory
from tests.submissions.tariff_round_data import YEAR, build

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
ARTIFACTS = settings.BASE_DIR / "artifacts"
REASON = "Ny nattevagt i basistaksten"


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    aalborg = MunicipalityFactory(code="851", short_name="Aalborg", name="Aalborg Kommune")
    hjorring = MunicipalityFactory(code="860", short_name="Hjørring", name="Hjørring Kommune")
    data = build(aalborg, hjorring)
    data.operator = UserFactory(username="aalborg-drift", first_name="Anna", last_name="Drift")
    MembershipFactory(user=data.operator, role=Role.OPERATOR, organisation=aalborg)
    data.secretariat = UserFactory(username="sekretariat", first_name="Sara")
    MembershipFactory(user=data.secretariat, role=Role.SECRETARIAT)
    return data


def shoot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"tariff-round-{name}.png", full_page=True)


def narrow(page, name):
    """At 390 px nothing is wider than the screen (the tables scroll in their own box)."""
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    page.set_viewport_size({"width": 1280, "height": 900})


def report_with_a_reason(page):
    expect(page.locator("#id_form-0-amount")).to_have_value("1.020,00")  # 1.000,00 x 1,02
    expect(page.locator("#target-note")).to_contain_text("0,50 %")
    page.locator("#id_occupancy_pct").fill("95,5")
    page.locator("#id_form-1-amount").fill("507,45")  # Pakke 1 meets the target
    page.locator("#id_cost_personnel").fill("1.250.000,00")
    page.get_by_role("button", name="Indberet taksten").click()
    expect(page.locator("#fejl")).to_contain_text("Række 1: komponenten ændres 0,00 %")
    expect(page.locator("#fejl")).to_contain_text("Skriv en begrundelse")
    narrow(page, "form-with-error")
    shoot(page, "reason-asked")
    page.locator("#id_form-0-reason").fill(REASON)
    page.get_by_role("button", name="Indberet taksten").click()


def test_the_operator_reports_and_hands_in_and_the_secretariat_approves_selected(
    live_server, world, browser_page
):
    page, base = browser_page, live_server.url
    log_in(page, base, world.operator)
    page.goto(f"{base}/indberetninger/")
    page.get_by_role("link", name=f"Takster {YEAR}").first.click()
    page.get_by_role("link", name="Indberet taksterne").click()
    rows = page.locator("#round-offers")
    expect(rows).to_contain_text("Ikke påbegyndt")
    page.get_by_role("link", name="Indberet taksten – Kastanjehuset").click()
    report_with_a_reason(page)

    expect(page.locator("main")).to_contain_text("Taksten for Kastanjehuset er indberettet")
    expect(rows).to_contain_text("Indberettet")
    shoot(page, "reported")
    page.get_by_role("button", name="Aflever taksterne").click()
    page.locator("#confirm-form button").click()
    expect(page.locator("main")).to_contain_text("Kvitteringsnummer")
    world.submission.refresh_from_db()
    assert world.submission.status == SubmissionStatus.SUBMITTED
    page.locator("form[action='/konto/logout/'] button").click()

    log_in(page, base, world.secretariat)
    page.goto(f"{base}/indberetninger/runder/{world.round.pk}/")
    page.get_by_role("link", name="Gennemgå taksterne").click()
    page.get_by_role("link", name="Kastanjehuset").click()
    expect(page.locator("main")).to_contain_text(REASON)  # the reason, next to its component
    page.go_back()
    tariff = Tariff.objects.get(offer=world.offer, year=YEAR)
    page.locator(f"#tariff-{tariff.pk}").check()
    narrow(page, "review")
    page.get_by_role("button", name="Godkend valgte").click()
    expect(page.locator("main")).to_contain_text("1 takst er godkendt som endelig")
    expect(page.locator("#review-offers")).to_contain_text("Godkendt")
    shoot(page, "approved")
    tariff.refresh_from_db()
    assert tariff.status == TariffStatus.FINAL and tariff.approved_by == world.secretariat
    assert tariff.round_entry.reasons == {"base:": REASON}

    page.goto(f"{base}/takster/takstbilag/{YEAR}/")
    panel = page.locator("section[aria-labelledby=publish-heading]")
    expect(panel).to_contain_text("Offentliggør version 1")
    panel.get_by_role("button", name="Publicér takstbilag").click()
    expect(page.locator("h1")).to_have_text(f"Takstbilag {YEAR}, version 1")
    page.locator("form[action='/konto/logout/'] button").click()
    page.goto(f"{base}/takster/takstbilag/{YEAR}/")
    row = page.locator("#tariff_appendix tbody tr", has_text="Kastanjehuset")
    expect(row).to_contain_text("1.020,00")  # the approved base tariff, as reported
    shoot(page, "published")
