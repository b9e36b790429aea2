"""Objective financing over the year (SPEC §3.4a), as pure functions: each municipality's
yearly amount charged on account (aconto) in instalments, and the true-up (efterregulering)
once the scheme's actual expenditure for the year is known. Money is Decimal kroner; every
table adds up exactly (largest remainder), and what was rounded is said by the caller's
method text. No ORM here."""

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from socialaftale.lib.money import largest_remainder, quantum, to_decimal

from .calculations import CalculationError, change, split_by_key

QUARTERLY = 4


def instalments(amount, count: int = QUARTERLY, *, decimals: int = 0) -> list[Decimal]:
    """`amount` charged in `count` equal instalments rounded to whole kroner (or øre) that sum
    to it exactly; the kroner left by rounding go to the earliest instalments. A negative
    amount (a refund) is split the same way."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 12:
        raise CalculationError(f"Antal rater skal være et helt tal fra 1 til 12 (fik {count!r}).")
    amount = to_decimal(amount)
    unit = quantum(decimals)
    if amount.quantize(unit) != amount:
        raise CalculationError(f"Beløbet {amount} har flere end {decimals} decimaler.")
    sign = -1 if amount < 0 else 1
    parts = largest_remainder([abs(amount) / count] * count, abs(amount), unit)
    return [sign * part for part in parts]


def due_dates(first: dt.date, count: int = QUARTERLY) -> list[dt.date]:
    """The due dates of `count` instalments from `first`, spread evenly over the year: every
    12 // count months (quarterly: every three months), on the same day of the month or the
    month's last day when it is shorter (31 January, 30 April, 31 July, 31 October)."""
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 12:
        raise CalculationError(f"Antal rater skal være et helt tal fra 1 til 12 (fik {count!r}).")
    step = 12 // count
    dates = []
    for number in range(count):
        months = first.month - 1 + number * step
        year, month = first.year + months // 12, months % 12 + 1
        day = min(first.day, calendar.monthrange(year, month)[1])
        dates.append(dt.date(year, month, day))
    return dates


@dataclass(frozen=True)
class TrueUpRow:
    party: str
    actual: Decimal  # the party's share of the actual expenditure
    charged: Decimal  # what it was charged on account in the year
    difference: Decimal  # actual − charged: positive is owed, negative refunded


@dataclass(frozen=True)
class TrueUp:
    actual_total: Decimal
    rows: tuple[TrueUpRow, ...]

    @property
    def charged_total(self) -> Decimal:
        return sum((row.charged for row in self.rows), Decimal(0))

    @property
    def difference_total(self) -> Decimal:
        return sum((row.difference for row in self.rows), Decimal(0))


def true_up(
    actual_total,
    weights: Sequence[tuple[str, Decimal | int | str]],
    charged: dict[str, Decimal],
    *,
    decimals: int = 0,
) -> TrueUp:
    """The year's actual expenditure split by the same key as the budget, minus what each
    party was charged on account. The actual parts sum to the actual total and the
    differences to actual total − charged total, exactly. A party charged but not in the key,
    or in the key but not charged, is an error: the key and the charges must be the same
    parties."""
    split = split_by_key(actual_total, weights, decimals=decimals)
    parties = [row.party for row in split.rows]
    if set(charged) != set(parties):
        missing = sorted(set(parties) - set(charged))
        extra = sorted(set(charged) - set(parties))
        raise CalculationError(
            "Nøglen og opkrævningerne har ikke de samme parter"
            + (f"; ikke opkrævet: {', '.join(missing)}" if missing else "")
            + (f"; ikke i nøglen: {', '.join(extra)}" if extra else "")
            + "."
        )
    charged = {party: to_decimal(value) for party, value in charged.items()}
    rows = tuple(
        TrueUpRow(
            row.party,
            row.amount,
            charged[row.party],
            row.amount - charged[row.party],
        )
        for row in split.rows
    )
    return TrueUp(actual_total=split.total, rows=rows)


@dataclass(frozen=True)
class PartChange:
    party: str
    before: Decimal | None  # None: the party was not in the previous version
    after: Decimal | None  # None: the party is no longer in the key
    kr: Decimal
    pct: Decimal | None  # None when there is nothing to compare with


def split_changes(before: dict[str, Decimal] | None, after: dict[str, Decimal]) -> list[PartChange]:
    """What changed per party from one version of a split to the next (parties of the new
    version first, in its order, then those that left). No previous version: no changes."""
    if before is None:
        return []
    changes = []
    for party in [*after, *(p for p in before if p not in after)]:
        old, new = before.get(party), after.get(party)
        if old is not None and new is not None:
            moved = change(old, new)
            if moved.kr:
                changes.append(PartChange(party, old, new, moved.kr, moved.pct))
        else:
            changes.append(PartChange(party, old, new, (new or 0) - (old or 0), None))
    return changes
