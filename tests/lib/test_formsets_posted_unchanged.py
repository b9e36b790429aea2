"""Every page with a formset, posted back unchanged the way a browser posts it (a select
without a chosen option sends its first option): the untouched extra rows are no rows and
cause no error. The tariff form failed this with "Dette felt er påkrævet" for each extra row."""

from decimal import Decimal

import pytest
from django.test import Client

from meetings.models import Attendance, MeetingStatus
from tariffs.models import Tariff
from tariffs.services import tariff_report
from tests.factories import OfferFactory, open_round_submission
from tests.factories.meetings import das_meeting_of_21_may_2019
from tests.posted import posted


def _editable_meeting(status=MeetingStatus.PLANNED):
    """The DAS meeting of 21 May 2019 in a status in which these forms may be posted (approved
    minutes are read-only, issue 11 #4)."""
    return das_meeting_of_21_may_2019(status=status)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post_unchanged(client, url, field):
    response = client.post(url, posted(client.get(url).content.decode(), field))
    assert response.status_code == 302, response.content.decode()[-4000:]
    return response


@pytest.mark.django_db
def test_the_tariff_form(secretariat):
    offer = OfferFactory()
    tariff_report(
        offer=offer,
        year=2020,
        unit="day",
        note="",
        user=None,
        components=[("base", "", Decimal(900)), ("service", "P1", Decimal(100))],
    )
    post_unchanged(_client(secretariat), f"/takster/tilbud/{offer.pk}/2020/", "-amount")
    assert Tariff.objects.get().components.count() == 2


@pytest.mark.django_db
def test_the_attendance_form(secretariat):
    meeting = _editable_meeting()
    before = Attendance.objects.filter(meeting=meeting).count()
    post_unchanged(_client(secretariat), f"/moeder/{meeting.reference}/deltagere/", "-name")
    assert Attendance.objects.filter(meeting=meeting).count() == before


@pytest.mark.django_db
def test_the_agenda_items_recommendations(secretariat):
    meeting = _editable_meeting()
    item = meeting.items.order_by("pk").first()
    before = item.recommendations
    post_unchanged(_client(secretariat), f"/moeder/{meeting.reference}/punkter/{item.pk}/", "-verb")
    item.refresh_from_db()
    assert item.recommendations == before


@pytest.mark.django_db
def test_the_minutes_form(secretariat):
    meeting = _editable_meeting(MeetingStatus.HELD)
    post_unchanged(_client(secretariat), f"/moeder/{meeting.reference}/referat/", "-decision")


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["del-a-1", "del-a-2", "del-a-3", "del-b-1", "del-b-2"])
def test_every_questionnaire_step(aalborg_reporter, step):
    unit = aalborg_reporter.memberships.get().unit
    submission = open_round_submission(unit)
    url = f"/indberetninger/{submission.pk}/trin/{step}/"
    html = _client(aalborg_reporter).get(url).content.decode()
    response = _client(aalborg_reporter).post(url, {**posted(html, "edit_token"), "goto": "stay"})
    assert response.status_code == 302, response.content.decode()[-4000:]
    submission.refresh_from_db()
    answers = list((submission.answers or {}).values())
    parts = [*answers, *(v for a in answers if isinstance(a, dict) for v in a.values())]
    rows = [row for part in parts if isinstance(part, list) for row in part]
    assert not any(isinstance(row, dict) for row in rows)  # no extra row became an answer
