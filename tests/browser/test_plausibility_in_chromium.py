"""A reporter's implausible waiting list is shown with a warning and a confirm box; the
contradiction "no waiting lists" with a row is refused; ticking the box saves (issue 11 #14).
At phone width the page does not overflow."""

import datetime as dt

import pytest
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect

from submissions import services
from submissions.models import Submission

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS


@pytest.fixture
def draft(transactional_db, aalborg_reporter):
    today = timezone.localdate()
    unit = aalborg_reporter.memberships.get().unit
    reporting_round = services.round_open(
        reporting_round=services.round_create(
            kind="demand_capacity",
            year=today.year + 1,
            title="Behov og kapacitet – prøve",
            opens_on=today - dt.timedelta(days=3),
            deadline=today + dt.timedelta(days=25),
            units=[unit],
        )
    )
    return services.submission_for(reporting_round=reporting_round, unit=unit)


@pytest.mark.parametrize("width", [1280, 390])
def test_an_implausible_count_is_confirmed_and_a_contradiction_refused(
    live_server, draft, aalborg_reporter, browser_page, width
):
    page = browser_page
    log_in(page, live_server.url, aalborg_reporter)
    page.set_viewport_size({"width": width, "height": 900})  # after: the menu folds at 390
    page.goto(f"{live_server.url}/indberetninger/{draft.pk}/trin/del-b-1/")
    page.locator("#id_B1-empty_places_1").check()
    page.locator("#id_B1-waiting_lists_1").check()  # no waiting lists …
    page.locator("#id_B1-waiting-0-offer").fill("Kastanjebo")  # … and yet a row
    page.locator("#id_B1-waiting-0-target_group").select_option(index=1)
    page.locator("#id_B1-waiting-0-count").fill("80")
    page.locator("button[name=goto][value=stay]").click()
    expect(page.locator("#plausibility-errors")).to_contain_text("B1 Ventelister")
    expect(page.locator("#id_confirm_plausible")).to_have_count(0)

    page.locator("#id_B1-waiting_lists_0").check()
    page.locator("button[name=goto][value=stay]").click()
    expect(page.locator("#plausibility-warnings")).to_contain_text("80 personer")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#id_confirm_plausible").check()
    page.locator("button[name=goto][value=stay]").click()
    expect(page.locator("#plausibility-warnings")).to_have_count(0)
    assert Submission.objects.get().answers["B1"]["waiting"][0]["count"] == 80
    connections.close_all()
