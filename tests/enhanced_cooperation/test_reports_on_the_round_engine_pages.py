"""The annual reports on the round engine's own pages: the operator reaches its submission
from the round page, hand-in asks first, the version page and the receipt PDF show what the
reports said, and the operator may fetch its own receipt."""

import pytest

from documents import registry
from enhanced_cooperation.reports import report_key
from submissions import services as rounds
from tests.factories.enhanced_cooperation import (
    MemberFactory,
    complete_report,
    open_year_round,
    operator_user,
)
from tests.factories.organisations import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def handing_in(client):
    member = MemberFactory(period__start_year=2027, name="Kvisten")
    operator = operator_user(member)
    reporting_round = open_year_round(2027)
    submission = rounds.submission_for(
        reporting_round=reporting_round, unit=reporting_round.units.get()
    )
    client.force_login(operator)
    return member, operator, submission


def test_the_operator_reaches_its_submission_from_the_round_page(client, handing_in):
    _member, _operator, submission = handing_in
    response = client.get(f"/indberetninger/runder/{submission.round.pk}/")
    assert response.status_code == 302
    assert (
        response.url
        == f"/indberetninger/runder/{submission.round.pk}/enhed/{submission.unit.code}/"
    )


def test_hand_in_asks_first_and_the_version_shows_the_report(client, handing_in):
    member, operator, submission = handing_in
    rounds.submission_save_part(
        submission=submission,
        key=report_key(member.pk),
        value=complete_report(occupancy_pct="96.5", demand="falling", demand_text="Færre børn"),
        user=operator,
    )
    asked = client.post(f"/indberetninger/{submission.pk}/indsend/")
    assert asked.status_code == 200 and "Ja, indsend" in asked.content.decode()
    submission.refresh_from_db()
    assert submission.status == "draft"
    done = client.post(f"/indberetninger/{submission.pk}/indsend/", {"confirmed": "1"})
    assert done.status_code == 302
    page = client.get(done.url).content.decode()
    assert "Kvisten" in page and "96,5 %" in page and "Faldende – Færre børn" in page
    version = submission.versions.get()
    kind = registry.get("submissions.receipt")
    assert kind.can_view(operator, {"version": version.pk})
    stranger = UserFactory()
    MembershipFactory(user=stranger, role="reporter", unit=UnitFactory())
    assert not kind.can_view(stranger, {"version": version.pk})
