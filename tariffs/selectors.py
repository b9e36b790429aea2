"""Reads shaped for the tariff pages."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Max, Prefetch
from django.utils.translation import gettext as _

from organisations.access import roles_for
from socialaftale.lib.money import without_trailing_zeros
from socialaftale.lib.tables import ReportTable

from . import calculations as calc
from .models import (
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
    return {"schemes": schemes}


def _split_table(split: FinancingSplit, previous: FinancingSplit | None) -> ReportTable:
    rows = list(split.rows.all())
    before = {r.organisation_id: r.amount for r in previous.rows.all()} if previous else {}
    headers = [
        _("Party"),
        _("Weight"),
        _("Share (%)"),
        _("Amount (kr.)"),
        _("Rounded row by row (kr.)"),
    ]
    money = split.decimals  # shown as computed: a split to øre is not rounded to kroner
    table = ReportTable(
        id="split",
        caption=str(split),
        headers=headers,
        decimals={2: 1, 3: money, 4: money, 5: money},
    )
    if previous:
        table.headers.append(_("Change from version %(version)s") % {"version": previous.version})
    for row in rows:
        cells = [
            row.organisation.short_name,
            without_trailing_zeros(row.weight),
            row.share_pct,
            row.amount,
            row.naive_amount,
        ]
        if previous:
            old = before.get(row.organisation_id)
            cells.append(row.amount - old if old is not None else None)
        table.rows.append(cells)
    table.footer.append(
        [
            _("Total"),
            without_trailing_zeros(sum(r.weight for r in rows)),
            sum(r.share_pct for r in rows),
            sum(r.amount for r in rows),
            sum(r.naive_amount for r in rows),
        ]
        + ([None] if previous else [])
    )
    table.notes.append(split.method)
    return table


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
        "table": _split_table(chosen, previous) if chosen else None,
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
    }
