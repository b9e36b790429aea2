"""The usage of one offer in one year, entered on the offer's page (issue 13): places bought
per acting municipality. The page sends every municipality's value at once; the service
replaces the offer's rows for the year under a row lock and refuses a stale save (someone else
saved the same offer and year meanwhile). Each row's change is logged by simple_history."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from socialaftale.lib.edits import check_unchanged, edit_token

from .models import Offer, Usage


@dataclass(frozen=True)
class UsageValue:
    places: Decimal
    is_expected: bool = False


def _rows(offer: Offer, year: int):
    return Usage.objects.filter(offer=offer, year=year).order_by("acting_municipality_id")


def usage_token(offer: Offer, year: int) -> str:
    return edit_token(list(_rows(offer, year)))


@transaction.atomic
def usage_set(
    *,
    offer: Offer,
    year: int,
    values: dict[int, UsageValue | None],
    expected_token: str | None = None,
) -> int:
    """values: acting municipality id -> its places (None or 0 places: no row). Returns how
    many rows were added, changed or removed."""
    stored = {u.acting_municipality_id: u for u in _rows(offer, year).select_for_update()}
    check_unchanged(expected_token, sorted(stored.values(), key=lambda u: u.acting_municipality_id))
    touched = 0
    for municipality_id, value in values.items():
        usage = stored.get(municipality_id)
        if value is None or (value.places == 0 and not value.is_expected):
            if usage is not None:
                usage.delete()
                touched += 1
            continue
        if usage is None:
            Usage.objects.create(
                offer=offer,
                year=year,
                acting_municipality_id=municipality_id,
                places=value.places,
                is_expected=value.is_expected,
            )
            touched += 1
        elif (usage.places, usage.is_expected) != (value.places, value.is_expected):
            usage.places, usage.is_expected = value.places, value.is_expected
            usage.save(update_fields=["places", "is_expected"])
            touched += 1
    return touched
