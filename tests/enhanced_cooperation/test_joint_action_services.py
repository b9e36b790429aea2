"""Opening, deciding and closing an early joint action through the services."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from enhanced_cooperation.models import JointAction, JointActionDecision
from enhanced_cooperation.services_joint_action import (
    joint_action_close,
    joint_action_decide,
    joint_action_open,
    joint_action_token,
)
from socialaftale.lib.edits import StaleEdit
from tests.factories.enhanced_cooperation import MemberFactory, joint_action

pytestmark = pytest.mark.django_db
MARCH = dt.date(2019, 3, 1)


def decide(action, **changes):
    values = {
        "decided_on": dt.date(2019, 5, 21),
        "decided_by": "DAS 21. maj 2019, punkt 6",
        "text": "Driftsherren og kommunerne udarbejder en handleplan.",
        "user": None,
        "today": dt.date(2019, 6, 1),
        **changes,
    }
    return joint_action_decide(action=action, **values)


def test_open_decide_and_close(secretariat):
    member = MemberFactory()
    action = joint_action_open(
        member=member, year=2019, reason="  Faldende belægning  ", user=secretariat, today=MARCH
    )
    assert (action.status, action.opened_on, action.reason) == ("open", MARCH, "Faldende belægning")
    assert action.opened_by == secretariat
    decision = decide(action, expected_token=joint_action_token(action), user=secretariat)
    assert list(action.decisions.all()) == [decision]
    assert decision.recorded_by == secretariat
    closed = joint_action_close(
        action=action,
        user=secretariat,
        expected_token=joint_action_token(action),
        today=dt.date(2019, 6, 2),
    )
    assert (closed.status, closed.closed_on) == ("closed", dt.date(2019, 6, 2))
    assert closed.history.count() == 2
    with pytest.raises(ValidationError, match="lukket"):
        decide(closed)
    with pytest.raises(ValidationError, match="lukket"):
        joint_action_close(action=closed, user=secretariat)


def test_one_open_action_per_member_and_only_in_its_years():
    member = MemberFactory()
    first = joint_action(member)
    with pytest.raises(ValidationError) as refused:
        joint_action(member)
    assert "member" in refused.value.error_dict
    with pytest.raises(ValidationError) as refused:
        joint_action(MemberFactory(), year=2022)
    assert "year" in refused.value.error_dict
    joint_action_close(action=first, user=None)
    assert joint_action(member).pk != first.pk
    assert JointAction.objects.filter(member=member).count() == 2


@pytest.mark.parametrize("reason", ["", "   ", "Borger 010190-1234 er flyttet", "x" * 5001])
def test_a_bad_reason_is_refused_naming_the_field(reason):
    with pytest.raises(ValidationError) as refused:
        joint_action(reason=reason)
    assert "begrundelse" in refused.value.error_dict["reason"][0].message
    assert JointAction.objects.count() == 0


def test_decision_dates_and_texts_are_checked():
    action = joint_action()
    cases = [
        ({"decided_on": dt.date(2019, 6, 2)}, "decided_on"),  # the future
        ({"decided_on": dt.date(2019, 2, 1)}, "decided_on"),  # before it was opened
        ({"text": ""}, "text"),
        ({"decided_by": "x" * 201}, "decided_by"),
        ({"text": "Se cpr 0101901234"}, "text"),
    ]
    for changes, field in cases:
        with pytest.raises(ValidationError) as refused:
            decide(action, **changes)
        assert field in refused.value.error_dict
    assert JointActionDecision.objects.count() == 0


def test_a_stale_decision_or_close_is_refused():
    action = joint_action()
    seen = joint_action_token(action)
    decide(action, expected_token=seen)
    with pytest.raises(StaleEdit):
        decide(action, expected_token=seen, text="En anden beslutning")
    with pytest.raises(StaleEdit):
        joint_action_close(action=action, user=None, expected_token=seen)
    with pytest.raises(StaleEdit):  # a form without a token
        joint_action_close(action=action, user=None, expected_token="")
    assert action.decisions.count() == 1
    action.refresh_from_db()
    assert action.status == "open"
