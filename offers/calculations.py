"""Pure rules of the offer register (no ORM): coverage by the agreement and place totals."""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from socialaftale.lib.money import percent


class CoverageReason(StrEnum):
    REGIONAL = "regional"
    USED_BY_OTHERS = "used_by_others"
    EXEMPTED = "exempted"
    PRIVATE = "private"
    ONLY_OPERATOR = "only_operator"
    NO_USAGE = "no_usage"


@dataclass(frozen=True)
class CoverageInput:
    operator_kind: str  # "region" | "municipality" | "private"
    operator_id: int
    year: int
    # (acting municipality id, places) for the year; zero-place rows do not count as use.
    usage: tuple[tuple[int, Decimal], ...] = ()
    exempted: bool = False


@dataclass(frozen=True)
class CoverageDecision:
    covered: bool
    reason: CoverageReason
    other_buyer_ids: tuple[int, ...] = ()


def decide_coverage(data: CoverageInput) -> CoverageDecision:
    """Nordjysk Socialaftale 2018-2020: the agreement covers every regional social offer and
    every municipal offer used by at least one municipality other than the operator. An offer
    sold to only a few others may be exempted when bilateral agreements cover tariffs, price
    structure and settlement deadlines; the exemption is a recorded decision."""
    if data.operator_kind == "region":
        return CoverageDecision(True, CoverageReason.REGIONAL)
    if data.operator_kind != "municipality":
        return CoverageDecision(False, CoverageReason.PRIVATE)
    others = tuple(
        sorted({buyer for buyer, places in data.usage if buyer != data.operator_id and places > 0})
    )
    if not others:
        reason = CoverageReason.ONLY_OPERATOR if data.usage else CoverageReason.NO_USAGE
        return CoverageDecision(False, reason)
    if data.exempted:
        return CoverageDecision(False, CoverageReason.EXEMPTED, others)
    return CoverageDecision(True, CoverageReason.USED_BY_OTHERS, others)


def agreement_share(agreement: int, municipal: int, private: int) -> Decimal:
    """Agreement places as a share of all places, in per cent with one decimal."""
    return percent(agreement, agreement + municipal + private, decimals=1)


@dataclass(frozen=True)
class Places:
    """One location municipality's published places (or their total)."""

    municipality: str
    municipality_code: str
    municipal_places: int
    private_places: int
    agreement_places: int


@dataclass(frozen=True)
class PlacesShare:
    places: Places
    share: Decimal


@dataclass(frozen=True)
class PlacesSummary:
    rows: tuple[PlacesShare, ...]
    totals: Places
    share: Decimal


def places_summary(rows: list[Places]) -> PlacesSummary:
    """Each municipality's agreement share, and the totals with theirs."""
    totals = Places(
        municipality="",
        municipality_code="",
        municipal_places=sum(row.municipal_places for row in rows),
        private_places=sum(row.private_places for row in rows),
        agreement_places=sum(row.agreement_places for row in rows),
    )
    return PlacesSummary(
        rows=tuple(PlacesShare(row, _share(row)) for row in rows),
        totals=totals,
        share=_share(totals),
    )


def _share(places: Places) -> Decimal:
    return agreement_share(places.agreement_places, places.municipal_places, places.private_places)


COVERAGE_EXPLANATIONS = {
    CoverageReason.REGIONAL: _("Covered: every regional social offer is covered by the agreement."),
    CoverageReason.USED_BY_OTHERS: _(
        "Covered: the offer is used by at least one municipality other than the operator."
    ),
    CoverageReason.EXEMPTED: _(
        "Not covered: used by other municipalities, but exempted because bilateral agreements "
        "settle tariffs, price structure and settlement deadlines."
    ),
    CoverageReason.PRIVATE: _("Not covered: the operator is a private provider."),
    CoverageReason.ONLY_OPERATOR: _(
        "Not covered: only the operating municipality used the offer this year."
    ),
    CoverageReason.NO_USAGE: _("Not covered: no usage has been reported for this year."),
}
