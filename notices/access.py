"""Who may see and record change notices and development plans. Notices are given to the
other parties (SPEC §1), so the municipalities' reporters and the bodies' members read them
all; an operator records and reads those of its own offers; the secretariat edits every one.
What a user may not see is a 404."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from offers.models import Offer
from organisations.access import roles_for

from .models import ChangeNotice


def reads_every_notice(user) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or roles.is_reporter or roles.is_body_member


def may_see_notices(user) -> bool:
    return reads_every_notice(user) or roles_for(user).is_operator


def visible_notices(user):
    """The notices the user may read; Http404 for a user who may read none."""
    if reads_every_notice(user):
        return ChangeNotice.objects.all()
    roles = roles_for(user)
    if roles.is_operator:
        return ChangeNotice.objects.filter(offer__operator_id__in=roles.operator_organisation_ids)
    raise Http404


def may_see_offer_notices(user, offer: Offer) -> bool:
    roles = roles_for(user)
    return reads_every_notice(user) or offer.operator_id in roles.operator_organisation_ids


def get_notice_for_user(user, pk: int) -> ChangeNotice:
    notices = visible_notices(user).select_related("offer", "party", "created_by")
    return get_object_or_404(notices, pk=pk)


def can_edit_notice(user) -> bool:
    return roles_for(user).is_secretariat


def can_record(user) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or roles.is_operator


def recordable_offers(user):
    """The offers the user may record a notice or a development plan for."""
    roles = roles_for(user)
    if roles.is_secretariat:
        return Offer.objects.all()
    return Offer.objects.filter(operator_id__in=roles.operator_organisation_ids)


def require_recorder(user) -> None:
    if not can_record(user):
        raise Http404


def plan_offers(user):
    """The offers whose development-plan status the user may read: every offer for those who
    read every notice, an operator's own offers; Http404 for anyone else."""
    if reads_every_notice(user):
        return Offer.objects.all()
    if roles_for(user).is_operator:
        return recordable_offers(user)
    raise Http404
