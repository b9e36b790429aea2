"""Writes for tariffs and financing. Views, commands and the demo loader call these."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from audit.models import Action
from socialaftale.lib.danish import format_decimal
from socialaftale.lib.edits import check_token, edit_token

from .calculations import split_by_key
from .models import (
    ComponentKind,
    DistributionKey,
    DistributionKeyRow,
    FinancingScheme,
    FinancingSplit,
    FinancingSplitRow,
    KeyBasis,
    Tariff,
    TariffComponent,
    TariffStatus,
)
from .settlement import split_changes

# Bumped when the split calculation changes, so stored splits say which rules made them.
CALCULATION_VERSION = "split-1"
REPORTED_FIELDS = (
    "unit",
    "note",
    "status",
    "reported_by",
    "reported_at",
    "approved_by",
    "approved_at",
)


@transaction.atomic
def split_compute(*, scheme: FinancingScheme, user) -> FinancingSplit:
    """Compute the scheme's split from its key as it is now and store it as a new version,
    with the inputs it used; earlier versions stay for comparison."""
    scheme = FinancingScheme.objects.select_for_update().get(pk=scheme.pk)
    key_rows = list(scheme.key.rows.select_related("organisation"))
    result = split_by_key(
        scheme.total,
        [(row.organisation.short_name, row.weight) for row in key_rows],
        decimals=scheme.decimals,
    )
    latest = scheme.splits.aggregate(version=Max("version"))["version"] or 0
    split = FinancingSplit.objects.create(
        scheme=scheme,
        version=latest + 1,
        total=scheme.total,
        decimals=scheme.decimals,
        method=result.method,
        inputs={
            "key": scheme.key.name,
            "weights": [[row.organisation.code, str(row.weight)] for row in key_rows],
        },
        calculation_version=CALCULATION_VERSION,
        created_by=user,
    )
    FinancingSplitRow.objects.bulk_create(
        FinancingSplitRow(
            split=split,
            organisation=key_row.organisation,
            position=position,
            weight=row.weight,
            share=row.share.quantize(Decimal("1e-10")),
            share_pct=row.share_pct,
            amount=row.amount,
            naive_amount=row.naive_amount,
        )
        for position, (key_row, row) in enumerate(zip(key_rows, result.rows, strict=True))
    )
    return split


def tariff_token(offer, year: int) -> str:
    """What the tariff form showed: the year's tariff (status included) and its components."""
    tariff = Tariff.objects.filter(offer=offer, year=year).first()
    return edit_token(tariff, list(tariff.components.order_by("pk")) if tariff else [])


@transaction.atomic
def tariff_report(
    *, offer, year: int, unit: str, components, note: str, user, expected_token=None
) -> Tariff:
    """The operator reports (or re-reports) a tariff; it becomes provisional until approved.
    `components` is a list of (kind, package, amount). From the form (expected_token) the
    report is refused with StaleEdit if the tariff changed since the form was shown."""
    type(offer).objects.select_for_update().filter(pk=offer.pk).first()
    check_token(expected_token, tariff_token(offer, year))
    tariff = Tariff.objects.filter(offer=offer, year=year).first() or Tariff(offer=offer, year=year)
    tariff.unit, tariff.note = unit, note
    tariff.status = TariffStatus.PROVISIONAL
    tariff.reported_by, tariff.reported_at = user, timezone.now()
    tariff.approved_by, tariff.approved_at = None, None
    tariff._change_reason = components_summary(components)  # the offer's history shows it
    if tariff.pk is None:  # one history record for the report, created or changed
        tariff.save()
    else:
        tariff.save(update_fields=[*REPORTED_FIELDS])
    tariff.components.all().delete()
    TariffComponent.objects.bulk_create(
        TariffComponent(tariff=tariff, kind=kind, package=package, amount=amount)
        for kind, package, amount in components
    )
    return tariff


def components_summary(components) -> str:
    """ "Basistakst 1.500,00 kr.; Servicetakst (Pakke 1) 812,50 kr." for the history."""
    labels = dict(ComponentKind.choices)
    return _("Reported: %(components)s") % {
        "components": "; ".join(
            f"{labels[kind]}{f' ({package})' if package else ''} {format_decimal(amount, 2)} kr."
            for kind, package, amount in components
        )
    }


@transaction.atomic
def tariff_approve(*, tariff: Tariff, user) -> Tariff:
    tariff.status = TariffStatus.FINAL
    tariff.approved_by, tariff.approved_at = user, timezone.now()
    tariff.save(update_fields=["status", "approved_by", "approved_at"])
    audit.record(
        Action.APPROVED,
        actor=user,
        obj=tariff,
        summary=_("Tariff approved"),
        organisation_id=tariff.offer.operator_id,
    )
    return tariff


@transaction.atomic
def scheme_create(*, name, year, total, decimals, parties, existing_key, user) -> FinancingScheme:
    """Save a split from the split tool: the chosen key, or the uploaded one as a new key."""
    key = existing_key or distribution_key_create(
        name=f"{name} {year} – {timezone.localdate():%Y-%m-%d}", parties=parties
    )
    scheme = FinancingScheme.objects.create(
        name=name, year=year, total=total, decimals=decimals, key=key
    )
    split_compute(scheme=scheme, user=user)
    return scheme


@transaction.atomic
def distribution_key_create(*, name, parties, basis=KeyBasis.COUNTS, source="") -> DistributionKey:
    key = DistributionKey.objects.create(name=name, basis=basis, source=source)
    DistributionKeyRow.objects.bulk_create(
        DistributionKeyRow(key=key, organisation=organisation, weight=weight, position=position)
        for position, (organisation, weight) in enumerate(parties)
    )
    return key


@dataclass(frozen=True)
class RunResult:
    """One scheme's new version from a budget run, and what changed since the last one."""

    scheme: FinancingScheme
    split: FinancingSplit
    changes: list


def _amounts(split: FinancingSplit | None) -> dict | None:
    if split is None:
        return None
    return {
        row.organisation.short_name: row.amount for row in split.rows.select_related("organisation")
    }


@transaction.atomic
def budget_run(*, year: int, scheme_name: str | None = None, user=None) -> list[RunResult]:
    """The budget run (SPEC §3.3, §3.4a): every financing scheme of the budget year (or the
    one named) gets a new version of its split from its key as it is now, with its inputs,
    and the change per party since the previous version. All or nothing."""
    schemes = FinancingScheme.objects.filter(year=year).select_related("key").order_by("name")
    if scheme_name is not None:
        schemes = schemes.filter(name=scheme_name)
    results = []
    for scheme in schemes:
        previous = scheme.splits.order_by("-version").first()
        before = _amounts(previous)
        split = split_compute(scheme=scheme, user=user)
        results.append(RunResult(scheme, split, split_changes(before, _amounts(split))))
    return results
