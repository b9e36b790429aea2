"""Writes to the offer register. Views, commands, importers and admin go through these."""

from dataclasses import dataclass, field, replace

from django.db import transaction
from django.utils import timezone

from socialaftale.lib.cpr import shown
from socialaftale.lib.edits import check_token, edit_token, fields_token
from socialaftale.lib.models import upsert
from socialaftale.lib.plausibility import enforce

from .importers import OfferRow
from .models import Capacity, ExtraPlaces, LegalBasis, Offer, TargetGroup
from .parsing import REASON_LARGE, UNSPECIFIED, parse_places
from .plausibility import check_capacity

CONFIRMATION_FIELDS = ["last_confirmed_at", "last_confirmed_by"]
RELATIONS = ("target_groups", "legal_bases", "service_types")


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


def legal_bases_for(codes) -> list[LegalBasis]:
    return [LegalBasis.objects.get_or_create(code=code)[0] for code in codes]


def target_groups_for(slugs) -> list[TargetGroup]:
    return list(TargetGroup.objects.filter(slug__in=slugs))


@transaction.atomic
def offer_create(*, target_groups=(), legal_bases=(), service_types=(), **fields) -> Offer:
    """A new register entry (the secretariat's form): the offer's fields by name, then its
    target groups, legal bases and service types."""
    offer = Offer.objects.create(**fields)
    offer.target_groups.set(target_groups)
    offer.legal_bases.set(legal_bases)
    offer.service_types.set(service_types)
    return offer


@transaction.atomic
def offer_update(*, offer: Offer, expected_token: str | None = None, **values) -> Offer:
    """The secretariat's edit (the form's fields by name, many-to-many as lists): saved under
    the row lock, refused (StaleEdit) if someone else saved those fields since the form was
    shown (expected_token; None from a caller that is not a form). Only changed fields are
    written."""
    stored = Offer.objects.select_for_update().get(pk=offer.pk)
    check_token(expected_token, fields_token(stored, list(values)))
    relations = {name: values.pop(name) for name in RELATIONS if name in values}
    changed = [name for name, value in values.items() if getattr(stored, name) != value]
    for name in changed:
        setattr(stored, name, values[name])
    if changed:
        stored.save(update_fields=changed)
    for name, items in relations.items():
        getattr(stored, name).set(items)
    return stored


@dataclass
class OfferImportResult:
    created: int = 0
    updated: int = 0
    flagged_places: list[str] = field(default_factory=list)


@transaction.atomic
def offer_import(*, rows: list[OfferRow], year: int) -> OfferImportResult:
    """The checked rows of an offer file (offers.importers.parse_offers), all in one
    transaction: an offer is matched by name and updated, or created; its places as written
    are stored for `year`."""
    result = OfferImportResult()
    for row in rows:
        offer, created, _changed = upsert(Offer, {"name": row.name}, row.values)
        offer.legal_bases.set(legal_bases_for(row.legal_basis_codes))
        offer.target_groups.set(target_groups_for(row.target_group_slugs))
        result.created += created
        result.updated += not created
        if not row.places_as_written:
            continue  # no answer given: nothing to record or review
        capacity = capacity_set(offer=offer, year=year, as_written=row.places_as_written)
        if capacity.needs_review:
            result.flagged_places.append(f"{shown(offer.name)}: »{shown(capacity.as_written)}«")
    return result


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
