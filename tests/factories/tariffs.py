"""Price indices, targets, distribution keys, financing schemes and the Socialtilsyn figures;
socialtilsyn_nord_2019() builds the published budget 2019 figures, typed in as test data."""

from datetime import date
from decimal import Decimal

import factory
from django.utils import timezone

from organisations.models import Organisation, PopulationFigure
from tariffs.models import (
    BpaRate,
    DistributionKey,
    DistributionKeyRow,
    FinancingScheme,
    KeyBasis,
    PriceIndex,
    ReductionTarget,
    SupervisionBudget,
    SupervisionTariff,
    SupervisionVolume,
    Tariff,
)
from tests.factories.offers import OfferFactory
from tests.factories.organisations import (
    MunicipalityFactory,
    PopulationFigureFactory,
    SupervisionAreaFactory,
)


class PriceIndexFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriceIndex
        django_get_or_create = ["from_year", "to_year"]

    from_year = 2018
    to_year = 2019
    factor = Decimal("1.0159")


class ReductionTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReductionTarget

    year = 2019
    tariff_reduction_pct = Decimal("0.5")
    dialogue_reduction_pct = Decimal("0.5")


class DistributionKeyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistributionKey
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Fordelingsnøgle {n}")
    basis = KeyBasis.COUNTS


class DistributionKeyRowFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DistributionKeyRow

    key = factory.SubFactory(DistributionKeyFactory)
    organisation = factory.SubFactory(MunicipalityFactory)
    weight = Decimal("1000")
    position = factory.Sequence(lambda n: n)


class FinancingSchemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FinancingScheme

    name = factory.Sequence(lambda n: f"Ordning {n}")
    year = 2019
    total = Decimal("1000000.00")
    key = factory.SubFactory(DistributionKeyFactory)


class SupervisionBudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionBudget

    budget_year = 2019
    price_basis = 2019
    total = Decimal("34935679")
    offers_department = Decimal("14682476")
    foster_family_department = Decimal("20253203")


class SupervisionVolumeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionVolume

    year = 2019
    foster_families = 1100
    foster_family_new_approvals = 135
    offers = 283
    offer_new_approvals = 15


class SupervisionTariffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionTariff

    tariff_year = 2019
    price_basis = 2019
    category = 1
    places_min = 1
    places_max = 7
    annual = Decimal("35341")


class BpaRateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BpaRate

    year = 2019
    price_basis = 2019
    hourly_rate = 549
    hours_per_new_approval = 36


# The published Socialtilsyn Nord budget 2019 (the foster-family split by 0-17 year olds).
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
VOLUMES = [  # year, foster families, their new approvals, offers, their new approvals, BPA
    (2018, 1150, 150, 305, 15, None),
    (2019, 1100, 135, 283, 15, 4),
]
ANNUAL_2019 = {1: "35341", 2: "42409", 3: "70682", 4: "106024"}
PLACES = [(1, 7), (8, 24), (25, 49), (50, None)]
CHILDREN_KEY = "Socialtilsyn Nord – 0-17-årige 2. kvt. 2017"


def children_key(area) -> DistributionKey:
    """The 0-17 key of the area: its members' figures of 1 April 2017, in the order they were
    made."""
    key = DistributionKeyFactory(
        name=CHILDREN_KEY,
        basis=KeyBasis.COUNTS,
        area=area,
        reference_date=date(2017, 4, 1),
        source="Danmarks Statistik, 0-17-årige, 2. kvartal 2017",
    )
    figures = PopulationFigure.objects.filter(
        organisation__in=area.members.all(), age_band="0-17", reference_date=date(2017, 4, 1)
    ).order_by("id")
    for position, figure in enumerate(figures):
        DistributionKeyRowFactory(
            key=key,
            organisation=figure.organisation,
            weight=Decimal(figure.count),
            position=position,
        )
    return key


def socialtilsyn_nord_2019() -> DistributionKey:
    """Socialtilsyn Nord hosted by Hjørring, its members' 0-17 year olds, the 2018 and 2019
    budgets, volumes, supervision tariffs, the BPA rate and the 2018 -> 2019 index; returns the
    0-17 key."""
    host = MunicipalityFactory(short_name="Hjørring", name="Hjørring Kommune", code="860")
    area = SupervisionAreaFactory(name="Socialtilsyn Nord", host=host)
    for name, count in CHILDREN_0_17.items():
        existing = Organisation.objects.filter(short_name=name).first()
        municipality = existing or MunicipalityFactory(short_name=name)
        area.members.add(municipality)
        PopulationFigureFactory(organisation=municipality, count=count)
    for year, basis, total, offers, foster in BUDGETS:
        SupervisionBudgetFactory(
            budget_year=year,
            price_basis=basis,
            total=Decimal(total),
            offers_department=Decimal(offers),
            foster_family_department=Decimal(foster),
        )
    for year, families, family_approvals, offers, offer_approvals, bpa in VOLUMES:
        SupervisionVolumeFactory(
            year=year,
            foster_families=families,
            foster_family_new_approvals=family_approvals,
            offers=offers,
            offer_new_approvals=offer_approvals,
            bpa_company_approvals=bpa,
        )
    for category, (low, high) in enumerate(PLACES, start=1):
        SupervisionTariffFactory(
            category=category,
            places_min=low,
            places_max=high,
            annual=Decimal(ANNUAL_2019[category]),
        )
    BpaRateFactory()
    PriceIndexFactory(from_year=2018, to_year=2019, factor=Decimal("1.0159"))
    return children_key(area)


class TariffFactory(factory.django.DjangoModelFactory):
    """A provisional tariff the operator has reported, awaiting the secretariat's approval."""

    class Meta:
        model = Tariff

    offer = factory.SubFactory(OfferFactory)
    year = 2019
    unit = "day"
    reported_at = factory.LazyFunction(timezone.now)
