"""The round engine's items on the start page's work list (socialaftale.lib.worklist): each
count is one query (roles_for is read once per request and cached on the user)."""

import datetime as dt
import functools

from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist

from . import kinds
from .models import (
    MailDelivery,
    MailLog,
    ReportingRound,
    RoundStatus,
    Submission,
    SubmissionStatus,
)
from .selectors import HANDED_IN

# How far back a mail that reached nobody is still worth fixing (resending, adding a reporter).
MAIL_PROBLEM_DAYS = 30


def _open_pairs_not_handed_in() -> QuerySet:
    """(round, unit) pairs of open rounds where the unit has not handed in."""
    handed_in = Submission.objects.filter(
        round_id=OuterRef("reportinground_id"),
        unit_id=OuterRef("organisationunit_id"),
        status__in=HANDED_IN,
    )
    pairs = ReportingRound.units.through.objects.filter(reportinground__status=RoundStatus.OPEN)
    return pairs.exclude(Exists(handed_in))


def late_unit_rounds() -> QuerySet:
    """(round, unit) pairs of open rounds past their deadline where the unit has not handed
    in: the same rule as the round board's "late" (selectors.round_board)."""
    return _open_pairs_not_handed_in().filter(reportinground__deadline__lt=timezone.localdate())


def operator_unit_rounds(operator_organisation_ids) -> QuerySet:
    """(round, unit) pairs of open rounds handed in by operators (the tariff round, the
    enhanced cooperation's) where a unit of these organisations has not handed in yet."""
    return _open_pairs_not_handed_in().filter(
        reportinground__kind__in=kinds.operator_kinds(),
        organisationunit__organisation_id__in=operator_organisation_ids,
    )


def mails_reaching_nobody() -> QuerySet[MailLog]:
    """Round e-mails of the last days that reached no one: refused by the mail server after
    every attempt, or sent to a unit with no reporter with an address."""
    since = timezone.now() - dt.timedelta(days=MAIL_PROBLEM_DAYS)
    return MailLog.objects.filter(
        delivery__in=[MailDelivery.FAILED, MailDelivery.NO_ADDRESS], sent_at__gte=since
    )


def count_awaiting_approval(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    return Submission.objects.filter(status=SubmissionStatus.SUBMITTED).count()


def count_late_units(user) -> int:
    """The secretariat: every late unit in every open round; a reporter: their own units."""
    roles = roles_for(user)
    if roles.is_secretariat:
        return late_unit_rounds().count()
    if roles.is_reporter:
        return late_unit_rounds().filter(organisationunit_id__in=roles.reporter_unit_ids).count()
    return 0


def count_operator_rounds(user) -> int:
    """An operator: the open rounds its offers still have to hand something in to."""
    organisation_ids = roles_for(user).operator_organisation_ids
    if not organisation_ids:
        return 0
    return operator_unit_rounds(organisation_ids).count()


def count_mails_reaching_nobody(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    return mails_reaching_nobody().count()


def register_work_items() -> None:
    rounds = functools.partial(reverse, "submissions:rounds")
    worklist.register(
        "submissions.awaiting_approval",
        label=_("Submissions awaiting approval"),
        count=count_awaiting_approval,
        url=rounds,
        position=10,
    )
    worklist.register(
        "submissions.late_units",
        label=_("Units past the deadline in open rounds"),
        count=count_late_units,
        url=rounds,
        position=20,
    )
    worklist.register(
        "submissions.operator_rounds",
        label=_("Open rounds your offers have not handed in to"),
        count=count_operator_rounds,
        url=rounds,
        position=25,
    )
    worklist.register(
        "submissions.mails_reaching_nobody",
        label=_("Round e-mails that reached nobody (last 30 days)"),
        count=count_mails_reaching_nobody,
        url=rounds,
        position=60,
    )
