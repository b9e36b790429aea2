"""Whatever is posted to the nomination, assessment, and decision forms, the page
answers (never a 500) and nothing is saved from refused input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enhanced_cooperation.models import Member, Nomination
from tests.factories.enhanced_cooperation import NominationFactory, PeriodFactory
from tests.factories.offers import OfferFactory
from tests.fuzz import fuzz

from .nomination_data import CODES, open_round

TEXT = st.text(max_size=80)
KEY = st.one_of(st.integers(), st.text(max_size=25))
CHOICE = st.one_of(st.sampled_from(["yes", "no", "met", "not_met", ""]), TEXT)


@pytest.mark.django_db
@fuzz
@given(
    offer_key=KEY,
    org_key=KEY,
    meets=st.lists(CHOICE, min_size=4, max_size=4),
    whys=st.lists(TEXT, min_size=4, max_size=4),
)
def test_fuzzed_nominations_never_fail_the_page(
    client, secretariat, hjorring, offer_key, org_key, meets, whys
):
    if not Nomination.objects.exists() and not OfferFactory._meta.model.objects.exists():
        open_round(2019)
        OfferFactory()
    client.force_login(secretariat)
    data = {"offer": offer_key, "nominated_by": org_key}
    for code, meet, why in zip(CODES, meets, whys, strict=True):
        data[f"{code}_meets"], data[f"{code}_why"] = meet, why
    count = Nomination.objects.count()
    response = client.post("/samarbejde/indmeldinger/ny/", data)
    assert response.status_code in (200, 302, 400)
    if response.status_code != 302:
        assert Nomination.objects.count() == count


@pytest.mark.django_db
@fuzz
@given(
    mets=st.lists(CHOICE, min_size=4, max_size=4),
    texts=st.lists(TEXT, min_size=4, max_size=4),
    token=TEXT,
)
def test_fuzzed_assessments_never_fail_the_page(client, secretariat, mets, texts, token):
    nomination = Nomination.objects.first() or NominationFactory(round=open_round(2019))
    client.force_login(secretariat)
    data = {"edit_token": token}
    for code, met, text in zip(CODES, mets, texts, strict=True):
        data[f"{code}_met"], data[f"{code}_text"] = met, text
    before = Nomination.objects.values("assessment", "status").get(pk=nomination.pk)
    response = client.post(f"/samarbejde/indmeldinger/{nomination.pk}/vurdering/", data)
    assert response.status_code in (200, 302, 400, 409)
    if response.status_code != 302:
        assert Nomination.objects.values("assessment", "status").get(pk=nomination.pk) == before


@pytest.mark.django_db
@fuzz
@given(
    outcome=st.one_of(st.sampled_from(["admit", "reject"]), TEXT),
    period_key=KEY,
    name=TEXT,
    body=TEXT,
    decided=TEXT,
    decision=TEXT,
)
def test_fuzzed_decisions_never_fail_the_page(
    client, secretariat, outcome, period_key, name, body, decided, decision
):
    nomination = Nomination.objects.first() or NominationFactory(
        round=open_round(2019), status="assessed"
    )
    PeriodFactory(start_year=2021)
    client.force_login(secretariat)
    data = {
        "outcome": outcome,
        "period": period_key,
        "name": name,
        "decided_by": body,
        "meeting": "",
        "decided_on": decided,
        "decision": decision,
        "edit_token": "",
    }
    members = Member.objects.count()
    response = client.post(f"/samarbejde/indmeldinger/{nomination.pk}/afgoerelse/", data)
    assert response.status_code in (200, 302, 400, 409)
    if response.status_code != 302:
        assert Member.objects.count() == members
