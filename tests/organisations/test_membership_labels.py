"""A membership reads as what it makes the user: "Medlem af DAS", not "Medlem af DAS/KKR DAS"
(the admin; the demo-user list of load_demo_data is tested in tests/demo; issue 11 #17)."""

import pytest

from organisations.models import Role
from tests.factories import MembershipFactory, UnitFactory, UserFactory


@pytest.mark.django_db
def test_each_role_reads_as_one_danish_phrase(aalborg):
    unit = UnitFactory(organisation=aalborg, code="851-FB", name="Aalborg FB")
    user = UserFactory(username="dorte")
    labels = [
        MembershipFactory(user=user, role=Role.BODY_MEMBER, body="DAS").label,
        MembershipFactory(user=user, role=Role.BODY_MEMBER, body="KKR").label,
        MembershipFactory(user=user, role=Role.REPORTER, unit=unit).label,
        MembershipFactory(user=user, role=Role.OPERATOR, organisation=aalborg).label,
        MembershipFactory(user=user, role=Role.SECRETARIAT).label,
    ]
    assert labels == [
        "Medlem af DAS",
        "Medlem af KKR",
        "Kommunal indberetter, Aalborg FB (851-FB)",
        "Driftsherre, Aalborg Kommune",
        "Sekretariatet",
    ]
    assert str(user.memberships.first()) == "dorte: Medlem af DAS"
