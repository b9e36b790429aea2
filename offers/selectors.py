"""Reads of the offer register, shaped for pages: a constant number of queries per page."""

import datetime as dt

from django.db.models import (
    BooleanField,
    Case,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.text import capfirst

from socialaftale.lib.history import HistoryEntry, describe

from . import catalogue_marks
from .calculations import CoverageDecision, CoverageInput, Places, decide_coverage
from .models import Capacity, CoverageExemption, Offer, PlaceStatistic, TargetGroup, Usage


def default_year() -> int:
    """The latest year with usage data: coverage is derived from it."""
    return Usage.objects.aggregate(year=Max("year"))["year"] or timezone.localdate().year


def exemptions_in(year: int):
    return CoverageExemption.objects.filter(from_year__lte=year).filter(
        Q(to_year__isnull=True) | Q(to_year__gte=year)
    )


def with_coverage(queryset, year: int):
    """Annotate `covered` in SQL with the same rule as calculations.decide_coverage (a test
    keeps the two in step)."""
    used_by_others = Usage.objects.filter(offer=OuterRef("pk"), year=year, places__gt=0).exclude(
        acting_municipality=OuterRef("operator")
    )
    exempted = exemptions_in(year).filter(offer=OuterRef("pk"))
    return queryset.annotate(
        covered=Case(
            When(operator__kind="region", then=Value(True)),
            When(
                Q(operator__kind="municipality") & Exists(used_by_others) & ~Exists(exempted),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def with_places(queryset, year: int):
    """The latest capacity at or before the year."""
    latest = Capacity.objects.filter(offer=OuterRef("pk"), year__lte=year).order_by("-year")
    return queryset.annotate(
        places_total=Subquery(latest.values("total_places")[:1]),
        places_as_written=Subquery(latest.values("as_written")[:1]),
        places_need_review=Subquery(latest.values("needs_review")[:1]),
    )


def catalogue_offers(year: int):
    offers = Offer.objects.select_related("operator", "location_municipality").prefetch_related(
        Prefetch("target_groups", queryset=TargetGroup.objects.order_by("position")),
        "legal_bases",
    )
    return catalogue_marks.annotate(with_places(with_coverage(offers, year), year), year)


def coverage_of(offer: Offer, year: int) -> CoverageDecision:
    usage = tuple(
        (u.acting_municipality_id, u.places) for u in offer.usages.all() if u.year == year
    )
    exempted = any(e.applies_to(year) for e in offer.exemptions.all())
    return decide_coverage(
        CoverageInput(
            operator_kind=offer.operator.kind,
            operator_id=offer.operator_id,
            year=year,
            usage=usage,
            exempted=exempted,
        )
    )


def offer_detail(queryset, pk: int):
    return (
        queryset.select_related(
            "operator", "location_municipality", "replaces", "last_confirmed_by"
        )
        .prefetch_related(
            "target_groups",
            "legal_bases",
            "service_types",
            "departments",
            "exemptions__buyers",
            "replaced_by",
            Prefetch("usages", queryset=Usage.objects.select_related("acting_municipality")),
            Prefetch("capacities", queryset=Capacity.objects.prefetch_related("extras")),
        )
        .get(pk=pk)
    )


def offer_history(offer: Offer, limit: int = 50) -> list[HistoryEntry]:
    """The offer's changes and those of everything recorded about it (places, usage,
    exemptions, departments and, registered by the apps above, tariffs), newest first:
    labels and names, not ids; a save that changed nothing shown gives no row."""
    own = offer.history.select_related("history_user")
    label = capfirst(Offer._meta.verbose_name)
    entries = describe(own, subject=lambda record: label, created_with_values=False)
    for relation in Offer._meta.related_objects:
        model = relation.related_model
        manager = getattr(model._meta, "simple_history_manager_attribute", None)
        if not manager or relation.many_to_many or relation.one_to_one:
            continue
        records = getattr(model, manager).filter(**{relation.field.name: offer.pk})
        entries += describe(
            records.select_related("history_user"),
            subject=_related_subject(model),
            exclude=[relation.field.name, "year"],  # both are in the subject
        )
    entries.sort(key=lambda entry: entry.when, reverse=True)
    return entries[:limit]


def _related_subject(model):
    label = capfirst(model._meta.verbose_name)

    def subject(record) -> str:
        year = getattr(record, "year", None)
        return f"{label} {year}" if year else str(label)

    return subject


def place_statistics(year: int) -> list[Places]:
    """The year's published places by location municipality, in the register's order."""
    return [
        Places(
            municipality=row.location_municipality.short_name,
            municipality_code=row.location_municipality.code,
            municipal_places=row.municipal_places,
            private_places=row.private_places,
            agreement_places=row.agreement_places,
        )
        for row in PlaceStatistic.objects.filter(year=year).select_related("location_municipality")
    ]


EXPIRY_DAYS = 60  # an exemption expiring within this many days is on the work list


def expiring_exemptions(today, days: int = EXPIRY_DAYS):
    """Exemptions whose agreement ends within `days` days from today (today included)."""
    return CoverageExemption.objects.filter(
        ends_on__gte=today, ends_on__lte=today + dt.timedelta(days=days)
    )


def exemption_state(exemption: CoverageExemption, today) -> str:
    """ "expired", "expiring" (within EXPIRY_DAYS), "active" or "future"."""
    if exemption.has_expired(today):
        return "expired"
    if exemption.expires_within(today, EXPIRY_DAYS):
        return "expiring"
    if exemption.starts_on and exemption.starts_on > today:
        return "future"
    return "active"
