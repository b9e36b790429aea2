"""Who may see and change offers. The catalogue is public; editing is the secretariat's, and
an operator may maintain capacity and confirm its own offers."""

from django.http import Http404
from django.shortcuts import get_object_or_404

from organisations.access import roles_for
from organisations.models import OrganisationUnit

from .models import CoverageExemption, Offer
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


def can_manage_exemptions(user) -> bool:
    return roles_for(user).is_secretariat


def get_exemption_for_edit(user, pk: int) -> CoverageExemption:
    if not can_manage_exemptions(user):
        raise Http404
    return get_object_or_404(CoverageExemption.objects.select_related("offer__operator"), pk=pk)


def can_read_exemption_document(user, exemption: CoverageExemption) -> bool:
    """The agreement between the parties: the secretariat, the offer's operator and the
    reporters of the buying municipalities."""
    roles = roles_for(user)
    if roles.is_secretariat or exemption.offer.operator_id in roles.operator_organisation_ids:
        return True
    if not roles.reporter_unit_ids:
        return False
    own = OrganisationUnit.objects.filter(pk__in=roles.reporter_unit_ids).values("organisation")
    return exemption.buyers.filter(pk__in=own).exists()


def get_exemption_document_for_user(user, pk: int) -> CoverageExemption:
    exemption = get_object_or_404(CoverageExemption.objects.select_related("offer"), pk=pk)
    if not exemption.document or not can_read_exemption_document(user, exemption):
        raise Http404
    return exemption
