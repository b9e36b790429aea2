"""Every importer's page and command reports a refused file the same way: the true count,
identical errors grouped, a screenful at most, every error in a CSV (socialaftale.lib.
import_errors). One test per importer that has a page or a command."""

import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from socialaftale.lib.import_errors import SHOWN_GROUPS, ErrorReport, RowError
from tests.factories import RegionFactory

OFFERS = "name,operator,target_group,legal_basis,places_as_written,covered_by_agreement,status"


def summary(response) -> str:
    page = unescape(response.content.decode())
    return re.search(r"<div[^>]*data-import-errors.*?</div>", page, re.S)[0]


@pytest.mark.django_db
def test_the_offer_import_page_groups_thirty_rows_with_the_same_unknown_operator(
    client, secretariat, aalborg
):
    RegionFactory()
    rows = "".join(f"Tilbud {n},Nowhere,,,,,active\n" for n in range(30))
    client.force_login(secretariat)
    file = SimpleUploadedFile("tilbud.csv", f"{OFFERS}\n{rows}".encode())
    shown = summary(client.post("/tilbud/import/", {"file": file, "year": 2019}))
    assert "Filen har 30 fejl" in shown and shown.count("<li>") == 1
    assert "30 rækker, kolonne “operator”: ukendt driftsherre “Nowhere”; første række 2" in shown
    assert 'download="fejlliste.csv"' in shown


@pytest.mark.django_db
def test_the_split_tool_groups_a_key_files_errors(client, secretariat, aalborg):
    rows = "".join(f"Aalborg,x{n % 2}\n" for n in range(12)) + "Aalborg,-1\n"
    client.force_login(secretariat)
    file = SimpleUploadedFile("noegle.csv", f"party,weight\n{rows}".encode())
    data = {"key_file": file, "total": "1000", "decimals": "0"}
    shown = summary(client.post("/takster/fordeling/", data))
    assert "Nøglefilen har 13 fejl. Intet blev brugt." in shown
    assert "6 rækker, kolonne “weight”: vægten “x0” er ikke et tal; første række 2" in shown
    assert shown.count("<li>") == 3


@pytest.mark.django_db
def test_the_population_command_counts_and_groups(tmp_path, aalborg):
    path = tmp_path / "befolkning.csv"
    path.write_text("municipality,count\n" + "Atlantis,5\n" * 25, encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("import_population", str(path), "--date", "2012-01-01")
    text = str(raised.value)
    assert text.startswith("Intet er indlæst (25 fejl):")
    assert "25 rækker, kolonne “municipality”: ukendt kommune “Atlantis”; første række 2" in text


def test_a_report_shows_at_most_a_screenful_and_says_how_many_it_leaves_out():
    report = ErrorReport(RowError(n + 2, "a", f"fejl {n % 20}") for n in range(1000))
    assert report.total == 1000 and len(report.shown_groups) == SHOWN_GROUPS
    assert report.hidden_count == 1000 - SHOWN_GROUPS * 50
    assert str(report.groups[0]) == "50 rækker, kolonne “a”: fejl 0; første række 2"
    few = ErrorReport([RowError(3, "", "x"), RowError(9, "", "x")])
    assert str(few.groups[0]) == "2 rækker: x (række 3, 9)"


def test_the_error_csv_never_holds_a_cpr_number_and_cannot_start_a_formula():
    report = ErrorReport([RowError(2, "borger", "=HYPERLINK(0101901234)")])
    text = report.csv_bytes().decode("utf-8-sig")
    assert "0101901234" not in text and "010190****" in text
    assert "2;borger;'=HYPERLINK" in text
