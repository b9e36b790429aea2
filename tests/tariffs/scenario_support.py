"""Socialtilsyn Nord's 2018 foster-family scheme (19,209,757 kr. by 0-17 year olds of Q2 2017)
with its split computed, and Hjørring's 0-17 figure, for the what-if scenario tests."""

import datetime as dt
from decimal import Decimal

from organisations.models import Organisation
from tariffs.services import split_compute
from tariffs.services_scenarios import ScenarioChanges, scenario_create
from tests.factories import MunicipalityFactory, PopulationFigureFactory
from tests.factories.tariffs import FinancingSchemeFactory, socialtilsyn_nord_2019
from tests.tariffs.test_scenarios_pure import HJORRING_0_17

# The area's municipalities by their DST codes, made first: a factory's sequence code (900 + n)
# can otherwise meet an existing code (the region's 1081) late in a run.
DST_CODES = {
    "Silkeborg": "740",
    "Brønderslev": "810",
    "Frederikshavn": "813",
    "Jammerbugt": "849",
    "Læsø": "825",
    "Mariagerfjord": "846",
    "Morsø": "773",
    "Rebild": "840",
    "Thisted": "787",
    "Vesthimmerland": "820",
    "Aalborg": "851",
}
BUDGET_2018 = Decimal("19209757")
Q2_2017 = dt.date(2017, 4, 1)


def foster_family_scheme_2018():
    """The scheme with version 1 of its split; Hjørring (the host, outside the area) has an
    invented 0-17 figure (see HJORRING_0_17)."""
    for short_name, code in DST_CODES.items():
        MunicipalityFactory(code=code, short_name=short_name, name=f"{short_name} Kommune")
    key = socialtilsyn_nord_2019()
    hjorring = Organisation.objects.get(code="860")
    PopulationFigureFactory(organisation=hjorring, count=HJORRING_0_17)
    scheme = FinancingSchemeFactory(
        name="Socialtilsyn Nord – plejefamilieafdelingen", year=2018, total=BUDGET_2018, key=key
    )
    split_compute(scheme=scheme, user=None)
    return scheme


def hjorring_inside(scheme, user=None, name="Hjørring inden for området"):
    hjorring = Organisation.objects.get(code="860")
    changes = ScenarioChanges(name=name, population_date=Q2_2017, age_band="0-17", added=[hjorring])
    return scenario_create(scheme=scheme, changes=changes, user=user)
