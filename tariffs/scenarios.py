"""What-if scenarios for a financing scheme (issue 15), as pure functions: today's split (the
scheme's current version) against the split that a changed budget total, price index or key
would give, per municipality in kr. and %, exact to the krone by largest remainder. The
splitting itself is calculations.split_by_key and the change per party settlement.split_changes;
nothing is reimplemented here. No ORM."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from socialaftale.lib.money import round_half_up

from .calculations import (
    CalculationError,
    Change,
    Component,
    MixedFinancing,
    Split,
    change,
    index_amount,
    mixed_financing,
    split_by_key,
    tariff_totals,
)
from .settlement import split_changes

__all__ = [
    "ComparisonRow",
    "MixedScenario",
    "ScenarioResult",
    "TariffScenarioRow",
    "TodayRow",
    "compare",
    "compute_scenario",
    "mixed_financing_scenario",
    "objective_parts",
    "population_weights",
    "scenario_components",
    "scenario_total",
    "scenario_weights",
    "tariff_consequences",
    "tariff_scenario",
]


@dataclass(frozen=True)
class TodayRow:
    """A party's row in today's split (the stored current version)."""

    party: str
    weight: Decimal
    share_pct: Decimal
    amount: Decimal


@dataclass(frozen=True)
class ComparisonRow:
    party: str
    today: Decimal | None  # None: not a party today (added by the scenario)
    today_pct: Decimal | None
    amount: Decimal | None  # None: left out by the scenario
    pct: Decimal | None
    weight: Decimal | None
    naive_amount: Decimal | None
    kr: Decimal  # amount − today (a party that leaves: − today)
    change_pct: Decimal | None  # None when there is nothing to compare with


@dataclass(frozen=True)
class ScenarioResult:
    today_total: Decimal
    split: Split
    rows: tuple[ComparisonRow, ...]

    @property
    def total(self) -> Decimal:
        return self.split.total

    @property
    def method(self) -> str:
        return self.split.method


def scenario_total(total, *, new_total=None, factor=None, decimals: int = 0) -> Decimal:
    """The scenario's total: the new budget total (or today's), restated by the price factor
    and rounded half up to the scheme's decimals (SPEC §3.1)."""
    amount = total if new_total is None else new_total
    if factor is None:
        return amount
    return index_amount(amount, factor, decimals)


def population_weights(
    parties: Sequence[str], counts: Mapping[str, int], *, described: str
) -> list[tuple[str, Decimal]]:
    """The parties weighted by their population figures; a party without one is refused by
    name (`described` says which figures, e.g. "0-17-årige pr. 1. april 2017")."""
    missing = [party for party in parties if party not in counts]
    if missing:
        raise CalculationError(
            f"Der er intet befolkningstal ({described}) for {', '.join(missing)}."
        )
    return [(party, Decimal(counts[party])) for party in parties]


def scenario_weights(
    today: Sequence[tuple[str, Decimal]],
    *,
    removed: Sequence[str] = (),
    added: Sequence[str] = (),
    counts: Mapping[str, int] | None = None,
    replace_all: bool = False,
    described: str = "",
) -> list[tuple[str, Decimal]]:
    """Today's key with the parties removed left out and those added at the end. Added
    parties are weighted by `counts` (population figures); with replace_all every party is
    (another year's figures), else the others keep today's weights."""
    unknown = [party for party in removed if party not in dict(today)]
    if unknown:
        raise CalculationError(f"{', '.join(unknown)} er ikke part i fordelingen i dag.")
    twice = [party for party in added if party in dict(today) and party not in removed]
    if twice:
        raise CalculationError(f"{', '.join(twice)} er allerede part i fordelingen.")
    kept = [(party, weight) for party, weight in today if party not in removed]
    if (added or replace_all) and counts is None:
        raise CalculationError("Vælg de befolkningstal, nøglen skal beregnes efter.")
    if replace_all:
        parties = [party for party, _weight in kept] + list(added)
        return population_weights(parties, counts, described=described)
    return kept + population_weights(list(added), counts or {}, described=described)


def compare(today: Sequence[TodayRow], split: Split) -> ScenarioResult:
    """Today's rows beside the scenario's split: the scenario's parties in its order, then
    those that leave; the change per party from settlement.split_changes."""
    before = {row.party: row.amount for row in today}
    after = {row.party: row.amount for row in split.rows}
    changes = {change.party: change for change in split_changes(before, after)}
    today_by_party = {row.party: row for row in today}
    scenario_by_party = {row.party: row for row in split.rows}
    rows = []
    for party in [*after, *(p for p in before if p not in after)]:
        old, new = today_by_party.get(party), scenario_by_party.get(party)
        moved = changes.get(party)
        rows.append(
            ComparisonRow(
                party=party,
                today=old.amount if old else None,
                today_pct=old.share_pct if old else None,
                amount=new.amount if new else None,
                pct=new.share_pct if new else None,
                weight=new.weight if new else None,
                naive_amount=new.naive_amount if new else None,
                kr=moved.kr if moved else Decimal(0),
                change_pct=moved.pct if moved else (Decimal(0) if old and new else None),
            )
        )
    today_total = sum((row.amount for row in today), Decimal(0))
    return ScenarioResult(today_total=today_total, split=split, rows=tuple(rows))


def compute_scenario(
    today: Sequence[TodayRow],
    *,
    total,
    decimals: int = 0,
    new_total=None,
    factor=None,
    removed: Sequence[str] = (),
    added: Sequence[str] = (),
    counts: Mapping[str, int] | None = None,
    replace_all: bool = False,
    described: str = "",
) -> ScenarioResult:
    """A scenario from its inputs: today's split, the scheme's total and decimals, and the
    changes (a new total, a price factor, parties removed or added, population figures)."""
    if not today:
        raise CalculationError("Ordningen har ingen beregnet fordeling at sammenligne med.")
    weights = scenario_weights(
        [(row.party, row.weight) for row in today],
        removed=removed,
        added=added,
        counts=counts,
        replace_all=replace_all,
        described=described,
    )
    amount = scenario_total(total, new_total=new_total, factor=factor, decimals=decimals)
    return compare(today, split_by_key(amount, weights, decimals=decimals))


# --- Mixed financing and tariffs (services_scenario_kinds) ---------------------------------


@dataclass(frozen=True)
class MixedScenario:
    today: MixedFinancing
    scenario: MixedFinancing
    objective: Change  # the objective financing, today → scenario
    per_case: Change  # the tariff per case, today → scenario


def mixed_financing_scenario(
    *,
    objective_share,
    expected_cases: int,
    total_budget=None,
    objective_financing=None,
    new_share=None,
    new_cases: int | None = None,
    new_total_budget=None,
    factor=None,
) -> MixedScenario:
    """A mixed financing (SPEC §3.2) today and with a changed objective share, number of
    expected cases or total budget (restated by a price factor), both by
    calculations.mixed_financing."""
    today = mixed_financing(
        objective_share=objective_share,
        expected_cases=expected_cases,
        total_budget=total_budget,
        objective_financing=objective_financing,
    )
    budget = scenario_total(today.total_budget, new_total=new_total_budget, factor=factor)
    scenario = mixed_financing(
        objective_share=today.objective_share if new_share is None else new_share,
        expected_cases=today.expected_cases if new_cases is None else new_cases,
        total_budget=budget,
    )
    return MixedScenario(
        today,
        scenario,
        change(today.objective_financing, scenario.objective_financing),
        change(today.tariff_per_case, scenario.tariff_per_case),
    )


def objective_parts(
    today: Sequence[TodayRow], mixed: MixedScenario, decimals: int = 0
) -> ScenarioResult:
    """The objective part of a mixed financing split by today's key, today and in the
    scenario (today's rows are today's objective financing split by the key)."""
    return compute_scenario(
        today,
        total=mixed.today.objective_financing,
        new_total=mixed.scenario.objective_financing,
        decimals=decimals,
    )


def scenario_components(
    components: Sequence[Component],
    *,
    amounts: Mapping[tuple[str, str], Decimal] | None = None,
    factor=None,
) -> list[Component]:
    """The tariff's components with some changed ((kind, package) -> new amount) and/or all
    restated by a price factor (to øre, rounded half up); an unknown component is refused."""
    amounts = amounts or {}
    known = {(kind, package) for kind, package, _amount in components}
    unknown = sorted(f"{kind} {package}".strip() for kind, package in set(amounts) - known)
    if unknown:
        raise CalculationError(f"Taksten har ingen komponent {', '.join(unknown)}.")
    changed = []
    for kind, package, amount in components:
        new = amounts.get((kind, package), amount)
        changed.append((kind, package, new if factor is None else index_amount(new, factor, 2)))
    return changed


@dataclass(frozen=True)
class TariffScenarioRow:
    package: str  # "" for a tariff without service packages
    today: Decimal
    scenario: Decimal
    change: Change


def tariff_scenario(
    components: Sequence[Component],
    *,
    amounts: Mapping[tuple[str, str], Decimal] | None = None,
    factor=None,
) -> list[TariffScenarioRow]:
    """A tariff's full amount per service package (base + service) today and with some
    components changed ((kind, package) -> new amount) and/or all restated by a price factor
    (to øre, rounded half up)."""
    changed = scenario_components(components, amounts=amounts, factor=factor)
    before, after = dict(tariff_totals(components)), tariff_totals(changed)
    return [
        TariffScenarioRow(package, before[package], amount, change(before[package], amount))
        for package, amount in after
    ]


def tariff_consequences(
    places: Mapping[str, Decimal], *, today: Decimal, scenario: Decimal, periods: int
) -> list[ComparisonRow]:
    """What each buying municipality would pay in a year with the scenario's tariff: places ×
    periods (days, months …) × tariff, today and in the scenario, each rounded half up to
    whole kroner; the change is the difference of the rounded amounts."""
    rows = []
    for party, count in places.items():
        before = round_half_up(count * periods * today)
        after = round_half_up(count * periods * scenario)
        moved = change(before, after)
        rows.append(
            ComparisonRow(party, before, None, after, None, None, None, moved.kr, moved.pct)
        )
    return rows
