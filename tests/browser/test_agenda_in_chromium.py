"""The secretariat builds a small agenda in Debian's Chromium, orders the Dagsorden PDF and
downloads it; the PDF is read back: contents entries point at the pages where the items start,
every page is numbered n/N and each item page carries "<section> · Punkt N" in its header."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.db import connections
from playwright.sync_api import expect
from pypdf import PdfReader

from demo.meetings import load_bodies
from meetings.models import Attendance, Body, Meeting
from socialaftale.lib.pdf import render_pdf

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
SCREENSHOT = settings.BASE_DIR / "artifacts" / "meeting-agenda.png"

VENUE = "Regionshuset, Niels Bohrs Vej 30, Aalborg Øst"
WELCOME = "Velkomst og godkendelse af dagsordenen"
DECISION = "Budget for Kridtsløjfen 2027"
INFORMATION = "Orientering om ventelister"
SUMMARY = "Sekretariatet foreslår en uændret takst for Kridtsløjfen i 2027."
ATTACHMENT = "Takstnotat 2027"
BODY = "Kridtsløjfen har haft fuld belægning hele året.\n\nVentelisten er på fire borgere."


@pytest.fixture
def planned_meeting(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the generated PDF is stored here
    load_bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=dt.date(2026, 12, 8),
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue=VENUE,
    )
    Attendance.objects.create(
        meeting=meeting,
        name="Anne Formand",
        kind="present",
        organisation="Aalborg Kommune",
        role="formand",
    )
    return meeting


def add_item(page, section, title):
    # Scoped to the "add item" form: the meeting page holds other forms with their own fields.
    form = page.locator("form[action$='/punkter/ny/']")
    form.locator("#id_section").select_option(section)
    form.locator("#id_title").fill(title)
    form.locator("[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(title)  # the new item opens for editing


def test_the_secretariat_builds_an_agenda_and_downloads_its_pdf(
    live_server, planned_meeting, secretariat, browser_page, tmp_path
):
    attachment_pdf = tmp_path / "takstnotat.pdf"
    attachment_pdf.write_bytes(render_pdf('<html lang="da"><body><p>Takstnotat</p></body></html>'))
    page = browser_page
    meeting_url = f"{live_server.url}/moeder/{planned_meeting.reference}/"
    log_in(page, live_server.url, secretariat)

    # The decision item first, the welcome item after it: numbers follow the sections.
    for section, title in (
        ("decision", DECISION),
        ("welcome", WELCOME),
        ("information", INFORMATION),
    ):
        page.goto(meeting_url)
        add_item(page, section, title)

    page.goto(meeting_url)
    agenda = page.locator("section[aria-labelledby=items-heading]")
    agenda.get_by_role("link", name=DECISION, exact=True).click()
    expect(page.locator("h1")).to_have_text(f"2. {DECISION}")
    # An attachment first (its own form), then the texts and one recommendation bullet.
    upload = page.locator("form[action$='/bilag/']")
    upload.locator("#id_attachment_title").fill(ATTACHMENT)
    upload.locator("#id_attachment_file").set_input_files(attachment_pdf)
    upload.locator("[type=submit]").click()
    expect(page.locator("main .alert-success")).to_be_visible()  # "Bilaget er tilføjet."
    form = page.locator("main form").filter(has=page.locator("#id_summary"))
    form.locator("#id_summary").fill(SUMMARY)
    form.locator("#id_body").fill(BODY)
    form.locator("#id_rec-0-verb").select_option("godkender")
    form.locator("#id_rec-0-text").fill("taksten for 2027")
    form.locator("[type=submit]").click()

    expect(page).to_have_url(meeting_url)
    expect(page.locator("main .alert-success")).to_be_visible()  # "Punktet er gemt."
    entries = agenda.get_by_role("listitem")
    expect(entries).to_have_count(3)
    for index, title in enumerate((WELCOME, DECISION, INFORMATION)):
        expect(entries.nth(index)).to_contain_text(f"{index + 1}. {title}")
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOT, full_page=True)

    # Order the Dagsorden: rendered through (eager) Celery, then the status page offers it.
    order = page.locator("form[action$='/dokumenter/bestil/']").filter(
        has=page.locator("input[name=params][value*='\"agenda\"']")
    )
    order.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/dokumenter/\d+/$"))
    download_link = page.locator("#document-progress a[href$='/hent/']")
    expect(download_link).to_be_visible(timeout=60_000)
    with page.expect_download() as download_info:
        download_link.click()
    pdf_path = tmp_path / "dagsorden.pdf"
    download_info.value.save_as(pdf_path)

    pages = [pdf_page.extract_text() for pdf_page in PdfReader(pdf_path).pages]
    front = pages[0]
    assert "Dagsorden" in front
    assert VENUE in front.replace("\n", " ")
    contents = re.findall(r"^(\d+)\. (.+?) \(side (\d+)\)$", front, re.MULTILINE)
    assert [(number, title) for number, title, _page in contents] == [
        ("1", WELCOME),
        ("2", DECISION),
        ("3", INFORMATION),
    ]
    for number, title, page_number in contents:
        assert re.search(
            rf"^{number}\. {re.escape(title)}$", pages[int(page_number) - 1], re.MULTILINE
        ), (number, page_number)
    total = len(pages)
    assert total >= 4  # the front page, then each item on a page of its own
    for index, text in enumerate(pages, start=1):
        assert f"{index}/{total}" in text, index
    decision_page = pages[int(contents[1][2]) - 1]
    assert "Sager til behandling · Punkt 2" in decision_page
    assert SUMMARY in decision_page.replace("\n", " ")
    assert "Den Administrative Styregruppe godkender taksten for 2027" in decision_page
    assert f"Bilag 1: {ATTACHMENT}" in decision_page
    # No ORM calls ran inside Playwright's event-loop context here, but close any connection
    # it may have opened so PostgreSQL can drop the test database (as the other browser tests).
    connections.close_all()
