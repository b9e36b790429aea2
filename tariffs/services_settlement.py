"""Writes for the financing year (SPEC §3.4a): the on-account plan charged in instalments,
the actual expenditure recorded when the accounts are known, and the true-up statement. Each
is all or nothing, and a new one is a new version next to the old ones. Views, commands and
the demo loader call these; the arithmetic is settlement.py's."""

from collections import defaultdict
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from socialaftale.lib.cpr import has_cpr_like
from socialaftale.lib.danish import format_decimal
from socialaftale.lib.edits import check_token, edit_token
from socialaftale.lib.money import quantum, to_decimal

from . import settlement
from .calculations import CalculationError, split_by_key
from .models import FinancingScheme, FinancingSplit
from .models_settlement import (
    ActualExpenditure,
    OnAccountCharge,
    OnAccountPlan,
    TrueUpRow,
    TrueUpStatement,
)
from .selectors.settlement import current_actual, latest_plan

# Bumped when the true-up calculation changes, so stored statements say which rules made them.
CALCULATION_VERSION = "true-up-1"
MAX_AMOUNT = Decimal("1e12")


def _locked(scheme: FinancingScheme) -> FinancingScheme:
    return FinancingScheme.objects.select_for_update().get(pk=scheme.pk)


def _check_year(scheme: FinancingScheme, year: int) -> None:
    if year != scheme.year:
        raise ValidationError(
            _("The scheme is for %(scheme_year)s, not %(year)s.")
            % {"scheme_year": scheme.year, "year": year}
        )


def _next_version(queryset) -> int:
    return (queryset.aggregate(version=Max("version"))["version"] or 0) + 1


@transaction.atomic
def on_account_plan_create(
    *, scheme: FinancingScheme, first_due_on, instalment_count: int = 4, split=None, user=None
) -> OnAccountPlan:
    """Charge a version of the scheme's split (the latest without `split`) on account: each
    party's yearly amount in `instalment_count` instalments that sum to it exactly, so the
    plan sums to the split's total. A new plan is a new version; the old ones stay."""
    scheme = _locked(scheme)
    split = split or scheme.splits.order_by("-version").first()
    if split is None or split.scheme_id != scheme.pk:
        raise ValidationError(_("The scheme has no computed split to charge on account."))
    try:
        dates = settlement.due_dates(first_due_on, instalment_count)
    except CalculationError as error:
        raise ValidationError(str(error)) from error
    plan = OnAccountPlan.objects.create(
        scheme=scheme,
        year=scheme.year,
        version=_next_version(scheme.on_account_plans.filter(year=scheme.year)),
        split=split,
        instalment_count=instalment_count,
        first_due_on=first_due_on,
        created_by=user,
    )
    charges = [charge for row in split.rows.all() for charge in _charges(plan, row, dates)]
    if sum((c.amount for c in charges), Decimal(0)) != split.total:  # never, but never silently
        raise ValidationError(_("The instalments do not sum to the split's total."))
    OnAccountCharge.objects.bulk_create(charges)
    return plan


def _charges(plan: OnAccountPlan, row, dates) -> list[OnAccountCharge]:
    """One party's yearly amount (a split row) in the plan's instalments, exactly."""
    parts = settlement.instalments(row.amount, len(dates), decimals=plan.split.decimals)
    return [
        OnAccountCharge(
            plan=plan,
            organisation_id=row.organisation_id,
            position=row.position,
            instalment=number,
            due_on=due_on,
            amount=amount,
        )
        for number, (due_on, amount) in enumerate(zip(dates, parts, strict=True), start=1)
    ]


def actual_token(scheme: FinancingScheme, year: int) -> str:
    """What the actual-expenditure form showed: the recording in force (or none)."""
    return edit_token(current_actual(scheme, year))


def _clean_actual(scheme: FinancingScheme, amount, note: str) -> Decimal:
    field = _("Actual expenditure (kr.)")
    try:
        amount = to_decimal(amount)
    except (TypeError, ValueError):
        amount = Decimal("NaN")
    if not amount.is_finite() or amount < 0 or amount >= MAX_AMOUNT:
        raise ValidationError(
            _("%(field)s must be an amount from 0 to under 1,000,000,000,000 kr.")
            % {"field": field}
        )
    if amount != amount.quantize(quantum(scheme.decimals)):
        raise ValidationError(
            _("%(field)s has more decimals than the scheme's rounding allows (%(decimals)s).")
            % {"field": field, "decimals": scheme.decimals}
        )
    if has_cpr_like(note or ""):
        raise ValidationError(_("The note contains a number that could be a CPR number."))
    return amount


@transaction.atomic
def actual_record(
    *, scheme: FinancingScheme, year: int, amount, note: str = "", user=None, expected_token=None
) -> ActualExpenditure:
    """Record the year's actual expenditure of the scheme. It supersedes the recording in
    force, which is kept. From the form (expected_token) it is refused with StaleEdit if
    someone else recorded one since the form was shown."""
    scheme = _locked(scheme)
    _check_year(scheme, year)
    check_token(expected_token, actual_token(scheme, year))
    amount = _clean_actual(scheme, amount, note)
    return ActualExpenditure.objects.create(
        scheme=scheme, year=year, amount=amount, note=note or "", recorded_by=user
    )


def _charged_by_party(plan: OnAccountPlan) -> dict:
    charged = defaultdict(Decimal)
    for charge in plan.charges.all():
        charged[charge.organisation_id] += charge.amount
    return charged


def _inputs(split: FinancingSplit, rows, plan: OnAccountPlan, actual: ActualExpenditure, charged):
    unit = quantum(split.decimals)
    return {
        "key": split.inputs.get("key"),
        "split_version": split.version,
        "weights": [[row.organisation.code, str(row.weight)] for row in rows],
        "plan_version": plan.version,
        "instalments": plan.instalment_count,
        "charged": [
            [row.organisation.code, str(charged[row.organisation_id].quantize(unit))]
            for row in rows
        ],
        "actual": {
            "id": actual.pk,
            "amount": str(actual.amount.quantize(unit)),
            "recorded_at": actual.recorded_at.isoformat(),
            "recorded_by": actual.recorded_by.get_username() if actual.recorded_by else None,
        },
        "formula": "andel af faktisk udgift − opkrævet a conto",
    }


def _method(actual: ActualExpenditure, weights, decimals: int, difference) -> str:
    split_method = split_by_key(actual.amount, weights, decimals=decimals).method
    return _(
        "The actual expenditure is split by the key of the split charged: %(method)s "
        "Difference = share of the actual expenditure − charged on account; positive: the "
        "municipality pays more, negative: it gets a refund. In all %(difference)s kr."
    ) % {"method": split_method, "difference": format_decimal(difference, decimals)}


@transaction.atomic
def true_up_compute(*, scheme: FinancingScheme, year: int, user=None) -> TrueUpStatement:
    """The true-up of the scheme's year: the actual expenditure in force split by the key of
    the split the latest plan charged, minus what each party was charged on account; stored as
    a new version with its inputs. Refused without a plan or an actual."""
    scheme = _locked(scheme)
    _check_year(scheme, year)
    plan, actual = latest_plan(scheme, year), current_actual(scheme, year)
    if plan is None:
        raise ValidationError(_("A true-up needs an on-account plan: create the plan first."))
    if actual is None:
        raise ValidationError(_("A true-up needs the actual expenditure: record it first."))
    split = plan.split
    rows = list(split.rows.select_related("organisation"))
    charged = _charged_by_party(plan)
    weights = [(row.organisation.short_name, row.weight) for row in rows]
    by_name = {row.organisation.short_name: charged[row.organisation_id] for row in rows}
    try:
        result = settlement.true_up(actual.amount, weights, by_name, decimals=split.decimals)
    except CalculationError as error:
        raise ValidationError(str(error)) from error
    return _store(scheme, year, plan, actual, rows, charged, result, user)


def _store(scheme, year, plan, actual, rows, charged, result, user) -> TrueUpStatement:
    """The computed true-up as the next version, with its rows and inputs."""
    split = plan.split
    weights = [(row.organisation.short_name, row.weight) for row in rows]
    statement = TrueUpStatement.objects.create(
        scheme=scheme,
        year=year,
        version=_next_version(scheme.true_ups.filter(year=year)),
        split=split,
        actual=actual,
        plan=plan,
        decimals=split.decimals,
        actual_total=result.actual_total,
        charged_total=result.charged_total,
        difference_total=result.difference_total,
        method=_method(actual, weights, split.decimals, result.difference_total),
        inputs=_inputs(split, rows, plan, actual, charged),
        calculation_version=CALCULATION_VERSION,
        computed_by=user,
    )
    TrueUpRow.objects.bulk_create(
        TrueUpRow(
            statement=statement,
            organisation_id=split_row.organisation_id,
            position=split_row.position,
            weight=split_row.weight,
            share_pct=split_row.share_pct,
            actual_share=row.actual,
            charged=row.charged,
            difference=row.difference,
        )
        for split_row, row in zip(rows, result.rows, strict=True)
    )
    return statement
