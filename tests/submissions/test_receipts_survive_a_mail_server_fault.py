"""A receipt when the mail server is down: the hand-in answers (no 500), the receipt waits in
the outbox (MailLog) and the job sweep sends it once the server is back."""

import smtplib

import pytest
from django.core import mail
from django.utils import timezone

from socialaftale.lib import jobs
from submissions.models import MailLog, SubmissionVersion
from tests.factories.submissions import complete_answers
from tests.submissions import test_round_engine
from tests.submissions.test_round_engine import handed_in

CONFIRMED = {"confirmed": "1"}  # the second POST, from the confirmation page

pytestmark = pytest.mark.django_db
open_round = test_round_engine.open_round  # the fixture


def test_a_receipt_the_mail_server_refuses_waits_in_the_outbox_and_is_sent_by_the_sweep(
    client,
    open_round,
    aalborg_reporter,
    monkeypatch,
    django_capture_on_commit_callbacks,
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("submissions.mail.send_mail", refuse)
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/indberetninger/{submission.pk}/indsend/", CONFIRMED)
    version = SubmissionVersion.objects.get()
    assert response.status_code == 302 and response.url == version.get_absolute_url()
    log = MailLog.objects.get()
    assert (log.delivery, log.attempts, mail.outbox) == ("pending", 1, [])
    assert "SMTPServerDisconnected" in log.error
    monkeypatch.undo()
    assert jobs.sweep(now=timezone.now()).other["mails"] == 1
    jobs.sweep(now=timezone.now())
    log.refresh_from_db()
    assert (log.delivery, log.attempts, log.error) == ("sent", 2, "")
    assert [m.subject for m in mail.outbox] == [log.subject]
    assert version.receipt_code in mail.outbox[0].subject


def test_a_receipt_the_mail_server_keeps_refusing_is_marked_as_not_sent(
    client,
    open_round,
    aalborg_reporter,
    monkeypatch,
    django_capture_on_commit_callbacks,
    settings,
):
    settings.MAIL_MAX_ATTEMPTS = 2
    monkeypatch.setattr("submissions.mail.send_mail", lambda *a, **k: 1 / 0)
    submission = handed_in(client, open_round, aalborg_reporter, complete_answers())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/indberetninger/{submission.pk}/indsend/", CONFIRMED)
    jobs.sweep(now=timezone.now())
    jobs.sweep(now=timezone.now())
    log = MailLog.objects.get()
    assert (log.delivery, log.attempts) == ("failed", 2)
