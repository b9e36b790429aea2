"""Every importer refuses every kind of bad file that crashed one of them (issue 10, item 4)
with a Danish message naming the row and column, or the file, and saves nothing."""

import pytest

from offers.models import Offer
from socialaftale.lib.imports import ImportRejected
from tests.badfiles import CP1252_HOLES, DOS_865, table_xlsx, zip_without_content_types
from tests.importers_under_test import CITIZEN_LIST, IMPORTERS, KEY, OFFERS, POPULATION

DANISH = ("Række", "Filen", "Projektmappen", "Indlæsningen")
by_name = pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)


def refused(importer, world, data: bytes, filename="liste.csv") -> list[str]:
    before = importer.count()
    with pytest.raises(ImportRejected) as rejected:
        importer.run(data, filename, world)
    assert importer.count() == before
    messages = [str(error) for error in rejected.value.errors]
    assert messages and all(message.startswith(DANISH) for message in messages), messages
    return messages


def with_cell(importer, index: int, value: str) -> list[str]:
    row = list(importer.good_row)
    row[index] = value
    return row


@pytest.mark.django_db
@by_name
@pytest.mark.parametrize("hole", CP1252_HOLES, ids=lambda b: b.hex())
def test_bytes_that_are_not_windows_1252_are_read_without_a_crash(importer, world, hole):
    data = importer.csv(importer.good_row).replace(b"Aalborg", b"Aal" + hole + b"borg")
    data = data.replace("Østerled".encode(), b"\xd8sterled")  # not UTF-8 either
    before = importer.count()
    try:
        importer.run(data, "liste.csv", world)
    except ImportRejected:
        assert importer.count() == before


DOS_ROWS = {
    "citizen_list": ["ps-0001234", "Aalborg", "Løvdal", "2016-01", "100"],
    "offers": ["Østerled Å", "Aalborg", "voksne", "SEL 107", "12", ""],
    "population": ["Hjørring", "65.000"],
    "key": ["Hjørring", "1"],
    "usage": ["Løvdal", "Hjørring", "1"],
}


@pytest.mark.django_db
@by_name
def test_a_dos_file_in_code_page_865_is_read_with_its_danish_letters(importer, world):
    row = DOS_ROWS[importer.name]
    text = "\r\n".join(";".join(cells) for cells in [importer.header, row]) + "\r\n"
    data = text.encode("cp865")
    assert any(code in data for code in DOS_865.values())
    importer.run(data, "liste.csv", world)
    if importer is OFFERS:
        assert Offer.objects.filter(name="Østerled Å").exists()
    elif importer is not KEY:
        assert importer.count() == 1


@pytest.mark.django_db
@by_name
def test_utf8_is_recognised_by_the_whole_file_not_its_first_4096_bytes(importer, world):
    header = ";".join([*importer.header, "Ánote"]) + "\n"  # "Á" is C3 81 in UTF-8
    row = ";".join(importer.good_row) + ";"
    padding = "\n" * (4095 - len((header + row).encode()))
    data = (header + padding + row + "€\n").encode()
    assert data[4095:4098] == "€".encode()  # cut in two by the first 4,096 bytes
    importer.run(data, "liste.csv", world)


NUMBER_COLUMNS = [
    pytest.param(importer, index, column, id=importer.name)
    for importer, index, column in [
        (CITIZEN_LIST, 4, "udgift"),
        (POPULATION, 1, "count"),
        (KEY, 1, "weight"),
    ]
]


@pytest.mark.django_db
@pytest.mark.parametrize(("importer", "index", "column"), NUMBER_COLUMNS)
@pytest.mark.parametrize(
    "number",
    ["1" * 29, "1000000000000", "1e400", "NaN", "٣"],
    ids=["29-digits", "10^12", "1e400", "nan", "arabic-3"],
)
def test_numbers_too_big_for_the_database_are_refused_naming_row_and_column(
    importer, index, column, number, world
):
    messages = refused(importer, world, importer.csv(with_cell(importer, index, number)))
    assert any(f"Række 2, kolonne “{column}”" in message for message in messages), messages


@pytest.mark.django_db
@by_name
def test_a_cell_over_the_csv_field_limit_is_refused_naming_the_row(importer, world):
    data = importer.csv(with_cell(importer, 0, "x" * 131_073))
    assert "Række 2" in " ".join(refused(importer, world, data))


@pytest.mark.django_db
@by_name
def test_a_cell_over_the_cell_limit_is_refused_naming_row_and_column(importer, world):
    data = importer.csv(with_cell(importer, 0, "x" * 20_000))
    column = importer.header[0]
    assert f"Række 2, kolonne “{column}”" in " ".join(refused(importer, world, data))


@pytest.mark.django_db
@by_name
@pytest.mark.parametrize(
    "data",
    [b"just text", b"PK\x03\x04broken", b"PK\x05\x06" + b"\x00" * 18],
    ids=["text", "broken-zip", "empty-zip"],
)
def test_an_xlsx_that_is_not_a_workbook_is_refused(importer, world, data):
    assert "Excel" in refused(importer, world, data, "liste.xlsx")[0]


@pytest.mark.django_db
@by_name
def test_a_zip_without_content_types_is_refused(importer, world):
    data = zip_without_content_types(importer.header)
    assert "Excel" in refused(importer, world, data, "liste.xlsx")[0]


@pytest.mark.django_db
@by_name
def test_a_real_workbook_is_read_by_every_importer(importer, world):
    before = importer.count()
    importer.run(table_xlsx(importer.header, [importer.good_row]), "liste.xlsx", world)
    assert importer.count() == before + (importer is not KEY)


@pytest.mark.django_db
@by_name
def test_nul_bytes_are_refused(importer, world):
    data = importer.csv(with_cell(importer, 0, "a\x00b"))
    assert "NUL" in refused(importer, world, data)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("month", ["0000-01", "9999-12", "1999-12", "2016-13"])
def test_months_outside_2000_through_next_year_are_refused(world, month):
    data = CITIZEN_LIST.csv(with_cell(CITIZEN_LIST, 3, month))
    assert "Række 2, kolonne “maaned”" in refused(CITIZEN_LIST, world, data)[0]


@pytest.mark.django_db
@pytest.mark.parametrize("column", ["name", "legal_basis", "places_as_written"])
def test_offer_values_longer_than_the_database_field_are_refused(world, column):
    data = OFFERS.csv(with_cell(OFFERS, OFFERS.header.index(column), "y" * 201))
    assert f"Række 2, kolonne “{column}”" in " ".join(refused(OFFERS, world, data))
