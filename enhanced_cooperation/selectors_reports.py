"""Reads of the annual reports: each member's status in a submission, the report a reader is
shown (the handed-in version, or the draft to those who write it) and the reports a user may
read in a year."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from submissions.models import (
    ReportingRound,
    RoundKind,
    RoundStatus,
    Submission,
    SubmissionStatus,
)
from submissions.selectors import HANDED_IN

from .reports import missing_fields, report_key, report_of
from .selectors import members_of_submission

NOT_STARTED, DRAFT, COMPLETE = "not_started", "draft", "complete"
STATUS_LABELS = {
    NOT_STARTED: _("Not started"),
    DRAFT: _("Draft"),
    COMPLETE: _("Ready to hand in"),
}


@dataclass
class MemberReport:
    member: object
    report: dict
    missing: list[str]
    status: str

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def is_complete(self) -> bool:
        return self.status == COMPLETE


def member_report(answers: dict, member) -> MemberReport:
    report = report_of(answers, member.pk)
    missing = missing_fields(report)
    if report_key(member.pk) not in (answers or {}):
        status = NOT_STARTED
    else:
        status = DRAFT if missing else COMPLETE
    return MemberReport(member, report, missing, status)


def submission_reports(submission) -> list[MemberReport]:
    return [member_report(submission.answers, m) for m in members_of_submission(submission)]


def latest_version(submission):
    return submission.versions.select_related("submitted_by").order_by("-number").first()


def shown_answers(user, submission):
    """(answers, version): a writer of a draft sees the draft (version None); everyone else
    the latest handed-in version (the draft if none was handed in yet)."""
    version = latest_version(submission)
    if version is None or (submission.is_editable and _writes(user, submission)):
        return submission.answers, None
    return version.answers, version


def _writes(user, submission) -> bool:
    roles = roles_for(user)
    return (
        roles.is_secretariat or submission.unit.organisation_id in roles.operator_organisation_ids
    )


def report_rounds():
    return ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT).exclude(
        status=RoundStatus.DRAFT
    )


def readable_submissions(user, year: int):
    """The year's annual-report submissions whose reports `user` may read (access.py's rule
    for may_read_report, as one query)."""
    roles = roles_for(user)
    submissions = Submission.objects.filter(
        round__in=report_rounds().filter(year=year)
    ).select_related("round", "unit__organisation")
    if roles.is_secretariat:
        return submissions
    rule = Q(unit__organisation_id__in=roles.operator_organisation_ids)
    if roles.is_expert_panel:
        rule |= Q(status__in=HANDED_IN)
    if roles.is_reporter:
        rule |= Q(status=SubmissionStatus.ACCEPTED)
    return submissions.filter(rule)
