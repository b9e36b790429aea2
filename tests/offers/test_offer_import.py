import pytest
from django.core.management import CommandError, call_command

from offers.importers import parse_offers
from offers.models import Offer
from offers.services import offer_import
from socialaftale.lib.imports import ImportRejected
from tests.factories import RegionFactory

HEADER = (
    "name,operator,target_group,legal_basis,places_as_written,covered_by_agreement,status,"
    "opens,notes\n"
)
GOOD = (
    "Violen,Aalborg Kommune,Udviklingshæmmede,ABL § 105 og SEL § 85,"
    "14 + 4 aflastningspladser,yes,active,2013-09,\n"
    "Kvisten,Region Nordjylland,Børn og unge med betydelig og varig nedsat funktionsevne,"
    "SEL § 66,,yes,active,,Enhanced cooperation\n"
    "Døgntilbud ved BørneBøgen,Aalborg Kommune,Børn og unge,,?,no,planned,2013,\n"
)


@pytest.fixture
def parties(aalborg):
    RegionFactory()


@pytest.mark.django_db
def test_a_clean_file_creates_offers_with_parsed_places_and_legal_bases(parties):
    result = offer_import(rows=parse_offers((HEADER + GOOD).encode()), year=2019)
    assert (result.created, result.updated) == (3, 0)
    violen = Offer.objects.get(name="Violen")
    capacity = violen.capacities.get(year=2019)
    assert (capacity.base_places, capacity.total_places) == (14, 18)
    assert list(capacity.extras.values_list("kind", "places")) == [("respite", 4)]
    assert sorted(violen.legal_bases.values_list("code", flat=True)) == ["ABL § 105", "SEL § 85"]
    assert (violen.opening_year, violen.opening_month) == (2013, 9)
    assert result.flagged_places == ["Døgntilbud ved BørneBøgen: »?«"]


@pytest.mark.django_db
def test_importing_the_same_file_twice_updates_instead_of_duplicating(parties):
    offer_import(rows=parse_offers((HEADER + GOOD).encode()), year=2019)
    result = offer_import(rows=parse_offers((HEADER + GOOD).encode()), year=2019)
    assert (result.created, result.updated) == (0, 3)
    assert Offer.objects.count() == 3


@pytest.mark.django_db
def test_a_file_with_errors_imports_nothing_and_names_every_bad_row(parties):
    bad = (
        HEADER
        + GOOD
        + "Ukendt,Privat ApS,Voksne,,5,no,active,,\n"
        + "Forkert status,Aalborg Kommune,Voksne,,5,no,open,,\n"
        + "Forkert dato,Aalborg Kommune,Voksne,,5,no,active,2013-13,\n"
        + "Violen,Aalborg Kommune,Voksne,,5,no,active,,\n"
    )
    with pytest.raises(ImportRejected) as rejected:
        offer_import(rows=parse_offers(bad.encode()), year=2019)
    found = {(e.row, e.column) for e in rejected.value.errors}
    assert found == {(5, "operator"), (6, "status"), (7, "opens"), (8, "name")}
    assert "Privat ApS" in str(rejected.value.errors[0])
    assert Offer.objects.count() == 0


@pytest.mark.django_db
def test_a_file_without_required_columns_is_refused(parties):
    with pytest.raises(ImportRejected) as rejected:
        offer_import(rows=parse_offers(b"name,operator\nViolen,Aalborg Kommune\n"), year=2019)
    # named as the catalogue download writes them
    assert {e.column for e in rejected.value.errors} == {
        "målgruppe",
        "lovgrundlag",
        "pladser som angivet",
        "status",
    }


@pytest.mark.django_db
def test_windows_1252_and_semicolons_are_accepted(parties):
    text = (HEADER + GOOD).replace(",", ";").replace("Violen", "Æblehaven")
    result = offer_import(rows=parse_offers(text.encode("cp1252")), year=2019)
    assert result.created == 3
    assert Offer.objects.filter(name="Æblehaven").exists()


@pytest.mark.django_db
def test_the_secretariat_sees_every_error_in_the_browser_and_nothing_is_saved(
    client, secretariat, parties
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(secretariat)
    upload = SimpleUploadedFile("tilbud.csv", (HEADER + "X,Nowhere,,,,,active,,\n").encode())
    response = client.post("/tilbud/import/", {"file": upload, "year": 2019})
    assert response.status_code == 200
    assert [(e.row, e.column) for e in response.context["errors"]] == [(2, "operator")]
    assert Offer.objects.count() == 0


@pytest.mark.django_db
def test_the_import_command_reports_errors_without_a_traceback(tmp_path, parties):
    path = tmp_path / "tilbud.csv"
    path.write_text(HEADER + "X,Nowhere,,,,,active,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Intet er indlæst"):
        call_command("import_offers", str(path), "--year", "2019")
