"""Who may see and change tariffs and financing.

Published tables (Socialtilsyn budget, tariff appendix of final tariffs, development
contribution) are public. Financing schemes and the split tool are the secretariat's. An
operator reports tariffs for its own offers; provisional tariffs are seen only by the operator
and the secretariat.
"""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404

from offers.models import Offer
from organisations.access import roles_for

from .models import FinancingScheme, Scenario, Tariff


def get_scheme_for_user(user, pk: int) -> FinancingScheme:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(FinancingScheme.objects.select_related("key"), pk=pk)


def get_scenario_for_user(user, pk: int) -> Scenario:
    """A what-if scenario is the secretariat's, as its scheme is."""
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(Scenario.objects.select_related("scheme", "base_split"), pk=pk)


def can_report_tariff(user, offer: Offer) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or offer.operator_id in roles.operator_organisation_ids


def get_offer_for_tariff_report(user, offer_pk: int) -> Offer:
    offer = get_object_or_404(Offer.objects.select_related("operator"), pk=offer_pk)
    if not can_report_tariff(user, offer):
        raise Http404
    return offer


def get_tariff_for_approval(user, pk: int) -> Tariff:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(Tariff.objects.select_related("offer"), pk=pk)


def visible_tariffs(user, queryset):
    """Final tariffs for everyone; provisional ones for the secretariat and own operators."""
    roles = roles_for(user)
    if roles.is_secretariat:
        return queryset
    return queryset.filter(
        Q(status="final") | Q(offer__operator_id__in=roles.operator_organisation_ids)
    )
