"""Meetings' items on the start page's work list (socialaftale.lib.worklist), and the same
rules as filters of the meeting list, where the start page links to."""

import datetime as dt

from django.db.models import Exists, OuterRef, Q, QuerySet, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist
from socialaftale.lib.delivery import SENT

from .access import visible_meetings
from .models import Mailing, Meeting, MeetingStatus

UPCOMING_DAYS = 30
# How far back an e-mail that reached nobody is still worth fixing (and sending again).
MAIL_PROBLEM_DAYS = 30
# One entry of Mailing.deliveries that was sent, as it reads in the column's JSON text: the
# same on SQLite (json.dumps) and PostgreSQL (jsonb's text form). A name cannot fake it: its
# quotes are escaped.
_SENT_ENTRY = f'"state": "{SENT}"'


def upcoming(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings from today to UPCOMING_DAYS ahead that are not cancelled."""
    today = timezone.localdate()
    window = today + dt.timedelta(days=UPCOMING_DAYS)
    return meetings.filter(date__gte=today, date__lte=window).exclude(
        status=MeetingStatus.CANCELLED
    )


def reached_nobody() -> Q:
    """A mailing that is done sending (nothing waits in the outbox) and reached no member:
    every entry failed or had no address."""
    since = timezone.now() - dt.timedelta(days=MAIL_PROBLEM_DAYS)
    return Q(pending=False, created_at__gte=since) & ~Q(deliveries_text__contains=_SENT_ENTRY)


def mailings_reaching_nobody() -> QuerySet[Mailing]:
    return Mailing.objects.alias(deliveries_text=Cast("deliveries", TextField())).filter(
        reached_nobody()
    )


def with_mail_reaching_nobody(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """The meetings with an e-mail to the members that reached nobody."""
    problems = mailings_reaching_nobody().filter(meeting=OuterRef("pk"))
    return meetings.filter(Exists(problems))


def count_upcoming(user) -> int:
    """The secretariat: every meeting; a member: the published ones of their bodies."""
    if not roles_for(user).sees_meetings:
        return 0
    return upcoming(visible_meetings(user)).count()


def count_agenda_not_out(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    return upcoming(Meeting.objects.filter(status=MeetingStatus.PLANNED)).count()


def count_mailings_reaching_nobody(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    return mailings_reaching_nobody().count()


def _meetings(query: str):
    return lambda: reverse("meetings:meetings") + query


def register_work_items() -> None:
    worklist.register(
        "meetings.upcoming",
        label=_("Meetings in the next 30 days"),
        count=count_upcoming,
        url=_meetings("?kommende=30"),
        position=30,
    )
    worklist.register(
        "meetings.agenda_not_out",
        label=_("Meetings in the next 30 days whose agenda has not gone out"),
        count=count_agenda_not_out,
        url=_meetings(f"?kommende=30&status={MeetingStatus.PLANNED}"),
        position=31,
    )
    worklist.register(
        "meetings.mailings_reaching_nobody",
        label=_("Meeting e-mails that reached nobody (last 30 days)"),
        count=count_mailings_reaching_nobody,
        url=_meetings("?post=ikke-naaet"),
        position=61,
    )
