"""The expert panel's work (issue 14): the annual reports handed in that wait for the user's
remarks and the nominations that wait for the panel's assessment, as start-page work items
(socialaftale.lib.worklist) and as the page that lists them."""

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist
from submissions.models import ReportingRound, RoundKind, RoundStatus, Submission, SubmissionStatus

from .models import Member, Nomination, NominationStatus, Remark

HANDED_IN = [SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED]


def current_rounds():
    """The year's rounds (open, or closed while the panel still works) of the newest year."""
    rounds = ReportingRound.objects.filter(
        kind=RoundKind.ANNUAL_REPORT, status__in=[RoundStatus.OPEN, RoundStatus.CLOSED]
    )
    newest = rounds.order_by("-year").values("year")[:1]
    return rounds.filter(year=Subquery(newest))


def _members_handed_in():
    """Members of the newest year whose operator has handed in the year's report."""
    rounds = current_rounds()
    year = Subquery(rounds.values("year")[:1])
    handed_in = Submission.objects.filter(
        round__in=rounds,
        status__in=HANDED_IN,
        unit__organisation__offers__ec_memberships=OuterRef("pk"),
    )
    return Member.objects.filter(
        Exists(handed_in), period__start_year__lte=year, period__end_year__gte=year
    ).filter(Q(ends_on__isnull=True) | Q(ends_on__year__gte=year))


def count_reports_awaiting(user) -> int:
    """One query: handed-in reports without the user's remark (panel members only)."""
    if not roles_for(user).is_expert_panel:
        return 0
    own = Remark.objects.filter(member=OuterRef("pk"), author=user, round__in=current_rounds())
    return _members_handed_in().filter(~Exists(own)).count()


def count_nominations_awaiting(user) -> int:
    roles = roles_for(user)
    if not (roles.is_expert_panel or roles.is_secretariat):
        return 0
    return Nomination.objects.filter(status=NominationStatus.SUBMITTED).count()


def reports_handed_in() -> list[dict]:
    """For the page: each handed-in submission of the current rounds × its members, with
    the authors who have remarked."""
    from .selectors import members_of_submission

    submissions = Submission.objects.filter(
        round__in=current_rounds(), status__in=HANDED_IN
    ).select_related("round", "unit__organisation")
    rows = []
    for submission in submissions.order_by("round__year", "unit__organisation__name"):
        for member in members_of_submission(submission):
            rows.append({"round": submission.round, "member": member, "submission": submission})
    remarks = Remark.objects.filter(
        round__in=[row["round"] for row in rows], member__in=[row["member"] for row in rows]
    ).select_related("author")
    for row in rows:
        row["remarks"] = [
            r for r in remarks if r.round_id == row["round"].pk and r.member_id == row["member"].pk
        ]
    return rows


def open_nominations() -> list:
    nominations = Nomination.objects.filter(
        status__in=[NominationStatus.SUBMITTED, NominationStatus.ASSESSED]
    ).select_related("offer", "nominated_by", "round")
    return list(nominations.prefetch_related("remarks__author").order_by("submitted_at"))


def register_work_items() -> None:
    worklist.register(
        "enhanced_cooperation.reports_awaiting_remarks",
        label=_("Annual reports waiting for your remarks"),
        count=count_reports_awaiting,
        url=lambda: reverse("enhanced_cooperation:remarks"),
        position=60,
    )
    worklist.register(
        "enhanced_cooperation.nominations_awaiting_assessment",
        label=_("Nominations waiting for assessment"),
        count=count_nominations_awaiting,
        url=lambda: reverse("enhanced_cooperation:remarks"),
        position=61,
    )
