"""Who may see and change offers. The catalogue is public; editing is the secretariat's, and
an operator may maintain capacity and confirm its own offers."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for

from .models import Offer
from .selectors import offer_detail


def get_offer_for_user(user, pk: int) -> Offer:
    try:
        return offer_detail(Offer.objects.all(), pk)
    except Offer.DoesNotExist as exc:
        raise Http404 from exc


def can_edit_offer(user) -> bool:
    return roles_for(user).is_secretariat


def can_maintain_offer(user, offer: Offer) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or offer.operator_id in roles.operator_organisation_ids


def get_offer_for_edit(user, pk: int) -> Offer:
    if not can_edit_offer(user):
        raise Http404
    return get_object_or_404(Offer, pk=pk)


def get_offer_for_maintenance(user, pk: int) -> Offer:
    offer = get_object_or_404(Offer.objects.select_related("operator"), pk=pk)
    if not can_maintain_offer(user, offer):
        raise Http404
    return offer
