"""Tariff and financing arithmetic against the published figures (SPEC §3).

The figures are copied here as literals from the published tables (the reference CSVs are
demo data and never a test's input).
"""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tariffs.calculations import (
    SIZE_CATEGORIES,
    CalculationError,
    Split,
    SplitRow,
    average_price_per_foster_family,
    bpa_new_approval_fee,
    chain_factors,
    change,
    development_contribution,
    index_amount,
    intensified_fee,
    largest_remainder,
    mixed_financing,
    shares_pct,
    split_by_key,
    supervision_category,
)

D = Decimal

# Socialtilsyn Nord's area, 0-17 year olds in Q2 2017 (Danmarks Statistik), total 122,341.
CHILDREN_0_17_2017Q2 = [
    ("Silkeborg", 20555),
    ("Brønderslev", 7913),
    ("Frederikshavn", 10782),
    ("Jammerbugt", 8047),
    ("Læsø", 241),
    ("Mariagerfjord", 8477),
    ("Morsø", 3981),
    ("Rebild", 7040),
    ("Thisted", 8802),
    ("Vesthimmerland", 7679),
    ("Aalborg", 38824),
]
FOSTER_FAMILY_BUDGET_2018 = D("19209757")
INDEX_2018_TO_2019 = D("1.0159")


@pytest.fixture(scope="module")
def foster_family_split_2018() -> Split:
    return split_by_key(FOSTER_FAMILY_BUDGET_2018, CHILDREN_0_17_2017Q2)


def row(split: Split, party: str) -> SplitRow:
    return next(r for r in split.rows if r.party == party)


# --- Socialtilsyn Nord foster-family split 2018 ------------------------------------------


def test_the_key_totals_122341_children(foster_family_split_2018):
    assert sum(r.weight for r in foster_family_split_2018.rows) == 122341


@pytest.mark.parametrize(("party", "amount"), [("Læsø", D("37841")), ("Silkeborg", D("3227508"))])
def test_published_amounts_of_laesoe_and_silkeborg_come_out(
    foster_family_split_2018, party, amount
):
    split_row = row(foster_family_split_2018, party)
    assert split_row.amount == amount
    assert split_row.naive_amount == amount


def test_aalborgs_exact_share_is_6096072_50_to_the_oere(foster_family_split_2018):
    # The spec calls it "exactly" 6,096,072.50; in full it is 6,096,072.50037..., i.e. .50
    # to the øre, which is why both roundings below are defensible.
    exact = row(foster_family_split_2018, "Aalborg").exact_amount
    assert round(exact, 2) == D("6096072.50")
    assert D("6096072.5003") < exact < D("6096072.5004")


def test_aalborg_gets_6096073_when_rounded_alone_as_published(foster_family_split_2018):
    assert row(foster_family_split_2018, "Aalborg").naive_amount == D("6096073")


def test_aalborg_gets_6096072_with_largest_remainder(foster_family_split_2018):
    # Six kroner are left after flooring; six municipalities have a larger remainder than
    # Aalborg's 0.5004 (Silkeborg .99, Mariagerfjord .82, Rebild .75, Thisted .72 ...).
    assert row(foster_family_split_2018, "Aalborg").amount == D("6096072")


def test_rounding_each_row_alone_sums_to_one_krone_over_the_budget(foster_family_split_2018):
    assert foster_family_split_2018.naive_sum == D("19209758")


def test_largest_remainder_parts_sum_to_the_budget_exactly(foster_family_split_2018):
    assert foster_family_split_2018.sum == D("19209757")
    assert sum(r.amount for r in foster_family_split_2018.rows) == FOSTER_FAMILY_BUDGET_2018


def test_aalborgs_share_is_31_7_percent_and_the_shares_sum_to_100(foster_family_split_2018):
    assert row(foster_family_split_2018, "Aalborg").share_pct == D("31.7")
    assert sum(r.share_pct for r in foster_family_split_2018.rows) == D("100.0")


def test_the_exact_share_is_weight_over_the_sum_of_weights(foster_family_split_2018):
    assert row(foster_family_split_2018, "Aalborg").share == D(38824) / D(122341)


def test_rows_keep_the_order_of_the_key(foster_family_split_2018):
    assert [r.party for r in foster_family_split_2018.rows] == [p for p, _ in CHILDREN_0_17_2017Q2]


def test_the_method_sentence_names_the_method_and_the_naive_sum(foster_family_split_2018):
    method = foster_family_split_2018.method
    assert "største-rest-metoden" in method
    assert "hele kroner" in method
    assert "19.209.758" in method
    assert "difference 1 kr." in method


def test_the_method_sentence_says_when_naive_rounding_would_agree():
    split = split_by_key(100, [("A", 1), ("B", 1)])
    assert "samme sum" in split.method


# --- Indexation 2018 -> 2019 prices (factor 1.0159) ---------------------------------------


@pytest.mark.parametrize(
    ("in_2018_prices", "in_2019_prices"),
    [
        (D("34476188"), D("35024359")),  # Socialtilsyn Nord budget total
        (D("15266431"), D("15509167")),  # offers department
        (D("19209757"), D("19515192")),  # foster-family department
        (D("35135"), D("35694")),  # supervision tariff, category 1
        (D("42162"), D("42832")),  # category 2
        (D("70269"), D("71386")),  # category 3
        (D("105404"), D("107080")),  # category 4
        (D("540"), D("549")),  # BPA hourly rate
    ],
)
def test_published_2018_figures_restate_in_2019_prices(in_2018_prices, in_2019_prices):
    assert index_amount(in_2018_prices, INDEX_2018_TO_2019) == in_2019_prices


def test_indexed_departments_still_add_up_to_the_indexed_total():
    offers = index_amount("15266431", "1.0159")
    foster = index_amount("19209757", "1.0159")
    assert offers + foster == index_amount("34476188", "1.0159")


def test_index_amount_rounds_half_up_to_the_asked_decimals():
    assert index_amount("540", "1.0159", decimals=2) == D("548.59")
    assert index_amount("1", "2.5") == D("3")


def test_chained_factors_multiply_unrounded():
    assert chain_factors(["1.0159", "1.02"]) == D("1.036218")
    assert chain_factors([D("1.0159")]) == INDEX_2018_TO_2019


def test_no_factors_chain_to_one():
    assert chain_factors([]) == 1


# --- Supervision tariffs --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("annual", "intensified"),
    [
        # tariff year 2018 in 2019 prices
        (D("35694"), D("3569")),
        (D("42832"), D("4283")),
        (D("71386"), D("7139")),
        (D("107080"), D("10708")),
        # tariff year 2019
        (D("35341"), D("3534")),
        (D("42409"), D("4241")),
        (D("70682"), D("7068")),
        (D("106024"), D("10602")),
    ],
)
def test_intensified_supervision_is_ten_percent_of_the_annual_fee(annual, intensified):
    assert intensified_fee(annual) == intensified


@pytest.mark.parametrize(
    ("places", "category"),
    [(1, 1), (7, 1), (8, 2), (24, 2), (25, 3), (49, 3), (50, 4), (500, 4)],
)
def test_size_category_boundaries(places, category):
    assert supervision_category(places) == category


def test_size_categories_cover_every_place_count_without_gaps():
    for (_, _, last), (_, first, _) in zip(SIZE_CATEGORIES, SIZE_CATEGORIES[1:], strict=False):
        assert first == last + 1


@pytest.mark.parametrize("places", [0, -1])
def test_an_offer_without_places_has_no_size_category(places):
    with pytest.raises(CalculationError, match="pladser"):
        supervision_category(places)


def test_bpa_new_approval_2019_is_36_hours_at_549():
    assert bpa_new_approval_fee(36, D("549")) == D("19764")


def test_bpa_rate_2018_in_2019_prices_gives_the_same_fee():
    assert bpa_new_approval_fee(36, index_amount(540, INDEX_2018_TO_2019)) == D("19764")


# --- Mixed financing: Børnehus Nord 2018 ------------------------------------------------


def test_boernehus_nord_from_its_objective_financing():
    result = mixed_financing(
        objective_financing=D("3864000"), objective_share=D("0.60"), expected_cases=210
    )
    assert result.total_budget == D("6440000")
    assert result.objective_financing == D("3864000")
    assert result.tariff_financed == D("2576000")
    assert result.tariff_per_case == D("12267")
    assert (result.objective_share, result.expected_cases) == (D("0.60"), 210)


def test_boernehus_nord_from_its_total_budget():
    result = mixed_financing(total_budget="6440000", objective_share="0.60", expected_cases=210)
    assert result.objective_financing == D("3864000")
    assert result.tariff_financed == D("2576000")
    assert result.tariff_per_case == D("12267")


def test_a_zero_objective_share_puts_the_whole_budget_on_the_tariff():
    result = mixed_financing(total_budget=1000, objective_share=0, expected_cases=3)
    assert (result.objective_financing, result.tariff_financed) == (0, 1000)
    assert result.tariff_per_case == D("333")


@given(
    objective=st.integers(min_value=0, max_value=10**9),
    share_permille=st.integers(min_value=1, max_value=999),
    cases=st.integers(min_value=1, max_value=10_000),
)
def test_whole_kroner_objective_financing_comes_back_unchanged(objective, share_permille, cases):
    share = D(share_permille) / 1000
    result = mixed_financing(
        objective_financing=objective, objective_share=share, expected_cases=cases
    )
    assert result.objective_financing == objective
    assert result.objective_financing + result.tariff_financed == result.total_budget


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"objective_share": "1", "total_budget": 100}, "intet til taksten"),
        ({"objective_share": "1.2", "total_budget": 100}, "under 1"),
        ({"objective_share": "-0.1", "total_budget": 100}, "mindst 0"),
        ({"objective_share": "0", "objective_financing": 100}, "andel 0"),
        ({"objective_share": "0.6"}, "enten"),
        ({"objective_share": "0.6", "total_budget": 1, "objective_financing": 1}, "enten"),
        ({"objective_share": "0.6", "total_budget": -1}, "negativ"),
        ({"objective_share": "0.6", "objective_financing": "x"}, "ikke et tal"),
        ({"objective_share": "0.6", "total_budget": 100, "expected_cases": 0}, "mindst 1"),
    ],
)
def test_mixed_financing_refuses_impossible_inputs(kwargs, message):
    kwargs = {"expected_cases": 210, **kwargs}
    with pytest.raises(CalculationError, match=message):
        mixed_financing(**kwargs)


# --- Socialtilsyn Nord: average price, change, development contribution -----------------


def test_average_price_per_foster_family_2018():
    # 19,209,757 / (1,150 families + 150 new approvals) = 14,776.74
    assert average_price_per_foster_family(D("19209757"), 1150, 150) == D("14777")


def test_average_price_per_foster_family_2019():
    # 20,253,203 / (1,100 families + 135 new approvals) = 16,399.35
    assert average_price_per_foster_family(D("20253203"), 1100, 135) == D("16399")


def test_average_price_needs_at_least_one_family():
    with pytest.raises(CalculationError, match="plejefamilier"):
        average_price_per_foster_family(100, 0, 0)


def test_foster_family_department_change_2018_to_2019_in_2019_prices():
    result = change(D("19515192"), D("20253203"))
    assert result.kr == D("738011")
    assert result.pct == D("3.8")  # 3.78 %


def test_a_fall_is_a_negative_change():
    result = change(D("15509167"), D("14682476"))  # offers department, 2019 prices
    assert result.kr == D("-826691")
    assert result.pct == D("-5.3")


def test_no_percentage_change_from_nothing():
    assert change(0, 100).pct is None


def test_development_contribution_2019_for_aalborg():
    assert development_contribution(135, 201142) == D("27154170")


def test_development_contribution_refuses_negative_inhabitants():
    with pytest.raises(CalculationError, match="indbyggere"):
        development_contribution(135, -1)


# --- Largest remainder and shares ---------------------------------------------------------


def test_largest_remainder_breaks_ties_by_position():
    thirds = [D(1) / 3] * 3
    assert largest_remainder(thirds, D(2), D(1)) == [D(1), D(1), D(0)]
    assert split_by_key(2, [("A", 1), ("B", 1), ("C", 1)]).rows[0].amount == 1


def test_largest_remainder_refuses_a_total_that_is_not_whole_quanta():
    with pytest.raises(ValueError, match="helt antal"):
        largest_remainder([D("0.5")], D("0.5"), D(1))


def test_shares_of_three_equal_weights_sum_to_100():
    assert shares_pct([D(1), D(1), D(1)]) == [D("33.4"), D("33.3"), D("33.3")]
    assert shares_pct([D(1), D(2)], decimals=0) == [D("33"), D("67")]


def test_shares_need_a_weight_above_zero():
    with pytest.raises(CalculationError, match="0"):
        shares_pct([D(0), D(0)])


def test_published_percentages_can_be_weights_and_oere_can_be_split():
    split = split_by_key("100.00", [("A", "33.3"), ("B", "66.7")], decimals=2)
    assert [r.amount for r in split.rows] == [D("33.30"), D("66.70")]
    assert "hele øre" in split.method


# --- split_by_key refusals ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "weights", "decimals", "message"),
    [
        (-1, [("A", 1)], 0, "Totalen må ikke være negativ"),
        ("10.5", [("A", 1)], 0, "flere end 0 decimaler"),
        ("10.555", [("A", 1)], 2, "flere end 2 decimaler"),
        (10, [], 0, "ingen rækker"),
        (10, [("A", 1), ("B", -1)], 0, "Vægten for B må ikke være negativ"),
        (10, [("A", 0), ("B", 0)], 0, "Alle vægte er 0"),
        (10, [("A", 1), ("A", 2)], 0, "Parten A står mere end én gang"),
        (10, [("", 1)], 0, "mangler navnet"),
        (10, [("A", "mange")], 0, "Vægten for A er ikke et tal"),
        (10, [("A", "NaN")], 0, "endeligt tal"),
        ("ti", [("A", 1)], 0, "Totalen er ikke et tal"),
        (10, [("A", 1)], 3, "0, 1 eller 2"),
        (10, [("A", 1)], -1, "0, 1 eller 2"),
    ],
)
def test_split_by_key_refuses_with_a_danish_message(total, weights, decimals, message):
    with pytest.raises(CalculationError, match=message):
        split_by_key(total, weights, decimals=decimals)


def test_a_split_whose_parts_miss_the_total_cannot_be_built():
    part = SplitRow("A", D(1), D(1), D("100.0"), D(5), D(5), D(5))
    with pytest.raises(CalculationError, match="summer til 5, ikke til 6"):
        Split(total=D(6), decimals=0, rows=(part,))


def test_a_caller_that_catches_value_errors_catches_a_calculation_error():
    part = SplitRow("A", D(1), D(1), D("100.0"), D(5), D(5), D(5))
    with pytest.raises(ValueError, match="summer til 5, ikke til 6"):
        Split(total=D(6), decimals=0, rows=(part,))


# --- Properties of split_by_key -----------------------------------------------------------


@st.composite
def split_inputs(draw):
    decimals = draw(st.integers(min_value=0, max_value=2))
    units = draw(st.integers(min_value=0, max_value=10**9 * 10**decimals))
    weights = draw(
        st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=40).filter(any)
    )
    rows = [(f"Part {i}", weight) for i, weight in enumerate(weights)]
    return D(units).scaleb(-decimals), rows, decimals


@given(split_inputs())
def test_split_amounts_sum_to_the_total_exactly(inputs):
    total, rows, decimals = inputs
    split = split_by_key(total, rows, decimals=decimals)
    assert sum(r.amount for r in split.rows) == total
    assert split.sum == total


@given(split_inputs())
def test_split_amounts_are_never_negative_and_within_one_quantum(inputs):
    total, rows, decimals = inputs
    one_quantum = D(1).scaleb(-decimals)
    for split_row in split_by_key(total, rows, decimals=decimals).rows:
        assert split_row.amount >= 0
        assert abs(split_row.amount - split_row.exact_amount) < one_quantum
        assert split_row.amount == split_row.amount.quantize(one_quantum)


@given(split_inputs())
def test_split_shares_sum_to_100_percent(inputs):
    total, rows, decimals = inputs
    split = split_by_key(total, rows, decimals=decimals)
    assert sum(r.share_pct for r in split.rows) == D("100.0")


@given(split_inputs())
def test_the_same_split_comes_out_every_time(inputs):
    total, rows, decimals = inputs
    assert split_by_key(total, rows, decimals=decimals) == split_by_key(
        total, [tuple(r) for r in rows], decimals=decimals
    )
