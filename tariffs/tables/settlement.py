"""The financing year's tables (SPEC §3.4a): the on-account plan in instalments, the true-up
statement of every party and one party's statement, from the figures of the selectors. Every
table's parts sum to its footer exactly (they were computed so; the footer adds them up)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal
from socialaftale.lib.money import without_trailing_zeros
from socialaftale.lib.tables import ReportTable

if TYPE_CHECKING:
    from ..selectors.settlement import PlanFigures, StatementFigures, TrueUpRowFigures

FORMULA = "andel af faktisk udgift − opkrævet a conto"


def formula_note() -> str:
    return _(
        "Difference = %(formula)s. Positive: the municipality pays more; negative: it gets a "
        "refund."
    ) % {"formula": FORMULA}


def _total(values) -> Decimal:
    return sum(values, Decimal(0))


def plan_table(plan: PlanFigures) -> ReportTable:
    count = len(plan.due_dates)
    headers = [_("Party"), _("Yearly amount (kr.)")] + [
        _("Instalment %(number)s, due %(date)s")
        % {"number": number, "date": date_format(due, "j. F Y")}
        for number, due in enumerate(plan.due_dates, start=1)
    ]
    rows = [[row.party, row.yearly, *row.instalments] for row in plan.rows]
    footer = [_("Total"), _total(r.yearly for r in plan.rows)] + [
        _total(r.instalments[i] for r in plan.rows) for i in range(count)
    ]
    return ReportTable(
        id="on_account",
        caption=_("On-account charges (plan version %(version)s, split version %(split)s)")
        % {"version": plan.version, "split": plan.split_version},
        headers=headers,
        rows=rows,
        footer=[footer],
        decimals={i: plan.decimals for i in range(1, count + 2)},
        notes=[
            _(
                "Each party's yearly amount of the split in %(count)s instalments rounded so "
                "that they sum to it exactly; the kroner left by rounding go to the earliest "
                "instalments."
            )
            % {"count": count}
        ],
    )


def _statement_row(row: TrueUpRowFigures) -> list:
    return [
        row.party,
        without_trailing_zeros(row.weight),
        row.share_pct,
        row.actual_share,
        row.charged,
        row.difference,
    ]


def true_up_table(statement: StatementFigures) -> ReportTable:
    rows = statement.rows
    money = statement.decimals
    return ReportTable(
        id="true_up",
        caption=statement.caption,
        headers=[
            _("Party"),
            _("Weight"),
            _("Share (%)"),
            _("Share of the actual expenditure (kr.)"),
            _("Charged on account (kr.)"),
            _("Difference (kr.)"),
        ],
        rows=[_statement_row(row) for row in rows],
        footer=[
            [
                _("Total"),
                without_trailing_zeros(_total(r.weight for r in rows)),
                _total(r.share_pct for r in rows),
                _total(r.actual_share for r in rows),
                _total(r.charged for r in rows),
                _total(r.difference for r in rows),
            ]
        ],
        decimals={2: 1, 3: money, 4: money, 5: money},
        notes=[formula_note(), _source_note(statement), statement.method],
    )


def _source_note(statement: StatementFigures) -> str:
    return _(
        "Key: the weights of split version %(split)s; charged: on-account plan version "
        "%(plan)s; actual expenditure %(actual)s kr., recorded %(when)s by %(who)s."
    ) % {
        "split": statement.split_version,
        "plan": statement.plan_version,
        "actual": _money(statement.actual_total, statement.decimals),
        "when": date_format(statement.recorded_at, "j. F Y H:i"),
        "who": statement.recorded_by or "–",
    }


def _money(value, decimals) -> str:
    return format_decimal(value, decimals)


def _number(value) -> str:
    """A weight or a share in a column of kroner: as text, so it keeps its own decimals."""
    value = without_trailing_zeros(value)
    return format_decimal(value, max(0, -value.as_tuple().exponent))


def municipality_tables(statement: StatementFigures, row: TrueUpRowFigures, charges) -> list:
    """One party's statement: its figures with their inputs, its instalments and the key."""
    weights = _total(r.weight for r in statement.rows)
    summary = ReportTable(
        id="statement",
        caption=_("True-up for %(party)s") % {"party": row.party},
        headers=[_("Figure"), _("Value")],
        rows=[
            [
                _("Weight in the key (split version %(version)s)")
                % {"version": statement.split_version},
                _number(row.weight),
            ],
            [_("Sum of the key's weights"), _number(weights)],
            [_("Share (%)"), format_decimal(row.share_pct, 1)],
            [_("Actual expenditure of the scheme (kr.)"), statement.actual_total],
            [_("Share of the actual expenditure (kr.)"), row.actual_share],
            [_("Charged on account (kr.)"), row.charged],
        ],
        footer=[[_("Difference (kr.)"), row.difference]],
        decimals={1: statement.decimals},
        notes=[formula_note(), _source_note(statement), statement.method],
    )
    instalments = ReportTable(
        id="instalments",
        caption=_("Charged on account for %(party)s (plan version %(plan)s)")
        % {"party": row.party, "plan": statement.plan_version},
        headers=[_("Instalment"), _("Due date"), _("Amount (kr.)")],
        rows=[[c.instalment, c.due_on, c.amount] for c in charges],
        footer=[[_("Total"), None, _total(c.amount for c in charges)]],
        decimals={2: statement.decimals},
    )
    return [summary, instalments]
