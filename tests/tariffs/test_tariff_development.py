from decimal import Decimal

import pytest

from tariffs.calculations import (
    CalculationError,
    TariffPair,
    representative_tariff,
    tariff_development,
    tariff_totals,
)

D = Decimal


def test_base_plus_each_service_package_gives_one_tariff_per_package():
    components = [
        ("base", "", D("1500")),
        ("service", "Pakke 1", D("800")),
        ("service", "Pakke 2", D("1400")),
    ]
    assert tariff_totals(components) == [("Pakke 1", D("2300")), ("Pakke 2", D("2900"))]
    assert representative_tariff(components) == D("2300")


def test_an_unsplit_tariff_is_one_amount():
    assert tariff_totals([("total", "", D("3120.50"))]) == [("", D("3120.50"))]
    assert tariff_totals([("base", "", D("1000"))]) == [("", D("1000"))]


def test_a_tariff_without_amounts_has_no_representative_value():
    with pytest.raises(CalculationError):
        representative_tariff([])


def test_an_operator_meets_the_target_when_its_tariffs_fall_by_at_least_the_target():
    pairs = [
        TariffPair("Region Nordjylland", D("1000"), D("990")),  # -1.0 %
        TariffPair("Region Nordjylland", D("3000"), D("2985")),  # -0.5 %
        TariffPair("Aalborg", D("2000"), D("1995")),  # -0.25 %
    ]
    rows = {row.operator: row for row in tariff_development(pairs, target_pct="0.5")}
    region = rows["Region Nordjylland"]
    assert (region.offers, region.old_total, region.new_total) == (2, D("4000.00"), D("3975"))
    assert (region.change_pct, region.met) == (D("-0.63"), True)
    assert (rows["Aalborg"].change_pct, rows["Aalborg"].met) == (D("-0.25"), False)


def test_last_years_tariffs_are_restated_in_this_years_prices_before_comparing():
    rows = tariff_development(
        [TariffPair("Aalborg", D("1000"), D("1010"))], factor=D("1.0159"), target_pct=D("0.5")
    )
    assert rows[0].old_total == D("1015.90")
    assert rows[0].change_pct == D("-0.58")  # a nominal rise is a real fall
    assert rows[0].met


def test_without_a_target_the_result_does_not_claim_met_or_missed():
    assert tariff_development([TariffPair("X", D(1), D(1))])[0].met is None
