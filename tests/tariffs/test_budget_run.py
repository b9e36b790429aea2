"""The budget run (issue 15): every scheme of the budget year gets a new version of its split
from its key, with the change per party since the previous version; `financing_run` prints
the contract's JSON. Socialtilsyn Nord's published 2018 split (copied as literals) comes out
of a run, with the largest-remainder note on the one krone the published table was over."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from tariffs.models import DistributionKeyRow, FinancingSplit
from tariffs.settlement import split_changes
from tests.factories.organisations import MunicipalityFactory
from tests.factories.tariffs import (
    DistributionKeyFactory,
    DistributionKeyRowFactory,
    FinancingSchemeFactory,
)

from .test_calculations import CHILDREN_0_17_2017Q2, FOSTER_FAMILY_BUDGET_2018

D = Decimal
SCHEME = "Socialtilsyn Nord, plejefamilieafdelingen"


def test_changes_per_party_between_two_versions():
    before = {"Aalborg": D("100"), "Læsø": D("10"), "Rebild": D("5")}
    after = {"Aalborg": D("110"), "Læsø": D("10"), "Silkeborg": D("7")}
    changes = {c.party: c for c in split_changes(before, after)}
    assert set(changes) == {"Aalborg", "Silkeborg", "Rebild"}  # Læsø unchanged
    assert (changes["Aalborg"].kr, changes["Aalborg"].pct) == (D("10"), D("10.0"))
    assert (changes["Silkeborg"].before, changes["Silkeborg"].kr) == (None, D("7"))
    assert (changes["Rebild"].after, changes["Rebild"].kr) == (None, D("-5"))
    assert split_changes(None, after) == []


@pytest.fixture
def foster_family_2018(db):
    key = DistributionKeyFactory(name="0-17-årige 2. kvt. 2017")
    for position, (name, count) in enumerate(CHILDREN_0_17_2017Q2):
        DistributionKeyRowFactory(
            key=key,
            organisation=MunicipalityFactory(short_name=name, name=f"{name} Kommune"),
            weight=D(count),
            position=position,
        )
    return FinancingSchemeFactory(name=SCHEME, year=2018, total=FOSTER_FAMILY_BUDGET_2018, key=key)


def _run(**options) -> list:
    out = io.StringIO()
    call_command("financing_run", format="json", stdout=out, **options)
    return json.loads(out.getvalue())


def test_the_run_reproduces_the_published_2018_split(foster_family_2018):
    [scheme] = _run(year=2018)
    parts = {part["party"]: part for part in scheme["parts"]}
    assert (scheme["scheme"], scheme["year"], scheme["total"]) == (SCHEME, 2018, "19209757.00")
    assert scheme["key"] == "0-17-årige 2. kvt. 2017"
    assert parts["Læsø"] == {"party": "Læsø", "weight": "241", "amount": "37841.00"}
    assert parts["Silkeborg"]["amount"] == "3227508.00"
    assert parts["Aalborg"]["amount"] == "6096072.00"  # 6,096,072.50 exactly; published 6,096,073
    assert scheme["sum"] == "19209757.00"
    assert "største-rest" in scheme["rounding"] and "19.209.758" in scheme["rounding"]
    assert scheme["version"] == 1 and scheme["changes"] == []


def test_a_second_run_is_a_new_version_with_the_changes(foster_family_2018):
    _run(year=2018)
    DistributionKeyRow.objects.filter(organisation__short_name="Læsø").update(weight=D("1241"))
    [scheme] = _run(year=2018, scheme=SCHEME)
    assert scheme["version"] == 2
    changed = {c["party"]: c for c in scheme["changes"]}
    assert D(changed["Læsø"]["kr"]) > 0 and D(changed["Aalborg"]["kr"]) < 0
    assert sum(D(c["kr"]) for c in scheme["changes"]) == 0  # the same total, redistributed
    assert FinancingSplit.objects.filter(scheme=foster_family_2018).count() == 2


def test_an_unknown_scheme_is_a_clear_error_and_runs_nothing(foster_family_2018):
    with pytest.raises(CommandError, match="ingen ordning"):
        _run(year=2018, scheme="Børnehus Nord")
    assert not FinancingSplit.objects.exists()


def test_a_year_without_schemes_prints_an_empty_list(db):
    assert _run(year=2031) == []


def test_the_table_writes_danish_kroner(foster_family_2018):
    out = io.StringIO()
    call_command("financing_run", year=2018, stdout=out)
    text = out.getvalue()
    assert f"{SCHEME} 2018 (version 1)" in text
    assert "6.096.072 kr." in text and "19.209.757 kr." in text
