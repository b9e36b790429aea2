"""Reads for the published tariff appendix: the rows a new version would hold (approved
tariffs of the covered offers), what is still outstanding, and the stored versions."""

from dataclasses import dataclass

from django.db.models import Prefetch

from offers.models import Offer
from offers.selectors import with_coverage

from ..appendix import AppendixRow, Outstanding, appendix_changes
from ..models import Tariff, TariffAppendixVersion, TariffStatus
from .published import appendix_coverage_year


@dataclass(frozen=True)
class AppendixDraft:
    """What publishing now would store: the rows, the changes since the newest version (None:
    there is none, this would be version 1) and the offers still without an approved tariff."""

    year: int
    coverage_year: int | None
    rows: tuple[AppendixRow, ...]
    outstanding: Outstanding
    latest: TariffAppendixVersion | None
    changes: list | None

    @property
    def next_version(self) -> int:
        return self.latest.version + 1 if self.latest else 1


def _row(offer: Offer) -> tuple[AppendixRow, str | None]:
    """The offer's row and, if its tariff is not in it, why: "awaiting" or "not_reported"."""
    tariff = next(iter(offer.tariffs.all()), None)
    head = (offer.pk, offer.name, offer.operator.short_name)
    if tariff is None:
        return AppendixRow(*head, None, None), "not_reported"
    if tariff.status != TariffStatus.FINAL:
        return AppendixRow(*head, None, None), "awaiting"
    components = tuple((c.kind, c.package, c.amount) for c in tariff.components.all())
    return AppendixRow(*head, tariff.unit, tariff.status, components), None


def appendix_draft(year: int) -> AppendixDraft:
    """The covered offers (by the latest usage up to the year) with their approved tariffs."""
    source = appendix_coverage_year(year)
    tariffs = Tariff.objects.filter(year=year).prefetch_related("components")
    offers = (
        with_coverage(Offer.objects.select_related("operator"), source or year)
        .filter(covered=True)
        .prefetch_related(Prefetch("tariffs", queryset=tariffs))
    )
    rows, awaiting, not_reported = [], [], []
    for offer in offers:
        row, missing = _row(offer)
        rows.append(row)
        {"awaiting": awaiting, "not_reported": not_reported, None: []}[missing].append(offer.name)
    latest = latest_version(year)
    changes = appendix_changes(latest.appendix_rows, rows) if latest else None
    outstanding = Outstanding(tuple(awaiting), tuple(not_reported))
    return AppendixDraft(year, source, tuple(rows), outstanding, latest, changes)


def latest_version(year: int) -> TariffAppendixVersion | None:
    return TariffAppendixVersion.objects.filter(year=year).order_by("-version").first()


def appendix_versions(year: int) -> list[TariffAppendixVersion]:
    """The year's published versions, newest first."""
    return list(
        TariffAppendixVersion.objects.filter(year=year)
        .select_related("published_by")
        .order_by("-version")
    )
