"""Offers' item on the start page's work list (socialaftale.lib.worklist)."""

from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist

from .models import Offer, Usage
from .selectors import expiring_exemptions, with_places


def places_need_review(offers):
    """The offers whose latest capacity (at or before the default year: the latest year with
    usage data, as selectors.default_year) has places that need review. The year is a
    subquery, so the count stays one query."""
    latest_usage_year = Usage.objects.order_by("-year").values("year")[:1]
    year = Coalesce(Subquery(latest_usage_year), Value(timezone.localdate().year))
    return with_places(offers, year).filter(places_need_review=True)


def count_places_need_review(user) -> int:
    """The secretariat: every offer; an operator: their own offers (they correct the places)."""
    roles = roles_for(user)
    if roles.is_secretariat:
        return places_need_review(Offer.objects.all()).count()
    if roles.is_operator:
        own = Offer.objects.filter(operator_id__in=roles.operator_organisation_ids)
        return places_need_review(own).count()
    return 0


def count_expiring_exemptions(user) -> int:
    """The secretariat: exemptions whose agreement ends within 60 days (they expire then)."""
    if not roles_for(user).is_secretariat:
        return 0
    return expiring_exemptions(timezone.localdate()).count()


def register_work_items() -> None:
    worklist.register(
        "offers.places_need_review",
        label=_("Offers whose places need review"),
        count=count_places_need_review,
        url=lambda: reverse("offers:catalogue") + "?gennemsyn=ja",
        position=40,
    )
    worklist.register(
        "offers.expiring_exemptions",
        label=_("Exemptions expiring within 60 days"),
        count=count_expiring_exemptions,
        url=lambda: reverse("offers:exemptions") + "?udloeber=1",
        position=45,
    )
