"""The published tables of the tariffs app, each read by a selector, shaped by tables.py (with
the arithmetic in calculations.py) and shown alike by the page, the downloads and the PDF."""

from socialaftale.lib.tables import ReportTable

from . import tables
from .models import ComponentKind, FinancingScheme, Scenario, ScenarioKind
from .selectors import published, scheme_context, split_figures
from .selectors.scenarios import scenario_figures


def socialtilsyn_report(year: int) -> list[ReportTable]:
    """ "Socialtilsyn Nord – Budget <year>", rebuilt from the data."""
    return tables.socialtilsyn_tables(published.socialtilsyn_figures(year))


def appendix_coverage_year(year: int) -> int | None:
    return published.appendix_coverage_year(year)


def tariff_appendix_table(user, year: int) -> ReportTable:
    return tables.appendix_table(published.appendix(user, year))


def tariff_development_table(year: int) -> ReportTable:
    return tables.tariff_development_table(published.tariff_development_figures(year))


def development_contribution_table(year: int) -> ReportTable:
    return tables.development_contribution_table(published.contribution_figures(year))


def mixed_financing_table() -> ReportTable:
    return tables.mixed_financing_table(published.mixed_financing_records())


def scheme_report(scheme: FinancingScheme, version: str | None) -> dict:
    """The scheme page's splits, the chosen version and its table (None without a split)."""
    context = scheme_context(scheme, version)
    split, previous = context["split"], context["previous"]
    table = (
        tables.split_table(split_figures(split), split_figures(previous) if previous else None)
        if split
        else None
    )
    return {**context, "table": table}


def scenario_table(scenario: Scenario) -> ReportTable:
    """ "Konsekvenser pr. kommune": today's split beside the scenario."""
    return tables.scenario_table(scenario_figures(scenario))


def scenario_tables(scenario: Scenario) -> list[ReportTable]:
    """A scenario's tables: a mixed financing's or a tariff's figures first (when it is of
    one), then the consequences per municipality (when there are any)."""
    subject = str(scenario.subject)
    first = []
    if scenario.kind == ScenarioKind.MIXED:
        first = [tables.mixed_scenario_table(scenario.name, subject, scenario.result)]
    elif scenario.kind == ScenarioKind.TARIFF:
        kinds = dict(ComponentKind.choices)
        first = [tables.tariff_scenario_table(scenario.name, subject, scenario.result, kinds)]
    if first and not scenario.rows.exists():
        return first
    return [*first, scenario_table(scenario)]
