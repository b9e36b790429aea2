"""Reads for the mixed financing and tariff scenarios (issue 15): the real figures a scenario
is computed from (and compared with when it is adopted), the buying municipalities' places,
and the schemes that split a mixed financing's objective part."""

import calendar

from django.utils.translation import gettext_lazy as _

from offers.models import Usage
from organisations.access import roles_for
from organisations.models import Organisation

from ..calculations import Component
from ..models import FinancingScheme, MixedFinancing, Scenario, ScenarioKind, Tariff

PERIOD_WORDS = {
    "day": _("days"),
    "month": _("months"),
    "year": _("years"),
    "case": _("cases"),
}


def mixed_basis(record: MixedFinancing) -> dict:
    """The mixed financing's stored values as the scenario was computed from them."""
    return {
        "objective_share": str(record.objective_share),
        "objective_financing": _text(record.objective_financing),
        "total_budget": _text(record.total_budget),
        "expected_cases": record.expected_cases,
    }


def _text(value) -> str | None:
    return None if value is None else str(value)


def scheme_of(record: MixedFinancing) -> FinancingScheme | None:
    """The scheme whose total is the mixed financing's objective part (the newest)."""
    return record.schemes.order_by("-year", "-pk").first()


def tariff_components(tariff: Tariff) -> list[Component]:
    return [(c.kind, c.package, c.amount) for c in tariff.components.order_by("kind", "package")]


def tariff_usage(tariff: Tariff) -> tuple[dict, dict[str, Organisation]]:
    """The places each acting municipality bought in the offer in the tariff's year (actual and
    expected), by short name, and the municipalities."""
    usages = Usage.objects.filter(offer=tariff.offer_id, year=tariff.year).select_related(
        "acting_municipality"
    )
    places, parties = {}, {}
    for usage in usages.order_by("acting_municipality__name"):
        party = usage.acting_municipality
        places[party.short_name] = places.get(party.short_name, 0) + usage.places
        parties[party.short_name] = party
    return places, parties


def periods(tariff: Tariff) -> int:
    """How many of the tariff's units a place is bought for in a year: the year's days, 12
    months, or once (a year's or a case's tariff)."""
    if tariff.unit == "day":
        return 366 if calendar.isleap(tariff.year) else 365
    return 12 if tariff.unit == "month" else 1


def tariff_basis(tariff: Tariff) -> dict:
    places, _parties = tariff_usage(tariff)
    return {
        "components": [[k, p, str(a)] for k, p, a in tariff_components(tariff)],
        "places": {party: str(count) for party, count in places.items()},
    }


def kind_scenarios(subject) -> list[Scenario]:
    """A mixed financing's or a tariff's scenarios, newest first."""
    if isinstance(subject, MixedFinancing):
        queryset = Scenario.objects.filter(kind=ScenarioKind.MIXED, mixed_financing=subject)
    else:
        queryset = Scenario.objects.filter(kind=ScenarioKind.TARIFF, tariff=subject)
    return list(queryset.select_related("created_by", "base_split"))


def mixed_scenario_records(user) -> list[MixedFinancing]:
    """The mixed financing records the secretariat can make scenarios of (none for others)."""
    if not roles_for(user).is_secretariat:
        return []
    return list(MixedFinancing.objects.select_related("offer").order_by("offer__name", "-year"))
