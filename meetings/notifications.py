"""E-mails to a body's members when the agenda goes out and when the minutes are approved:
a short notice with the meeting, the numbered items and a link to the meeting page, where
the members download the documents (the PDFs are not attached: they stay behind the login).
Sent through the members' outbox (meetings.mailing), which records who it reached."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from socialaftale.lib.site import absolute_url

from .information_mail import meeting_for_information
from .mailing import mailing_create, mailing_deliver
from .pdf import build_meeting_context

logger = logging.getLogger(__name__)

SUBJECTS = {
    "publish": gettext_noop("Agenda for the meeting of %(body)s on %(date)s"),
    "approve": gettext_noop("Minutes of the meeting of %(body)s on %(date)s"),
    "change": gettext_noop("Changed agenda for the meeting of %(body)s on %(date)s"),
}


def notice(meeting, action: str) -> tuple[str, str]:
    """(subject, text) of the notice, in Danish."""
    with translation.override(settings.LANGUAGE_CODE):
        date = date_format(meeting.date, "j. F Y")
        subject = _(SUBJECTS[action]) % {"body": meeting.body.short_name, "date": date}
        context = build_meeting_context(meeting, minutes=action == "approve")
        text = render_to_string(
            "meetings/email/notice.txt",
            {
                "meeting": meeting,
                "action": action,
                "date": date,
                "sections": context["sections"],
                "url": absolute_url(meeting.get_absolute_url()),
                "last_change": meeting.events.filter(kind="agenda_changed").first(),
            },
        )
    return subject, text.strip() + "\n"


def send_notice(meeting_id: int, action: str) -> int:
    """Store and send the notice at once (the members' own addresses, one message each);
    returns how many got it. The steps themselves queue it (mailing_queue)."""
    mailing = mailing_create(meeting=meeting_for_information(meeting_id), kind=action)
    report = mailing_deliver(mailing.pk)
    logger.info(
        "%s notice for meeting %s sent to %s member(s); %s not reached",
        action,
        meeting_id,
        len(report.reached),
        len(report.not_reached),
    )
    return len(report.reached)
