"""The analysis as tables (page, CSV/XLSX, PDF), built from a run's stored result and the rows
monitoring/selectors.py reads (the targets, the municipalities' names)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from .results import MunicipalityResult, RunResult
from .selectors import TargetRow


def targets_table(targets: list[TargetRow]) -> ReportTable:
    """Tabel 1: the yearly components and the cumulative target (they add up)."""
    table = ReportTable(
        id="targets",
        caption=_("Table 1: expenditure-reduction targets (per cent of 2016)"),
        headers=[
            _("Year"),
            _("General tariff reduction"),
            _("Dialogue and referral"),
            _("The year in all"),
            _("Cumulative target"),
        ],
        decimals={1: 1, 2: 1, 3: 1, 4: 1},
        notes=[
            _(
                "Decided in Rammeaftale 2017: 5 % lower expenditure in 2020 than in 2016, half "
                "through tariffs (operators), half through dialogue and referral (acting "
                "municipalities). The yearly components add up; they are not compounded."
            )
        ],
    )
    cumulative = Decimal(0)
    for target in targets:
        year_total = target.tariff_reduction_pct + target.dialogue_reduction_pct
        cumulative += year_total
        table.rows.append(
            [
                str(target.year),
                target.tariff_reduction_pct,
                target.dialogue_reduction_pct,
                year_total,
                cumulative,
            ]
        )
    return table


def totals_table(run) -> ReportTable:
    result = run.analysis_result
    rows = [
        (_("Citizens in the cohort"), result.cohort_size, 0),
        (
            _("Expenditure January %(year)s (kr.)") % {"year": run.baseline[:4]},
            result.baseline_total,
            2,
        ),
        (
            _("Expenditure January %(year)s (kr.)") % {"year": run.measure[:4]},
            result.measure_total,
            2,
        ),
        (_("Reduction per month (kr.)"), result.reduction_kr, 2),
        (_("Reduction (%)"), result.reduction_pct, 2),
        (_("Annualised saving (kr., January × 12)"), result.annual_saving, 0),
        (_("Cumulative target (%)"), result.target_pct, 2),
        (_("Target met"), result.target_met, 0),
    ]
    table = ReportTable(
        id="totals", caption=_("The analysis in total"), headers=[_("Figure"), _("Value")]
    )
    for label, value, _decimals in rows:
        table.rows.append([label, value])
    table.decimals = {1: 2}
    return table


def municipality_table(
    run, named_rows: list[tuple[str, MunicipalityResult]], codes: list[str] | None = None
) -> ReportTable:
    """Per acting municipality (selectors.by_municipality's named rows); with `codes`, only
    those municipalities plus the total."""
    table = ReportTable(
        id="municipalities",
        caption=_("By acting municipality"),
        headers=[
            _("Municipality"),
            _("Citizens"),
            _("January %(year)s (kr.)") % {"year": run.baseline[:4]},
            _("January %(year)s (kr.)") % {"year": run.measure[:4]},
            _("Reduction (kr.)"),
            _("Reduction (%)"),
        ],
        decimals={2: 2, 3: 2, 4: 2, 5: 2},
    )
    result = run.analysis_result
    for name, row in named_rows:
        if codes is None or row.municipality in codes:
            table.rows.append([name, *_figures(row)])
    table.footer.append([_("All municipalities"), *_figures(result)])
    table.notes.append(limitation())
    return table


def _figures(row: MunicipalityResult | RunResult) -> list:
    return [
        row.cohort_size,
        row.baseline_total,
        row.measure_total,
        row.reduction_kr,
        row.reduction_pct,
    ]


def limitation() -> str:
    return _(
        "The method cannot tell how much of the reduction came from tariffs and how much "
        "from changed services."
    )
