"""A refused citizen list says how many errors it has (all of them, however many are kept),
groups identical ones, shows at most a screenful and offers every error as a CSV file."""

import base64
import csv
import io
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring.services import citizen_list_import
from socialaftale.lib import import_errors
from socialaftale.lib.imports import ImportRejected
from tests.factories import OfferFactory

HEADER = "borger;kommune;tilbud;måned;udgift\n"
UPLOAD = "/monitorering/borgerlister/upload/"


def aalborg_rows(count: int, *, cpr: bool = False) -> bytes:
    """Aalborg's own list: every row names Aalborg as the acting municipality."""
    lines = [
        f"{'0101901234' if cpr and n == 0 else f'ps-{n:07d}'};Aalborg;Kvisten;2016-01;100,00\n"
        for n in range(count)
    ]
    return (HEADER + "".join(lines)).encode("utf-8-sig")


def error_csv(page: str) -> list[list[str]]:
    href = unescape(re.search(r'href="(data:text/csv[^"]+)"', page)[1])
    assert href.startswith("data:text/csv;charset=utf-8;base64,")
    data = base64.b64decode(href.split(",", 1)[1])
    assert data.startswith("\ufeff".encode())  # Danish Excel reads UTF-8 only with a BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def alert(page: str) -> str:
    return re.search(r"<div[^>]*data-import-errors.*?</div>", page, re.S)[0]


@pytest.mark.django_db
def test_aalborgs_list_uploaded_as_hjorring_is_counted_grouped_and_listed_as_csv(
    client, aalborg, hjorring_reporter
):
    OfferFactory(name="Kvisten")
    unit = hjorring_reporter.memberships.get().unit
    client.force_login(hjorring_reporter)
    file = SimpleUploadedFile("aalborg.csv", aalborg_rows(1224, cpr=True))
    page = client.post(UPLOAD, {"unit": unit.pk, "file": file}).content.decode()
    summary = alert(page)
    assert "Filen har 1.224 fejl. Intet blev importeret." in summary
    assert summary.count("<li>") == 1
    assert (
        "1.224 rækker, kolonne “kommune”: kommunen er Aalborg, ikke Hjørring Kommune, som "
        "enheden hører til; første række 2" in unescape(summary)
    )
    rows = error_csv(page)
    assert rows[0] == ["Række", "Kolonne", "Fejl"]
    assert len(rows) == 1 + 1224 and rows[1][:2] == ["2", "kommune"] and rows[-1][0] == "1225"
    assert "0101901234" not in page and "1234" not in "".join(rows[1])  # no CPR number


@pytest.mark.django_db
def test_the_page_shows_a_screenful_of_groups_and_counts_the_rest(
    client, aalborg, aalborg_reporter
):
    OfferFactory(name="Kvisten")
    unit = aalborg_reporter.memberships.get().unit
    lines = "".join(f"ps-{n:04d};Aalborg;Tilbud {n};2016-01;100\n" for n in range(40))
    client.force_login(aalborg_reporter)
    file = SimpleUploadedFile("liste.csv", (HEADER + lines).encode())
    page = unescape(client.post(UPLOAD, {"unit": unit.pk, "file": file}).content.decode())
    summary = alert(page)
    assert "Filen har 40 fejl" in summary
    assert summary.count("<li>") == import_errors.SHOWN_GROUPS
    assert f"… og yderligere {40 - import_errors.SHOWN_GROUPS} fejl" in summary
    assert len(error_csv(page)) == 41


@pytest.mark.django_db
def test_every_error_is_counted_though_only_a_bounded_number_is_kept(
    aalborg, hjorring, monkeypatch
):
    monkeypatch.setattr(import_errors, "MAX_DETAILS", 100)
    OfferFactory(name="Kvisten")
    from tests.factories import UnitFactory

    unit = UnitFactory(organisation=hjorring)
    with pytest.raises(ImportRejected) as rejected:
        citizen_list_import(data=aalborg_rows(700), filename="a.csv", unit=unit, user=None)
    report = rejected.value.report
    assert report.total == 700 and len(report.details) == 100
    assert [group.count for group in report.groups] == [700]
    last = list(csv.reader(io.StringIO(report.csv_bytes().decode("utf-8-sig")), delimiter=";"))
    assert last[-1][2].startswith("… og yderligere 600 fejl")
