"""The tariff round's arithmetic, without the database: the price index on last year's
amounts and each component's change against the general tariff reduction target."""

from decimal import Decimal as D

from tariffs.round_calc import Change, changes, component_key, exceeding, indexed


def test_last_years_amount_in_this_years_prices_to_the_ore():
    # SPEC §3.1: 19,209,757 in 2018 prices is 19,515,192 in 2019 prices (factor 1.0159).
    assert indexed(D("19209757"), D("1.0159")) == D("19515192.14")
    assert indexed(D("500.00"), None) == D("500.00")


def test_the_change_in_kroner_and_percent_and_the_highest_amount_that_meets_the_target():
    change = Change(D("1020.00"), D("1030.20"), D("0.5"))
    assert change.kroner == D("10.20") and change.pct == D("1.00")
    assert change.allowed == D("1014.90") and change.exceeds


def test_a_reduction_by_exactly_the_target_meets_it_and_one_ore_more_does_not():
    assert not Change(D("1020.00"), D("1014.90"), D("0.5")).exceeds
    assert Change(D("1020.00"), D("1014.91"), D("0.5")).exceeds
    assert not Change(D("1020.00"), D("1100.00"), None).exceeds  # no target set


def test_only_components_that_had_an_amount_last_year_are_compared():
    previous = {component_key("base"): D("1020.00")}
    current = {component_key("base"): D("1020.00"), component_key("service", "Pakke 2"): D("9")}
    assert list(changes(previous, current, D("0.5"))) == ["base:"]
    assert exceeding(previous, current, D("0.5")) == ["base:"]
    assert component_key("service", " Pakke 1 ") == component_key("service", "pakke 1")
