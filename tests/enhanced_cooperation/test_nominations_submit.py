"""Nominating an offer (issue 14): a reporter, an operator or the secretariat sends the form
while the year's round is open and gets a receipt; refusals are Danish and save nothing."""

import pytest
from django.core.exceptions import ValidationError

from enhanced_cooperation import services_nominations
from enhanced_cooperation.models import Nomination
from tests.factories.enhanced_cooperation import MemberFactory, NominationFactory, PeriodFactory
from tests.factories.offers import OfferFactory
from tests.factories.organisations import MunicipalityFactory

from .nomination_data import CODES, nomination_post, open_round

pytestmark = pytest.mark.django_db
URL = "/samarbejde/indmeldinger/ny/"


def test_a_reporter_nominates_and_gets_a_receipt(client, hjorring_reporter, hjorring):
    reporting_round = open_round(2019)
    offer = OfferFactory(name="Kvisten")
    client.force_login(hjorring_reporter)
    page = client.get(URL)
    assert page.status_code == 200
    assert "Hjørring Kommune" in page.content.decode()
    response = client.post(URL, nomination_post(offer, profile_meets="no", profile_why=""))
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response.url == f"/samarbejde/indmeldinger/{nomination.pk}/kvittering/"
    assert nomination.round == reporting_round
    assert nomination.nominated_by == hjorring
    assert nomination.submitted_by == hjorring_reporter
    assert nomination.receipt_code == "IND-2019-0001"
    assert nomination.claims["profile"] == {"meets": False, "why": ""}
    assert nomination.claims["competences"]["meets"] is True
    receipt = client.get(response.url)
    assert "IND-2019-0001" in receipt.content.decode()


def test_the_receipt_numbers_run_through_the_year(client, hjorring_reporter, aalborg_operator):
    open_round(2019)
    client.force_login(hjorring_reporter)
    client.post(URL, nomination_post(OfferFactory()))
    client.force_login(aalborg_operator)
    client.post(URL, nomination_post(OfferFactory()))
    codes = sorted(Nomination.objects.values_list("receipt_code", flat=True))
    assert codes == ["IND-2019-0001", "IND-2019-0002"]
    assert Nomination.objects.get(receipt_code="IND-2019-0002").nominated_by.code == "851"


def test_the_secretariat_chooses_who_nominates(client, secretariat, hjorring):
    open_round(2019)
    client.force_login(secretariat)
    offer = OfferFactory()
    refused = client.post(URL, nomination_post(offer))
    assert refused.status_code == 400
    assert "nominated_by" in refused.context["form"].errors
    client.post(URL, nomination_post(offer, nominated_by=hjorring.pk))
    assert Nomination.objects.get().nominated_by == hjorring


def test_no_open_round_no_form(client, hjorring_reporter):
    open_round(2018, status="closed")
    client.force_login(hjorring_reporter)
    page = client.get(URL)
    assert page.status_code == 200
    assert page.context["form"] is None
    assert "Ingen runde er åben" in page.content.decode()
    client.post(URL, nomination_post(OfferFactory()))
    assert not Nomination.objects.exists()


def _refused_by_the_service(reporting_round, offer, hjorring_reporter) -> str:
    with pytest.raises(ValidationError) as refused:
        services_nominations.nomination_submit(
            reporting_round=reporting_round,
            offer=offer,
            nominated_by=hjorring_reporter.memberships.get().unit.organisation,
            claims={code: {"meets": True, "why": "Fordi"} for code in CODES},
            user=hjorring_reporter,
        )
    return " ".join(refused.value.message_dict["offer"])


def test_an_offer_nominated_twice_in_the_round_is_refused(client, hjorring_reporter):
    reporting_round = open_round(2019)
    offer = OfferFactory(name="Kvisten")
    NominationFactory(round=reporting_round, offer=offer)
    client.force_login(hjorring_reporter)
    page = client.get(URL)
    assert offer not in page.context["form"].fields["offer"].queryset  # not offered again
    response = client.post(URL, nomination_post(offer))
    assert response.status_code == 400 and response.context["form"].errors["offer"]
    assert "allerede indmeldt" in _refused_by_the_service(reporting_round, offer, hjorring_reporter)
    assert Nomination.objects.count() == 1


def test_a_member_of_the_coming_period_is_refused(client, hjorring_reporter):
    reporting_round = open_round(2019)
    offer = OfferFactory(name="Kvisten")
    MemberFactory(period=PeriodFactory(start_year=2019), offers=[offer])
    client.force_login(hjorring_reporter)
    page = client.get(URL)
    assert offer not in page.context["form"].fields["offer"].queryset
    response = client.post(URL, nomination_post(offer))
    assert response.status_code == 400 and response.context["form"].errors["offer"]
    assert "allerede medlem" in _refused_by_the_service(reporting_round, offer, hjorring_reporter)
    assert not Nomination.objects.exists()


def test_a_criterion_met_needs_its_why(client, hjorring_reporter):
    open_round(2019)
    client.force_login(hjorring_reporter)
    response = client.post(URL, nomination_post(OfferFactory(), competences_why="  "))
    assert response.status_code == 400
    assert "Forklar" in " ".join(response.context["form"].errors["competences_why"])
    assert not Nomination.objects.exists()


def test_cpr_like_text_is_refused_and_not_echoed(client, hjorring_reporter):
    open_round(2019)
    client.force_login(hjorring_reporter)
    response = client.post(URL, nomination_post(OfferFactory(), profile_why="Borger 010190-1234"))
    assert response.status_code == 400
    assert "CPR" in " ".join(response.context["form"].errors["profile_why"])
    assert "010190-1234" not in response.content.decode()
    assert not Nomination.objects.exists()


@pytest.mark.parametrize("persona", ["das_member", "outsider"])
def test_others_may_not_nominate(client, request, persona):
    open_round(2019)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(URL).status_code == 404
    assert client.post(URL, nomination_post(OfferFactory())).status_code == 404


def test_every_criterion_is_asked(client, aalborg_reporter):
    open_round(2019)
    MunicipalityFactory()
    client.force_login(aalborg_reporter)
    form = client.get(URL).context["form"]
    for code in CODES:
        assert f"{code}_meets" in form.fields and f"{code}_why" in form.fields
    assert "nominated_by" not in form.fields
