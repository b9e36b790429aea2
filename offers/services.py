"""Writes to the offer register. Views, commands, importers and admin go through these."""

from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from socialaftale.lib.models import upsert

from .models import Capacity, ExtraPlaces, LegalBasis, Offer, TargetGroup
from .parsing import REASON_LARGE, UNSPECIFIED, parse_legal_basis, parse_places


@transaction.atomic
def capacity_set(*, offer: Offer, year: int, as_written: str, occupancy_pct=None) -> Capacity:
    """Store the places as written and their normalised form; unclear text is flagged for
    review, never rejected."""
    parsed = parse_places(as_written)
    if REASON_LARGE in parsed.review_reasons:
        # Kept as written and flagged; the counts would not fit the database's integer columns.
        parsed = replace(parsed, base=None, minimum=None, maximum=None, extras=())
    capacity, _created, _changed = upsert(
        Capacity,
        {"offer": offer, "year": year},
        {
            "as_written": parsed.as_written,
            "base_kind": parsed.base_kind or UNSPECIFIED,
            "base_places": parsed.base,
            "minimum_places": parsed.minimum,
            "maximum_places": parsed.maximum,
            "total_places": parsed.total,
            "needs_review": parsed.needs_review,
            "review_note": "; ".join(parsed.review_reasons)[:300],
            "occupancy_pct": occupancy_pct,
        },
    )
    extras = dict(_merge_extras(parsed.extras))
    if dict(capacity.extras.values_list("kind", "places")) != extras:
        capacity.extras.all().delete()
        ExtraPlaces.objects.bulk_create(
            ExtraPlaces(capacity=capacity, kind=kind, places=places)
            for kind, places in extras.items()
        )
    return capacity


def _merge_extras(extras):
    merged: dict[str, int] = {}
    for kind, places in extras:
        merged[kind] = merged.get(kind, 0) + places
    return merged.items()


def legal_bases_for(text: str) -> list[LegalBasis]:
    return [LegalBasis.objects.get_or_create(code=code)[0] for code in parse_legal_basis(text)]


def target_groups_for(slugs) -> list[TargetGroup]:
    return list(TargetGroup.objects.filter(slug__in=slugs))


@transaction.atomic
def offer_confirm(*, offer: Offer, user) -> Offer:
    """The operator or the secretariat confirms that the register entry is current."""
    offer.last_confirmed_at = timezone.now()
    offer.last_confirmed_by = user
    offer.save(update_fields=["last_confirmed_at", "last_confirmed_by"])
    return offer
