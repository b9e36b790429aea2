"""The tariff round's lists cost the same number of queries for one reported offer as for
five: the secretariat's review and the operator's offers list (issue 15; house rule: constant
query counts on list pages)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tariffs import services_round
from tests.factories import OfferFactory
from tests.factories.offers import UsageFactory
from tests.submissions.tariff_round_data import YEAR, build, last_year_tariff, report_values


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def _more_reported_offers(world, hjorring, operator, count):
    for n in range(count):
        offer = OfferFactory(name=f"Tilbud {n}", operator=world.offer.operator)
        UsageFactory(offer=offer, year=YEAR, acting_municipality=hjorring)
        last_year_tariff(offer)
        services_round.round_tariff_report(offer=offer, year=YEAR, user=operator, **report_values())


def test_the_review_and_the_offers_list_cost_the_same_for_one_and_five_offers(
    client, aalborg, hjorring, aalborg_operator, secretariat
):
    world = build(aalborg, hjorring)
    services_round.round_tariff_report(
        offer=world.offer, year=YEAR, user=aalborg_operator, **report_values()
    )
    review = reverse("submissions:tariff_review", args=[world.round.pk])
    offers = reverse("submissions:tariff_round", args=[world.submission.pk])
    client.force_login(secretariat)
    review_one = _queries(client, review)
    client.force_login(aalborg_operator)
    offers_one = _queries(client, offers)

    _more_reported_offers(world, hjorring, aalborg_operator, 4)
    client.force_login(secretariat)
    assert _queries(client, review) == review_one
    client.force_login(aalborg_operator)
    assert _queries(client, offers) == offers_one
