"""The expert panel assesses a nomination per criterion; the secretariat admits it (a member
of a period after the round's year, the panel's justifications as its criteria) or rejects
it. Two people assessing at once never overwrite each other."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from enhanced_cooperation import services_nominations as services
from enhanced_cooperation.models import Member, NominationStatus
from tests.factories.enhanced_cooperation import NominationFactory, PeriodFactory, panel_user
from tests.factories.offers import OfferFactory

from .nomination_data import CODES, assessment_post, open_round

pytestmark = pytest.mark.django_db


@pytest.fixture
def nomination(hjorring):
    return NominationFactory(
        round=open_round(2019), offer=OfferFactory(name="Kvisten"), nominated_by=hjorring
    )


def _assess(client, nomination, **changes):
    url = f"/samarbejde/indmeldinger/{nomination.pk}/vurdering/"
    token = client.get(url).context["form"]["edit_token"].value()
    return client.post(url, assessment_post(edit_token=token, **changes))


def test_the_panel_assesses_each_criterion(client, nomination):
    client.force_login(panel_user())
    response = _assess(client, nomination, only_offer_met="not_met")
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.ASSESSED
    assert nomination.assessed_at is not None
    assert nomination.assessment["only_offer"] == {
        "met": False,
        "text": "Panelets vurdering af only_offer",
    }
    assert all(nomination.assessment[code]["text"] for code in CODES)


def test_a_justification_is_required(client, nomination):
    client.force_login(panel_user())
    response = _assess(client, nomination, profile_text="")
    assert response.status_code == 400
    assert "profile_text" in response.context["form"].errors
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SUBMITTED


def test_a_stale_assessment_is_refused(client, nomination):
    first, second = panel_user(), panel_user()
    client.force_login(first)
    url = f"/samarbejde/indmeldinger/{nomination.pk}/vurdering/"
    token = client.get(url).context["form"]["edit_token"].value()
    services.nomination_assess(
        nomination=nomination,
        assessment=services.check_assessment(
            {code: {"met": True, "text": "Den andens vurdering"} for code in CODES}
        ),
        user=second,
    )
    response = client.post(url, assessment_post(edit_token=token))
    assert response.status_code == 409
    nomination.refresh_from_db()
    assert nomination.assessment["profile"]["text"] == "Den andens vurdering"


def test_the_secretariat_admits_the_offer_as_a_member(client, secretariat, nomination):
    PeriodFactory(start_year=2019)
    coming = PeriodFactory(start_year=2021)
    client.force_login(panel_user())
    _assess(client, nomination)
    client.force_login(secretariat)
    url = f"/samarbejde/indmeldinger/{nomination.pk}/afgoerelse/"
    form = client.get(url).context["form"]
    assert list(form.fields["period"].queryset) == [coming]
    response = client.post(
        url,
        {
            "outcome": "admit",
            "period": coming.pk,
            "name": "Specialbørnehjemmet Kvisten",
            "decided_by": "DAS",
            "meeting": "DAS 21. maj 2019, punkt 6",
            "decided_on": "21.05.2019",
            "decision": "Tilbuddet optages fra 2021.",
            "edit_token": form["edit_token"].value(),
        },
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    member = Member.objects.get(period=coming)
    assert nomination.status == NominationStatus.ADMITTED
    assert nomination.member == member
    assert nomination.decided_on == dt.date(2019, 5, 21)
    assert member.name == "Specialbørnehjemmet Kvisten"
    assert list(member.offers.all()) == [nomination.offer]
    assert member.criterion_profile == "Panelets vurdering af profile"
    assert member.decided_by == "DAS" and member.decision_meeting.startswith("DAS 21")


def test_the_secretariat_rejects(secretariat, nomination):
    done = services.nomination_decide(
        nomination=nomination,
        admit=False,
        decision="Målgruppen er ikke lille nok.",
        decided_on=dt.date(2019, 5, 21),
        user=secretariat,
    )
    assert done.status == NominationStatus.REJECTED
    assert not Member.objects.exists()
    with pytest.raises(ValidationError):
        services.nomination_assess(
            nomination=nomination,
            assessment={code: {"met": True, "text": "x"} for code in CODES},
            user=secretariat,
        )


def test_admitting_needs_the_assessment_first(secretariat, nomination):
    with pytest.raises(ValidationError):
        services.nomination_decide(
            nomination=nomination,
            admit=True,
            decision="Optages",
            decided_on=dt.date(2019, 5, 21),
            user=secretariat,
            period=PeriodFactory(start_year=2021),
            name="Kvisten",
            decided_by="DAS",
            meeting="",
        )
    assert not Member.objects.exists()


def test_the_panel_does_not_decide(client, nomination):
    client.force_login(panel_user())
    url = f"/samarbejde/indmeldinger/{nomination.pk}/afgoerelse/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"outcome": "reject"}).status_code == 404
