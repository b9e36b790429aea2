"""Reads of change notices and development plans, shaped for pages and the work list."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils import timezone

from offers.models import Capacity, Offer, OfferStatus, TargetGroup
from offers.selectors import with_places

from .calculations import (
    PLAN_THRESHOLD,
    NoticeRef,
    RegisterChange,
    Snapshot,
    changes_without_notice,
    transitions,
)
from .models import ChangeNotice, DevelopmentPlan, NoticeKind


def months_ago(today: dt.date, months: int) -> dt.date:
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    return dt.date(year, month + 1, min(today.day, 28))


def _status_snapshots(since: dt.date) -> list[Snapshot]:
    """Every historical status of the offers that have a closed record since `since`."""
    closed = Offer.history.filter(status=OfferStatus.CLOSED, history_date__date__gte=since)
    records = (
        Offer.history.filter(id__in=closed.values("id"))
        .order_by("history_date", "history_id")
        .values_list("id", "history_date", "status")
    )
    return [Snapshot(pk, pk, timezone.localdate(at), status) for pk, at, status in records]


def _places_snapshots(since: dt.date) -> list[Snapshot]:
    """Every historical total of the capacity rows changed since `since`."""
    changed = Capacity.history.filter(history_type="~", history_date__date__gte=since)
    records = (
        Capacity.history.filter(id__in=changed.values("id"))
        .exclude(history_type="-")
        .order_by("history_date", "history_id")
        .values_list("id", "offer_id", "history_date", "total_places")
    )
    return [Snapshot(pk, offer, timezone.localdate(at), total) for pk, offer, at, total in records]


def _target_group_snapshots(since: dt.date) -> list[Snapshot]:
    """Every historical set of target groups of the offers changed since `since` (two
    queries: the offers' records and their target groups as recorded with each)."""
    through = Offer.history.model._meta.get_field("historicaloffer_target_groups").related_model
    changed = Offer.history.filter(history_date__date__gte=since).values("id")
    groups = defaultdict(set)
    for history_id, group_id in through.objects.filter(history__id__in=changed).values_list(
        "history_id", "targetgroup_id"
    ):
        groups[history_id].add(group_id)
    records = (
        Offer.history.filter(id__in=changed)
        .order_by("history_date", "history_id")
        .values_list("history_id", "id", "history_date")
    )
    return [
        Snapshot(pk, pk, timezone.localdate(at), frozenset(groups[history_id]))
        for history_id, pk, at in records
    ]


def register_changes(since: dt.date):
    """Offers closed, places changed and target groups added since the date, as the
    register's history shows."""
    closings = transitions(
        _status_snapshots(since),
        kind=NoticeKind.CLOSING,
        since=since,
        became=OfferStatus.CLOSED,
    )
    places = transitions(_places_snapshots(since), kind=NoticeKind.PLACES, since=since)
    groups = transitions(
        _target_group_snapshots(since), kind=NoticeKind.TARGET_GROUP, since=since, grew=True
    )
    return closings + places + groups


def unnoticed_changes(since: dt.date):
    """The register's changes since the date that no notice of their kind covers, with their
    offers (name and operator) for the page: (change, offer) pairs."""
    changes = register_changes(since)
    offer_ids = {change.offer_id for change in changes}
    notices = [
        NoticeRef(*row)
        for row in ChangeNotice.objects.filter(offer_id__in=offer_ids).values_list(
            "offer_id", "kind", "noticed_on"
        )
    ]
    missing = changes_without_notice(changes, notices)
    offers = Offer.objects.select_related("operator").in_bulk({c.offer_id for c in missing})
    groups = dict(TargetGroup.objects.values_list("pk", "name"))  # the small taxonomy
    return [
        UnnoticedChange(change, offers[change.offer_id], _detail(change, groups))
        for change in missing
        if change.offer_id in offers
    ]


@dataclass(frozen=True)
class UnnoticedChange:
    change: RegisterChange
    offer: Offer
    detail: str  # what the register shows, in Danish labels


def _detail(change: RegisterChange, groups: dict[int, str]) -> str:
    if change.kind == NoticeKind.CLOSING:
        return f"{OfferStatus(change.before).label} → {OfferStatus(change.after).label}"
    if change.kind == NoticeKind.PLACES:
        return f"{_places(change.before)} → {_places(change.after)}"
    added = set(change.after) - set(change.before)
    return "+ " + ", ".join(sorted(groups.get(pk, "?") for pk in added))


def _places(value) -> str:
    return "–" if value is None else str(value)


def large_offers(offers, year: int):
    """Offers whose latest places at or before the year are more than 100, annotated with
    `places_total` and `plan_current` (a plan or follow-up for the year exists)."""
    plan = DevelopmentPlan.objects.filter(offer=OuterRef("pk"), year=year)
    return (
        with_places(offers, year)
        .filter(places_total__gt=PLAN_THRESHOLD)
        .annotate(plan_current=Exists(plan))
    )


def offers_missing_plans(offers, year: int):
    return large_offers(offers, year).filter(plan_current=False)
