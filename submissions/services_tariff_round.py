"""Writes of the tariff round's glue (issue 15): an offer's tariff reported through the
tariffs app's service and kept as a part of the operator's draft (so the round engine's
hand-in, receipt and versions hold it); a tariff returned for correction reopens the
operator's handed-in submission with the comments as the reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal
from tariffs import services_round

from . import services as rounds
from .models import RoundStatus, Submission, SubmissionStatus


def part_key(offer) -> str:
    return f"tariff-{offer.pk}"


def _snapshot(offer, tariff) -> dict:
    return {
        "offer": offer.name,
        "unit": tariff.get_unit_display(),
        "components": [
            [str(c), f"{format_decimal(c.amount, 2)} kr."]
            for c in tariff.components.order_by("kind", "package")
        ],
    }


@transaction.atomic
def offer_tariff_report(*, submission, offer, user, expected_token=None, **values):
    """Report `offer`'s tariff for the round's year (values as round_tariff_report takes them)
    while the operator's submission is a draft (or reopened) and the round open."""
    submission = (
        Submission.objects.select_for_update().select_related("round").get(pk=submission.pk)
    )
    if not submission.is_editable:
        raise ValidationError(_("The submission has been handed in and cannot be changed."))
    if submission.round.status != RoundStatus.OPEN:
        raise ValidationError(_("The round is not open."))
    tariff = services_round.round_tariff_report(
        offer=offer, year=submission.round.year, user=user, expected_token=expected_token, **values
    )
    rounds.submission_save_part(
        submission=submission, key=part_key(offer), value=_snapshot(offer, tariff), user=user
    )
    return tariff


@transaction.atomic
def offer_tariff_return(*, reporting_round, tariff, comments: dict, user, expected_token=None):
    """Return the tariff with the comments; the operator's handed-in submission is reopened
    so that it can be corrected and handed in again."""
    services_round.round_tariff_return(
        tariff=tariff, comments=comments, user=user, expected_token=expected_token
    )
    handed_in = Submission.objects.filter(
        round=reporting_round,
        unit__organisation_id=tariff.offer.operator_id,
        status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED),
    )
    reason = _("The tariff of %(offer)s has been returned for correction.") % {
        "offer": tariff.offer.name
    }
    for submission in handed_in:
        rounds.submission_reopen(submission=submission, reason=reason, user=user)
    return tariff
