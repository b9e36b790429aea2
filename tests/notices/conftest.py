"""Offers of Aalborg (operated by Aalborg's operator persona) and of the region."""

import pytest

from tests.factories import OfferFactory, RegionFactory


@pytest.fixture
def offer(aalborg):
    return OfferFactory(name="Løvdal", operator=aalborg)


@pytest.fixture
def region_offer(db):
    return OfferFactory(name="Kvisten", operator=RegionFactory())
