"""Tariffs' item on the start page's work list (socialaftale.lib.worklist)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from organisations.access import roles_for
from socialaftale.lib import worklist

from .models import Tariff, TariffStatus


def awaiting_approval():
    """Tariffs the operator has reported and the secretariat has not approved yet."""
    return Tariff.objects.filter(status=TariffStatus.PROVISIONAL, reported_at__isnull=False)


def count_awaiting_approval(user) -> int:
    if not roles_for(user).is_secretariat:
        return 0
    return awaiting_approval().count()


def register_work_items() -> None:
    worklist.register(
        "tariffs.awaiting_approval",
        label=_("Tariffs awaiting approval"),
        count=count_awaiting_approval,
        # The list of tariffs awaiting approval is in the secretariat's box on the index.
        url=lambda: reverse("tariffs:index") + "#h-tools",
        position=15,
    )
