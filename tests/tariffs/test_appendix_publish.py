"""Publishing the tariff appendix: the secretariat publishes the approved tariffs as version 1,
a change after publication becomes version 2 listing what changed; refused while tariffs
await approval or when nothing changed. The public sees published versions only."""

import csv
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from annual_cycle.models import CycleDefinition, LinkKind
from documents import registry
from documents.models import GeneratedDocument
from tariffs.appendix import CHANGED, COMPONENT
from tariffs.models import TariffAppendixVersion
from tariffs.models_appendix import AppendixVersionImmutable
from tariffs.services import tariff_approve, tariff_report
from tariffs.services_appendix import AppendixRefused, appendix_publish
from tests.factories import OfferFactory, RegionFactory, UsageFactory

pytestmark = pytest.mark.django_db
YEAR = 2019
PAGE = f"/takster/takstbilag/{YEAR}/"


def _report(offer, service="812.50", user=None):
    return tariff_report(
        offer=offer,
        year=YEAR,
        unit="day",
        note="",
        user=user,
        components=[("base", "", Decimal("1500.00")), ("service", "Pakke 1", Decimal(service))],
    )


@pytest.fixture
def offer(aalborg, hjorring):
    offer = OfferFactory(name="Kastanjebo", operator=aalborg)
    UsageFactory(offer=offer, acting_municipality=hjorring, year=YEAR)
    return offer


@pytest.fixture
def approved(offer, secretariat):
    return tariff_approve(tariff=_report(offer), user=secretariat)


def _refusal(secretariat) -> str:
    with pytest.raises(AppendixRefused) as refused:
        appendix_publish(year=YEAR, user=secretariat)
    return " ".join(refused.value.messages)


def test_nothing_approved_is_refused_and_nothing_stored(offer, secretariat):
    _report(offer)
    assert "afventer godkendelse (Kastanjebo)" in _refusal(secretariat)

    assert not TariffAppendixVersion.objects.exists()


def test_first_version_then_a_change_makes_version_2_with_the_change(offer, approved, secretariat):
    first = appendix_publish(year=YEAR, user=secretariat)
    assert (first.version, first.changes, first.published_by) == (1, [], secretariat)
    assert [r.offer for r in first.appendix_rows] == ["Kastanjebo"]
    assert "Intet er ændret siden version 1" in _refusal(secretariat)

    _report(offer, service="900")  # re-reported: provisional again, version 1 keeps 812.50
    assert "1 takst for 2019 afventer godkendelse (Kastanjebo)" in _refusal(secretariat)
    tariff_approve(tariff=offer.tariffs.get(), user=secretariat)
    second = appendix_publish(year=YEAR, user=secretariat)
    assert second.version == 2
    [change] = second.change_list
    assert (change.offer, change.change, change.item, change.package) == (
        "Kastanjebo",
        CHANGED,
        COMPONENT,
        "Pakke 1",
    )
    assert (change.before, change.after) == (Decimal("812.50"), Decimal("900"))
    first.refresh_from_db()
    assert first.appendix_rows[0].components[1][2] == Decimal("812.50")


def test_a_stored_version_cannot_be_changed(approved, secretariat):
    version = appendix_publish(year=YEAR, user=secretariat)
    version.rows = []
    with pytest.raises(AppendixVersionImmutable):
        version.save()


def test_a_stale_preview_is_refused(approved, secretariat):
    with pytest.raises(ValidationError) as stale:
        appendix_publish(year=YEAR, user=secretariat, expected_token="not what was shown")
    assert "forhåndsvisningen" in " ".join(stale.value.messages)
    assert not TariffAppendixVersion.objects.exists()


def test_the_public_sees_only_published_versions(client, offer, approved, aalborg_operator):
    page = client.get(PAGE)
    assert page.status_code == 200 and page.context["tables"] == []
    assert "er ikke offentliggjort endnu" in page.content.decode()
    assert client.get(f"{PAGE}version/1/").status_code == 404
    assert client.get(f"{PAGE}?_export=csv").status_code == 404


def test_secretariat_previews_publishes_and_the_public_reads_it(
    client, offer, approved, secretariat, aalborg_operator
):
    client.force_login(secretariat)
    preview = client.get(PAGE).content.decode()
    assert "Publicér takstbilag" in preview and "Forhåndsvisning af version 1" in preview
    response = client.post(
        f"{PAGE}offentliggoer/", {"edit_token": client.get(PAGE).context["edit_token"]}
    )
    assert response.status_code == 302 and response.url == f"{PAGE}version/1/"
    _report(offer, service="900")
    tariff_approve(tariff=offer.tariffs.get(), user=secretariat)
    preview = client.get(PAGE).content.decode()
    assert "1 ændring siden version 1" in preview and "900,00" in preview

    client.force_login(aalborg_operator)  # the operator reads the published version
    assert client.post(f"{PAGE}offentliggoer/").status_code == 404
    table = client.get(PAGE).context["tables"][0]
    assert table.rows[0][0] == "Kastanjebo" and table.rows[0][5] == Decimal("2312.50")
    client.logout()
    assert client.post(f"{PAGE}offentliggoer/").status_code == 302  # to the login page
    assert TariffAppendixVersion.objects.count() == 1
    assert client.get(f"{PAGE}version/2/").status_code == 404


def test_the_version_page_lists_its_changes_and_exports_them(client, offer, approved, secretariat):
    appendix_publish(year=YEAR, user=secretariat)
    _report(offer, service="900")
    tariff_approve(tariff=offer.tariffs.get(), user=secretariat)
    appendix_publish(year=YEAR, user=secretariat)
    page = client.get(f"{PAGE}version/2/")
    changes = page.context["tables"][1]
    assert changes.rows == [
        [
            "Kastanjebo",
            "Aalborg",
            "Servicetakst (Pakke 1)",
            "Ændret",
            Decimal("812.50"),
            Decimal(900),
        ]
    ]
    html = page.content.decode()
    assert "Version 1" in html and "1 ændring siden version 1" in html
    assert "Dette er ikke den nyeste version" not in html
    assert "Dette er ikke den nyeste version" in client.get(f"{PAGE}version/1/").content.decode()
    assert client.get(PAGE).context["shown"].version == 2

    raw = client.get(f"{PAGE}version/2/?_export=csv")
    assert raw.content.startswith("\ufeff".encode())
    text = raw.content.decode("utf-8-sig")
    assert "Kastanjebo;Aalborg;Servicetakst (Pakke 1);Ændret;812,50;900,00" in text
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert any(r[:2] == ["Kastanjebo", "Aalborg"] for r in rows)
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(f"{PAGE}version/2/?_export=xlsx").content)
    )
    change_rows = list(workbook["tariff_appendix_changes"].iter_rows(values_only=True))
    assert any(r[0] == "Kastanjebo" and r[5] == 900 for r in change_rows)


def _pdf(client, params, capture):
    with capture(execute=True):
        response = client.post(
            "/dokumenter/bestil/", {"kind": "tariffs.tariff_appendix", "params": json.dumps(params)}
        )
    return response


def test_the_pdf_of_a_version_names_it_and_its_changes(
    client, offer, approved, secretariat, aalborg_operator, django_capture_on_commit_callbacks
):
    appendix_publish(year=YEAR, user=secretariat)
    _report(offer, service="900")
    tariff_approve(tariff=offer.tariffs.get(), user=secretariat)
    appendix_publish(year=YEAR, user=secretariat)
    client.force_login(aalborg_operator)
    assert _pdf(client, {"year": YEAR}, django_capture_on_commit_callbacks).status_code == 404
    assert (
        _pdf(client, {"year": YEAR, "version": 3}, django_capture_on_commit_callbacks).status_code
        == 404
    )
    response = _pdf(client, {"year": YEAR, "version": 2}, django_capture_on_commit_callbacks)
    document = GeneratedDocument.objects.get()
    assert response.status_code == 302 and document.status == "done"
    assert document.filename.endswith("-v2.pdf")
    pdf = b"".join(client.get(f"/dokumenter/{document.pk}/hent/").streaming_content)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Takstbilag 2019, version 2" in text
    assert "ændringer siden version 1" in text
    assert "812,50" in text and "900,00" in text and "Kastanjebo" in text


def test_the_annual_cycle_s_document_links_name_registered_kinds():
    targets = CycleDefinition.objects.filter(link_kind=LinkKind.DOCUMENT).values_list(
        "link_target", flat=True
    )
    assert "tariffs.tariff_appendix" in targets
    for target in targets:
        registry.get(target)


def test_an_offer_no_longer_covered_is_listed_as_removed(aalborg, hjorring, secretariat):
    region = RegionFactory()
    kept = OfferFactory(name="Regionalt", operator=region)
    tariff_approve(tariff=_report(kept), user=secretariat)
    leaving = OfferFactory(name="Kastanjebo", operator=aalborg)
    usage = UsageFactory(offer=leaving, acting_municipality=hjorring, year=YEAR)
    tariff_approve(tariff=_report(leaving), user=secretariat)
    appendix_publish(year=YEAR, user=secretariat)
    usage.delete()
    second = appendix_publish(year=YEAR, user=secretariat)
    assert {(c.offer, c.change, c.item) for c in second.change_list} >= {
        ("Kastanjebo", "removed", "offer")
    }


def test_the_draft_and_a_version_keep_a_constant_number_of_queries(
    client, aalborg, hjorring, secretariat
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_offers(count):
        for _ in range(count):
            offer = OfferFactory(operator=aalborg)
            UsageFactory(offer=offer, acting_municipality=hjorring, year=YEAR)
            tariff_approve(tariff=_report(offer), user=secretariat)

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    client.force_login(secretariat)
    add_offers(3)
    appendix_publish(year=YEAR, user=secretariat)
    client.get(PAGE)  # the first request after logging in also saves the session
    few = count(PAGE), count(f"{PAGE}version/1/")
    add_offers(30)
    appendix_publish(year=YEAR, user=secretariat)
    assert (count(PAGE), count(f"{PAGE}version/1/")) == few


def test_a_stale_post_from_the_page_publishes_nothing_and_says_so(client, approved, secretariat):
    client.force_login(secretariat)
    response = client.post(f"{PAGE}offentliggoer/", {"edit_token": "old"}, follow=True)
    assert "forhåndsvisningen" in response.content.decode()
    assert not TariffAppendixVersion.objects.exists()


def test_the_command_publishes_and_refuses_in_danish(offer, approved, secretariat):
    from django.core.management import CommandError, call_command

    out = io.StringIO()
    call_command("appendix_publish", "--year", str(YEAR), stdout=out)
    assert "Takstbilag 2019 version 1: 1 tilbud" in out.getvalue()
    with pytest.raises(CommandError, match="Intet er ændret siden version 1"):
        call_command("appendix_publish", "--year", str(YEAR))
    _report(offer, service="900")
    tariff_approve(tariff=offer.tariffs.get(), user=secretariat)
    call_command("appendix_publish", "--year", str(YEAR), stdout=out)
    assert "Kastanjebo: Servicetakst (Pakke 1) ændret: 812.50 → 900" in out.getvalue()
