"""A budget run's tables: per scheme its parts per municipality, the change since the previous
version in kroner and per cent, and under it the key rule, the figures' dates, what stood in
for missing figures and the rounding note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from socialaftale.lib.money import without_trailing_zeros
from socialaftale.lib.tables import ReportTable, display

if TYPE_CHECKING:
    from ..selectors.runs import RunSchemeFigures


def _rows(scheme: RunSchemeFigures) -> list[list]:
    rows = [
        [
            part.party,
            without_trailing_zeros(part.weight),
            part.share_pct,
            part.amount,
            part.before,
            part.change_kr,
            part.change_pct,
        ]
        for part in scheme.parts
    ]
    rows += [[party, None, None, None, before, -before, None] for party, before in scheme.left]
    return rows


def _footer(scheme: RunSchemeFigures) -> list:
    befores = [p.before for p in scheme.parts if p.before is not None] + [
        b for _p, b in scheme.left
    ]
    before = sum(befores) if befores else None
    return [
        _("Total"),
        without_trailing_zeros(sum(p.weight for p in scheme.parts)),
        sum(p.share_pct for p in scheme.parts),
        sum(p.amount for p in scheme.parts),
        before,
        None if before is None else sum(p.amount for p in scheme.parts) - before,
        None,
    ]


def _notes(scheme: RunSchemeFigures) -> list[str]:
    notes = [
        _("Key rule: %(rule)s; key: %(key)s.") % {"rule": scheme.rule_label, "key": scheme.key}
    ]
    if scheme.figures:
        dates = ", ".join(f"{day:%d.%m.%Y}" for day in scheme.figures)
        notes.append(_("Figures as of %(dates)s.") % {"dates": dates})
    notes += list(scheme.notes)
    if scheme.mixed:
        notes.append(_mixed_note(scheme))
    return [*notes, scheme.rounding]


def _mixed_note(scheme: RunSchemeFigures) -> str:
    mixed = scheme.mixed
    return _(
        "Mixed financing of %(offer)s: objective part %(share)s %% of the total budget "
        "%(budget)s kr. = %(total)s kr.; the rest, %(rest)s kr., over %(cases)s expected cases "
        "gives a tariff of %(tariff)s kr. per case."
    ) % {
        "offer": mixed.offer,
        "share": display(mixed.objective_share * 100, 1),
        "budget": display(mixed.total_budget),
        "total": display(scheme.total, scheme.decimals),
        "rest": display(mixed.tariff_financed),
        "cases": mixed.expected_cases,
        "tariff": display(mixed.tariff_per_case),
    }


def budget_run_table(scheme: RunSchemeFigures, position: int = 1) -> ReportTable:
    """The `position`th scheme of the run (its id: a sheet of the XLSX)."""
    money = scheme.decimals
    return ReportTable(
        id=f"ordning-{position}",
        caption=_("%(scheme)s %(year)s, version %(version)s")
        % {"scheme": scheme.name, "year": scheme.year, "version": scheme.version},
        headers=[
            _("Municipality"),
            _("Weight"),
            _("Share (%)"),
            _("Amount (kr.)"),
            _("Previous version (kr.)"),
            _("Change (kr.)"),
            _("Change (%)"),
        ],
        rows=_rows(scheme),
        footer=[_footer(scheme)],
        decimals={2: 1, 3: money, 4: money, 5: money, 6: 1},
        notes=_notes(scheme),
    )
