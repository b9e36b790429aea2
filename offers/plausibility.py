"""Plausibility of an offer's places and occupancy (pure). The form already refuses an
occupancy below 0 or above 200 %. Over 100 % is possible (a place used by two citizens in a
year, emergency placements) but rare, so the operator confirms it; an occupancy of places
the text says do not exist ("0") cannot be right."""

from decimal import Decimal

from django.utils.translation import gettext as _

from socialaftale.lib.plausibility import Finding

FULL = Decimal("100")


def check_capacity(*, occupancy_pct: Decimal | None, total_places: int | None) -> list[Finding]:
    if occupancy_pct is None:
        return []
    field = _("Occupancy (%)")
    if occupancy_pct < 0:
        return [Finding(field, _("An occupancy cannot be negative."), impossible=True)]
    if total_places == 0 and occupancy_pct > 0:
        message = _("The places as written give 0 places, so nothing can be occupied.")
        return [Finding(field, message, impossible=True)]
    if occupancy_pct > FULL:
        message = _("%(pct)s %% is more than full occupancy. Is that right?")
        return [
            Finding(
                field, message % {"pct": f"{occupancy_pct}".replace(".", ",")}, impossible=False
            )
        ]
    return []
