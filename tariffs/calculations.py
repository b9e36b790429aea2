"""Tariff and financing arithmetic (SPEC §3): pure functions on Decimals, no database.

Rounding policy: round half up to whole kroner for published tables unless stated. Where
rounded parts must add up to a total (a distribution key), the rounding difference is placed
by the largest-remainder method, and the result says so in `Split.method`.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from socialaftale.lib.danish import format_decimal
from socialaftale.lib.money import largest_remainder, quantum, round_half_up, to_decimal

__all__ = [
    "SIZE_CATEGORIES",
    "CalculationError",
    "Change",
    "MixedFinancing",
    "Split",
    "SplitRow",
    "average_price_per_foster_family",
    "appendix_usage_year",
    "bpa_new_approval_fee",
    "chain_factors",
    "change",
    "development_contribution",
    "index_amount",
    "intensified_fee",
    "largest_remainder",
    "mixed_financing",
    "shares_pct",
    "split_by_key",
    "supervision_category",
]

# Socialtilsyn Nord's size categories by number of places: (category, first, last or None).
SIZE_CATEGORIES: tuple[tuple[int, int, int | None], ...] = (
    (1, 1, 7),
    (2, 8, 24),
    (3, 25, 49),
    (4, 50, None),
)
# Intensified supervision is priced at 10 % of the annual supervision fee (SPEC §3.4).
INTENSIFIED_SHARE = Decimal("0.10")
_ROUNDING_UNIT = {0: "hele kroner", 1: "10 øre", 2: "hele øre"}


class CalculationError(ValueError):
    """A refused input; the message is Danish and names the input."""


def _number(value, name: str) -> Decimal:
    try:
        number = to_decimal(value)
    except ValueError as exc:
        raise CalculationError(f"{name} er ikke et tal: {value!r}.") from exc
    if not number.is_finite():
        raise CalculationError(f"{name} skal være et endeligt tal (fik {value}).")
    return number


def _non_negative(value, name: str) -> Decimal:
    number = _number(value, name)
    if number < 0:
        raise CalculationError(f"{name} må ikke være negativ (fik {number}).")
    return number


def _count(value, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CalculationError(f"{name} skal være et helt tal (fik {value!r}).")
    if value < minimum:
        raise CalculationError(f"{name} skal være mindst {minimum} (fik {value}).")
    return value


# --- Distribution keys (SPEC §3.3) ------------------------------------------------------


@dataclass(frozen=True)
class SplitRow:
    party: str
    weight: Decimal
    share: Decimal
    share_pct: Decimal
    exact_amount: Decimal
    amount: Decimal
    naive_amount: Decimal


@dataclass(frozen=True)
class Split:
    total: Decimal
    decimals: int
    rows: tuple[SplitRow, ...]

    def __post_init__(self):
        # The published tables' flaw was parts not adding up; never let one out of here.
        if self.sum != self.total:
            raise CalculationError(f"Delene summer til {self.sum}, ikke til {self.total}.")

    @property
    def sum(self) -> Decimal:
        return sum((row.amount for row in self.rows), Decimal(0))

    @property
    def naive_sum(self) -> Decimal:
        return sum((row.naive_amount for row in self.rows), Decimal(0))

    @property
    def method(self) -> str:
        unit = _ROUNDING_UNIT[self.decimals]
        text = (
            "Fordelt efter vægt (beløb = total × vægt / summen af vægte); beløb afrundet til "
            f"{unit} med største-rest-metoden, så delene summer til totalen. "
        )
        difference = self.naive_sum - self.total
        if difference == 0:
            return text + "Uafhængig afrunding af hver række ville give samme sum."
        naive = format_decimal(self.naive_sum, self.decimals)
        return text + (
            f"Uafhængig afrunding af hver række ville give {naive} "
            f"(difference {format_decimal(difference, self.decimals)} kr.)."
        )


def _split_total(total, decimals) -> Decimal:
    if isinstance(decimals, bool) or decimals not in (0, 1, 2):
        raise CalculationError(f"Antal decimaler skal være 0, 1 eller 2 (fik {decimals!r}).")
    total = _non_negative(total, "Totalen")
    try:
        rounded = total.quantize(quantum(decimals))
    except InvalidOperation as exc:
        raise CalculationError(f"Totalen {total} er for stor.") from exc
    if rounded != total:
        raise CalculationError(f"Totalen {total} har flere end {decimals} decimaler.")
    return rounded


def _split_weights(weights) -> tuple[list[str], list[Decimal]]:
    if not weights:
        raise CalculationError("Fordelingsnøglen har ingen rækker.")
    parties = [str(party).strip() for party, _ in weights]
    if not all(parties):
        raise CalculationError("En række i fordelingsnøglen mangler navnet på parten.")
    duplicates = sorted(party for party, n in Counter(parties).items() if n > 1)
    if duplicates:
        raise CalculationError(f"Parten {', '.join(duplicates)} står mere end én gang i nøglen.")
    values = [_non_negative(weight, f"Vægten for {party}") for party, weight in weights]
    if not any(values):
        raise CalculationError("Alle vægte er 0; der er intet at fordele efter.")
    return parties, values


def split_by_key(
    total, weights: Sequence[tuple[str, Decimal | int | str]], *, decimals: int = 0
) -> Split:
    """Split `total` between parties in proportion to their weights (SPEC §3.3)."""
    total = _split_total(total, decimals)
    parties, values = _split_weights(weights)
    whole = sum(values, Decimal(0))
    # total × weight / Σ rather than total × (weight / Σ): one division, so one rounding.
    exact = [total * value / whole for value in values]
    amounts = largest_remainder(exact, total, quantum(decimals))
    rows = tuple(
        SplitRow(party, value, value / whole, pct, part, amount, round_half_up(part, decimals))
        for party, value, pct, part, amount in zip(
            parties, values, shares_pct(values), exact, amounts, strict=True
        )
    )
    return Split(total=total, decimals=decimals, rows=rows)


def shares_pct(weights: Sequence[Decimal], decimals: int = 1) -> list[Decimal]:
    """Each weight's share in per cent, rounded by largest remainder so they sum to 100."""
    values = [_non_negative(weight, "Vægten") for weight in weights]
    whole = sum(values, Decimal(0))
    if whole == 0:
        raise CalculationError("Alle vægte er 0; andele kan ikke beregnes.")
    hundred = Decimal(100)
    return largest_remainder([hundred * v / whole for v in values], hundred, quantum(decimals))


# --- Price indexation (SPEC §3.1) -------------------------------------------------------


def index_amount(amount, factor, decimals: int = 0) -> Decimal:
    """`amount` restated in a later year's prices: amount × factor, rounded half up."""
    factor = _number(factor, "Indeksfaktoren")
    if factor <= 0:
        raise CalculationError(f"Indeksfaktoren skal være positiv (fik {factor}).")
    return round_half_up(_number(amount, "Beløbet") * factor, decimals)


def chain_factors(factors: Sequence[Decimal | str]) -> Decimal:
    """Factor over several years: the product, unrounded (rounding happens once, on amounts).

    No factors means no change of price basis, so the product is 1.
    """
    product = Decimal(1)
    for factor in factors:
        factor = _number(factor, "Indeksfaktoren")
        if factor <= 0:
            raise CalculationError(f"Indeksfaktoren skal være positiv (fik {factor}).")
        product *= factor
    return product


# --- Mixed financing (SPEC §3.2) --------------------------------------------------------


@dataclass(frozen=True)
class MixedFinancing:
    total_budget: Decimal
    objective_share: Decimal
    objective_financing: Decimal
    tariff_financed: Decimal
    expected_cases: int
    tariff_per_case: Decimal


def _objective_share(value) -> Decimal:
    share = _number(value, "Andelen til objektiv finansiering")
    if share == 1:
        raise CalculationError("Andelen til objektiv finansiering er 1: der er intet til taksten.")
    if not 0 <= share < 1:
        raise CalculationError(
            f"Andelen til objektiv finansiering skal være mindst 0 og under 1 (fik {share})."
        )
    return share


def _total_budget(share: Decimal, total_budget, objective_financing) -> Decimal:
    if (total_budget is None) == (objective_financing is None):
        raise CalculationError("Angiv enten det samlede budget eller den objektive finansiering.")
    if total_budget is not None:
        return _non_negative(total_budget, "Det samlede budget")
    objective = _non_negative(objective_financing, "Den objektive finansiering")
    if share == 0:
        raise CalculationError("Med andel 0 kan budgettet ikke udledes af objektiv finansiering.")
    return round_half_up(objective / share)


def mixed_financing(
    *, objective_share, expected_cases: int, total_budget=None, objective_financing=None
) -> MixedFinancing:
    """Objective share plus a tariff per case for the rest (SPEC §3.2), whole kroner.

    Given whole-kroner objective financing, round(share × total) gives it back: the total is
    within 0.5 kr. of objective / share, so share × total is within 0.5 × share < 0.5 kr.
    """
    share = _objective_share(objective_share)
    cases = _count(expected_cases, "Forventet antal sager", 1)
    total = _total_budget(share, total_budget, objective_financing)
    objective = round_half_up(share * total)
    tariff_part = total - objective
    per_case = round_half_up(tariff_part / cases)
    return MixedFinancing(total, share, objective, tariff_part, cases, per_case)


# --- Socialtilsyn Nord (SPEC §3.4) ------------------------------------------------------


def supervision_category(places: int) -> int:
    places = _count(places, "Antal pladser", 1)
    for category, first, last in SIZE_CATEGORIES:
        if first <= places and (last is None or places <= last):
            return category
    raise CalculationError(f"Ingen størrelseskategori for {places} pladser.")  # pragma: no cover


def intensified_fee(annual) -> Decimal:
    return round_half_up(_non_negative(annual, "Det årlige tilsynsgebyr") * INTENSIFIED_SHARE)


def bpa_new_approval_fee(hours, hourly_rate) -> Decimal:
    """BPA employer companies pay for new approval by the hour (2019: 36 h × 549 kr.)."""
    return _non_negative(hours, "Antal timer") * _non_negative(hourly_rate, "Timeprisen")


@dataclass(frozen=True)
class Change:
    old: Decimal
    new: Decimal
    kr: Decimal
    pct: Decimal | None


def change(old, new, decimals: int = 1) -> Change:
    """Year-on-year change in kroner and per cent; no per cent from nothing (old == 0)."""
    old, new = _number(old, "Det gamle beløb"), _number(new, "Det nye beløb")
    kr = new - old
    pct = None if old == 0 else round_half_up(Decimal(100) * kr / old, decimals)
    return Change(old, new, kr, pct)


def average_price_per_foster_family(budget, families: int, new_approvals: int) -> Decimal:
    """Budget ÷ (families + new approvals), whole kroner, as in Socialtilsyn Nord's tables."""
    budget = _non_negative(budget, "Budgettet")
    families = _count(families, "Antal plejefamilier", 0)
    new_approvals = _count(new_approvals, "Antal nye godkendelser", 0)
    if families + new_approvals == 0:
        raise CalculationError("Ingen plejefamilier eller nye godkendelser at dele budgettet på.")
    return round_half_up(budget / (families + new_approvals))


def development_contribution(rate_per_inhabitant, inhabitants: int) -> Decimal:
    """A municipality's development contribution to the region (SPEC §3.5): rate × inhabitants."""
    rate = _non_negative(rate_per_inhabitant, "Beløbet pr. indbygger")
    return rate * _count(inhabitants, "Antal indbyggere", 0)


def appendix_usage_year(year: int, usage_years: Iterable[int]) -> int | None:
    """The usage year that decides coverage in the tariff appendix for `year`: the latest
    year with usage data up to `year`. The appendix for N is drawn up in October of N-1
    (SPEC §1), before N's usage exists; later usage never decides an earlier appendix.
    None when no usage is recorded up to `year`."""
    return max((used for used in usage_years if used <= year), default=None)


# --- Tariffs: what a tariff amounts to, and its development against the reduction target ---

Component = tuple[str, str, Decimal]  # (kind: base | service | total, package, amount)


def tariff_totals(components: Sequence[Component]) -> list[tuple[str, Decimal]]:
    """The full tariff per service package: base tariff + that package's service tariff.
    An unsplit tariff ("total") or a base tariff alone is one amount with no package name."""
    base = sum((a for kind, _p, a in components if kind == "base"), Decimal(0))
    services = [(package or "", a) for kind, package, a in components if kind == "service"]
    if services:
        return [(package, base + amount) for package, amount in services]
    whole = [a for kind, _p, a in components if kind == "total"]
    return [("", whole[0])] if whole else ([("", base)] if components else [])


def representative_tariff(components: Sequence[Component]) -> Decimal:
    """The tariff compared across years: the lowest package (the entry price of the offer)."""
    totals = tariff_totals(components)
    if not totals:
        raise CalculationError("Taksten har ingen beløb.")
    return min(amount for _package, amount in totals)


@dataclass(frozen=True)
class TariffPair:
    operator: str
    old: Decimal
    new: Decimal


@dataclass(frozen=True)
class TariffFigures:
    offer_id: int
    year: int
    unit: str
    operator: str
    components: tuple[Component, ...]


def comparable_pairs(tariffs: Sequence[TariffFigures], year: int) -> list[TariffPair]:
    """Each offer's tariff for `year` against its tariff the year before, where both exist and
    are priced in the same unit; compared by their representative (lowest) tariff."""
    by_year = {(t.offer_id, t.year): t for t in tariffs}
    pairs = []
    for (offer_id, tariff_year), new in by_year.items():
        old = by_year.get((offer_id, year - 1))
        if tariff_year == year and old and old.unit == new.unit:
            pairs.append(
                TariffPair(
                    operator=new.operator,
                    old=representative_tariff(old.components),
                    new=representative_tariff(new.components),
                )
            )
    return pairs


@dataclass(frozen=True)
class TariffDevelopment:
    operator: str
    offers: int
    old_total: Decimal  # last year's tariffs, restated in this year's prices
    new_total: Decimal
    change_pct: Decimal | None
    target_pct: Decimal | None  # the required reduction, e.g. 0.5
    met: bool | None


def tariff_development(
    pairs: Sequence[TariffPair], *, factor=Decimal(1), target_pct=None
) -> list[TariffDevelopment]:
    """Per operator: Σ this year's tariffs against Σ last year's (× the price factor) for the
    same offers. The general reduction target is met when the change is at most −target."""
    factor = _number(factor, "prisfaktor")
    grouped: dict[str, list[TariffPair]] = {}
    for pair in pairs:
        grouped.setdefault(pair.operator, []).append(pair)
    result = []
    for operator in sorted(grouped):
        old = round_half_up(sum(p.old for p in grouped[operator]) * factor, 2)
        new = sum((p.new for p in grouped[operator]), Decimal(0))
        pct = change(old, new, decimals=2).pct if old else None
        target = to_decimal(target_pct) if target_pct is not None else None
        met = None if pct is None or target is None else pct <= -target
        result.append(
            TariffDevelopment(operator, len(grouped[operator]), old, new, pct, target, met)
        )
    return result
