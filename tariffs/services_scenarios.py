"""Writes for the what-if scenarios (issue 15). A scenario is made from a financing scheme and
computed at once against the scheme's current split; it never changes the real figures until
it is adopted, which makes a new version of them (a new key and/or total, and a new split
version through services.split_compute), all or nothing."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from audit.models import Action
from socialaftale.lib.edits import check_token, fields_token

from . import scenarios as calc
from .calculations import CalculationError
from .models import (
    FinancingScheme,
    KeyBasis,
    Scenario,
    ScenarioKeyBasis,
    ScenarioKind,
    ScenarioRow,
)
from .selectors import scenarios as read
from .services import distribution_key_create, split_compute

LARGEST_TOTAL = Decimal("999999999999.99")  # what a money column holds


class ScenarioRefused(CalculationError):
    """A scenario that cannot be saved, computed or adopted; the message is Danish."""


@dataclass
class ScenarioChanges:
    """What a scenario changes; blank fields are as today."""

    name: str
    new_total: Decimal | None = None
    price_factor: Decimal | None = None
    key_basis: str = ScenarioKeyBasis.CURRENT
    population_date: object = None
    age_band: str = ""
    added: list = field(default_factory=list)  # Organisations
    removed: list = field(default_factory=list)


EDITED_FIELDS = [
    "name",
    "new_total",
    "price_factor",
    "key_basis",
    "population_date",
    "age_band",
    "added_parties",
    "removed_parties",
    "adopted_at",
]


def scenario_token(scenario: Scenario) -> str:
    """What the edit form showed: the scenario's changes as stored (and whether it was
    adopted)."""
    return fields_token(Scenario.objects.get(pk=scenario.pk), EDITED_FIELDS)


@transaction.atomic
def scenario_create(*, scheme: FinancingScheme, changes: ScenarioChanges, user) -> Scenario:
    """A new scenario of the scheme, computed against its current split."""
    scheme = FinancingScheme.objects.select_for_update().get(pk=scheme.pk)
    _refuse_taken_name(scheme, changes.name)
    scenario = Scenario(scheme=scheme, created_by=user)
    _apply(scenario, changes)
    return scenario_compute(scenario=scenario)


@transaction.atomic
def scenario_update(*, scenario: Scenario, changes: ScenarioChanges, user, expected_token=None):
    """Change a scenario and compute it again; refused with StaleEdit if someone saved it
    since the form was shown, and refused once it is adopted."""
    FinancingScheme.objects.select_for_update().get(pk=scenario.scheme_id)  # names are per scheme
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    check_token(expected_token, scenario_token(scenario))
    if scenario.adopted_at:
        raise ScenarioRefused(_("An adopted scenario cannot be changed."))
    _refuse_taken_name(scenario.scheme, changes.name, but=scenario)
    _apply(scenario, changes)
    return scenario_compute(scenario=scenario)


def _refuse_taken_name(scheme, name, but=None) -> None:
    taken = scheme.scenarios.filter(name=name).exclude(pk=getattr(but, "pk", None))
    if taken.exists():
        raise ScenarioRefused(_("The scheme already has a scenario of that name."))


def _apply(scenario: Scenario, changes: ScenarioChanges) -> None:
    scenario.name = changes.name
    scenario.new_total, scenario.price_factor = changes.new_total, changes.price_factor
    scenario.key_basis = changes.key_basis
    scenario.population_date, scenario.age_band = changes.population_date, changes.age_band
    scenario.save()
    scenario.added_parties.set(changes.added)
    scenario.removed_parties.set(changes.removed)


def _result(scenario: Scenario):
    """The scenario computed from its inputs against the scheme's current split."""
    scheme = scenario.scheme
    split = read.current_split(scheme)
    if split is None:
        raise ScenarioRefused(_("The scheme has no computed split to compare with yet."))
    today, parties = read.today_rows(split)
    added = list(scenario.added_parties.all())
    counts, described = None, ""
    if scenario.population_date and scenario.age_band:
        everyone = [*parties.values(), *added]
        counts = read.population_counts(everyone, scenario.population_date, scenario.age_band)
        described = read.population_label(scenario.population_date, scenario.age_band)
    result = calc.compute_scenario(
        today,
        total=scheme.total,
        decimals=scheme.decimals,
        new_total=scenario.new_total,
        factor=scenario.price_factor,
        removed=[party.short_name for party in scenario.removed_parties.all()],
        added=[party.short_name for party in added],
        counts=counts,
        replace_all=scenario.key_basis == ScenarioKeyBasis.POPULATION,
        described=described,
    )
    if result.total > LARGEST_TOTAL:
        raise ScenarioRefused(_("The scenario's total is too large."))
    return split, result, {**parties, **{party.short_name: party for party in added}}


@transaction.atomic
def scenario_compute(*, scenario: Scenario) -> Scenario:
    """Compute the scenario again against the scheme's current split and store its rows;
    an adopted scenario keeps the rows it was adopted with. A mixed financing's or a tariff's
    scenario is computed by services_scenario_kinds."""
    if scenario.kind != ScenarioKind.SCHEME:
        from .services_scenario_kinds import kind_scenario_compute  # it builds on this module

        return kind_scenario_compute(scenario=scenario)
    if scenario.adopted_at:
        raise ScenarioRefused(_("An adopted scenario cannot be changed."))
    split, result, parties = _result(scenario)
    store_rows(scenario, result.rows, parties)
    scenario.base_split, scenario.result_total = split, result.total
    scenario.method, scenario.computed_at = result.method, timezone.now()
    scenario.save(update_fields=["base_split", "result_total", "method", "computed_at"])
    return scenario


@transaction.atomic
def scenario_adopt(*, scenario: Scenario, user):
    """Make the scenario the real figures: the scheme gets the scenario's total and (when the
    parties or weights differ) a new distribution key, then a new split version, and the
    scenario is marked adopted. Refused if already adopted or if the scheme's split changed
    since the scenario was computed. A mixed financing's scenario is adopted by
    services_scenario_kinds; a tariff's is refused (tariffs change through the tariff round)."""
    if scenario.kind == ScenarioKind.TARIFF:
        raise ScenarioRefused(_("A tariff scenario cannot be adopted."))
    if scenario.kind == ScenarioKind.MIXED:
        from .services_scenario_kinds import mixed_scenario_adopt  # it builds on this module

        return mixed_scenario_adopt(scenario=scenario, user=user).adopted_split
    scheme = FinancingScheme.objects.select_for_update().get(pk=scenario.scheme_id)
    scenario = Scenario.objects.select_for_update().get(pk=scenario.pk)
    if scenario.adopted_at:
        raise ScenarioRefused(_("The scenario has already been adopted."))
    split, result, parties = _result(scenario)
    if scenario.base_split_id != split.pk:
        raise ScenarioRefused(
            _("The scheme has a new split since the scenario was computed; compute it again.")
        )
    shown = {row.organisation.short_name: row.amount for row in scenario.rows.all()}
    if shown != {row.party: row.amount for row in result.rows}:
        raise ScenarioRefused(
            _("The scenario's figures have changed since it was computed; compute it again.")
        )
    _adopt_key(scheme, scenario, result, parties)
    if scheme.total != result.total:
        scheme.total = result.total
        scheme.save(update_fields=["total"])
    adopted = split_compute(scheme=scheme, user=user)
    made = {row.organisation.short_name: row.amount for row in adopted.rows.all()}
    if made != {row.party: row.amount for row in result.rows if row.amount is not None}:
        raise ScenarioRefused(_("The new split does not match the scenario; nothing was adopted."))
    scenario.adopted_at, scenario.adopted_by, scenario.adopted_split = timezone.now(), user, adopted
    scenario.save(update_fields=["adopted_at", "adopted_by", "adopted_split"])
    audit.record(
        Action.APPROVED,
        actor=user,
        obj=scenario,
        summary=_("Scenario adopted as version %(version)s of the split")
        % {"version": adopted.version},
    )
    return adopted


def _adopt_key(scheme, scenario, result, parties) -> None:
    """A new key for the scheme when the scenario's parties or weights are not today's."""
    weights = [(row.party, row.weight) for row in result.rows if row.amount is not None]
    today = [(row.organisation.short_name, row.weight) for row in scheme.key.rows.all()]
    if weights == today:
        return
    stamp = timezone.localdate().isoformat()
    name = f"{scenario.name[:120]} (scenarie {scenario.pk}, {stamp})"
    key = distribution_key_create(
        name=name,
        parties=[(parties[party], weight) for party, weight in weights],
        basis=KeyBasis.COUNTS,
        source=_("Adopted from the scenario “%(name)s”") % {"name": scenario.name[:200]},
    )
    same_parties = {party for party, _w in weights} == {party for party, _w in today}
    by_population = scenario.key_basis == ScenarioKeyBasis.POPULATION
    key.area = scheme.key.area if same_parties else None  # the area's members are not changed
    key.reference_date = scenario.population_date if by_population else scheme.key.reference_date
    key.save(update_fields=["area", "reference_date"])
    scheme.key = key
    scheme.save(update_fields=["key"])


def store_rows(scenario: Scenario, rows, parties) -> None:
    """Replace the scenario's rows by the computed ones (every kind's per-party table)."""
    scenario.rows.all().delete()
    ScenarioRow.objects.bulk_create(
        ScenarioRow(
            scenario=scenario,
            organisation=parties[row.party],
            position=position,
            today_amount=row.today,
            today_pct=row.today_pct,
            weight=row.weight,
            amount=row.amount,
            share_pct=row.pct,
            naive_amount=row.naive_amount,
            change=row.kr,
            change_pct=row.change_pct,
        )
        for position, row in enumerate(rows)
    )
