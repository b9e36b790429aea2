"""Whatever is posted to the joint action forms, the page answers (never a 500) and nothing
is saved from refused input."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhanced_cooperation.models import JointAction, JointActionDecision
from enhanced_cooperation.services_joint_action import joint_action_token
from tests.factories.enhanced_cooperation import MemberFactory, PeriodFactory, joint_action
from tests.fuzz import fuzz

TEXT = st.text(max_size=60)
KEY = st.one_of(st.integers(), st.text(max_size=25))


@pytest.fixture
def member(db):
    return MemberFactory(period=PeriodFactory(start_year=2019))


@pytest.mark.django_db
@fuzz
@given(member_key=KEY, year=st.one_of(st.integers(), TEXT), reason=st.text(max_size=300))
def test_fuzzed_openings_never_fail_the_page(client, secretariat, member, member_key, year, reason):
    client.force_login(secretariat)
    JointAction.objects.all().delete()
    data = {"member": member_key, "year": year, "reason": reason}
    response = client.post("/samarbejde/faelles-indsats/ny/", data)
    assert response.status_code in (302, 400)
    if response.status_code != 302:
        assert not JointAction.objects.exists()


@pytest.mark.django_db
@fuzz
@given(decided=TEXT, decided_by=st.text(max_size=250), text=st.text(max_size=300), token=TEXT)
def test_fuzzed_decisions_never_fail_the_page(
    client, secretariat, member, decided, decided_by, text, token
):
    client.force_login(secretariat)
    action = JointAction.objects.first() or joint_action(member, today=dt.date(2019, 1, 2))
    count = JointActionDecision.objects.count()
    fresh = joint_action_token(action)
    for sent in (token, fresh):
        data = {"decided_on": decided, "decided_by": decided_by, "text": text, "edit_token": sent}
        response = client.post(f"/samarbejde/faelles-indsats/{action.pk}/", data)
        assert response.status_code in (302, 400, 409)
        if response.status_code != 302:
            assert JointActionDecision.objects.count() == count


@pytest.mark.django_db
@fuzz
@given(token=TEXT, year=TEXT, member_key=TEXT)
def test_fuzzed_close_and_queries_never_fail(client, secretariat, member, token, year, member_key):
    client.force_login(secretariat)
    action = joint_action(member) if not JointAction.objects.exists() else JointAction.objects.get()
    response = client.post(f"/samarbejde/faelles-indsats/{action.pk}/luk/", {"edit_token": token})
    assert response.status_code == 409
    action.refresh_from_db()
    assert action.status == "open"
    assert client.get("/samarbejde/signaler/", {"aar": year}).status_code == 200
    query = {"medlem": member_key, "aar": year}
    assert client.get("/samarbejde/faelles-indsats/ny/", query).status_code == 200
