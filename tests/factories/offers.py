"""Offers with their capacity, usage and coverage exemptions."""

from decimal import Decimal

import factory

from offers.models import Capacity, CoverageExemption, LegalBasis, Offer, TargetGroup, Usage
from tests.factories.organisations import MunicipalityFactory


class TargetGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TargetGroup
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"gruppe-{n}")
    name = factory.Sequence(lambda n: f"Målgruppe {n}")


class LegalBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalBasis
        django_get_or_create = ["code"]

    code = "SEL § 107"


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Offer

    name = factory.Sequence(lambda n: f"Bostedet {n}")
    operator = factory.SubFactory(MunicipalityFactory)
    location_municipality = factory.LazyAttribute(
        lambda o: o.operator if o.operator.kind == "municipality" else None
    )
    target_group_text = "Voksne med udviklingshæmning"


class UsageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Usage

    offer = factory.SubFactory(OfferFactory)
    year = 2019
    acting_municipality = factory.SubFactory(MunicipalityFactory)
    places = Decimal("2.00")


class CapacityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Capacity

    offer = factory.SubFactory(OfferFactory)
    year = 2019
    as_written = "12"
    base_places = 12
    total_places = 12


class ExemptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CoverageExemption

    offer = factory.SubFactory(OfferFactory)
    from_year = 2019
    reason = "Bilaterale aftaler om takst og afregning"
    decided_by = "DAS"
    decided_on = factory.Faker("date_object")
