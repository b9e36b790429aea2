"""Who may see rounds and submissions. A reporter sees only their own unit's submissions;
another unit's draft, versions or answers are a 404. The secretariat sees everything."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for

from .models import ReportingRound, RoundStatus, Submission


def visible_rounds(user):
    roles = roles_for(user)
    rounds = ReportingRound.objects.all()
    if roles.is_secretariat:
        return rounds
    return (
        rounds.filter(units__in=roles.reporter_unit_ids)
        .exclude(status=RoundStatus.DRAFT)
        .distinct()
    )


def get_round_for_user(user, pk: int) -> ReportingRound:
    return get_object_or_404(visible_rounds(user), pk=pk)


def get_round_for_secretariat(user, pk: int) -> ReportingRound:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(ReportingRound, pk=pk)


def get_unit_in_round(user, reporting_round: ReportingRound, unit_code: str):
    roles = roles_for(user)
    unit = get_object_or_404(reporting_round.units.all(), code=unit_code)
    if not (roles.is_secretariat or unit.pk in roles.reporter_unit_ids):
        raise Http404
    return unit


def get_submission_for_user(user, pk: int) -> Submission:
    submission = get_object_or_404(
        Submission.objects.select_related("round", "unit", "unit__organisation"), pk=pk
    )
    roles = roles_for(user)
    if not (roles.is_secretariat or submission.unit_id in roles.reporter_unit_ids):
        raise Http404
    return submission


def get_submission_for_secretariat(user, pk: int) -> Submission:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(Submission.objects.select_related("round", "unit"), pk=pk)
