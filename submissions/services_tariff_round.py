"""Writes of the tariff round's glue (issue 15): an offer's tariff reported through the
tariffs app's service and kept as a part of the operator's draft (so the round engine's
hand-in, receipt and versions hold it); a tariff returned for correction reopens the
operator's handed-in submission with the comments as the reason."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from organisations.models import Organisation
from socialaftale.lib.danish import format_decimal
from tariffs import services_round
from tariffs.models import Tariff, TariffStatus

from . import mail
from . import services as rounds
from .models import ReportingRound, RoundKind, RoundStatus, Submission, SubmissionStatus
from .tariff_round import covered_offers


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
    so that it can be corrected and handed in again. An approved tariff (the round reopened
    in autumn) is returned only while the round is open, so the operator can correct it."""
    final = Tariff.objects.filter(pk=tariff.pk, status=TariffStatus.FINAL).exists()
    if final and reporting_round.status != RoundStatus.OPEN:
        raise ValidationError(
            _("Open the round again first, so that the operator can correct the tariff.")
        )
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


def round_units(year: int) -> list:
    """The unit each operator with an offer covered in `year` reports under: its default unit
    (else its first); an operator without a unit is refused, naming it."""
    operators = Organisation.objects.filter(
        pk__in=covered_offers(year).values("operator_id")
    ).order_by("name")
    units = []
    for operator in operators:
        unit = operator.units.order_by("-is_default", "code").first()
        if unit is None:
            raise ValidationError(
                _("%(operator)s has no unit to hand in under; add one on its page first.")
                % {"operator": operator.name}
            )
        units.append(unit)
    return units


@transaction.atomic
def tariff_round_open(*, year: int, opens_on, deadline, reminder_days=None) -> ReportingRound:
    """Make and open the year's tariff round (SPEC §3.1: reporting April–August) with the unit
    of every operator that has an offer covered by the agreement in `year`, and invite the
    operators' users by e-mail once the round is stored."""
    if ReportingRound.objects.filter(kind=RoundKind.TARIFF_REPORTING, year=year).exists():
        raise ValidationError(_("The tariff round for %(year)s already exists.") % {"year": year})
    units = round_units(year)
    if not units:
        raise ValidationError(
            _("No offer is covered by the agreement in %(year)s.") % {"year": year}
        )
    reporting_round = rounds.round_create(
        kind=RoundKind.TARIFF_REPORTING,
        year=year,
        title=_("Tariffs %(year)s") % {"year": year},
        opens_on=opens_on,
        deadline=deadline,
        units=units,
        reminder_days=reminder_days,
    )
    rounds.round_open(reporting_round=reporting_round)
    transaction.on_commit(lambda: send_invitations(reporting_round.pk))
    return reporting_round


INVITATION = "submissions/mail/tariff_invitation.txt"


def send_invitations(round_pk: int) -> int:
    """The letter that opens the tariff round: to the operators of each unit's organisation
    (the engine's invitation mail, logged and sent again by the job sweep if refused)."""
    reporting_round = ReportingRound.objects.get(pk=round_pk)
    units = list(reporting_round.units.select_related("organisation").order_by("code"))
    for unit in units:
        mail.send_invitation(
            reporting_round,
            unit,
            subject=reporting_round.title,
            template=INVITATION,
            context={},
            operators=True,
        )
    return len(units)
