"""The published tables of "Socialtilsyn Nord – Budget <year>" from the figures read by
selectors.published.socialtilsyn_figures."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from socialaftale.lib.tables import ReportTable

from .. import calculations as calc

if TYPE_CHECKING:
    from ..selectors.published import (
        BpaFigures,
        BudgetYears,
        ChildrenKey,
        SocialtilsynFigures,
        SupervisionFees,
        Volume,
    )

DEPARTMENTS = [
    ("offers_department", _("Offers department")),
    ("foster_family_department", _("Foster-family department")),
    ("total", _("Total")),
]

VOLUMES = [
    ("foster_families", _("Foster families")),
    ("foster_family_new_approvals", _("New foster-family approvals")),
    ("offers", _("Offers supervised")),
    ("offer_new_approvals", _("New offer approvals")),
    ("bpa_company_approvals", _("BPA company approvals")),
]

FEE_KINDS = [
    ("annual", _("annual supervision")),
    ("intensified", _("intensified supervision")),
    ("new_approval", _("new approval")),
    ("substantial_change", _("substantial change")),
]


def price_columns(year: int) -> list[str]:
    """The published tables' three columns: last year, last year in this year's prices, and
    this year."""
    return [
        _("%(year)s (%(year)s prices)") % {"year": year - 1},
        _("%(last)s (%(year)s prices)") % {"last": year - 1, "year": year},
        str(year),
    ]


def _amount(figures, field):
    return getattr(figures, field) if figures else None


def change_cells(old, new) -> list:
    """[change in kroner, change in per cent], both empty where a side is missing."""
    if old is None or new is None:
        return [None, None]
    result = calc.change(old, new)
    return [result.kr, result.pct]


def socialtilsyn_tables(figures: SocialtilsynFigures) -> list[ReportTable]:
    year, budgets, volumes = figures.year, figures.budgets, figures.volumes
    tables = [
        budget_table(budgets),
        volume_table(year, volumes),
        foster_family_table(budgets, figures.children_key),
        average_price_table(budgets, volumes),
        supervision_tariff_table(year, figures.fees),
        bpa_table(year, figures.bpa_rates),
    ]
    return [table for table in tables if table is not None]


def _factor_note(budgets: BudgetYears) -> str:
    factor = f"{budgets.factor.normalize():f}".replace(".", ",")
    return _("Price index %(last)s → %(year)s: factor %(factor)s.") % {
        "last": budgets.year - 1,
        "year": budgets.year,
        "factor": factor,
    }


def budget_table(budgets: BudgetYears) -> ReportTable:
    y = budgets.year
    table = ReportTable(
        id="budget",
        caption=_("Budget by department"),
        headers=[
            _("Department"),
            _("Budget %(year)s (%(year)s prices)") % {"year": y - 1},
            _("Budget %(last)s (%(year)s prices)") % {"last": y - 1, "year": y},
            _("Budget %(year)s") % {"year": y},
            _("Change (kr.)"),
            _("Change (%)"),
        ],
        decimals={5: 1},
        notes=[
            _("Change: budget %(year)s against %(last)s in %(year)s prices.")
            % {"year": y, "last": y - 1}
        ],
    )
    for field, label in DEPARTMENTS:
        old_now, new = _amount(budgets.last_now, field), _amount(budgets.this, field)
        row = [label, _amount(budgets.last, field), old_now, new, *change_cells(old_now, new)]
        (table.footer if field == "total" else table.rows).append(row)
    if budgets.factor:
        table.notes.append(_factor_note(budgets))
    return table


def volume_table(year: int, volumes: dict[int, Volume]) -> ReportTable:
    table = ReportTable(
        id="volumes",
        caption=_("Volumes"),
        headers=[_("Volume"), str(year - 1), str(year), _("Difference")],
    )
    old, new = volumes.get(year - 1), volumes.get(year)
    for field, label in VOLUMES:
        before, after = _amount(old, field), _amount(new, field)
        diff = after - before if before is not None and after is not None else None
        table.rows.append([label, before, after, diff])
    return table


def _foster_family_splits(budgets: BudgetYears, key: ChildrenKey) -> list[calc.Split | None]:
    """The department's budget in each of the three columns, split by the 0-17 key."""
    totals = [
        _amount(budget, "foster_family_department")
        for budget in (budgets.last, budgets.last_now, budgets.this)
    ]
    return [
        calc.split_by_key(total, key.weights) if total is not None else None for total in totals
    ]


def foster_family_table(budgets: BudgetYears, key: ChildrenKey | None) -> ReportTable | None:
    if key is None:
        return None
    splits = _foster_family_splits(budgets, key)
    reference = next(split for split in splits if split is not None)
    table = ReportTable(
        id="foster_family_financing",
        caption=_("Financing of the foster-family department by municipality"),
        headers=[
            _("Municipality"),
            _("0–17 year olds"),
            _("Share (%)"),
            *price_columns(budgets.year),
        ],
        decimals={2: 1},
    )
    for index, row in enumerate(reference.rows):
        amounts = [split.rows[index].amount if split else None for split in splits]
        table.rows.append([row.party, row.weight, row.share_pct, *amounts])
    table.footer.append(
        [
            _("Total"),
            sum(w for _, w in key.weights),
            Decimal("100.0"),
            *[split.sum if split else None for split in splits],
        ]
    )
    table.notes.append(_("Key: %(key)s (%(source)s).") % {"key": key.name, "source": key.source})
    table.notes += [
        f"{header}: {split.method}"
        for header, split in zip(table.headers[3:], splits, strict=True)
        if split
    ]
    return table


def average_price_table(budgets: BudgetYears, volumes: dict[int, Volume]) -> ReportTable:
    """Average price per foster family = the department's budget ÷ (foster families + new
    approvals), in each budget column's prices."""
    y = budgets.year
    table = ReportTable(
        id="average_price",
        caption=_("Average price per foster family (kr.)"),
        headers=[
            _("Item"),
            *price_columns(y),
        ],
    )
    cells = []
    for budget, year in ((budgets.last, y - 1), (budgets.last_now, y - 1), (budgets.this, y)):
        volume = volumes.get(year)
        cells.append(
            calc.average_price_per_foster_family(
                budget.foster_family_department,
                volume.foster_families,
                volume.foster_family_new_approvals,
            )
            if budget and volume
            else None
        )
    table.rows.append([_("Budget ÷ (foster families + new approvals)"), *cells])
    return table


def _category_label(fees: SupervisionFees) -> str:
    upper = f"–{fees.places_max}" if fees.places_max else "+"
    return _("Category %(category)s (%(low)s%(high)s places)") % {
        "category": fees.category,
        "low": fees.places_min,
        "high": upper,
    }


def _fee_rows(year: int, fees: dict, category: int) -> list[list]:
    keys = ((year - 1, year - 1, category), (year - 1, year, category), (year, year, category))
    named = fees.get((year, year, category)) or fees.get((year - 1, year - 1, category))
    rows = []
    for field, label in FEE_KINDS:
        cells = [getattr(fees.get(key), field, None) for key in keys]
        if all(cell is None for cell in cells):
            continue
        name = f"{_category_label(named)}: {label}"
        rows.append([name, *cells, change_cells(cells[1], cells[2])[1]])
    return rows


def supervision_tariff_table(year: int, fees: dict[tuple, SupervisionFees]) -> ReportTable:
    table = ReportTable(
        id="supervision_tariffs",
        caption=_("Supervision tariffs for offers by size category (kr.)"),
        headers=[
            _("Category and fee"),
            *price_columns(year),
            _("Change (%)"),
        ],
        decimals={4: 1},
        notes=[
            _(
                "Intensified supervision is 10 %% of the annual fee. Change: %(year)s against "
                "%(last)s in %(year)s prices."
            )
            % {"year": year, "last": year - 1}
        ],
    )
    for category in (1, 2, 3, 4):
        table.rows += _fee_rows(year, fees, category)
    return table


def bpa_table(year: int, rates: dict[tuple[int, int], BpaFigures]) -> ReportTable:
    table = ReportTable(
        id="bpa",
        caption=_("BPA employer companies"),
        headers=[
            _("Item"),
            *price_columns(year),
        ],
    )
    cells = [rates.get(key) for key in ((year - 1, year - 1), (year - 1, year), (year, year))]
    table.rows.append([_("Hourly rate (kr.)"), *[r.hourly_rate if r else None for r in cells]])
    fees = [
        calc.bpa_new_approval_fee(r.hours_per_new_approval, r.hourly_rate)
        if r and r.hours_per_new_approval
        else None
        for r in cells
    ]
    if any(fees):
        table.rows.append([_("New approval (hours × hourly rate)"), *fees])
        hours = next(r.hours_per_new_approval for r in cells if r and r.hours_per_new_approval)
        table.notes.append(
            _("New approval of a BPA company: %(hours)s hours × the hourly rate.")
            % {"hours": hours}
        )
    return table
