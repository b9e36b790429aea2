"""The agenda items of the tariffs app, registered with the meetings' agenda sources
(documents.agenda_sources): "Socialtilsyn Nord – Budget <year>" with its financing table
(SPEC §7), and a what-if scenario's "Konsekvenser pr. kommune" (issue 15)."""

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import agenda_sources

from .models import Scenario, SupervisionBudget
from .selectors.scenarios import scenario_changes

SUBJECTS = ("scheme", "mixed_financing__offer", "tariff__offer")  # what a scenario is of


def _budget_choices() -> list[tuple[str, str]]:
    budgets = SupervisionBudget.objects.filter(price_basis=F("budget_year"))
    years = budgets.values_list("budget_year", flat=True).distinct().order_by("-budget_year")
    return [
        (str(year), _("Socialtilsyn Nord – Budget %(year)s") % {"year": year}) for year in years
    ]


def _budget_item(value: str) -> agenda_sources.GeneratedItem:
    year = int(value)
    if str(year) not in dict(_budget_choices()):
        raise ValueError(f"no Socialtilsyn budget for {year}")
    title = _("Socialtilsyn Nord – Budget %(year)s") % {"year": year}
    summary = _(
        "Socialtilsyn Nord's budget for %(year)s by department, the supervision tariffs and the "
        "financing of the foster-family area split between the municipalities by their number "
        "of 0–17 year olds. The tables are attached."
    ) % {"year": year}
    return agenda_sources.GeneratedItem(
        kind="tariffs.socialtilsyn_budget",
        params={"year": year},
        section="decision",
        title=title,
        attachment_title=title,
        body_heading="presentation",
        summary=summary,
        recommendations=[["godkender", _("the budget and its financing")]],
    )


def _scenario_choices() -> list[tuple[str, str]]:
    scenarios = Scenario.objects.filter(computed_at__isnull=False).select_related(*SUBJECTS)
    return [
        (str(s.pk), _("%(name)s (%(scheme)s)") % {"name": s.name, "scheme": s.subject})
        for s in scenarios.order_by("-created_at", "-pk")
    ]


def _scenario_item(value: str) -> agenda_sources.GeneratedItem:
    scenario = Scenario.objects.select_related(*SUBJECTS).get(
        pk=int(value), computed_at__isnull=False
    )
    title = _("Consequences per municipality: %(name)s") % {"name": scenario.name}
    changes = "; ".join(scenario_changes(scenario)) or _("no changes")
    summary = _(
        "What each municipality would pay for %(scheme)s with the scenario “%(name)s” "
        "(%(changes)s), beside today's split, in kr. and %%. The table is attached."
    ) % {"scheme": scenario.subject, "name": scenario.name, "changes": changes}
    return agenda_sources.GeneratedItem(
        kind="tariffs.scenario",
        params={"scenario": scenario.pk},
        section="decision",
        title=title,
        attachment_title=title,
        body_heading="presentation",
        summary=summary,
        recommendations=[
            ["tager stilling til", _("the scenario “%(name)s”") % {"name": scenario.name}]
        ],
    )


def register_agenda_source() -> None:
    agenda_sources.register(
        "scenario",
        label=gettext_lazy("Consequences per municipality"),
        choices=_scenario_choices,
        build=_scenario_item,
        position=22,  # after the Socialtilsyn budget
    )
    agenda_sources.register(
        "budget",
        label=gettext_lazy("Socialtilsyn Nord budget"),
        choices=_budget_choices,
        build=_budget_item,
        position=20,
    )
