import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from offers.models import Offer
from tests.factories import (
    CapacityFactory,
    LegalBasisFactory,
    MunicipalityFactory,
    OfferFactory,
    RegionFactory,
    TargetGroupFactory,
    UsageFactory,
)


def make_offers(count: int):
    region, municipality = RegionFactory(), MunicipalityFactory()
    group = TargetGroupFactory(slug="udviklingshaemning", name="Udviklingshæmning")
    basis = LegalBasisFactory(code="SEL § 108")
    for index in range(count):
        offer = OfferFactory(operator=region if index % 2 else municipality)
        offer.target_groups.add(group)
        offer.legal_bases.add(basis)
        CapacityFactory(offer=offer)
        UsageFactory(offer=offer)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.django_db
def test_the_catalogue_keeps_a_constant_number_of_queries_with_10_and_300_offers(client):
    make_offers(10)
    with_ten = queries_for(client, "/tilbud/")
    make_offers(290)
    assert Offer.objects.count() == 300
    assert queries_for(client, "/tilbud/") == with_ten
    assert queries_for(client, "/tilbud/?page=5") == with_ten


@pytest.mark.django_db
def test_an_anonymous_visitor_can_search_by_name_or_target_group(client):
    OfferFactory(name="Kridtsløjfen", target_group_text="Døve med andre funktionsnedsættelser")
    OfferFactory(name="Kastanjebo", target_group_text="Autister")
    by_name = client.get("/tilbud/", {"q": "kridt"}).content.decode()
    by_group = client.get("/tilbud/", {"q": "autist"}).content.decode()
    assert "Kridtsløjfen" in by_name and "Kastanjebo" not in by_name
    assert "Kastanjebo" in by_group and "Kridtsløjfen" not in by_group


@pytest.mark.django_db
def test_filters_narrow_the_list(client, aalborg, hjorring):
    covered = OfferFactory(name="Omfattet", operator=aalborg, status="active")
    UsageFactory(offer=covered, acting_municipality=hjorring)
    OfferFactory(name="Ikke omfattet", operator=aalborg, status="planned")
    OfferFactory(name="Hjørrings", operator=hjorring)
    group = TargetGroupFactory(slug="psykisk", name="Psykisk")
    child = TargetGroupFactory(slug="sindslidelse", name="Sindslidelse", parent=group)
    covered.target_groups.add(child)

    def names(params):
        response = client.get("/tilbud/", params)
        return {row.record.name for row in response.context["table"].rows}

    assert names({"omfattet": "ja"}) == {"Omfattet"}
    assert names({"omfattet": "nej"}) == {"Ikke omfattet", "Hjørrings"}
    assert names({"driftsherre": hjorring.pk}) == {"Hjørrings"}
    assert names({"status": "planned"}) == {"Ikke omfattet"}
    assert names({"maalgruppe": group.pk}) == {"Omfattet"}  # a parent finds its sub-groups
    assert names({"beliggenhed": aalborg.pk, "omfattet": "nej"}) == {"Ikke omfattet"}
    CapacityFactory(offer=covered, as_written="ca. 20", needs_review=True)
    assert names({"gennemsyn": "ja"}) == {"Omfattet"}


@pytest.mark.django_db
def test_the_filtered_list_exports_to_csv_and_xlsx(client, aalborg, hjorring):
    offer = OfferFactory(name="Violen", operator=aalborg)
    UsageFactory(offer=offer, acting_municipality=hjorring)
    CapacityFactory(offer=offer, as_written="14 + 4 aflastningspladser", total_places=18)
    OfferFactory(name="Andet tilbud", operator=aalborg)

    csv_response = client.get("/tilbud/", {"q": "Violen", "_export": "csv"})
    assert csv_response["Content-Type"].startswith("text/csv")
    lines = csv_response.content.decode("utf-8-sig").strip().splitlines()
    assert len(lines) == 2 and "Violen" in lines[1] and "Andet" not in csv_response.content.decode()

    xlsx_response = client.get("/tilbud/", {"q": "Violen", "_export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][0] == "Violen"
    assert 18 in rows[1] or "18" in rows[1]


@pytest.mark.django_db
def test_the_detail_page_explains_why_an_offer_is_covered(client, aalborg, hjorring):
    offer = OfferFactory(name="Løvdal", operator=aalborg)
    UsageFactory(offer=offer, acting_municipality=hjorring, year=2019)
    page = client.get(f"/tilbud/{offer.pk}/", {"aar": 2019}).content.decode()
    assert "Løvdal" in page
    assert "Hjørring Kommune" in page
    assert client.get(f"/tilbud/{offer.pk}/").context["coverage"].covered


@pytest.mark.django_db
def test_an_unknown_offer_is_404(client):
    assert client.get("/tilbud/999999/").status_code == 404


@pytest.mark.django_db
def test_places_summary_shows_the_agreement_share_and_exports_it(client):
    from offers.models import PlaceStatistic

    for name, municipal, private, agreement in [("Aalborg", 1306, 536, 840), ("Læsø", 20, 0, 0)]:
        PlaceStatistic.objects.create(
            year=2018,
            location_municipality=MunicipalityFactory(short_name=name),
            municipal_places=municipal,
            private_places=private,
            agreement_places=agreement,
        )
    response = client.get("/tilbud/pladser/2018/")
    assert str(response.context["share"]) == "31.1"  # 840 / 2702
    assert [str(r.share) for r in response.context["rows"]] == ["31.3", "0.0"]
    csv_lines = client.get("/tilbud/pladser/2018/?_export=csv").content.decode("utf-8-sig")
    assert csv_lines.splitlines()[-1].endswith(";1326;536;840;31,1")
