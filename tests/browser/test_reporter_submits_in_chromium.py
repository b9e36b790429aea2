"""A municipality reporter fills in the demand/capacity questionnaire in two sittings, checks
the overview, hands in and gets the receipt, in Debian's Chromium."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect

from submissions import services
from submissions.models import OfferProposal, SubmissionVersion

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
SCREENSHOT = settings.BASE_DIR / "artifacts" / "submission-receipt.png"


@pytest.fixture
def open_round(transactional_db, aalborg_reporter):
    today = timezone.localdate()
    reporting_round = services.round_create(
        kind="demand_capacity",
        year=today.year + 1,
        title="Behov og kapacitet – prøverunde",
        opens_on=today - dt.timedelta(days=3),
        deadline=today + dt.timedelta(days=25),
        units=[aalborg_reporter.memberships.get().unit],
    )
    return services.round_open(reporting_round=reporting_round)


def save(page, goto):
    page.locator(f"button[name=goto][value={goto}]").click()


def test_a_reporter_fills_in_over_two_sittings_and_hands_in(
    live_server, open_round, aalborg_reporter, browser_page
):
    page = browser_page
    log_in(page, live_server.url, aalborg_reporter)
    page.goto(f"{live_server.url}/indberetninger/")
    page.get_by_role("link", name=open_round.title).click()
    expect(page.locator("h1")).to_have_text(open_round.title)  # the unit's own overview

    page.locator("main a.btn-primary").click()  # start filling in
    page.locator("#id_A1-children").fill("Flere børn med autisme og angst")
    page.locator("#id_A2-no_changes").check()
    save(page, "next")
    save(page, "next")
    page.locator("#id_A8-waiting_lists_1").check()
    save(page, "stay")  # a draft with one of the yes/no answers: the rest comes later

    page.locator("form[action='/konto/logout/'] button").click()
    log_in(page, live_server.url, aalborg_reporter)  # the second sitting
    page.goto(f"{live_server.url}/indberetninger/")
    page.get_by_role("link", name=open_round.title).click()
    expect(page.locator("#answer-A1")).to_contain_text("Flere børn med autisme og angst")
    expect(page.locator("main")).to_contain_text("A10")  # still missing: listed before hand-in

    page.get_by_role("link", name=re.compile(r"^3\.")).click()
    expect(page.locator("#id_A8-waiting_lists_1")).to_be_checked()  # the draft was kept
    page.locator("#id_A8-empty_places_1").check()
    page.locator("#id_A10-ddh_0").check()
    page.locator("#id_A10-ish_1").check()
    save(page, "next")
    page.locator("#id_B1-empty_places_1").check()
    page.locator("#id_B1-waiting_lists_1").check()
    save(page, "next")
    page.locator("#id_B4-0-name").fill("Opgangsfællesskab Storemosevej")
    page.locator("#id_B4-0-places_as_written").fill("4 - 5")
    page.locator("#id_B4-0-planned_year").fill("2027")
    save(page, "overview")

    expect(page.locator("#answer-B4")).to_contain_text("Opgangsfællesskab Storemosevej")
    page.locator("form[action$='/indsend/'] button").click()
    expect(page.locator("h1")).to_contain_text("Indsend")  # asked first, without JavaScript
    assert not SubmissionVersion.objects.exists()
    page.locator("#confirm-form button").click()
    version = SubmissionVersion.objects.get()
    expect(page.locator("main")).to_contain_text(version.receipt_code)
    assert version.answers["A10"] == {"ddh": "unchanged", "ish": "rising"}
    assert OfferProposal.objects.get().name == "Opgangsfællesskab Storemosevej"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)
    # The ORM calls above ran inside Playwright's event-loop context, which gets a connection
    # of its own; close it here or PostgreSQL refuses to drop the test database afterwards.
    connections.close_all()
