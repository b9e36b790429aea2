"""The enhanced cooperation in the offer catalogue (offers/catalogue_marks.py) and on the
offer page (offers/sections.py): member offers are marked with the label of the period
covering the catalogue's year, the catalogue filters on membership, and the offer page
shows the offer's membership history to everyone."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from offers import catalogue_marks, sections

from .models import Member, Period

FILTER_NAME = "samarbejde"


def annotate(offers, year: int):
    """The period of the offer's membership in `year` (none: not a member that year)."""
    members = (
        Member.objects.in_year(year).filter(offers=OuterRef("pk")).order_by("-period__start_year")
    )
    return offers.annotate(
        ec_period_start=Subquery(members.values("period__start_year")[:1]),
        ec_period_end=Subquery(members.values("period__end_year")[:1]),
    )


def labels(offer) -> list[str]:
    start = getattr(offer, "ec_period_start", None)
    if start is None:
        return []
    return [str(Period(start_year=start, end_year=offer.ec_period_end).label)]


def by_membership(offers, value: str):
    return offers.filter(ec_period_start__isnull=(value != "ja"))


def offer_memberships_context(user, offer) -> dict:
    """Public: every membership of the offer, newest period first."""
    memberships = offer.ec_memberships.select_related("period").order_by(
        "-period__start_year", "name"
    )
    return {"ec_memberships": list(memberships)}


def register() -> None:
    catalogue_marks.register_mark("enhanced_cooperation", annotate=annotate, labels=labels)
    catalogue_marks.register_filter(
        FILTER_NAME,
        label=_("The enhanced cooperation"),
        choices=[("ja", _("Yes")), ("nej", _("No"))],
        filter=by_membership,
    )
    sections.register(
        "enhanced_cooperation",
        template="enhanced_cooperation/members/_offer_section.html",
        context=offer_memberships_context,
    )
