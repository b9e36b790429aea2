"""Agenda items generated from the portal's data (SPEC §7): the expenditure analysis, the
Socialtilsyn Nord budget with its financing table, the summary of a demand/capacity round.

Each source knows which data exists (its choices) and what the item says; the attachment is the
owning app's own PDF (its registered document kind), rendered in Celery by the documents app.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F
from django.utils.translation import gettext as _

from socialaftale.lib.danish import format_decimal


@dataclass(frozen=True)
class GeneratedItem:
    kind: str  # the document kind that renders the attachment
    params: dict
    section: str
    title: str
    attachment_title: str
    body_heading: str
    summary: str
    recommendations: list


def _pct(value) -> str:
    return format_decimal(Decimal(str(value)), 2)


# --- Udgiftsanalyse <year> (monitoring) ---


def _analysis_choices() -> list[tuple[str, str]]:
    from monitoring.models import AnalysisRun

    runs = AnalysisRun.objects.filter(result__isnull=False).order_by("-measure", "-version")
    return [(str(run.pk), f"{run} ({run.get_status_display().lower()})") for run in runs]


def _analysis_item(value: str) -> GeneratedItem:
    from monitoring.models import AnalysisRun

    run = AnalysisRun.objects.get(pk=int(value), result__isnull=False)
    result = run.analysis_result
    met = _("The target is met.") if result.target_met else _("The target is not met.")
    summary = _(
        "The expenditure analysis compares January %(measure)s with January %(baseline)s for "
        "the same citizens. The reduction in expenditure is %(reduction)s %% against the "
        "cumulative target for %(measure)s of %(target)s %% (the agreement aims at 5 %% by "
        "2020). %(met)s The tables by acting municipality are attached."
    ) % {
        "measure": run.measure[:4],
        "baseline": run.baseline[:4],
        "reduction": _pct(result.reduction_pct),
        "target": _pct(result.target_pct),
        "met": met,
    }
    title = _("Expenditure analysis %(year)s") % {"year": run.year}
    return GeneratedItem(
        kind="monitoring.analysis_report",
        params={"run": run.pk},
        section="decision",
        title=title,
        attachment_title=title,
        body_heading="monitoring",
        summary=summary,
        recommendations=[["drøfter", _("the expenditure analysis")]],
    )


# --- Socialtilsyn Nord – Budget <year> (tariffs) ---


def _budget_choices() -> list[tuple[str, str]]:
    from tariffs.models import SupervisionBudget

    budgets = SupervisionBudget.objects.filter(price_basis=F("budget_year"))
    years = budgets.values_list("budget_year", flat=True).distinct().order_by("-budget_year")
    return [
        (str(year), _("Socialtilsyn Nord – Budget %(year)s") % {"year": year}) for year in years
    ]


def _budget_item(value: str) -> GeneratedItem:
    year = int(value)
    if str(year) not in dict(_budget_choices()):
        raise ValueError(f"no Socialtilsyn budget for {year}")
    title = _("Socialtilsyn Nord – Budget %(year)s") % {"year": year}
    summary = _(
        "Socialtilsyn Nord's budget for %(year)s by department, the supervision tariffs and the "
        "financing of the foster-family area split between the municipalities by their number "
        "of 0–17 year olds. The tables are attached."
    ) % {"year": year}
    return GeneratedItem(
        kind="tariffs.socialtilsyn_budget",
        params={"year": year},
        section="decision",
        title=title,
        attachment_title=title,
        body_heading="presentation",
        summary=summary,
        recommendations=[["godkender", _("the budget and its financing")]],
    )


# --- Summary of a demand/capacity round (submissions) ---


def _round_choices() -> list[tuple[str, str]]:
    from submissions.models import ReportingRound

    # Only a round answered in a questionnaire has a summary (a citizen-list round has none).
    rounds = ReportingRound.objects.exclude(status="draft").exclude(form_version="")
    rounds = rounds.order_by("-year", "title")
    return [(str(r.pk), r.title) for r in rounds]


def _round_item(value: str) -> GeneratedItem:
    from submissions.models import ReportingRound

    rounds = ReportingRound.objects.exclude(status="draft").exclude(form_version="")
    reporting_round = rounds.get(pk=int(value))
    title = _("Summary: %(title)s") % {"title": reporting_round.title}
    summary = _(
        "The secretariat's summary of what the municipalities and the region reported in "
        "“%(title)s” (deadline %(deadline)s). The summary tables are attached."
    ) % {"title": reporting_round.title, "deadline": f"{reporting_round.deadline:%d.%m.%Y}"}
    return GeneratedItem(
        kind="submissions.round_summary",
        params={"round": reporting_round.pk},
        section="information",
        title=title,
        attachment_title=title,
        body_heading="information",
        summary=summary,
        recommendations=[["tager til efterretning", _("the summary")]],
    )


@dataclass(frozen=True)
class Source:
    label: str
    choices: object
    build: object


def sources() -> dict[str, Source]:
    return {
        "analysis": Source(_("Expenditure analysis"), _analysis_choices, _analysis_item),
        "budget": Source(_("Socialtilsyn Nord budget"), _budget_choices, _budget_item),
        "round": Source(_("Summary of a submission round"), _round_choices, _round_item),
    }


def grouped_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """For a <select> with <optgroup>s: values "source:value"."""
    return [
        (source.label, [(f"{code}:{value}", label) for value, label in source.choices()])
        for code, source in sources().items()
    ]


def build(choice: str) -> GeneratedItem:
    """ "analysis:12" -> the item to add; ValueError for anything that is not a current
    choice."""
    code, _sep, value = choice.partition(":")
    source = sources().get(code)
    if source is None or not value:
        raise ValueError(choice)
    try:
        return source.build(value)
    except Exception as exc:  # DoesNotExist, bad int
        raise ValueError(choice) from exc
