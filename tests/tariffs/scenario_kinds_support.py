"""A mixed financing (60 % objective of 1,000,000 kr., 10 expected cases) whose objective part
a scheme splits 2:1:1 between three municipalities, and a day tariff of 1,000 kr. bought by
two municipalities (2 and 0.5 places in 2019), for the scenario tests of those kinds."""

from decimal import Decimal

from tariffs.models import TariffComponent
from tariffs.services import mixed_financing_save, split_compute
from tests.factories import MunicipalityFactory
from tests.factories.offers import OfferFactory, UsageFactory
from tests.factories.tariffs import (
    DistributionKeyFactory,
    DistributionKeyRowFactory,
    FinancingSchemeFactory,
    TariffFactory,
)


def mixed_world():
    key = DistributionKeyFactory()
    for position, (name, weight) in enumerate([("Nordby", 2), ("Sydby", 1), ("Østby", 1)]):
        party = MunicipalityFactory(short_name=name, name=f"{name} Kommune")
        DistributionKeyRowFactory(key=key, organisation=party, weight=weight, position=position)
    record = mixed_financing_save(
        offer=OfferFactory(name="Børnehus Test"),
        year=2019,
        objective_share=Decimal("0.6"),
        total_budget=Decimal("1000000"),
        expected_cases=10,
    )
    scheme = FinancingSchemeFactory(key=key, mixed_financing=record, total=Decimal("600000"))
    split_compute(scheme=scheme, user=None)
    return record, scheme


def tariff_world():
    tariff = TariffFactory(offer=OfferFactory(name="Botilbud Test"), year=2019, unit="day")
    TariffComponent.objects.create(tariff=tariff, kind="total", package="", amount=Decimal(1000))
    for name, places in (("Vestby", "2"), ("Midtby", "0.5")):
        party = MunicipalityFactory(short_name=name, name=f"{name} Kommune")
        UsageFactory(offer=tariff.offer, year=2019, acting_municipality=party, places=places)
    return tariff
