"""An operator's start page names the open rounds its offers have not handed in to (the tariff
round, the enhanced cooperation's), so a new operator finds the round; a handed-in round
drops off, and other operators and reporters are not counted."""

from django.urls import reverse

from organisations.models import Role
from submissions import worklist
from submissions.models import SubmissionStatus
from tests.factories import MembershipFactory, UserFactory
from tests.submissions.tariff_round_data import build

LABEL = "Åbne runder, jeres tilbud ikke har afleveret i"


def test_the_operator_sees_the_open_round_until_it_is_handed_in(
    client, aalborg, hjorring, aalborg_operator
):
    world = build(aalborg, hjorring)
    assert worklist.count_operator_rounds(aalborg_operator) == 1
    client.force_login(aalborg_operator)
    page = client.get(reverse("home")).content.decode()
    assert LABEL in page
    world.submission.status = SubmissionStatus.SUBMITTED
    world.submission.save(update_fields=["status"])
    assert worklist.count_operator_rounds(aalborg_operator) == 0


def test_another_operator_and_a_reporter_count_nothing(aalborg, hjorring, aalborg_reporter):
    build(aalborg, hjorring)
    other = UserFactory(username="hjorring-drift")
    MembershipFactory(user=other, role=Role.OPERATOR, organisation=hjorring)
    assert worklist.count_operator_rounds(other) == 0
    assert worklist.count_operator_rounds(aalborg_reporter) == 0
