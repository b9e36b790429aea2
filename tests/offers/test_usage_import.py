"""Importing a year's usage (offers.usage_import): all or nothing, Danish row/field messages,
CSV and XLSX, the management command, and a fuzz of the parser."""

import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from audit.models import Action, AuditEntry
from offers.models import Offer, Usage
from offers.selectors import with_coverage
from offers.usage_import import parse_usage, usage_import
from socialaftale.lib.imports import ImportRejected
from tests.factories import MunicipalityFactory, OfferFactory, UsageFactory
from tests.fuzz import fuzz

BOM = "\ufeff"


def csv_file(*rows: str, header: str = "tilbud;kommune;pladser;forventet") -> SimpleUploadedFile:
    text = BOM + "\r\n".join([header, *rows]) + "\r\n"
    return SimpleUploadedFile("forbrug.csv", text.encode("utf-8"))


def covered(offer: Offer, year: int) -> bool:
    return with_coverage(Offer.objects.filter(pk=offer.pk), year).get().covered


@pytest.fixture
def offer(aalborg):
    return OfferFactory(name="Kastanjebo", operator=aalborg)


@pytest.mark.django_db
def test_a_good_file_replaces_the_years_usage_and_changes_coverage(
    offer, aalborg, hjorring, secretariat
):
    UsageFactory(offer=offer, year=2024, acting_municipality=aalborg, places=Decimal("3"))
    other_year = UsageFactory(offer=offer, year=2023, acting_municipality=hjorring)
    assert not covered(offer, 2024)
    result = usage_import(
        csv_file("kastanjebo ;Aalborg;3,5;nej", "KASTANJEBO;860;1,25;ja"), 2024, secretariat
    )
    assert (result.added, result.changed, result.removed) == (1, 1, 0)
    rows = {
        (u.acting_municipality.code, u.places, u.is_expected)
        for u in Usage.objects.filter(year=2024)
    }
    assert rows == {("851", Decimal("3.50"), False), ("860", Decimal("1.25"), True)}
    assert covered(offer, 2024)  # a second municipality buys
    assert Usage.objects.filter(pk=other_year.pk).exists()
    entry = AuditEntry.objects.get(action=Action.IMPORTED)
    assert entry.actor == secretariat
    assert (
        entry.summary
        == "Forbrug for 2024 indlæst fra forbrug.csv: 1 tilføjet, 1 ændret, 0 fjernet."
    )


@pytest.mark.django_db
def test_rows_missing_from_the_file_are_removed(offer, aalborg, hjorring, secretariat):
    UsageFactory(offer=offer, year=2024, acting_municipality=hjorring)
    result = usage_import(csv_file("Kastanjebo;Aalborg Kommune;2"), 2024, secretariat)
    assert (result.added, result.changed, result.removed) == (1, 0, 1)
    assert not covered(offer, 2024)


@pytest.mark.django_db
def test_a_comma_separated_file_without_forventet(offer, aalborg, hjorring, secretariat):
    upload = csv_file('Kastanjebo,Hjørring Kommune,"2,5"', header="tilbud,kommune,pladser")
    result = usage_import(upload, 2024, secretariat)
    assert result.added == 1
    assert Usage.objects.get().places == Decimal("2.50")


@pytest.mark.django_db
def test_an_xlsx_file(offer, hjorring, secretariat):
    book = openpyxl.Workbook()
    book.active.append(["Tilbud", "Kommune", "Pladser", "Forventet"])
    book.active.append(["Kastanjebo", "Hjørring", 4.5, "Ja"])
    buffer = io.BytesIO()
    book.save(buffer)
    upload = SimpleUploadedFile("forbrug.xlsx", buffer.getvalue())
    assert usage_import(upload, 2024, secretariat).added == 1
    usage = Usage.objects.get()
    assert (usage.places, usage.is_expected) == (Decimal("4.50"), True)


@pytest.mark.django_db
def test_bad_rows_are_named_in_danish_and_nothing_changes(offer, aalborg, hjorring, secretariat):
    OfferFactory(name="Tvilling", operator=aalborg)
    OfferFactory(name=" tvilling  ", operator=hjorring)
    kept = UsageFactory(offer=offer, year=2024, acting_municipality=aalborg, places=Decimal("7"))
    upload = csv_file(
        "Kastanjebo;Hjørring;1;nej",
        "Ukendt;Aalborg;1;nej",
        "Tvilling;Aalborg;1;nej",
        "Kastanjebo;Gotham;1;nej",
        "Kastanjebo;Aalborg;-2;nej",
        "Kastanjebo;Aalborg;mange;nej",
        "Kastanjebo;Aalborg;1;måske",
        "Kastanjebo;860;2;nej",
    )
    with translation.override("da"), pytest.raises(ImportRejected) as rejected:
        usage_import(upload, 2024, secretariat)
    errors = {(e.row, e.column): str(e) for e in rejected.value.errors}
    assert set(errors) == {
        (3, "tilbud"),
        (4, "tilbud"),
        (5, "kommune"),
        (6, "pladser"),
        (7, "pladser"),
        (8, "forventet"),
        (9, "kommune"),
    }
    assert errors[3, "tilbud"] == "Række 3, kolonne “tilbud”: ukendt tilbud “Ukendt”"
    assert "flere tilbud" in errors[4, "tilbud"]
    assert "negativt" in errors[6, "pladser"]
    assert "ikke et tal" in errors[7, "pladser"]
    assert "række 2" in errors[9, "kommune"]
    assert list(Usage.objects.values_list("pk", "places")) == [(kept.pk, Decimal("7.00"))]
    assert not AuditEntry.objects.filter(action=Action.IMPORTED).exists()


@pytest.mark.django_db
def test_a_file_without_the_columns_is_refused(offer, secretariat):
    with pytest.raises(ImportRejected) as rejected:
        usage_import(csv_file("Kastanjebo;1", header="tilbud;pladser"), 2024, secretariat)
    assert [(e.row, e.column) for e in rejected.value.errors] == [(1, "kommune")]


@pytest.mark.django_db
def test_the_command_prints_the_counts(offer, aalborg, tmp_path):
    path = tmp_path / "forbrug.csv"
    path.write_text(BOM + "tilbud;kommune;pladser\nKastanjebo;Aalborg;2\n", encoding="utf-8")
    out = io.StringIO()
    call_command("import_usage", str(path), "--year", "2024", stdout=out)
    assert "1 tilføjet, 0 ændret, 0 fjernet" in out.getvalue()
    assert Usage.objects.filter(year=2024).count() == 1


@pytest.mark.django_db
def test_the_command_fails_with_the_errors_and_saves_nothing(offer, aalborg, tmp_path):
    path = tmp_path / "forbrug.csv"
    path.write_text("tilbud;kommune;pladser\nKastanjebo;Aalborg;2\nUkendt;Aalborg;x\n")
    with translation.override("da"), pytest.raises(CommandError) as failed:
        call_command("import_usage", str(path), "--year", "2024")
    assert "Række 3" in str(failed.value) and "pladser" in str(failed.value)
    assert not Usage.objects.exists()


@pytest.mark.django_db
def test_the_command_fails_on_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_usage", str(tmp_path / "ingen.csv"), "--year", "2024")


CELLS = st.sampled_from(
    ["Kastanjebo", "Aalborg", "851", "2,5", "-1", "ja", "nej", "", "1.000,5", "x", '"', "\n"]
) | st.text(max_size=12)


@pytest.mark.django_db
@fuzz
@given(rows=st.lists(st.lists(CELLS, max_size=5), max_size=6), sep=st.sampled_from([";", ","]))
def test_the_parser_raises_only_its_own_error(offer, aalborg, rows, sep):
    lines = [sep.join(["tilbud", "kommune", "pladser", "forventet"])]
    lines += [sep.join(row) for row in rows]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    try:
        parsed = parse_usage(data)
    except ImportRejected as rejected:
        assert rejected.errors
    else:
        assert all(row.places >= 0 for row in parsed)


@pytest.mark.django_db
@fuzz
@given(data=st.binary(max_size=300))
def test_the_parser_survives_any_bytes(offer, data):
    try:
        parse_usage(data)
    except ImportRejected:
        pass


@pytest.mark.django_db
def test_names_match_whatever_their_case_and_spacing(aalborg, hjorring, secretariat):
    OfferFactory(name="Bo  og  Bliv", operator=aalborg)
    upload = csv_file("bo og BLIV;hjørring kommune;1")
    assert usage_import(upload, 2024, secretariat).added == 1


@pytest.mark.django_db
def test_an_ambiguous_municipality_and_a_bad_year_are_refused(offer, aalborg, secretariat):
    MunicipalityFactory(code="999", short_name="Aalborg Kommune", name="Aalborg Nord Kommune")
    with pytest.raises(ImportRejected) as rejected:
        usage_import(csv_file("Kastanjebo;aalborg kommune;1"), 2024, secretariat)
    assert [(e.row, e.column) for e in rejected.value.errors] == [(2, "kommune")]
    with pytest.raises(ImportRejected):
        usage_import(csv_file("Kastanjebo;Aalborg;1"), 20240, secretariat)
    assert not Usage.objects.exists()
