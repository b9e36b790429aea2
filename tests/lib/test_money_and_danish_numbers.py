from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialaftale.lib.danish import format_decimal, parse_decimal
from socialaftale.lib.money import percent, round_half_up, to_decimal


def test_rounding_is_half_up_not_bankers():
    assert round_half_up(Decimal("6096072.50")) == Decimal("6096073")
    assert round_half_up(Decimal("2.5")) == Decimal("3")
    assert round_half_up(Decimal("-2.5")) == Decimal("-3")


def test_floats_are_refused_for_money():
    with pytest.raises(TypeError):
        to_decimal(0.1)


def test_agreement_share_of_2018_is_25_point_0_percent():
    assert percent(2205, 3956 + 2651 + 2205) == Decimal("25.0")


def test_percent_of_nothing_is_zero():
    assert percent(5, 0) == Decimal("0.0")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.345,50", Decimal("12345.50")),
        ("45.210,00", Decimal("45210.00")),
        ("12345.50", Decimal("12345.50")),
        ("12345,5", Decimal("12345.5")),
        ("1.200", Decimal("1200")),
        ("1.234.567", Decimal("1234567")),
        ("1,234.50", Decimal("1234.50")),
        ("-3,5", Decimal("-3.5")),
        (" 7 ", Decimal("7")),
    ],
)
def test_danish_and_plain_numbers_are_read(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12.34.5", "--1", "1e5"])
def test_non_numbers_are_refused_with_a_danish_message(text):
    with pytest.raises(ValueError, match="ikke et tal"):
        parse_decimal(text)


def test_numbers_are_written_the_danish_way():
    assert format_decimal(Decimal("1234567.5"), 2) == "1.234.567,50"
    assert format_decimal(Decimal("19209757")) == "19.209.757"
    assert format_decimal(Decimal("-1000")) == "-1.000"


@given(st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False))
def test_writing_then_reading_a_danish_number_gives_it_back(value):
    assert parse_decimal(format_decimal(value, 2)) == value


def test_a_leading_zero_means_a_decimal_point_not_thousands():
    assert parse_decimal("0.600") == Decimal("0.600")
