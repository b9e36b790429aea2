"""Reads shaped for the round pages (a constant number of queries per page)."""

from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone

from .mail import delivery_label, report
from .models import MailLog, ReportingRound, Submission, SubmissionStatus, SubmissionVersion

HANDED_IN = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


def handed_in_versions(reporting_round: ReportingRound) -> dict[int, SubmissionVersion]:
    """unit id -> the latest version of each submission that counts as handed in: submitted
    or accepted (a reopened one is being corrected), from a unit that must submit. The board,
    the summary and the reminders all count with this, so their figures agree."""
    latest: dict[int, SubmissionVersion] = {}
    versions = (
        SubmissionVersion.objects.filter(
            submission__round=reporting_round,
            submission__status__in=HANDED_IN,
            submission__unit__in=reporting_round.units.all(),
        )
        .select_related("submission__unit")
        .order_by("submission_id", "-number")
    )
    for version in versions:
        latest.setdefault(version.submission.unit_id, version)
    return latest


@dataclass
class BoardRow:
    unit: object
    submission: Submission | None
    versions: int
    last_submitted_at: object
    last_mail: MailLog | None
    late: bool
    handed_in: bool = False

    @property
    def mail_label(self) -> str:
        return delivery_label(self.last_mail) if self.last_mail else ""

    @property
    def mail_problem(self) -> bool:
        """The unit's last mail did not reach everyone (yet): shown as a warning."""
        return self.last_mail is not None and not report(self.last_mail).complete


def round_board(reporting_round: ReportingRound) -> list[BoardRow]:
    submissions = {
        s.unit_id: s
        for s in reporting_round.submissions.select_related("last_activity_by").annotate(
            version_count=Count("versions"), last_submitted=Max("versions__submitted_at")
        )
    }
    handed_in = handed_in_versions(reporting_round)
    mails = {}
    for log in reporting_round.mails.order_by("sent_at"):
        mails[log.unit_id] = log
    past_deadline = timezone.localdate() > reporting_round.deadline
    rows = []
    for unit in reporting_round.units.select_related("organisation").order_by("code"):
        submission = submissions.get(unit.pk)
        row = BoardRow(
            unit,
            submission,
            getattr(submission, "version_count", 0),
            getattr(submission, "last_submitted", None),
            mails.get(unit.pk),
            False,
            unit.pk in handed_in,
        )
        row.late = past_deadline and not row.handed_in
        rows.append(row)
    return rows


@dataclass
class MailLogRow:
    log: MailLog
    label: str
    problem: bool
    not_reached: str


def mail_log(reporting_round: ReportingRound, limit: int = 100) -> list[MailLogRow]:
    """The round's e-mail log, newest first, each with what its send achieved."""
    rows = []
    for log in reporting_round.mails.select_related("unit")[:limit]:
        result = report(log)
        names = ", ".join(f"{n.name} ({n.reason})" for n in result.not_reached)
        rows.append(MailLogRow(log, delivery_label(log), not result.complete, names))
    return rows


def board_counts(rows: list[BoardRow]) -> dict:
    return {
        "total": len(rows),
        "handed_in": sum(row.handed_in for row in rows),
        "drafts": sum(1 for row in rows if row.submission and not row.handed_in),
        "late": sum(row.late for row in rows),
    }


def own_submissions(unit_ids) -> dict:
    """(round id, unit id) -> the reporter's own submissions."""
    return {(s.round_id, s.unit_id): s for s in Submission.objects.filter(unit_id__in=unit_ids)}


def round_summary(reporting_round: ReportingRound):
    """Each handed-in unit's latest version, summarised for the secretariat."""
    from .calculations import UnitAnswers, summarise_round

    units = [
        UnitAnswers(
            code=v.submission.unit.code,
            name=v.submission.unit.name,
            answers=v.answers,
            version=v.form_version,
        )
        for v in handed_in_versions(reporting_round).values()
    ]
    expected = [(u.code, u.name) for u in reporting_round.units.order_by("code")]
    return summarise_round(units, expected)
