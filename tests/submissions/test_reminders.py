"""Scheduled reminders go out once per step and unit, only to units that have not handed in."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from submissions import services
from submissions.models import MailLog
from submissions.tasks import send_due_reminders
from tests.factories.submissions import complete_answers

DEADLINE = dt.date(2026, 12, 18)


@pytest.fixture
def reporting_round(aalborg_reporter, hjorring_reporter):
    units = [m.unit for u in (aalborg_reporter, hjorring_reporter) for m in u.memberships.all()]
    reporting_round = services.round_create(
        kind="demand_capacity",
        year=2027,
        title="Runde",
        opens_on=dt.date(2026, 11, 1),
        deadline=DEADLINE,
        units=units,
        reminder_days=[-14, -3, 1],
    )
    return services.round_open(reporting_round=reporting_round)


def test_the_due_step_is_the_latest_whose_day_has_come(db, reporting_round):
    assert services.due_step(reporting_round, DEADLINE - dt.timedelta(days=15)) is None
    assert services.due_step(reporting_round, DEADLINE - dt.timedelta(days=14)) == -14
    assert services.due_step(reporting_round, DEADLINE - dt.timedelta(days=2)) == -3
    assert services.due_step(reporting_round, DEADLINE + dt.timedelta(days=5)) == 1


@pytest.mark.django_db
def test_a_step_is_sent_once_per_unit_however_often_the_job_runs(reporting_round):
    day = DEADLINE - dt.timedelta(days=3)
    first = services.reminders_send_due(reporting_round=reporting_round, today=day)
    again = services.reminders_send_due(reporting_round=reporting_round, today=day)
    assert (len(first), len(again)) == (2, 0)
    assert len(mail.outbox) == 2
    assert set(MailLog.objects.values_list("step", flat=True)) == {-3}
    later = services.reminders_send_due(
        reporting_round=reporting_round, today=DEADLINE + dt.timedelta(days=1)
    )
    assert len(later) == 2 and len(mail.outbox) == 4


@pytest.mark.django_db
def test_units_that_have_handed_in_get_no_reminder(reporting_round, aalborg_reporter):
    unit = aalborg_reporter.memberships.get().unit
    submission = services.submission_for(reporting_round=reporting_round, unit=unit)
    services.submission_save_step(
        submission=submission, step="x", answers=complete_answers(), user=None
    )
    services.submission_submit(submission=submission, user=aalborg_reporter)
    sent = services.reminders_send_due(reporting_round=reporting_round, today=DEADLINE)
    assert [log.unit.code for log in sent] == ["860"]


@pytest.mark.django_db
def test_a_manual_reminder_is_logged_and_does_not_use_up_the_scheduled_step(
    client, secretariat, reporting_round
):
    client.force_login(secretariat)
    client.post(f"/indberetninger/runder/{reporting_round.pk}/paamind/", {"unit": "860"})
    assert MailLog.objects.get().kind == "manual"
    sent = services.reminders_send_due(reporting_round=reporting_round, today=DEADLINE)
    assert len(sent) == 2


@pytest.mark.django_db
def test_a_closed_round_sends_nothing_and_the_daily_task_counts_what_it_sent(reporting_round):
    services.round_close(reporting_round=reporting_round)
    assert services.reminders_send_due(reporting_round=reporting_round, today=DEADLINE) == []
    services.round_open(reporting_round=reporting_round)
    reporting_round.deadline = timezone.localdate()
    reporting_round.save(update_fields=["deadline"])
    assert send_due_reminders.delay().get() == 2
    assert send_due_reminders.delay().get() == 0


@pytest.mark.django_db
def test_a_reminder_names_the_round_and_links_to_the_units_submission(reporting_round):
    services.reminders_send_due(reporting_round=reporting_round, today=DEADLINE)
    message = next(m for m in mail.outbox if "hjorring@example.dk" in m.to)
    assert "Runde" in message.subject
    assert f"/indberetninger/runder/{reporting_round.pk}/enhed/860/" in message.body
