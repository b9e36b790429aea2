"""The secretariat's irreversible meeting steps in Debian's Chromium (issue 11 #4, #16): each
button first shows what the step does and changes nothing; the step happens on "Ja". Approved
minutes leave the page without editing; reopening asks for a reason, and the log shows who and
why. At 390 px the confirmation fits the screen."""

import datetime as dt

import pytest
from django.conf import settings
from django.db import connections
from playwright.sync_api import expect

from demo.meetings import load_bodies
from meetings import services
from meetings.models import Body, Meeting, MeetingEvent, MeetingStatus

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
ARTIFACTS = settings.BASE_DIR / "artifacts"


@pytest.fixture
def planned_meeting(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    load_bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=dt.date(2019, 9, 10),
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue="Rum 2",
    )
    services.item_create(meeting=meeting, section="decision", title="Budget 2020")
    return meeting


def status_of(meeting: Meeting) -> str:
    return Meeting.objects.values_list("status", flat=True).get(pk=meeting.pk)


def test_each_step_asks_first_and_approved_minutes_are_reopened_with_a_reason(
    live_server, planned_meeting, secretariat, browser_page
):
    page = browser_page
    meeting_url = f"{live_server.url}/moeder/{planned_meeting.reference}/"
    log_in(page, live_server.url, secretariat)
    for button, question, status in (
        ("Udsend dagsordenen…", "Udsend dagsordenen?", MeetingStatus.AGENDA_PUBLISHED),
        ("Marker som afholdt…", "Marker som afholdt?", MeetingStatus.HELD),
        ("Godkend referatet…", "Godkend referatet?", MeetingStatus.MINUTES_APPROVED),
    ):
        page.goto(meeting_url)
        before = status_of(planned_meeting)
        page.get_by_role("button", name=button).click()
        expect(page.locator("h1")).to_have_text(question)
        assert status_of(planned_meeting) == before  # nothing happened yet
        page.get_by_role("button", name="Ja:").click()
        expect(page).to_have_url(meeting_url)
        assert status_of(planned_meeting) == status

    # Approved: no editing on the page, only the preview and reopening.
    expect(page.locator("main .alert-info")).to_contain_text("Referatet for dette møde er godkendt")
    expect(page.get_by_role("link", name="Skriv referat")).to_have_count(0)
    expect(page.get_by_role("button", name="Tilføj punkt")).to_have_count(0)
    page.get_by_role("button", name="Genåbn referatet…").click()
    page.get_by_role("button", name="Ja:").click()
    expect(page.locator(".invalid-feedback")).to_have_text("Skriv, hvorfor referatet genåbnes.")
    assert status_of(planned_meeting) == MeetingStatus.MINUTES_APPROVED
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / "meeting-reopen-390.png", full_page=True)
    page.locator("#id_reason").fill("Beslutningen i punkt 1 var skrevet forkert af")
    page.get_by_role("button", name="Ja:").click()
    expect(page).to_have_url(meeting_url)
    assert status_of(planned_meeting) == MeetingStatus.HELD
    log = page.locator("section[aria-labelledby=log-heading]")
    expect(log).to_contain_text("Beslutningen i punkt 1 var skrevet forkert af")
    expect(log).to_contain_text("Referatet genåbnet")
    assert MeetingEvent.objects.get().user == secretariat
    connections.close_all()
