"""E-mails of the round engine: receipts, reminders, reopening. Every one is logged, and the
log is the outbox: a mail the server refused is sent again by the job sweep."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from organisations.models import Membership, OrganisationUnit, Role
from socialaftale.lib.delivery import DeliveryReport, NotReached
from socialaftale.lib.site import site_url

from . import kinds
from .models import MailDelivery, MailKind, MailLog, RoundStatus, Submission, SubmissionVersion

logger = logging.getLogger(__name__)


def _role_members(unit, *, operators: bool):
    if operators:
        return Membership.objects.filter(role=Role.OPERATOR, organisation_id=unit.organisation_id)
    return Membership.objects.filter(role=Role.REPORTER, unit=unit)


def unit_recipients(unit, *, operators: bool = False) -> tuple[list[str], list[NotReached]]:
    """The addresses of the unit's active reporters (each once), and who of the unit cannot be
    reached and why: a reporter without an address or with an inactive account, or the unit
    itself when it has no reporter with an address. With `operators`, the operators of the
    unit's organisation instead (a kind handed in by operators)."""
    memberships = _role_members(unit, operators=operators).select_related("user")
    users = sorted({m.user for m in memberships}, key=lambda u: (u.get_full_name(), u.pk))
    emails, not_reached = set(), []
    for user in users:
        name = user.get_full_name() or user.username
        if not user.is_active:
            not_reached.append(NotReached(name, _("the user account is inactive")))
        elif not user.email:
            not_reached.append(NotReached(name, _("no e-mail address")))
        else:
            emails.add(user.email)
    if not emails and not users:
        nobody = _("no operator with an e-mail address") if operators else None
        not_reached.append(NotReached(unit.name, nobody or _("no reporter with an e-mail address")))
    return sorted(emails), not_reached


def _send(
    *, reporting_round, unit, kind, step, subject, template, context, operators=None
) -> MailLog:
    if operators is None:
        operators = kinds.handed_in_by_operator(reporting_round.kind)
    emails, not_reached = unit_recipients(unit, operators=operators)
    log = MailLog.objects.create(
        round=reporting_round,
        unit=unit,
        kind=kind,
        step=step,
        subject=subject[:300],
        recipients=", ".join(emails) or _("(no recipients with an e-mail address)"),
        not_reached=[n.as_dict() for n in not_reached],
        delivery=MailDelivery.SENT if emails else MailDelivery.NO_ADDRESS,
    )
    if emails:
        log.body = render_to_string(
            template, {**context, "round": reporting_round, "unit": unit, "site": site_url()}
        )
        log.save(update_fields=["body"])
        deliver(log)
    return log


def report(log: MailLog) -> DeliveryReport:
    """What the logged mail achieved, read back from the log."""
    emails = log.recipients.split(", ") if log.delivery != MailDelivery.NO_ADDRESS else []
    result = DeliveryReport(not_reached=[NotReached(**n) for n in log.not_reached])
    if log.delivery == MailDelivery.SENT:
        result.reached = emails
    elif log.delivery == MailDelivery.PENDING:
        result.waiting = emails
    elif log.delivery == MailDelivery.FAILED:
        refused = _("the mail server refused it")
        result.not_reached = [NotReached(e, refused) for e in emails] + result.not_reached
    return result


def latest_report(submission, kind: str) -> DeliveryReport | None:
    """The report of the unit's newest mail of this kind in the submission's round."""
    log = (
        MailLog.objects.filter(round_id=submission.round_id, unit_id=submission.unit_id, kind=kind)
        .order_by("-sent_at", "-pk")
        .first()
    )
    return report(log) if log else None


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


def send_invitation(
    reporting_round, unit, *, subject: str, template: str, context: dict, operators: bool
) -> MailLog:
    """The mail that opens a round for a unit (the enhanced cooperation's week-5 letter), to
    its reporters or to the operators of its organisation."""
    with translation.override(settings.LANGUAGE_CODE):
        return _send(
            reporting_round=reporting_round,
            unit=unit,
            kind=MailKind.INVITATION,
            step=None,
            subject=subject,
            template=template,
            context=context,
            operators=operators,
        )


MAIL_NOUNS = {
    MailKind.REMINDER: gettext_lazy("Reminder"),
    MailKind.MANUAL: gettext_lazy("Reminder"),
    MailKind.RECEIPT: gettext_lazy("Receipt"),
    MailKind.REOPENED: gettext_lazy("Reopening notice"),
    MailKind.INVITATION: gettext_lazy("Invitation"),
}
DELIVERY_LABELS = {
    MailDelivery.SENT: gettext_lazy("%(mail)s sent"),
    MailDelivery.PENDING: gettext_lazy("%(mail)s waiting to be sent"),
    MailDelivery.FAILED: gettext_lazy("%(mail)s failed"),
    MailDelivery.NO_ADDRESS: gettext_lazy("%(mail)s not sent: no e-mail address"),
}


def delivery_label(log: MailLog) -> str:
    """ "Påmindelse sendt", "Påmindelse ikke sendt: ingen e-mailadresse", "Kvittering fejlet",
    or "Påmindelse sendt til 1 af 2" when some of the unit were not reached."""
    noun = MAIL_NOUNS[log.kind]
    result = report(log)
    if log.delivery == MailDelivery.SENT and result.not_reached:
        return _("%(mail)s sent to %(reached)d of %(total)d") % {
            "mail": noun,
            "reached": len(result.reached),
            "total": result.total,
        }
    return DELIVERY_LABELS[log.delivery] % {"mail": noun}


def units_without_address() -> list[OrganisationUnit]:
    """The reporting units no round e-mail can reach (no active reporter with an address):
    the parties' units and every unit of a round that is not closed."""
    reachable = Membership.objects.filter(role=Role.REPORTER, user__is_active=True).exclude(
        user__email=""
    )
    units = OrganisationUnit.objects.filter(reports_separately=True).filter(
        Q(organisation__party_to_agreement=True)
        | Q(rounds__status__in=[RoundStatus.OPEN, RoundStatus.DRAFT])
    )
    units = units.exclude(pk__in=reachable.values("unit_id")).select_related("organisation")
    return list(units.distinct().order_by("code"))


def unit_fix_url(unit: OrganisationUnit) -> str:
    """Where the secretariat gives the unit a reporter: the invitation of a person (people)."""
    return reverse("people:invite") + f"?role={Role.REPORTER}&unit={unit.pk}"
