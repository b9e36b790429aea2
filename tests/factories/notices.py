"""Change notices and development plans."""

import datetime as dt

import factory

from notices.models import ChangeNotice, DevelopmentPlan, NoticeKind
from tests.factories.offers import OfferFactory


class ChangeNoticeFactory(factory.django.DjangoModelFactory):
    """A notice of changed places, given in time (a week before the decision)."""

    class Meta:
        model = ChangeNotice

    offer = factory.SubFactory(OfferFactory)
    party = factory.LazyAttribute(lambda n: n.offer.operator)
    kind = NoticeKind.PLACES
    description = "Pladstallet nedsættes fra 1. januar"
    decided_on = dt.date(2019, 9, 1)
    noticed_on = dt.date(2019, 8, 25)
    places_before = 24
    places_after = 18


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    offer = factory.SubFactory(OfferFactory)
    year = 2019
    submitted_on = dt.date(2019, 3, 1)
    summary = "Plan for tilbuddets udvikling"
