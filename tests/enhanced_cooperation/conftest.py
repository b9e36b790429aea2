"""Members of 2019–2020: Aalborg's Løvdal (operated by the aalborg_operator persona) and the
region's Kvisten."""

import pytest

from tests.factories import OfferFactory, RegionFactory
from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory


@pytest.fixture
def period(db):
    return PeriodFactory(start_year=2019)


@pytest.fixture
def aalborg_member(aalborg, period):
    offer = OfferFactory(name="Løvdal", operator=aalborg)
    return MemberFactory(period=period, name="Løvdals Center", offers=[offer])


@pytest.fixture
def region_member(period):
    offer = OfferFactory(name="Kvisten", operator=RegionFactory())
    return MemberFactory(period=period, name="Specialbørnehjemmet Kvisten", offers=[offer])
