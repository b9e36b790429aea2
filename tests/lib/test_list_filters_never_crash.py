"""Junk in the query string of any list page (every FilterSet field and every value a view reads
from request.GET) gives the page, 400 or 404, never a 500, for every persona."""

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import CapacityFactory, OfferFactory
from tests.factories.meetings import das_meeting_of_21_may_2019
from tests.fuzz import fuzz

JUNK = st.one_of(
    st.sampled_from(
        [
            "-1",
            "0",
            "10000",
            "99999999999999999999",
            "1e400",
            "NaN",
            "inf",
            "-0",
            "2019.5",
            "2019",
            "١٢",
            " ",
            "ja",
            "nej",
            "planned",
            "'; DROP TABLE x;--",
            "%00",
            "1,5",
            "-1.234,50",
        ]
    ),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=40),
)
# page -> the parameters it reads (FilterSet fields, tables2 sort/page/export, view's own GET)
PAGES = {
    "/tilbud/": [
        "q",
        "driftsherre",
        "beliggenhed",
        "maalgruppe",
        "lovgrundlag",
        "omfattet",
        "gennemsyn",
        "status",
        "aar",
        "page",
        "sort",
        "_export",
    ],
    "/tilbud/{offer}/": ["aar"],
    "/tilbud/{offer}/pladser/": ["aar"],
    "/moeder/": ["organ", "aar", "status", "page", "sort", "_export"],
    "/moeder/{meeting}/forhaandsvisning/": ["referat"],
    "/takster/blandet-finansiering/": [
        "objective_share",
        "objective_financing",
        "total_budget",
        "expected_cases",
        "_export",
    ],
}


@pytest.fixture
def clients(secretariat, aalborg_reporter, aalborg_operator, das_member, outsider):
    result = [Client()]
    for user in (secretariat, aalborg_reporter, aalborg_operator, das_member, outsider):
        client = Client()
        client.force_login(user)
        result.append(client)
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("page", sorted(PAGES))
def test_junk_filter_parameters_never_give_a_server_error(page, clients, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    meeting = das_meeting_of_21_may_2019()
    offer = OfferFactory()
    CapacityFactory(offer=offer)
    names = {"offer": offer.pk, "meeting": meeting.reference}

    @fuzz
    @given(
        params=st.dictionaries(st.sampled_from(PAGES[page]), JUNK, min_size=1),
        who=st.integers(min_value=0, max_value=len(clients) - 1),
    )
    def probe(params, who):
        url = page.format(**names)
        response = clients[who].get(url, params)
        assert response.status_code in (200, 302, 400, 403, 404), (url, params)

    probe()


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["-1", "0", "10000", "99999999999999999999", "2019.5"])
def test_an_impossible_year_on_the_meetings_list_shows_the_page_with_a_message(
    client, secretariat, year
):
    das_meeting_of_21_may_2019()
    client.force_login(secretariat)
    response = client.get("/moeder/", {"aar": year})
    assert response.status_code == 200
    assert "DAS-2019-05-21" not in response.content.decode()
    assert response.context["filter"].errors["aar"]
