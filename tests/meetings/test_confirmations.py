"""Irreversible steps ask first: the status buttons and "Fjern" on an attachment answer with a
confirmation page, and only its button does the step (no JavaScript needed). A meeting can be
marked as held from its start time only."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from meetings import services
from meetings.models import Body, Meeting, MeetingStatus
from tests.factories.meetings import bodies


def meeting_on(date: dt.date, status=MeetingStatus.PLANNED, starts=dt.time(13)) -> Meeting:
    bodies()
    meeting = Meeting.objects.create(
        body=Body.objects.get(code="das"),
        date=date,
        starts_at=starts,
        ends_at=dt.time(23, 59),
        venue="Rum 2",
    )
    services.item_create(meeting=meeting, section="decision", title="Budget 2020")
    Meeting.objects.filter(pk=meeting.pk).update(status=status)
    meeting.refresh_from_db()
    return meeting


def url(meeting: Meeting, path: str = "") -> str:
    return f"/moeder/{meeting.reference}/{path}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "action", "question"),
    [
        (MeetingStatus.PLANNED, "publish", "Udsend dagsordenen?"),
        (MeetingStatus.AGENDA_PUBLISHED, "hold", "Marker som afholdt?"),
        (MeetingStatus.HELD, "approve", "Godkend referatet?"),
        (MeetingStatus.PLANNED, "cancel", "Aflys mødet?"),
        (MeetingStatus.MINUTES_APPROVED, "reopen", "Genåbn referatet?"),
    ],
)
def test_a_status_button_asks_first_and_changes_nothing_until_confirmed(
    client, secretariat, status, action, question
):
    meeting = meeting_on(dt.date(2019, 9, 10), status)
    client.force_login(secretariat)
    page = client.post(url(meeting, "status/"), {"action": action})
    html = page.content.decode()
    assert page.status_code == 200 and question in html
    assert 'name="confirmed" value="1"' in html and f'value="{action}"' in html
    meeting.refresh_from_db()
    assert meeting.status == status


@pytest.mark.django_db
def test_the_confirmation_says_what_publishing_does(client, secretariat):
    meeting = meeting_on(dt.date(2019, 9, 10))
    client.force_login(secretariat)
    html = client.post(url(meeting, "status/"), {"action": "publish"}).content.decode()
    assert "medlemmerne får en e-mail" in html
    assert "Nej, tilbage til mødet" in html


@pytest.mark.django_db
def test_a_meeting_cannot_be_marked_as_held_before_it_starts(client, secretariat):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    meeting = meeting_on(tomorrow, MeetingStatus.AGENDA_PUBLISHED, starts=dt.time(10))
    with pytest.raises(ValidationError) as refused:
        services.meeting_transition(meeting=meeting, action="hold", user=secretariat)
    assert refused.value.messages == [
        f"Mødet begynder den {tomorrow.day}. {_month(tomorrow)} {tomorrow.year} kl. 10.00; "
        "det kan markeres som afholdt fra da."
    ]
    client.force_login(secretariat)
    page = client.get(url(meeting)).content.decode()
    assert 'value="hold"' not in page  # no button before the start
    response = client.post(
        url(meeting, "status/"), {"action": "hold", "confirmed": "1"}, follow=True
    )
    assert "det kan markeres som afholdt fra da" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_PUBLISHED


def _month(day: dt.date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "F")


@pytest.mark.django_db
def test_a_meeting_is_marked_as_held_from_its_start_time(secretariat):
    now = timezone.localtime()
    started = meeting_on(now.date(), MeetingStatus.AGENDA_PUBLISHED, starts=dt.time(0, 0))
    assert "hold" in services.available_actions(started)
    services.meeting_transition(meeting=started, action="hold", user=secretariat)
    started.refresh_from_db()
    assert started.status == MeetingStatus.HELD
    start = services.meeting_starts(started)
    just_before = start - dt.timedelta(minutes=1)
    assert "hold" not in services.available_actions(
        Meeting(
            status=MeetingStatus.AGENDA_PUBLISHED, date=started.date, starts_at=started.starts_at
        ),
        now=just_before,
    )
