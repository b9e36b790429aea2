"""Reads of the enhanced cooperation."""

from django.utils.translation import gettext as _

from . import reassessment
from .models import Member
from .reports import missing_fields, report_of


def members_of_submission(submission):
    """The members whose annual report (or re-assessment) the unit's submission holds: members
    in the round's year whose offers the unit's organisation operates, except those that have
    given notice of leaving."""
    return (
        Member.objects.reporting(submission.round.year)
        .filter(offers__operator_id=submission.unit.organisation_id)
        .distinct()
        .order_by("name")
    )


def _missing_per_member(submission, missing_of) -> list[str]:
    messages = []
    for member in members_of_submission(submission):
        missing = missing_of(submission.answers, member.pk)
        if missing:
            messages.append(
                _("%(member)s: missing %(fields)s")
                % {"member": member.name, "fields": ", ".join(missing)}
            )
    return messages


def missing_in_submission(submission) -> list[str]:
    return _missing_per_member(
        submission, lambda answers, pk: missing_fields(report_of(answers, pk))
    )


def missing_in_reassessment(submission) -> list[str]:
    return _missing_per_member(
        submission,
        lambda answers, pk: reassessment.missing_fields(reassessment.answer_of(answers, pk)),
    )
