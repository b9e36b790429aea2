"""The expenditure analysis (SPEC §4) on small lists with hand-computed results.

Amounts are written in kroner and converted to øre like the service does; the arithmetic is
in the comments. No database: the calculation is pure.
"""

import json
from decimal import Decimal

import pandas as pd
import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from monitoring.calculations import (
    AnalysisParams,
    DataIssue,
    MunicipalityResult,
    analyse,
    cumulative_target,
    months_needed,
    validate_params,
)

D = Decimal
# reduction_targets.csv: (tariff, dialogue) per year.
TARGETS = {
    2017: (D("1.0"), D("1.0")),
    2018: (D("0.5"), D("0.5")),
    2019: (D("0.5"), D("0.5")),
    2020: (D("0.5"), D("0.5")),
}


def frame(*rows: tuple[str, str, int, str, str]) -> pd.DataFrame:
    """(citizen, municipality, offer, month, kroner) -> the DataFrame the service builds."""
    return pd.DataFrame(
        {
            "citizen": pd.Series([r[0] for r in rows], dtype=str),
            "municipality": pd.Series([r[1] for r in rows], dtype=str),
            "offer": pd.Series([r[2] for r in rows], dtype="int64"),
            "month": pd.Series([r[3] for r in rows], dtype=str),
            "ore": pd.Series([int(D(r[4]) * 100) for r in rows], dtype="int64"),
        }
    )


# Two municipalities, 2016-2019. Per citizen and January (kr., summed over offers):
#   ps-A 851: 2016 20,000 + 10,000 = 30,000 | 2017 29,000 | 2018 28,000
#             2019 18,000 + 9,000 = 27,000
#             (plus a February 2016 row of 99,999.99 that no January analysis may read)
#   ps-B 851: 2016 40,000 | 2017 39,000 | 2018 38,000 | 2019 38,000
#   ps-C 860: 2016 50,000 | 2017 50,000 | 2018 49,000 | 2019 47,500
#   ps-D 860: 2016 30,000 | 2017 30,000 | leaves: no rows in 2018 or 2019
#   ps-E 851: joins in 2017: 2017 20,000 | 2018 20,000 | 2019 20,000
#   ps-F 860: 2016 25,000 | no 2017 row (a gap) | 2018 25,000 | 2019 24,000
#   ps-K 851: 2016 12,000 | 2017 12,000 | 2018 12,000 | no 2019 row
PANEL = frame(
    ("ps-A", "851", 1, "2016-01", "20000.00"),
    ("ps-A", "851", 2, "2016-01", "10000.00"),
    ("ps-A", "851", 1, "2016-02", "99999.99"),
    ("ps-A", "851", 1, "2017-01", "29000.00"),
    ("ps-A", "851", 1, "2018-01", "28000.00"),
    ("ps-A", "851", 1, "2019-01", "18000.00"),
    ("ps-A", "851", 2, "2019-01", "9000.00"),
    ("ps-B", "851", 1, "2016-01", "40000.00"),
    ("ps-B", "851", 1, "2017-01", "39000.00"),
    ("ps-B", "851", 1, "2018-01", "38000.00"),
    ("ps-B", "851", 1, "2019-01", "38000.00"),
    ("ps-C", "860", 2, "2016-01", "50000.00"),
    ("ps-C", "860", 2, "2017-01", "50000.00"),
    ("ps-C", "860", 2, "2018-01", "49000.00"),
    ("ps-C", "860", 2, "2019-01", "47500.00"),
    ("ps-D", "860", 1, "2016-01", "30000.00"),
    ("ps-D", "860", 1, "2017-01", "30000.00"),
    ("ps-E", "851", 1, "2017-01", "20000.00"),
    ("ps-E", "851", 1, "2018-01", "20000.00"),
    ("ps-E", "851", 1, "2019-01", "20000.00"),
    ("ps-F", "860", 1, "2016-01", "25000.00"),
    ("ps-F", "860", 1, "2018-01", "25000.00"),
    ("ps-F", "860", 1, "2019-01", "24000.00"),
    ("ps-K", "851", 3, "2016-01", "12000.00"),
    ("ps-K", "851", 3, "2017-01", "12000.00"),
    ("ps-K", "851", 3, "2018-01", "12000.00"),
)

EVERY_JANUARY_2019 = AnalysisParams(baseline="2016-01", measure="2019-01", targets=TARGETS)
FIXED_2019 = AnalysisParams(
    measure="2019-01", cohort="fixed", defining_years=(2016, 2018), targets=TARGETS
)
GAP_MESSAGE = (
    "No expenditure in 2017-01, a January the cohort rule requires: the citizen is left out "
    "of the cohort although present in the baseline and measurement months."
)


@pytest.fixture(autouse=True)
def _english():
    """Messages are compared as their English msgids."""
    with translation.override("en"):
        yield


def test_every_january_cohort_sums_offers_and_leaves_out_leavers_joiners_and_gaps():
    result = analyse(PANEL, EVERY_JANUARY_2019)
    # Present in all of 2016-2019: A, B, C. D and K left, E joined in 2017, F has a gap.
    assert result.cohort_size == 3
    assert result.baseline_total == D("120000.00")  # 30,000 + 40,000 + 50,000
    assert result.measure_total == D("112500.00")  # 27,000 + 38,000 + 47,500
    assert result.reduction_kr == D("7500.00")
    assert result.reduction_pct == D("6.25")  # 7,500 / 120,000 = 6.25 %
    assert result.annual_saving == D("90000.00")  # 7,500 × 12
    assert result.target_pct == D("4.00")  # 2.0 + 1.0 + 1.0
    assert result.target_met is True
    assert result.issues == (DataIssue("missing_january", "ps-F", "2017-01", GAP_MESSAGE),)


def test_every_january_results_per_acting_municipality_add_up_to_the_totals():
    result = analyse(PANEL, EVERY_JANUARY_2019)
    assert result.by_municipality == (
        # 851: A + B = 30,000 + 40,000 -> 27,000 + 38,000; 5,000 / 70,000 = 7.142… %
        MunicipalityResult("851", 2, D("70000.00"), D("65000.00"), D("5000.00"), D("7.14")),
        # 860: C = 50,000 -> 47,500; 2,500 / 50,000 = 5 %
        MunicipalityResult("860", 1, D("50000.00"), D("47500.00"), D("2500.00"), D("5.00")),
    )


def test_fixed_cohort_follows_members_and_counts_a_missing_member_with_zero():
    result = analyse(PANEL, FIXED_2019)
    # Present in every January 2016-2018: A, B, C, K. K has no 2019 row: counted with 0 kr.
    assert result.cohort_size == 4
    assert result.baseline_total == D("132000.00")  # 120,000 + 12,000
    assert result.measure_total == D("112500.00")  # 112,500 + 0
    assert result.reduction_kr == D("19500.00")
    assert result.reduction_pct == D("14.77")  # 19,500 / 132,000 = 14.7727… %
    assert result.annual_saving == D("234000.00")
    assert [m.municipality for m in result.by_municipality] == ["851", "860"]
    # 851: A + B + K = 82,000 -> 65,000; 17,000 / 82,000 = 20.731… %
    assert result.by_municipality[0] == MunicipalityResult(
        "851", 3, D("82000.00"), D("65000.00"), D("17000.00"), D("20.73")
    )
    assert [(i.kind, i.citizen, i.month) for i in result.issues] == [
        ("missing_in_measure_month", "ps-K", "2019-01"),
        ("missing_january", "ps-F", "2017-01"),  # F misses a defining January
    ]
    assert result.issues[0].message == (
        "Cohort member without expenditure in 2019-01: counted with 0 kr."
    )


def test_fixed_cohort_measured_after_the_defining_period_skips_the_januaries_between():
    later = frame(
        ("ps-A", "851", 1, "2016-01", "100.00"),
        ("ps-A", "851", 1, "2017-01", "100.00"),
        ("ps-A", "851", 1, "2020-01", "90.00"),  # no 2018 or 2019 row: not needed
    )
    params = AnalysisParams(
        measure="2020-01", cohort="fixed", defining_years=(2016, 2017), targets=TARGETS
    )
    assert months_needed(params) == ["2016-01", "2017-01", "2020-01"]
    result = analyse(later, params)
    assert (result.cohort_size, result.reduction_pct) == (1, D("10.00"))  # 10 / 100
    assert (result.target_pct, result.target_met) == (D("5.00"), True)
    assert result.issues == ()


def test_only_offers_covered_that_year_count():
    # Offer 2 left the agreement in 2018; offer 3 was never covered.
    covered = {2016: frozenset({1, 2}), 2017: frozenset({1, 2}), 2018: frozenset({1})}
    rows = frame(
        ("ps-P", "851", 1, "2016-01", "10000.00"),
        ("ps-P", "851", 2, "2016-01", "5000.00"),
        ("ps-P", "851", 1, "2017-01", "10000.00"),
        ("ps-P", "851", 2, "2017-01", "5000.00"),
        ("ps-P", "851", 1, "2018-01", "9500.00"),
        ("ps-P", "851", 2, "2018-01", "5000.00"),  # not covered in 2018: ignored
        ("ps-Q", "851", 2, "2016-01", "8000.00"),
        ("ps-Q", "851", 2, "2017-01", "8000.00"),
        ("ps-Q", "851", 2, "2018-01", "8000.00"),  # ignored: Q is absent in 2018
        ("ps-R", "851", 3, "2016-01", "7000.00"),
        ("ps-R", "851", 3, "2017-01", "7000.00"),
        ("ps-R", "851", 3, "2018-01", "7000.00"),
    )
    result = analyse(rows, AnalysisParams(measure="2018-01", covered_offers=covered))
    # Cohort P only: 15,000 -> 9,500; 5,500 / 15,000 = 36.666… %
    assert (result.cohort_size, result.baseline_total, result.measure_total) == (
        1,
        D("15000.00"),
        D("9500.00"),
    )
    assert result.reduction_pct == D("36.67")
    # --all-offers: P, Q, R: 15,000 + 8,000 + 7,000 = 30,000 -> 14,500 + 8,000 + 7,000 = 29,500
    every_offer = analyse(rows, AnalysisParams(measure="2018-01"))
    assert (every_offer.cohort_size, every_offer.reduction_kr) == (3, D("500.00"))
    assert every_offer.reduction_pct == D("1.67")  # 500 / 30,000 = 1.666… %


def test_a_citizen_belongs_to_the_municipality_that_paid_most_in_the_baseline_january():
    rows = frame(
        # M: 860 paid 25,000 of 35,000 in 2016 -> 860, although 851 pays everything in 2017.
        ("ps-M", "851", 1, "2016-01", "10000.00"),
        ("ps-M", "860", 2, "2016-01", "25000.00"),
        ("ps-M", "851", 1, "2017-01", "34000.00"),
        # N: 851 and 813 paid 5,000 each -> the tie goes to the lowest code, 813.
        ("ps-N", "851", 1, "2016-01", "5000.00"),
        ("ps-N", "813", 2, "2016-01", "5000.00"),
        ("ps-N", "851", 1, "2017-01", "9000.00"),
    )
    result = analyse(rows, AnalysisParams(measure="2017-01", targets=TARGETS))
    assert result.by_municipality == (
        MunicipalityResult("813", 1, D("10000.00"), D("9000.00"), D("1000.00"), D("10.00")),
        # 1,000 / 35,000 = 2.857… %
        MunicipalityResult("860", 1, D("35000.00"), D("34000.00"), D("1000.00"), D("2.86")),
    )
    # 45,000 -> 43,000: 2,000 / 45,000 = 4.444… %, target 2017 = 2.00 %
    assert (result.reduction_pct, result.target_pct, result.target_met) == (
        D("4.44"),
        D("2.00"),
        True,
    )


@pytest.mark.parametrize(
    ("measure_kr", "pct", "met"),
    [
        ("9600.00", "4.00", True),  # 400 / 10,000 = exactly the 2019 target: met
        ("9601.00", "3.99", False),  # 399 / 10,000 = 3.99 %: not met
    ],
)
def test_the_2019_target_of_four_per_cent_is_met_at_four_per_cent(measure_kr, pct, met):
    rows = frame(
        *[("ps-1", "851", 1, f"{year}-01", "10000.00") for year in (2016, 2017, 2018)],
        ("ps-1", "851", 1, "2019-01", measure_kr),
    )
    result = analyse(rows, EVERY_JANUARY_2019)
    assert (result.reduction_pct, result.target_pct, result.target_met) == (D(pct), D("4.00"), met)


def test_the_reduction_percentage_is_rounded_half_up():
    # 51.24 / 800.00 = 6.405 % exactly: half up gives 6.41 (half even would give 6.40).
    rows = frame(("ps-1", "851", 1, "2016-01", "800.00"), ("ps-1", "851", 1, "2017-01", "748.76"))
    result = analyse(rows, AnalysisParams(measure="2017-01"))
    assert result.reduction_pct == D("6.41")
    assert (result.target_pct, result.target_met) == (None, None)  # no targets given


def test_an_increase_is_a_negative_reduction():
    rows = frame(("ps-1", "851", 1, "2016-01", "1000.00"), ("ps-1", "851", 1, "2017-01", "1050.00"))
    result = analyse(rows, AnalysisParams(measure="2017-01", targets=TARGETS))
    assert (result.reduction_kr, result.reduction_pct) == (D("-50.00"), D("-5.00"))
    assert result.annual_saving == D("-600.00")
    assert result.target_met is False


def test_an_empty_cohort_has_no_percentage():
    result = analyse(frame(), EVERY_JANUARY_2019)
    assert (result.cohort_size, result.baseline_total, result.reduction_pct) == (0, D("0.00"), None)
    assert (result.target_pct, result.target_met, result.by_municipality) == (D("4.00"), None, ())


def test_to_json_dict_is_the_command_line_contract():
    data = analyse(PANEL, EVERY_JANUARY_2019).to_json_dict()
    assert data == {
        "cohort_size": 3,
        "baseline_total": "120000.00",
        "measure_total": "112500.00",
        "reduction_kr": "7500.00",
        "reduction_pct": "6.25",
        "annual_saving": "90000.00",
        "target_pct": "4.00",
        "target_met": True,
        "by_municipality": [
            {
                "municipality": "851",
                "cohort_size": 2,
                "baseline_total": "70000.00",
                "measure_total": "65000.00",
                "reduction_kr": "5000.00",
                "reduction_pct": "7.14",
            },
            {
                "municipality": "860",
                "cohort_size": 1,
                "baseline_total": "50000.00",
                "measure_total": "47500.00",
                "reduction_kr": "2500.00",
                "reduction_pct": "5.00",
            },
        ],
        "issues": [
            {
                "kind": "missing_january",
                "citizen": "ps-F",
                "month": "2017-01",
                "message": GAP_MESSAGE,
            }
        ],
    }
    assert json.loads(json.dumps(data)) == data


def test_every_result_carries_the_limitation_and_the_annualisation_assumption():
    result = analyse(PANEL, EVERY_JANUARY_2019)
    assert "tariffs" in result.limitation and "changed services" in result.limitation
    assert "× 12" in result.annualisation_note and "January" in result.annualisation_note


@pytest.mark.parametrize(
    ("year", "target"), [(2017, "2.00"), (2018, "3.00"), (2019, "4.00"), (2020, "5.00")]
)
def test_the_cumulative_target_adds_the_yearly_components(year, target):
    assert cumulative_target(TARGETS, 2016, year) == D(target)


def test_the_cumulative_target_is_unknown_without_targets_for_every_year():
    assert cumulative_target(TARGETS, 2016, 2021) is None
    assert cumulative_target(None, 2016, 2019) is None


def test_months_needed_are_the_januaries_from_baseline_to_measurement():
    assert months_needed(EVERY_JANUARY_2019) == ["2016-01", "2017-01", "2018-01", "2019-01"]
    assert months_needed(FIXED_2019) == ["2016-01", "2017-01", "2018-01", "2019-01"]
    with pytest.raises(ValueError, match="kræver definitionsår"):
        months_needed(AnalysisParams(measure="2019-01", cohort="fixed"))


@pytest.mark.parametrize(
    ("params", "message"),
    [
        (AnalysisParams(measure="2015-01"), "efter basismåneden"),
        (AnalysisParams(measure="2016-01"), "efter basismåneden"),
        (AnalysisParams(measure="2019-03"), "januar med januar"),
        (AnalysisParams(baseline="2016-02", measure="2019-01"), "januar med januar"),
        (AnalysisParams(measure="2019-1"), "ÅÅÅÅ-MM"),
        (AnalysisParams(measure="2019-13"), "ÅÅÅÅ-MM"),
        (AnalysisParams(measure="2019-01", cohort="fixed"), "kræver definitionsår"),
        (
            AnalysisParams(measure="2019-01", cohort="fixed", defining_years=(2017, 2018)),
            "begynde i basisåret 2016",
        ),
        (
            AnalysisParams(measure="2019-01", cohort="fixed", defining_years=(2016, 2020)),
            "efter måleåret",
        ),
        (AnalysisParams(measure="2019-01", defining_years=(2016, 2018)), "fast kohorte"),
        (AnalysisParams(measure="2019-01", cohort="rolling"), "Ukendt kohorteregel"),
        (
            AnalysisParams(measure="2018-01", covered_offers={2016: frozenset({1})}),
            "dækkede tilbud for 2017, 2018",
        ),
    ],
)
def test_parameters_the_method_cannot_use_are_refused_in_danish(params, message):
    with pytest.raises(ValueError, match=message):
        validate_params(params)
    with pytest.raises(ValueError, match=message):
        analyse(PANEL, params)


def test_rows_must_be_whole_non_negative_ore():
    with pytest.raises(ValueError, match="hele øre"):
        analyse(PANEL.assign(ore=PANEL["ore"] / 100), EVERY_JANUARY_2019)
    with pytest.raises(ValueError, match="negativ"):
        analyse(PANEL.assign(ore=-PANEL["ore"]), EVERY_JANUARY_2019)
    with pytest.raises(ValueError, match="mangler kolonnerne offer"):
        analyse(PANEL.drop(columns="offer"), EVERY_JANUARY_2019)


# --- Properties on random small lists --------------------------------------------------------

JANUARIES = ["2016-01", "2017-01", "2018-01", "2019-01"]
row_strategy = st.tuples(
    st.sampled_from(["c1", "c2", "c3", "c4", "c5", "c6"]),
    st.sampled_from(["813", "851", "860"]),
    st.integers(1, 3),
    st.sampled_from([*JANUARIES, "2017-06"]),
    st.integers(0, 10_000_000),
)
params_strategy = st.builds(
    lambda fixed, covered: AnalysisParams(
        measure="2019-01",
        cohort="fixed" if fixed else "every-january",
        defining_years=(2016, 2018) if fixed else None,
        covered_offers=covered,
        targets=TARGETS,
    ),
    st.booleans(),
    st.none() | st.just({year: frozenset({1, 2}) for year in range(2016, 2020)}),
)


def reference_totals(rows: list[tuple], params: AnalysisParams) -> tuple[int, int, int]:
    """A slow, obvious re-implementation: (cohort size, baseline øre, measure øre)."""
    totals: dict[tuple[str, str], int] = {}
    for citizen, _municipality, offer, month, ore in rows:
        year = int(month[:4])
        if params.covered_offers is None or offer in params.covered_offers.get(year, ()):
            totals[citizen, month] = totals.get((citizen, month), 0) + ore
    required = ["2016-01", "2017-01", "2018-01"]
    if params.cohort == "every-january":
        required.append("2019-01")
    citizens = {c for c, *_ in rows if all(totals.get((c, m), 0) > 0 for m in required)}
    baseline = sum(totals[c, "2016-01"] for c in citizens)
    measure = sum(totals.get((c, "2019-01"), 0) for c in citizens)
    return len(citizens), baseline, measure


@settings(max_examples=100, deadline=None)
@given(st.lists(row_strategy, max_size=40), params_strategy, st.randoms(use_true_random=False))
def test_random_lists_add_up_match_a_slow_reference_and_ignore_row_order(rows, params, rnd):
    kroner = [(*row[:4], str(D(row[4]) / 100)) for row in rows]
    result = analyse(frame(*kroner), params)
    parts = result.by_municipality
    assert sum(m.cohort_size for m in parts) == result.cohort_size
    assert sum((m.baseline_total for m in parts), D(0)) == result.baseline_total
    assert sum((m.measure_total for m in parts), D(0)) == result.measure_total
    size, baseline, measure = reference_totals(rows, params)
    assert (result.cohort_size, result.baseline_total, result.measure_total) == (
        size,
        D(baseline) / 100,
        D(measure) / 100,
    )
    shuffled = list(kroner)
    rnd.shuffle(shuffled)
    assert analyse(frame(*shuffled), params).to_json_dict() == result.to_json_dict()
