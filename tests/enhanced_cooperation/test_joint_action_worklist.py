"""Open early joint actions on the start page's work list, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enhanced_cooperation.services_joint_action import joint_action_close
from enhanced_cooperation.worklist_joint_action import count_open
from tests.factories.enhanced_cooperation import MemberFactory, joint_action, panel_user
from tests.factories.offers import OfferFactory

pytestmark = pytest.mark.django_db


def test_count_open_for_the_secretariat_and_the_own_operator(
    secretariat, aalborg, aalborg_operator, hjorring_reporter
):
    own = joint_action(MemberFactory(offers=[OfferFactory(operator=aalborg)]))
    joint_action(MemberFactory())
    closed = joint_action(MemberFactory())
    joint_action_close(action=closed, user=None)
    assert count_open(secretariat) == 2
    with CaptureQueriesContext(connection) as queries:
        assert count_open(aalborg_operator) == 1
    assert len(queries) <= 2  # the roles once, the count once
    assert count_open(hjorring_reporter) == 0
    assert count_open(panel_user()) == 0
    joint_action_close(action=own, user=None)
    assert count_open(aalborg_operator) == 0
