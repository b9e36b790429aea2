"""The published Socialtilsyn Nord figures (budget 2019), typed in as test data."""

from datetime import date
from decimal import Decimal

import pytest

from demo.tariffs import load_children_key
from organisations.models import Organisation, PopulationFigure, SupervisionArea
from tariffs.models import (
    BpaRate,
    PriceIndex,
    SupervisionBudget,
    SupervisionTariff,
    SupervisionVolume,
)
from tests.factories import MunicipalityFactory

CHILDREN_0_17 = {
    "Silkeborg": 20555,
    "Brønderslev": 7913,
    "Frederikshavn": 10782,
    "Jammerbugt": 8047,
    "Læsø": 241,
    "Mariagerfjord": 8477,
    "Morsø": 3981,
    "Rebild": 7040,
    "Thisted": 8802,
    "Vesthimmerland": 7679,
    "Aalborg": 38824,
}
BUDGETS = [  # budget year, price basis, total, offers department, foster-family department
    (2018, 2018, "34476188", "15266431", "19209757"),
    (2018, 2019, "35024359", "15509167", "19515192"),
    (2019, 2019, "34935679", "14682476", "20253203"),
]
ANNUAL_2019 = {1: "35341", 2: "42409", 3: "70682", 4: "106024"}


@pytest.fixture
def socialtilsyn(db):
    host = MunicipalityFactory(short_name="Hjørring", name="Hjørring Kommune", code="860")
    area = SupervisionArea.objects.create(name="Socialtilsyn Nord", host=host)
    for name, count in CHILDREN_0_17.items():
        existing = Organisation.objects.filter(short_name=name).first()
        municipality = existing or MunicipalityFactory(short_name=name)
        area.members.add(municipality)
        PopulationFigure.objects.create(
            organisation=municipality,
            reference_date=date(2017, 4, 1),
            age_band="0-17",
            count=count,
        )
    for year, basis, total, offers, foster in BUDGETS:
        SupervisionBudget.objects.create(
            budget_year=year,
            price_basis=basis,
            total=Decimal(total),
            offers_department=Decimal(offers),
            foster_family_department=Decimal(foster),
        )
    SupervisionVolume.objects.create(
        year=2018,
        foster_families=1150,
        foster_family_new_approvals=150,
        offers=305,
        offer_new_approvals=15,
    )
    SupervisionVolume.objects.create(
        year=2019,
        foster_families=1100,
        foster_family_new_approvals=135,
        offers=283,
        offer_new_approvals=15,
        bpa_company_approvals=4,
    )
    for category, (low, high) in enumerate([(1, 7), (8, 24), (25, 49), (50, None)], start=1):
        SupervisionTariff.objects.create(
            tariff_year=2019,
            price_basis=2019,
            category=category,
            places_min=low,
            places_max=high,
            annual=Decimal(ANNUAL_2019[category]),
        )
    BpaRate.objects.create(year=2019, price_basis=2019, hourly_rate=549, hours_per_new_approval=36)
    PriceIndex.objects.create(from_year=2018, to_year=2019, factor=Decimal("1.0159"))
    return load_children_key()
