"""The tariff round's arithmetic as pure functions (SPEC §3.1): last year's amounts restated
in this year's prices by the price index, and each component's change against the operators'
general tariff reduction target. No database; Decimal only."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
COST_LINES = ("personnel", "administration", "buildings", "other")


def component_key(kind: str, package: str = "") -> str:
    """The key of a component across reports: the kind and the package (case ignored)."""
    return f"{kind}:{(package or '').strip().casefold()}"


def indexed(amount: Decimal, factor: Decimal | None) -> Decimal:
    """`amount` in the later year's prices (no factor: unchanged), to the øre."""
    if factor is None:
        return amount
    return (amount * factor).quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Change:
    """A component against last year's amount in this year's prices."""

    previous: Decimal  # last year's amount, indexed
    current: Decimal
    target_pct: Decimal | None  # the general tariff reduction (e.g. 0.5 for 0.5 %)

    @property
    def kroner(self) -> Decimal:
        return self.current - self.previous

    @property
    def pct(self) -> Decimal | None:
        if not self.previous:
            return None
        return (self.kroner * 100 / self.previous).quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def allowed(self) -> Decimal | None:
        """The highest amount that meets the target, to the øre (rounded down)."""
        if self.target_pct is None:
            return None
        exact = self.previous * (100 - self.target_pct) / 100
        return exact.quantize(CENT, rounding="ROUND_FLOOR")

    @property
    def exceeds(self) -> bool:
        """Up more than allowed, or not reduced enough: compared exactly, not rounded."""
        if self.target_pct is None or not self.previous:
            return False
        return self.current * 100 > self.previous * (100 - self.target_pct)


def changes(previous: dict, current: dict, target_pct: Decimal | None) -> dict:
    """{key: Change} for each current component that had an amount last year."""
    return {
        key: Change(previous[key], amount, target_pct)
        for key, amount in current.items()
        if key in previous
    }


def exceeding(previous: dict, current: dict, target_pct: Decimal | None) -> list[str]:
    """The keys of the components that miss the target (a reason is needed for each)."""
    return [key for key, change in changes(previous, current, target_pct).items() if change.exceeds]
