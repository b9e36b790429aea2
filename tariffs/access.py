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
from organisations.models import OrganisationUnit

from .models import (
    BudgetRun,
    FinancingScheme,
    MixedFinancing,
    Scenario,
    Tariff,
    TariffAppendixVersion,
)


def get_scheme_for_user(user, pk: int) -> FinancingScheme:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(FinancingScheme.objects.select_related("key"), pk=pk)


def get_scenario_for_user(user, pk: int) -> Scenario:
    """A what-if scenario is the secretariat's, as its scheme is."""
    if not roles_for(user).is_secretariat:
        raise Http404
    scenarios = Scenario.objects.select_related(
        "scheme", "base_split", "mixed_financing__offer", "tariff__offer"
    )
    return get_object_or_404(scenarios, pk=pk)


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


def can_preview_appendix(user) -> bool:
    """The unpublished tariff appendix (the next version's draft) is the secretariat's."""
    return roles_for(user).is_secretariat


def get_appendix_version(user, year: int, version: int):
    """A published version of the year's appendix, for everyone; any other number: 404."""
    return get_object_or_404(
        TariffAppendixVersion.objects.select_related("published_by"), year=year, version=version
    )


def get_budget_run_for_user(user, pk: int) -> BudgetRun:
    """A budget run is the secretariat's (its splits are the schemes')."""
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(BudgetRun.objects.select_related("scheme", "started_by"), pk=pk)


# --- the financing year (SPEC §3.4a): plans, actuals and true-up statements ---------------
# The secretariat sees and does everything; a municipality's reporters read their own
# municipality's statements; everyone else gets a 404.


def reporter_municipality_ids(user) -> frozenset[int]:
    """The municipalities whose units the user reports for."""
    unit_ids = roles_for(user).reporter_unit_ids
    if not unit_ids:
        return frozenset()
    units = OrganisationUnit.objects.filter(pk__in=unit_ids)
    return frozenset(units.values_list("organisation_id", flat=True))


def can_view_party_statement(user, organisation_id: int) -> bool:
    roles = roles_for(user)
    return roles.is_secretariat or organisation_id in reporter_municipality_ids(user)


def get_settlement_scheme(user, pk: int, year: int) -> FinancingScheme:
    """The scheme's settlement of its own budget year, for the secretariat."""
    scheme = get_scheme_for_user(user, pk)
    if scheme.year != year:
        raise Http404
    return scheme


def get_party_statement_scheme(user, pk: int, year: int, organisation_id: int):
    if not can_view_party_statement(user, organisation_id):
        raise Http404
    return get_object_or_404(FinancingScheme.objects.select_related("key"), pk=pk, year=year)


# --- scenarios of a mixed financing and of a tariff (issue 15): the secretariat's ----------


def get_mixed_financing_for_user(user, pk: int) -> MixedFinancing:
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(MixedFinancing.objects.select_related("offer"), pk=pk)


def get_tariff_for_scenarios(user, pk: int) -> Tariff:
    """Any tariff, provisional or final, for the secretariat's what-if scenarios."""
    if not roles_for(user).is_secretariat:
        raise Http404
    return get_object_or_404(Tariff.objects.select_related("offer"), pk=pk)
