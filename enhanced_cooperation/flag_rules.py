"""The signals of falling demand for a member (SPEC §6), as pure rules: no ORM. flags.py
reads the figures and hands them in; each rule returns a Flag or None.

The rules, in the order a member's flags are listed:

- usage: places bought per year by the acting municipalities in the member's offers
  (actual use, not expected purchases). Flag when there are at least two years, the latest
  year is lower than the year before it, and at least 10 % below the mean of all years
  before it.
- occupancy: the member's occupancy per year (its annual report, else the offers' capacity
  data). Flag when the latest year is below 85 %, or when it fell in each of the last two
  steps (three years in strictly falling order).
- operator: the operator's own answer in the annual report for the year before (the round
  of year Y asks for the reports for Y-1): demand "falling".
- submissions: the falling needs (question A2) of the year's demand/capacity round that match
  a place type of the member's offers (see need_matches). Flag when one or more
  municipalities report one.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext, ngettext

from socialaftale.lib.danish import format_decimal
from submissions.calculations import need_label

USAGE_DROP = Decimal("0.10")  # at least 10 % below the earlier years' mean
OCCUPANCY_FLOOR = Decimal("85")  # per cent
QUOTE_LENGTH = 120  # characters of the operator's demand text quoted


@dataclass(frozen=True)
class Flag:
    signal: str  # "usage" | "occupancy" | "operator" | "submissions"
    text: str


@dataclass(frozen=True)
class OfferProfile:
    """What a falling need is matched against: an offer's place kinds in the year ("day",
    "residential"; empty when not known), its age group and its target-group slugs."""

    places: frozenset
    age: str
    target_groups: frozenset


@dataclass(frozen=True)
class FallingNeed:
    municipality: str
    place: str
    age: str
    target_group: str


def number(value) -> str:
    """Danish figure: "14", "12,5", "8,75"."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return format_decimal(value, 0)
    return format_decimal(value, 2).rstrip("0")


def _mean(values) -> Decimal:
    values = list(values)
    return sum(values, Decimal(0)) / len(values)


# --- usage ---------------------------------------------------------------------------------


def usage_flag(totals: dict[int, Decimal]) -> Flag | None:
    """totals: year -> places bought in the member's offers by all acting municipalities."""
    years = sorted(totals)
    if len(years) < 2:
        return None
    latest_year, before_year = years[-1], years[-2]
    latest, before = Decimal(totals[latest_year]), Decimal(totals[before_year])
    mean = _mean(Decimal(totals[y]) for y in years[:-1])
    if not (latest < before and latest <= mean * (1 - USAGE_DROP)):
        return None
    text = gettext(
        "The use by the acting municipalities has fallen from %(before)s places in "
        "%(before_year)s to %(latest)s in %(latest_year)s."
    ) % {
        "before": number(before),
        "before_year": before_year,
        "latest": number(latest),
        "latest_year": latest_year,
    }
    if len(years) > 2:
        text += " " + gettext("Average %(first)s–%(last)s: %(mean)s places.") % {
            "first": years[0],
            "last": before_year,
            "mean": number(mean.quantize(Decimal("0.1"))),
        }
    return Flag("usage", text)


# --- occupancy -----------------------------------------------------------------------------


def _pct(value, decimals: int = 1) -> str:
    return f"{format_decimal(value, decimals)} %"


def occupancy_flag(series: dict[int, Decimal]) -> Flag | None:
    """series: year -> occupancy in per cent."""
    years = sorted(series)
    if not years:
        return None
    latest_year = years[-1]
    last_three = [Decimal(series[y]) for y in years[-3:]]
    falling = len(last_three) == 3 and last_three[0] > last_three[1] > last_three[2]
    below = last_three[-1] < OCCUPANCY_FLOOR
    sentences = []
    if falling:
        sentences.append(
            gettext("The occupancy has fallen two years in a row: %(figures)s.")
            % {
                "figures": ", ".join(
                    gettext("%(pct)s in %(year)s") % {"pct": _pct(series[y]), "year": y}
                    for y in years[-3:]
                )
            }
        )
    if below:
        sentences.append(
            gettext("The occupancy was %(pct)s in %(year)s, below %(floor)s.")
            % {
                "pct": _pct(series[latest_year]),
                "year": latest_year,
                "floor": _pct(OCCUPANCY_FLOOR, 0),
            }
        )
    return Flag("occupancy", " ".join(sentences)) if sentences else None


# --- operator ------------------------------------------------------------------------------


def shorten(text: str, length: int = QUOTE_LENGTH) -> str:
    text = " ".join(str(text or "").split())
    if len(text) <= length:
        return text
    return text[: length - 1].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"


def operator_flag(report: dict | None, year: int) -> Flag | None:
    """report: the member's annual report for `year` (reports.report_of), or None."""
    if not report or report.get("demand") != "falling":
        return None
    text = gettext("The operator reports falling demand in the annual report for %(year)s.") % {
        "year": year
    }
    quote = shorten(report.get("demand_text"))
    if quote:
        text += f" »{quote}«"
    return Flag("operator", text)


# --- submissions ---------------------------------------------------------------------------


def need_matches(need: FallingNeed, offer: OfferProfile) -> bool:
    """A need is for an offer's place type when all three agree:
    - place: the offer has that place kind in the year, or its kinds are not known;
    - age: the offer's age group is the need's, "both" or not registered;
    - target group: the need names one, and it is one of the offer's target groups (a need
      without a target group cannot be tied to an offer, so it never matches)."""
    place = not offer.places or need.place in offer.places
    age = offer.age in ("", "both") or need.age == offer.age
    group = bool(need.target_group) and need.target_group in offer.target_groups
    return place and age and group


def submissions_flag(needs: list[FallingNeed], offers: list[OfferProfile]) -> Flag | None:
    """needs: every falling need reported in the year's round; offers: the member's offers."""
    by_label: dict[str, list[str]] = {}
    for need in needs:
        if any(need_matches(need, offer) for offer in offers):
            names = by_label.setdefault(need_label(need.place, need.age, need.target_group), [])
            if need.municipality not in names:
                names.append(need.municipality)
    if not by_label:
        return None
    count = len({name for names in by_label.values() for name in names})
    details = "; ".join(
        f"{label} ({', '.join(sorted(names))})" for label, names in by_label.items()
    )
    text = ngettext(
        "%(count)d municipality reports falling need for the place types of the offers: "
        "%(details)s.",
        "%(count)d municipalities report falling need for the place types of the offers: "
        "%(details)s.",
        count,
    ) % {"count": count, "details": details}
    return Flag("submissions", text)


def member_flags(
    *,
    usage: dict[int, Decimal],
    occupancy: dict[int, Decimal],
    report: dict | None,
    year: int,
    needs: list[FallingNeed],
    offers: list[OfferProfile],
) -> list[Flag]:
    flags = [
        usage_flag(usage),
        occupancy_flag(occupancy),
        operator_flag(report, year),
        submissions_flag(needs, offers),
    ]
    return [flag for flag in flags if flag is not None]
