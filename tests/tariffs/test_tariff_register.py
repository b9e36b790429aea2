from decimal import Decimal

import pytest
from django.core.management import call_command

from tariffs.models import ReductionTarget, SupervisionTariff, Tariff, TariffStatus
from tariffs.services import tariff_token
from tests.factories import OfferFactory, RegionFactory, UsageFactory

FORMSET = {
    "form-TOTAL_FORMS": "3",
    "form-INITIAL_FORMS": "0",
    "form-MIN_NUM_FORMS": "1",
    "form-MAX_NUM_FORMS": "1000",
}


@pytest.fixture
def covered_offer(aalborg, hjorring):
    offer = OfferFactory(name="Kastanjebo", operator=aalborg)
    UsageFactory(offer=offer, acting_municipality=hjorring, year=2019)
    return offer


def report(client, offer, **extra):
    data = {
        **FORMSET,
        "unit": "day",
        "note": "",
        "form-0-kind": "base",
        "form-0-package": "",
        "form-0-amount": "1.500,00",
        "form-1-kind": "service",
        "form-1-package": "Pakke 1",
        "form-1-amount": "812,50",
        "edit_token": tariff_token(offer, 2019),
        **extra,
    }
    return client.post(f"/takster/tilbud/{offer.pk}/2019/", data)


@pytest.mark.django_db
def test_an_operator_reports_a_tariff_in_danish_numbers_and_it_is_provisional(
    client, aalborg_operator, covered_offer
):
    client.force_login(aalborg_operator)
    assert report(client, covered_offer).status_code == 302
    tariff = Tariff.objects.get(offer=covered_offer, year=2019)
    assert tariff.status == TariffStatus.PROVISIONAL and tariff.reported_by == aalborg_operator
    assert sorted(tariff.components.values_list("kind", "amount")) == [
        ("base", Decimal("1500.00")),
        ("service", Decimal("812.50")),
    ]


@pytest.mark.django_db
def test_a_bad_amount_keeps_what_the_user_typed(client, aalborg_operator, covered_offer):
    client.force_login(aalborg_operator)
    response = report(client, covered_offer, **{"form-1-amount": "otte hundrede"})
    assert response.status_code == 200
    assert "otte hundrede" in response.content.decode()
    assert not Tariff.objects.exists()


@pytest.mark.django_db
def test_only_the_operator_and_the_secretariat_may_report(
    client, aalborg_operator, hjorring_reporter, secretariat, covered_offer
):
    regional = OfferFactory(operator=RegionFactory())
    client.force_login(aalborg_operator)
    assert client.get(f"/takster/tilbud/{regional.pk}/2019/").status_code == 404
    client.force_login(hjorring_reporter)
    assert client.get(f"/takster/tilbud/{covered_offer.pk}/2019/").status_code == 404
    client.force_login(secretariat)
    assert client.get(f"/takster/tilbud/{regional.pk}/2019/").status_code == 200


@pytest.mark.django_db
def test_the_appendix_shows_a_reported_tariff_to_the_public_once_approved_and_published(
    client, aalborg_operator, secretariat, covered_offer
):
    client.force_login(aalborg_operator)
    report(client, covered_offer)
    assert client.get("/takster/takstbilag/2019/").context["tables"] == []  # not published
    client.force_login(secretariat)
    preview = client.get("/takster/takstbilag/2019/").context["tables"][0]
    assert preview.rows[0][0] == "Kastanjebo" and preview.rows[0][3] is None  # awaiting approval

    tariff = Tariff.objects.get()
    assert client.post(f"/takster/takst/{tariff.pk}/godkend/").status_code == 302
    token = client.get("/takster/takstbilag/2019/").context["edit_token"]
    client.post("/takster/takstbilag/2019/offentliggoer/", {"edit_token": token})
    client.logout()
    public = client.get("/takster/takstbilag/2019/").context["tables"][0]
    assert public.rows[0][3] == Decimal("1500.00") and public.rows[0][5] == Decimal("2312.50")


@pytest.mark.django_db
def test_only_the_secretariat_approves(client, aalborg_operator, covered_offer):
    client.force_login(aalborg_operator)
    report(client, covered_offer)
    tariff = Tariff.objects.get()
    assert client.post(f"/takster/takst/{tariff.pk}/godkend/").status_code == 404
    tariff.refresh_from_db()
    assert tariff.status == TariffStatus.PROVISIONAL


@pytest.mark.django_db
def test_tariff_development_page_compares_with_the_reduction_target(client, aalborg):
    from tariffs.services import tariff_report

    ReductionTarget.objects.create(
        year=2019, tariff_reduction_pct=Decimal("0.5"), dialogue_reduction_pct=Decimal("0.5")
    )
    offer = OfferFactory(operator=aalborg)
    for year, amount in ((2018, "2000"), (2019, "1980")):
        tariff_report(
            offer=offer,
            year=year,
            unit="day",
            components=[("total", "", Decimal(amount))],
            note="",
            user=None,
        )
    row = client.get("/takster/udvikling/2019/").context["tables"][0].rows[0]
    assert row[0] == aalborg.short_name
    assert (row[4], row[5], row[6]) == (Decimal("-1.00"), Decimal("-0.5"), True)


@pytest.mark.django_db
def test_supervision_fee_command_reads_the_loaded_tariffs(capsys):
    SupervisionTariff.objects.create(
        tariff_year=2019,
        price_basis=2019,
        category=2,
        places_min=8,
        places_max=24,
        annual=Decimal("42409"),
        intensified=Decimal("4241"),
    )
    call_command("supervision_fee", "--places", "10", "--year", "2019", "--format", "json")
    assert capsys.readouterr().out.strip() == '{"category": 2, "fee": "42409"}'
    call_command(
        "supervision_fee",
        "--places",
        "24",
        "--year",
        "2019",
        "--kind",
        "intensified",
        "--format",
        "json",
    )
    assert capsys.readouterr().out.strip() == '{"category": 2, "fee": "4241"}'


@pytest.mark.django_db
def test_the_appendix_keeps_a_constant_number_of_queries(client, aalborg, hjorring):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tariffs.services import tariff_approve, tariff_report

    def add_offers(count):
        for _ in range(count):
            offer = OfferFactory(operator=aalborg)
            UsageFactory(offer=offer, acting_municipality=hjorring, year=2019)
            tariff = tariff_report(
                offer=offer,
                year=2019,
                unit="day",
                note="",
                user=None,
                components=[("base", "", Decimal(100)), ("service", "Pakke 1", Decimal(50))],
            )
            tariff_approve(tariff=tariff, user=None)

    def count():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/takster/takstbilag/2019/").status_code == 200
        return len(captured)

    add_offers(3)
    few = count()
    add_offers(30)
    assert count() == few
