"""Reads of the tariff round (SPEC §3.1): what the form of one offer starts from (last year's
tariff in this year's prices), the year's reduction target, and each offer's state."""

from dataclasses import dataclass, field
from decimal import Decimal

from ..models import PriceIndex, ReductionTarget, RoundState, Tariff, TariffStatus
from ..round_calc import COST_LINES, component_key, indexed

NOT_STARTED, REPORTED, RETURNED, APPROVED = "not_started", "reported", "returned", "approved"


@dataclass(frozen=True)
class Previous:
    """Last year's tariff of an offer in this year's prices (empty when there was none)."""

    year: int
    factor: Decimal | None
    unit: str = ""
    components: list = field(default_factory=list)  # (kind, package, indexed amount)
    occupancy_pct: Decimal | None = None
    cost_lines: dict = field(default_factory=dict)

    @property
    def amounts(self) -> dict:
        return {component_key(kind, package): amount for kind, package, amount in self.components}


def price_factor(from_year: int, to_year: int) -> Decimal | None:
    row = PriceIndex.objects.filter(from_year=from_year, to_year=to_year).first()
    return row.factor if row else None


def target_pct(year: int) -> Decimal | None:
    row = ReductionTarget.objects.filter(year=year).first()
    return row.tariff_reduction_pct if row else None


def previous_values(offer, year: int) -> Previous:
    """Last year's tariff (final or not) with the index from→to applied to every amount."""
    tariff = (
        Tariff.objects.filter(offer=offer, year=year - 1)
        .select_related("round_entry")
        .prefetch_related("components")
        .first()
    )
    return _previous(tariff, year, price_factor(year - 1, year))


def previous_values_for(offers, year: int) -> dict:
    """{offer pk: Previous} for many offers in three queries, whatever their number."""
    factor = price_factor(year - 1, year)
    tariffs = (
        Tariff.objects.filter(offer__in=offers, year=year - 1)
        .select_related("round_entry")
        .prefetch_related("components")
    )
    found = {tariff.offer_id: tariff for tariff in tariffs}
    return {offer.pk: _previous(found.get(offer.pk), year, factor) for offer in offers}


def _previous(tariff: Tariff | None, year: int, factor: Decimal | None) -> Previous:
    if tariff is None:
        return Previous(year - 1, factor)
    entry = getattr(tariff, "round_entry", None)
    lines = entry.cost_lines if entry else {}
    return Previous(
        year=year - 1,
        factor=factor,
        unit=tariff.unit,
        components=[
            (c.kind, c.package, indexed(c.amount, factor)) for c in tariff.components.all()
        ],
        occupancy_pct=entry.occupancy_pct if entry else None,
        cost_lines={
            code: indexed(Decimal(lines[code]), factor) for code in COST_LINES if lines.get(code)
        },
    )


def state_of(tariff: Tariff | None) -> str:
    """Not started (nothing reported this year), reported, returned, or approved (final)."""
    if tariff is None:
        return NOT_STARTED
    if tariff.status == TariffStatus.FINAL:
        return APPROVED
    entry = getattr(tariff, "round_entry", None)
    if entry is not None and entry.state == RoundState.RETURNED:
        return RETURNED
    return REPORTED if tariff.reported_at else NOT_STARTED


def year_tariffs(offers, year: int) -> dict:
    """{offer pk: the year's tariff with its components and round entry}."""
    tariffs = (
        Tariff.objects.filter(offer__in=offers, year=year)
        .select_related("round_entry", "reported_by", "approved_by")
        .prefetch_related("components")
    )
    return {tariff.offer_id: tariff for tariff in tariffs}
