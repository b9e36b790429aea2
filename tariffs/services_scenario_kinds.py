"""Writes for the scenarios of a mixed financing and of a tariff (issue 15). They are stored
as tariffs.Scenario of kind "mixed" or "tariff" and computed at once; like a scheme's scenario
they never change the real figures. A mixed financing scenario can be adopted (the mixed
financing gets the scenario's values, and its scheme a new split version); a tariff scenario
cannot: tariffs change through the tariff round."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from audit.models import Action
from socialaftale.lib.edits import check_token, fields_token

from . import scenarios as calc
from .models import FinancingScheme, MixedFinancing, Scenario, ScenarioKind, Tariff
from .selectors import scenario_kinds as read
from .selectors.scenarios import current_split, today_rows
from .services import mixed_financing_save, split_compute
from .services_scenarios import LARGEST_TOTAL, ScenarioRefused, store_rows

EDITED_FIELDS = ["name", "new_total", "price_factor", "changes", "adopted_at"]


@dataclass
class MixedChanges:
    """What a mixed financing scenario changes; None is as today."""

    name: str
    objective_share: Decimal | None = None
    expected_cases: int | None = None
    total_budget: Decimal | None = None
    price_factor: Decimal | None = None


@dataclass
class TariffChanges:
    """What a tariff scenario changes: components' new amounts ((kind, package) -> kr.)."""

    name: str
    amounts: dict = field(default_factory=dict)
    price_factor: Decimal | None = None


def kind_token(scenario: Scenario) -> str:
    return fields_token(Scenario.objects.get(pk=scenario.pk), EDITED_FIELDS)


def _refuse_taken_name(queryset, name, but=None) -> None:
    if queryset.filter(name=name).exclude(pk=getattr(but, "pk", None)).exists():
        raise ScenarioRefused(_("There is already a scenario of that name."))


def _apply(scenario: Scenario, changes) -> None:
    scenario.name, scenario.price_factor = changes.name, changes.price_factor
    if isinstance(changes, MixedChanges):
        scenario.new_total = changes.total_budget
        share = changes.objective_share
        scenario.changes = {
            "objective_share": None if share is None else str(share),
            "expected_cases": changes.expected_cases,
        }
    else:
        amounts = {f"{kind}|{package}": str(a) for (kind, package), a in changes.amounts.items()}
        scenario.changes = {"amounts": amounts}
    scenario.save()


# --- Mixed financing -----------------------------------------------------------------------


@transaction.atomic
def mixed_scenario_create(*, record: MixedFinancing, changes: MixedChanges, user) -> Scenario:
    """A new scenario of the mixed financing (with the scheme splitting its objective part,
    if there is one), computed at once."""
    record = MixedFinancing.objects.select_for_update().get(pk=record.pk)
    _refuse_taken_name(
        Scenario.objects.filter(kind=ScenarioKind.MIXED, mixed_financing=record), changes.name
    )
    scheme = read.scheme_of(record)
    scenario = Scenario(
        kind=ScenarioKind.MIXED, mixed_financing=record, scheme=scheme, created_by=user
    )
    _apply(scenario, changes)
    return kind_scenario_compute(scenario=scenario)


def _mixed_result(scenario: Scenario):
    """The scenario computed from the mixed financing as stored now (not as cached)."""
    record = MixedFinancing.objects.get(pk=scenario.mixed_financing_id)
    scenario.mixed_financing = record
    share, cases = scenario.changes.get("objective_share"), scenario.changes.get("expected_cases")
    mixed = calc.mixed_financing_scenario(
        objective_share=record.objective_share,
        expected_cases=record.expected_cases,
        total_budget=record.total_budget,
        objective_financing=None if record.total_budget is not None else record.objective_financing,
        new_share=None if share is None else Decimal(share),
        new_cases=cases,
        new_total_budget=scenario.new_total,
        factor=scenario.price_factor,
    )
    if mixed.scenario.total_budget > LARGEST_TOTAL:
        raise ScenarioRefused(_("The scenario's total is too large."))
    scheme = scenario.scheme
    split = current_split(scheme) if scheme else None
    if split is None:
        return mixed, None, None, {}
    today, parties = today_rows(split)
    return mixed, split, calc.objective_parts(today, mixed, decimals=scheme.decimals), parties


def _mixed_figures(figures) -> dict:
    return {
        "total_budget": str(figures.total_budget),
        "objective_share": str(figures.objective_share),
        "objective_financing": str(figures.objective_financing),
        "tariff_financed": str(figures.tariff_financed),
        "expected_cases": figures.expected_cases,
        "tariff_per_case": str(figures.tariff_per_case),
    }


def _same(shown: dict | None, now: dict) -> bool:
    """The figures shown are those computed now (as numbers: 7000000 is 7000000.00)."""
    if shown is None or shown.keys() != now.keys():
        return False
    return all(Decimal(str(shown[key])) == Decimal(str(now[key])) for key in now)


def _compute_mixed(scenario: Scenario) -> None:
    mixed, split, parts, parties = _mixed_result(scenario)
    store_rows(scenario, parts.rows if parts else [], parties)
    scenario.result = {
        "today": _mixed_figures(mixed.today),
        "scenario": _mixed_figures(mixed.scenario),
        "basis": read.mixed_basis(scenario.mixed_financing),
    }
    scenario.base_split, scenario.result_total = split, mixed.scenario.total_budget
    scenario.method = parts.method if parts else ""


@transaction.atomic
def mixed_scenario_adopt(*, scenario: Scenario, user):
    """The mixed financing gets the scenario's share, cases, total budget and objective part
    (a new history entry), and its scheme a new split version. Refused if adopted already or
    if the mixed financing or the scheme's split moved since the scenario was computed."""
    record = MixedFinancing.objects.select_for_update().get(pk=scenario.mixed_financing_id)
    if scenario.scheme_id:
        FinancingScheme.objects.select_for_update().get(pk=scenario.scheme_id)
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if scenario.adopted_at:
        raise ScenarioRefused(_("The scenario has already been adopted."))
    mixed, split, parts, _parties = _mixed_result(scenario)
    moved = scenario.result.get("basis") != read.mixed_basis(record)
    if moved or not _same(scenario.result.get("scenario"), _mixed_figures(mixed.scenario)):
        raise ScenarioRefused(
            _("The scenario's figures have changed since it was computed; compute it again.")
        )
    if split is not None and scenario.base_split_id != split.pk:
        raise ScenarioRefused(
            _("The scheme has a new split since the scenario was computed; compute it again.")
        )
    figures = mixed.scenario
    mixed_financing_save(
        offer=record.offer,
        year=record.year,
        objective_share=figures.objective_share,
        expected_cases=figures.expected_cases,
        total_budget=figures.total_budget,
        objective_financing=figures.objective_financing,
    )
    adopted = _new_split(scenario, parts, user) if split is not None else None
    scenario.adopted_at, scenario.adopted_by, scenario.adopted_split = timezone.now(), user, adopted
    scenario.save(update_fields=["adopted_at", "adopted_by", "adopted_split"])
    audit.record(Action.APPROVED, actor=user, obj=scenario, summary=_("Scenario adopted"))
    return scenario


def _new_split(scenario, parts, user):
    scheme = FinancingScheme.objects.get(pk=scenario.scheme_id)
    adopted = split_compute(scheme=scheme, user=user)
    made = {row.organisation.short_name: row.amount for row in adopted.rows.all()}
    if made != {row.party: row.amount for row in parts.rows if row.amount is not None}:
        raise ScenarioRefused(_("The new split does not match the scenario; nothing was adopted."))
    return adopted


# --- Tariffs -------------------------------------------------------------------------------


@transaction.atomic
def tariff_scenario_create(*, tariff: Tariff, changes: TariffChanges, user) -> Scenario:
    """A new scenario of the tariff, computed at once (never adopted)."""
    tariff = Tariff.objects.select_for_update().get(pk=tariff.pk)
    _refuse_taken_name(
        Scenario.objects.filter(kind=ScenarioKind.TARIFF, tariff=tariff), changes.name
    )
    scenario = Scenario(kind=ScenarioKind.TARIFF, tariff=tariff, created_by=user)
    _apply(scenario, changes)
    return kind_scenario_compute(scenario=scenario)


def _compute_tariff(scenario: Scenario) -> None:
    tariff = scenario.tariff
    components = read.tariff_components(tariff)
    if not components:
        raise ScenarioRefused(_("The tariff has no components."))
    amounts = {
        tuple(key.split("|", 1)): Decimal(amount)
        for key, amount in scenario.changes.get("amounts", {}).items()
    }
    factor = scenario.price_factor
    changed = calc.scenario_components(components, amounts=amounts, factor=factor)
    packages = calc.tariff_scenario(components, amounts=amounts, factor=factor)
    if any(amount > LARGEST_TOTAL for _k, _p, amount in changed):
        raise ScenarioRefused(_("The scenario's total is too large."))
    used = min(packages, key=lambda row: (row.today, row.package))
    places, parties = read.tariff_usage(tariff)
    periods = read.periods(tariff)
    rows = calc.tariff_consequences(
        places, today=used.today, scenario=used.scenario, periods=periods
    )
    store_rows(scenario, rows, parties)
    scenario.result = {
        "components": [
            [kind, package, str(old), str(new)]
            for (kind, package, old), (_k, _p, new) in zip(components, changed, strict=True)
        ],
        "packages": [[row.package, str(row.today), str(row.scenario)] for row in packages],
        "package": used.package,
        "periods": periods,
        "basis": read.tariff_basis(tariff),
    }
    scenario.base_split, scenario.result_total = None, sum((row.amount for row in rows), Decimal(0))
    scenario.method = _tariff_method(tariff, used.package, periods)


def _tariff_method(tariff, package, periods) -> str:
    words = read.PERIOD_WORDS.get(tariff.unit, "")
    text = _(
        "Per buying municipality: places bought in %(year)s × %(periods)s %(unit)s × the tariff, "
        "today and in the scenario, each rounded half up to whole kroner; the change is the "
        "difference."
    ) % {"year": tariff.year, "periods": periods, "unit": words}
    if package:
        text += " " + _("With service packages the lowest (%(package)s) is used.") % {
            "package": package
        }
    return text


# --- Both ----------------------------------------------------------------------------------


@transaction.atomic
def kind_scenario_update(*, scenario: Scenario, changes, user, expected_token=None) -> Scenario:
    """Change a mixed or tariff scenario and compute it again; StaleEdit if someone saved it
    since the form was shown; refused once adopted."""
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    check_token(expected_token, kind_token(scenario))
    if scenario.adopted_at:
        raise ScenarioRefused(_("An adopted scenario cannot be changed."))
    siblings = Scenario.objects.filter(
        kind=scenario.kind, mixed_financing=scenario.mixed_financing_id, tariff=scenario.tariff_id
    )
    _refuse_taken_name(siblings, changes.name, but=scenario)
    _apply(scenario, changes)
    return kind_scenario_compute(scenario=scenario)


@transaction.atomic
def kind_scenario_compute(*, scenario: Scenario) -> Scenario:
    """Compute a mixed or tariff scenario again from the real figures as they are now."""
    if scenario.adopted_at:
        raise ScenarioRefused(_("An adopted scenario cannot be changed."))
    if scenario.kind == ScenarioKind.MIXED:
        _compute_mixed(scenario)
    else:
        _compute_tariff(scenario)
    scenario.computed_at = timezone.now()
    scenario.save()
    return scenario
