"""SPEC §2: an offer with more than 100 places needs a development plan with yearly
follow-up; the portal shows whether this year's is recorded and lets the operator record it."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from notices import services
from notices.calculations import needs_plan, plan_is_current
from notices.selectors import large_offers, offers_missing_plans
from offers.models import Offer
from tests.factories import CapacityFactory
from tests.factories.notices import DevelopmentPlanFactory

YEAR = timezone.localdate().year


def test_more_than_100_places_needs_a_plan():
    assert [needs_plan(n) for n in (None, 99, 100, 101)] == [False, False, False, True]


def test_a_plan_is_current_when_one_exists_for_the_year():
    assert plan_is_current([2018, 2019], 2019)
    assert not plan_is_current([2018], 2019)
    assert not plan_is_current([], 2019)


def big(offer, places=120, year=YEAR):
    CapacityFactory(offer=offer, year=year, as_written=str(places), total_places=places)
    return offer


@pytest.mark.django_db
def test_large_offers_are_those_whose_latest_places_exceed_100(offer, region_offer):
    big(offer, 101, year=YEAR - 1)  # the latest year at or before this one counts
    big(region_offer, 100)
    assert [o.pk for o in large_offers(Offer.objects.all(), YEAR)] == [offer.pk]
    assert offers_missing_plans(Offer.objects.all(), YEAR).count() == 1
    DevelopmentPlanFactory(offer=offer, year=YEAR)
    assert offers_missing_plans(Offer.objects.all(), YEAR).count() == 0


@pytest.mark.django_db
def test_a_follow_up_points_at_the_previous_plan(offer, secretariat):
    today = timezone.localdate()
    first = services.record_plan(
        offer=offer, year=YEAR - 1, submitted_on=today, summary="Plan", user=secretariat
    )
    follow_up = services.record_plan(
        offer=offer, year=YEAR, submitted_on=today, summary="Opfølgning", user=secretariat
    )
    assert first.follow_up_of is None and follow_up.follow_up_of == first
    assert follow_up.is_follow_up and follow_up.history.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("year", "submitted", "field", "message"),
    [
        (YEAR, dt.timedelta(days=1), "submitted_on", "Datoen kan ikke ligge i fremtiden."),
        (YEAR - 5, dt.timedelta(0), "year", "Året skal være i år, sidste år eller næste år."),
    ],
)
def test_a_plan_with_bad_dates_is_refused_in_danish(offer, year, submitted, field, message):
    with pytest.raises(ValidationError) as refused:
        services.record_plan(
            offer=offer,
            year=year,
            submitted_on=timezone.localdate() + submitted,
            summary="Plan",
            user=None,
        )
    assert refused.value.message_dict[field] == [message]


@pytest.mark.django_db
def test_a_second_plan_for_the_same_year_is_refused(offer):
    DevelopmentPlanFactory(offer=offer, year=YEAR)
    with pytest.raises(ValidationError) as refused:
        services.record_plan(
            offer=offer, year=YEAR, submitted_on=timezone.localdate(), summary="x", user=None
        )
    assert "allerede registreret" in refused.value.message_dict["year"][0]


def post_plan(client, offer, **changes):
    data = {"offer": offer.pk, "year": YEAR, "submitted_on": "01.01.2020", "summary": "Plan"}
    return client.post("/aendringer/udviklingsplaner/", {**data, **changes})


@pytest.mark.django_db
def test_the_operator_records_its_own_offers_plan_and_sees_it_current(
    client, aalborg_operator, offer, region_offer
):
    big(offer), big(region_offer)
    client.force_login(aalborg_operator)
    page = client.get("/aendringer/udviklingsplaner/")
    assert [o.name for o in page.context["offers"]] == ["Løvdal"]  # its own only
    assert "Mangler" in page.content.decode()
    assert post_plan(client, region_offer).status_code == 400  # not its offer: not a choice
    response = post_plan(client, offer)
    assert response.status_code == 302
    page = client.get("/aendringer/udviklingsplaner/")
    assert [o.plan_current for o in page.context["offers"]] == [True]
    assert "Aktuel" in page.content.decode()


@pytest.mark.django_db
def test_a_reporter_reads_the_plans_but_cannot_post(client, aalborg_reporter, offer):
    big(offer)
    client.force_login(aalborg_reporter)
    page = client.get("/aendringer/udviklingsplaner/")
    assert page.status_code == 200 and page.context["form"] is None
    assert post_plan(client, offer).status_code == 404
    assert not offer.development_plans.exists()
