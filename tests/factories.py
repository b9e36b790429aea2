import datetime as dt
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from offers.models import Capacity, CoverageExemption, LegalBasis, Offer, TargetGroup, Usage
from organisations.models import Membership, Organisation, OrganisationUnit, Role
from submissions import services


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
    code = factory.Sequence(lambda n: str(900 + n))
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


def open_round_submission(unit, *, year: int = 2027):
    """An open demand-and-capacity round for the unit (opened yesterday, due in nine days) and
    the unit's submission in it, made through the services as the secretariat would."""
    today = timezone.localdate()
    reporting_round = services.round_open(
        reporting_round=services.round_create(
            kind="demand_capacity",
            year=year,
            title=f"Behov {year}",
            opens_on=today - dt.timedelta(days=1),
            deadline=today + dt.timedelta(days=9),
            units=[unit],
        )
    )
    return services.submission_for(reporting_round=reporting_round, unit=unit)
