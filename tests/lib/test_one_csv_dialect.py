"""One CSV dialect for every download, the one Danish Excel opens as columns and numbers (UTF-8
with BOM, `;`, decimal comma, no thousands separator), written by socialaftale.lib.export
alone; XLSX downloads hold numbers as numbers and dates as dates."""

import csv
import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from offers.models import PlaceStatistic
from organisations.models import PopulationFigure
from tariffs.models import FinancingScheme
from tests.factories import CapacityFactory, OfferFactory
from tests.factories.meetings import das_meeting_of_21_may_2019

ROOT = Path(__file__).resolve().parents[2]
APPS = "socialaftale documents organisations offers tariffs submissions monitoring"
APPS = (APPS + " enhanced_cooperation meetings portal api demo bench").split()
# Ways of writing a CSV (or handing tablib a table to write) that bypass the one writer.
OWN_WRITERS = re.compile(r"csv\.writer|csv\.DictWriter|text/csv|tablib|\.export\(")


@pytest.fixture
def downloads(client, secretariat, aalborg, hjorring, settings, tmp_path):
    """One of each kind of download: the catalogue, a summary table, the register, a
    published table with a date, a financing scheme in øre and the meetings list."""
    settings.MEDIA_ROOT = tmp_path
    CapacityFactory(offer=OfferFactory(name="Violen", operator=aalborg), total_places=18)
    PlaceStatistic.objects.create(
        year=2018,
        location_municipality=aalborg,
        municipal_places=1306,
        private_places=536,
        agreement_places=840,
    )
    PopulationFigure.objects.create(
        organisation=hjorring, reference_date=dt.date(2019, 1, 1), age_band="all", count=64816
    )
    das_meeting_of_21_may_2019()
    client.force_login(secretariat)
    key = SimpleUploadedFile("noegle.csv", "party;weight\nAalborg;3\nHjørring;1\n".encode())
    client.post(
        "/takster/fordeling/",
        {
            "key_file": key,
            "total": "2.500.000,50",
            "decimals": "2",
            "save_as": "Ordning",
            "year": "2019",
        },
    )
    scheme = FinancingScheme.objects.get()
    return {
        "catalogue": "/tilbud/",
        "places": "/tilbud/pladser/2018/",
        "register": "/kommuner/",
        "contribution": "/takster/udviklingsbidrag/2019/",
        "scheme": f"/takster/ordninger/{scheme.pk}/",
        "meetings": "/moeder/",
    }


def _rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf"), content[:20]
    text = content.decode("utf-8")[1:]
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.mark.django_db
def test_every_csv_download_is_in_the_one_dialect(client, downloads):
    rows = {}
    for name, url in downloads.items():
        response = client.get(url, {"_export": "csv"})
        assert response["Content-Type"] == "text/csv; charset=utf-8", name
        rows[name] = _rows(response.content)
        assert len(rows[name][0]) > 2, (name, rows[name][0])  # the header split into columns
    assert rows["catalogue"][0][:2] == ["Tilbud", "Driftsherre"]
    assert rows["places"][1][1:] == ["1306", "536", "840", "31,3"]
    assert rows["scheme"][-1][:4] == ["I alt", "4", "100,0", "2500000,50"]
    assert ["Aalborg", "3", "75,0", "1875000,38", "1875000,38"] == rows["scheme"][1]
    hjorring = next(row for row in rows["contribution"] if row[0] == "Hjørring")
    assert hjorring[1:3] == ["64816", "2019-01-01"]
    assert rows["meetings"][1][2] == "2019-05-21"
    assert ["Ja", "Ja", "Ja"] == [row[4] for row in rows["register"][1:]]


@pytest.mark.django_db
def test_xlsx_downloads_hold_numbers_and_dates(client, downloads):
    def sheet(name):
        response = client.get(downloads[name], {"_export": "xlsx"})
        return openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]

    scheme = sheet("scheme")
    aalborg = next(row for row in scheme.iter_rows(min_row=2) if row[0].value == "Aalborg")
    assert aalborg[3].data_type == "n" and aalborg[3].value == 1875000.38
    assert aalborg[3].number_format == "#,##0.00"
    contribution = sheet("contribution")
    hjorring = next(row for row in contribution.iter_rows() if row[0].value == "Hjørring")
    assert hjorring[1].value == 64816 and hjorring[1].data_type == "n"
    assert hjorring[2].is_date and hjorring[2].value.date() == dt.date(2019, 1, 1)
    meeting = list(sheet("meetings").iter_rows(min_row=2))[0]
    assert meeting[2].is_date and meeting[2].value.date() == dt.date(2019, 5, 21)
    assert meeting[6].value == 15
    assert [c.value for c in sheet("catalogue")[2]][5] == 18
    assert all(cell.font.bold for cell in sheet("places")[1])


def test_no_module_writes_a_csv_or_spreadsheet_but_the_one_writer():
    offenders = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")) if (ROOT / app).exists() else []:
            if path.name == "export.py" and path.parent.name == "lib":
                continue
            text = path.read_text(encoding="utf-8")
            offenders += [f"{path.relative_to(ROOT)}: {m[0]}" for m in OWN_WRITERS.finditer(text)]
    assert offenders == []
