"""The offer page's part about change notices and the development plan (offers.sections)."""

from django.utils import timezone

from offers import sections

from .access import can_record, may_see_offer_notices, recordable_offers
from .calculations import needs_plan, plan_is_current
from .selectors import large_offers


def offer_notices_context(user, offer) -> dict:
    """Nothing for those who may not read the offer's notices (the public catalogue)."""
    if not may_see_offer_notices(user, offer):
        return {"notices_shown": False}
    year = timezone.localdate().year
    plans = list(offer.development_plans.order_by("-year"))
    large = large_offers(type(offer).objects.filter(pk=offer.pk), year).first()
    return {
        "notices_shown": True,
        "offer_notices": list(offer.change_notices.select_related("party")),
        "offer_plans": plans,
        "plan_needed": large is not None and needs_plan(large.places_total),
        "plan_current": plan_is_current([p.year for p in plans], year),
        "plan_year": year,
        "may_record_notice": can_record(user)
        and recordable_offers(user).filter(pk=offer.pk).exists(),
    }


def register() -> None:
    sections.register(
        "notices", template="notices/_offer_section.html", context=offer_notices_context
    )
