"""A new secretariat employee's first day in Chromium (issue 13, "Done when"): invites a
reporter for Mariagerfjord and a DAS member, enters the year's usage from a file, records an
exemption, sees the tariff appendix change, records a late change notice and sees it flagged,
and finds all of it on the start page and in the audit log. Screenshots go to artifacts/."""

import datetime as dt
import io
import re

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfWriter

from organisations.models import Membership, Role
from tests.factories import MunicipalityFactory, OfferFactory, UnitFactory
from tests.factories.meetings import body

from .support import BROWSER_MARKS, log_in

pytestmark = BROWSER_MARKS
ARTIFACTS = settings.BASE_DIR / "artifacts"
YEAR = timezone.localdate().year


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"first-day-{name}.png", full_page=True)


@pytest.fixture
def world(aalborg, hjorring, secretariat):
    mariagerfjord = MunicipalityFactory(
        code="846", short_name="Mariagerfjord", name="Mariagerfjord Kommune"
    )
    unit = UnitFactory(organisation=mariagerfjord, code="846", name="Mariagerfjord Kommune")
    body("DAS")
    OfferFactory(name="Kastanjebo", operator=aalborg)
    OfferFactory(name="Birkely", operator=aalborg)
    return unit


def invite(page, base, first, last, email, role, **scope):
    page.goto(f"{base}/")
    page.get_by_role("link", name="Personer og roller").click()
    page.get_by_role("link", name="Invitér en person").click()
    page.locator("#id_first_name").fill(first)
    page.locator("#id_last_name").fill(last)
    page.locator("#id_email").fill(email)
    page.locator("#id_role").select_option(role)
    for field, value in scope.items():
        page.locator(f"#id_{field}").select_option(value=value)
    page.locator("main form [type=submit]").click()
    expect(page.locator("main")).to_contain_text(f"Invitationen er sendt til {email}")


def import_usage(page, base, tmp_path):
    path = tmp_path / "forbrug.csv"
    rows = "tilbud;kommune;pladser\r\nKastanjebo;Hjørring;2\r\nBirkely;Mariagerfjord;1,5\r\n"
    path.write_bytes(rows.encode("utf-8-sig"))
    page.goto(f"{base}/")
    page.get_by_role("link", name="Indlæs årets forbrug").click()
    page.locator("#id_file").set_input_files(str(path))
    page.locator("#id_year").fill(str(YEAR))
    page.locator("main form [type=submit]").click()
    expect(page.locator("main")).to_contain_text(f"Forbrug for {YEAR}: 2 tilføjet")


def appendix_text(page, base) -> str:
    page.goto(f"{base}/takster/takstbilag/{YEAR}/")
    return page.locator("main").inner_text()


def record_exemption(page, base, tmp_path):
    document = tmp_path / "aftale.pdf"
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    document.write_bytes(out.getvalue())
    page.goto(f"{base}/tilbud/?q=Birkely")
    page.get_by_role("link", name="Birkely").first.click()
    page.get_by_role("link", name="Registrér en undtagelse").click()
    page.get_by_label("Mariagerfjord Kommune").check()
    ends = timezone.localdate() + dt.timedelta(days=40)
    page.locator("#id_starts_on").fill(f"{YEAR}-01-01")
    page.locator("#id_ends_on").fill(ends.isoformat())
    page.locator("#id_reason").fill("Bilateral aftale om takst, prisstruktur og afregning")
    page.locator("#id_decided_by").fill("DAS")
    page.locator("#id_decided_on").fill(f"{YEAR - 1}-10-15")
    page.locator("input[type=file]").set_input_files(str(document))
    shot(page, "exemption-form")
    page.locator("main form [type=submit]").click()
    expect(page.locator("main")).to_contain_text("Undtagelsen er registreret.")
    expect(page.locator("main")).to_contain_text("Bilaterale aftaler med Mariagerfjord.")


def record_late_notice(page, base):
    page.goto(f"{base}/aendringer/ny/")
    page.locator("#id_offer").select_option(label="Kastanjebo")
    page.locator("#id_kind").select_option(index=1)
    page.locator("#id_description").fill("Fire pladser lukkes")
    decided = timezone.localdate() - dt.timedelta(days=20)
    page.locator("#id_decided_on").fill(decided.isoformat())
    page.locator("#id_noticed_on").fill((decided + dt.timedelta(days=5)).isoformat())
    page.locator("main form [type=submit]").click()
    expect(page.locator("main")).to_contain_text("brud på aftalen")
    shot(page, "late-notice")


def test_a_new_secretariat_employee_s_first_day(
    live_server, browser_page, secretariat, world, tmp_path
):
    page, base = browser_page, live_server.url
    log_in(page, base, secretariat)
    invite(
        page,
        base,
        "Mette",
        "Madsen",
        "mette@mariagerfjord.dk",
        "reporter",
        unit=str(world.pk),
    )
    shot(page, "reporter-invited")
    invite(
        page,
        base,
        "Dorte",
        "Direktør",
        "dorte@thisted.dk",
        "body_member",
        body="DAS",
    )
    assert Membership.objects.filter(
        user__email="dorte@thisted.dk", role=Role.BODY_MEMBER, body="DAS"
    ).exists()
    assert len(mail.outbox) == 2 and all(re.search(r"/konto/reset/", m.body) for m in mail.outbox)

    before = appendix_text(page, base)
    assert "Kastanjebo" not in before and "Birkely" not in before
    import_usage(page, base, tmp_path)
    after_usage = appendix_text(page, base)
    assert "Kastanjebo" in after_usage and "Birkely" in after_usage
    record_exemption(page, base, tmp_path)
    after_exemption = appendix_text(page, base)
    assert "Kastanjebo" in after_exemption and "Birkely" not in after_exemption
    shot(page, "appendix")

    record_late_notice(page, base)

    page.goto(f"{base}/")
    work = page.locator("#work-heading").locator("xpath=..")
    expect(work).to_contain_text("Undtagelser, der udløber inden for 60 dage")
    expect(work).to_contain_text("Ændringsvarsler givet efter beslutningen")
    shot(page, "start-page")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # the menu fits

    page.goto(f"{base}/log/")
    log = page.locator("main")
    for text in (
        "Invitation sendt til mette@mariagerfjord.dk",
        "Invitation sendt til dorte@thisted.dk",
        f"Forbrug for {YEAR} indlæst fra forbrug.csv",
        "Undtagelse for Birkely",
        "Kastanjebo",
    ):
        expect(log).to_contain_text(text)
    shot(page, "log")
