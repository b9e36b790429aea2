"""The e-mails to a body's members, through an outbox: a send is first stored as a Mailing with
one entry per member (the address it goes to, or why the member cannot be reached), then sent
by a task. What the send achieved is read back from the stored row, so the secretariat sees it
in the message after pressing the button and on the meeting page later, whether the task ran
in the request or in a worker. A mail the server refused waits and is sent again by the job
sweep (socialaftale.lib.jobs), until MAIL_MAX_ATTEMPTS."""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit import services as audit
from audit.models import Action
from socialaftale.lib import jobs
from socialaftale.lib.delivery import (
    FAILED,
    NO_ADDRESS,
    PENDING,
    SENT,
    DeliveryReport,
    report_from_deliveries,
)

from .models import BodyMember, Mailing, Meeting

logger = logging.getLogger(__name__)

# What each mailing is called in the report ("Meddelelsen om dagsordenen er sendt til …").
NOTICE_WHAT = {
    "publish": gettext_lazy("The notice of the agenda"),
    "approve": gettext_lazy("The notice of the minutes"),
    "information": gettext_lazy("The information e-mail"),
    "change": gettext_lazy("The notice of the changed agenda"),
}


@dataclass(frozen=True)
class Recipient:
    member: BodyMember
    email: str


@dataclass(frozen=True)
class Unreachable:
    member: BodyMember
    reason: str


def unreachable_reason(member: BodyMember) -> str | None:
    """Why an e-mail cannot reach the member (in Danish), or None when it can: the member's
    user's address, or for a member without one (or without a user) the member's own."""
    user = member.user
    with translation.override(settings.LANGUAGE_CODE):
        if user is not None and not user.is_active:
            return _("the user account is inactive")
        if member.address:
            return None
        if user is None:
            return _("no user account in the portal")
        return _("the user has no e-mail address")


def recipients(meeting: Meeting) -> tuple[list[Recipient], list[Unreachable]]:
    """The body's members on the meeting's day that an e-mail reaches (each address once), and
    those it cannot reach, with the reason. A member whose period has ended before the
    meeting's day (or begins after it) gets no mail about it."""
    reached, unreachable, seen = [], [], set()
    members = meeting.body.members.current(meeting.date).select_related("user")
    for member in members.order_by("name", "pk"):
        reason = unreachable_reason(member)
        if reason:
            unreachable.append(Unreachable(member, reason))
        elif member.address.lower() not in seen:
            seen.add(member.address.lower())
            reached.append(Recipient(member, member.address))
    return reached, unreachable


def members_without_address() -> list[Unreachable]:
    """Every body's members that no e-mail can reach (for the secretariat's start page)."""
    members = (
        BodyMember.objects.current().select_related("user", "body").order_by("body__code", "name")
    )
    return [Unreachable(m, reason) for m in members if (reason := unreachable_reason(m))]


def fix_url(member: BodyMember) -> str:
    """Where the secretariat fixes it: the member's user (people: reactivate, give an address),
    or the member on the body's pages (give them a user or an address), never the admin."""
    if member.user_id:
        return reverse("people:detail", args=[member.user_id])
    return reverse("meetings:body_member", args=[member.pk])


@transaction.atomic
def mailing_queue(*, meeting: Meeting, kind: str, user=None) -> Mailing:
    """Store the e-mail with its recipients and send it in a task once the step is committed."""
    from .tasks import send_mailing

    mailing = mailing_create(meeting=meeting, kind=kind, user=user)
    if mailing.pending:
        jobs.delay_on_commit(send_mailing, mailing.pk)
    return mailing


def mailing_create(*, meeting: Meeting, kind: str, user=None) -> Mailing:
    reached, unreachable = recipients(meeting)
    deliveries = [
        {"name": r.member.name, "email": r.email, "state": PENDING, "reason": ""} for r in reached
    ]
    deliveries += [
        {"name": u.member.name, "email": "", "state": NO_ADDRESS, "reason": u.reason}
        for u in unreachable
    ]
    mailing = Mailing.objects.create(
        meeting=meeting, kind=kind, created_by=user, deliveries=deliveries, pending=bool(reached)
    )
    summary = _("%(kind)s sent to %(count)s recipients") % {
        "kind": mailing.get_kind_display(),
        "count": len(reached),
    }
    audit.record(Action.SENT, actor=user, obj=meeting, summary=summary)
    return mailing


def mailing_deliver(mailing_id: int) -> DeliveryReport:
    """Send the mailing's waiting entries, one message per member (their own address only).
    The row is locked while it sends, so a redelivered task or the sweep cannot send twice."""
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().get(pk=mailing_id)
        waiting = [entry for entry in mailing.deliveries if entry["state"] == PENDING]
        if waiting:
            mailing.attempts += 1
            mailing.error = _send(mailing, waiting)
            if mailing.attempts >= getattr(settings, "MAIL_MAX_ATTEMPTS", 5):
                for entry in waiting:
                    entry["state"] = FAILED if entry["state"] == PENDING else entry["state"]
            mailing.pending = any(entry["state"] == PENDING for entry in mailing.deliveries)
            mailing.save(update_fields=["deliveries", "attempts", "error", "pending"])
    return mailing_report(mailing)


def _compose(mailing: Mailing) -> tuple[str, str, str | None]:
    from .information_mail import information_mail, meeting_for_information
    from .notifications import notice

    meeting = meeting_for_information(mailing.meeting_id)
    if mailing.kind == "information":
        return information_mail(meeting)
    return (*notice(meeting, mailing.kind), None)


def _send(mailing: Mailing, waiting: list[dict]) -> str:
    """Send each waiting entry; returns the error ("" when all went). An entry the server
    refused stays pending."""
    subject, text, html = _compose(mailing)
    try:
        with get_connection() as connection:
            for entry in waiting:
                message = EmailMultiAlternatives(
                    subject,
                    text,
                    settings.DEFAULT_FROM_EMAIL,
                    [entry["email"]],
                    connection=connection,
                )
                if html:
                    message.attach_alternative(html, "text/html")
                message.send()
                entry["state"] = SENT
    except Exception as exc:  # smtplib.SMTPException, a refused or timed-out socket, ...
        logger.warning(
            "Mailing %s not fully sent, attempt %s", mailing.pk, mailing.attempts, exc_info=True
        )
        return f"{type(exc).__name__}: {exc}"[:2000]
    return ""


def mailing_report(mailing: Mailing) -> DeliveryReport:
    return report_from_deliveries(mailing.deliveries)


def latest_report(meeting: Meeting, kind: str) -> DeliveryReport | None:
    mailing = meeting.mailings.filter(kind=kind).order_by("-created_at", "-pk").first()
    return mailing_report(mailing) if mailing else None


@dataclass(frozen=True)
class MailingRow:
    mailing: Mailing
    text: str
    problem: bool


def mailing_rows(meeting: Meeting) -> list[MailingRow]:
    """The meeting's e-mails to the members, newest first, each with what it achieved."""
    rows = []
    for mailing in meeting.mailings.all():
        report = mailing_report(mailing)
        what = NOTICE_WHAT.get(mailing.kind, mailing.get_kind_display())
        rows.append(MailingRow(mailing, report.sentence(what), not report.complete))
    return rows


def retry_pending(now) -> int:
    """The outbox drain, run by the job sweep: mailings still waiting a minute after they were
    stored (the task never ran, or the mail server refused)."""
    with translation.override(settings.LANGUAGE_CODE):
        waiting = Mailing.objects.filter(pending=True, created_at__lte=now - timedelta(minutes=1))
        ids = list(waiting.order_by("pk").values_list("pk", flat=True)[:20])
        return sum(1 for pk in ids if not mailing_deliver(pk).waiting)
