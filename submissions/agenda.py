"""The agenda item "Summary: <round>" for a demand/capacity round (SPEC §7), registered with
the meetings' agenda sources (documents.agenda_sources)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from documents import agenda_sources

from .models import ReportingRound


def _summarised_rounds():
    # Only a round answered in a questionnaire has a summary (a citizen-list round has none).
    return ReportingRound.objects.exclude(status="draft").exclude(form_version="")


def _round_choices() -> list[tuple[str, str]]:
    rounds = _summarised_rounds().order_by("-year", "title")
    return [(str(r.pk), r.title) for r in rounds]


def _round_item(value: str) -> agenda_sources.GeneratedItem:
    reporting_round = _summarised_rounds().get(pk=int(value))
    title = _("Summary: %(title)s") % {"title": reporting_round.title}
    summary = _(
        "The secretariat's summary of what the municipalities and the region reported in "
        "“%(title)s” (deadline %(deadline)s). The summary tables are attached."
    ) % {"title": reporting_round.title, "deadline": f"{reporting_round.deadline:%d.%m.%Y}"}
    return agenda_sources.GeneratedItem(
        kind="submissions.round_summary",
        params={"round": reporting_round.pk},
        section="information",
        title=title,
        attachment_title=title,
        body_heading="information",
        summary=summary,
        recommendations=[["tager til efterretning", _("the summary")]],
    )


def register_agenda_source() -> None:
    agenda_sources.register(
        "round",
        label=gettext_lazy("Summary of a submission round"),
        choices=_round_choices,
        build=_round_item,
        position=30,
    )
