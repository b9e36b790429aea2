from dataclasses import dataclass

import pytest

from organisations.models import OrganisationUnit
from tests.factories import OfferFactory


@dataclass
class World:
    unit: OrganisationUnit
    reporter: object
    secretariat: object


@pytest.fixture
def world(aalborg, hjorring, aalborg_reporter, secretariat):
    """What the good rows of tests.importers_under_test refer to."""
    OfferFactory(name="Kvisten", operator=aalborg)
    OfferFactory(name="Løvdal", operator=aalborg)
    unit = OrganisationUnit.objects.get(code="851-FB")
    return World(unit=unit, reporter=aalborg_reporter, secretariat=secretariat)
