"""Expenditure-reduction monitoring (SPEC §4): a January-to-January panel, pure and exact.

Input is a DataFrame of citizen-list rows (citizen, municipality, offer, month, ore). Amounts
stay int64 øre (kroner × 100) until the result is built, so every sum is exact; they become
Decimal kroner with two decimals only at the boundary. Percentages are rounded half up to two
decimals (socialaftale.lib.money). pandas is used only here (ARCHITECTURE, house style 4).

Rules where SPEC §4 is silent (chosen here, stated so the report can say so):
- "Present" in a month means a positive month total over the offers counted that year.
- A citizen belongs to the acting municipality that paid for them in the baseline January; if
  several paid, the one with the largest amount, ties to the lowest code. The whole panel of
  that citizen (baseline and measurement month, whoever paid later) counts there, so the
  municipalities' figures add up exactly to the totals.
- A citizen present in the baseline and the measurement January but absent in a January the
  cohort rule requires is left out and reported ("missing_january"): a gap may be missing data.
- Fixed cohort: the defining years must start at the baseline year and must not end after the
  measurement year (a cohort may not be defined by its future). A member without a positive
  total in the measurement month counts with 0 kr. and is reported
  ("missing_in_measure_month").
- Only Januaries are accepted, and the measurement year must come after the baseline year.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import numpy as np
import pandas as pd
from django.utils.translation import gettext

from socialaftale.lib.money import percent, round_half_up, to_decimal

from .results import DataIssue, MunicipalityResult, RunResult

__all__ = [
    "AnalysisParams",
    "AnalysisResult",
    "DataIssue",
    "MunicipalityResult",
    "analyse",
    "cumulative_target",
    "months_needed",
    "validate_params",
]

COLUMNS = ("citizen", "municipality", "offer", "month", "ore")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


@dataclass(frozen=True, kw_only=True)
class AnalysisParams:
    """The parameters of one analysis run; months are "YYYY-01"."""

    measure: str
    baseline: str = "2016-01"
    cohort: Literal["every-january", "fixed"] = "every-january"
    defining_years: tuple[int, int] | None = None
    # year -> offer ids covered by the agreement that year; None counts every offer.
    covered_offers: Mapping[int, frozenset[int]] | None = None
    # year -> (tariff_reduction_pct, dialogue_reduction_pct), reduction_targets.csv.
    targets: Mapping[int, tuple[Decimal, Decimal]] | None = None

    @property
    def baseline_year(self) -> int:
        return int(self.baseline[:4])

    @property
    def measure_year(self) -> int:
        return int(self.measure[:4])


@dataclass(frozen=True)
class AnalysisResult:
    """Amounts in kroner with two decimals; percentages with two decimals, rounded half up."""

    cohort_size: int
    baseline_total: Decimal
    measure_total: Decimal
    reduction_kr: Decimal  # per month: baseline − measure
    reduction_pct: Decimal | None  # None when the baseline is 0
    annual_saving: Decimal  # reduction_kr × 12, see annualisation_note
    annualisation_note: str
    target_pct: Decimal | None
    target_met: bool | None
    by_municipality: tuple[MunicipalityResult, ...]
    issues: tuple[DataIssue, ...]
    limitation: str

    def to_json_dict(self) -> dict:
        """Exactly the `expenditure_analysis --format json` contract (issue 5): what a run
        stores (results.RunResult.to_json), without the run's notes."""
        data = RunResult.of(self).to_json()
        del data["notes"]
        return data


# --- Parameters ----------------------------------------------------------------------------


def _january_year(month: str, label: str) -> int:
    match = _MONTH.match(month or "")
    if not match or not 1 <= int(match.group(2)) <= 12:
        raise ValueError(f"{label} skal skrives ÅÅÅÅ-MM (fik »{month}«).")
    if match.group(2) != "01":
        raise ValueError(
            f"Analysen sammenligner januar med januar: {label} skal være en januar "
            f"(fik {month}, brug {match.group(1)}-01)."
        )
    return int(match.group(1))


def _validate_defining_years(params: AnalysisParams, baseline: int, measure: int) -> None:
    if params.cohort == "every-january":
        if params.defining_years is not None:
            raise ValueError("Definitionsår bruges kun med en fast kohorte.")
        return
    if params.defining_years is None:
        raise ValueError("En fast kohorte kræver definitionsår, fx 2016-2018.")
    first, last = params.defining_years
    if first != baseline:
        raise ValueError(f"Definitionsårene skal begynde i basisåret {baseline} (fik {first}).")
    if last < first:
        raise ValueError(f"Definitionsårene {first}-{last} slutter før de begynder.")
    if last > measure:
        raise ValueError(
            f"Definitionsårene {first}-{last} må ikke slutte efter måleåret {measure}."
        )


def validate_params(params: AnalysisParams) -> None:
    """Refuse parameters the method cannot use; ValueError with a Danish message."""
    baseline = _january_year(params.baseline, "Basismåneden")
    measure = _january_year(params.measure, "Målemåneden")
    if measure <= baseline:
        raise ValueError(
            f"Målemåneden {params.measure} skal ligge efter basismåneden {params.baseline}."
        )
    if params.cohort not in ("every-january", "fixed"):
        raise ValueError(f"Ukendt kohorteregel »{params.cohort}«.")
    _validate_defining_years(params, baseline, measure)
    if params.covered_offers is not None:
        missing = sorted({int(m[:4]) for m in _months(params)} - set(params.covered_offers))
        if missing:
            years = ", ".join(str(year) for year in missing)
            raise ValueError(f"Der mangler oplysning om dækkede tilbud for {years}.")


def _required_januaries(params: AnalysisParams) -> list[str]:
    """The Januaries a citizen must be present in to belong to the cohort."""
    if params.cohort == "fixed":
        first, last = params.defining_years
    else:
        first, last = params.baseline_year, params.measure_year
    return [f"{year}-01" for year in range(first, last + 1)]


def _months(params: AnalysisParams) -> list[str]:
    return sorted(set(_required_januaries(params)) | {params.baseline, params.measure})


def months_needed(params: AnalysisParams) -> list[str]:
    """The Januaries the analysis reads, sorted: the service loads only these rows.

    Every January from the baseline to the measurement year for "every-january"; the defining
    years plus the measurement month for "fixed" (the Januaries in between are not read).
    """
    validate_params(params)
    return _months(params)


def cumulative_target(
    targets: Mapping[int, tuple[Decimal, Decimal]] | None, baseline_year: int, measure_year: int
) -> Decimal | None:
    """Σ (tariff + dialogue) for the years after the baseline up to the measurement year.

    The yearly components add up, they are not compounded (SPEC §4: 2017 2.0 %, 2018 3.0 %,
    2019 4.0 %, 2020 5.0 %). None when there are no targets or a year has none.
    """
    years = range(baseline_year + 1, measure_year + 1)
    if targets is None or not years or any(year not in targets for year in years):
        return None
    total = sum((to_decimal(t) + to_decimal(d) for t, d in (targets[y] for y in years)), Decimal(0))
    return round_half_up(total, 2)


# --- The analysis --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Counted:
    """The counted rows with integer codes: citizens[code], municipalities[code], months[i]."""

    frame: pd.DataFrame  # columns citizen, month, municipality (all integer codes), ore
    citizens: pd.Index
    municipalities: pd.Index  # sorted
    months: list[str]


def _check_columns(rows: pd.DataFrame) -> None:
    missing = [column for column in COLUMNS if column not in rows.columns]
    if missing:
        raise ValueError(f"Udgiftsrækkerne mangler kolonnerne {', '.join(missing)}.")
    if not pd.api.types.is_integer_dtype(rows["ore"]):
        raise ValueError("Udgifterne skal være hele øre (heltal), ikke kommatal.")


def _counted_rows(rows: pd.DataFrame, params: AnalysisParams) -> _Counted:
    """The rows of the needed Januaries, only offers covered by the agreement that year."""
    _check_columns(rows)
    months = _months(params)
    month_index = pd.Index(months).get_indexer(rows["month"])
    keep = month_index >= 0
    if params.covered_offers is not None:
        covered = np.zeros(len(rows), dtype=bool)
        for index, month in enumerate(months):  # a handful of Januaries, not rows
            offers = list(params.covered_offers[int(month[:4])])
            covered |= (month_index == index) & rows["offer"].isin(offers).to_numpy()
        keep &= covered
    ore = rows["ore"].to_numpy()[keep]
    if (ore < 0).any():
        raise ValueError("En udgift er negativ; en borgerliste må ikke have negative beløb.")
    citizen_codes, citizens = pd.factorize(rows["citizen"][keep])
    # sort=True: a lower code number is a lower municipality code (the tie rule relies on it).
    municipality_codes, municipalities = pd.factorize(rows["municipality"][keep], sort=True)
    frame = pd.DataFrame(
        {
            "citizen": citizen_codes,
            "month": month_index[keep],
            "municipality": municipality_codes,
            "ore": ore.astype("int64"),
        }
    )
    return _Counted(frame, pd.Index(citizens), pd.Index(municipalities).astype(str), months)


def _month_totals(counted: _Counted) -> pd.DataFrame:
    """citizen code × month: the sum over offers in int64 øre, 0 where there are no rows."""
    totals = np.zeros((len(counted.citizens), len(counted.months)), dtype=np.int64)
    frame = counted.frame
    np.add.at(totals, (frame["citizen"].to_numpy(), frame["month"].to_numpy()), frame["ore"])
    return pd.DataFrame(totals, columns=counted.months)


def _issues(kind: str, flags: pd.DataFrame, citizens: pd.Index, message: str) -> list:
    """One DataIssue per (citizen code, month) flagged True, sorted by citizen and month."""
    rows, columns = np.nonzero(flags.to_numpy())
    found = pd.DataFrame(
        {
            "citizen": citizens.to_numpy()[flags.index.to_numpy()[rows]].astype(str),
            "month": np.asarray(flags.columns)[columns],
        }
    ).sort_values(["citizen", "month"])
    messages = {month: message % {"month": month} for month in flags.columns}
    return [
        DataIssue(kind, citizen, month, messages[month])
        for citizen, month in zip(found["citizen"].tolist(), found["month"].tolist(), strict=True)
    ]


def _cohort(totals: pd.DataFrame, params: AnalysisParams, citizens: pd.Index) -> tuple:
    """The cohort's citizen codes, and the data issues the cohort rule turns up (by kind)."""
    present = totals > 0
    required = _required_januaries(params)
    in_cohort = present[required].all(axis=1)
    issues = []
    if params.cohort == "fixed":
        issues += _issues(
            "missing_in_measure_month",
            ~present.loc[in_cohort, [params.measure]],
            citizens,
            gettext("Cohort member without expenditure in %(month)s: counted with 0 kr."),
        )
    gaps = present[params.baseline] & present[params.measure] & ~in_cohort
    issues += _issues(
        "missing_january",
        ~present.loc[gaps, required],
        citizens,
        gettext(
            "No expenditure in %(month)s, a January the cohort rule requires: the citizen is "
            "left out of the cohort although present in the baseline and measurement months."
        ),
    )
    return totals.index[in_cohort], issues


def _acting_municipality(counted: _Counted, baseline: str, cohort: pd.Index) -> pd.Series:
    """citizen code -> the municipality that paid most for them in the baseline January.

    Several payers: the largest amount wins, ties go to the lowest code, so the choice never
    depends on row order.
    """
    frame = counted.frame
    rows = frame[(frame["month"] == counted.months.index(baseline)) & frame["citizen"].isin(cohort)]
    paid = rows.groupby(["citizen", "municipality"], sort=False)["ore"].sum().reset_index()
    paid = paid.sort_values(["citizen", "ore", "municipality"], ascending=[True, False, True])
    chosen = paid.drop_duplicates("citizen")
    return pd.Series(counted.municipalities[chosen["municipality"]], index=chosen["citizen"])


def _panel(counted: _Counted, params: AnalysisParams) -> tuple[pd.DataFrame, list]:
    """One row per cohort citizen: municipality, baseline and measure (øre)."""
    totals = _month_totals(counted)
    cohort, issues = _cohort(totals, params, counted.citizens)
    panel = pd.DataFrame(
        {
            "municipality": _acting_municipality(counted, params.baseline, cohort).reindex(cohort),
            "baseline": totals.loc[cohort, params.baseline],
            "measure": totals.loc[cohort, params.measure],
        }
    )
    return panel, issues


def _kroner(ore) -> Decimal:
    return (Decimal(int(ore)) / _HUNDRED).quantize(_CENT)


def _reduction_pct(baseline_ore: int, measure_ore: int) -> Decimal | None:
    if baseline_ore == 0:
        return None
    return percent(baseline_ore - measure_ore, baseline_ore, 2)


def _by_municipality(panel: pd.DataFrame) -> tuple[MunicipalityResult, ...]:
    grouped = panel.groupby("municipality", sort=True).agg(
        size=("baseline", "size"), baseline=("baseline", "sum"), measure=("measure", "sum")
    )
    return tuple(
        MunicipalityResult(
            municipality=str(code),
            cohort_size=int(row.size),
            baseline_total=_kroner(row.baseline),
            measure_total=_kroner(row.measure),
            reduction_kr=_kroner(row.baseline - row.measure),
            reduction_pct=_reduction_pct(int(row.baseline), int(row.measure)),
        )
        for code, row in zip(grouped.index, grouped.itertuples(index=False), strict=True)
    )


def _check_parts(result: AnalysisResult) -> None:
    """The municipalities must add up exactly to the totals (an invariant, not a rounding)."""
    parts = result.by_municipality
    if (
        sum(m.cohort_size for m in parts) != result.cohort_size
        or sum((m.baseline_total for m in parts), Decimal(0)) != result.baseline_total
        or sum((m.measure_total for m in parts), Decimal(0)) != result.measure_total
    ):
        raise AssertionError("The municipalities' figures do not add up to the totals.")


def analyse(rows: pd.DataFrame, params: AnalysisParams) -> AnalysisResult:
    """Compare the cohort's January expenditure in the measurement year with the baseline."""
    validate_params(params)
    panel, issues = _panel(_counted_rows(rows, params), params)
    baseline, measure = int(panel["baseline"].sum()), int(panel["measure"].sum())
    pct = _reduction_pct(baseline, measure)
    target = cumulative_target(params.targets, params.baseline_year, params.measure_year)
    result = AnalysisResult(
        cohort_size=len(panel),
        baseline_total=_kroner(baseline),
        measure_total=_kroner(measure),
        reduction_kr=_kroner(baseline - measure),
        reduction_pct=pct,
        annual_saving=_kroner((baseline - measure) * 12),
        annualisation_note=gettext(
            "The annual saving is the monthly reduction × 12, on the assumption that January "
            "is representative of the whole year."
        ),
        target_pct=target,
        target_met=None if pct is None or target is None else pct >= target,
        by_municipality=_by_municipality(panel),
        issues=tuple(issues),  # by kind, citizen and month
        limitation=gettext(
            "The method cannot tell how much of the reduction came from lower tariffs and how "
            "much from changed services."
        ),
    )
    _check_parts(result)
    return result
