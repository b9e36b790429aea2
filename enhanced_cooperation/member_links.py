"""The member page's links to the other parts (issue 14): the member's annual report in each
round of its period with the expert panel's remarks (the secretariat and the panel), its early
joint actions (whoever may read them) and, for the secretariat, opening an early joint action
when the member is flagged. A fixed few queries."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from submissions.models import Submission

from .access import is_reporting_member, may_assess, may_manage, may_read_report
from .access import visible_joint_actions as joint_actions_for
from .flags import flags_for_member
from .models import JointActionStatus, Member
from .selectors_reports import report_rounds


@dataclass
class RoundReport:
    round: object
    submission: object  # the operator's submission (None: not started)
    read_url: str  # "" when the user may not read it (yet)
    remarks_url: str


def _submissions(member: Member, rounds) -> dict[int, Submission]:
    """round pk -> the operator's submission that holds the member's report (the first, as
    access.submission_of picks it)."""
    operators = member.offers.values("operator_id")
    found = Submission.objects.filter(
        round__in=rounds, unit__organisation_id__in=operators
    ).select_related("unit__organisation")
    first: dict[int, Submission] = {}
    for submission in found.order_by("pk"):
        first.setdefault(submission.round_id, submission)
    return first


def member_reports(user, member: Member) -> list[RoundReport]:
    """The member's annual report per round of its period (the secretariat and the panel)."""
    if not may_assess(user):
        return []
    period = member.period
    rounds = list(
        report_rounds().filter(year__range=(period.start_year, period.end_year)).order_by("year")
    )
    submissions = _submissions(member, rounds)
    reporting = {year: is_reporting_member(member, year) for year in {r.year for r in rounds}}
    rows = []
    for reporting_round in rounds:
        submission = submissions.get(reporting_round.pk)
        readable = (
            submission is not None
            and reporting[reporting_round.year]
            and may_read_report(user, member, submission)
        )
        read_url = (
            reverse("enhanced_cooperation:report", args=[submission.pk, member.pk])
            if readable
            else ""
        )
        remarks_url = reverse(
            "enhanced_cooperation:remarks_member", args=[reporting_round.pk, member.pk]
        )
        rows.append(RoundReport(reporting_round, submission, read_url, remarks_url))
    return rows


def flag_year(member: Member) -> int | None:
    """The year whose flags count for the member: this year, or its period's last year once
    the period is over (None before the period begins)."""
    year = min(timezone.localdate().year, member.period.end_year)
    return year if year >= member.period.start_year else None


def joint_action_context(user, member: Member) -> dict:
    actions = list(joint_actions_for(user).filter(member=member).order_by("-year", "-pk"))
    year = flag_year(member)
    may_open = (
        may_manage(user)
        and year is not None
        and member.ends_on is None
        and not any(a.status == JointActionStatus.OPEN for a in actions)
    )
    flagged = may_open and bool(flags_for_member(member, year))
    open_url = flags_url = ""
    if flagged:
        create = reverse("enhanced_cooperation:joint_action_create")
        open_url = f"{create}?{urlencode({'medlem': member.pk, 'aar': year})}"
        flags_url = f"{reverse('enhanced_cooperation:flags')}?{urlencode({'aar': year})}"
    return {
        "joint_actions": actions,
        "shows_joint_actions": may_manage(user) or bool(actions),
        "open_joint_action_url": open_url,
        "flags_url": flags_url,
    }
