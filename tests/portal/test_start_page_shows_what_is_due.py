"""What each role finds under "What needs doing" on the start page, with its links."""

import dataclasses
import datetime as dt

from django.utils import timezone

from meetings.models import MeetingStatus
from organisations.models import OrganisationUnit
from socialaftale.lib import worklist
from tests.factories import CapacityFactory, OfferFactory, SubmissionFactory
from tests.factories.meetings import MailingFactory, MeetingFactory, body
from tests.factories.submissions import ReportingRoundFactory
from tests.factories.worklist import FAILED, work_items


def _home(client, user) -> str:
    client.force_login(user)
    return client.get("/").content.decode()


def test_the_secretariat_sees_each_item_with_its_count_and_link(client, secretariat):
    work_items(2)
    page = _home(client, secretariat)
    assert 'id="work-heading"' in page
    assert '<a href="/indberetninger/">Indberetninger, der venter på godkendelse: ' in page
    assert "<strong>2</strong>" in page
    assert 'href="/tilbud/?gennemsyn=ja">Tilbud, hvis pladser skal gennemses: ' in page
    assert 'href="/moeder/?kommende=30&amp;status=planned">' in page
    assert 'href="/moeder/?post=ikke-naaet">' in page
    assert "Der er intet, der venter lige nu." not in page


def test_the_secretariat_sees_at_a_glance_that_nothing_is_due(client, secretariat):
    page = _home(client, secretariat)
    assert "Der er intet, der venter lige nu." in page
    assert "Intet venter" in page
    assert "Indberetninger, der venter på godkendelse: 0" in page


def test_counts_are_written_the_danish_way(client, secretariat, monkeypatch):
    item = next(i for i in worklist.items() if i.code == "submissions.awaiting_approval")
    big = dataclasses.replace(item, count=lambda user: 1234)
    monkeypatch.setitem(worklist._ITEMS, item.code, big)
    assert "<strong>1.234</strong>" in _home(client, secretariat)


def test_a_reporter_sees_their_unit_late_in_an_open_round_and_nothing_else(
    client, aalborg_reporter, hjorring_reporter
):
    today = timezone.localdate()
    late = ReportingRoundFactory(
        status="open", opens_on=today - dt.timedelta(days=9), deadline=today - dt.timedelta(1)
    )
    late.units.set(OrganisationUnit.objects.all())  # both reporters' units
    SubmissionFactory(round=late, unit=OrganisationUnit.objects.get(code="860"), status="accepted")
    work_items(2)
    page = _home(client, aalborg_reporter)
    assert "Enheder over fristen i åbne runder: <strong>1</strong>" in page
    assert "godkendelse" not in page and "Intet venter" not in page
    assert 'id="work-heading"' not in _home(client, hjorring_reporter)  # handed in: nothing due


def test_an_operator_sees_their_own_offers_whose_places_need_review(
    client, aalborg, aalborg_operator
):
    CapacityFactory(offer=OfferFactory(operator=aalborg), needs_review=True)
    CapacityFactory(offer=OfferFactory(), needs_review=True)  # another operator's
    page = _home(client, aalborg_operator)
    assert "Tilbud, hvis pladser skal gennemses: <strong>1</strong>" in page
    assert 'id="operator-heading"' in page  # the operator's card is still there


def test_a_member_sees_their_published_meetings_coming_up(client, das_member):
    today = timezone.localdate()
    das = body("DAS")
    MeetingFactory(body=das, date=today + dt.timedelta(days=3), status="agenda_published")
    MeetingFactory(body=das, date=today + dt.timedelta(days=5))  # planned: not theirs yet
    MeetingFactory(body=body("KKR"), date=today + dt.timedelta(days=4), status="agenda_published")
    page = _home(client, das_member)
    assert 'href="/moeder/?kommende=30">Møder de næste 30 dage: <strong>1</strong>' in page
    assert "dagsordenen ikke er udsendt" not in page
    assert 'id="member-heading"' in page


def test_someone_with_no_role_gets_no_work_list(client, outsider):
    work_items(2)
    assert 'id="work-heading"' not in _home(client, outsider)


def test_the_meeting_list_filters_to_what_the_start_page_counts(client, secretariat):
    today = timezone.localdate()
    soon = MeetingFactory(date=today + dt.timedelta(days=2))
    MeetingFactory(date=today + dt.timedelta(days=40))
    MeetingFactory(date=today + dt.timedelta(days=3), status=MeetingStatus.CANCELLED)
    MeetingFactory(date=today - dt.timedelta(days=3))
    MailingFactory(meeting=soon, deliveries=FAILED)
    MailingFactory(meeting=MeetingFactory(date=today - dt.timedelta(days=9)))  # reached one
    client.force_login(secretariat)
    upcoming = client.get("/moeder/?kommende=30").context["table"].data
    assert [m.pk for m in upcoming] == [soon.pk]
    problems = client.get("/moeder/?post=ikke-naaet").context["table"].data
    assert [m.pk for m in problems] == [soon.pk]


def test_members_are_not_offered_the_e_mail_filter(client, das_member):
    client.force_login(das_member)
    form = client.get("/moeder/").context["filter"].form
    assert "post" not in form.fields and "kommende" in form.fields
