"""The agenda item "Socialtilsyn Nord – Budget <year>" with its financing table (SPEC §7),
registered with the meetings' agenda sources (documents.agenda_sources)."""

from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import agenda_sources

from .models import SupervisionBudget


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


def register_agenda_source() -> None:
    agenda_sources.register(
        "budget",
        label=gettext_lazy("Socialtilsyn Nord budget"),
        choices=_budget_choices,
        build=_budget_item,
        position=20,
    )
