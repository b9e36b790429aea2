"""The enhanced cooperation's year in Debian's Chromium (issue 14, "Done when"): the secretariat
opens the year's round; the member's operator writes the annual report in two sittings and hands
it in; a municipality nominates an offer; two expert-panel members write remarks and the panel's
chair marks them final; the secretariat adds the generated DAS item to a planned meeting, orders
and publishes the agenda, and a DAS member downloads the agenda PDF and the item's attachment."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from demo.meetings import load_bodies
from enhanced_cooperation.models import Nomination, Remark
from meetings.models import Body, BodyMember, BodyRole, Meeting
from submissions.models import ReportingRound, RoundKind, Submission
from tests.factories.enhanced_cooperation import MemberFactory, operator_user, panel_user
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MunicipalityFactory

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
ARTIFACTS = settings.BASE_DIR / "artifacts"

YEAR = 2027  # the round of week 5 2027 reports on 2026
MEMBER = "Specialbørnehjemmet Kvisten"
NOMINATED = "Bostedet Lyngbakken"
TITLE = f"Det forstærkede samarbejde – årsrapporter {YEAR - 1} og tilbud fremadrettet"
DEVELOPMENT = "Tre unge er flyttet i egen bolig; to nye er visiteret."
DEMAND_TEXT = "Færre kommuner visiterer børn under 10 år."
FIRST_REMARK = "Belægningen er høj, men efterspørgslen falder: følg udviklingen."
SECOND_REMARK = "Enig med Pia; kommunerne bør se på de yngste børn."


@pytest.fixture
def world(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"  # the generated PDFs are stored here
    load_bodies()
    region = MunicipalityFactory(code="1081", short_name="Region", name="Region Nordjylland")
    member = MemberFactory(
        period__start_year=YEAR, name=MEMBER, offers=[OfferFactory(name="Kvisten", operator=region)]
    )
    OfferFactory(name=NOMINATED)
    first = panel_user(username="pia-panel", first_name="Pia", last_name="Panel")
    second = panel_user(username="per-panel", first_name="Per", last_name="Panelsen")
    chair = panel_user(username="formand-panel", first_name="Frida", last_name="Formand")
    BodyMember.objects.create(
        body=Body.objects.get(short_name="Ekspertpanelet"),
        user=chair,
        name="Frida Formand",
        organisation="Ekspertpanelet",
        role=BodyRole.CHAIR,
    )
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=timezone.localdate() + dt.timedelta(days=40),
        starts_at=dt.time(13),
        ends_at=dt.time(15),
        venue="Regionshuset, Aalborg",
    )
    return {
        "member": member,
        "operator": operator_user(member, username="kvisten-drift", email="drift@kvisten.dk"),
        "panel": (first, second),
        "chair": chair,
        "meeting": meeting,
    }


def shoot(page, name, **options):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"ec-{name}.png", full_page=True, **options)


def shoot_narrow(page, name):
    """At 390 px: nothing wider than the screen (tables scroll in their own box)."""
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, name
    shoot(page, f"{name}-390")
    page.set_viewport_size({"width": 1280, "height": 900})


def log_out(page):
    page.locator("form[action='/konto/logout/'] button").click()


def switch_to(page, base_url, user):
    log_out(page)
    log_in(page, base_url, user)


def open_round(page, base_url):
    today = timezone.localdate()
    page.goto(f"{base_url}/samarbejde/runde/ny/")
    page.locator("#id_year").fill(str(YEAR))
    page.locator("#id_opens_on").fill(today.isoformat())
    page.locator("#id_deadline").fill((today + dt.timedelta(days=20)).isoformat())
    page.locator("main form [name=open]").click()
    expect(page.locator("main .alert-success")).to_be_visible()
    return ReportingRound.objects.get(kind=RoundKind.ANNUAL_REPORT, year=YEAR)


def write_report(page, base_url, world, reporting_round):
    operator = world["operator"]
    log_in(page, base_url, operator)
    # The week-5 letter's link (/indberetninger/ lists no unit for an operator).
    (letter,) = [m for m in mail.outbox if operator.email in m.to + m.bcc + m.cc]
    link = re.search(r"/indberetninger/runder/\d+/enhed/[^/\s]+/", letter.body).group()
    page.goto(f"{base_url}{link}")
    shoot(page, "operator-unit")
    if "/samarbejde/aarsrapporter/" not in page.url:
        page.locator("main a.btn-primary[href^='/samarbejde/aarsrapporter/']").click()
    expect(page).to_have_url(re.compile(r"/samarbejde/aarsrapporter/\d+/$"))
    overview_url = page.url
    edit_link = page.locator(
        f"main a[href$='/{submission_pk(overview_url)}/{world['member'].pk}/']"
    )
    edit_link.click()
    page.locator("#id_development").fill(DEVELOPMENT)
    page.locator("#id_occupancy_pct").fill("96,5")
    page.locator("button[name=goto][value=stay]").click()
    expect(page.locator("main .alert-success")).to_be_visible()
    log_out(page)

    log_in(page, base_url, operator)  # the second sitting
    page.goto(overview_url)
    edit_link.click()
    expect(page.locator("#id_development")).to_have_value(DEVELOPMENT)
    expect(page.locator("#id_occupancy_pct")).to_have_value("96,5")
    page.locator("#id_places_residential").fill("12")
    page.locator("#id_places_day").fill("4")
    page.locator("#id_demand").select_option("falling")
    page.locator("#id_demand_text").fill(DEMAND_TEXT)
    page.locator("#id_target_groups").fill("Børn 6-17 år med autisme og udviklingshæmning")
    page.locator("#id_sustainability_professional").fill("Ingen")
    page.locator("#id_sustainability_economic").fill("Ingen")
    shoot_narrow(page, "report-form")
    page.locator("button[name=goto][value=overview]").click()
    expect(page).to_have_url(overview_url)
    expect(page.locator("#missing-note")).to_have_count(0)  # nothing missing any more
    shoot(page, "reports-overview")
    shoot_narrow(page, "reports-overview")
    page.locator("main form[action$='/indsend/'] button").click()
    # The round engine asks first, as for a questionnaire: nothing is handed in before "Ja".
    expect(page.locator("h1")).to_contain_text("Indsend")
    assert not Submission.objects.get(pk=submission_pk(overview_url)).versions.exists()
    shoot(page, "report-hand-in-question")
    page.get_by_role("button", name="Ja").click()
    expect(page).not_to_have_url(overview_url)
    version = Submission.objects.get(pk=submission_pk(overview_url)).versions.get()
    expect(page.locator("main")).to_contain_text(version.receipt_code)
    shoot(page, "report-receipt")
    world["report_url"] = f"{overview_url}{world['member'].pk}/laes/"
    report = next(iter(version.answers.values()))
    assert (report["occupancy_pct"], report["demand"]) == ("96.5", "falling")
    assert report["places"] == [
        {"kind": "residential", "places": 12},
        {"kind": "day", "places": 4},
    ]


def submission_pk(overview_url) -> int:
    return int(overview_url.rstrip("/").rsplit("/", 1)[1])


def nominate(page, base_url):
    page.goto(f"{base_url}/samarbejde/indmeldinger/ny/")
    page.locator("#id_offer").select_option(label=NOMINATED)
    for code in ("target_group", "competences", "profile", "only_offer"):
        page.locator(f"#id_{code}_meets_0").check()  # "Ja"
        page.locator(f"#id_{code}_why").fill(f"Lyngbakken opfylder kriteriet ({code}).")
    shoot_narrow(page, "nomination-form")
    page.locator("main form [name=save]").click()
    code = Nomination.objects.get().receipt_code
    assert code.startswith("IND-")
    expect(page.locator("main")).to_contain_text(code)
    shoot(page, "nomination-receipt")


def write_remark(page, remarks_url, text):
    page.goto(remarks_url)
    page.locator("#id_text").fill(text)
    page.locator("main form [name=save]").click()
    expect(page.locator("main .alert-success")).to_be_visible()


def remarks(page, base_url, world, remarks_url):
    first, second = world["panel"]
    switch_to(page, base_url, first)
    page.goto(world["report_url"])  # the panel reads the handed-in report first
    expect(page.locator("main")).to_contain_text(DEMAND_TEXT)
    expect(page.locator("main")).to_contain_text("96,5")
    shoot(page, "report-read")
    write_remark(page, remarks_url, FIRST_REMARK)
    switch_to(page, base_url, second)
    page.goto(remarks_url)
    expect(page.locator("section[aria-labelledby=remarks-heading]")).to_contain_text(FIRST_REMARK)
    write_remark(page, remarks_url, SECOND_REMARK)
    switch_to(page, base_url, world["chair"])
    page.goto(remarks_url)
    page.locator("button[name=finalise][value=all]").click()
    expect(page.locator("main .alert-success")).to_be_visible()
    assert set(Remark.objects.values_list("is_final", flat=True)) == {True}
    shoot(page, "remarks-final")
    shoot_narrow(page, "remarks-final")


def add_item_and_publish(page, meeting_url, reporting_round):
    page.goto(meeting_url)
    form = page.locator("form[action$='/punkter/fra-data/']")
    choice = form.locator(f"#id_choice option[value='enhanced_cooperation:{reporting_round.pk}']")
    expect(choice.locator("xpath=..")).to_have_attribute("label", "Det forstærkede samarbejde")
    form.locator("#id_choice").select_option(f"enhanced_cooperation:{reporting_round.pk}")
    form.locator("[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(TITLE)
    shoot(page, "das-item")
    page.goto(meeting_url)
    agenda = page.locator("section[aria-labelledby=items-heading]")
    expect(agenda.locator("a[href*='/bilag/']")).to_have_count(1)  # rendered: a link
    order = page.locator("form[action$='/dokumenter/bestil/']").filter(
        has=page.locator("input[name=params][value*='\"agenda\"']")
    )
    order.locator("[type=submit]").click()
    expect(page.locator("#document-progress a[href$='/hent/']")).to_be_visible(timeout=60_000)
    page.goto(meeting_url)
    page.get_by_role("button", name=re.compile("^Udsend dagsordenen")).click()
    page.get_by_role("button", name=re.compile("^Ja")).click()
    expect(page).to_have_url(meeting_url)
    shoot(page, "das-meeting")


def download(page, link, path):
    with page.expect_download() as info:
        link.click()
    info.value.save_as(path)
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def test_the_year_of_the_enhanced_cooperation_from_round_to_das(
    live_server, world, secretariat, hjorring_reporter, das_member, browser_page, tmp_path
):
    page = browser_page
    base_url = live_server.url
    log_in(page, base_url, secretariat)
    reporting_round = open_round(page, base_url)
    shoot(page, "round-opened")
    log_out(page)

    write_report(page, base_url, world, reporting_round)

    switch_to(page, base_url, hjorring_reporter)
    nominate(page, base_url)

    member = world["member"]
    remarks_url = f"{base_url}/samarbejde/bemaerkninger/{reporting_round.pk}/medlem/{member.pk}/"
    remarks(page, base_url, world, remarks_url)
    page.goto(f"{base_url}{member.get_absolute_url()}")
    shoot_narrow(page, "member")

    meeting_url = f"{base_url}/moeder/{world['meeting'].reference}/"
    switch_to(page, base_url, secretariat)
    add_item_and_publish(page, meeting_url, reporting_round)

    switch_to(page, base_url, das_member)
    page.goto(meeting_url)
    shoot(page, "das-member-meeting")
    docs = page.locator("section[aria-labelledby=docs-heading]")
    agenda_text = download(
        page, docs.locator("a[href$='/hent/']").first, tmp_path / "dagsorden.pdf"
    )
    items = page.locator("section[aria-labelledby=items-heading]")
    attachment_text = download(page, items.locator("a[href*='/bilag/']"), tmp_path / "bilag.pdf")
    assert TITLE in agenda_text
    for part in (f"{MEMBER}: Resumé af årsrapport", "Bemærkninger"):
        assert part in agenda_text, part
    assert MEMBER in attachment_text
    for part in ("Resumé af årsrapport", "Bemærkninger", FIRST_REMARK, SECOND_REMARK):
        assert part in agenda_text + attachment_text, part
    # The ORM calls above ran inside Playwright's event-loop context, which gets a connection
    # of its own; close it here or PostgreSQL refuses to drop the test database afterwards.
    connections.close_all()
