"""On-account instalments and the true-up of an objective financing (SPEC §3.4a), pure and
without a database, on Socialtilsyn Nord's published 2018 split (the key and budget copied
as literals, as in test_calculations.py) and an invented actual expenditure."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tariffs.calculations import CalculationError, split_by_key
from tariffs.settlement import instalments, true_up

from .test_calculations import CHILDREN_0_17_2017Q2, FOSTER_FAMILY_BUDGET_2018

D = Decimal


def test_aalborgs_2018_share_in_four_quarterly_instalments():
    # 6,096,072 kr. (largest remainder) = 1,524,018 × 4; Læsø's 37,841 leaves one krone over.
    assert instalments(D("6096072")) == [D("1524018")] * 4
    assert instalments(D("37841")) == [D("9461"), D("9460"), D("9460"), D("9460")]


def test_monthly_instalments_and_a_refund_sum_exactly():
    assert sum(instalments(D("3227508"), 12)) == D("3227508")
    assert instalments(D("-10"), 4) == [D("-3"), D("-3"), D("-2"), D("-2")]


@pytest.mark.parametrize("count", [0, 13, 2.5, True])
def test_a_bad_number_of_instalments_is_refused(count):
    with pytest.raises(CalculationError):
        instalments(D("100"), count)


def test_an_amount_in_oere_is_refused_for_whole_krone_instalments():
    with pytest.raises(CalculationError):
        instalments(D("100.50"))


@pytest.fixture
def charged_2018() -> dict[str, Decimal]:
    """What each municipality was charged on account for 2018: the budget split."""
    split = split_by_key(FOSTER_FAMILY_BUDGET_2018, CHILDREN_0_17_2017Q2)
    return {row.party: row.amount for row in split.rows}


def test_the_true_up_of_2018_with_an_invented_actual_sums_exactly(charged_2018):
    actual = D("19500000")  # invented: 290,243 kr. more than the budget
    result = true_up(actual, CHILDREN_0_17_2017Q2, charged_2018)
    assert sum(row.actual for row in result.rows) == actual
    assert result.charged_total == FOSTER_FAMILY_BUDGET_2018
    assert result.difference_total == D("290243")
    aalborg = next(row for row in result.rows if row.party == "Aalborg")
    # 19,500,000 × 38,824 / 122,341 = 6,188,178.94… → 6,188,179 by largest remainder
    assert aalborg.actual == D("6188179")
    assert aalborg.difference == D("92107")


def test_an_actual_below_the_budget_refunds(charged_2018):
    result = true_up(D("19000000"), CHILDREN_0_17_2017Q2, charged_2018)
    assert result.difference_total == D("-209757")
    assert all(row.difference <= 0 for row in result.rows)


def test_the_key_and_the_charges_must_name_the_same_parties(charged_2018):
    charged = {**charged_2018, "Hjørring": D("1")}
    del charged["Læsø"]
    with pytest.raises(CalculationError, match="ikke opkrævet: Læsø; ikke i nøglen: Hjørring"):
        true_up(D("19500000"), CHILDREN_0_17_2017Q2, charged)


@given(
    amount=st.integers(min_value=-(10**12), max_value=10**12),
    count=st.integers(min_value=1, max_value=12),
)
def test_instalments_always_sum_to_the_amount_and_differ_by_at_most_one_krone(amount, count):
    parts = instalments(D(amount), count)
    assert sum(parts) == amount and len(parts) == count
    assert max(parts) - min(parts) <= 1


def test_a_float_amount_is_refused():
    with pytest.raises(TypeError):
        instalments(100.0)


def test_quarterly_due_dates_keep_the_day_or_take_the_months_last():
    import datetime as dt

    from tariffs.settlement import due_dates

    assert due_dates(dt.date(2018, 1, 1)) == [
        dt.date(2018, 1, 1),
        dt.date(2018, 4, 1),
        dt.date(2018, 7, 1),
        dt.date(2018, 10, 1),
    ]
    assert due_dates(dt.date(2018, 1, 31), 12)[1] == dt.date(2018, 2, 28)
    assert due_dates(dt.date(2018, 11, 15), 2) == [dt.date(2018, 11, 15), dt.date(2019, 5, 15)]
    with pytest.raises(CalculationError):
        due_dates(dt.date(2018, 1, 1), 0)
