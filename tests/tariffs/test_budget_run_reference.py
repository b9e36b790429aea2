"""Done when (issue 15, the financing year): the reference data loaded through the project's
own importers and services, one budget run for 2019 (the job, its task executed eagerly) gives
Socialtilsyn Nord's foster-family department and Børnehus Nord their 2019 splits by their
population rules, exact to the krone.

What is real and what is invented:
- real: the parties (parties.csv), Socialtilsyn Nord's area (North Jutland except Hjørring, plus
  Silkeborg; SPEC §3.3), the 0-17 year olds of Q2 2017 (socialtilsyn_nord_children_0_17.csv,
  stored as of 1 April 2017, the first day of the quarter as Danmarks Statistik counts it), the
  budgets (socialtilsyn_nord_budget.csv: 2019 foster-family department 20,253,203 kr.; 2018
  19,209,757 kr.) and Børnehus Nord's 2018 mixed financing (mixed_financing_example.csv).
- invented: Børnehus Nord's 2019 inputs are its 2018 figures restated unchanged as 2019
  (3,864,000 kr. at 60 %, 210 expected cases; the reference has no 2019 figures), and
  Hjørring's 0-17 count (13,500): the reference lists only Socialtilsyn Nord's area, which
  leaves Hjørring out, but Børnehus Nord is split over the agreement's eleven municipalities.
- no Q2 2018 figures exist in the reference, so the 2019 run must say that they are missing
  and that the Q2 2017 ones were used (that is the rule's fallback, SPEC §3.3)."""

import csv
import io
import json
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import TestCase

from offers.importers import parse_offers
from offers.models import Offer
from offers.services import offer_import
from organisations.importers import parse_parties, parse_population
from organisations.models import Organisation
from organisations.services import parties_import, population_import, supervision_area_save
from tariffs.models import FinancingSplit, KeyRule, SupervisionBudget
from tariffs.services import budget_run, mixed_financing_save, scheme_define
from tariffs.services_runs import budget_run_request
from tests.factories.tariffs import SupervisionBudgetFactory

REFERENCE = Path(__file__).resolve().parents[2] / "fixtures" / "reference"
D = Decimal
FOSTER = "Socialtilsyn Nord, plejefamilieafdelingen"
BORNEHUS = "Børnehus Nord, objektiv finansiering"
Q2_2017 = date(2017, 4, 1)


def _csv(name: str) -> list[dict]:
    with (REFERENCE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _import_population(data: bytes, when: date) -> None:
    source = "Danmarks Statistik, 0-17-årige, 2. kvartal 2017"
    rows = parse_population(data, age_band="0-17", source=source)
    population_import(rows=rows, reference_date=when, age_band="0-17", source=source)


def _load_reference() -> None:
    parties_import(rows=parse_parties((REFERENCE / "parties.csv").read_bytes()))
    hjorring = Organisation.objects.get(code="860")
    members = Organisation.objects.municipalities().filter(region__code="1081").exclude(code="860")
    supervision_area_save(
        area=None,
        actor=None,
        members=[*members, Organisation.objects.get(code="740")],  # + Silkeborg
        name="Socialtilsyn Nord",
        host=hjorring,
        notes="",
    )
    _import_population((REFERENCE / "socialtilsyn_nord_children_0_17.csv").read_bytes(), Q2_2017)
    _import_population(b"municipality,count\nHj\xc3\xb8rring,13500\n", Q2_2017)  # invented
    for row in _csv("socialtilsyn_nord_budget.csv"):
        SupervisionBudgetFactory(**{name: int(value) for name, value in row.items()})
    offers = [r for r in _csv("offers.csv") if r["name"] == "Børnehus Nord"]
    header = ",".join(offers[0]) + "\n"
    line = ",".join(f'"{value}"' for value in offers[0].values()) + "\n"
    offer_import(rows=parse_offers((header + line).encode()), year=2019)


def _define_schemes(year: int) -> None:
    budget = SupervisionBudget.objects.get(budget_year=year, price_basis=year)
    area = Organisation.objects.get(code="860").hosted_supervision_areas.get()
    scheme_define(
        name=FOSTER,
        year=year,
        key_rule=KeyRule.POPULATION,
        total=budget.foster_family_department,
        age_band="0-17",
        area=area,
    )
    if year != 2019:
        return
    [example] = _csv("mixed_financing_example.csv")
    record = mixed_financing_save(
        offer=Offer.objects.get(name="Børnehus Nord"),
        year=2019,  # the 2018 figures restated as 2019 (invented, see above)
        objective_share=D(example["objective_share"]),
        objective_financing=D(example["objective_financing"]),
        expected_cases=int(example["expected_cases"]),
    )
    scheme_define(
        name=BORNEHUS,
        year=2019,
        key_rule=KeyRule.POPULATION,
        age_band="0-17",
        mixed_financing=record,
    )


def _expected_largest_remainder(total: Decimal, counts: dict[str, int]) -> dict[str, Decimal]:
    """The split computed here from the CSV with plain Decimal arithmetic, not the project's."""
    whole = sum(counts.values())
    exact = {name: total * count / whole for name, count in counts.items()}
    floors = {name: value.to_integral_value(rounding=ROUND_FLOOR) for name, value in exact.items()}
    missing = int(total - sum(floors.values()))
    by_remainder = sorted(exact, key=lambda name: floors[name] - exact[name])
    return {name: floors[name] + (1 if name in by_remainder[:missing] else 0) for name in exact}


def _children() -> dict[str, int]:
    return {r["municipality"]: int(r["children_0_17_2017q2"]) for r in _csv(_CHILDREN)}


_CHILDREN = "socialtilsyn_nord_children_0_17.csv"


@pytest.fixture
def reference(db):
    _load_reference()
    _define_schemes(2019)


@pytest.fixture
def run_2019(reference):
    with TestCase.captureOnCommitCallbacks(execute=True):
        run = budget_run_request(year=2019, user=None)
    run.refresh_from_db()
    assert (run.status, run.progress, run.error) == ("done", 100, "")
    return {item["name"]: item for item in run.result["schemes"]}


def test_the_foster_family_parts_are_the_largest_remainder_split_of_the_budget(run_2019):
    foster = run_2019[FOSTER]
    parts = {part["party"]: D(part["amount"]) for part in foster["parts"]}
    assert parts == _expected_largest_remainder(D(20253203), _children())
    assert sum(parts.values()) == D(20253203) == D(foster["total"])
    assert foster["rule"] == KeyRule.POPULATION and "0-17-årige" in foster["key"]


def test_the_rounding_note_says_what_row_by_row_rounding_would_have_summed_to(run_2019):
    counts, total = _children(), D(20253203)
    whole = sum(counts.values())
    naive = sum((total * c / whole).quantize(D(1), ROUND_HALF_UP) for c in counts.values())
    note = run_2019[FOSTER]["rounding"]
    assert "største-rest-metoden" in note
    assert naive == total + 1  # rounded row by row the 2019 table is one krone over, too
    assert f"{naive:,}".replace(",", ".") in note and "difference 1 kr." in note


def test_the_run_says_q2_2018_is_missing_and_q2_2017_was_used(run_2019):
    foster = run_2019[FOSTER]
    assert foster["figures"] == ["2017-04-01"]
    [note] = foster["notes"]
    assert "2. kvartal 2018 er ikke indlæst" in note and "1.4.2017" in note
    split = FinancingSplit.objects.get(pk=foster["split_id"])
    assert split.inputs["weights"][0] == ["851", "38824", "2017-04-01"]  # Aalborg, traceable
    assert split.inputs["source"].startswith("Danmarks Statistik")


def test_bornehus_nord_objective_parts_sum_exactly_and_the_tariff_per_case_comes_out(run_2019):
    bornehus = run_2019[BORNEHUS]
    parts = [D(part["amount"]) for part in bornehus["parts"]]
    assert len(parts) == 11  # the agreement's municipalities; the region and Silkeborg are not
    assert sum(parts) == D(3864000) == D(bornehus["total"])
    mixed = bornehus["mixed_financing"]
    assert (mixed["total_budget"], mixed["tariff_per_case"]) == ("6440000", "12267")


def test_the_2018_run_gives_aalborg_6096072_and_names_the_published_krone_over(reference):
    _define_schemes(2018)
    [result] = budget_run(year=2018)
    parts = {row.organisation.short_name: row.amount for row in result.split.rows.all()}
    assert parts["Aalborg"] == D(6096072)  # exactly 6,096,072.50; published 6,096,073
    assert sum(parts.values()) == D(19209757)
    assert "19.209.758" in result.split.method
    assert result.split.inputs["notes"] == []  # Q2 2017 is what budget year 2018 reads


def test_the_command_prints_the_figures_used_and_what_is_missing(reference):
    out = io.StringIO()
    call_command("financing_run", year=2019, scheme=FOSTER, format="json", stdout=out)
    [scheme] = json.loads(out.getvalue())
    assert (scheme["rule"], scheme["figures"], scheme["sum"]) == (
        "population",
        ["2017-04-01"],
        "20253203.00",
    )
    assert "2. kvartal 2018 er ikke indlæst" in scheme["notes"][0]
    assert {"party", "weight", "amount"} == set(scheme["parts"][0])
