"""Writes to the offer register. Views, commands, importers and admin go through these."""

from dataclasses import replace

from django.db import transaction
from django.utils import timezone

from socialaftale.lib.edits import check_token, edit_token, fields_token, save_edited
from socialaftale.lib.models import upsert
from socialaftale.lib.plausibility import enforce

from .models import Capacity, ExtraPlaces, LegalBasis, Offer, TargetGroup
from .parsing import REASON_LARGE, UNSPECIFIED, parse_legal_basis, parse_places
from .plausibility import check_capacity

CONFIRMATION_FIELDS = ["last_confirmed_at", "last_confirmed_by"]


@transaction.atomic
def capacity_set(
    *,
    offer: Offer,
    year: int,
    as_written: str,
    occupancy_pct=None,
    expected_token=None,
    confirmed: bool = False,
) -> Capacity:
    """Store the places as written and their normalised form; unclear text is flagged for
    review, never rejected. From the form (expected_token), refused with StaleEdit if the
    year's places were saved by someone else since the form was shown. An impossible
    occupancy is refused, an implausible one unless `confirmed` (Implausible)."""
    Offer.objects.select_for_update().filter(pk=offer.pk).first()
    check_token(expected_token, capacity_token(offer, year))
    parsed = parse_places(as_written)
    findings = check_capacity(occupancy_pct=occupancy_pct, total_places=parsed.total)
    enforce(findings, confirmed=confirmed)
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
def offer_update(*, form) -> Offer:
    """The secretariat's edit form (an OfferForm bound to the offer): saved under the row
    lock, refused (StaleEdit) if someone else saved the offer since the form was shown."""
    return save_edited(form)


def confirm_token(offer: Offer) -> str:
    """What the confirming user saw: the register entry and its places (not who confirmed)."""
    capacities = list(Capacity.objects.filter(offer=offer).order_by("year", "pk"))
    return edit_token(fields_token(offer, exclude=CONFIRMATION_FIELDS), capacities)


def capacity_token(offer: Offer, year: int) -> str:
    return edit_token(Capacity.objects.filter(offer=offer, year=year).first())


@transaction.atomic
def offer_confirm(*, offer: Offer, user, expected_token: str | None = None) -> Offer:
    """The operator or the secretariat confirms that the register entry is current; refused
    (StaleEdit) if the entry changed since the page with the button was shown."""
    Offer.objects.select_for_update().filter(pk=offer.pk).first()
    check_token(expected_token, confirm_token(offer))
    offer.last_confirmed_at = timezone.now()
    offer.last_confirmed_by = user
    offer.save(update_fields=["last_confirmed_at", "last_confirmed_by"])
    return offer
