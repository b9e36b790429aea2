"""What the offers app shows on a municipality's page (registered in organisations.sections):
the offers it operates, other operators' offers located there, and the places located there."""

from organisations import sections

from .models import Offer, PlaceStatistic
from .selectors import default_year, with_coverage, with_places


def _offers(organisation) -> dict:
    year = default_year()
    offers = with_places(with_coverage(Offer.objects.select_related("operator"), year), year)
    return {
        "year": year,
        "operated": offers.filter(operator=organisation),
        "located": offers.filter(location_municipality=organisation).exclude(operator=organisation),
    }


def _places(organisation) -> dict:
    return {"places": PlaceStatistic.objects.filter(location_municipality=organisation)}


def register() -> None:
    sections.register(
        "offers.places",
        slot="beside_population",
        template="offers/_municipality_places.html",
        context=_places,
    )
    sections.register(
        "offers.offers", slot="below", template="offers/_municipality_offers.html", context=_offers
    )
