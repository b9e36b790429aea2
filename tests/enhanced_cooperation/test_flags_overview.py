"""The flags overview reads a constant number of queries, whatever the number of members,
and offers to open an early joint action only to the secretariat."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory, panel_user
from tests.factories.offers import OfferFactory, UsageFactory
from tests.factories.organisations import MunicipalityFactory

pytestmark = pytest.mark.django_db


def falling_member(period):
    offer = OfferFactory()
    buyer = MunicipalityFactory()
    UsageFactory(offer=offer, year=2017, acting_municipality=buyer, places=D(8))
    UsageFactory(offer=offer, year=2018, acting_municipality=buyer, places=D(4))
    return MemberFactory(period=period, offers=[offer, OfferFactory()])


def test_constant_queries(client, secretariat):
    period = PeriodFactory(start_year=2019)
    falling_member(period)
    client.force_login(secretariat)
    client.get("/samarbejde/signaler/?aar=2019")  # session and roles warmed up
    with CaptureQueriesContext(connection) as one:
        assert client.get("/samarbejde/signaler/?aar=2019").context["flagged"] == 1
    for _ in range(4):
        falling_member(period)
    with CaptureQueriesContext(connection) as five:
        assert client.get("/samarbejde/signaler/?aar=2019").context["flagged"] == 5
    assert len(five) == len(one)


def test_the_panel_reads_but_is_not_offered_the_button(client, secretariat):
    member = falling_member(PeriodFactory(start_year=2019))
    client.force_login(panel_user())
    page = client.get("/samarbejde/signaler/?aar=2019").content.decode()
    assert member.name in page and "Forbruget hos handlekommunerne" in page
    assert "Åbn tidlig fælles indsats" not in page
    client.force_login(secretariat)
    assert (
        "Åbn tidlig fælles indsats" in client.get("/samarbejde/signaler/?aar=2019").content.decode()
    )
