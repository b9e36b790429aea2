"""Fixtures shared by the offer tests."""

import pytest

from tests.factories import OfferFactory


@pytest.fixture
def offer(aalborg):
    """An offer run by Aalborg Kommune."""
    return OfferFactory(name="Kastanjebo", operator=aalborg)
