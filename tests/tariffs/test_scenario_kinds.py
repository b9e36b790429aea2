"""Scenarios of a mixed financing and of a tariff (issue 15), through their services: computed
beside today's figures, never changing the real ones; a mixed financing scenario adopted
updates the mixed financing (a new history entry) and makes a new split version, refused if
the figures moved; a tariff scenario is never adopted."""

from decimal import Decimal

import pytest

from socialaftale.lib.edits import StaleEdit
from tariffs.models import MixedFinancing, ScenarioKind
from tariffs.services import mixed_financing_save
from tariffs.services_scenario_kinds import (
    MixedChanges,
    TariffChanges,
    kind_scenario_update,
    kind_token,
    mixed_scenario_create,
    tariff_scenario_create,
)
from tariffs.services_scenarios import ScenarioRefused, scenario_adopt, scenario_compute
from tests.tariffs.scenario_kinds_support import mixed_world, tariff_world

pytestmark = pytest.mark.django_db


def rows(scenario):
    return [
        (r.organisation.short_name, r.today_amount, r.amount, r.change, r.change_pct)
        for r in scenario.rows.select_related("organisation").order_by("position")
    ]


def test_a_mixed_scenario_shows_today_and_the_objective_part_per_municipality():
    record, scheme = mixed_world()
    changes = MixedChanges(name="Halv objektiv", objective_share=Decimal("0.5"))
    scenario = mixed_scenario_create(record=record, changes=changes, user=None)
    assert scenario.kind == ScenarioKind.MIXED and scenario.scheme == scheme
    today, new = scenario.result["today"], scenario.result["scenario"]
    assert today["objective_financing"] == "600000" and new["objective_financing"] == "500000"
    assert today["tariff_per_case"] == "40000" and new["tariff_per_case"] == "50000"
    assert rows(scenario) == [
        ("Nordby", 300000, 250000, -50000, Decimal("-16.7")),
        ("Sydby", 150000, 125000, -25000, Decimal("-16.7")),
        ("Østby", 150000, 125000, -25000, Decimal("-16.7")),
    ]
    record.refresh_from_db()
    assert record.objective_share == Decimal("0.6") and scheme.splits.count() == 1


def test_cases_budget_and_price_factor_change_the_tariff_per_case():
    record, _scheme = mixed_world()
    changes = MixedChanges(
        name="Flere sager",
        expected_cases=16,
        total_budget=Decimal("1200000"),
        price_factor=Decimal("1.0159"),
    )
    scenario = mixed_scenario_create(record=record, changes=changes, user=None)
    new = scenario.result["scenario"]
    assert new["total_budget"] == "1219080"  # 1,200,000 × 1.0159
    assert new["objective_financing"] == "731448"  # 0.6 × 1,219,080
    assert new["tariff_per_case"] == "30477"  # 487,632 / 16 = 30,477
    assert sum(r[2] for r in rows(scenario)) == 731448  # largest remainder: sums exactly


def test_adopting_a_mixed_scenario_updates_the_mixed_financing_and_makes_a_new_split():
    record, scheme = mixed_world()
    changes = MixedChanges(name="Halv", objective_share=Decimal("0.5"), expected_cases=12)
    scenario = mixed_scenario_create(record=record, changes=changes, user=None)
    history = record.history.count()
    split = scenario_adopt(scenario=scenario, user=None)
    record.refresh_from_db()
    scheme.refresh_from_db()
    assert (record.objective_share, record.expected_cases) == (Decimal("0.5"), 12)
    assert record.objective_financing == 500000 and record.total_budget == 1000000
    assert record.history.count() == history + 1
    assert split.version == 2 and scheme.total == 500000
    assert sorted(r.amount for r in split.rows.all()) == [125000, 125000, 250000]
    scenario.refresh_from_db()
    assert scenario.adopted_at and scenario.adopted_split == split
    with pytest.raises(ScenarioRefused):
        scenario_adopt(scenario=scenario, user=None)


def test_adopting_is_refused_when_the_mixed_financing_moved():
    record, scheme = mixed_world()
    changes = MixedChanges(name="Halv", objective_share=Decimal("0.5"))
    scenario = mixed_scenario_create(record=record, changes=changes, user=None)
    mixed_financing_save(offer=record.offer, year=record.year, expected_cases=11)
    with pytest.raises(ScenarioRefused, match="ændret sig"):
        scenario_adopt(scenario=scenario, user=None)
    assert MixedFinancing.objects.get(pk=record.pk).objective_share == Decimal("0.6")
    assert scheme.splits.count() == 1
    scenario_compute(scenario=scenario)  # computed again from today's figures, it can be
    assert scenario_adopt(scenario=scenario, user=None).version == 2


def test_a_new_total_budget_is_adopted_as_typed():
    record, scheme = mixed_world()
    changes = MixedChanges(name="Større budget", total_budget=Decimal("1200000"))
    scenario = mixed_scenario_create(record=record, changes=changes, user=None)
    split = scenario_adopt(scenario=scenario, user=None)  # the stored 1200000.00 is 1200000
    record.refresh_from_db()
    assert record.total_budget == 1200000 and record.objective_financing == 720000
    assert split.version == 2 and sum(r.amount for r in split.rows.all()) == 720000


def test_a_mixed_financing_without_a_scheme_is_adopted_alone():
    record, scheme = mixed_world()
    scheme.delete()
    changes = MixedChanges(name="Alene", total_budget=Decimal("900000"))
    scenario = mixed_scenario_create(record=record, changes=changes, user=None)
    assert scenario.scheme is None and not scenario.rows.exists()
    assert scenario_adopt(scenario=scenario, user=None) is None
    record.refresh_from_db()
    assert record.total_budget == 900000 and record.objective_financing == 540000


def test_a_stale_edit_of_a_mixed_scenario_is_refused():
    record, _scheme = mixed_world()
    scenario = mixed_scenario_create(record=record, changes=MixedChanges(name="A"), user=None)
    token = kind_token(scenario)
    kind_scenario_update(scenario=scenario, changes=MixedChanges(name="B"), user=None)
    with pytest.raises(StaleEdit):
        kind_scenario_update(
            scenario=scenario, changes=MixedChanges(name="C"), user=None, expected_token=token
        )
    scenario.refresh_from_db()
    assert scenario.name == "B"


def test_a_tariff_scenario_shows_components_and_buying_municipalities():
    tariff = tariff_world()
    changes = TariffChanges(name="1.100 kr.", amounts={("total", ""): Decimal("1100")})
    scenario = tariff_scenario_create(tariff=tariff, changes=changes, user=None)
    assert scenario.result["components"] == [["total", "", "1000.00", "1100"]]
    assert scenario.result["periods"] == 365
    assert rows(scenario) == [
        ("Midtby", 182500, 200750, 18250, Decimal("10.0")),
        ("Vestby", 730000, 803000, 73000, Decimal("10.0")),
    ]
    assert "× 365" in scenario.method
    assert tariff.components.get().amount == 1000  # the real tariff is unchanged
    with pytest.raises(ScenarioRefused):
        scenario_adopt(scenario=scenario, user=None)


def test_a_price_factor_restates_every_component_to_oere():
    tariff = tariff_world()
    changes = TariffChanges(name="Indeks", price_factor=Decimal("1.0159"))
    scenario = tariff_scenario_create(tariff=tariff, changes=changes, user=None)
    assert scenario.result["packages"] == [["", "1000.00", "1015.90"]]
    with pytest.raises(ScenarioRefused):
        tariff_scenario_create(tariff=tariff, changes=changes, user=None)  # the name is taken
