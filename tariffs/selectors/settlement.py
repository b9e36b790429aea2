"""Reads for the financing year (SPEC §3.4a): the plan in force, the actual expenditure in
force, and the figures of the plan and of a true-up statement as its tables show them."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from socialaftale.lib.money import quantum

from ..models_settlement import (
    ActualExpenditure,
    OnAccountCharge,
    OnAccountPlan,
    TrueUpRow,
    TrueUpStatement,
)


def current_actual(scheme, year: int) -> ActualExpenditure | None:
    """The latest recording of the year's actual expenditure (it supersedes the others)."""
    return (
        ActualExpenditure.objects.filter(scheme=scheme, year=year)
        .select_related("recorded_by")
        .order_by("-pk")
        .first()
    )


def latest_plan(scheme, year: int) -> OnAccountPlan | None:
    return (
        OnAccountPlan.objects.filter(scheme=scheme, year=year)
        .select_related("split", "created_by")
        .order_by("-version")
        .first()
    )


@dataclass(frozen=True)
class PlanRowFigures:
    organisation_id: int
    party: str
    yearly: Decimal
    instalments: tuple[Decimal, ...]


@dataclass(frozen=True)
class PlanFigures:
    caption: str
    version: int
    split_version: int
    decimals: int
    due_dates: tuple[dt.date, ...]
    rows: tuple[PlanRowFigures, ...]


def _kr(value: Decimal, decimals: int) -> Decimal:
    """A stored amount (two decimal places in the database) as computed: whole kroner for a
    split in kroner, so the downloads say 6096072, not 6096072,00."""
    return value.quantize(quantum(decimals))


def plan_figures(plan: OnAccountPlan) -> PlanFigures:
    decimals = plan.split.decimals
    by_party: dict[int, list[OnAccountCharge]] = {}
    for charge in plan.charges.select_related("organisation").order_by("position", "instalment"):
        by_party.setdefault(charge.organisation_id, []).append(charge)
    rows = tuple(
        PlanRowFigures(
            organisation_id=org_id,
            party=charges[0].organisation.short_name,
            yearly=_kr(sum((c.amount for c in charges), Decimal(0)), decimals),
            instalments=tuple(_kr(c.amount, decimals) for c in charges),
        )
        for org_id, charges in by_party.items()
    )
    first = next(iter(by_party.values()), [])
    return PlanFigures(
        caption=str(plan),
        version=plan.version,
        split_version=plan.split.version,
        decimals=decimals,
        due_dates=tuple(c.due_on for c in first),
        rows=rows,
    )


def settlement_context(scheme, year: int) -> dict:
    """The settlement page's plans, actual expenditures (in force first) and statements."""
    plans = list(
        OnAccountPlan.objects.filter(scheme=scheme, year=year).select_related("split", "created_by")
    )
    actuals = list(
        ActualExpenditure.objects.filter(scheme=scheme, year=year)
        .select_related("recorded_by")
        .order_by("-pk")
    )
    statements = list(
        TrueUpStatement.objects.filter(scheme=scheme, year=year).select_related(
            "computed_by", "actual", "plan", "split"
        )
    )
    return {
        "plans": plans,
        "plan": plans[0] if plans else None,
        "actuals": actuals,
        "actual": actuals[0] if actuals else None,
        "statements": statements,
        "has_split": scheme.splits.exists(),
    }


def statement_for(scheme, year: int, version: int) -> TrueUpStatement | None:
    rows = TrueUpRow.objects.select_related("organisation")
    return (
        TrueUpStatement.objects.filter(scheme=scheme, year=year, version=version)
        .select_related("split", "plan", "actual", "actual__recorded_by", "computed_by")
        .prefetch_related(Prefetch("rows", queryset=rows))
        .first()
    )


@dataclass(frozen=True)
class TrueUpRowFigures:
    organisation_id: int
    party: str
    weight: Decimal
    share_pct: Decimal
    actual_share: Decimal
    charged: Decimal
    difference: Decimal


@dataclass(frozen=True)
class StatementFigures:
    caption: str
    version: int
    decimals: int
    method: str
    split_version: int
    plan_version: int
    actual_total: Decimal
    recorded_by: str
    recorded_at: dt.datetime
    rows: tuple[TrueUpRowFigures, ...]


def statement_figures(statement: TrueUpStatement) -> StatementFigures:
    actual, decimals = statement.actual, statement.decimals
    return StatementFigures(
        caption=str(statement),
        version=statement.version,
        decimals=statement.decimals,
        method=statement.method,
        split_version=statement.split.version,
        plan_version=statement.plan.version,
        actual_total=_kr(statement.actual_total, decimals),
        recorded_by=(actual.recorded_by.get_full_name() or actual.recorded_by.get_username())
        if actual.recorded_by
        else "",
        recorded_at=timezone.localtime(actual.recorded_at),
        rows=tuple(
            TrueUpRowFigures(
                organisation_id=row.organisation_id,
                party=row.organisation.short_name,
                weight=row.weight,
                share_pct=row.share_pct,
                actual_share=_kr(row.actual_share, decimals),
                charged=_kr(row.charged, decimals),
                difference=_kr(row.difference, decimals),
            )
            for row in statement.rows.all()
        ),
    )


def charges_of(plan: OnAccountPlan, organisation_id: int) -> list[OnAccountCharge]:
    """The party's charges, their amounts as computed (see _kr)."""
    charges = list(plan.charges.filter(organisation_id=organisation_id).order_by("instalment"))
    for charge in charges:
        charge.amount = _kr(charge.amount, plan.split.decimals)
    return charges


def charges_by_party(plan: OnAccountPlan) -> dict[int, list[OnAccountCharge]]:
    out: dict[int, list[OnAccountCharge]] = {}
    for charge in plan.charges.order_by("position", "instalment"):
        out.setdefault(charge.organisation_id, []).append(charge)
    return out


def party_statements(organisation_ids) -> list[TrueUpRow]:
    """The true-up rows of these municipalities, newest year and version first, for the
    links to their statements."""
    if not organisation_ids:
        return []
    return list(
        TrueUpRow.objects.filter(organisation_id__in=organisation_ids)
        .select_related("organisation", "statement", "statement__scheme")
        .order_by("-statement__year", "statement__scheme__name", "-statement__version")
    )
