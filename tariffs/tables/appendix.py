"""The tariff appendix (takstbilag) and the tariff development against the reduction target,
from the figures read by selectors.published."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal
from socialaftale.lib.tables import ReportTable, display

from .. import calculations as calc

if TYPE_CHECKING:
    from ..selectors.published import Appendix, AppendixOffer, TariffDevelopmentFigures


def _coverage_note(year: int, source: int | None) -> str:
    if source == year:
        return _("Coverage is derived from the usage reported for %(year)s.") % {"year": year}
    if source is None:
        return _(
            "No usage is recorded up to %(year)s, so only the regional offers are covered."
        ) % {"year": year}
    return _(
        "The tariff appendix for %(year)s is drawn up in October %(before)s, before the "
        "year's usage is known: coverage is derived from the usage reported for %(source)s, "
        "the latest year with usage data."
    ) % {"year": year, "before": year - 1, "source": source}


def appendix_table(appendix: Appendix) -> ReportTable:
    """Covered offers with their tariffs for the year."""
    year, source = appendix.year, appendix.source
    caption = _("Tariff appendix %(year)s: offers covered by the agreement") % {"year": year}
    if source is not None:
        caption += " " + _("(coverage by usage in %(source)s)") % {"source": source}
    table = ReportTable(
        id="tariff_appendix",
        caption=caption,
        headers=[
            _("Offer"),
            _("Operator"),
            _("Unit"),
            _("Base tariff"),
            _("Service packages"),
            _("Tariff (lowest package)"),
            _("Status"),
        ],
    )
    for offer in appendix.offers:
        table.rows.append(_appendix_row(offer))
    table.decimals = {3: 2, 5: 2}
    table.notes.append(_coverage_note(year, source))
    return table


def _appendix_row(offer: AppendixOffer) -> list:
    tariff = offer.tariff
    if tariff is None:
        return [offer.name, offer.operator, None, None, None, None, _("Not reported")]
    components = tariff.components
    totals = calc.tariff_totals(components)
    base = next((a for kind, _p, a in components if kind == "base"), None)
    packages = "; ".join(
        f"{label}: {format_decimal(amount, 2)}" for label, amount in totals if label
    )
    return [
        offer.name,
        offer.operator,
        tariff.unit,
        base,
        packages or None,
        min(a for _l, a in totals) if totals else None,
        tariff.status,
    ]


def _development_rows(rows: list[calc.TariffDevelopment]) -> list[list]:
    return [
        [
            row.operator,
            row.offers,
            row.old_total,
            row.new_total,
            row.change_pct,
            -row.target_pct if row.target_pct is not None else None,
            row.met,
        ]
        for row in rows
    ]


def _development_notes(figures: TariffDevelopmentFigures) -> list[str]:
    year, target, factor = figures.year, figures.target_pct, figures.factor
    target_note = _(
        "Sum of each comparable offer's tariff (the lowest service package). General tariff "
        "reduction target %(year)s: %(target)s %%."
    ) % {"year": year, "target": display(target, 1) if target is not None else "–"}
    factor_note = (
        _("%(last)s tariffs restated in %(year)s prices with factor %(factor)s.")
        % {"last": year - 1, "year": year, "factor": display(factor, 4)}
        if factor is not None
        else _("No price index is recorded for these years: the comparison is in current prices.")
    )
    return [target_note, factor_note]


def tariff_development_table(figures: TariffDevelopmentFigures) -> ReportTable:
    """Each operator's comparable tariffs (same offer and unit both years) against the general
    tariff-reduction target for the year."""
    year = figures.year
    rows = calc.tariff_development(
        calc.comparable_pairs(figures.tariffs, year),
        factor=figures.factor if figures.factor is not None else Decimal(1),
        target_pct=figures.target_pct,
    )
    return ReportTable(
        id="tariff_development",
        caption=_("Tariff development %(last)s–%(year)s by operator")
        % {"last": year - 1, "year": year},
        headers=[
            _("Operator"),
            _("Comparable offers"),
            _("Tariffs %(year)s") % {"year": year - 1},
            _("Tariffs %(year)s") % {"year": year},
            _("Change (%)"),
            _("Target (%)"),
            _("Target met"),
        ],
        rows=_development_rows(rows),
        decimals={2: 2, 3: 2, 4: 2, 5: 1},
        notes=_development_notes(figures),
    )
