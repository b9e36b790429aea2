"""Uploads have size, row, column, cell-length and time limits, checked while the file is read
(issue 10, item 5): a small file that claims a million rows or hides a huge string is refused
in well under a second, before openpyxl pads or unpacks anything."""

import time

import openpyxl
import pytest

from socialaftale.lib import imports
from socialaftale.lib.imports import ImportRejected, limits_for
from tests.badfiles import dimension_bomb, handmade_xlsx, shared_string_bomb, sheet_xml
from tests.importers_under_test import CITIZEN_LIST, IMPORTERS, OFFERS

by_name = pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)


def rejection(importer, world, data: bytes, filename="liste.csv") -> str:
    before = importer.count()
    with pytest.raises(ImportRejected) as rejected:
        importer.run(data, filename, world)
    assert importer.count() == before
    return " ".join(str(error) for error in rejected.value.errors)


@pytest.mark.django_db
@by_name
def test_a_small_xlsx_declaring_a_million_rows_is_refused_quickly(importer, world):
    data = dimension_bomb(importer.header)
    assert len(data) < 5000
    started = time.monotonic()
    message = rejection(importer, world, data, "bombe.xlsx")
    assert time.monotonic() - started < 10
    assert "rækker" in message


@pytest.mark.django_db
@by_name
def test_a_workbook_hiding_a_huge_string_is_refused_before_openpyxl_opens_it(
    importer, world, monkeypatch
):
    data = shared_string_bomb(importer.header, megabytes=20)
    assert len(data) < 100_000

    def never(*args, **kwargs):
        raise AssertionError("openpyxl opened the workbook")

    monkeypatch.setattr(openpyxl, "load_workbook", never)
    assert "udpakket" in rejection(importer, world, data, "bombe.xlsx")


@pytest.mark.django_db
def test_a_workbook_bigger_unpacked_than_the_limit_is_refused(world, settings):
    settings.IMPORT_LIMITS = {"offers": {"max_unzipped": 10_000}}
    rows = {1: dict(enumerate(OFFERS.header, start=1))}
    rows |= {n: {1: f"Tilbud {n}", 2: "Aalborg"} for n in range(2, 400)}
    assert "udpakket" in rejection(OFFERS, world, handmade_xlsx(sheet_xml(rows)), "t.xlsx")


@pytest.mark.django_db
@by_name
def test_reading_stops_at_the_first_row_past_the_row_limit(importer, world, settings):
    settings.IMPORT_LIMITS = {importer.name: {"max_rows": 3}}
    good = [importer.good_row] * 4
    broken = '"unterminated\n' * 3  # would be a CSV error if it were read
    data = importer.csv(*good) + broken.encode()
    assert "mere end 3 rækker" in rejection(importer, world, data)


@pytest.mark.django_db
@by_name
def test_too_many_columns_are_refused_in_csv_and_xlsx(importer, world):
    wide = importer.csv([*importer.good_row, *["x"] * 120])
    assert "Række 2: rækken har mere end" in rejection(importer, world, wide)
    cells = {1: dict(enumerate(importer.header, start=1)), 2: {16_384: "x"}}
    far = handmade_xlsx(sheet_xml(cells))
    assert "kolonner" in rejection(importer, world, far, "langt.xlsx")


@pytest.mark.django_db
@by_name
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(importer, world, settings):
    settings.IMPORT_LIMITS = {importer.name: {"max_bytes": 100}}
    data = importer.csv(*[importer.good_row] * 10)
    assert "større end" in rejection(importer, world, data)


@pytest.mark.django_db
@by_name
def test_a_slow_read_is_stopped_at_the_deadline(importer, world, settings, monkeypatch):
    settings.IMPORT_LIMITS = {importer.name: {"seconds": 5}}
    clock = iter(range(0, 10_000, 2))  # every look at the clock is two seconds later
    monkeypatch.setattr(imports.time, "monotonic", lambda: next(clock))
    data = importer.csv(*[importer.good_row] * 10)
    assert "mere end 5 sekunder" in rejection(importer, world, data)


def test_citizen_lists_are_allowed_far_more_than_the_other_uploads():
    citizen, offers = limits_for("citizen_list"), limits_for("offers")
    assert citizen.max_rows >= 1_000_000 and citizen.max_bytes >= 200 * 1024 * 1024
    assert offers.max_rows <= 20_000 and offers.max_bytes <= 5 * 1024 * 1024
    assert citizen.seconds < 30  # gunicorn's worker timeout
    assert limits_for("citizen_list", command=True).seconds > citizen.seconds


@pytest.mark.django_db
def test_an_oversized_citizen_list_upload_gets_the_form_with_a_danish_message(
    client, world, settings
):
    settings.IMPORT_LIMITS = {"citizen_list": {"max_bytes": 1000}}
    from monitoring import uploads

    client.force_login(world.reporter)
    data = CITIZEN_LIST.csv(*[CITIZEN_LIST.good_row] * 20) + b" " * (uploads.FORM_ROOM + 2000)
    response = CITIZEN_LIST.post(client, data, "stor.csv", world)
    assert response.status_code == 200
    assert "Filen er større end" in response.content.decode()
    assert CITIZEN_LIST.count() == 0
