"""The agenda item "Udgiftsanalyse <year>" made from a computed analysis run (SPEC §7),
registered with the meetings' agenda sources (documents.agenda_sources)."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import agenda_sources
from socialaftale.lib.danish import format_decimal

from .models import AnalysisRun


def _pct(value) -> str:
    return format_decimal(Decimal(str(value)), 2)


def _analysis_choices() -> list[tuple[str, str]]:
    runs = AnalysisRun.objects.filter(result__isnull=False).order_by("-measure", "-version")
    return [(str(run.pk), f"{run} ({run.get_status_display().lower()})") for run in runs]


def _figures(run: AnalysisRun) -> dict:
    """What the item's text takes from the stored result: the reduction, the target, whether
    it is met (read in this one place)."""
    result = run.analysis_result
    return {
        "reduction": _pct(result.reduction_pct),
        "target": _pct(result.target_pct),
        "met": bool(result.target_met),
    }


def _analysis_item(value: str) -> agenda_sources.GeneratedItem:
    run = AnalysisRun.objects.get(pk=int(value), result__isnull=False)
    figures = _figures(run)
    met = _("The target is met.") if figures["met"] else _("The target is not met.")
    summary = _(
        "The expenditure analysis compares January %(measure)s with January %(baseline)s for "
        "the same citizens. The reduction in expenditure is %(reduction)s %% against the "
        "cumulative target for %(measure)s of %(target)s %% (the agreement aims at 5 %% by "
        "2020). %(met)s The tables by acting municipality are attached."
    ) % {
        "measure": run.measure[:4],
        "baseline": run.baseline[:4],
        "reduction": figures["reduction"],
        "target": figures["target"],
        "met": met,
    }
    title = _("Expenditure analysis %(year)s") % {"year": run.year}
    return agenda_sources.GeneratedItem(
        kind="monitoring.analysis_report",
        params={"run": run.pk},
        section="decision",
        title=title,
        attachment_title=title,
        body_heading="monitoring",
        summary=summary,
        recommendations=[["drøfter", _("the expenditure analysis")]],
    )


def register_agenda_source() -> None:
    agenda_sources.register(
        "analysis",
        label=gettext_lazy("Expenditure analysis"),
        choices=_analysis_choices,
        build=_analysis_item,
        position=10,
    )
