"""The e-mails to a body's members say who they reached: the secretariat's message after the
step, and the meeting page later (from what the send stored, also when a worker sent it)."""

import smtplib

import pytest
from django.contrib.messages import SUCCESS, WARNING, get_messages
from django.utils import timezone

from meetings.mailing import mailing_deliver
from meetings.models import BodyMember, Mailing
from socialaftale.lib import jobs
from tests.factories import UserFactory
from tests.meetings.support import post_status

NOT_REACHED = (
    "Ikke sendt: Bo Bruger (ingen brugerkonto i portalen), Carl Chef (brugeren har ingen "
    "e-mailadresse), Dorte Direktør (brugerkontoen er deaktiveret)"
)


@pytest.fixture
def four_members(planned):
    """Anne can be reached; Bo has no user, Carl's user no address, Dorte's user is inactive."""
    body = planned.body
    for name, user in [
        ("Anne Hansen", UserFactory(username="anne", email="anne@thisted.dk")),
        ("Bo Bruger", None),
        ("Carl Chef", UserFactory(username="carl", email="")),
        ("Dorte Direktør", UserFactory(username="dorte", email="d@x.dk", is_active=False)),
    ]:
        BodyMember.objects.create(body=body, user=user, name=name, organisation="Kommune")
    return planned


def flashed(response) -> list[tuple[int, str]]:
    return [(m.level, m.message) for m in get_messages(response.wsgi_request)]


def page(client, meeting) -> str:
    return " ".join(client.get(meeting.get_absolute_url()).content.decode().split())


@pytest.mark.django_db
def test_publishing_to_four_members_of_whom_three_have_no_address_warns_and_the_page_keeps_it(
    client, secretariat, four_members, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):  # the worker runs after the request
        response = client.post(
            f"/moeder/{four_members.reference}/status/", {"action": "publish", "confirmed": "1"}
        )
        assert flashed(response) == [
            (
                WARNING,
                "Mødet har nu status »Dagsorden udsendt«. Meddelelsen om dagsordenen er sendt "
                "til 0 af 4 modtagere. Afventer afsendelse: Anne Hansen. " + NOT_REACHED,
            )
        ]
    assert [m.to for m in mailoutbox] == [["anne@thisted.dk"]]
    shown = page(client, four_members)
    assert "Meddelelsen om dagsordenen er sendt til 1 af 4 modtagere. " + NOT_REACHED in shown


@pytest.mark.django_db
def test_a_notice_the_mail_server_refuses_waits_and_the_sweep_sends_it(
    client, secretariat, four_members, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", refuse)
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, four_members, "publish")
    mailing = Mailing.objects.get()
    assert (mailing.pending, mailing.attempts, mailoutbox) == (True, 1, [])
    assert "Afventer afsendelse: Anne Hansen" in page(client, four_members)
    monkeypatch.undo()
    later = timezone.now() + timezone.timedelta(minutes=2)
    assert jobs.sweep(now=later).other["meeting-mails"] == 1
    assert [m.to for m in mailoutbox] == [["anne@thisted.dk"]]
    assert mailing_deliver(mailing.pk).reached == ["Anne Hansen"]  # nothing is sent twice
    assert len(mailoutbox) == 1


@pytest.mark.django_db(transaction=True)  # the e-mail is sent on commit, within the request
def test_the_information_email_reports_who_it_reached(client, secretariat, cancelled):
    client.force_login(secretariat)
    response = client.post(f"/moeder/{cancelled.reference}/orientering/")
    assert flashed(response) == [
        (
            WARNING,
            "Orienteringen er sendt til 2 af 4 modtagere. Ikke sendt: Camilla Chef (ingen "
            "brugerkonto i portalen), Dorte Direktør (brugeren har ingen e-mailadresse)",
        )
    ]


@pytest.mark.django_db(transaction=True)
def test_a_notice_that_reaches_every_member_is_a_success(client, secretariat, planned, das_member):
    BodyMember.objects.create(body=planned.body, user=das_member, name="Dorte", organisation="X")
    planned.status = "held"
    planned.save()
    client.force_login(secretariat)
    response = client.post(
        f"/moeder/{planned.reference}/status/", {"action": "approve", "confirmed": "1"}
    )
    assert (
        SUCCESS,
        "Mødet har nu status »Referat godkendt«. Meddelelsen om referatet er sendt til 1 af 1 "
        "modtager.",
    ) in flashed(response)


@pytest.mark.django_db(transaction=True)
def test_a_change_after_the_agenda_went_out_says_whom_the_members_notice_reached(
    client, secretariat, four_members
):
    four_members.status = "agenda_published"
    four_members.save(update_fields=["status"])
    client.force_login(secretariat)
    response = client.post(
        f"/moeder/{four_members.reference}/punkter/ny/",
        {"section": four_members.items.first().section, "title": "Nyt punkt"},
    )
    assert (
        WARNING,
        f"Meddelelsen om den ændrede dagsorden er sendt til 1 af 4 modtagere. {NOT_REACHED}",
    ) in flashed(response)
    assert Mailing.objects.filter(meeting=four_members, kind="change").count() == 1
