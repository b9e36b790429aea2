"""Parties, units, users and their memberships, supervision areas and population figures."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from organisations.models import (
    Membership,
    Organisation,
    OrganisationUnit,
    PopulationFigure,
    Role,
    SupervisionArea,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["code"]

    kind = "region"
    code = "1081"
    name = "Region Nordjylland"
    short_name = "Region Nordjylland"
    party_to_agreement = True


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["code"]

    kind = "municipality"
    code = factory.Sequence(lambda n: str(9000 + n))  # clear of the real codes (101-860, 1081-1085)
    short_name = factory.Sequence(lambda n: f"Kommune{n}")
    name = factory.LazyAttribute(lambda o: f"{o.short_name} Kommune")
    region = factory.SubFactory(RegionFactory)
    party_to_agreement = True


class PrivateOperatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = "private"
    code = None
    name = factory.Sequence(lambda n: f"Privat Bosted {n} ApS")
    short_name = factory.LazyAttribute(lambda o: o.name)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationUnit
        django_get_or_create = ["code"]

    organisation = factory.SubFactory(MunicipalityFactory)
    code = factory.LazyAttribute(lambda o: o.organisation.code)
    name = factory.LazyAttribute(lambda o: o.organisation.name)
    is_default = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"bruger{n}")
    first_name = "Test"
    last_name = factory.LazyAttribute(lambda o: o.username)
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.dk")
    password = factory.django.Password("hemmeligt-kodeord-1")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Role.SECRETARIAT


class SupervisionAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SupervisionArea
        django_get_or_create = ["name"]

    name = "Socialtilsyn Nord"
    host = factory.SubFactory(MunicipalityFactory)


class PopulationFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PopulationFigure

    organisation = factory.SubFactory(MunicipalityFactory)
    reference_date = dt.date(2017, 4, 1)
    age_band = "0-17"
    count = 1000
