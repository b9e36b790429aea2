"""Defining a financing scheme through the service: each key rule, refused combinations with
Danish messages naming the field (nothing stored), changing a definition (stale edits
refused, split versions kept, an audit entry) and copying it to the next budget year."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from socialaftale.lib.edits import StaleEdit
from tariffs.models import FinancingScheme, KeyRule, MixedFinancing
from tariffs.services import budget_run, scheme_define, split_compute
from tariffs.services_schemes import (
    definition_of,
    scheme_copy_to_next_year,
    scheme_token,
    scheme_update,
)

from .scheme_world import scheme_world

D = Decimal


@pytest.fixture
def world(db):
    return scheme_world()


def _refused(**definition) -> dict:
    with pytest.raises(ValidationError) as caught:
        scheme_define(**{"name": "Ordning", "year": 2019, **definition})
    assert not FinancingScheme.objects.exists()
    return caught.value.message_dict


def test_each_rule_defines_a_scheme_its_split_reads(world, secretariat):
    fixed = scheme_define(
        name="Fast", year=2019, key_rule=KeyRule.FIXED, total=D(1000), key=world["key"]
    )
    population = scheme_define(
        name="Befolkning",
        year=2019,
        key_rule=KeyRule.POPULATION,
        total=D(1000),
        age_band="0-17",
        area=world["area"],
        user=secretariat,
    )
    usage = scheme_define(
        name="Forbrug", year=2019, key_rule=KeyRule.USAGE, total=D(1000), offer=world["offer"]
    )
    mixed = scheme_define(
        name="Blandet",
        year=2019,
        key_rule=KeyRule.POPULATION,
        age_band="0-17",
        mixed_financing=world["mixed"],
    )
    assert mixed.total == D(3864000)  # the objective part, SPEC §3.2
    amounts = {
        s.name: [r.amount for r in split_compute(scheme=s, user=None).rows.all()]
        for s in (fixed, population, usage, mixed)
    }
    assert amounts["Fast"] == [D(750), D(250)]
    assert amounts["Befolkning"] == [D(750), D(250)]  # Q2 2018: 30,000 and 10,000
    assert amounts["Forbrug"] == [D(750), D(250)]
    assert amounts["Blandet"] == [D(2898000), D(966000)]
    entry = AuditEntry.objects.get(
        object_id=str(population.pk), content_type__model="financingscheme"
    )
    assert entry.actor == secretariat and entry.reason == "Finansieringsordning defineret"


def test_a_rule_without_its_field_is_refused_naming_the_field(world):
    assert _refused(key_rule="fixed", total=D(1)) == {
        "key": ["Fordelingsnøgle: vælg den faste nøgle, ordningen fordeles efter."]
    }
    assert _refused(key_rule="population", total=D(1))["age_band"][0].startswith(
        "Aldersgruppe: vælg"
    )
    assert _refused(key_rule="usage", total=D(1))["offer"][0].startswith("Tilbud: vælg")
    assert _refused(key_rule="lottery", total=D(1))["key_rule"][0].startswith("Fordelingsregel")


def test_fields_the_rule_does_not_read_are_refused(world):
    errors = _refused(
        key_rule="fixed", total=D(1), key=world["key"], age_band="0-17", offer=world["offer"]
    )
    assert errors["age_band"] == [
        "Aldersgruppe: den valgte regel bruger det ikke; lad det stå tomt."
    ]
    assert errors["offer"][0].startswith("Tilbud: den valgte regel")
    assert _refused(key_rule="population", age_band="0-17", total=D(1), key=world["key"])["key"]


def test_bad_totals_years_names_and_rounding_are_refused(world):
    population = {"key_rule": "population", "age_band": "0-17"}
    assert _refused(**population, total=D("1.5"))["total"] == [
        "I alt (kr.): ordningen afrundes til hele kroner; ingen øre."
    ]
    assert _refused(**population, total=D(-1))["total"][0].startswith("I alt (kr.)")
    assert _refused(**population, total=D("1e15"))["total"][0].startswith("I alt (kr.)")
    assert _refused(**population, total=D(1), decimals=1)["decimals"][0].startswith("Afrunding")
    assert _refused(**population, total=D(1), name=" ")["name"][0].startswith("Navn")
    assert _refused(**population, total=D(1), year=1066)["year"][0].startswith("Budgetår")
    other_year = MixedFinancing.objects.create(
        offer=world["offer"],
        year=2018,
        objective_share=D("0.6"),
        total_budget=D(100),
        expected_cases=2,
    )
    assert _refused(**population, mixed_financing=other_year)["mixed_financing"] == [
        "Blandet finansiering: vælg tilbuddets blandede finansiering for budgetåret 2019."
    ]
    scheme_define(name="Ordning", year=2019, **population, total=D(1))
    with pytest.raises(ValidationError) as caught:
        scheme_define(name="Ordning", year=2019, **population, total=D(2))
    assert caught.value.message_dict["name"][0].startswith("Navn: der er allerede en ordning")


def _population(world, **extra):
    return scheme_define(
        name="Plejefamilier",
        year=2019,
        key_rule=KeyRule.POPULATION,
        total=D(1000),
        age_band="0-17",
        area=world["area"],
        **extra,
    )


def test_a_changed_definition_keeps_the_split_versions_and_is_audited(world, secretariat):
    scheme = _population(world)
    first = split_compute(scheme=scheme, user=None)
    token = scheme_token(scheme)
    definition = {**definition_of(scheme), "key_rule": "usage", "offer": world["offer"]}
    definition.update(age_band="", area=None, total=D(2000))
    scheme_update(scheme=scheme, user=secretariat, expected_token=token, **definition)
    scheme.refresh_from_db()
    assert (scheme.key_rule, scheme.offer, scheme.total) == ("usage", world["offer"], D(2000))
    first.refresh_from_db()
    assert first.total == D(1000) and scheme.splits.count() == 1
    [result] = budget_run(year=2019)
    assert result.split.version == 2 and result.split.inputs["rule"] == "usage"
    [entry] = AuditEntry.objects.filter(action="changed", object_label=str(scheme))
    assert entry.actor == secretariat and entry.reason.startswith("Finansieringsordningens")
    assert "Fordelingsnøglens regel" in entry.summary or "regel" in entry.summary.lower()


def test_a_stale_edit_is_refused_and_nothing_changes(world, secretariat):
    scheme = _population(world)
    token = scheme_token(scheme)
    scheme_update(scheme=scheme, user=secretariat, **{**definition_of(scheme), "total": D(5)})
    with pytest.raises(StaleEdit):
        scheme_update(
            scheme=scheme,
            user=secretariat,
            expected_token=token,
            **{**definition_of(scheme), "total": D(7)},
        )
    scheme.refresh_from_db()
    assert scheme.total == D(5)


def test_the_year_of_a_computed_scheme_is_fixed(world, secretariat):
    scheme = _population(world)
    split_compute(scheme=scheme, user=None)
    with pytest.raises(ValidationError) as caught:
        scheme_update(scheme=scheme, user=secretariat, **{**definition_of(scheme), "year": 2020})
    assert caught.value.message_dict["year"][0].startswith("Budgetår: ordningen har beregnede")


def test_a_refused_update_leaves_the_scheme_as_it_was(world, secretariat):
    scheme = _population(world)
    with pytest.raises(ValidationError):
        scheme_update(scheme=scheme, user=secretariat, **{**definition_of(scheme), "age_band": ""})
    scheme.refresh_from_db()
    assert scheme.age_band == "0-17"


def test_copy_to_next_year_makes_the_same_definition_once(world, secretariat):
    scheme = _population(world, description="Plejefamilieafdelingen")
    copy = scheme_copy_to_next_year(scheme=scheme, user=secretariat)
    assert copy.year == 2020
    assert {**definition_of(copy), "year": 2019} == definition_of(scheme)
    with pytest.raises(ValidationError) as caught:
        scheme_copy_to_next_year(scheme=scheme, user=secretariat)
    assert caught.value.messages == ["Plejefamilier findes allerede for 2020."]
    assert FinancingScheme.objects.count() == 2


def test_a_mixed_scheme_is_copied_with_the_next_years_mixed_financing(world, secretariat):
    scheme = scheme_define(
        name="Børnehus",
        year=2019,
        key_rule="population",
        age_band="0-17",
        mixed_financing=world["mixed"],
    )
    with pytest.raises(ValidationError) as caught:
        scheme_copy_to_next_year(scheme=scheme, user=secretariat)
    assert "Børnehus Nord har ingen blandet finansiering for 2020" in caught.value.messages[0]
    record = MixedFinancing.objects.create(
        offer=world["offer"],
        year=2020,
        objective_share=D("0.5"),
        total_budget=D(1000),
        expected_cases=2,
    )
    copy = scheme_copy_to_next_year(scheme=scheme, user=secretariat)
    assert copy.mixed_financing == record and copy.total == D(500)
