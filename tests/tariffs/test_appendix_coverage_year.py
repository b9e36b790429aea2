"""The tariff appendix for year N is drawn up in October of N-1, before N's usage exists:
coverage comes from the latest year with usage data up to N, and the appendix says which."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser

from tariffs.calculations import appendix_usage_year
from tariffs.reports import tariff_appendix_table
from tests.factories import OfferFactory, RegionFactory, UsageFactory


def test_the_appendix_uses_its_own_year_when_it_has_usage():
    assert appendix_usage_year(2019, [2017, 2018, 2019]) == 2019


def test_the_coming_years_appendix_uses_the_latest_year_before_it():
    assert appendix_usage_year(2020, [2019, 2017, 2018]) == 2019
    assert appendix_usage_year(2021, {2016, 2019}) == 2019


def test_later_usage_never_decides_an_earlier_appendix():
    assert appendix_usage_year(2017, [2016, 2019]) == 2016


def test_no_usage_up_to_the_year_gives_none():
    assert appendix_usage_year(2015, [2016, 2019]) is None
    assert appendix_usage_year(2020, []) is None


@pytest.mark.django_db
def test_appendix_2020_lists_the_offers_covered_by_2019_usage_and_says_so(aalborg, hjorring):
    municipal = OfferFactory(name="Kastanjebo", operator=aalborg)
    UsageFactory(offer=municipal, acting_municipality=hjorring, year=2019, places=Decimal(2))
    OfferFactory(name="Regionalt tilbud", operator=RegionFactory())
    table = tariff_appendix_table(AnonymousUser(), 2020)
    assert sorted(row[0] for row in table.rows) == ["Kastanjebo", "Regionalt tilbud"]
    assert "forbrug i 2019" in table.caption
    assert any("2019" in note and "oktober" in note for note in table.notes)


@pytest.mark.django_db
def test_the_appendix_page_names_the_usage_year(client, aalborg, hjorring):
    UsageFactory(offer=OfferFactory(operator=aalborg), acting_municipality=hjorring, year=2019)
    html = client.get("/takster/takstbilag/2020/").content.decode()
    assert "Dækning efter forbrug i 2019" in html
