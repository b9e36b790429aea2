"""The notice list's queries do not grow with its rows; the offer's page shows whether its
development plan for this year is recorded."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import CapacityFactory, OfferFactory
from tests.factories.notices import ChangeNoticeFactory, DevelopmentPlanFactory

YEAR = timezone.localdate().year


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_list_s_queries_do_not_grow_with_the_notices(client, secretariat, aalborg):
    client.force_login(secretariat)
    client.get("/aendringer/")  # the first request after logging in also stores the session
    ChangeNoticeFactory(offer=OfferFactory(operator=aalborg))
    few = _queries(client, "/aendringer/")
    for _ in range(15):
        ChangeNoticeFactory(offer=OfferFactory(operator=aalborg))
    assert _queries(client, "/aendringer/") == few


@pytest.mark.django_db
def test_the_offer_page_shows_the_plan_missing_then_recorded(client, aalborg_operator, offer):
    CapacityFactory(offer=offer, year=YEAR, as_written="140", total_places=140)
    client.force_login(aalborg_operator)
    page = client.get(f"/tilbud/{offer.pk}/").content.decode()
    assert f"Udviklingsplan for {YEAR} mangler" in page
    DevelopmentPlanFactory(offer=offer, year=YEAR)
    page = client.get(f"/tilbud/{offer.pk}/").content.decode()
    assert f"Udviklingsplan for {YEAR} registreret" in page


@pytest.mark.django_db
def test_a_small_offer_s_page_says_nothing_of_plans(client, aalborg_operator, offer):
    CapacityFactory(offer=offer, year=YEAR, as_written="40", total_places=40)
    client.force_login(aalborg_operator)
    assert "Udviklingsplan for" not in client.get(f"/tilbud/{offer.pk}/").content.decode()
