"""The information e-mail of a cancelled meeting (SPEC: "A cancelled meeting's items can go out
as an information e-mail instead").

The items keep the agenda's numbers and the attachments their "Bilag N" numbers: both come from
build_meeting_context, the same numbering as the PDFs. A closed item is named by number and
title only. The e-mail goes out once per meeting; Meeting.information_sent_at records it, and the
Mailing (meetings.mailing) who it reached."""

import logging
import re

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from socialaftale.lib.site import absolute_url

from .mailing import (  # noqa: F401 (recipients and its types are used from here too)
    Recipient,
    Unreachable,
    mailing_create,
    mailing_deliver,
    mailing_queue,
    recipients,
)
from .models import Mailing, MailingKind, Meeting, MeetingStatus
from .pdf import build_meeting_context

logger = logging.getLogger(__name__)


class InformationMailRefused(Exception):
    """The meeting is not cancelled, or its information e-mail has already gone out."""


def meeting_for_information(meeting_id: int) -> Meeting:
    return (
        Meeting.objects.select_related("body")
        .prefetch_related("items__attachments__document")
        .get(pk=meeting_id)
    )


def _date(value) -> str:
    return date_format(value, "j. F Y")


def refusal(meeting: Meeting) -> str | None:
    """Why the information e-mail may not be sent now (a sentence for the secretariat), or
    None when it may."""
    with translation.override(settings.LANGUAGE_CODE):
        if meeting.status != MeetingStatus.CANCELLED:
            return _(
                "Only the items of a cancelled meeting can be sent as an information e-mail. "
                "This meeting's status is “%(status)s”; nothing was sent."
            ) % {"status": meeting.get_status_display()}
        if meeting.information_sent_at is not None:
            when = timezone.localtime(meeting.information_sent_at)
            return _(
                "The information e-mail was already sent on %(date)s at %(time)s. It is not "
                "sent twice; nothing was sent."
            ) % {"date": _date(when), "time": date_format(when, "H.i")}
    return None


def _attachment_url(meeting: Meeting, attachment) -> str:
    path = reverse("meetings:attachment", args=[meeting.reference, attachment.pk])
    return absolute_url(path)


def information_mail(meeting: Meeting) -> tuple[str, str, str]:
    """(subject, text body, html body) of the information e-mail, in Danish. Pass a meeting
    with body, items and attachments prefetched (meeting_for_information) to save queries."""
    with translation.override(settings.LANGUAGE_CODE):
        context = build_meeting_context(meeting, minutes=False)
        sections = [
            {
                "title": section["title"],
                "items": [
                    {
                        **row,
                        "attachments": [
                            (number, attachment, _attachment_url(meeting, attachment))
                            for number, attachment in row["attachments"]
                        ],
                    }
                    for row in section["items"]
                ],
            }
            for section in context["sections"]
        ]
        subject = _("Information instead of the meeting of %(body)s on %(date)s") % {
            "body": meeting.body.short_name,
            "date": _date(meeting.date),
        }
        mail_context = {
            "meeting": meeting,
            "sections": sections,
            "subject": subject,
            "date": _date(meeting.date),
        }
        text = render_to_string("meetings/email/information.txt", mail_context)
        html = render_to_string("meetings/email/information.html", mail_context)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"
    return subject, text, html


def _claim(meeting_id: int) -> Meeting:
    """Mark the meeting as sent before sending, under a row lock: two sends (a double click, a
    redelivered task) cannot both pass, so no member gets the e-mail twice."""
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update(of=("self",))
            .select_related("body")
            .get(pk=meeting_id)
        )
        reason = refusal(meeting)
        if reason:
            raise InformationMailRefused(reason)
        meeting.information_sent_at = timezone.now()
        meeting.save(update_fields=["information_sent_at"])
    return meeting


def information_queue(*, meeting_id: int, user=None) -> Mailing:
    """Claim the meeting and store the e-mail with its recipients; a task sends it after
    commit. Raises InformationMailRefused when the meeting is not cancelled or was sent."""
    with transaction.atomic():
        meeting = _claim(meeting_id)
        return mailing_queue(meeting=meeting, kind=MailingKind.INFORMATION, user=user)


def send_information_mail(meeting_id: int) -> int:
    """Claim, store and send the information e-mail at once; returns how many got it.
    Raises InformationMailRefused when the meeting is not cancelled or was already sent."""
    with transaction.atomic():
        meeting = _claim(meeting_id)
        mailing = mailing_create(meeting=meeting, kind=MailingKind.INFORMATION)
    report = mailing_deliver(mailing.pk)
    logger.info(
        "Information e-mail for %s sent to %s member(s); %s could not be reached",
        meeting.reference,
        len(report.reached),
        len(report.not_reached),
    )
    return len(report.reached)
