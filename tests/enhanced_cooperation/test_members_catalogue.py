"""The enhanced cooperation in the offer catalogue (mark and filter, constant queries) and
on the offer page (the membership history, for everyone)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enhanced_cooperation.models import Member
from tests.factories import CapacityFactory, OfferFactory, UsageFactory
from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory

pytestmark = pytest.mark.django_db
MARK = "Det forstærkede samarbejde 2019–2020"


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def _members(count: int, period):
    for _ in range(count):
        offer = OfferFactory()
        CapacityFactory(offer=offer)
        UsageFactory(offer=offer)
        MemberFactory(period=period, offers=[offer])


def test_member_offers_are_marked_with_the_period_of_the_catalogue_year(client, aalborg_member):
    other = OfferFactory(name="Almindeligt tilbud")
    page = client.get("/tilbud/", {"aar": 2019}).content.decode()
    assert MARK in page and "Særlige ordninger" in page
    row = page[page.index("Løvdal") :]
    assert MARK in row[: row.index("</tr>")]
    other_row = page[page.index(other.name) :]
    assert MARK not in other_row[: other_row.index("</tr>")]
    assert MARK not in client.get("/tilbud/", {"aar": 2018}).content.decode()


def test_a_member_that_left_is_not_marked_after_it_left(client, aalborg_member):
    Member.objects.filter(pk=aalborg_member.pk).update(
        ends_on=dt.date(2019, 12, 31), end_reason="KKR"
    )
    assert MARK in client.get("/tilbud/", {"aar": 2019}).content.decode()
    assert MARK not in client.get("/tilbud/", {"aar": 2020}).content.decode()


def test_the_catalogue_filters_on_membership(client, aalborg_member):
    OfferFactory(name="Almindeligt tilbud")
    members = client.get("/tilbud/", {"aar": 2019, "samarbejde": "ja"}).content.decode()
    others = client.get("/tilbud/", {"aar": 2019, "samarbejde": "nej"}).content.decode()
    assert "Løvdal" in members and "Almindeligt tilbud" not in members
    assert "Almindeligt tilbud" in others and ">Løvdal<" not in others
    assert 'name="samarbejde"' in client.get("/tilbud/").content.decode()  # the filter


def test_the_mark_is_in_the_download(client, aalborg_member):
    text = client.get("/tilbud/", {"aar": 2019, "_export": "csv"}).content.decode("utf-8-sig")
    assert MARK in text


def test_the_marked_catalogue_keeps_a_constant_number_of_queries(client):
    period = PeriodFactory(start_year=2019)
    _members(5, period)
    few = _queries(client, "/tilbud/?aar=2019")
    _members(40, period)
    assert _queries(client, "/tilbud/?aar=2019") == few
    assert _queries(client, "/tilbud/?aar=2019&samarbejde=ja") == few


def test_the_offer_page_shows_the_membership_history_to_everyone(client, aalborg_member):
    offer = aalborg_member.offers.get()
    later = MemberFactory(period=PeriodFactory(start_year=2021), name="Løvdal 2021", offers=[offer])
    Member.objects.filter(pk=aalborg_member.pk).update(
        ends_on=dt.date(2020, 12, 31), end_reason="Ny målgruppe"
    )
    page = client.get(offer.get_absolute_url()).content.decode()
    assert "Det forstærkede samarbejde" in page
    assert aalborg_member.get_absolute_url() in page and later.get_absolute_url() in page
    assert "31. december 2020: Ny målgruppe" in page
    assert page.index("2021–2022") < page.index("2019–2020")


def test_an_offer_without_membership_has_no_section(client):
    offer = OfferFactory()
    assert 'id="ec-heading"' not in client.get(offer.get_absolute_url()).content.decode()
