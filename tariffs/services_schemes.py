"""Writes of a financing scheme's definition (SPEC §3.2–3.3): define one, change it, copy it
to the next budget year. A definition is checked rule by rule with a Danish message naming
the field (the model's CheckConstraints back it up); fields the rule does not read are
refused, so a stored scheme says exactly what its split reads. Changing a definition never
changes a stored split: the next budget run or "Genberegn" makes a new version."""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from socialaftale.lib.edits import check_token, fields_token
from socialaftale.lib.money import quantum

from .calculations import CalculationError, mixed_financing
from .models import FinancingScheme, KeyRule, MixedFinancing

LARGEST_TOTAL = Decimal("999999999999.99")  # what a money column holds
DEFINITION_FIELDS = [
    "name",
    "year",
    "key_rule",
    "key",
    "age_band",
    "area",
    "offer",
    "mixed_financing",
    "total",
    "decimals",
    "description",
]
# The fields each rule reads; any other rule field must be empty.
RULE_FIELDS = {
    KeyRule.FIXED: {"key"},
    KeyRule.POPULATION: {"age_band", "area"},
    KeyRule.USAGE: {"offer", "area"},
}
EMPTY = {"key": None, "age_band": "", "area": None, "offer": None}


def _labels() -> dict:
    return {
        "name": _("Name"),
        "year": _("Budget year"),
        "key_rule": _("Distribution key rule"),
        "key": _("Distribution key"),
        "age_band": _("Age band"),
        "area": _("Area"),
        "offer": _("Offer"),
        "mixed_financing": _("Mixed financing"),
        "total": _("Total (kr.)"),
        "decimals": _("Rounding"),
    }


def _error(errors: dict, field: str, message: str) -> None:
    errors.setdefault(field, []).append(f"{_labels()[field]}: {message}")


def scheme_token(scheme: FinancingScheme) -> str:
    """What the edit form showed: the scheme's definition as stored."""
    return fields_token(FinancingScheme.objects.get(pk=scheme.pk), DEFINITION_FIELDS)


def mixed_total(record: MixedFinancing, decimals: int) -> Decimal:
    """The objective part of a mixed financing (share × total budget, SPEC §3.2)."""
    figures = mixed_financing(
        objective_share=record.objective_share,
        expected_cases=record.expected_cases,
        total_budget=record.total_budget,
        objective_financing=None if record.total_budget is not None else record.objective_financing,
    )
    return figures.objective_financing.quantize(quantum(decimals))


def _check_rule(scheme: FinancingScheme, errors: dict) -> None:
    if scheme.key_rule not in KeyRule.values:
        _error(errors, "key_rule", _("choose one of the rules shown."))
        return
    if scheme.key_rule == KeyRule.FIXED and scheme.key_id is None:
        _error(errors, "key", _("choose the fixed key the scheme is split by."))
    if scheme.key_rule == KeyRule.POPULATION and not scheme.age_band:
        _error(errors, "age_band", _("choose the age band whose population the key counts."))
    if scheme.key_rule == KeyRule.USAGE and scheme.offer_id is None:
        _error(errors, "offer", _("choose the offer whose places used the key counts."))
    for field, empty in EMPTY.items():
        if field not in RULE_FIELDS[scheme.key_rule] and getattr(scheme, field) != empty:
            _error(errors, field, _("the rule chosen does not use it; leave it empty."))


def _check_total(scheme: FinancingScheme, errors: dict) -> None:
    if scheme.decimals not in (0, 2):
        _error(errors, "decimals", _("choose whole kroner or øre."))
        return
    record = scheme.mixed_financing
    if record is not None:
        if record.year != scheme.year:
            _error(
                errors,
                "mixed_financing",
                _("choose the offer's mixed financing of the budget year %(year)s.")
                % {"year": scheme.year},
            )
            return
        try:
            scheme.total = mixed_total(record, scheme.decimals)
        except CalculationError as error:
            _error(errors, "mixed_financing", str(error))
        return
    total = scheme.total
    if total is None or not total.is_finite():
        _error(errors, "total", _("write the total in kroner."))
    elif total < 0 or total > LARGEST_TOTAL:
        _error(errors, "total", _("the total must be between 0 and 999.999.999.999,99 kr."))
    elif total != total.quantize(quantum(scheme.decimals)):
        _error(errors, "total", _("the scheme is rounded to whole kroner; no øre."))


def _check(scheme: FinancingScheme) -> None:
    """ValidationError (a dict of Danish messages by field) unless the definition is whole."""
    errors: dict = {}
    scheme.name = (scheme.name or "").strip()
    if not scheme.name:
        _error(errors, "name", _("write the scheme's name."))
    if not isinstance(scheme.year, int) or not 2000 <= scheme.year <= 2100:
        _error(errors, "year", _("write a year between 2000 and 2100."))
    elif (
        FinancingScheme.objects.filter(name=scheme.name, year=scheme.year)
        .exclude(pk=scheme.pk)
        .exists()
    ):
        _error(
            errors,
            "name",
            _("there is already a scheme of that name in %(year)s.") % {"year": scheme.year},
        )
    _check_rule(scheme, errors)
    _check_total(scheme, errors)
    if errors:
        raise ValidationError(errors)
    try:
        scheme.full_clean()
    except ValidationError as error:  # a rule the checks above missed: still not a 500
        raise ValidationError({NON_FIELD_ERRORS: error.messages}) from error


def _audited_save(scheme: FinancingScheme, user, reason: str) -> None:
    """Save; its history record is the audit entry (audit.hooks): by the user, with the
    fields changed and the reason."""
    scheme._history_user = user if getattr(user, "is_authenticated", False) else None
    scheme._change_reason = reason
    scheme.save()


@transaction.atomic
def scheme_define(
    *, name: str, year: int, key_rule: str, total=Decimal(0), decimals: int = 0, user=None, **rule
) -> FinancingScheme:
    """A scheme with its key rule (SPEC §3.3): `key` for a fixed one, `age_band` and `area`
    (None: the agreement's municipalities) for a population one, `offer` (and optionally
    `area`) for a usage one; `mixed_financing` (of the same year) makes its total the
    objective part. Refused with ValidationError, Danish messages by field; nothing stored."""
    scheme = FinancingScheme(
        name=name, year=year, key_rule=key_rule, total=total, decimals=decimals, **rule
    )
    _check(scheme)
    _audited_save(scheme, user, _("Financing scheme defined"))
    return scheme


@transaction.atomic
def scheme_update(
    *, scheme: FinancingScheme, user, expected_token=None, **definition
) -> FinancingScheme:
    """Change a scheme's definition (the fields of scheme_define). Refused with StaleEdit if
    it changed since the form was shown, and its budget year is fixed once it has a split
    (copy it to another year instead). Stored splits stay as they are."""
    scheme = FinancingScheme.objects.select_for_update().get(pk=scheme.pk)
    check_token(expected_token, scheme_token(scheme))
    if "year" in definition and definition["year"] != scheme.year and scheme.splits.exists():
        errors: dict = {}
        _error(errors, "year", _("the scheme has computed splits; copy it to another year."))
        raise ValidationError(errors)
    for field, value in {**EMPTY, "mixed_financing": None, **definition}.items():
        setattr(scheme, field, value)
    _check(scheme)
    _audited_save(
        scheme,
        user,
        _("Financing scheme's definition changed; existing split versions unchanged"),
    )
    return scheme


def definition_of(scheme: FinancingScheme) -> dict:
    """The scheme's definition as scheme_define takes it."""
    return {field: getattr(scheme, field) for field in DEFINITION_FIELDS}


@transaction.atomic
def scheme_copy_to_next_year(*, scheme: FinancingScheme, user) -> FinancingScheme:
    """The same definition for the next budget year, so its budget run has the scheme; a
    mixed financing is the offer's of that year. Refused (Danish) if the next year has it."""
    scheme = FinancingScheme.objects.select_for_update().get(pk=scheme.pk)
    year = scheme.year + 1
    definition = {**definition_of(scheme), "year": year}
    if FinancingScheme.objects.filter(name=scheme.name, year=year).exists():
        raise ValidationError(
            _("%(name)s already exists for %(year)s.") % {"name": scheme.name, "year": year}
        )
    if scheme.mixed_financing is not None:
        offer = scheme.mixed_financing.offer
        definition["mixed_financing"] = MixedFinancing.objects.filter(
            offer=offer, year=year
        ).first()
        if definition["mixed_financing"] is None:
            raise ValidationError(
                _("%(offer)s has no mixed financing for %(year)s; record it first.")
                % {"offer": offer, "year": year}
            )
    return scheme_define(**definition, user=user)
