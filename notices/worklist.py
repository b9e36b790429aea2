"""Change notices' and development plans' items on the start page's work list."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from offers.models import Offer
from organisations.access import roles_for
from socialaftale.lib import worklist

from .models import ChangeNotice
from .selectors import offers_missing_plans

RECENT_DAYS = 30
BREACH_DAYS = 365  # breaches noticed within the last year are still to be followed up


def count_breaches(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    since = timezone.localdate() - dt.timedelta(days=BREACH_DAYS)
    return ChangeNotice.objects.breaches().filter(noticed_on__gte=since).count()


def count_recent(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    since = timezone.localdate() - dt.timedelta(days=RECENT_DAYS)
    return ChangeNotice.objects.filter(noticed_on__gte=since).count()


def count_plans_missing(user) -> int:
    """The secretariat: every offer over 100 places without this year's plan; an operator:
    its own."""
    roles = roles_for(user)
    if roles.is_secretariat:
        offers = Offer.objects.all()
    elif roles.is_operator:
        offers = Offer.objects.filter(operator_id__in=roles.operator_organisation_ids)
    else:
        return 0
    return offers_missing_plans(offers, timezone.localdate().year).count()


def register_work_items() -> None:
    worklist.register(
        "notices.breaches",
        label=_("Change notices given after the decision"),
        count=count_breaches,
        url=lambda: reverse("notices:list") + "?brud=ja",
        position=50,
    )
    worklist.register(
        "notices.recent",
        label=_("Change notices (last 30 days)"),
        count=count_recent,
        url=lambda: reverse("notices:list"),
        position=51,
    )
    worklist.register(
        "notices.plans_missing",
        label=_("Development plans missing"),
        count=count_plans_missing,
        url=lambda: reverse("notices:plans"),
        position=52,
    )
