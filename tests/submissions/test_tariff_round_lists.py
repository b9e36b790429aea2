"""The tariff round's lists as tables (issue 15): the secretariat's review has a line per
reported component with last year in this year's prices, the target's highest amount, the
change and a flag where it misses the target, filterable by status, and it downloads (like
the operator's list) as the Danish CSV and as XLSX; "Approve selected" keeps its boxes."""

import io
from decimal import Decimal as D

import openpyxl
import pytest
from django.urls import reverse

from submissions.tables import ReviewLine, review_table
from tariffs import services_round
from tests.submissions.tariff_round_data import YEAR, build, report_values

REASON = "Ny nattevagt"


@pytest.fixture
def world(aalborg, hjorring, aalborg_operator):
    world = build(aalborg, hjorring)
    over = [("base", "", D("1020.00")), ("service", "Pakke 1", D("507.45"))]
    world.tariff = services_round.round_tariff_report(
        offer=world.offer,
        year=YEAR,
        user=aalborg_operator,
        **report_values(components=over, reasons={"base:": REASON}),
    )
    return world


def review_url(world, query=""):
    return reverse("submissions:tariff_review", args=[world.round.pk]) + query


def test_the_review_shows_each_component_against_the_target_with_a_flag(client, world, secretariat):
    client.force_login(secretariat)
    text = client.get(review_url(world)).content.decode()
    assert 'id="review-offers"' in text and f'id="tariff-{world.tariff.pk}"' in text
    assert "1.020,00" in text and "1.014,90" in text  # last year indexed, the target's most
    assert "Når ikke målet" in text and REASON in text
    assert text.count('class="table-warning"') == 1  # the base misses it, Pakke 1 meets it
    assert text.count('name="tariff"') == 1  # one box per offer, not per component


def test_the_review_is_filtered_by_status(client, world, secretariat):
    client.force_login(secretariat)
    assert "Kastanjehuset" in client.get(review_url(world, "?status=reported")).content.decode()
    text = client.get(review_url(world, "?status=approved")).content.decode()
    assert "Kastanjehuset" not in text and "Intet tilbud har denne status" in text
    assert "Kastanjehuset" in client.get(review_url(world, "?status=nonsense")).content.decode()


def test_the_review_downloads_as_danish_csv_and_xlsx(client, world, secretariat):
    client.force_login(secretariat)
    csv = client.get(review_url(world, "?status=reported&_export=csv"))
    assert csv["Content-Disposition"] == f'attachment; filename="takster-{YEAR}-gennemgang.csv"'
    text = csv.content.decode("utf-8")
    assert text.startswith("\ufeffTilbud;Driftsherre;Status;")
    assert "Kastanjehuset;Aalborg;Indberettet;Basistakst;1020,00;1020,00;1014,90;0,00;" in text
    assert f";Ja;{REASON}\r\n" in text
    xlsx = client.get(review_url(world, "?_export=xlsx"))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][4] == 1020 and rows[2][5] == pytest.approx(507.45)


def test_the_operators_list_downloads_too(client, world, aalborg_operator):
    client.force_login(aalborg_operator)
    url = reverse("submissions:tariff_round", args=[world.submission.pk])
    page = client.get(url).content.decode()
    assert 'id="round-offers"' in page and "_export=xlsx" in page
    text = client.get(url + "?_export=csv").content.decode("utf-8")
    assert text.startswith("\ufeffTilbud;Status;Indberettet den\r\nKastanjehuset;Indberettet;")


def test_the_review_table_is_plain_data(db):
    line = ReviewLine("A", "B", "Indberettet", "Basistakst", D("10.00"), D("9.00"), exceeds=False)
    table = review_table(2020, [line, ReviewLine("C", "D", "Ikke påbegyndt")], "Indberettet")
    assert table.caption.endswith("(Indberettet)")
    assert table.rows[0][4:6] == [D("10.00"), D("9.00")] and table.rows[1][3] is None


def test_an_offer_not_reported_in_the_round_has_one_line_without_amounts(
    client, aalborg, hjorring, secretariat
):
    world = build(aalborg, hjorring)
    client.force_login(secretariat)
    text = client.get(review_url(world, "?_export=csv")).content.decode("utf-8")
    assert text.endswith("\r\nKastanjehuset;Aalborg;Ikke påbegyndt;;;;;;;;\r\n")
