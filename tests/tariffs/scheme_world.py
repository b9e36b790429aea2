"""A small world for defining financing schemes: two municipalities in an area with 0-17
figures of Q2 2017 and 2018, a fixed key, an offer with places used and a mixed financing."""

from datetime import date
from decimal import Decimal

from tariffs.services import mixed_financing_save
from tests.factories.offers import OfferFactory, UsageFactory
from tests.factories.organisations import (
    MunicipalityFactory,
    PopulationFigureFactory,
    SupervisionAreaFactory,
)
from tests.factories.tariffs import DistributionKeyFactory, DistributionKeyRowFactory

D = Decimal


def scheme_world() -> dict:
    aalborg = MunicipalityFactory(short_name="Aalborg", name="Aalborg Kommune", code="851")
    laeso = MunicipalityFactory(short_name="Læsø", name="Læsø Kommune", code="825")
    area = SupervisionAreaFactory(name="Socialtilsyn Nord", host=aalborg)
    area.members.set([aalborg, laeso])
    for day, counts in ((date(2017, 4, 1), (38824, 241)), (date(2018, 4, 1), (30000, 10000))):
        for municipality, count in zip((aalborg, laeso), counts, strict=True):
            PopulationFigureFactory(
                organisation=municipality, reference_date=day, age_band="0-17", count=count
            )
    key = DistributionKeyFactory(name="Procentnøgle 2018")
    DistributionKeyRowFactory(key=key, organisation=aalborg, weight=D(3))
    DistributionKeyRowFactory(key=key, organisation=laeso, weight=D(1))
    offer = OfferFactory(name="Børnehus Nord", operator=aalborg)
    UsageFactory(offer=offer, year=2018, acting_municipality=aalborg, places=D(3))
    UsageFactory(offer=offer, year=2018, acting_municipality=laeso, places=D(1))
    mixed = mixed_financing_save(
        offer=offer,
        year=2019,
        objective_share=D("0.6"),
        objective_financing=D(3864000),
        expected_cases=210,
    )
    return {
        "aalborg": aalborg,
        "laeso": laeso,
        "area": area,
        "key": key,
        "offer": offer,
        "mixed": mixed,
    }
