"""Reads for the budget-run pages: the runs, and what each scheme of a run came to (its stored
result, JSON with Decimals as text) as frozen dataclasses for tariffs.tables.runs."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from ..models import BudgetRun, KeyRule

RUN_LIST_LENGTH = 100


def _decimal(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


@dataclass(frozen=True)
class RunPart:
    party: str
    weight: Decimal
    share_pct: Decimal
    amount: Decimal
    naive_amount: Decimal
    before: Decimal | None  # None: no previous version, or the party is new in the key
    change_kr: Decimal | None
    change_pct: Decimal | None


@dataclass(frozen=True)
class RunMixedFinancing:
    offer: str
    objective_share: Decimal
    total_budget: Decimal
    tariff_financed: Decimal
    expected_cases: int
    tariff_per_case: Decimal


@dataclass(frozen=True)
class RunSchemeFigures:
    name: str
    year: int
    version: int
    total: Decimal
    decimals: int
    rule_label: str
    key: str
    figures: tuple[date, ...]
    notes: tuple[str, ...]
    rounding: str
    mixed: RunMixedFinancing | None
    parts: tuple[RunPart, ...]
    left: tuple[tuple[str, Decimal], ...]  # parties in the previous version, not in this one


def _part(item: dict) -> RunPart:
    return RunPart(
        party=item["party"],
        weight=Decimal(item["weight"]),
        share_pct=Decimal(item["share_pct"]),
        amount=Decimal(item["amount"]),
        naive_amount=Decimal(item["naive_amount"]),
        before=_decimal(item["before"]),
        change_kr=_decimal(item["kr"]),
        change_pct=_decimal(item["pct"]),
    )


def _mixed(item: dict | None) -> RunMixedFinancing | None:
    if item is None:
        return None
    return RunMixedFinancing(
        offer=item["offer"],
        objective_share=Decimal(item["objective_share"]),
        total_budget=Decimal(item["total_budget"]),
        tariff_financed=Decimal(item["tariff_financed"]),
        expected_cases=int(item["expected_cases"]),
        tariff_per_case=Decimal(item["tariff_per_case"]),
    )


def _scheme(run: BudgetRun, item: dict) -> RunSchemeFigures:
    return RunSchemeFigures(
        name=item["name"],
        year=run.year,
        version=item["version"],
        total=Decimal(item["total"]),
        decimals=item["decimals"],
        rule_label=str(KeyRule(item["rule"]).label),
        key=item["key"],
        figures=tuple(date.fromisoformat(day) for day in item["figures"]),
        notes=tuple(item["notes"]),
        rounding=item["rounding"],
        mixed=_mixed(item["mixed_financing"]),
        parts=tuple(_part(part) for part in item["parts"]),
        left=tuple((left["party"], Decimal(left["before"])) for left in item["left"]),
    )


def run_schemes(run: BudgetRun) -> list[RunSchemeFigures]:
    """The schemes the run has done so far, in the order it ran them."""
    return [_scheme(run, item) for item in run.schemes_done]


def budget_run_list() -> list[BudgetRun]:
    runs = BudgetRun.objects.select_related("scheme", "started_by")
    return list(runs[:RUN_LIST_LENGTH])
