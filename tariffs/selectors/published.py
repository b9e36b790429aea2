"""The figures of the published tables, read once and handed on as frozen dataclasses:
tables.py turns them into ReportTables, with the arithmetic in calculations.py."""

import datetime as dt
from dataclasses import dataclass, fields
from decimal import Decimal

from django.db.models import Prefetch

from offers.models import Offer, Usage
from offers.selectors import with_coverage
from organisations.models import Organisation, PopulationFigure
from socialaftale.lib.money import without_trailing_zeros

from .. import calculations as calc
from ..access import visible_tariffs
from ..models import (
    BpaRate,
    DevelopmentContributionRate,
    DistributionKey,
    MixedFinancing,
    PriceIndex,
    ReductionTarget,
    SupervisionBudget,
    SupervisionTariff,
    SupervisionVolume,
    Tariff,
)


def _copy(cls, record):
    """The record's fields that the dataclass names, as plain values."""
    return cls(**{field.name: getattr(record, field.name) for field in fields(cls)})


def _components(tariff: Tariff) -> tuple[calc.Component, ...]:
    return tuple((c.kind, c.package, c.amount) for c in tariff.components.all())


def _price_factor(year: int) -> Decimal | None:
    index = PriceIndex.objects.filter(from_year=year - 1, to_year=year).first()
    return index.factor if index else None


# --- Socialtilsyn Nord's budget (SPEC §3.4) -------------------------------------------------


@dataclass(frozen=True)
class Budget:
    offers_department: Decimal
    foster_family_department: Decimal
    total: Decimal


@dataclass(frozen=True)
class BudgetYears:
    year: int
    this: Budget | None
    last: Budget | None
    last_now: Budget | None  # last year's budget in this year's prices
    factor: Decimal | None


@dataclass(frozen=True)
class Volume:
    foster_families: int
    foster_family_new_approvals: int
    offers: int
    offer_new_approvals: int
    bpa_company_approvals: int


@dataclass(frozen=True)
class ChildrenKey:
    name: str
    source: str
    weights: tuple[tuple[str, Decimal], ...]


@dataclass(frozen=True)
class SupervisionFees:
    category: int
    places_min: int
    places_max: int | None
    annual: Decimal
    intensified: Decimal | None
    new_approval: Decimal | None
    substantial_change: Decimal | None


@dataclass(frozen=True)
class BpaFigures:
    hourly_rate: Decimal
    hours_per_new_approval: int | None


@dataclass(frozen=True)
class SocialtilsynFigures:
    year: int
    budgets: BudgetYears
    volumes: dict[int, Volume]
    children_key: ChildrenKey | None
    fees: dict[tuple[int, int, int], SupervisionFees]  # (tariff year, price basis, category)
    bpa_rates: dict[tuple[int, int], BpaFigures]  # (year, price basis)


def budget_years(year: int) -> BudgetYears:
    budgets = {
        (b.budget_year, b.price_basis): _copy(Budget, b)
        for b in SupervisionBudget.objects.filter(budget_year__in=[year - 1, year])
    }
    return BudgetYears(
        year=year,
        this=budgets.get((year, year)),
        last=budgets.get((year - 1, year - 1)),
        last_now=budgets.get((year - 1, year)),
        factor=_price_factor(year),
    )


def children_key(year: int) -> ChildrenKey | None:
    """The newest 0-17 key dated before the budget year: Danmarks Statistik's Q2 figures of
    the year before (SPEC §3.3), e.g. 2017 Q2 for the 2019 budget."""
    key = (
        DistributionKey.objects.filter(
            area__name="Socialtilsyn Nord", reference_date__year__lte=year - 1
        )
        .order_by("-reference_date")
        .first()
    )
    if key is None:
        return None
    weights = tuple(
        (row.organisation.short_name, without_trailing_zeros(row.weight))
        for row in key.rows.select_related("organisation")
    )
    return ChildrenKey(key.name, key.source, weights)


def socialtilsyn_figures(year: int) -> SocialtilsynFigures:
    years = [year - 1, year]
    budgets = budget_years(year)
    volumes = {v.year: _copy(Volume, v) for v in SupervisionVolume.objects.filter(year__in=years)}
    key = children_key(year)
    fees = {
        (t.tariff_year, t.price_basis, t.category): _copy(SupervisionFees, t)
        for t in SupervisionTariff.objects.filter(tariff_year__in=years)
    }
    rates = {
        (r.year, r.price_basis): _copy(BpaFigures, r)
        for r in BpaRate.objects.filter(year__in=years)
    }
    return SocialtilsynFigures(year, budgets, volumes, key, fees, rates)


# --- The tariff appendix and the tariff development ---------------------------------------


@dataclass(frozen=True)
class AppendixTariff:
    unit: str  # the unit's label
    status: str  # the status's label
    components: tuple[calc.Component, ...]


@dataclass(frozen=True)
class AppendixOffer:
    name: str
    operator: str
    tariff: AppendixTariff | None


@dataclass(frozen=True)
class Appendix:
    year: int
    source: int | None  # the usage year that decides coverage
    offers: tuple[AppendixOffer, ...]


def appendix_coverage_year(year: int) -> int | None:
    usage_years = Usage.objects.order_by("year").values_list("year", flat=True).distinct()
    return calc.appendix_usage_year(year, usage_years)


def _appendix_offer(offer: Offer) -> AppendixOffer:
    tariff = next(iter(offer.tariffs.all()), None)
    shown = (
        AppendixTariff(tariff.get_unit_display(), tariff.get_status_display(), _components(tariff))
        if tariff
        else None
    )
    return AppendixOffer(offer.name, offer.operator.short_name, shown)


def appendix(user, year: int) -> Appendix:
    """Covered offers with the tariffs `user` may see for the year (the takstbilag); coverage
    from the latest year with usage up to the year."""
    source = appendix_coverage_year(year)
    tariffs = visible_tariffs(user, Tariff.objects.filter(year=year).prefetch_related("components"))
    offers = (
        with_coverage(Offer.objects.select_related("operator"), source or year)
        .filter(covered=True)
        .prefetch_related(Prefetch("tariffs", queryset=tariffs))
    )
    return Appendix(year, source, tuple(_appendix_offer(offer) for offer in offers))


@dataclass(frozen=True)
class TariffDevelopmentFigures:
    year: int
    tariffs: tuple[calc.TariffFigures, ...]
    factor: Decimal | None
    target_pct: Decimal | None


def tariff_development_figures(year: int) -> TariffDevelopmentFigures:
    tariffs = (
        Tariff.objects.filter(year__in=[year - 1, year])
        .select_related("offer__operator")
        .prefetch_related("components")
    )
    target = ReductionTarget.objects.filter(year=year).first()
    figures = tuple(
        calc.TariffFigures(t.offer_id, t.year, t.unit, t.offer.operator.short_name, _components(t))
        for t in tariffs
    )
    target_pct = target.tariff_reduction_pct if target else None
    return TariffDevelopmentFigures(year, figures, _price_factor(year), target_pct)


# --- The development contribution and mixed financing --------------------------------------


@dataclass(frozen=True)
class ContributionRate:
    kroner_per_inhabitant: Decimal
    recipient: str
    reply_deadline: dt.date


@dataclass(frozen=True)
class Population:
    count: int
    reference_date: dt.date
    source: str


@dataclass(frozen=True)
class MunicipalityPopulation:
    name: str
    population: Population | None  # the newest figure for all ages


@dataclass(frozen=True)
class ContributionFigures:
    year: int
    rate: ContributionRate | None
    municipalities: tuple[MunicipalityPopulation, ...]


def contribution_figures(year: int) -> ContributionFigures:
    rate = DevelopmentContributionRate.objects.filter(year=year).first()
    newest_first = PopulationFigure.objects.filter(age_band="all").order_by("-reference_date")
    municipalities = (
        Organisation.objects.municipalities()
        .parties()
        .prefetch_related(Prefetch("population_figures", queryset=newest_first))
    )
    return ContributionFigures(
        year=year,
        rate=_copy(ContributionRate, rate) if rate else None,
        municipalities=tuple(
            MunicipalityPopulation(m.short_name, _newest_population(m)) for m in municipalities
        ),
    )


def _newest_population(municipality: Organisation) -> Population | None:
    figure = next(iter(municipality.population_figures.all()), None)
    return _copy(Population, figure) if figure else None


@dataclass(frozen=True)
class MixedFinancingRecord:
    offer: str
    year: int
    objective_share: Decimal
    objective_financing: Decimal | None
    total_budget: Decimal | None
    expected_cases: int
    actual_cases: int | None


def mixed_financing_records() -> list[MixedFinancingRecord]:
    return [
        MixedFinancingRecord(
            offer=record.offer.name,
            year=record.year,
            objective_share=record.objective_share,
            objective_financing=record.objective_financing,
            total_budget=record.total_budget,
            expected_cases=record.expected_cases,
            actual_cases=record.actual_cases,
        )
        for record in MixedFinancing.objects.select_related("offer")
    ]
