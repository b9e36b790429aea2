"""Reads for the what-if scenarios: today's split of a scheme as the pure functions take it,
the population figures a key can be made of (a small selector of population keys of its own;
see the key rules of the budget run), and a stored scenario's figures for its tables."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import formats
from django.utils.translation import gettext as _

from organisations.models import Organisation, PopulationFigure
from socialaftale.lib.money import quantum
from socialaftale.lib.tables import display

from ..models import (
    ComponentKind,
    FinancingScheme,
    FinancingSplit,
    FinancingSplitRow,
    Scenario,
    ScenarioKind,
    ScenarioRow,
)
from ..scenarios import TodayRow

# --- Today's split and the population figures ---------------------------------------------


def current_split(scheme: FinancingScheme) -> FinancingSplit | None:
    """Today's figures: the scheme's newest split version."""
    return scheme.splits.order_by("-version").first()


def today_rows(split: FinancingSplit) -> tuple[list[TodayRow], dict[str, Organisation]]:
    """The split's rows for the pure functions, and its parties by the name they go by."""
    rows = list(split.rows.select_related("organisation").order_by("position"))
    today = [
        TodayRow(row.organisation.short_name, row.weight, row.share_pct, row.amount) for row in rows
    ]
    return today, {row.organisation.short_name: row.organisation for row in rows}


def population_counts(organisations, reference_date: dt.date, age_band: str) -> dict[str, int]:
    """The organisations' population figures of the date and age band, by short name."""
    figures = PopulationFigure.objects.filter(
        organisation__in=organisations, reference_date=reference_date, age_band=age_band
    ).select_related("organisation")
    return {figure.organisation.short_name: figure.count for figure in figures}


def population_label(reference_date: dt.date, age_band: str) -> str:
    """ "0-17-årige pr. 1. april 2017" (or "alle aldre pr. ...")."""
    when = formats.date_format(reference_date, "j. F Y")
    if age_band == "all":
        return _("all ages on %(date)s") % {"date": when}
    return _("%(band)s year olds on %(date)s") % {"band": age_band, "date": when}


def population_choices() -> list[tuple[str, str]]:
    """The population figures on file, one choice per date and age band ("2017-04-01|0-17"),
    newest first."""
    pairs = (
        PopulationFigure.objects.order_by("-reference_date", "age_band")
        .values_list("reference_date", "age_band")
        .distinct()
    )
    return [(f"{date.isoformat()}|{band}", population_label(date, band)) for date, band in pairs]


# --- A stored scenario's figures ----------------------------------------------------------


@dataclass(frozen=True)
class ScenarioRowFigures:
    party: str
    today: Decimal | None
    today_pct: Decimal | None
    amount: Decimal | None
    pct: Decimal | None
    change: Decimal
    change_pct: Decimal | None


@dataclass(frozen=True)
class ScenarioFigures:
    pk: int
    name: str
    scheme: str
    today_caption: str
    decimals: int
    today_method: str
    method: str
    changes: tuple[str, ...]
    rows: tuple[ScenarioRowFigures, ...]


def _row_figures(row: ScenarioRow, decimals: int) -> ScenarioRowFigures:
    """The amounts to the scheme's decimals (a money column stores øre)."""

    def money(value):
        return None if value is None else value.quantize(quantum(decimals))

    return ScenarioRowFigures(
        party=row.organisation.short_name,
        today=money(row.today_amount),
        today_pct=row.today_pct,
        amount=money(row.amount),
        pct=row.share_pct,
        change=money(row.change),
        change_pct=row.change_pct,
    )


def scenario_changes(scenario: Scenario) -> list[str]:
    """What the scenario changes, in words, for the page and the agenda item."""
    changes = _kind_changes(scenario)
    if scenario.new_total is not None:
        label = _("Total budget %(total)s kr.") if scenario.mixed_financing_id else None
        label = label or _("Total %(total)s kr.")
        changes.append(label % {"total": _kr(scenario.new_total)})
    if scenario.price_factor is not None:
        changes.append(_("Price index factor %(factor)s") % {"factor": scenario.price_factor})
    if scenario.population_date and scenario.age_band:
        label = population_label(scenario.population_date, scenario.age_band)
        changes.append(_("Population figures: %(figures)s") % {"figures": label})
    for title, parties in (
        (_("Added: %(names)s"), scenario.added_parties.all()),
        (_("Removed: %(names)s"), scenario.removed_parties.all()),
    ):
        if names := sorted(party.short_name for party in parties):
            changes.append(title % {"names": ", ".join(names)})
    return changes


def _kind_changes(scenario: Scenario) -> list[str]:
    """A mixed financing's share and cases, a tariff's components."""
    changes, given = [], scenario.changes or {}
    if given.get("objective_share") is not None:
        share = display(Decimal(given["objective_share"]) * 100, 2)
        changes.append(_("Objective share %(share)s %%") % {"share": share})
    if given.get("expected_cases") is not None:
        changes.append(_("Expected cases %(cases)s") % {"cases": given["expected_cases"]})
    kinds = dict(ComponentKind.choices)
    for key, amount in sorted(given.get("amounts", {}).items()):
        kind, package = key.split("|", 1)
        label = f"{kinds.get(kind, kind)} {package}".strip()
        changes.append(
            _("%(component)s %(amount)s kr.") % {"component": label, "amount": _kr(Decimal(amount))}
        )
    return changes


def _kr(amount: Decimal) -> str:
    return display(amount, 0 if amount == amount.to_integral_value() else 2)


def scenario_figures(scenario: Scenario) -> ScenarioFigures:
    """A scenario's rows per municipality (a scheme's split, a mixed financing's objective
    part, a tariff's consequence per buying municipality) for its tables."""
    rows = scenario.rows.select_related("organisation").order_by("position")
    base = scenario.base_split
    decimals = scenario.scheme.decimals if scenario.scheme_id else 0
    return ScenarioFigures(
        pk=scenario.pk,
        name=scenario.name,
        scheme=str(scenario.subject),
        today_caption=str(base) if base else "",
        decimals=decimals,
        today_method=base.method if base else "",
        method=scenario.method,
        changes=tuple(scenario_changes(scenario)),
        rows=tuple(_row_figures(row, decimals) for row in rows),
    )


def scenario_list_context(scheme: FinancingScheme) -> dict:
    scenarios = scheme.scenarios.filter(kind=ScenarioKind.SCHEME).select_related(
        "created_by", "adopted_by", "base_split"
    )
    return {"scheme": scheme, "scenarios": list(scenarios), "split": current_split(scheme)}


def scenarios_to_compare(scheme: FinancingScheme, pks) -> list[Scenario]:
    """The scheme's scenarios among `pks` computed against its current split (anything else
    is ignored), oldest first."""
    wanted = [int(pk) for pk in pks if str(pk).isdigit() and len(str(pk)) < 19]
    return list(
        scheme.scenarios.filter(
            kind=ScenarioKind.SCHEME, pk__in=wanted, base_split=current_split(scheme)
        )
        .order_by("created_at", "pk")
        .prefetch_related(
            Prefetch("rows", queryset=ScenarioRow.objects.select_related("organisation"))
        )
    )


def split_rows_by_party(split: FinancingSplit) -> dict[str, FinancingSplitRow]:
    return {row.organisation.short_name: row for row in split.rows.select_related("organisation")}
