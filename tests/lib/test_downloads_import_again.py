"""Every importer reads back the file its page downloads (CSV in the one dialect, and XLSX):
download through the real view, import the bytes through the real importer or page, compare."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from offers.importers import parse_offers
from offers.models import Offer
from offers.services import offer_import
from organisations.models import Organisation, PopulationFigure
from tariffs.models import FinancingScheme
from tests.factories import MunicipalityFactory, RegionFactory
from tests.importers_under_test import import_parties, import_population

FORMATS = ["csv", "xlsx"]
OFFERS = (
    "name,operator,target_group,legal_basis,places_as_written,status,opens,notes\n"
    "Violen,Aalborg Kommune,Udviklingshæmmede børn,ABL § 105 og SEL § 85,"
    "14 + 4 aflastningspladser,active,2013-09,Intern note\n"
    "Kvisten,Region Nordjylland,Børn og unge med betydelig nedsat funktionsevne,SEL § 66,"
    "ca. 20,planned,2020,\n"
    "Løvdal,Aalborg Kommune,Voksne,,,closed,,\n"
)


def _offers() -> list[tuple]:
    return [
        (
            o.name,
            o.operator.code,
            o.location_municipality_id,
            o.target_group_text,
            o.age_group,
            o.legal_basis_text,
            o.status,
            o.opening_year,
            o.opening_month,
            o.notes,
            sorted(b.code for b in o.legal_bases.all()),
            sorted(g.slug for g in o.target_groups.all()),
            [(c.year, c.as_written, c.total_places, c.needs_review) for c in o.capacities.all()],
        )
        for o in Offer.objects.order_by("name")
    ]


def _upload(response, fmt: str) -> SimpleUploadedFile:
    assert response.status_code == 200 and response["Content-Disposition"].endswith(f'.{fmt}"')
    return SimpleUploadedFile(f"download.{fmt}", response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_catalogue_download_imports_again_as_the_same_offers(client, secretariat, aalborg, fmt):
    RegionFactory()
    offer_import(rows=parse_offers(OFFERS.encode()), year=2019)
    before = _offers()
    client.force_login(secretariat)
    download = client.get("/tilbud/", {"aar": 2019, "_export": fmt})

    again = client.post("/tilbud/import/", {"file": _upload(download, fmt), "year": 2019})
    assert again.status_code == 200 and again.context["result"].updated == 3, again.context.get(
        "errors"
    )
    assert _offers() == before  # nothing changed, and the notes (not in the download) are kept

    Offer.objects.all().delete()  # the same bytes, into an empty register
    again = client.post("/tilbud/import/", {"file": _upload(download, fmt), "year": 2019})
    assert again.context["result"].created == 3
    assert [row[:9] + row[10:] for row in _offers()] == [row[:9] + row[10:] for row in before]


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_register_download_imports_again_as_the_same_parties(client, fmt):
    region = RegionFactory()
    MunicipalityFactory(code="851", short_name="Aalborg", name="Aalborg Kommune")
    MunicipalityFactory(
        code="740",
        short_name="Silkeborg",
        name="Silkeborg Kommune",
        region=None,
        party_to_agreement=False,
    )

    def parties():
        return sorted(
            (o.code, o.name, o.short_name, o.kind, o.region_id, o.party_to_agreement)
            for o in Organisation.objects.all()
        )

    before = parties()
    download = client.get("/kommuner/", {"_export": fmt})
    Organisation.objects.update(party_to_agreement=True, region=region, kind="municipality")
    Organisation.objects.filter(pk=region.pk).update(region=None)
    assert parties() != before
    assert import_parties(_upload(download, fmt).read()) == 3
    assert parties() == before


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_development_contribution_download_imports_again_as_population(client, fmt):
    counted = date(2019, 1, 1)
    for code, name, count in [("851", "Aalborg", 217075), ("860", "Hjørring", 64816)]:
        municipality = MunicipalityFactory(code=code, short_name=name, name=f"{name} Kommune")
        PopulationFigure.objects.create(
            organisation=municipality, reference_date=counted, age_band="all", count=count
        )
    MunicipalityFactory(code="825", short_name="Læsø")  # no figure: an empty cell
    before = sorted(PopulationFigure.objects.values_list("organisation__code", "count"))
    download = client.get("/takster/udviklingsbidrag/2019/", {"_export": fmt})
    PopulationFigure.objects.all().delete()

    figures = import_population(
        _upload(download, fmt).read(), reference_date=counted, age_band="all", source="download"
    )
    assert sorted((f.organisation.code, f.count) for f in figures) == before


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_schemes_download_splits_again_as_a_key_to_the_same_amounts(
    client, secretariat, aalborg, hjorring, fmt
):
    client.force_login(secretariat)
    key = SimpleUploadedFile("noegle.csv", b"party,weight\nAalborg,3\nHj\xc3\xb8rring,1.5\n")
    form = {"total": "2.500.000,50", "decimals": "2"}
    client.post(
        "/takster/fordeling/", {"key_file": key, **form, "save_as": "Ordning", "year": 2019}
    )
    scheme = FinancingScheme.objects.get()
    download = client.get(f"/takster/ordninger/{scheme.pk}/", {"_export": fmt})

    again = client.post("/takster/fordeling/", {"key_file": _upload(download, fmt), **form})
    assert again.context["errors"] == []
    split = scheme.splits.get()
    saved = [(r.organisation.short_name, r.weight, r.amount) for r in split.rows.all()]
    assert [(r.party, r.weight, r.amount) for r in again.context["split"].rows] == saved
    assert again.context["split"].sum == Decimal("2500000.50")


@pytest.mark.django_db
def test_the_split_commands_csv_is_read_back_as_its_key(tmp_path):
    key = tmp_path / "noegle.csv"
    key.write_text("party,weight\nAalborg,38824\nLæsø,241\n", "utf-8")
    outputs = []
    for source in (key, tmp_path / "fordeling.csv"):
        out = io.StringIO()
        args = ["--total", "19209757", "--key", str(source), "--format", "csv"]
        call_command("split_financing", *args, stdout=out)
        (tmp_path / "fordeling.csv").write_text(out.getvalue(), "utf-8")
        outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]  # its own output, sum row and all, read back as the key
    assert outputs[0].startswith("\ufeffparty;weight")
