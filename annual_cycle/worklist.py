"""The annual cycle's item on the start page's work list (socialaftale.lib.worklist)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from socialaftale.lib import worklist

from .selectors import audience_q, concerns_nobody, due_soon


def count_due_soon(user) -> int:
    """One query: the events not done due within 60 days that concern the user (all of them
    for the secretariat); 0 without a query for users no event concerns."""
    if not getattr(user, "is_authenticated", False) or concerns_nobody(audience_q(user)):
        return 0
    return due_soon(user, timezone.localdate()).count()


def register_work_items() -> None:
    worklist.register(
        "annual_cycle.due_soon",
        label=_("Events of the annual cycle due within 60 days"),
        count=count_due_soon,
        url=lambda: reverse("annual_cycle:due"),
        position=70,
    )
