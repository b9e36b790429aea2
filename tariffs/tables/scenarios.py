"""The what-if scenario tables: today's split beside a scenario per municipality (in kr. and
%, with the change), and several scenarios side by side. From the figures the scenario
selector reads; the sums are of parts that already add up (largest remainder)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

if TYPE_CHECKING:
    from ..selectors.scenarios import ScenarioFigures


def _sum(values) -> Decimal | None:
    known = [value for value in values if value is not None]
    return sum(known, Decimal(0)) if known else None


def scenario_table(figures: ScenarioFigures) -> ReportTable:
    """ "Konsekvenser pr. kommune": each party today and in the scenario."""
    rows = [
        [r.party, r.today, r.today_pct, r.amount, r.pct, r.change, r.change_pct]
        for r in figures.rows
    ]
    footer = [_("Total"), *(_sum(row[i] for row in rows) for i in range(1, 6)), None]
    money = figures.decimals
    notes = []
    if figures.changes:
        notes.append(_("The scenario changes: %(changes)s.") % {"changes": _joined(figures)})
    if figures.today_caption:
        notes.append(
            _("Today: %(split)s. %(method)s")
            % {"split": figures.today_caption, "method": figures.today_method}
        )
    notes.append(_("Scenario: %(method)s") % {"method": figures.method})
    return ReportTable(
        id="scenario",
        caption=_("Consequences per municipality: %(name)s (%(scheme)s)")
        % {"name": figures.name, "scheme": figures.scheme},
        headers=[
            _("Party"),
            _("Today (kr.)"),
            _("Today (%)"),
            _("Scenario (kr.)"),
            _("Scenario (%)"),
            _("Change (kr.)"),
            _("Change (%)"),
        ],
        rows=rows,
        footer=[footer],
        decimals={1: money, 2: 1, 3: money, 4: 1, 5: money, 6: 1},
        notes=notes,
    )


def _joined(figures: ScenarioFigures) -> str:
    return "; ".join(figures.changes)


def comparison_table(today: ScenarioFigures, others: list[ScenarioFigures]) -> ReportTable:
    """Today and each scenario's amount and share per party, side by side. `today` is the
    first scenario's today (they are compared with the same split version)."""
    parties = list(dict.fromkeys(r.party for figures in [today, *others] for r in figures.rows))
    today_rows = {r.party: r for r in today.rows}
    rows = []
    for party in parties:
        row = today_rows.get(party)
        cells = [party, row.today if row else None, row.today_pct if row else None]
        for figures in others:
            mine = next((r for r in figures.rows if r.party == party), None)
            cells += [mine.amount if mine else None, mine.pct if mine else None]
        rows.append(cells)
    width = 3 + 2 * len(others)
    footer = [_("Total"), *(_sum(row[i] for row in rows) for i in range(1, width))]
    headers = [_("Party"), _("Today (kr.)"), _("Today (%)")]
    for figures in others:
        headers += [f"{figures.name} (kr.)", f"{figures.name} (%)"]
    money = today.decimals
    return ReportTable(
        id="scenarios",
        caption=_("Scenarios side by side: %(scheme)s") % {"scheme": today.scheme},
        headers=headers,
        rows=rows,
        footer=[footer],
        decimals={i: (money if i % 2 else 1) for i in range(1, width)},
        notes=[
            *(
                [
                    _("Today: %(split)s. %(method)s")
                    % {"split": today.today_caption, "method": today.today_method}
                ]
                if today.today_caption
                else []
            ),
            *(f"{figures.name}: {figures.method}" for figures in others),
        ],
    )
