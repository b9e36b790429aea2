"""The weights of a key by its rule, from figures (tariffs.key_rules): pure, no database."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tariffs.calculations import CalculationError, split_by_key
from tariffs.key_rules import Figure, population_weights, q2_window, usage_weights
from tests.fuzz import fuzz

D = Decimal
MEMBERS = [(1, "Aalborg"), (2, "Læsø")]


def figure(party, on, count):
    return Figure(party, "", on, D(count))


def test_the_reference_quarter_is_q2_of_the_year_before_the_budget_year():
    assert q2_window(2019) == (date(2018, 4, 1), date(2018, 6, 30))


def test_q2_figures_of_the_year_before_are_used_without_a_note():
    figures = [
        figure(1, date(2018, 4, 1), 38000),
        figure(1, date(2017, 4, 1), 38824),
        figure(2, date(2018, 4, 1), 240),
    ]
    weights = population_weights(figures, MEMBERS, budget_year=2019)
    assert [(r.party, r.count) for r in weights.rows] == [(1, D(38000)), (2, D(240))]
    assert weights.dates == [date(2018, 4, 1)] and weights.notes == ()
    assert weights.wanted == "2. kvartal 2018"


def test_without_q2_figures_the_newest_earlier_ones_are_used_and_said():
    figures = [figure(1, date(2017, 4, 1), 38824), figure(2, date(2017, 4, 1), 241)]
    weights = population_weights(figures, MEMBERS, budget_year=2019)
    assert weights.is_fallback
    assert weights.notes == (
        "Befolkningstal for 2. kvartal 2018 er ikke indlæst; de nyeste tidligere tal "
        "(pr. 1.4.2017) er brugt.",
    )


def test_figures_after_the_quarter_are_not_read():
    figures = [figure(1, date(2018, 10, 1), 1), figure(1, date(2018, 5, 1), 2)]
    weights = population_weights(figures, MEMBERS[:1], budget_year=2019)
    assert weights.rows[0].count == D(2)


def test_a_member_without_figures_is_named():
    with pytest.raises(CalculationError, match="for Læsø; indlæs"):
        population_weights([figure(1, date(2018, 4, 1), 5)], MEMBERS, budget_year=2019)


def test_an_area_without_members_is_refused():
    with pytest.raises(CalculationError, match="ingen medlemmer"):
        population_weights([], [], budget_year=2019)


def test_usage_sums_places_per_municipality_in_the_newest_year_before_the_budget_year():
    usages = [
        figure(1, date(2017, 1, 1), "2.5"),
        figure(1, date(2017, 1, 1), "1.5"),
        figure(2, date(2017, 1, 1), "1"),
        figure(2, date(2019, 1, 1), "9"),  # the budget year itself: not known yet
    ]
    weights = usage_weights(usages, None, budget_year=2019)
    assert [(r.party, r.count) for r in weights.rows] == [(1, D(4)), (2, D(1))]
    assert weights.notes == ("Der er intet forbrug for 2018; forbruget i 2017 er brugt.",)


def test_usage_in_an_area_gives_a_member_without_places_weight_zero():
    weights = usage_weights([figure(1, date(2018, 1, 1), "3")], MEMBERS, budget_year=2019)
    assert [(r.party, r.count) for r in weights.rows] == [(1, D(3)), (2, D(0))]
    assert weights.notes == ()


def test_no_usage_before_the_budget_year_is_refused():
    with pytest.raises(CalculationError, match="intet forbrug registreret før 2019"):
        usage_weights([figure(1, date(2019, 1, 1), "3")], None, budget_year=2019)


@fuzz
@given(
    counts=st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=15),
    total=st.integers(min_value=0, max_value=10**9),
    year=st.integers(min_value=2001, max_value=2100),
    quarter_day=st.integers(min_value=0, max_value=90),
)
def test_population_weights_split_any_total_exactly(counts, total, year, quarter_day):
    """Whatever the figures, the split by the weights sums to the total (or is refused in
    Danish when every count is 0)."""
    on = date.fromordinal(q2_window(year)[0].toordinal() + quarter_day)
    members = [(i, f"Kommune {i}") for i in range(len(counts))]
    weights = population_weights(
        [figure(i, on, c) for i, c in enumerate(counts)], members, budget_year=year
    )
    assert weights.notes == ()
    try:
        split = split_by_key(total, [(f"Kommune {r.party}", r.count) for r in weights.rows])
    except CalculationError as error:
        assert not any(counts) and "Alle vægte er 0" in str(error)
    else:
        assert split.sum == total
