"""The tariff form's component rows, posted the way a browser posts them: untouched extra
rows are ignored, rows are deleted with their box, one more row comes without JavaScript,
bad rows are named, and the page says which packages the tariff has."""

from decimal import Decimal

import pytest

from tariffs.models import Tariff, TariffStatus
from tariffs.services import tariff_report
from tests.factories import OfferFactory
from tests.posted import posted

YEAR = 2020


@pytest.fixture
def offer(aalborg):
    return OfferFactory(name="Sødisbakke", operator=aalborg)


@pytest.fixture
def reported(offer):
    return tariff_report(
        offer=offer,
        year=YEAR,
        unit="day",
        note="",
        user=None,
        components=[
            ("base", "", Decimal("1500")),
            ("service", "Pakke 1", Decimal("800")),
            ("service", "Pakke 2", Decimal("1200")),
        ],
    )


def url(offer):
    return f"/takster/tilbud/{offer.pk}/{YEAR}/"


def components(offer):
    tariff = Tariff.objects.get(offer=offer, year=YEAR)
    return sorted(tariff.components.values_list("kind", "package", "amount"))


@pytest.mark.django_db
def test_re_submitting_the_prefilled_tariff_unchanged_goes_through(
    client, aalborg_operator, offer, reported
):
    client.force_login(aalborg_operator)
    response = client.post(url(offer), posted(client.get(url(offer)).content.decode(), "amount"))
    assert response.status_code == 302, response.content.decode()
    assert components(offer) == [
        ("base", "", Decimal("1500.00")),
        ("service", "Pakke 1", Decimal("800.00")),
        ("service", "Pakke 2", Decimal("1200.00")),
    ]


@pytest.mark.django_db
def test_base_and_one_package_need_only_two_rows(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    data |= {"form-0-kind": "base", "form-0-amount": "1.500,00"}
    assert data["form-1-kind"] == ""  # an untouched row chooses no component
    data |= {"form-1-kind": "service", "form-1-package": "Pakke 1", "form-1-amount": "812,50"}
    response = client.post(url(offer), data)
    assert response.status_code == 302, response.content.decode()
    assert components(offer) == [
        ("base", "", Decimal("1500.00")),
        ("service", "Pakke 1", Decimal("812.50")),
    ]
    assert Tariff.objects.get(offer=offer).status == TariffStatus.PROVISIONAL


@pytest.mark.django_db
def test_a_row_is_removed_with_its_delete_box(client, aalborg_operator, offer, reported):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    row = next(k[:-8] for k, v in data.items() if k.endswith("-package") and v == "Pakke 2")
    data[f"{row}-DELETE"] = "on"
    assert client.post(url(offer), data).status_code == 302
    assert [package for _kind, package, _a in components(offer)] == ["", "Pakke 1"]


@pytest.mark.django_db
def test_a_row_cleared_by_hand_is_ignored(client, aalborg_operator, offer, reported):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    row = next(k[:-8] for k, v in data.items() if k.endswith("-package") and v == "Pakke 2")
    data |= {f"{row}-kind": "", f"{row}-package": "", f"{row}-amount": ""}
    assert client.post(url(offer), data).status_code == 302
    assert len(components(offer)) == 2


@pytest.mark.django_db
def test_add_row_without_javascript_shows_one_more_empty_row_and_saves_nothing(
    client, aalborg_operator, offer, reported
):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    shown = int(data["form-TOTAL_FORMS"])
    data["form-0-amount"] = "1.600,00"
    response = client.post(url(offer), {**data, "add_row": "1"})
    assert response.status_code == 200
    again = posted(response.content.decode(), "amount")
    assert int(again["form-TOTAL_FORMS"]) == shown + 1
    assert again["form-0-amount"] == "1.600,00"  # what was typed is kept
    assert "errorlist" not in response.content.decode() and "invalid-feedback" not in (
        response.content.decode()
    )
    assert components(offer)[0][2] == Decimal("1500.00")  # nothing saved yet


@pytest.mark.django_db
def test_the_page_carries_an_empty_row_template_for_the_add_button(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    html = client.get(url(offer)).content.decode()
    assert "form-__prefix__-amount" in html and "Tilføj række" in html


@pytest.mark.django_db
def test_a_row_with_an_amount_but_no_component_is_named(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    data |= {"form-0-kind": "base", "form-0-amount": "100", "form-1-amount": "200"}
    response = client.post(url(offer), data)
    assert response.status_code == 200
    assert "Række 2: vælg komponenten" in response.content.decode()
    assert not Tariff.objects.exists()


@pytest.mark.django_db
def test_the_same_package_twice_is_refused_with_the_rows_named(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    data |= {"form-0-kind": "service", "form-0-package": "Pakke 1", "form-0-amount": "100"}
    data |= {"form-1-kind": "service", "form-1-package": "pakke 1 ", "form-1-amount": "200"}
    response = client.post(url(offer), data)
    assert response.status_code == 200
    assert "Række 1 og 2" in response.content.decode()
    assert not Tariff.objects.exists()


@pytest.mark.django_db
def test_a_service_tariff_needs_its_package_name(client, aalborg_operator, offer):
    client.force_login(aalborg_operator)
    data = posted(client.get(url(offer)).content.decode(), "amount")
    data |= {"form-0-kind": "service", "form-0-amount": "100"}
    response = client.post(url(offer), data)
    assert response.status_code == 200
    assert "Række 1: skriv ydelsespakkens navn" in response.content.decode()


@pytest.mark.django_db
def test_the_form_says_which_packages_the_tariff_has(client, aalborg_operator, offer, reported):
    client.force_login(aalborg_operator)
    html = client.get(url(offer)).content.decode()
    summary = html[html.index('id="tariff-summary"') :][:2000]
    assert "Basistakst" in summary and "Pakke 1" in summary and "Pakke 2" in summary
    assert "2 ydelsespakker" in summary
    assert "2.300,00" in summary  # the lowest package's total: base + Pakke 1
