"""Reads shaped for the monitoring pages and charts."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from organisations.models import Organisation
from tariffs.models import ReductionTarget

from . import charts
from .models import AnalysisRun, RunStatus
from .results import MunicipalityResult, RunResult


@dataclass(frozen=True)
class TargetRow:
    year: int
    tariff_reduction_pct: Decimal
    dialogue_reduction_pct: Decimal


def reduction_targets() -> list[TargetRow]:
    """The agreed yearly targets (Tabel 1), oldest first."""
    rows = ReductionTarget.objects.order_by("year")
    return [
        TargetRow(row.year, row.tariff_reduction_pct, row.dialogue_reduction_pct) for row in rows
    ]


_DANISH_LETTERS = str.maketrans({"æ": "{", "ø": "|", "å": "}"})  # after z, in this order


def by_municipality(run, result: RunResult | None = None) -> list[tuple[str, MunicipalityResult]]:
    """(municipality name, result row) in the order of the names (Danish alphabet), so the
    table, the chart and the PDF list the municipalities alike, whatever order the result
    was stored in. `result` is the run's, when the caller has it already."""
    names = dict(Organisation.objects.municipalities().values_list("code", "short_name"))
    result = result or run.analysis_result
    rows = [(names.get(r.municipality, r.municipality), r) for r in result.by_municipality]
    return sorted(rows, key=lambda pair: (pair[0].lower().translate(_DANISH_LETTERS), pair[0]))


def latest_runs_per_year() -> list[AnalysisRun]:
    """Per measurement year the final run, or else the newest computed draft."""
    chosen: dict[str, AnalysisRun] = {}
    runs = AnalysisRun.objects.filter(status__in=[RunStatus.DRAFT, RunStatus.FINAL])
    for run in runs.order_by("measure", "version"):
        current = chosen.get(run.measure)
        if current is None or current.status != RunStatus.FINAL or run.status == RunStatus.FINAL:
            chosen[run.measure] = run
    return [chosen[measure] for measure in sorted(chosen)]


def trend_points() -> list[tuple[int, Decimal | None, Decimal | None]]:
    points = []
    for run in latest_runs_per_year():
        result = run.analysis_result
        points.append((run.year, result.reduction_pct, result.target_pct))
    return points


def municipality_chart_svg(run: AnalysisRun) -> bytes:
    result = run.analysis_result
    rows = [(name, row.reduction_pct) for name, row in by_municipality(run, result)]
    rows.append((_("All"), result.reduction_pct))
    labels = {"target": _("Target %(year)s") % {"year": run.year}, "x": _("Reduction (%)")}
    return charts.municipality_chart(rows, result.target_pct, labels)


def trend_chart_svg() -> bytes:
    labels = {"reduction": _("Reduction"), "target": _("Cumulative target"), "y": _("Per cent")}
    return charts.trend_chart(trend_points(), labels)
