"""No CPR-like value from a file appears in any message, on the web page, in the command's
output or in a log line; it is masked as "010190-****" (issue 10, item 3)."""

import logging
import re

import pytest
from django.core.management import CommandError

from monitoring.models import CitizenListUpload
from socialaftale.lib.cpr import CPR_LIKE, mask_cpr, shown
from socialaftale.lib.imports import ImportRejected
from tests.importers_under_test import CITIZEN_LIST, IMPORTERS, KEY

CPRS = ["0101901234", "010190-1234", "0101 90 1234", "1.01901234E+09"]
by_name = pytest.mark.parametrize("importer", IMPORTERS, ids=lambda i: i.name)


def cpr_like_runs(text: str) -> list[str]:
    return CPR_LIKE.findall(text) + re.findall(r"\d[.,]\d{6,}[eE]", text)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("ukendt kommune “0101901234”", "ukendt kommune “010190****”"),
        ("010190-1234", "010190-****"),
        ("0101 90 1234", "0101 90 ****"),
        ("1.01901234E+09", "1.01901***E+09"),
        ("1,23E+09", "1,**E+09"),
        ("12345678", "12345678"),  # eight digits are not CPR-like
        ("Aalborg", "Aalborg"),
    ],
)
def test_mask_cpr_hides_every_digit_after_the_date_part(text, masked):
    assert mask_cpr(text) == masked


def test_shown_masks_before_it_shortens_so_no_cut_escapes_the_mask():
    value = "x" * 50 + "0101901234"
    assert not cpr_like_runs(shown(value, limit=58))
    assert shown("a\x00b") == "a\N{REPLACEMENT CHARACTER}b"


def every_column_a_cpr(importer, cpr: str) -> bytes:
    return importer.csv([cpr] * len(importer.header), importer.good_row)


@pytest.mark.django_db
@by_name
@pytest.mark.parametrize("cpr", CPRS)
def test_no_message_of_any_importer_repeats_a_cpr_number(importer, cpr, world, caplog):
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ImportRejected) as refused:
        importer.run(every_column_a_cpr(importer, cpr), f"{cpr}.csv", world)
    messages = " ".join(str(error) for error in refused.value.errors)
    assert "Række 2" in messages
    assert not cpr_like_runs(messages), messages
    assert not cpr_like_runs(caplog.text)


@pytest.mark.django_db
def test_a_cpr_number_in_the_municipality_column_is_masked(world):
    data = CITIZEN_LIST.csv(["ps-1", "0101901234", "Kvisten", "2016-01", "100"])
    with pytest.raises(ImportRejected) as refused:
        CITIZEN_LIST.run(data, "liste.csv", world)
    assert "ukendt kommune “010190****”" in str(refused.value.errors[0])


@pytest.mark.django_db
def test_the_stored_file_name_of_a_citizen_list_is_masked(world):
    CITIZEN_LIST.run(CITIZEN_LIST.csv(CITIZEN_LIST.good_row), "010190-1234.csv", world)
    assert CitizenListUpload.objects.get().filename == "010190-****.csv"


@pytest.mark.django_db
@pytest.mark.parametrize("importer", [i for i in IMPORTERS if i.url], ids=lambda i: i.name)
def test_the_upload_page_shows_the_errors_without_the_cpr_number(importer, world, client):
    client.force_login(getattr(world, "reporter" if importer is CITIZEN_LIST else "secretariat"))
    response = importer.post(client, every_column_a_cpr(importer, "0101901234"), "l.csv", world)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Række 2" in page
    assert "0101901234" not in page and not cpr_like_runs(page)


@pytest.mark.django_db
@by_name
def test_the_command_output_does_not_repeat_the_cpr_number(importer, world, tmp_path):
    path = tmp_path / "0101901234.csv"
    path.write_bytes(every_column_a_cpr(importer, "010190-1234"))
    with pytest.raises(CommandError) as refused:
        importer.command(path, world)
    assert not cpr_like_runs(str(refused.value)), str(refused.value)


@pytest.mark.django_db
def test_the_split_command_refuses_a_party_named_like_a_cpr_number(tmp_path):
    path = tmp_path / "noegle.csv"
    path.write_text("party,weight\nAalborg,3\n010190-1234,3\n", encoding="utf-8")
    with pytest.raises(CommandError) as refused:
        KEY.command(path, world=None)
    assert "Række 3 i nøglefilen: navnet på parten ligner et CPR-nummer" in str(refused.value)
    assert not cpr_like_runs(str(refused.value))
