"""A refused citizen list in Chromium: a screenful, the true count, and the full error list
downloads as a Danish Excel CSV (issue 11 #7). Screenshots go to artifacts/ for looking at."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.factories import OfferFactory

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
ARTIFACTS = settings.BASE_DIR / "artifacts"


@pytest.mark.parametrize("width", [1280, 390])
def test_aalborgs_list_uploaded_as_hjorring_fits_a_screen_and_its_errors_download(
    live_server, aalborg, hjorring_reporter, browser_page, tmp_path, width
):
    OfferFactory(name="Kvisten")
    rows = "".join(f"ps-{n:07d};Aalborg;Kvisten;2016-01;100,00\n" for n in range(1224))
    rows += "".join(f"ps-x{n};Aalborg;Tilbud {n};2016-01;1\n" for n in range(20))
    path = tmp_path / "aalborg.csv"
    path.write_bytes(("borger;kommune;tilbud;maaned;udgift\n" + rows).encode("utf-8-sig"))
    page = browser_page
    log_in(page, live_server.url, hjorring_reporter)  # at 1280 px: the menu shows "log out"
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/monitorering/borgerlister/upload/")
    page.locator("#id_file").set_input_files(str(path))
    page.locator("main form [type=submit]").click()
    summary = page.locator("[data-import-errors]")
    expect(summary).to_contain_text(
        "Filen har 1.264 fejl"
    )  # 1.224 + 20 × 2 (offer, then municipality)
    expect(summary.locator("li").first).to_contain_text("1.244 rækker, kolonne “kommune”")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"upload-errors-{width}.png", full_page=True)
    box = summary.bounding_box()
    assert box["height"] <= 900 and box["width"] <= width  # a screenful, no overflow
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    with page.expect_download() as download:
        summary.get_by_role("link", name="Hent fejllisten (CSV)").click()
    assert download.value.suggested_filename == "fejlliste.csv"
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbfR\xc3\xa6kke;Kolonne;Fejl\r\n")
    assert data.count(b"\r\n") == 1 + 1264
