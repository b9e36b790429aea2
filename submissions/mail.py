"""E-mails of the round engine: receipts, reminders, reopening. Every one is logged, and the
log is the outbox: a mail the server refused is sent again by the job sweep."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from organisations.models import Membership, Role
from socialaftale.lib.site import site_url

from .models import MailDelivery, MailKind, MailLog, Submission, SubmissionVersion

logger = logging.getLogger(__name__)


def unit_recipients(unit) -> list[str]:
    """The unit's reporters with an e-mail address."""
    memberships = Membership.objects.filter(role=Role.REPORTER, unit=unit).select_related("user")
    return sorted({m.user.email for m in memberships if m.user.email and m.user.is_active})


def _send(*, reporting_round, unit, kind, step, subject, template, context) -> MailLog:
    recipients = unit_recipients(unit)
    log = MailLog.objects.create(
        round=reporting_round, unit=unit, kind=kind, step=step, subject=subject[:300],
        recipients=", ".join(recipients) or _("(no recipients with an e-mail address)"),
    )  # fmt: skip
    if recipients:
        log.body = render_to_string(
            template, {**context, "round": reporting_round, "unit": unit, "site": site_url()}
        )
        log.save(update_fields=["body"])
        deliver(log)
    return log


def deliver(log: MailLog) -> bool:
    """Send the logged mail. A mail server that is down or refuses is logged, not raised: the
    mail waits in the outbox and the job sweep sends it again (retry_pending)."""
    log.attempts += 1
    try:
        send_mail(log.subject, log.body, settings.DEFAULT_FROM_EMAIL, log.recipients.split(", "))
    except Exception as exc:  # smtplib.SMTPException, a refused or timed-out socket, ...
        logger.warning(
            "Mail %s (%s) not sent, attempt %s", log.pk, log.kind, log.attempts, exc_info=True
        )
        gave_up = log.attempts >= getattr(settings, "MAIL_MAX_ATTEMPTS", 5)
        log.delivery = MailDelivery.FAILED if gave_up else MailDelivery.PENDING
        log.error = f"{type(exc).__name__}: {exc}"[:2000]
        log.save(update_fields=["delivery", "attempts", "error"])
        return False
    log.delivery, log.error = MailDelivery.SENT, ""
    log.save(update_fields=["delivery", "attempts", "error"])
    return True


def retry_pending(now) -> int:
    """The outbox drain, run by the job sweep: every mail waiting to be sent again."""
    with translation.override(settings.LANGUAGE_CODE):
        pending = MailLog.objects.filter(delivery=MailDelivery.PENDING, sent_at__lte=now)
        return sum(deliver(log) for log in pending.order_by("pk")[:100])


def send_reminder(reporting_round, unit, *, kind: str, step: int | None) -> MailLog:
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reminder: %(title)s – deadline %(deadline)s") % {
            "title": reporting_round.title,
            "deadline": reporting_round.deadline.strftime("%d.%m.%Y"),
        }
        return _send(
            reporting_round=reporting_round,
            unit=unit,
            kind=kind,
            step=step,
            subject=subject,
            template="submissions/mail/reminder.txt",
            context={},
        )


def send_receipt(version_id: int) -> MailLog:
    version = SubmissionVersion.objects.select_related(
        "submission__round", "submission__unit", "submitted_by"
    ).get(pk=version_id)
    submission = version.submission
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Receipt %(code)s: %(title)s") % {
            "code": version.receipt_code,
            "title": submission.round.title,
        }
        return _send(
            reporting_round=submission.round,
            unit=submission.unit,
            kind=MailKind.RECEIPT,
            step=None,
            subject=subject,
            template="submissions/mail/receipt.txt",
            context={"version": version},
        )


def send_reopened(submission_id: int) -> MailLog:
    submission = Submission.objects.select_related("round", "unit").get(pk=submission_id)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Reopened: %(title)s") % {"title": submission.round.title}
        return _send(
            reporting_round=submission.round,
            unit=submission.unit,
            kind=MailKind.REOPENED,
            step=None,
            subject=subject,
            template="submissions/mail/reopened.txt",
            context={"submission": submission},
        )
