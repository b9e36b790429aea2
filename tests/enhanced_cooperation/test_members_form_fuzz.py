"""Whatever is posted to the member, period and exit forms, the page answers (never a 500)
and nothing is saved from refused input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhanced_cooperation.models import Exit, Member, Period
from enhanced_cooperation.services_members import exit_token, member_token
from tests.fuzz import fuzz

TEXT = st.text(max_size=60)
KEY = st.one_of(st.integers(), st.text(max_size=25))
DATE = st.one_of(st.sampled_from(["21.05.2019", "2019-12-31", "31.02.2019", ""]), TEXT)
LONG = st.one_of(st.text(max_size=200), st.just("Borger 010190-1234"), st.just("x" * 5001))


def _snapshot():
    return (
        list(Member.objects.values_list()),
        list(Period.objects.values_list()),
        list(Exit.objects.values_list()),
        list(Member.offers.through.objects.values_list()),
    )


@pytest.mark.django_db
@fuzz
@given(
    period=KEY,
    name=st.one_of(st.text(max_size=250), st.just("Løvdals Center")),
    offers=st.lists(KEY, max_size=3),
    justification=LONG,
    decided_by=st.one_of(st.sampled_from(["DAS", "KKR", "ekspertpanelet", ""]), TEXT),
    decided=DATE,
    token=st.one_of(st.none(), TEXT),
)
def test_fuzzed_member_forms_never_fail_the_page(
    client,
    secretariat,
    aalborg_member,
    period,
    name,
    offers,
    justification,
    decided_by,
    decided,
    token,
):
    client.force_login(secretariat)
    data = {
        "period": period,
        "name": name,
        "offers": offers,
        "target_group": justification,
        "criterion_target_group": justification,
        "criterion_competences": "Kompetencer",
        "criterion_profile": "",
        "criterion_only_offer": justification,
        "decided_by": decided_by,
        "decision_meeting": name,
        "decided_on": decided,
    }
    before = _snapshot()
    created = client.post("/samarbejde/medlemmer/ny/", data)
    assert created.status_code in (302, 400)
    if created.status_code != 302:
        assert _snapshot() == before
    edit = {**data, "edit_token": member_token(aalborg_member) if token is None else token}
    before = _snapshot()
    edited = client.post(f"/samarbejde/medlemmer/{aalborg_member.pk}/ret/", edit)
    assert edited.status_code in (302, 400, 409)
    if edited.status_code != 302:
        assert _snapshot() == before
    assert "010190-1234" not in created.content.decode() + edited.content.decode()


@pytest.mark.django_db
@fuzz
@given(start=st.one_of(st.integers(), TEXT), end=st.one_of(st.integers(), TEXT), text=LONG)
def test_fuzzed_period_forms_never_fail_the_page(client, secretariat, period, start, end, text):
    client.force_login(secretariat)
    before = _snapshot()
    data = {"start_year": start, "end_year": end, "rights_and_duties": text}
    response = client.post("/samarbejde/perioder/ny/", data)
    assert response.status_code in (302, 400)
    if response.status_code != 302:
        assert _snapshot() == before


@pytest.mark.django_db
@fuzz
@given(
    noticed=DATE,
    reason=LONG,
    meeting=st.text(max_size=250),
    decided=DATE,
    ends=DATE,
    decision=LONG,
)
def test_fuzzed_exit_forms_never_fail_the_page(
    client,
    aalborg_operator,
    secretariat,
    aalborg_member,
    noticed,
    reason,
    meeting,
    decided,
    ends,
    decision,
):
    client.force_login(aalborg_operator)
    before = _snapshot()
    url = f"/samarbejde/medlemmer/{aalborg_member.pk}/udtraeden/"
    response = client.post(url, {"noticed_on": noticed, "reason": reason})
    assert response.status_code in (302, 400)
    if response.status_code != 302:
        assert _snapshot() == before
    exit_ = Exit.objects.filter(member=aalborg_member).first()
    if exit_ is None:
        return
    client.force_login(secretariat)
    data = {
        "decision_meeting": meeting,
        "decided_on": decided,
        "ends_on": ends,
        "decision": decision,
        "edit_token": exit_token(exit_),
    }
    before = _snapshot()
    decided_response = client.post(f"/samarbejde/udtraeden/{exit_.pk}/afgoerelse/", data)
    assert decided_response.status_code in (302, 400, 404)
    if decided_response.status_code != 302:
        assert _snapshot() == before
