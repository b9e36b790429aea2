"""Whatever is posted to the actual-expenditure and plan forms, the settlement page answers
(never a 500), nothing is saved from invalid input, and every message about the amount names
the field in Danish."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tariffs.models import ActualExpenditure, OnAccountPlan
from tariffs.services_settlement import actual_token
from tests.fuzz import fuzz

from .settlement_world import foster_family_2018

AMOUNT = st.one_of(
    st.text(max_size=30),
    st.from_regex(r"-?[0-9.]{1,20}(,[0-9]{0,4})?", fullmatch=True),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.integers().map(str),
)


@pytest.fixture
def scheme(secretariat, socialtilsyn):
    return foster_family_2018(socialtilsyn, secretariat)


@pytest.mark.django_db
@fuzz
@given(amount=AMOUNT, note=st.text(max_size=200), token=st.one_of(st.none(), st.text(max_size=70)))
def test_fuzzed_actuals_never_fail_the_page(client, secretariat, scheme, amount, note, token):
    client.force_login(secretariat)
    data = {"action": "actual", "actual-amount": amount, "actual-note": note}
    data["actual-edit_token"] = actual_token(scheme, 2018) if token is None else token
    count = ActualExpenditure.objects.count()
    response = client.post(f"/takster/ordninger/{scheme.pk}/2018/afregning/", data)
    assert response.status_code in (200, 302, 409)
    if response.status_code == 302:
        assert ActualExpenditure.objects.count() == count + 1
        return
    assert ActualExpenditure.objects.count() == count
    for message in response.context["actual_form"].errors.get("amount", []):
        assert message.startswith("Faktisk udgift (kr.)"), message


@pytest.mark.django_db
@fuzz
@given(count=st.one_of(st.integers(), st.text(max_size=10)), first=st.text(max_size=20))
def test_fuzzed_plans_never_fail_the_page(client, secretariat, scheme, count, first):
    client.force_login(secretariat)
    data = {"action": "plan", "plan-instalment_count": count, "plan-first_due_on": first}
    plans = OnAccountPlan.objects.count()
    response = client.post(f"/takster/ordninger/{scheme.pk}/2018/afregning/", data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert OnAccountPlan.objects.count() == plans
        for messages in response.context["plan_form"].errors.values():
            assert all(m.startswith(("Rater", "Første forfaldsdato")) for m in messages)
