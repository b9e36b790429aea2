"""A membership reads as what it makes the user: "Medlem af DAS", not "Medlem af DAS/KKR DAS"
(the demo-user list of load_demo_data and make run, the admin; issue 11 #17)."""

import io

import pytest
from django.core.management import call_command

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


@pytest.mark.django_db
def test_the_demo_user_list_names_each_body_once():
    out = io.StringIO()
    call_command("load_demo_data", stdout=out)
    lines = {
        line.split()[0]: line.split(None, 1)[1]
        for line in out.getvalue().splitlines()
        if line.startswith("  ")
    }
    assert lines["das-medlem"] == "Medlem af DAS"
    assert lines["kkr-medlem"] == "Medlem af KKR"
    assert lines["hjorring"].startswith("Kommunal indberetter, ")
    assert "DAS/KKR" not in out.getvalue()
