"""Writes of the round engine. Views, tasks, commands and the demo loader call these."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from audit import services as audit
from audit.models import Action
from socialaftale.lib.edits import check_unchanged, edit_token
from socialaftale.lib.plausibility import enforce

from . import kinds, mail
from .models import (
    MailKind,
    MailLog,
    OfferProposal,
    ProposalStatus,
    ReportingRound,
    RoundStatus,
    Submission,
    SubmissionStatus,
    SubmissionVersion,
    answers_checksum,
)
from .plausibility import check_answers
from .questionnaire import empty_answers, get_questionnaire, missing_answers

_NO_FORM_MESSAGE = _lazy(
    "This kind of round has no form yet, so units could only hand in an empty report."
)


@transaction.atomic
def round_create(
    *, kind, year, title, opens_on, deadline, units, reminder_days=None, form_version=""
) -> ReportingRound:
    """A draft round. Only a kind with a form (kinds.has_form) can be made: a round without
    one would let units hand in an empty report with a receipt."""
    if not kinds.has_form(kind):
        raise ValidationError({"kind": _NO_FORM_MESSAGE})
    form_version = form_version or kinds.questionnaire_for(kind)
    reporting_round = ReportingRound(
        kind=kind,
        year=year,
        title=title,
        opens_on=opens_on,
        deadline=deadline,
        reminder_days=reminder_days if reminder_days is not None else [-14, -3, 1],
        form_version=form_version,
    )
    reporting_round.full_clean()
    reporting_round.save()
    reporting_round.units.set(units)
    return reporting_round


def _set_status(reporting_round: ReportingRound, status: str) -> ReportingRound:
    reporting_round.status = status
    reporting_round.save(update_fields=["status"])
    return reporting_round


def round_open(*, reporting_round: ReportingRound) -> ReportingRound:
    if not kinds.has_form(reporting_round.kind):  # a round made before kinds were checked
        raise ValidationError(_NO_FORM_MESSAGE)
    return _set_status(reporting_round, RoundStatus.OPEN)


def round_close(*, reporting_round: ReportingRound) -> ReportingRound:
    return _set_status(reporting_round, RoundStatus.CLOSED)


def round_extend(*, reporting_round: ReportingRound, deadline: dt.date) -> ReportingRound:
    """A later deadline. Reminder steps already sent stay sent (the log is per step)."""
    if deadline < reporting_round.deadline:
        raise ValidationError(_("A new deadline must be later than the current one."))
    reporting_round.deadline = deadline
    reporting_round.save(update_fields=["deadline"])
    return reporting_round


def submission_for(*, reporting_round: ReportingRound, unit) -> Submission:
    submission, _created = Submission.objects.get_or_create(
        round=reporting_round,
        unit=unit,
        defaults={
            "form_version": reporting_round.form_version,
            "answers": empty_answers(reporting_round.form_version)
            if reporting_round.form_version
            else {},
        },
    )
    return submission


def _ensure_editable(submission: Submission) -> None:
    if not submission.is_editable:
        raise ValidationError(_("The submission has been handed in and cannot be changed."))
    if submission.round.status != RoundStatus.OPEN:
        raise ValidationError(_("The round is not open."))


def _step_answers(submission: Submission, step: str) -> dict:
    codes = get_questionnaire(submission.form_version).step(step).questions
    return {code: submission.answers.get(code) for code in codes}


def step_token(submission: Submission, step: str) -> str:
    """What the user saw of one step: its stored answers (other steps may change meanwhile)."""
    return edit_token(_step_answers(submission, step))


@transaction.atomic
def submission_save_step(
    *,
    submission: Submission,
    step: str,
    answers: dict,
    user,
    expected_token: str | None = None,
    confirmed: bool = False,
) -> Submission:
    """Save one step's answers into the draft (every step is saved; the user can resume).
    With expected_token (from the form) the save is refused if someone else saved the step
    since the form was opened. Impossible answers are refused (Implausible), and implausible
    ones unless `confirmed` (the reporter ticked that the figures are right)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _ensure_editable(submission)
    if expected_token is not None:  # from the form; other callers save without a check
        check_unchanged(expected_token, _step_answers(submission, step))
    if submission.form_version:
        enforce(_findings(submission, answers), confirmed=confirmed)
    submission.answers = {**submission.answers, **answers}
    submission.last_step = step
    submission.last_activity_at, submission.last_activity_by = timezone.now(), user
    submission.save(update_fields=["answers", "last_step", "last_activity_at", "last_activity_by"])
    return submission


def part_token(submission: Submission, key: str) -> str:
    """What the user saw of one part of a draft kept by another app's page."""
    return edit_token(submission.answers.get(key))


@transaction.atomic
def submission_save_part(
    *, submission: Submission, key: str, value, user, expected_token: str | None = None
) -> Submission:
    """Save one part of the draft of a kind handed in on another app's page (the enhanced
    cooperation's annual report of one offer). With expected_token the save is refused if
    someone else saved the part since the form was opened (check_unchanged)."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    _ensure_editable(submission)
    if expected_token is not None:
        check_unchanged(expected_token, submission.answers.get(key))
    submission.answers = {**submission.answers, key: value}
    submission.last_step = key[:50]
    submission.last_activity_at, submission.last_activity_by = timezone.now(), user
    submission.save(update_fields=["answers", "last_step", "last_activity_at", "last_activity_by"])
    return submission


@transaction.atomic
def submission_submit(*, submission: Submission, user, submitted_at=None) -> SubmissionVersion:
    """Hand in: an immutable version with a receipt; the draft locks until reopened.
    `submitted_at` is for loading historical rounds; a user's hand-in is always "now"."""
    submission = (
        Submission.objects.select_for_update().select_related("round", "unit").get(pk=submission.pk)
    )
    _ensure_editable(submission)
    _ensure_complete(submission)
    number = (submission.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    now = submitted_at or timezone.now()
    version = SubmissionVersion.objects.create(
        submission=submission,
        number=number,
        form_version=submission.form_version,
        answers=submission.answers,
        checksum=answers_checksum(submission.answers),
        receipt_code=_receipt_code(submission, number, now),
        submitted_at=now,
        submitted_by=user,
    )
    submission.status = SubmissionStatus.SUBMITTED
    submission.last_activity_at, submission.last_activity_by = now, user
    submission.save(update_fields=["status", "last_activity_at", "last_activity_by"])
    _propose_offers(version)
    _log(
        Action.SENT,
        submission,
        user,
        _("Handed in, receipt %(code)s") % {"code": version.receipt_code},
    )
    transaction.on_commit(lambda: mail.send_receipt(version.pk))
    return version


def _findings(submission: Submission, answers: dict, *, every=False) -> list:
    questions = get_questionnaire(submission.form_version).questions
    codes = None if every else [code for code in answers if code in questions]
    if codes == []:
        return []
    return check_answers(submission.form_version, answers, year=submission.round.year, codes=codes)


def _ensure_complete(submission: Submission) -> None:
    if not kinds.has_form(submission.round.kind) or not submission.answers:
        raise ValidationError(_("There is nothing to hand in: this round has no answers yet."))
    if missing := kinds.missing_for(submission):
        raise ValidationError(missing)
    if not submission.form_version:
        return
    if missing := missing_answers(submission.form_version, submission.answers):
        raise ValidationError([message for _code, message in missing])
    findings = _findings(submission, submission.answers, every=True)
    if errors := [finding for finding in findings if finding.impossible]:
        raise ValidationError([str(finding) for finding in errors])


def _receipt_code(submission: Submission, number: int, when) -> str:
    unit = submission.unit.code.replace("-", "")
    return f"{submission.round.year}-{submission.round_id}-{unit}-{number}-{when:%H%M%S}"


def _propose_offers(version: SubmissionVersion) -> None:
    for code in ("B3", "B4"):
        for row in version.answers.get(code) or []:
            if not row.get("name"):
                continue
            OfferProposal.objects.create(
                version=version,
                question=code,
                name=row["name"][:200],
                target_group=(row.get("target_group") or "")[:300],
                places_as_written=(row.get("places_as_written") or "")[:200],
                covered_claim=row.get("covered"),
                planned_year=row.get("planned_year"),
            )


@transaction.atomic
def submission_reopen(*, submission: Submission, reason: str, user) -> Submission:
    if submission.status not in (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED):
        raise ValidationError(_("Only a handed-in submission can be reopened."))
    if not reason.strip():
        raise ValidationError(_("Give a reason for reopening."))
    submission.status, submission.reopen_reason = SubmissionStatus.REOPENED, reason.strip()
    submission.last_activity_at, submission.last_activity_by = timezone.now(), user
    submission.save(
        update_fields=["status", "reopen_reason", "last_activity_at", "last_activity_by"]
    )
    _log(Action.OTHER, submission, user, _("Reopened"), reason=submission.reopen_reason)
    transaction.on_commit(lambda: mail.send_reopened(submission.pk))
    return submission


@transaction.atomic
def submission_accept(*, submission: Submission, user) -> Submission:
    if submission.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted submission can be accepted."))
    submission.status = SubmissionStatus.ACCEPTED
    submission.last_activity_at, submission.last_activity_by = timezone.now(), user
    submission.save(update_fields=["status", "last_activity_at", "last_activity_by"])
    _log(Action.APPROVED, submission, user, _("Accepted"))
    return submission


def _log(action, submission, user, summary, reason=""):
    """The audit log's entry for a hand-in, acceptance or reopening of the unit's submission."""
    unit = submission.unit
    audit.record(
        action,
        actor=user,
        obj=submission,
        summary=summary,
        reason=reason,
        organisation_id=unit.organisation_id,
        unit_id=unit.pk,
    )


def _handed_in_unit_ids(reporting_round: ReportingRound) -> set[int]:
    """The units the board counts as handed in (selectors.handed_in_versions)."""
    from .selectors import handed_in_versions

    return set(handed_in_versions(reporting_round))


def due_step(reporting_round: ReportingRound, today: dt.date) -> int | None:
    """The latest reminder step whose day has come (earlier missed steps are not sent late)."""
    due = [
        d
        for d in reporting_round.reminder_days
        if reporting_round.deadline + dt.timedelta(days=d) <= today
    ]
    return max(due) if due else None


def reminders_send_due(*, reporting_round: ReportingRound, today: dt.date) -> list[MailLog]:
    """Scheduled reminders to units that have not handed in. The unique constraint on
    (round, unit, step) makes a step go out once, even if two workers run at the same time."""
    step = due_step(reporting_round, today)
    if reporting_round.status != RoundStatus.OPEN or step is None:
        return []
    handed_in = _handed_in_unit_ids(reporting_round)
    sent = []
    for unit in reporting_round.units.exclude(pk__in=handed_in):
        try:
            with transaction.atomic():
                log = mail.send_reminder(reporting_round, unit, kind=MailKind.REMINDER, step=step)
        except IntegrityError:
            continue  # this step already went to this unit
        sent.append(log)
    return sent


def reminder_send_now(*, reporting_round: ReportingRound, unit) -> MailLog:
    """A reminder the secretariat sends by hand; logged, never counted as a scheduled step."""
    return mail.send_reminder(reporting_round, unit, kind=MailKind.MANUAL, step=None)


@transaction.atomic
def proposal_decide(*, proposal: OfferProposal, decision: str, offer=None, user) -> OfferProposal:
    """Confirm a reported new/planned offer into the register (places parsed by the register's
    parser), merge it with an existing offer (its places are recorded there), or reject it."""
    from offers.models import Offer, OfferStatus
    from offers.services import capacity_set

    if proposal.status != ProposalStatus.PENDING:
        raise ValidationError(_("The proposal has already been handled."))
    submission = proposal.version.submission
    year = proposal.planned_year or submission.round.year
    if decision == "confirm":
        offer = Offer.objects.create(
            name=_unique_offer_name(proposal.name),
            operator=submission.unit.organisation,
            location_municipality=submission.unit.organisation
            if submission.unit.organisation.is_municipality
            else None,
            status=OfferStatus.PLANNED if proposal.question == "B4" else OfferStatus.ACTIVE,
            target_group_text=proposal.target_group,
            opening_year=proposal.planned_year,
            notes=_("From submission %(code)s") % {"code": proposal.version.receipt_code},
        )
    if decision in ("confirm", "merge") and proposal.places_as_written:
        capacity_set(offer=offer, year=year, as_written=proposal.places_as_written)
    proposal.status = {
        "confirm": ProposalStatus.CONFIRMED,
        "merge": ProposalStatus.MERGED,
        "reject": ProposalStatus.REJECTED,
    }[decision]
    proposal.offer = offer if decision != "reject" else None
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.save(update_fields=["status", "offer", "decided_by", "decided_at"])
    return proposal


def _unique_offer_name(name: str) -> str:
    from offers.models import Offer

    candidate, number = name, 2
    while Offer.objects.filter(name=candidate).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate
