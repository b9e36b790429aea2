"""Money and percentages: Decimal end to end, one rounding policy.

Policy: round half up (ROUND_HALF_UP), to whole kroner for published tables unless stated.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

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
