"""Udviklingsbidrag says whom its total leaves out and why, and the secretariat adds the
missing population figure in the browser with the `import_population` command's import."""

import re
from datetime import date
from decimal import Decimal
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from organisations.models import PopulationFigure
from tariffs.models import DevelopmentContributionRate
from tests.factories import MunicipalityFactory

SOURCE = "Danmarks Statistik, indbyggere 1. januar 2012"
UPLOAD = "/kommuner/befolkningstal/indlaes/"
PAGE = "/takster/udviklingsbidrag/2019/"


@pytest.fixture
def contribution(aalborg):
    laeso = MunicipalityFactory(code="825", short_name="Læsø", name="Læsø Kommune")
    PopulationFigure.objects.create(
        organisation=aalborg,
        reference_date=date(2012, 1, 1),
        age_band="all",
        count=201142,
        source=SOURCE,
    )
    DevelopmentContributionRate.objects.create(
        year=2019,
        kroner_per_inhabitant=Decimal(135),
        reply_deadline=date(2018, 9, 10),
        recipient="Regionsrådet",
    )
    return laeso


def footer(page) -> str:
    return re.search(r"<tfoot>.*?</tfoot>", page, re.S)[0]


@pytest.mark.django_db
def test_the_total_says_it_lacks_laeso_because_the_source_has_no_figure(client, contribution):
    page = unescape(client.get(PAGE).content.decode())
    assert "I alt uden Læsø" in footer(page) and "27.154.170" in footer(page)
    assert f"I alt er uden Læsø: befolkningskilden ({SOURCE}) har intet tal for den" in page
    assert "Tilføj befolkningstal" not in page  # the link is the secretariat's


@pytest.mark.django_db
def test_the_secretariat_adds_laesos_figure_in_the_browser_and_the_total_includes_it(
    client, secretariat, contribution
):
    client.force_login(secretariat)
    assert "Tilføj befolkningstal" in client.get(PAGE).content.decode()
    file = SimpleUploadedFile("laeso.csv", "municipality;indbyggere\nLæsø;2.008\n".encode())
    data = {"file": file, "reference_date": "2012-01-01", "age_band": "all", "source": SOURCE}
    response = client.post(UPLOAD, data, follow=True)
    assert "1 befolkningstal indlæst." in response.content.decode()
    assert PopulationFigure.objects.get(organisation=contribution).count == 2008
    page = unescape(client.get(PAGE).content.decode())
    assert "I alt uden" not in page and "befolkningskilden" not in page
    assert "27.425.250" in footer(page)  # (201.142 + 2.008) × 135


@pytest.mark.django_db
def test_a_bad_population_file_imports_nothing_and_names_its_rows(
    client, secretariat, contribution
):
    client.force_login(secretariat)
    text = "municipality,count\nLæsø,2008\nAtlantis,5\nAalborg,mange\n"
    file = SimpleUploadedFile("befolkning.csv", text.encode())
    data = {"file": file, "reference_date": "2012-01-01", "age_band": "all", "source": "x"}
    page = unescape(client.post(UPLOAD, data).content.decode())
    assert "Filen har 2 fejl. Intet blev importeret." in page
    assert "Række 3, kolonne “municipality”: ukendt kommune “Atlantis”" in page
    assert not PopulationFigure.objects.filter(organisation=contribution).exists()
