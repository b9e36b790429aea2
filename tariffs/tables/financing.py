"""The development contribution by municipality, the offers with mixed financing and a
stored financing split, from the figures read by the selectors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from socialaftale.lib.money import without_trailing_zeros
from socialaftale.lib.tables import ReportTable, display

from .. import calculations as calc

if TYPE_CHECKING:
    from ..selectors.pages import SplitFigures
    from ..selectors.published import (
        ContributionFigures,
        ContributionRate,
        MixedFinancingRecord,
        MunicipalityPopulation,
    )


def _contribution_row(rate: ContributionRate | None, municipality: MunicipalityPopulation):
    figure = municipality.population
    amount = (
        calc.development_contribution(rate.kroner_per_inhabitant, figure.count)
        if rate and figure
        else None
    )
    return [
        municipality.name,
        figure.count if figure else None,
        figure.reference_date if figure else _("no population figure"),
        amount,
    ]


def development_contribution_table(figures: ContributionFigures) -> ReportTable:
    rate = figures.rate
    table = ReportTable(
        id="development_contribution",
        caption=_("Development contribution %(year)s by municipality") % {"year": figures.year},
        headers=[_("Municipality"), _("Inhabitants"), _("Counted on"), _("Contribution (kr.)")],
        rows=[_contribution_row(rate, m) for m in figures.municipalities],
    )
    known = [row[3] for row in table.rows if row[3] is not None]
    missing = [row[0] for row in table.rows if row[1] is None]
    total_label = (
        _("Total without %(names)s") % {"names": _names(missing)} if missing else _("Total")
    )
    table.footer.append([total_label, sum(r[1] for r in table.rows if r[1]), None, sum(known)])
    if missing:
        table.notes.append(_missing_population_note(figures, missing))
    if rate:
        table.notes.append(_rate_note(rate))
    return table


def _rate_note(rate: ContributionRate) -> str:
    return _(
        "%(rate)s kr. per inhabitant (the legal minimum). Each municipality replies in "
        "writing to %(recipient)s by %(deadline)s."
    ) % {
        "rate": display(rate.kroner_per_inhabitant),
        "recipient": rate.recipient,
        "deadline": rate.reply_deadline.strftime("%d.%m.%Y"),
    }


def _names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    return _("%(first)s and %(last)s") % {"first": ", ".join(names[:-1]), "last": names[-1]}


def _missing_population_note(figures: ContributionFigures, missing: list[str]) -> str:
    """Says whom the total leaves out and why: the source of the other figures has none."""
    sources = sorted({m.population.source for m in figures.municipalities if m.population} - {""})
    return _(
        "The total leaves out %(names)s: the population source (%(sources)s) has no figure for "
        "it, so no contribution is computed. The secretariat can add population figures."
    ) % {"names": _names(missing), "sources": "; ".join(sources) or _("none recorded")}


def _mixed_financing_row(record: MixedFinancingRecord) -> list:
    result = calc.mixed_financing(
        objective_share=record.objective_share,
        expected_cases=record.expected_cases,
        objective_financing=record.objective_financing if record.total_budget is None else None,
        total_budget=record.total_budget,
    )
    return [
        record.offer,
        str(record.year),
        result.objective_share * 100,
        result.total_budget,
        result.objective_financing,
        result.tariff_financed,
        result.expected_cases,
        result.tariff_per_case,
        record.actual_cases,
    ]


def mixed_financing_table(records: list[MixedFinancingRecord]) -> ReportTable:
    return ReportTable(
        id="mixed_financing",
        caption=_("Offers with mixed financing (objective share + tariff per case)"),
        headers=[
            _("Offer"),
            _("Year"),
            _("Objective share (%)"),
            _("Total budget"),
            _("Objective financing"),
            _("Tariff-financed"),
            _("Expected cases"),
            _("Tariff per case"),
            _("Actual cases"),
        ],
        rows=[_mixed_financing_row(record) for record in records],
        decimals={2: 1},
        notes=[
            _(
                "Total budget = objective financing ÷ share; tariff per case = "
                "(total budget − objective financing) ÷ expected cases, rounded half up "
                "to whole kroner."
            )
        ],
    )


def _split_rows(split: SplitFigures, previous: SplitFigures | None) -> list[list]:
    before = {r.organisation_id: r.amount for r in previous.rows} if previous else {}
    rows = []
    for row in split.rows:
        cells = [row.party, without_trailing_zeros(row.weight), row.share_pct, row.amount]
        cells.append(row.naive_amount)
        if previous:
            old = before.get(row.organisation_id)
            cells.append(row.amount - old if old is not None else None)
        rows.append(cells)
    return rows


def _split_footer(split: SplitFigures, previous: SplitFigures | None) -> list:
    rows = split.rows
    return [
        _("Total"),
        without_trailing_zeros(sum(r.weight for r in rows)),
        sum(r.share_pct for r in rows),
        sum(r.amount for r in rows),
        sum(r.naive_amount for r in rows),
    ] + ([None] if previous else [])


def split_table(split: SplitFigures, previous: SplitFigures | None) -> ReportTable:
    headers = [
        _("Party"),
        _("Weight"),
        _("Share (%)"),
        _("Amount (kr.)"),
        _("Rounded row by row (kr.)"),
    ]
    if previous:
        headers.append(_("Change from version %(version)s") % {"version": previous.version})
    money = split.decimals  # shown as computed: a split to øre is not rounded to kroner
    return ReportTable(
        id="split",
        caption=split.caption,
        headers=headers,
        rows=_split_rows(split, previous),
        footer=[_split_footer(split, previous)],
        decimals={2: 1, 3: money, 4: money, 5: money},
        notes=[split.method],
    )
