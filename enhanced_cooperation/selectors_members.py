"""Reading the members: the list of a period, a member's page, its history."""

from django.db.models import Prefetch
from django.utils import timezone

from offers.models import Offer

from .models import Exit, ExitStatus, Member, Period


def default_period(periods) -> Period | None:
    """The period covering today, else the newest."""
    periods = list(periods)
    year = timezone.localdate().year
    return next((p for p in periods if p.covers(year)), periods[0] if periods else None)


def members_of(period: Period):
    offers = Offer.objects.order_by("name").only("pk", "name")
    return (
        Member.objects.filter(period=period)
        .select_related("exit")
        .prefetch_related(Prefetch("offers", queryset=offers))
        .order_by("name")
    )


def leaving_on(member: Member):
    """The date a member leaves or left: its end, else a decided exit's (None: a member)."""
    if member.ends_on is not None:
        return member.ends_on
    exit_ = getattr(member, "exit", None)  # None when there is no exit
    if exit_ is not None and exit_.status == ExitStatus.DECIDED:
        return exit_.ends_on
    return None


def member_exit(member: Member) -> Exit | None:
    return Exit.objects.filter(member=member).select_related("given_by").first()


def member_history(member: Member) -> list[Member]:
    """Every membership (other periods too) that shares an offer with this one, oldest
    first, this one included."""
    offer_ids = [offer.pk for offer in member.offers.all()]
    return list(
        Member.objects.filter(offers__in=offer_ids)
        .distinct()
        .select_related("period")
        .order_by("period__start_year", "name")
    )
