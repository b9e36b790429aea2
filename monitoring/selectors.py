"""Reads shaped for the monitoring pages and charts."""

from decimal import Decimal

from django.utils.translation import gettext as _

from . import charts, reports
from .models import AnalysisRun, RunStatus


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
    rows = [(name, row.reduction_pct) for name, row in reports.by_municipality(run, result)]
    rows.append((_("All"), result.reduction_pct))
    labels = {"target": _("Target %(year)s") % {"year": run.year}, "x": _("Reduction (%)")}
    return charts.municipality_chart(rows, result.target_pct, labels)


def trend_chart_svg() -> bytes:
    labels = {"reduction": _("Reduction"), "target": _("Cumulative target"), "y": _("Per cent")}
    return charts.trend_chart(trend_points(), labels)
