"""The meetings the meeting tests start from, built with factories."""

import datetime as dt

import pytest

from meetings import services
from meetings.models import BodyMember, MeetingStatus
from tests.factories import UserFactory
from tests.factories.meetings import das_meeting_of_21_may_2019
from tests.meetings.support import new_meeting


@pytest.fixture
def das_meeting(db):
    """The DAS meeting of 21 May 2019: minutes approved, 15 items, 3 attachments."""
    return das_meeting_of_21_may_2019()


@pytest.fixture
def das_draft(db):
    """The same DAS meeting as a draft agenda (approved minutes freeze a meeting)."""
    return das_meeting_of_21_may_2019(status=MeetingStatus.PLANNED)


@pytest.fixture
def empty_meeting(db):
    """A planned DAS meeting with no items yet."""
    return new_meeting("DAS", dt.date(2019, 9, 10))


@pytest.fixture
def planned(empty_meeting):
    """A planned DAS meeting with one item for decision."""
    services.item_create(meeting=empty_meeting, section="decision", title="Budget 2020")
    return empty_meeting


@pytest.fixture
def kkr_meeting(das_meeting):
    """A planned KKR meeting after the DAS meeting: where its items go on to."""
    return new_meeting("KKR", dt.date(2019, 6, 13))


@pytest.fixture
def cancelled(das_member):
    """The DAS meeting of 21 May 2019, cancelled. Anne and Bent have users with an e-mail address,
    Camilla has no user, Dorte's user has no e-mail address."""
    meeting = das_meeting_of_21_may_2019(status=MeetingStatus.CANCELLED)
    members = {m.name: m for m in meeting.body.members.all()}
    members["Anne Formand"].user = das_member
    members["Anne Formand"].save()
    members["Bent Direktør"].user = UserFactory(username="bent", email="bent@hjoerring.dk")
    members["Bent Direktør"].save()
    BodyMember.objects.create(
        body=meeting.body,
        name="Dorte Direktør",
        organisation="Thisted Kommune",
        user=UserFactory(username="dorte", email=""),
    )
    return meeting
