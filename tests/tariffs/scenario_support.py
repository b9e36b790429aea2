"""Socialtilsyn Nord's 2018 foster-family scheme (19,209,757 kr. by 0-17 year olds of Q2 2017)
with its split computed, and Hjørring's 0-17 figure, for the what-if scenario tests."""

import datetime as dt
from decimal import Decimal

from organisations.models import Organisation
from tariffs.services import split_compute
from tariffs.services_scenarios import ScenarioChanges, scenario_create
from tests.factories import PopulationFigureFactory
from tests.factories.tariffs import FinancingSchemeFactory, socialtilsyn_nord_2019
from tests.tariffs.test_scenarios_pure import HJORRING_0_17

BUDGET_2018 = Decimal("19209757")
Q2_2017 = dt.date(2017, 4, 1)


def foster_family_scheme_2018():
    """The scheme with version 1 of its split; Hjørring (the host, outside the area) has an
    invented 0-17 figure (see HJORRING_0_17)."""
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
