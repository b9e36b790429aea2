"""Who may see rounds and submissions. A reporter sees only their own unit's submissions (an
operator, in a kind handed in by operators, those of its organisation's units);
another unit's draft, versions or answers are a 404. The secretariat sees everything."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for

from . import kinds
from .models import ReportingRound, RoundKind, RoundStatus, Submission
from .tariff_round import covered_offers, submission_offers


def writes_for(roles, kind: str, unit) -> bool:
    """A reporter writes their own unit's submissions; in a kind handed in by operators, the
    operators of the unit's organisation do."""
    if kinds.handed_in_by_operator(kind):
        return unit.organisation_id in roles.operator_organisation_ids
    return unit.pk in roles.reporter_unit_ids


def own_units(user, reporting_round):
    """The round's units the user writes for: their own reporter units, or in a kind handed
    in by operators the units of the organisations they operate for."""
    roles = roles_for(user)
    if kinds.handed_in_by_operator(reporting_round.kind):
        return reporting_round.units.filter(organisation__in=roles.operator_organisation_ids)
    return reporting_round.units.filter(pk__in=roles.reporter_unit_ids)


def visible_rounds(user):
    roles = roles_for(user)
    rounds = ReportingRound.objects.all()
    if roles.is_secretariat:
        return rounds
    as_reporter = Q(units__in=roles.reporter_unit_ids) & ~Q(kind__in=kinds.operator_kinds())
    as_operator = Q(kind__in=kinds.operator_kinds()) & Q(
        units__organisation__in=roles.operator_organisation_ids
    )
    return rounds.filter(as_reporter | as_operator).exclude(status=RoundStatus.DRAFT).distinct()


def get_round_for_user(user, pk: int) -> ReportingRound:
    return get_object_or_404(visible_rounds(user), pk=pk)


def get_round_for_secretariat(user, pk: int) -> ReportingRound:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(ReportingRound, pk=pk)


def get_unit_in_round(user, reporting_round: ReportingRound, unit_code: str):
    roles = roles_for(user)
    unit = get_object_or_404(reporting_round.units.all(), code=unit_code)
    if not (roles.is_secretariat or writes_for(roles, reporting_round.kind, unit)):
        raise Http404
    return unit


def get_submission_for_user(user, pk: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("round", "unit", "unit__organisation"), pk=pk
    )
    roles = roles_for(user)
    if not (roles.is_secretariat or writes_for(roles, submission.round.kind, submission.unit)):
        raise Http404
    return submission


def get_submission_for_secretariat(user, pk: int) -> Submission:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(Submission.objects.select_related("round", "unit"), pk=pk)


def get_tariff_submission(user, pk: int) -> Submission:
    """An operator's submission in a tariff round: its own operator and the secretariat."""
    submission = get_submission_for_user(user, pk)
    if submission.round.kind != RoundKind.TARIFF_REPORTING:
        raise Http404
    return submission


def get_submission_offer(submission: Submission, offer_pk: int):
    """One of the submission's covered offers; another operator's offer is a 404."""
    return get_object_or_404(submission_offers(submission), pk=offer_pk)


def get_tariff_round_for_secretariat(user, pk: int) -> ReportingRound:
    reporting_round = get_round_for_secretariat(user, pk)
    if reporting_round.kind != RoundKind.TARIFF_REPORTING:
        raise Http404
    return reporting_round


def get_round_offer(reporting_round: ReportingRound, offer_pk: int):
    """An offer covered in the round: of one of the round's units' organisations."""
    organisations = reporting_round.units.values_list("organisation_id", flat=True)
    return get_object_or_404(covered_offers(reporting_round.year, organisations), pk=offer_pk)
