"""Money and percentages: Decimal end to end, one rounding policy.

Policy: round half up (ROUND_HALF_UP), to whole kroner for published tables unless stated.
"""

from collections.abc import Sequence
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal, InvalidOperation

ONE_KRONE = Decimal("1")


def to_decimal(value) -> Decimal:
    """A Decimal from an int, a Decimal or a string; floats are refused (binary rounding)."""
    if isinstance(value, float):
        raise TypeError("Brug Decimal eller tekst, ikke float, til beløb.")
    try:
        return Decimal(value) if not isinstance(value, Decimal) else value
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValueError(f"Ikke et tal: {value!r}") from exc


def quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def round_half_up(value, decimals: int = 0) -> Decimal:
    return to_decimal(value).quantize(quantum(decimals), rounding=ROUND_HALF_UP)


def percent(part, whole, decimals: int = 1) -> Decimal:
    """part / whole in per cent, rounded half up; 0 when whole is 0."""
    whole = to_decimal(whole)
    if whole == 0:
        return round_half_up(0, decimals)
    return round_half_up(Decimal(100) * to_decimal(part) / whole, decimals)


def largest_remainder(exact: Sequence[Decimal], total: Decimal, quantum: Decimal) -> list[Decimal]:
    """Round `exact` parts to multiples of `quantum` so that they sum to `total` exactly.

    Each part is floored to the quantum; the quanta still missing go one each to the parts
    with the largest remainders. Ties go to the earlier part, so the result never depends
    on anything but the input order (a published table must come out the same every time).
    """
    parts, total, quantum = [to_decimal(v) for v in exact], to_decimal(total), to_decimal(quantum)
    if quantum <= 0 or total % quantum != 0:
        raise ValueError(f"Totalen {total} er ikke et helt antal af {quantum}.")
    floors = [part.quantize(quantum, rounding=ROUND_FLOOR) for part in parts]
    missing = int((total - sum(floors, Decimal(0))) / quantum)
    if not 0 <= missing <= len(parts):
        raise ValueError(f"Delene summer ikke til totalen {total}; kan ikke fordele resten.")
    by_remainder = sorted(range(len(parts)), key=lambda i: (floors[i] - parts[i], i))
    for index in by_remainder[:missing]:
        floors[index] += quantum
    return floors


def without_trailing_zeros(value: Decimal) -> Decimal:
    """38824.0000 -> 38824, 2.5000 -> 2.5 (never exponent notation as normalize() gives)."""
    if value == value.to_integral_value():
        return value.quantize(ONE_KRONE)
    return value.normalize()
