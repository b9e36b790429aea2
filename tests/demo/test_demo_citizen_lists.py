"""Demo citizen lists: deterministic, the SPEC §4.1 columns, keys that are nobody's CPR, written
in the portal's CSV dialect and uploaded through the page."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from demo.citizen_lists import COLUMNS, generate_citizen_lists, write_csv
from monitoring.models import CitizenMonth
from monitoring.pseudonyms import citizen_key
from tests.factories import OfferFactory

MUNICIPALITIES = [("851", "Aalborg"), ("860", "Hjørring"), ("825", "Læsø")]
OFFERS = [(1, "Kvisten"), (2, "Bøgehuset"), (3, "Solstrålen")]
FAKE_CPR = re.compile(r"^(\d{2})(\d{2})\d{2}-\d{4}$")
PSEUDONYM = re.compile(r"^ps-\d{7}$")


def generate(seed: int = 1, citizens: int = 200) -> dict[str, list[dict]]:
    return generate_citizen_lists(
        citizens=citizens,
        years=range(2016, 2021),
        seed=seed,
        municipalities=MUNICIPALITIES,
        offers=OFFERS,
    )


@pytest.fixture(scope="module")
def lists():
    return generate()


def test_the_same_seed_gives_the_same_lists_and_another_seed_other_lists(lists):
    assert generate() == lists
    assert generate(seed=2) != lists


def test_one_list_per_municipality_with_the_citizen_list_columns(lists):
    assert list(lists) == ["851", "860", "825"]
    for code, rows in lists.items():
        assert rows
        for row in rows:
            assert tuple(row) == COLUMNS
            assert row["kommune"] == code
            assert row["tilbud"] in {"Kvisten", "Bøgehuset", "Solstrålen"}
            assert re.fullmatch(r"20(1[6-9]|20)-(0[1-9]|1[0-2])", row["maaned"])
            # 15,000-90,000 kr. in the first year, drifting about 2 % a year from there
            assert Decimal("12000") < row["udgift"] < Decimal("105000")
            assert row["udgift"].as_tuple().exponent == -2


def test_every_month_of_the_years_is_covered_and_no_row_is_repeated(lists):
    rows = [row for rows in lists.values() for row in rows]
    assert {row["maaned"] for row in rows} == {
        f"{year}-{month:02d}" for year in range(2016, 2021) for month in range(1, 13)
    }
    keys = [(row["borger"], row["tilbud"], row["maaned"]) for row in rows]
    assert len(keys) == len(set(keys))


def test_citizens_have_one_or_two_offers_and_one_municipality(lists):
    offers: dict[str, set[str]] = {}
    municipalities: dict[str, set[str]] = {}
    for row in (row for rows in lists.values() for row in rows):
        offers.setdefault(row["borger"], set()).add(row["tilbud"])
        municipalities.setdefault(row["borger"], set()).add(row["kommune"])
    assert {len(o) for o in offers.values()} == {1, 2}
    assert {len(m) for m in municipalities.values()} == {1}


def test_keys_are_pseudonyms_or_cpr_shaped_with_an_impossible_day_and_month(lists):
    keys = {row["borger"] for rows in lists.values() for row in rows}
    cpr_shaped = [FAKE_CPR.match(key) for key in keys if FAKE_CPR.match(key)]
    pseudonyms = [key for key in keys if PSEUDONYM.match(key)]
    assert cpr_shaped and pseudonyms
    assert len(cpr_shaped) + len(pseudonyms) == len(keys)
    for match in cpr_shaped:
        day, month = int(match.group(1)), int(match.group(2))
        assert 61 <= day <= 91  # no calendar day
        assert month >= 13  # and no month: not even a substitute number (day + 60)


def test_about_eight_per_cent_leave_each_year_and_newcomers_join(lists):
    rows = [row for rows in lists.values() for row in rows]
    january = {
        year: {r["borger"] for r in rows if r["maaned"] == f"{year}-01"} for year in (2016, 2017)
    }
    stayed = len(january[2016] & january[2017]) / len(january[2016])
    assert 0.85 < stayed < 0.98
    assert january[2017] - january[2016]  # newcomers


def test_write_csv_writes_the_portals_csv_dialect(tmp_path):
    path = tmp_path / "851.csv"
    rows = [
        {
            "borger": "ps-0000001",
            "kommune": "851",
            "tilbud": "Bøgehuset",
            "maaned": "2016-01",
            "udgift": Decimal("45210.00"),
        },
        {
            "borger": "611390-0001",
            "kommune": "851",
            "tilbud": "Kvisten",
            "maaned": "2016-02",
            "udgift": Decimal("1234567.5"),
        },
    ]
    assert write_csv(rows, path) == 2
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        assert list(csv.reader(handle, delimiter=";")) == [
            ["borger", "kommune", "tilbud", "maaned", "udgift"],
            ["ps-0000001", "851", "Bøgehuset", "2016-01", "45210,00"],
            ["611390-0001", "851", "Kvisten", "2016-02", "1234567,5"],
        ]


@pytest.mark.django_db
def test_a_generated_citizen_list_uploads_through_the_page(client, aalborg_reporter, aalborg):
    unit = aalborg_reporter.memberships.get().unit
    OfferFactory(name="Kvisten")
    rows = [
        {
            "borger": "ps-0000001",
            "kommune": "851",
            "tilbud": "Kvisten",
            "maaned": "2016-01",
            "udgift": Decimal("45210.00"),
        },
        {
            "borger": "ps-0000002",
            "kommune": "851",
            "tilbud": "Kvisten",
            "maaned": "2016-02",
            "udgift": Decimal("1234567.50"),
        },
    ]
    target = io.StringIO()
    write_csv(rows, target)
    upload = SimpleUploadedFile("liste.csv", target.getvalue().encode("utf-8"))
    client.force_login(aalborg_reporter)
    response = client.post("/monitorering/borgerlister/upload/", {"unit": unit.pk, "file": upload})
    assert response.status_code == 302, response.context and response.context["errors"]
    stored = sorted(CitizenMonth.objects.values_list("citizen", "month", "amount"))
    assert stored == [
        (citizen_key("ps-0000001"), date(2016, 1, 1), Decimal("45210.00")),
        (citizen_key("ps-0000002"), date(2016, 2, 1), Decimal("1234567.50")),
    ]
