"""What the DAS item on a year's round shows, read from the database in one place (the item's
text in agenda.py and its attachment in item_report.py both start here): the members of the
round's year with their handed-in annual reports, the expert panel's final remarks, the
signals of falling demand and their exits; the nominations received in the round."""

import datetime as dt
from dataclasses import dataclass, field

from submissions.models import ReportingRound, RoundKind, RoundStatus, SubmissionVersion

from .flags import flags_for_year
from .item_text import MemberText, NominationText
from .models import Criterion, ExitStatus, Member, Nomination, Period, Remark
from .reports import report_key, report_of


@dataclass(frozen=True)
class MemberData:
    member: Member
    report: dict | None  # None: not handed in
    remarks: list[tuple[str, str]] = field(default_factory=list)  # (author, text), final only
    flags: list = field(default_factory=list)  # flags.Flag (signal, text)


@dataclass(frozen=True)
class NominationData:
    nomination: Nomination
    remarks: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class RoundItemData:
    round: ReportingRound
    members: list[MemberData]
    nominations: list[NominationData]

    @property
    def reporting_year(self) -> int:
        """The year the reports are about: the round of 2019 (week 5) reports on 2018."""
        return self.round.year - 1


def item_rounds():
    """The rounds an item can be made from: the year's rounds that have been opened."""
    return ReportingRound.objects.filter(kind=RoundKind.ANNUAL_REPORT).exclude(
        status=RoundStatus.DRAFT
    )


def handed_in_answers(reporting_round: ReportingRound) -> dict:
    """The answers of each submission's newest handed-in version, merged (each member's
    report has its own key); drafts never reach DAS."""
    versions = SubmissionVersion.objects.filter(submission__round=reporting_round).order_by(
        "submission_id", "-number"
    )
    answers, seen = {}, set()
    for version in versions:
        if version.submission_id not in seen:
            seen.add(version.submission_id)
            answers.update(version.answers or {})
    return answers


def _author(user) -> str:
    return user.get_full_name() or user.get_username()


def _final_remarks(reporting_round: ReportingRound) -> tuple[dict, dict]:
    by_member, by_nomination = {}, {}
    remarks = Remark.objects.filter(round=reporting_round, is_final=True).select_related("author")
    for remark in remarks.order_by("pk"):
        target = by_member if remark.member_id else by_nomination
        key = remark.member_id or remark.nomination_id
        target.setdefault(key, []).append((_author(remark.author), remark.text))
    return by_member, by_nomination


def round_item_data(reporting_round: ReportingRound) -> RoundItemData:
    answers = handed_in_answers(reporting_round)
    member_remarks, nomination_remarks = _final_remarks(reporting_round)
    flags = flags_for_year(reporting_round.year)
    members = (
        Member.objects.in_year(reporting_round.year)
        .select_related("period", "exit")
        .prefetch_related("offers__operator")
        .order_by("name")
    )
    nominations = Nomination.objects.filter(round=reporting_round).select_related(
        "offer", "nominated_by"
    )
    return RoundItemData(
        round=reporting_round,
        members=[
            MemberData(
                member=member,
                report=report_of(answers, member.pk) if report_key(member.pk) in answers else None,
                remarks=member_remarks.get(member.pk, []),
                flags=list(flags.get(member.pk, [])),
            )
            for member in members
        ],
        nominations=[
            NominationData(nomination=n, remarks=nomination_remarks.get(n.pk, []))
            for n in nominations.order_by("submitted_at", "pk")
        ],
    )


def _exit_dates(member: Member) -> tuple[dt.date | None, dt.date | None]:
    """(leaves on, notice given on): a decided exit ends the membership on its date; a notice
    not decided yet is only noticed; a withdrawn one is nothing."""
    exit_ = getattr(member, "exit", None)
    if exit_ is not None and exit_.status == ExitStatus.DECIDED:
        return exit_.ends_on or member.ends_on, None
    if exit_ is not None and exit_.status == ExitStatus.NOTICED:
        return member.ends_on, None if member.ends_on else exit_.noticed_on
    return member.ends_on, None


def member_texts(data: RoundItemData) -> list[MemberText]:
    texts = []
    for entry in data.members:
        leaves_on, noticed_on = _exit_dates(entry.member)
        texts.append(
            MemberText(
                name=entry.member.name,
                report=entry.report,
                remarks=[text for _author, text in entry.remarks],
                flags=[flag.text for flag in entry.flags],
                leaves_on=leaves_on,
                exit_noticed_on=noticed_on,
            )
        )
    return texts


def criteria_met(assessment) -> int | None:
    """How many of the four criteria the panel found met; None before it assessed any."""
    if not isinstance(assessment, dict):
        return None
    verdicts = [
        (assessment.get(code) or {}).get("met") if isinstance(assessment.get(code), dict) else None
        for code in Criterion.values
    ]
    if all(verdict is None for verdict in verdicts):
        return None
    return sum(1 for verdict in verdicts if verdict is True)


def nomination_texts(data: RoundItemData) -> list[NominationText]:
    return [
        NominationText(
            offer=entry.nomination.offer.name,
            nominated_by=entry.nomination.nominated_by.name,
            status=entry.nomination.status,
            criteria_met=criteria_met(entry.nomination.assessment),
            criteria_total=len(Criterion.values),
            decision=entry.nomination.decision,
        )
        for entry in data.nominations
    ]


def next_year(reporting_round: ReportingRound) -> int | None:
    """The year the members continue into, when the period goes on after the round's year."""
    year = reporting_round.year
    period = Period.objects.filter(start_year__lte=year, end_year__gte=year).first()
    return year + 1 if period is not None and period.covers(year + 1) else None
