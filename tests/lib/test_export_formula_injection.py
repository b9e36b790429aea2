"""No export hands a spreadsheet a formula: a text cell starting with =, +, -, @, tab or CR gets
a leading apostrophe (OWASP); numbers, Decimals and dates, also as Danish text, are left alone."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal, InvalidOperation

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetings.models import Meeting
from socialaftale.lib.danish import format_decimal, parse_decimal
from socialaftale.lib.export import FORMULA_START, safe_cell
from socialaftale.lib.tables import ReportTable, tables_download
from tests.factories import OfferFactory
from tests.factories.meetings import das_meeting_of_21_may_2019
from tests.fuzz import fuzz

ATTACK = "=cmd|' /C calc'!A0"
DANGEROUS = st.tuples(st.sampled_from(FORMULA_START), st.text(max_size=20)).map("".join)
NUMBERS = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)


def _xlsx_cells(content: bytes):
    book = openpyxl.load_workbook(io.BytesIO(content))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def _csv_cells(content: bytes) -> list[str]:
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        try:
            parse_decimal(text)
        except ValueError:
            return False
    return True


@fuzz
@given(text=st.one_of(DANGEROUS, NUMBERS.map(lambda n: format_decimal(n, 2)), st.text()))
def test_text_that_would_start_a_formula_gets_an_apostrophe_unless_it_is_a_number(text):
    clean = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", "", text)
    result = safe_cell(text)
    if not clean.startswith(FORMULA_START):
        assert result == clean
    elif result == clean:  # left alone only when it reads as a number
        assert _is_number(clean), clean
    else:
        assert result == "'" + clean


@fuzz
@given(number=NUMBERS)
def test_numbers_and_danish_numbers_are_never_touched(number):
    assert safe_cell(number) == number
    assert safe_cell(format_decimal(number, 2)) == format_decimal(number, 2)
    assert safe_cell(str(number)) == str(number)
    assert safe_cell(dt.date(2019, 1, 1)) == dt.date(2019, 1, 1)


def test_the_owasp_examples():
    assert safe_cell(ATTACK) == "'" + ATTACK
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("+45 12 34 56 78") == "'+45 12 34 56 78"
    assert safe_cell("\t=1") == "'\t=1"
    assert safe_cell("-1.234,50") == "-1.234,50"
    assert safe_cell("-") == "'-"
    assert safe_cell("Bostedet") == "Bostedet"


@pytest.mark.django_db
@fuzz
@given(name=DANGEROUS.filter(lambda s: s.strip() and "\x00" not in s))
def test_a_report_table_download_has_no_formula_and_keeps_its_numbers(name):
    table = ReportTable(
        id="t",
        caption="T",
        headers=["Navn", "Beløb"],
        rows=[[name, Decimal("-1234.50")], [ATTACK, 7]],
    )
    cells = _xlsx_cells(tables_download("t", "xlsx", [table]).content)
    assert not [c for c in cells if c.data_type == "f"]
    assert [c.value for c in cells if c.data_type == "n"] == [-1234.5, 7]
    text = _csv_cells(tables_download("t", "csv", [table]).content)
    assert "'" + ATTACK in text and "-1234,50" in text
    assert all(not c.startswith(FORMULA_START) or c == "-1234,50" for c in text)


@pytest.mark.django_db
def test_an_offer_named_as_a_formula_is_text_in_the_public_catalogue_export(client):
    OfferFactory(name=ATTACK)
    OfferFactory(name="@SUM(1+1)*cmd")
    xlsx = client.get("/tilbud/", {"_export": "xlsx"})
    cells = _xlsx_cells(xlsx.content)
    assert "'" + ATTACK in [c.value for c in cells]
    assert not [c for c in cells if c.data_type == "f"]
    text = _csv_cells(client.get("/tilbud/", {"_export": "csv"}).content)
    assert "'" + ATTACK in text and "'@SUM(1+1)*cmd" in text


@pytest.mark.django_db
def test_the_catalogue_offers_only_csv_and_xlsx(client):
    OfferFactory(name=ATTACK)
    for fmt in ("json", "yaml", "ods", "tsv", "latex", "xls"):
        response = client.get("/tilbud/", {"_export": fmt})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html"), fmt


@pytest.mark.django_db
def test_a_meeting_venue_written_as_a_formula_is_text_in_the_meetings_export(
    client, secretariat, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    das_meeting_of_21_may_2019()
    Meeting.objects.update(venue='=HYPERLINK("http://x")')
    client.force_login(secretariat)
    cells = _xlsx_cells(client.get("/moeder/", {"_export": "xlsx"}).content)
    assert not [c for c in cells if c.data_type == "f"]
    assert '\'=HYPERLINK("http://x")' in [c.value for c in cells]
    text = _csv_cells(client.get("/moeder/", {"_export": "csv"}).content)
    assert '\'=HYPERLINK("http://x")' in text


def test_the_split_tools_csv_writes_a_party_named_as_a_formula_as_text():
    from tariffs.calculations import split_by_key
    from tariffs.management.commands.split_financing import render_csv

    split = split_by_key(Decimal("100"), [(ATTACK, Decimal("1")), ("-Kommune", Decimal("-0"))])
    text = _csv_cells(render_csv(split).encode())
    assert "'" + ATTACK in text and "'-Kommune" in text
