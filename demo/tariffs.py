"""Reference data for tariffs and financing (published figures in fixtures/reference/)."""

import csv
import random
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from organisations.models import PopulationFigure, SupervisionArea
from socialaftale.lib.models import upsert
from socialaftale.lib.money import round_half_up
from tariffs.models import (
    BpaRate,
    ComponentKind,
    DevelopmentContributionRate,
    DistributionKey,
    DistributionKeyRow,
    FinancingScheme,
    KeyBasis,
    MixedFinancing,
    PriceIndex,
    ReductionTarget,
    SupervisionBudget,
    SupervisionTariff,
    SupervisionVolume,
    Tariff,
    TariffComponent,
    TariffStatus,
    TariffUnit,
)
from tariffs.services import split_compute

# Socialtilsyn Nord restated 2018 amounts in 2019 prices with this factor (SPEC §3.1).
PRICE_FACTOR_2018_2019 = Decimal("1.0159")
CHILDREN_KEY = "Socialtilsyn Nord – 0-17-årige 2. kvt. 2017"
FOSTER_FAMILY_SCHEME = "Socialtilsyn Nord – plejefamilieafdelingen"


def _rows(path: Path):
    with path.open(encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


def _money(value: str) -> Decimal | None:
    return Decimal(value) if value else None


def load_supervision(fixtures: Path) -> None:
    for row in _rows(fixtures / "socialtilsyn_nord_budget.csv"):
        upsert(
            SupervisionBudget,
            {"budget_year": int(row["budget_year"]), "price_basis": int(row["price_basis"])},
            {
                "total": Decimal(row["total"]),
                "offers_department": Decimal(row["offers_department"]),
                "foster_family_department": Decimal(row["foster_family_department"]),
            },
        )
    for row in _rows(fixtures / "socialtilsyn_nord_volumes.csv"):
        upsert(
            SupervisionVolume,
            {"year": int(row["year"])},
            {
                "foster_families": int(row["foster_families"]),
                "foster_family_new_approvals": int(row["foster_family_new_approvals"]),
                "offers": int(row["offers"]),
                "offer_new_approvals": int(row["offer_new_approvals"]),
                "bpa_company_approvals": int(row["bpa_company_approvals"] or 0) or None,
            },
        )
    for row in _rows(fixtures / "supervision_tariffs.csv"):
        upsert(
            SupervisionTariff,
            {
                "tariff_year": int(row["tariff_year"]),
                "price_basis": int(row["price_basis"]),
                "category": int(row["category"]),
            },
            {
                "places_min": int(row["places_min"]),
                "places_max": int(row["places_max"]) if row["places_max"] else None,
                "annual": Decimal(row["annual_supervision"]),
                "intensified": _money(row["intensified_supervision"]),
                "new_approval": _money(row["new_approval"]),
                "substantial_change": _money(row["substantial_change"]),
            },
        )
    for row in _rows(fixtures / "bpa_hourly_rate.csv"):
        upsert(
            BpaRate,
            {"year": int(row["year"]), "price_basis": int(row["price_basis"])},
            {
                "hourly_rate": Decimal(row["hourly_rate"]),
                "hours_per_new_approval": int(row["hours_per_new_approval"] or 0) or None,
            },
        )


def load_targets_and_rates(fixtures: Path) -> None:
    for row in _rows(fixtures / "reduction_targets.csv"):
        upsert(
            ReductionTarget,
            {"year": int(row["year"])},
            {
                "tariff_reduction_pct": Decimal(row["tariff_reduction_pct"]),
                "dialogue_reduction_pct": Decimal(row["dialogue_reduction_pct"]),
            },
        )
    for row in _rows(fixtures / "development_contribution.csv"):
        upsert(
            DevelopmentContributionRate,
            {"year": int(row["year"])},
            {
                "kroner_per_inhabitant": Decimal(row["kroner_per_inhabitant"]),
                "reply_deadline": date.fromisoformat(row["reply_deadline"]),
                "recipient": row["recipient"],
            },
        )
    upsert(
        PriceIndex,
        {"from_year": 2018, "to_year": 2019},
        {"factor": PRICE_FACTOR_2018_2019, "source": "Socialtilsyn Nord, budget 2019"},
    )


def load_children_key() -> DistributionKey:
    """The 0-17 key: Danmarks Statistik, Q2 of the year before the budget year (2017 for 2019)."""
    area = SupervisionArea.objects.get(name="Socialtilsyn Nord")
    key, _created, _changed = upsert(
        DistributionKey,
        {"name": CHILDREN_KEY},
        {
            "basis": KeyBasis.COUNTS,
            "area": area,
            "reference_date": date(2017, 4, 1),
            "source": "Danmarks Statistik, 0-17-årige, 2. kvartal 2017",
        },
    )
    figures = PopulationFigure.objects.filter(
        organisation__in=area.members.all(), age_band="0-17", reference_date=date(2017, 4, 1)
    ).order_by("id")
    for position, figure in enumerate(figures):
        upsert(
            DistributionKeyRow,
            {"key": key, "organisation": figure.organisation},
            {"weight": Decimal(figure.count), "position": position},
        )
    return key


def load_foster_family_schemes(key: DistributionKey) -> None:
    budgets = SupervisionBudget.objects.filter(price_basis=F("budget_year"))
    for budget in budgets:
        scheme, created, changed = upsert(
            FinancingScheme,
            {"name": FOSTER_FAMILY_SCHEME, "year": budget.budget_year},
            {
                "total": budget.foster_family_department,
                "key": key,
                "description": "Plejefamilieafdelingens budget fordelt efter antal 0-17-årige.",
            },
        )
        if created or changed or not scheme.splits.exists():
            split_compute(scheme=scheme, user=None)


def load_mixed_financing(fixtures: Path) -> None:
    from offers.models import Offer

    for row in _rows(fixtures / "mixed_financing_example.csv"):
        upsert(
            MixedFinancing,
            {"offer": Offer.objects.get(name=row["offer"]), "year": int(row["year"])},
            {
                "objective_share": Decimal(row["objective_share"]),
                "objective_financing": Decimal(row["objective_financing"]),
                "expected_cases": int(row["expected_cases"]),
                "actual_cases": int(row["actual_cases"]) if row["actual_cases"] else None,
            },
        )


@transaction.atomic
def load_reference(fixtures: Path) -> None:
    load_supervision(fixtures)
    load_targets_and_rates(fixtures)
    load_foster_family_schemes(load_children_key())
    load_mixed_financing(fixtures)


# Demo tariffs (not published figures): the agreement's covered offers get a day tariff for
# 2016-2020 that moves by an operator-specific yearly change, so the tariff-development page
# has operators both meeting and missing the general reduction target.
DEMO_TARIFF_YEARS = range(2016, 2021)
OPERATOR_YEARLY_CHANGE = {"1081": Decimal("-0.012"), "851": Decimal("-0.006")}


@transaction.atomic
def load_demo_tariffs() -> None:
    from offers.models import Offer
    from offers.selectors import with_coverage

    approved = datetime(2015, 10, 15, 12, 0, tzinfo=timezone.get_default_timezone())
    offers = with_coverage(Offer.objects.select_related("operator"), 2019).filter(covered=True)
    for offer in offers:
        rng = random.Random(f"takst-{offer.name}")  # noqa: S311 - deterministic demo data
        amount = Decimal(rng.randrange(1800, 6500))
        yearly = OPERATOR_YEARLY_CHANGE.get(offer.operator.code, Decimal("0.015"))
        for year in DEMO_TARIFF_YEARS:
            final = year <= 2019
            tariff, _created, _changed = upsert(
                Tariff,
                {"offer": offer, "year": year},
                {
                    "unit": TariffUnit.DAY,
                    "status": TariffStatus.FINAL if final else TariffStatus.PROVISIONAL,
                    "approved_at": approved.replace(year=year - 1) if final else None,
                    "note": "Demotakst",
                },
            )
            upsert(
                TariffComponent,
                {"tariff": tariff, "kind": ComponentKind.TOTAL, "package": ""},
                {"amount": round_half_up(amount, 2)},
            )
            amount = amount * (1 + yearly + Decimal(rng.randint(-3, 3)) / 1000)
