"""Whatever is posted to the tariff round's form of one offer, the page answers (never a 500),
a refused post says why in Danish naming the field or the row, and nothing is saved from it
(the round token of the offer's tariff is unchanged)."""

import html

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tariffs import services_round
from tests.fuzz import fuzz
from tests.submissions.tariff_round_data import YEAR, build

TEXT = st.text(max_size=40)
NUMBER = st.one_of(st.integers(), st.decimals(allow_nan=True), TEXT, st.just("1.014,90"))
KIND = st.one_of(st.sampled_from(["base", "service", "total", ""]), TEXT)


@pytest.fixture
def world(aalborg, hjorring):
    return build(aalborg, hjorring)


def _row(index, kind, package, amount, reason):
    return {
        f"form-{index}-kind": kind,
        f"form-{index}-package": package,
        f"form-{index}-amount": str(amount),
        f"form-{index}-reason": reason,
    }


@pytest.mark.django_db
@fuzz
@given(
    unit=st.one_of(st.sampled_from(["day", "month", "year", "case"]), TEXT),
    occupancy=NUMBER,
    cost=NUMBER,
    comment=st.one_of(TEXT, st.just("cpr 010203-1234")),
    rows=st.lists(st.tuples(KIND, TEXT, NUMBER, TEXT), max_size=3),
    total_forms=st.one_of(st.none(), TEXT),
    token_is_current=st.booleans(),
)
def test_fuzzed_tariff_reports_never_fail_the_page(
    client,
    world,
    aalborg_operator,
    unit,
    occupancy,
    cost,
    comment,
    rows,
    total_forms,
    token_is_current,
):
    client.force_login(aalborg_operator)
    url = reverse("submissions:tariff_round_offer", args=[world.submission.pk, world.offer.pk])
    before = services_round.round_token(world.offer, YEAR)
    data = {
        "unit": unit,
        "occupancy_pct": str(occupancy),
        "cost_personnel": str(cost),
        "comment": comment,
        "form-TOTAL_FORMS": str(len(rows)) if total_forms is None else total_forms,
        "form-INITIAL_FORMS": "0",
        "edit_token": before if token_is_current else "x",
    }
    for index, row in enumerate(rows):
        data.update(_row(index, *row))
    response = client.post(url, data)
    assert response.status_code in (302, 400, 409)
    if response.status_code == 302:
        return
    assert services_round.round_token(world.offer, YEAR) == before
    page = html.unescape(response.content.decode())
    if response.status_code == 400:
        assert 'id="fejl"' in page
        form = response.context["form"]
        for name in form.errors:
            assert str(form.fields[name].label) in page
