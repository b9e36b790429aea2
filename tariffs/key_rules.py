"""The weights of a distribution key built from figures by its rule (SPEC §3.3), as pure
functions: no ORM. The selector (tariffs.selectors.key_figures) reads the figures and the
services split the total by the weights (calculations.split_by_key).

- population: each member's count of an age band on the reference date, Danmarks Statistik's
  figures for Q2 of the year before the budget year. When those are not imported, each member's
  newest earlier figure is used and the result says so (the run shows it).
- usage: the places each municipality bought in the offer (offers.Usage, actual use only) in
  the newest year with usage before the budget year.
"""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .calculations import CalculationError


@dataclass(frozen=True)
class Figure:
    """A count for a party: a population figure (on a date) or places bought (in a year)."""

    party: Hashable  # the caller's id of the party (an organisation's pk)
    label: str  # its name in messages
    on: date  # reference date (population) or 1 January of the usage year
    count: Decimal


@dataclass(frozen=True)
class KeyWeights:
    """The weights a rule gave, with where they came from, for the split's inputs."""

    rows: tuple[Figure, ...]
    wanted: str  # what the rule asks for: "2. kvartal 2018", "forbrug 2018"
    notes: tuple[str, ...] = field(default=())

    @property
    def dates(self) -> list[date]:
        return sorted({row.on for row in self.rows})

    @property
    def is_fallback(self) -> bool:
        return bool(self.notes)


def q2_window(budget_year: int) -> tuple[date, date]:
    """Q2 (April–June) of the year before the budget year: the key's reference period."""
    return date(budget_year - 1, 4, 1), date(budget_year - 1, 6, 30)


def _danish_date(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def population_weights(
    figures: Sequence[Figure], members: Sequence[tuple[Hashable, str]], *, budget_year: int
) -> KeyWeights:
    """Each member's figure in Q2 of budget_year − 1, or its newest earlier one (said in the
    notes). A member with no figure up to that quarter is an error naming it; figures after
    the quarter are never used (they are not what the rule reads)."""
    if not members:
        raise CalculationError("Området har ingen medlemmer; der er intet at fordele på.")
    first, last = q2_window(budget_year)
    by_party: dict[Hashable, list[Figure]] = {}
    for figure in figures:
        if figure.on <= last:
            by_party.setdefault(figure.party, []).append(figure)
    missing = [label for party, label in members if party not in by_party]
    if missing:
        raise CalculationError(
            f"Der er ingen befolkningstal til og med 2. kvartal {budget_year - 1} for "
            f"{', '.join(missing)}; indlæs tallene og kør igen."
        )
    rows = tuple(max(by_party[party], key=lambda f: f.on) for party, _label in members)
    wanted = f"2. kvartal {budget_year - 1}"
    older = sorted({row.on for row in rows if row.on < first})
    notes = ()
    if older:
        used = ", ".join(_danish_date(day) for day in older)
        notes = (
            f"Befolkningstal for {wanted} er ikke indlæst; de nyeste tidligere tal "
            f"(pr. {used}) er brugt.",
        )
    return KeyWeights(rows=rows, wanted=wanted, notes=notes)


def usage_weights(
    usages: Sequence[Figure], members: Sequence[tuple[Hashable, str]] | None, *, budget_year: int
) -> KeyWeights:
    """Places bought per municipality in the newest usage year before the budget year (its
    `on` is 1 January of the year), summed per municipality; with members (an area), only
    they, and a member without usage weighs 0. Said in the notes when it is not year − 1."""
    years = sorted({u.on.year for u in usages if u.on.year < budget_year})
    if not years:
        raise CalculationError(f"Der er intet forbrug registreret før {budget_year} i tilbuddet.")
    year = years[-1]
    totals: dict[Hashable, Figure] = {}
    for usage in (u for u in usages if u.on.year == year):
        before = totals.get(usage.party)
        count = usage.count + (before.count if before else 0)
        totals[usage.party] = Figure(usage.party, usage.label, usage.on, count)
    if members is not None:
        totals = {
            party: totals.get(party, Figure(party, label, date(year, 1, 1), Decimal(0)))
            for party, label in members
        }
    notes = ()
    if year != budget_year - 1:
        notes = (f"Der er intet forbrug for {budget_year - 1}; forbruget i {year} er brugt.",)
    return KeyWeights(rows=tuple(totals.values()), wanted=f"forbrug {budget_year - 1}", notes=notes)
