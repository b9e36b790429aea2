"""The start page's work items for change notices and development plans: one query each,
0 for users they do not concern."""

import datetime as dt

import pytest
from django.utils import timezone

from notices.worklist import count_breaches, count_plans_missing, count_recent
from organisations.access import roles_for
from tests.factories import CapacityFactory
from tests.factories.notices import ChangeNoticeFactory, DevelopmentPlanFactory

TODAY = timezone.localdate()


@pytest.fixture
def data(offer, region_offer):
    day = dt.timedelta(days=1)
    ChangeNoticeFactory(offer=offer, decided_on=TODAY - 5 * day, noticed_on=TODAY - 2 * day)
    ChangeNoticeFactory(offer=offer, decided_on=TODAY, noticed_on=TODAY - 40 * day)
    ChangeNoticeFactory(
        offer=region_offer, decided_on=TODAY - 800 * day, noticed_on=TODAY - 700 * day
    )
    for o in (offer, region_offer):
        CapacityFactory(offer=o, year=TODAY.year, as_written="150", total_places=150)
    DevelopmentPlanFactory(offer=region_offer, year=TODAY.year)


@pytest.mark.django_db
def test_the_counts_for_the_secretariat_take_one_query_each(
    data, secretariat, django_assert_num_queries
):
    roles_for(secretariat)  # the roles are read once per request, not per item
    for count, expected in ((count_breaches, 1), (count_recent, 1), (count_plans_missing, 1)):
        with django_assert_num_queries(1):
            assert count(secretariat) == expected


@pytest.mark.django_db
def test_an_operator_counts_its_own_missing_plans_and_no_notices(data, aalborg_operator):
    assert count_plans_missing(aalborg_operator) == 1
    assert count_breaches(aalborg_operator) == count_recent(aalborg_operator) == 0


@pytest.mark.django_db
def test_others_count_nothing(data, aalborg_reporter, das_member):
    for user in (aalborg_reporter, das_member):
        for count in (count_breaches, count_recent, count_plans_missing):
            assert count(user) == 0
