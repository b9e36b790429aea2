"""The flags of falling demand for members (SPEC §6, early joint action): reads the figures
of a year and hands them to the pure rules of flag_rules.py (where the rules are stated).

Figures read, for the year Y and the members of Y:
- usage: offers' Usage rows (import_usage / the offer page) of the years Y-4..Y, actual use;
- occupancy: the member's annual reports of Y-4..Y (rounds of kind annual_report, the
  operator's submission once handed in: not a draft), else the offers' Capacity.occupancy_pct
  of that year (mean of the member's offers that have one). A report is stored under the
  membership's pk, so only the reports of the member's own period count;
- operator: the member's annual report of Y;
- submissions: the latest handed-in version of each submission in the demand/capacity
  round(s) of Y, question A2's falling needs, matched to the offers' place kinds (Capacity of
  the latest year up to Y), age group and target groups.

flags_for_year reads everything in a fixed number of queries, whatever the number of members.
"""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Prefetch, Sum

from offers.models import Capacity, Offer, PlaceKind, Usage
from submissions import questionnaire as q
from submissions.calculations import UnitAnswers
from submissions.models import RoundKind, Submission, SubmissionStatus, SubmissionVersion

from . import flag_rules
from .flag_rules import FallingNeed, Flag, OfferProfile
from .models import Member
from .reports import occupancy, report_key, report_of

__all__ = ["Flag", "flags_for_member", "flags_for_year"]

YEARS_BACK = 4
HANDED_IN = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)
REPORT_READ = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED, SubmissionStatus.REOPENED)
_PLACE = {
    PlaceKind.DAY: "day",
    PlaceKind.RESIDENTIAL: "residential",
    PlaceKind.RESPITE: "residential",
    PlaceKind.ACUTE: "residential",
}


def flags_for_year(year: int) -> dict[int, list[Flag]]:
    """member pk -> flags, for every member of `year`."""
    offers = Offer.objects.order_by("name").prefetch_related("target_groups")
    members = Member.objects.in_year(year).prefetch_related(Prefetch("offers", queryset=offers))
    return _flags(list(members), year)


def flags_for_member(member, year: int) -> list[Flag]:
    return _flags([member], year)[member.pk]


def _flags(members: list, year: int) -> dict[int, list[Flag]]:
    offers = {m.pk: list(m.offers.all()) for m in members}
    offer_ids = {o.pk for found in offers.values() for o in found}
    usage = _usage(offer_ids, year)
    capacities = _capacities(offer_ids, year)
    reports = _reports(members, offers, year)
    needs = _falling_needs(year)
    result = {}
    for member in members:
        own = offers[member.pk]
        member_reports = reports.get(member.pk, {})
        result[member.pk] = flag_rules.member_flags(
            usage=_sum_usage(usage, own),
            occupancy=_occupancy(member_reports, capacities, own),
            report=member_reports.get(year - 1),
            year=year - 1,
            needs=needs,
            offers=[_profile(offer, capacities) for offer in own],
        )
    return result


def _usage(offer_ids, year) -> dict[tuple[int, int], Decimal]:
    rows = (
        Usage.objects.filter(
            offer_id__in=offer_ids, year__range=(year - YEARS_BACK, year), is_expected=False
        )
        .values("offer_id", "year")
        .annotate(total=Sum("places"))
        .order_by()
    )
    return {(row["offer_id"], row["year"]): row["total"] for row in rows}


def _sum_usage(usage, offers) -> dict[int, Decimal]:
    ids = {o.pk for o in offers}
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for (offer_id, year), total in usage.items():
        if offer_id in ids:
            totals[year] += total
    return dict(totals)


def _capacities(offer_ids, year) -> dict[int, dict[int, Capacity]]:
    """offer id -> year -> its capacity (with the extras prefetched)."""
    found: dict[int, dict[int, Capacity]] = defaultdict(dict)
    rows = Capacity.objects.filter(
        offer_id__in=offer_ids, year__range=(year - YEARS_BACK, year)
    ).prefetch_related("extras")
    for capacity in rows:
        found[capacity.offer_id][capacity.year] = capacity
    return found


def _reports(members, offers, year) -> dict[int, dict[int, dict]]:
    """member pk -> the year a report is about (the round's year - 1: the round of 2019 asks
    for the reports for 2018) -> the member's annual report as handed in."""
    operators = {o.operator_id for found in offers.values() for o in found}
    submissions = (
        Submission.objects.filter(
            round__kind=RoundKind.ANNUAL_REPORT,
            round__year__range=(year - YEARS_BACK, year),
            unit__organisation_id__in=operators,
            status__in=REPORT_READ,
        )
        .select_related("round", "unit")
        .order_by("round__year", "pk")
    )
    found: dict[int, dict[int, dict]] = defaultdict(dict)
    for submission in submissions:
        for member in members:
            own = {o.operator_id for o in offers[member.pk]}
            key = report_key(member.pk)
            if submission.unit.organisation_id in own and key in (submission.answers or {}):
                about = submission.round.year - 1
                found[member.pk][about] = report_of(submission.answers, member.pk)
    return found


def _occupancy(reports: dict[int, dict], capacities, offers) -> dict[int, Decimal]:
    series: dict[int, Decimal] = {}
    for year, report in reports.items():
        value = occupancy(report)
        if value is not None:
            series[year] = value
    by_year: dict[int, list[Decimal]] = defaultdict(list)
    for offer in offers:
        for year, capacity in capacities.get(offer.pk, {}).items():
            if capacity.occupancy_pct is not None:
                by_year[year].append(capacity.occupancy_pct)
    for year, values in by_year.items():
        if year not in series:
            series[year] = (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.1"))
    return series


def _profile(offer, capacities) -> OfferProfile:
    held = capacities.get(offer.pk, {})
    places: set[str] = set()
    if held:
        capacity = held[max(held)]
        kinds = [capacity.base_kind, *(extra.kind for extra in capacity.extras.all())]
        places = {_PLACE[kind] for kind in kinds if kind in _PLACE}
    return OfferProfile(
        places=frozenset(places),
        age=offer.age_group or "",
        target_groups=frozenset(group.slug for group in offer.target_groups.all()),
    )


def _falling_needs(year: int) -> list[FallingNeed]:
    """Every falling need (A2) of the latest handed-in version of each submission in the
    demand/capacity round(s) of `year`."""
    versions = (
        SubmissionVersion.objects.filter(
            submission__round__kind=RoundKind.DEMAND_CAPACITY,
            submission__round__year=year,
            submission__status__in=HANDED_IN,
        )
        .select_related("submission__unit__organisation")
        .order_by("submission_id", "-number")
    )
    latest: dict[int, SubmissionVersion] = {}
    for version in versions:
        latest.setdefault(version.submission_id, version)
    needs = []
    for version in latest.values():
        unit = version.submission.unit
        if version.form_version not in q.QUESTIONNAIRES:
            continue
        answer = UnitAnswers(unit.code, unit.name, version.answers, version.form_version)
        for need in (answer.answer(q.CHANGES) or {}).get("falling", []):
            needs.append(
                FallingNeed(
                    municipality=unit.organisation.name,
                    place=need.get("place", ""),
                    age=need.get("age", ""),
                    target_group=need.get("target_group", ""),
                )
            )
    return needs
