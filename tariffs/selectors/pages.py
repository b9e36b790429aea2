"""Reads shaped for the tariff pages: the index, the forms, the schemes and a financing
split's figures."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Prefetch

from organisations.access import roles_for

from .. import calculations as calc
from ..models import (
    ComponentKind,
    DevelopmentContributionRate,
    FinancingScheme,
    FinancingSplit,
    FinancingSplitRow,
    SupervisionBudget,
    Tariff,
    TariffStatus,
)


def index_context(user) -> dict:
    awaiting = Tariff.objects.none()
    if roles_for(user).is_secretariat:
        awaiting = Tariff.objects.filter(status="provisional", reported_at__isnull=False)
    return {
        "awaiting_approval": awaiting.select_related("offer", "offer__operator"),
        # order_by() first: Meta.ordering's columns would join the DISTINCT and repeat a year.
        "budget_years": list(
            SupervisionBudget.objects.order_by("budget_year")
            .values_list("budget_year", flat=True)
            .distinct()
        ),
        "tariff_years": list(
            Tariff.objects.order_by("year").values_list("year", flat=True).distinct()
        ),
        "contribution_years": list(
            DevelopmentContributionRate.objects.values_list("year", flat=True)
        ),
    }


def scheme_list_context() -> dict:
    schemes = FinancingScheme.objects.select_related("key").annotate(
        latest_version=Max("splits__version")
    )
    return {"schemes": schemes, "may_define": True}


def scheme_definition_actions(scheme: FinancingScheme) -> dict:
    """The scheme page's "Ret ordningen" and "Kopiér til næste år" (the next year's scheme of
    the same name instead, when there is one)."""
    next_year = scheme.year + 1
    return {
        "may_edit": True,
        "copy_year": next_year,
        "next_year_scheme": FinancingScheme.objects.filter(name=scheme.name, year=next_year)
        .only("pk", "name", "year")
        .first(),
    }


def scheme_context(scheme: FinancingScheme, version: str | None) -> dict:
    splits = list(
        scheme.splits.select_related("created_by").prefetch_related(
            Prefetch("rows", queryset=FinancingSplitRow.objects.select_related("organisation"))
        )
    )
    chosen = next((s for s in splits if str(s.version) == version), splits[0] if splits else None)
    previous = next((s for s in splits if chosen and s.version == chosen.version - 1), None)
    return {
        "splits": splits,
        "split": chosen,
        "previous": previous,
    }


def tariff_initial(tariff: Tariff | None) -> dict:
    if tariff is None:
        return {"tariff": {}, "components": []}
    return {
        "tariff": {"unit": tariff.unit, "note": tariff.note},
        "components": [
            {"kind": c.kind, "package": c.package, "amount": c.amount}
            for c in tariff.components.all()
        ],
    }


@dataclass(frozen=True)
class TariffSummary:
    """What the stored tariff consists of, for the sentence above the form."""

    base: Decimal | None
    unsplit: Decimal | None
    packages: list[tuple[str, Decimal, Decimal]]  # package, service tariff, base + service

    @property
    def package_count(self) -> int:
        return len(self.packages)


def tariff_summary(tariff: Tariff | None) -> TariffSummary | None:
    components = [(c.kind, c.package, c.amount) for c in tariff.components.all()] if tariff else []
    if not components:
        return None
    totals = dict(calc.tariff_totals(components))
    return TariffSummary(
        base=next((a for kind, _p, a in components if kind == ComponentKind.BASE), None),
        unsplit=next((a for kind, _p, a in components if kind == ComponentKind.TOTAL), None),
        packages=[
            (package, amount, totals[package])
            for kind, package, amount in components
            if kind == ComponentKind.SERVICE
        ],
    )


def tariff_form_context(user, offer, year: int, tariff: Tariff | None) -> dict:
    return {
        "offer": offer,
        "year": year,
        "tariff": tariff,
        "summary": tariff_summary(tariff),
        "can_approve": bool(
            tariff and roles_for(user).is_secretariat and tariff.status != TariffStatus.FINAL
        ),
        "may_make_scenarios": bool(tariff and roles_for(user).is_secretariat),
    }


@dataclass(frozen=True)
class SplitRowFigures:
    organisation_id: int
    party: str
    weight: Decimal
    share_pct: Decimal
    amount: Decimal
    naive_amount: Decimal


@dataclass(frozen=True)
class SplitFigures:
    """A stored financing split as its table shows it."""

    caption: str
    version: int
    decimals: int
    method: str
    rows: tuple[SplitRowFigures, ...]


def split_figures(split: FinancingSplit) -> SplitFigures:
    """The split's rows (prefetched with their organisations by scheme_context)."""
    rows = tuple(
        SplitRowFigures(
            organisation_id=row.organisation_id,
            party=row.organisation.short_name,
            weight=row.weight,
            share_pct=row.share_pct,
            amount=row.amount,
            naive_amount=row.naive_amount,
        )
        for row in split.rows.all()
    )
    return SplitFigures(str(split), split.version, split.decimals, split.method, rows)
