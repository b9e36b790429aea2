"""Every mail of the rounds tells the user who pressed the button who got it and who did not
(and why), and the board shows the stored outcome, not "sent", for each unit."""

import datetime as dt
import smtplib

import pytest
from django.contrib.messages import WARNING, get_messages
from django.utils import timezone

from organisations.models import Role
from submissions import services
from submissions.models import MailLog
from submissions.tasks import send_due_reminders
from tests.factories import MembershipFactory, MunicipalityFactory, UnitFactory, UserFactory
from tests.factories.submissions import complete_answers

pytestmark = pytest.mark.django_db
DEADLINE = dt.date(2026, 12, 18)


@pytest.fixture
def rebild(db):
    """A unit in the round with no reporter at all: nobody can be reminded."""
    return UnitFactory(organisation=MunicipalityFactory(code="840", name="Rebild Kommune"))


@pytest.fixture
def reporting_round(hjorring_reporter, rebild):
    unit = hjorring_reporter.memberships.get().unit
    reporting_round = services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Runde",
        opens_on=dt.date(2026, 11, 1),
        deadline=DEADLINE,
        units=[unit, rebild],
        reminder_days=[-3],
    )
    return services.round_open(reporting_round=reporting_round)


def flashed(response) -> list[tuple[int, str]]:
    return [(m.level, m.message) for m in get_messages(response.wsgi_request)]


def remind(client, reporting_round, code):
    return client.post(f"/indberetninger/runder/{reporting_round.pk}/paamind/", {"unit": code})


def board(client, reporting_round) -> str:
    return " ".join(client.get(reporting_round.get_absolute_url()).content.decode().split())


def test_a_reminder_to_a_unit_without_an_address_warns_and_the_board_says_not_sent(
    client, secretariat, reporting_round
):
    client.force_login(secretariat)
    response = remind(client, reporting_round, "840")
    assert flashed(response) == [
        (
            WARNING,
            "Påmindelsen er sendt til 0 af 1 modtager. Ikke "
            "sendt: Rebild Kommune (ingen indberetter med e-mailadresse)",
        )
    ]
    assert MailLog.objects.get().delivery == "no_address"
    page = board(client, reporting_round)
    assert "Påmindelse ikke sendt: ingen e-mailadresse" in page
    assert "Påmindelse sendt" not in page


def test_a_reminder_names_the_reporter_it_could_not_reach(client, secretariat, reporting_round):
    unit = reporting_round.units.get(code="860")
    MembershipFactory(
        user=UserFactory(username="anne", first_name="Anne", last_name="Hansen", email=""),
        role=Role.REPORTER,
        unit=unit,
    )
    client.force_login(secretariat)
    response = remind(client, reporting_round, "860")
    assert flashed(response) == [
        (
            WARNING,
            "Påmindelsen er sendt til 1 af 2 modtagere. Ikke "
            "sendt: Anne Hansen (ingen e-mailadresse)",
        )
    ]
    assert MailLog.objects.get().delivery == "sent"


def test_a_reminder_that_reaches_everyone_says_so(client, secretariat, reporting_round, mailoutbox):
    client.force_login(secretariat)
    response = remind(client, reporting_round, "860")
    assert [m for _level, m in flashed(response)] == ["Påmindelsen er sendt til 1 af 1 modtager."]
    assert len(mailoutbox) == 1


def test_the_board_shows_mails_waiting_in_the_outbox_and_mails_that_failed(
    client, secretariat, reporting_round, monkeypatch, settings
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("submissions.mail.send_mail", refuse)
    client.force_login(secretariat)
    response = remind(client, reporting_round, "860")
    assert flashed(response)[0][0] == WARNING
    assert "Afventer afsendelse: hjorring@example.dk" in flashed(response)[0][1]
    assert "Påmindelse afventer afsendelse" in board(client, reporting_round)
    log = MailLog.objects.get()
    log.delivery = "failed"
    log.save(update_fields=["delivery"])
    assert "Påmindelse fejlet" in board(client, reporting_round)


def test_due_reminders_sent_by_the_task_keep_who_was_not_reached_for_the_board(
    client, secretariat, reporting_round
):
    reporting_round.deadline = timezone.localdate() + dt.timedelta(days=3)
    reporting_round.save(update_fields=["deadline"])
    assert send_due_reminders.delay().get() == 2
    log = MailLog.objects.get(unit__code="840")
    assert log.delivery == "no_address"
    assert log.not_reached == [
        {"name": "Rebild Kommune", "reason": "ingen indberetter med e-mailadresse"}
    ]
    client.force_login(secretariat)
    page = board(client, reporting_round)
    assert "Påmindelse ikke sendt: ingen e-mailadresse" in page and "Påmindelse sendt" in page
    assert "Rebild Kommune (ingen indberetter med e-mailadresse)" in page  # in the e-mail log


@pytest.mark.django_db(transaction=True)  # the mail is sent on commit
def test_reopening_for_a_unit_without_an_address_warns_the_secretariat(
    client, secretariat, reporting_round, rebild
):
    submission = services.submission_for(reporting_round=reporting_round, unit=rebild)
    services.submission_save_step(
        submission=submission, step="x", answers=complete_answers(), user=None
    )
    services.submission_submit(submission=submission, user=secretariat)
    client.force_login(secretariat)
    response = client.post(
        f"/indberetninger/{submission.pk}/genaabn/", {"reason": "Fejl", "confirmed": "1"}
    )
    assert (
        WARNING,
        "Indberetningen er genåbnet. Beskeden til enheden er sendt til 0 af 1 "
        "modtager. Ikke sendt: Rebild Kommune (ingen indberetter med e-mailadresse)",
    ) in flashed(response)


@pytest.mark.django_db(transaction=True)  # the mail is sent on commit
def test_a_reporter_without_an_address_is_told_the_receipt_was_not_sent(client, reporting_round):
    unit = reporting_round.units.get(code="860")
    reporter = UserFactory(username="bo", first_name="Bo", last_name="Berg", email="")
    MembershipFactory(user=reporter, role=Role.REPORTER, unit=unit)
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    services.submission_save_step(
        submission=submission, step="x", answers=complete_answers(), user=reporter
    )
    client.force_login(reporter)
    response = client.post(f"/indberetninger/{submission.pk}/indsend/", {"confirmed": "1"})
    assert any(
        level == WARNING
        and "Kvitteringen er sendt til 1 af 2 modtagere. Ikke sendt: Bo Berg (ingen e-mailadresse)"
        in text
        for level, text in flashed(response)
    )


def test_mails_logged_as_sent_to_nobody_before_the_migration_are_marked_not_sent(
    reporting_round, rebild
):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("submissions.migrations.0003_mail_not_reached")
    old = MailLog.objects.create(
        round=reporting_round,
        unit=rebild,
        kind="manual",
        subject="Påmindelse",
        delivery="sent",
        recipients="(ingen modtagere med en e-mailadresse)",
    )
    sent = MailLog.objects.create(
        round=reporting_round,
        unit=rebild,
        kind="receipt",
        subject="Kvittering",
        delivery="sent",
        recipients="a@b.dk",
    )
    migration.mark_mails_that_reached_nobody(apps, None)
    old.refresh_from_db()
    sent.refresh_from_db()
    assert (old.delivery, sent.delivery) == ("no_address", "sent")
    assert old.not_reached == [
        {"name": "Rebild Kommune", "reason": "ingen indberetter med e-mailadresse"}
    ]
