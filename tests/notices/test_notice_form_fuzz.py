"""Whatever is posted to the notice and plan forms, the page answers (never a 500) and
nothing is saved from invalid input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from notices.models import ChangeNotice
from tests.fuzz import fuzz

TEXT = st.text(max_size=60)
KEY = st.one_of(st.integers(), st.text(max_size=25))


@pytest.mark.django_db
@fuzz
@given(
    offer_key=KEY,
    kind=st.one_of(st.sampled_from(["closing", "places", "target_group", "other"]), TEXT),
    description=st.text(max_size=300),
    decided=TEXT,
    noticed=TEXT,
    effect=TEXT,
    before=st.one_of(st.integers(), TEXT),
    after=st.one_of(st.integers(), TEXT),
)
def test_fuzzed_notices_never_fail_the_page(
    client,
    secretariat,
    offer,
    offer_key,
    kind,
    description,
    decided,
    noticed,
    effect,
    before,
    after,
):
    client.force_login(secretariat)
    data = {
        "offer": offer_key,
        "kind": kind,
        "description": description,
        "decided_on": decided,
        "noticed_on": noticed,
        "takes_effect_on": effect,
        "places_before": before,
        "places_after": after,
    }
    count = ChangeNotice.objects.count()
    response = client.post("/aendringer/ny/", data)
    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:
        assert ChangeNotice.objects.count() == count


@pytest.mark.django_db
@fuzz
@given(offer_key=KEY, year=st.one_of(st.integers(), TEXT), submitted=TEXT, summary=TEXT)
def test_fuzzed_plans_never_fail_the_page(
    client, secretariat, offer, offer_key, year, submitted, summary
):
    client.force_login(secretariat)
    data = {"offer": offer_key, "year": year, "submitted_on": submitted, "summary": summary}
    assert client.post("/aendringer/udviklingsplaner/", data).status_code in (200, 302, 400)


@pytest.mark.django_db
@fuzz
@given(kind=TEXT, breach=TEXT, year=TEXT, page=TEXT)
def test_fuzzed_filters_never_fail_the_list(client, secretariat, kind, breach, year, page):
    client.force_login(secretariat)
    query = {"kind": kind, "brud": breach, "aar": year, "side": page}
    assert client.get("/aendringer/", query).status_code == 200
