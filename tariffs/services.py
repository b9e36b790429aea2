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
from socialaftale.lib.models import upsert
from socialaftale.lib.money import quantum

from .calculations import mixed_financing, split_by_key
from .models import (
    ComponentKind,
    DistributionKey,
    DistributionKeyRow,
    FinancingScheme,
    FinancingSplit,
    FinancingSplitRow,
    KeyBasis,
    MixedFinancing,
    Tariff,
    TariffComponent,
    TariffStatus,
)
from .selectors.key_figures import scheme_weights
from .services_schemes import scheme_define  # noqa: F401  (its home; callers import it here)
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
    """Compute the scheme's split by its key rule from the figures as they are now and store it
    as a new version, with the inputs it used (the weights, the figures' dates and source);
    earlier versions stay for comparison. Refused with CalculationError (Danish) when the rule
    has no figures, nothing stored."""
    scheme = (
        FinancingScheme.objects.select_for_update(of=("self",))
        .select_related("key", "area", "offer", "mixed_financing__offer")
        .get(pk=scheme.pk)
    )
    total, mixed = _scheme_total(scheme)
    weights = scheme_weights(scheme)
    result = split_by_key(
        total,
        [(organisation.short_name, weight) for organisation, weight in weights.parties],
        decimals=scheme.decimals,
    )
    latest = scheme.splits.aggregate(version=Max("version"))["version"] or 0
    split = FinancingSplit.objects.create(
        scheme=scheme,
        version=latest + 1,
        total=total,
        decimals=scheme.decimals,
        method=result.method,
        inputs={**weights.inputs, **mixed},
        calculation_version=CALCULATION_VERSION,
        created_by=user,
    )
    FinancingSplitRow.objects.bulk_create(
        FinancingSplitRow(
            split=split,
            organisation=organisation,
            position=position,
            weight=row.weight,
            share=row.share.quantize(Decimal("1e-10")),
            share_pct=row.share_pct,
            amount=row.amount,
            naive_amount=row.naive_amount,
        )
        for position, ((organisation, _w), row) in enumerate(
            zip(weights.parties, result.rows, strict=True)
        )
    )
    return split


def _scheme_total(scheme: FinancingScheme) -> tuple[Decimal, dict]:
    """The scheme's total; with mixed financing its objective part (SPEC §3.2), stored on the
    scheme when it changed, and the figures behind it for the split's inputs."""
    record = scheme.mixed_financing
    if record is None:
        return scheme.total, {}
    figures = mixed_financing(
        objective_share=record.objective_share,
        expected_cases=record.expected_cases,
        total_budget=record.total_budget,
        objective_financing=None if record.total_budget is not None else record.objective_financing,
    )
    total = figures.objective_financing.quantize(quantum(scheme.decimals))
    if scheme.total != total:
        scheme.total = total
        scheme.save(update_fields=["total"])
    return total, {
        "mixed_financing": {
            "offer": record.offer.name,
            "year": record.year,
            "objective_share": str(figures.objective_share),
            "total_budget": str(figures.total_budget),
            "objective_financing": str(figures.objective_financing),
            "tariff_financed": str(figures.tariff_financed),
            "expected_cases": figures.expected_cases,
            "tariff_per_case": str(figures.tariff_per_case),
        }
    }


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
def mixed_financing_save(*, offer, year: int, **values) -> MixedFinancing:
    """An offer's mixed financing of a year (objective share, expected cases and the objective
    financing or the total budget), created or updated."""
    return upsert(MixedFinancing, {"offer": offer, "year": year}, values)[0]


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
    before: dict | None = None  # the previous version's amounts by party (None: first)


def _amounts(split: FinancingSplit | None) -> dict | None:
    if split is None:
        return None
    return {
        row.organisation.short_name: row.amount for row in split.rows.select_related("organisation")
    }


@transaction.atomic
def budget_run_scheme(*, scheme: FinancingScheme, user=None) -> RunResult:
    """One scheme's part of the budget run: a new version of its split by its key rule, and
    the change per party since the previous version. All or nothing for the scheme."""
    previous = scheme.splits.order_by("-version").first()
    before = _amounts(previous)
    split = split_compute(scheme=scheme, user=user)
    return RunResult(split.scheme, split, split_changes(before, _amounts(split)), before)


def budget_run_schemes(*, year: int, scheme_name: str | None = None):
    schemes = FinancingScheme.objects.filter(year=year).order_by("name")
    return schemes if scheme_name is None else schemes.filter(name=scheme_name)


@transaction.atomic
def budget_run(*, year: int, scheme_name: str | None = None, user=None) -> list[RunResult]:
    """The budget run (SPEC §3.3, §3.4a) at once: every financing scheme of the budget year
    (or the one named) gets a new version of its split by its key rule, with its inputs, and
    the change per party since the previous version. All or nothing. The secretariat's run
    on the page is the job (tariffs.services_runs), scheme by scheme."""
    return [
        budget_run_scheme(scheme=scheme, user=user)
        for scheme in budget_run_schemes(year=year, scheme_name=scheme_name)
    ]
