"""The DAS item "Det forstærkede samarbejde – årsrapporter <år> og tilbud fremadrettet" made
from a year's round (SPEC §6, §7), registered with the meetings' agenda sources
(documents.agenda_sources); its attachment is the document kind of item_report.py."""

from django.utils.translation import pgettext_lazy

from documents import agenda_sources

from . import item_data, item_text

KIND = "enhanced_cooperation.item_report"


def _choices() -> list[tuple[str, str]]:
    rounds = item_data.item_rounds().order_by("-year", "-pk")
    return [(str(r.pk), item_text.round_label(r.year)) for r in rounds]


def _item(value: str) -> agenda_sources.GeneratedItem:
    reporting_round = item_data.item_rounds().get(pk=int(value))
    data = item_data.round_item_data(reporting_round)
    members = item_data.member_texts(data)
    nominations = item_data.nomination_texts(data)
    return agenda_sources.GeneratedItem(
        kind=KIND,
        params={"round": reporting_round.pk},
        section="decision",
        title=item_text.item_title(data.reporting_year),
        attachment_title=item_text.attachment_title(data.reporting_year),
        body_heading="discussion",
        summary=item_text.item_summary(data.reporting_year, members, nominations),
        recommendations=item_text.item_recommendations(
            members, nominations, item_data.next_year(reporting_round)
        ),
    )


def register_agenda_source() -> None:
    agenda_sources.register(
        "enhanced_cooperation",
        label=pgettext_lazy("agenda source", "The enhanced cooperation"),
        choices=_choices,
        build=_item,
        position=25,
    )
