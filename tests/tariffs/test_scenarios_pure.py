"""What-if scenarios as pure functions (tariffs/scenarios.py), without the database, on
Socialtilsyn Nord's 2018 foster-family split (19,209,757 kr. by 0-17 year olds, Q2 2017)."""

from decimal import Decimal as D

import pytest

from tariffs.calculations import CalculationError, split_by_key
from tariffs.scenarios import (
    TodayRow,
    compute_scenario,
    mixed_financing_scenario,
    objective_parts,
    population_weights,
    scenario_total,
    scenario_weights,
    tariff_scenario,
)
from tests.tariffs.test_calculations import CHILDREN_0_17_2017Q2, FOSTER_FAMILY_BUDGET_2018

# Invented: fixtures/reference/ has no 0-17 figure for Hjørring (its population_2012.csv has
# only all ages, 66,158); 13,117 is about a fifth of that, like the other municipalities.
HJORRING_0_17 = 13117


def today_2018() -> list[TodayRow]:
    split = split_by_key(FOSTER_FAMILY_BUDGET_2018, CHILDREN_0_17_2017Q2)
    return [TodayRow(r.party, r.weight, r.share_pct, r.amount) for r in split.rows]


def hjorring_inside():
    return compute_scenario(
        today_2018(),
        total=FOSTER_FAMILY_BUDGET_2018,
        added=["Hjørring"],
        counts={"Hjørring": HJORRING_0_17},
        described="0-17-årige pr. 1. april 2017",
    )


def test_hjorring_inside_the_area_every_existing_party_pays_less():
    result = hjorring_inside()
    rows = {row.party: row for row in result.rows}
    assert list(rows)[-1] == "Hjørring"
    for party, _count in CHILDREN_0_17_2017Q2:
        assert rows[party].amount < rows[party].today
        assert rows[party].kr == rows[party].amount - rows[party].today
        assert rows[party].change_pct < 0
    hjorring = rows["Hjørring"]
    assert hjorring.today is None and hjorring.change_pct is None
    assert hjorring.kr == hjorring.amount
    # 19,209,757 × 13,117 / 135,458 = 1,860,166.1...
    assert hjorring.amount == D("1860166")


def test_hjorring_inside_both_totals_sum_exactly_to_the_budget():
    result = hjorring_inside()
    assert sum(r.today for r in result.rows if r.today is not None) == FOSTER_FAMILY_BUDGET_2018
    assert sum(r.amount for r in result.rows) == FOSTER_FAMILY_BUDGET_2018
    assert result.today_total == result.total == FOSTER_FAMILY_BUDGET_2018
    assert sum(r.pct for r in result.rows) == 100
    assert sum(r.kr for r in result.rows) == 0
    assert "største-rest-metoden" in result.method


def test_today_is_the_published_split_with_aalborg_at_6096072():
    rows = {row.party: row for row in hjorring_inside().rows}
    assert rows["Aalborg"].today == D("6096072")
    assert rows["Aalborg"].today_pct == D("31.7")


def test_a_new_total_indexed_by_the_price_factor():
    assert scenario_total(D("19209757"), factor=D("1.0159")) == D("19515192")
    assert scenario_total(D("19209757"), new_total=D("20000000")) == D("20000000")
    result = compute_scenario(today_2018(), total=FOSTER_FAMILY_BUDGET_2018, factor=D("1.0159"))
    assert result.total == D("19515192")
    assert sum(r.amount for r in result.rows) == D("19515192")
    assert all(r.kr > 0 for r in result.rows)


def test_a_party_removed_pays_nothing_and_the_others_more():
    result = compute_scenario(today_2018(), total=FOSTER_FAMILY_BUDGET_2018, removed=["Silkeborg"])
    rows = {row.party: row for row in result.rows}
    assert rows["Silkeborg"].amount is None
    assert rows["Silkeborg"].kr == -rows["Silkeborg"].today
    assert list(rows)[-1] == "Silkeborg"
    assert sum(r.amount for r in result.rows if r.amount is not None) == FOSTER_FAMILY_BUDGET_2018
    assert all(r.kr > 0 for r in result.rows if r.party != "Silkeborg")


def test_another_years_figures_replace_every_weight():
    counts = {party: count + 100 for party, count in CHILDREN_0_17_2017Q2}
    result = compute_scenario(
        today_2018(), total=FOSTER_FAMILY_BUDGET_2018, counts=counts, replace_all=True
    )
    assert {r.party: r.weight for r in result.rows}["Læsø"] == 341


def test_nothing_changed_is_today_to_the_krone():
    result = compute_scenario(today_2018(), total=FOSTER_FAMILY_BUDGET_2018)
    assert all(r.kr == 0 and r.change_pct == 0 for r in result.rows)


def test_refusals_are_danish_and_name_the_party():
    with pytest.raises(CalculationError, match="intet befolkningstal .* for Hjørring"):
        population_weights(["Hjørring"], {}, described="0-17-årige")
    with pytest.raises(CalculationError, match="Aalborg er allerede part"):
        scenario_weights([("Aalborg", D(1))], added=["Aalborg"], counts={"Aalborg": 1})
    with pytest.raises(CalculationError, match="Viborg er ikke part"):
        scenario_weights([("Aalborg", D(1))], removed=["Viborg"])
    with pytest.raises(CalculationError, match="Vælg de befolkningstal"):
        scenario_weights([("Aalborg", D(1))], added=["Hjørring"])
    with pytest.raises(CalculationError, match="ingen rækker"):
        compute_scenario(
            [TodayRow("Aalborg", D(1), D(100), D(10))], total=D(10), removed=["Aalborg"]
        )
    with pytest.raises(CalculationError, match="ingen beregnet fordeling"):
        compute_scenario([], total=D(10))


# --- Mixed financing and tariffs ----------------------------------------------------------


def test_boernehus_nord_with_a_lower_objective_share_raises_the_tariff_per_case():
    """Børnehus Nord 2018 (SPEC §3.2): 3,864,000 kr. objective at 60 %, 210 cases, 12,267 kr.
    per case; at 50 % the objective part is 3,220,000 and the case 15,333 kr."""
    result = mixed_financing_scenario(
        objective_share=D("0.6"),
        expected_cases=210,
        objective_financing=D("3864000"),
        new_share=D("0.5"),
    )
    assert result.today.tariff_per_case == D("12267")
    assert result.scenario.total_budget == D("6440000")
    assert result.scenario.objective_financing == D("3220000")
    assert result.scenario.tariff_per_case == D("15333")
    assert result.objective.kr == D("-644000") and result.per_case.kr == D("3066")


def test_more_expected_cases_and_indexation():
    result = mixed_financing_scenario(
        objective_share=D("0.6"),
        expected_cases=210,
        total_budget=D("6440000"),
        new_cases=230,
        factor=D("1.0159"),
    )
    assert result.scenario.total_budget == D("6542396")
    assert result.scenario.tariff_per_case == round(D("6542396") * D("0.4") / 230)


def test_the_objective_part_split_by_today_s_key_sums_exactly():
    mixed = mixed_financing_scenario(
        objective_share=D("0.6"), expected_cases=210, total_budget=D("6440000"), new_share=D("0.5")
    )
    today_split = split_by_key(mixed.today.objective_financing, CHILDREN_0_17_2017Q2)
    today = [TodayRow(r.party, r.weight, r.share_pct, r.amount) for r in today_split.rows]
    parts = objective_parts(today, mixed)
    assert sum(r.amount for r in parts.rows) == D("3220000")
    assert sum(r.today for r in parts.rows) == D("3864000")
    assert all(r.kr < 0 for r in parts.rows)


def test_a_tariff_component_changed_and_indexed():
    components = [
        ("base", "", D("1500.00")),
        ("service", "Pakke 1", D("800.00")),
        ("service", "Pakke 2", D("1200.00")),
    ]
    rows = tariff_scenario(components, amounts={("base", ""): D("1600.00")})
    assert [(r.package, r.today, r.scenario) for r in rows] == [
        ("Pakke 1", D("2300.00"), D("2400.00")),
        ("Pakke 2", D("2700.00"), D("2800.00")),
    ]
    indexed = tariff_scenario(components, factor=D("1.0159"))
    assert indexed[0].scenario == D("1523.85") + D("812.72")
    with pytest.raises(CalculationError, match="ingen komponent service Pakke 9"):
        tariff_scenario(components, amounts={("service", "Pakke 9"): D(1)})
